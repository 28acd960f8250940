"""Certificate files find their learner by login, e-mail or name; the doubtful ones are marked."""
from __future__ import annotations

import pytest

from lms365_desktop.core.certificate_matching import (
    Learner,
    MatchStatus,
    PatternError,
    compile_pattern,
    match_files,
    normalise,
)


def learner(n: str, login: str, email: str, name: str) -> Learner:
    return Learner(f"e{n}", f"u{n}", f"i:0#.f|membership|{login}", email, name)


LEARNERS = [
    learner("1", "anna.berg@contoso.com", "anna.berg@contoso.com", "Anna Berg"),
    learner("2", "aberg2@contoso.com", "anna.berg2@contoso.com", "Anna Berg"),
    learner("3", "john.smith@contoso.com", "john.smith@contoso.com", "John Smith"),
    learner("4", "jsmithson@contoso.com", "john.smithson@contoso.com", "John Smithson"),
    learner("5", "zoe.muller@contoso.com", "zoe.muller@contoso.com", "Zoë Müller"),
]


def by_name(matches):
    return {m.path.name: m for m in matches}


def test_matches_by_email_login_and_name():
    matches = by_name(match_files(
        ["anna.berg@contoso.com.pdf", "certificate - aberg2.pdf", "John_Smithson_2024.pdf",
         "Zoe Muller.png", "john smith.pdf"],
        LEARNERS,
    ))
    assert matches["anna.berg@contoso.com.pdf"].learner.enrollment_id == "e1"
    assert matches["certificate - aberg2.pdf"].learner.enrollment_id == "e2"
    assert matches["John_Smithson_2024.pdf"].learner.enrollment_id == "e4"  # not John Smith
    assert matches["Zoe Muller.png"].learner.enrollment_id == "e5"  # accents ignored
    assert matches["john smith.pdf"].learner.enrollment_id == "e3"
    assert all(m.status is MatchStatus.MATCHED for m in matches.values())


def test_shared_name_is_ambiguous_and_unknown_is_unmatched():
    matches = by_name(match_files(["Anna Berg.pdf", "Somebody Else.pdf"], LEARNERS))
    ambiguous = matches["Anna Berg.pdf"]
    assert ambiguous.status is MatchStatus.AMBIGUOUS and ambiguous.learner is None
    assert {c.enrollment_id for c in ambiguous.candidates} == {"e1", "e2"}
    assert matches["Somebody Else.pdf"].status is MatchStatus.UNMATCHED
    ambiguous.assign(LEARNERS[1])
    assert ambiguous.status is MatchStatus.MANUAL and ambiguous.learner.enrollment_id == "e2"


def test_two_files_for_one_learner_are_duplicates():
    matches = match_files(["john.smith@contoso.com.pdf", "John Smith (copy).pdf"], LEARNERS)
    assert [m.status for m in matches] == [MatchStatus.DUPLICATE, MatchStatus.DUPLICATE]


def test_pattern_restricts_where_the_learner_is_read():
    # With the pattern the year prefix is not part of the learner text.
    matches = match_files(["2024_cert_John Smith.pdf", "John Smith.pdf"], LEARNERS, "*_cert_{learner}")
    assert matches[0].learner.enrollment_id == "e3"
    assert matches[1].status is MatchStatus.UNMATCHED  # does not fit the pattern at all
    with pytest.raises(PatternError):
        compile_pattern("no token")
    with pytest.raises(PatternError):
        compile_pattern("{learner}{learner}")


def test_normalise():
    assert normalise("  Zoë_MÜLLER--x ") == "zoe muller x"
    assert normalise("a.b@c.com") == "a b@c com"
