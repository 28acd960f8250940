"""Every read operation against the sandbox over loopback, checked against what the server holds."""
from __future__ import annotations

from lms365_desktop.api import models as m
from lms365_desktop.api.enums import CourseType, ProvisioningStatus
from lms365_desktop.api.odata import Guid, Query
from lms365_desktop.sandbox import store as s

from .conftest import store_rows


async def test_catalogs_and_courses_from_catalog(client, sandbox):
    catalogs = await client.get_course_catalogs()
    held = store_rows(sandbox, s.CourseCatalog)
    assert sorted(c.title for c in catalogs) == sorted(r["Title"] for r in held)
    catalog = await client.get_courses_from_catalog(catalogs[0].id)
    assert isinstance(catalog, m.CourseCatalog) and catalog.id == catalogs[0].id
    expected = {r["Id"] for r in store_rows(sandbox, s.Course, s.Course.CourseCatalogId == catalogs[0].id)}
    assert {c.id for c in catalog.courses} <= expected and catalog.courses
    assert all(c.sharepoint_web is not None and c.sharepoint_web.url for c in catalog.courses)


async def test_course_info_with_the_connectors_default_expand(client, sandbox):
    course_row = store_rows(sandbox, s.Course, s.Course.CourseType == "ClassRoom")[0]
    course = await client.get_course_info(course_row["Id"])
    assert course.title == course_row["Title"]
    assert course.course_type is CourseType.ClassRoom
    assert course.sharepoint_web is not None and course.sharepoint_web.url
    assert isinstance(course.provisioning_progress, m.ProvisioningProgress)
    assert course.course_sessions is not None and course.categories is not None and course.trainers is not None
    held_sessions = store_rows(sandbox, s.CourseSession, s.CourseSession.CourseId == course_row["Id"])
    assert {x.id for x in course.course_sessions} == {r["Id"] for r in held_sessions}
    # The server's extra annotations are kept, not dropped.
    assert "@odata.context" in course.model_extra


async def test_provisioning_status_categories_tags_users_enrollment(client, sandbox):
    states = await client.get_course_provisioning_status()
    assert len(states) == len(store_rows(sandbox, s.Course))
    assert all(st.provisioning_progress.status is ProvisioningStatus.Completed for st in states)

    catalog_id = store_rows(sandbox, s.CourseCatalog)[0]["Id"]
    categories = await client.get_course_categories(Query().where(CourseCatalogId=Guid(catalog_id)))
    held = store_rows(sandbox, s.CourseCategory, s.CourseCategory.CourseCatalogId == catalog_id)
    assert sorted(c.name for c in categories) == sorted(r["Name"] for r in held)
    tags = await client.get_course_tags()
    assert len(tags) == len(store_rows(sandbox, s.CourseTag)) and all(isinstance(t, m.CourseTag) for t in tags)

    user_row = store_rows(sandbox, s.User)[7]
    users = await client.get_users(email=user_row["Email"])
    assert [u.login_name for u in users] == [user_row["LoginName"]]

    enrollment_row = store_rows(sandbox, s.Enrollment)[0]
    enrollment = await client.get_enrollment_by_id(enrollment_row["Id"])
    assert enrollment.user_login_name == enrollment_row["UserLoginName"]
    assert enrollment.registration_status.name == enrollment_row["RegistrationStatus"]


async def test_hostile_filter_text_finds_the_right_rows_and_cannot_widen_the_query(client, sandbox):
    quoted = [r for r in store_rows(sandbox, s.User) if "'" in r["Title"]]
    assert quoted, "the seed has names such as O'Brien"
    target = quoted[0]
    found = await client.paginate("Users", Query().filter("Title eq {}", target["Title"])).__anext__()
    assert found.id == target["Id"]
    same = [u async for u in client.paginate("Users", Query().filter("Title eq {}", target["Title"]))]
    assert len(same) == len([r for r in quoted if r["Title"] == target["Title"]])
    # Text that would widen an unquoted query to every user stays one literal: nothing matches.
    hostile = "x' or Title ne 'x"
    assert await client.get_users(email=hostile) == []
    assert await client.count("Users", Query().filter("Title eq {}", hostile)) == 0
    assert await client.count("Users", Query().filter(f"Title eq '{hostile}'")) == len(store_rows(sandbox, s.User))


async def test_paging_follows_next_links(make_sandbox):
    from lms365_desktop.api.client import Lms365Client

    server = make_sandbox(page_size=7, users=40, courses=4)
    async with Lms365Client(server.base_url, server.api_key) as client:
        first = await client.fetch_page("Users", Query().order_by("Title").with_count())
        assert len(first.rows) == 7 and first.next_link and first.count == 40
        titles = [u.title async for u in client.paginate("Users", Query().order_by("Title"))]
        assert len(titles) == 40 and titles == sorted(titles)
        assert len({r.url for r in client.request_log if "/Users" in r.url}) >= 7
        assert await client.count("Users") == 40
        rows = [r async for r in client.paginate("Users", Query().select("Id", "Email"), model=None)]
        assert isinstance(rows[0], dict) and set(rows[0]) >= {"Id", "Email"}


async def test_every_entity_set_parses_and_no_wire_field_is_missed(client):
    """Rows of each entity set parse, and no field the model declares arrives as an 'extra'
    (which would mean a wrong alias)."""
    from lms365_desktop.api.errors import NotFoundError

    parsed = 0
    for entity_set, model in m.ENTITY_MODELS.items():
        try:
            page = await client.fetch_page(entity_set, Query().top(25))
        except NotFoundError:
            continue  # an entity set the sandbox does not serve
        declared = {f.alias or name for name, f in model.model_fields.items()}
        for row in page.rows:
            assert isinstance(row, model)
            assert not (set(row.model_extra) & declared), (entity_set, set(row.model_extra) & declared)
        parsed += bool(page.rows)
    assert parsed >= 9
