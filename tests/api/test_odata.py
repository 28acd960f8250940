"""Query builder and literals: typed text can never change the shape of a query."""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, strategies as st

from lms365_desktop.api.errors import InputValidationError
from lms365_desktop.api.enums import CourseType
from lms365_desktop.api.odata import Guid, Query, contains, eq, odata_literal


def test_literals():
    assert odata_literal("O'Neil") == "'O''Neil'"
    assert odata_literal(uuid.UUID("027707f9-98d5-5ddf-b98f-0a99a220c1ef")) == "027707f9-98d5-5ddf-b98f-0a99a220c1ef"
    assert odata_literal(Guid("{027707F9-98D5-5DDF-B98F-0A99A220C1EF}")) == "027707f9-98d5-5ddf-b98f-0a99a220c1ef"
    assert odata_literal(datetime(2024, 1, 15, 16, 0, tzinfo=timezone(timedelta(hours=1)))) == "2024-01-15T15:00:00.000Z"
    assert odata_literal(datetime(2024, 1, 15)) == "2024-01-15T00:00:00.000Z"
    assert odata_literal(True) == "true" and odata_literal(None) == "null" and odata_literal(3) == "3"
    assert odata_literal(CourseType.ClassRoom) == "'ClassRoom'"


def test_guid_rejects_text_that_is_not_an_id():
    with pytest.raises(InputValidationError, match="027707f9"):
        Guid("1 or true")


def test_builder_renders_all_options_and_is_immutable():
    base = Query()
    q = (base.filter("Title eq {} and CourseType eq {}", "Bob's", CourseType.Webinar)
         .select("Id", "Title").expand("Courses", Query().select("Id")).order_by("Title desc")
         .top(50).skip(100).with_count())
    assert base.params() == {}
    assert q.params() == {
        "$filter": "Title eq 'Bob''s' and CourseType eq 'Webinar'",
        "$select": "Id,Title",
        "$expand": "Courses($select=Id)",
        "$orderby": "Title desc",
        "$top": "50",
        "$skip": "100",
        "$count": "true",
    }


def test_several_filters_are_anded_in_parentheses():
    q = Query().filter(contains("Title", "a")).where(IsPublished=True)
    assert q.params()["$filter"] == "(contains(Title,'a')) and (IsPublished eq true)"


@pytest.mark.parametrize("bad", ["Title desc, Id", "Title;drop", "Title)", "x eq 1"])
def test_property_names_cannot_smuggle_options(bad):
    with pytest.raises(InputValidationError):
        Query().select(bad)


@given(st.text())
def test_any_text_is_one_string_literal(text):
    rendered = eq("Title", text)
    literal = rendered.removeprefix("Title eq ")
    assert literal.startswith("'") and literal.endswith("'")
    inner = literal[1:-1]
    # Every quote inside is doubled: the literal cannot end early.
    assert inner.replace("''", "").count("'") == 0
    assert inner.replace("''", "'") == text


def test_decode_page_reads_rows_next_link_and_count_and_converts_each_row():
    from lms365_desktop.api.odata import decode_page

    body = b'{"@odata.count": 7, "value": [{"Id": "a"}, {"Id": "b"}], "@odata.nextLink": "https://h/x?$skip=2"}'
    page = decode_page(body, "Users")
    assert page.rows == [{"Id": "a"}, {"Id": "b"}] and page.count == 7 and page.has_more
    assert decode_page(body, "Users", lambda row: row["Id"]).rows == ["a", "b"]
    last = decode_page(b'{"value": []}', "Users")
    assert last.rows == [] and not last.has_more and last.count is None


@pytest.mark.parametrize("body, words", [(b"<html>", "did not return JSON"), (b"", "did not return JSON"),
                                         (b'{"error": {}}', "did not return a list of rows")])
def test_decode_page_says_what_came_instead_of_a_page(body, words):
    from lms365_desktop.api.errors import Lms365Error
    from lms365_desktop.api.odata import decode_page

    with pytest.raises(Lms365Error, match=words) as caught:
        decode_page(body, "Users")
    assert caught.value.code == "UnexpectedResponse" and "Users" in caught.value.message
