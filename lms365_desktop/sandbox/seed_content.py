"""Demo learning modules and quizzes for seeded courses, from their own random stream.

A separate stream keeps every other seeded value (users, enrollments, …) exactly what it was
before course content existed, so a given --seed still means the same tenant."""
from __future__ import annotations

import datetime as dt
import json
import random
from typing import Callable

from . import enums

# (title, what the learner does) per module, in course order.
MODULE_STEPS = (
    ("Introduction", "why the topic matters and what the course covers"),
    ("Key concepts", "the terms and rules you will use every day"),
    ("In practice", "worked examples from real situations at work"),
    ("Common mistakes", "what goes wrong most often and how to avoid it"),
    ("Case study", "a scenario to work through on your own"),
    ("Summary", "the main points to remember"),
)
# ItemType values are not public (API notes §5); these are the stand-in's own.
ITEM_KINDS = (("Video", 1, "https://media.contoso.com/lms/{slug}/video-{n}.mp4"),
              ("Reading", 2, "<p>{title}: read this page before you continue.</p>"),
              ("Document", 3, "https://contoso.sharepoint.com/sites/lms/{slug}/handout-{n}.pdf"),
              ("Check-in", 4, "Confirm that you have understood {title}."))


def course_content(seed: int, courses: list[dict], today: dt.datetime,
                   wire: Callable[[dt.datetime], str]) -> tuple[list[tuple], list[tuple]]:
    """(LearningModules rows, Quizzes rows) for the seeded courses."""
    rng = random.Random(f"course-content-{seed}")

    def uid() -> str:
        h = "%032x" % rng.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"

    modules, quizzes = [], []
    for course in courses:
        kind = course["_type"]
        if kind == enums.CourseType.ELearning:
            steps = MODULE_STEPS[:rng.randint(2, 5)] + MODULE_STEPS[-1:]
            slug = course["CourseID"].lower()
            # Reads without $orderby come back in key order, so the ids ascend with Order.
            module_ids = sorted(uid() for _ in steps)
            for order, ((step, about), module_id) in enumerate(zip(steps, module_ids), start=1):
                items = []
                for n in range(1, rng.randint(2, 4) + 1):
                    label, item_type, content = rng.choice(ITEM_KINDS)
                    items.append({
                        "Id": uid(), "Title": f"{step} – {label.lower()} {n}",
                        "Content": content.format(slug=slug, n=n, title=step), "ItemType": item_type,
                        "Type": item_type, "EmbedType": 1 if label == "Video" else 0,
                        "ConfirmationMessage": "I have completed this part." if label == "Check-in" else None,
                        "CheckMarkMessage": "Done" if label == "Check-in" else None,
                    })
                configuration = json.dumps({"LearningModuleId": module_id, "Items": items}, ensure_ascii=False)
                modules.append((module_id, course["Id"], f"{order}. {step}",
                                f"{course['Title']}: {about}.", int(order < len(steps) or rng.random() < 0.9),
                                order, int(order > 1 and rng.random() < 0.4), configuration))
        wants_quiz = {enums.CourseType.ELearning: 0.85, enums.CourseType.ClassRoom: 0.3,
                      enums.CourseType.Webinar: 0.2}.get(kind, 0.0)
        if rng.random() < wants_quiz:
            modified = today - dt.timedelta(days=rng.randint(1, 200), minutes=rng.randint(0, 600))
            limit = rng.choice((None, "00:15:00", "00:20:00", "00:30:00"))
            quizzes.append((uid(), course["Id"], f"{course['Title']} – final check",
                            f"Check what you learned in {course['Title']}.", rng.choice((0, 1, 3, 3, 5)),
                            rng.choice((70, 75, 80, 80, 90)), 1, None, None, int(rng.random() < 0.6), 1,
                            int(rng.random() < 0.8), int(rng.random() < 0.4), limit, int(limit is not None),
                            wire(modified)))
    return modules, quizzes


MODULE_COLUMNS = ("Id", "CourseId", "Title", "Description", "IsPublished", "Order", "HasPrerequisite",
                  "Configuration")
QUIZ_COLUMNS = ("Id", "CourseId", "Title", "Description", "MaxAttemptsLimit", "PassingPercentage", "IsPublished",
                "PublishingStartDate", "PublishingEndDate", "Randomize", "ShowScore", "AllowReview",
                "ShowCorrectAnswers", "TimeLimit", "ShowTimer", "ModifiedAt")
