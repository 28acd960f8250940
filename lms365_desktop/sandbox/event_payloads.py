"""Webhook notification items built from stored rows, collected during a write and published after commit."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from . import enums
from .store import Course, Enrollment, SharepointWeb, User
from .webhooks import WebhookHub, course_notification, enrollment_notification, user_notification


def course_view(session: Session, course: Course) -> dict:
    web = session.get(SharepointWeb, course.SharepointWebId) if course.SharepointWebId else None
    return {
        "Id": course.Id, "Title": course.Title, "CourseType": course.CourseType, "IsPublished": course.IsPublished,
        "SharepointWeb": {"SiteId": web.SiteId, "Id": web.Id, "Url": web.Url} if web is not None else None,
    }


def user_view(user: User) -> dict:
    return {"Id": user.Id, "LoginName": user.LoginName, "Email": user.Email, "Title": user.Title,
            "DirectoryObjectId": user.DirectoryObjectId, "Department": user.Department,
            "IsDeleted": user.IsDeleted}


@dataclass
class Outbox:
    """Events of one write: published only once its transaction has committed."""

    items: list[tuple[str, dict]] = field(default_factory=list)

    def course_event(self, session: Session, event: str, course: Course) -> None:
        self.items.append((event, course_notification(event, course_view(session, course))))

    def user_event(self, event: str, user: User) -> None:
        self.items.append((event, user_notification(event, user_view(user))))

    def enrollment_event(self, session: Session, event: str, enrollment: Enrollment) -> None:
        course = session.get(Course, enrollment.CourseId)
        user = session.get(User, enrollment.UserId)
        assert course is not None and user is not None
        status = enums.parse_enum(enums.RegistrationStatus, enrollment.RegistrationStatus)
        self.items.append((event, enrollment_notification(
            event, course_view(session, course), [(user_view(user), enrollment.Id)], int(status), status.name)))

    def publish(self, hub: WebhookHub | None) -> None:
        if hub is None:
            return
        for event, notification in self.items:
            hub.publish(event, notification)
        self.items.clear()
