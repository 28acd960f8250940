"""OData query options on the sandbox: each $filter feature, $select, $expand, $orderby, $count."""
from __future__ import annotations

import httpx
import pytest


@pytest.fixture(scope="module")
def api(sandbox):
    with httpx.Client(base_url=sandbox.base_url + "/odata/v2", auth=("api", sandbox.api_key),
                      timeout=10) as client:
        yield client


def rows(api, entity_set: str, **params) -> list[dict]:
    response = api.get(f"/{entity_set}", params={f"${k}": v for k, v in params.items()})
    assert response.status_code == 200, response.text
    return response.json()["value"]


def error(api, entity_set: str, **params) -> str:
    response = api.get(f"/{entity_set}", params={f"${k}": v for k, v in params.items()})
    assert response.status_code == 400, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"]
    return body["error"]["message"]


@pytest.fixture(scope="module")
def users(api):
    return rows(api, "Users")


def test_comparison_logical_operators_and_parentheses(api, users):
    expected = [u["Id"] for u in users
                if (u["Department"] == "Sales" or u["Department"] == "Legal")
                and u["Country"] != "Denmark"]
    got = rows(api, "Users", filter="(Department eq 'Sales' or Department eq 'Legal') and "
                                    "not (Country eq 'Denmark')", orderby="Id")
    assert [u["Id"] for u in got] == sorted(expected) and expected


def test_text_comparisons_ignore_case_like_sql_server(api, users):
    """The real service runs on SQL Server's default, case-insensitive collation (notes section 3)."""
    name = users[0]["Title"]
    prefix = name[:3]
    assert prefix != prefix.lower()
    expected = {u["Id"] for u in users if u["Title"].casefold().startswith(prefix.casefold())}
    for typed in (prefix, prefix.lower(), prefix.upper()):
        assert {u["Id"] for u in rows(api, "Users", filter=f"startswith(Title,'{typed}')")} == expected
    word = name.split()[-1]
    contained = {u["Id"] for u in users if word.casefold() in u["Title"].casefold()}
    assert {u["Id"] for u in rows(api, "Users", filter=f"contains(Title,'{word.upper()}')")} == contained
    same = {u["Id"] for u in users if u["Title"].casefold() == name.casefold()}
    assert {u["Id"] for u in rows(api, "Users", filter=f"Title eq '{name.lower()}'")} == same
    assert {u["Id"] for u in rows(api, "Users", filter=f"Title in ('{name.upper()}','nobody')")} == same
    assert {u["Id"] for u in rows(api, "Users", filter=f"Title eq '{name.lower()}' or Title eq 'nobody'")} == same
    ends = {u["Id"] for u in users if (u["Email"] or "").casefold().endswith("@fabrikam.com")}
    assert {u["Id"] for u in rows(api, "Users", filter="endswith(Email,'@FABRIKAM.COM')")} == ends and ends
    ordered = [u["Title"] for u in rows(api, "Users", orderby="Title", select="Title,Id")]
    assert [t.casefold() for t in ordered] == sorted(t.casefold() for t in ordered)
    assert rows(api, "Users", filter="Title eq null") == []


def test_contains_endswith_and_case_functions(api, users):
    expected = {u["Id"] for u in users if "ann" in u["Title"].lower()}
    got = rows(api, "Users", filter="contains(tolower(Title),'ann')")
    assert {u["Id"] for u in got} == expected and expected
    upper = rows(api, "Users", filter="contains(toupper(Title),'ANN')")
    assert {u["Id"] for u in upper} == expected
    ends = rows(api, "Users", filter="endswith(Email,'@fabrikam.com')")
    assert ends and all(u["Email"].endswith("@fabrikam.com") and u["IsExternal"] for u in ends)


def test_like_wildcards_in_contains_are_literal(api):
    assert rows(api, "Users", filter="contains(Title,'%')") == []
    assert rows(api, "Users", filter="contains(Title,'_')") == []


def test_null_guid_datetime_and_enum_literals(api, users):
    no_manager = rows(api, "Users", filter="ManagerId eq null")
    assert [u["Id"] for u in no_manager] == [u["Id"] for u in users if u["ManagerId"] is None]
    boss = no_manager[0]["Id"]
    reports = rows(api, "Users", filter=f"ManagerId eq {boss}")
    assert reports and all(u["ManagerId"] == boss for u in reports)
    courses = rows(api, "Courses")
    cutoff = sorted(c["CreatedAt"] for c in courses)[len(courses) // 2]
    newer = rows(api, "Courses", filter=f"CreatedAt ge {cutoff}")
    assert {c["Id"] for c in newer} == {c["Id"] for c in courses if c["CreatedAt"] >= cutoff}
    webinars = rows(api, "Courses", filter="CourseType eq 'Webinar'")
    assert webinars and all(c["CourseType"] == "Webinar" for c in webinars)
    assert len(webinars) == sum(c["CourseType"] == "Webinar" for c in courses)


def test_datetime_literals_with_offsets_dates_and_functions(api):
    def ids(text):
        return {c["Id"] for c in rows(api, "Courses", filter=text)}
    utc = ids("CreatedAt ge 2025-06-01T00:00:00Z")
    assert utc == ids("CreatedAt ge 2025-06-01T02:00:00+02:00") == ids("CreatedAt ge 2025-06-01")
    assert utc == ids("CreatedAt ge 2025-06-01T00:00:00.000Z")
    courses = rows(api, "Courses")
    assert ids("year(CreatedAt) eq 2025") == {c["Id"] for c in courses
                                               if c["CreatedAt"].startswith("2025-")}


def test_qualified_enum_literals_and_in_lists(api):
    courses = rows(api, "Courses")
    webinars = {c["Id"] for c in courses if c["CourseType"] == "Webinar"}
    qualified = rows(api, "Courses", filter="CourseType eq LMS365.Api.CourseType'Webinar'")
    assert {c["Id"] for c in qualified} == webinars and webinars
    live = rows(api, "Courses", filter="CourseType in ('Webinar','ClassRoom')")
    assert {c["Id"] for c in live} == {c["Id"] for c in courses
                                       if c["CourseType"] in ("Webinar", "ClassRoom")}
    # A quoted string that merely looks like one stays a string.
    lookalike = "Title eq 'LMS365.Api.CourseType''Webinar'''"
    assert rows(api, "Courses", filter=lookalike) == []


def test_quotes_inside_string_literals(api, users):
    irish = {u["Id"] for u in users if "O'Brien" in u["Title"]}
    got = rows(api, "Users", filter="contains(Title,'O''Brien')")
    assert {u["Id"] for u in got} == irish and irish


def test_any_and_all_on_collections(api):
    courses = rows(api, "Courses", expand="Categories($select=Name)")
    has = {c["Id"] for c in courses if any(x["Name"] == "Compliance" for x in c["Categories"])}
    only = {c["Id"] for c in courses if all(x["Name"] == "Compliance" for x in c["Categories"])}
    got_any = rows(api, "Courses", filter="Categories/any(x:x/Name eq 'Compliance')")
    got_all = rows(api, "Courses", filter="Categories/all(x:x/Name eq 'Compliance')")
    assert {c["Id"] for c in got_any} == has and has
    assert {c["Id"] for c in got_all} == only


def test_navigation_path_in_filter_and_orderby(api):
    got = rows(api, "Enrollments", filter="User/Department eq 'Legal'", expand="User",
               orderby="User/Title,Id", top="50")
    assert got and all(e["User"]["Department"] == "Legal" for e in got)
    titles = [e["User"]["Title"] for e in got]
    assert titles == sorted(titles)


def test_select_returns_only_named_properties(api):
    got = rows(api, "Users", select="Id,Title", top="5")
    assert len(got) == 5 and all(set(u) == {"Id", "Title"} for u in got)


def test_expand_nested_two_levels_with_options(api):
    got = rows(api, "CourseCatalogs",
               expand="Courses($select=Id,Title;$orderby=Title desc;$top=3;"
                      "$expand=Categories($select=Name))")
    for catalog in got:
        titles = [c["Title"] for c in catalog["Courses"]]
        assert len(titles) == 3 and titles == sorted(titles, reverse=True)
        assert all(set(c) == {"Id", "Title", "Categories"} for c in catalog["Courses"])
        assert all(set(cat) == {"Name"} for c in catalog["Courses"] for cat in c["Categories"])
    assert "maximum depth" in error(api, "Enrollments",
                                    expand="User($expand=Manager($expand=Manager))")


def test_orderby_several_keys(api, users):
    got = rows(api, "Users", orderby="Department desc,Title asc", select="Department,Title,Id")
    keys = [(u["Department"], u["Title"]) for u in got]
    assert keys == sorted(keys, key=lambda k: (_desc(k[0]), k[1]))


def _desc(text: str):
    return [-ord(char) for char in text] + [0]


def test_top_skip_and_count(api, users):
    page = api.get("/Users", params={"$top": "10", "$skip": "20", "$count": "true",
                                     "$orderby": "Id"}).json()
    assert page["@odata.count"] == len(users)
    assert [u["Id"] for u in page["value"]] == sorted(u["Id"] for u in users)[20:30]
    assert "@odata.nextLink" not in page


def test_dollar_count_is_a_bare_integer(api, users):
    response = api.get("/Users/$count")
    assert response.status_code == 200 and response.text == str(len(users))
    sales = api.get("/Users/$count", params={"$filter": "Department eq 'Sales'"}).text
    assert int(sales) == sum(u["Department"] == "Sales" for u in users)


@pytest.mark.parametrize("params, named", [
    ({"filter": "Nope eq 1"}, "Nope"),
    ({"filter": "Title eq"}, "Title eq"),
    ({"filter": "CourseType eq 'Seminar'"}, "Seminar"),
    ({"filter": "ManagerId eq 'not-a-guid'"}, "not-a-guid"),
    ({"filter": "IsExternal eq true"}, "IsExternal"),
    ({"filter": "Enrollments/Progress eq 1"}, "Enrollments"),
    ({"filter": "Enrollments eq CreatedAt"}, "Enrollments"),
    ({"filter": "Manager eq null"}, "Manager"),
    ({"select": "Title,Shoe"}, "Shoe"),
    ({"expand": "Hats"}, "Hats"),
    ({"orderby": "Title sideways"}, "Title sideways"),
    ({"top": "-1"}, "$top"),
    ({"skip": "x"}, "$skip"),
    ({"count": "maybe"}, "$count"),
    ({"filter": "contains(Title,"}, "contains(Title,"),
])
def test_bad_queries_are_400_naming_the_offending_part(api, params, named):
    entity_set = "Courses" if "CourseType" in params.get("filter", "") else "Users"
    assert named in error(api, entity_set, **params)


@pytest.mark.parametrize("option, value", [("$frobnicate", "1"), ("$search", "anna"),
                                           ("$format", "xml")])
def test_unsupported_query_options_are_400(api, option, value):
    response = api.get("/Users", params={option: value})
    assert response.status_code == 400 and option in response.json()["error"]["message"]
    assert api.get("/Users", params={"$format": "json", "$top": "1"}).status_code == 200


# Fragments that combine into mostly-valid, often-invalid OData, to look for any 500.
_TOKENS = ["Title", "Department", "ManagerId", "CreatedAt", "IsExternal", "Enrollments",
           "Manager", "Manager/Title", "eq", "ne", "gt", "and", "or", "not", "(", ")", "'x'",
           "null", "true", "1", "-2.5", "2024-01-01T00:00:00Z", "2024-13-45",
           "00000000-0000-0000-0000-000000000000", "contains(", "startswith(", "tolower(",
           "length(", "substring(", "any(", "all(", "e:e/Progress", ",", "/", "$", "in",
           "('a','b')", "add", "'", "''", "%", "\u00e9", "desc", ";", "$select=Id", "*", "="]


@pytest.mark.parametrize("option", ["filter", "orderby", "select", "expand", "top"])
def test_no_query_text_makes_a_server_error(api, option):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=8).map(" ".join)
           | st.text(max_size=30))
    def check(text):
        response = api.get("/Users", params={f"${option}": text, "$top": "2"}
                           if option != "top" else {"$top": text})
        assert response.status_code in (200, 400), (text, response.text)
        if response.status_code == 400:
            assert response.json()["error"]["message"]

    check()


def test_enrollments_of_deleted_users_only_via_include_deleted_users(make_sandbox):
    from sqlalchemy import select

    from lms365_desktop.sandbox.store import User

    server = make_sandbox(users=30, courses=6)
    with httpx.Client(base_url=server.base_url + "/odata/v2", auth=("api", server.api_key)) as api:
        before = rows(api, "Enrollments")
        gone = before[0]["UserId"]
        with server.store.session() as session:
            session.scalars(select(User).where(User.Id == gone)).one().IsDeleted = True
        after = rows(api, "Enrollments")
        assert {e["Id"] for e in after} == {e["Id"] for e in before if e["UserId"] != gone}
        assert int(api.get("/Enrollments/$count").text) == len(after)
        everything = api.get("/Enrollments/IncludeDeletedUsers()").json()["value"]
        assert {e["Id"] for e in everything} == {e["Id"] for e in before}
        assert api.get(f"/Enrollments({before[0]['Id']})").status_code == 200


def test_option_names_are_not_case_sensitive(api, users):
    got = api.get("/Users", params={"$Filter": "Department eq 'Sales'", "$TOP": "3"}).json()
    assert len(got["value"]) == 3 and all(u["Department"] == "Sales" for u in got["value"])


def test_courses_still_provisioning_stay_out_of_every_plain_read(make_sandbox):
    from sqlalchemy import select

    from lms365_desktop.sandbox.store import Course, CourseCategory, course_categories, new_id

    server = make_sandbox(users=20, courses=6)
    with server.store.session() as session:
        template = session.scalars(select(Course).limit(1)).one()
        category = session.scalars(select(CourseCategory).where(
            CourseCategory.CourseCatalogId == template.CourseCatalogId).limit(1)).one()
        hidden = Course(Id=new_id(), CourseCatalogId=template.CourseCatalogId, Title="Not yet",
                        CourseType="ELearning", IsCreated=False)
        session.add(hidden)
        session.flush()
        session.execute(course_categories.insert().values(CourseId=hidden.Id,
                                                          CategoryId=category.Id))
    with httpx.Client(base_url=server.base_url + "/odata/v2", auth=("api", server.api_key)) as api:
        assert hidden.Id not in {c["Id"] for c in rows(api, "Courses")}
        catalog = api.get(f"/CourseCatalogs({template.CourseCatalogId})",
                          params={"$expand": "Courses($select=Id)"}).json()
        assert hidden.Id not in {c["Id"] for c in catalog["Courses"]}
        navigation = api.get(f"/CourseCategories({category.Id})/Courses").json()["value"]
        assert hidden.Id not in {c["Id"] for c in navigation}
        expanded = rows(api, "CourseCategories", expand="Courses($select=Id)")
        assert all(hidden.Id not in {c["Id"] for c in x["Courses"]} for x in expanded)
        assert api.get(f"/Courses({hidden.Id})").json()["Title"] == "Not yet"  # by key: yes
