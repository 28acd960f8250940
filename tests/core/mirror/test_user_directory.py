"""The user directory against a real sandbox: cold fill in the server's pages, names, search, events, reopening."""
from __future__ import annotations

import math

import orjson
import pytest

from lms365_desktop.api.client import Lms365Client
from lms365_desktop.api.odata import Query
from lms365_desktop.core.mirror import MirrorDatabase, UserDirectory
from lms365_desktop.core.mirror.user_directory import guest_email, short_login

PAGE = 100


class CallCounter:
    def __init__(self, client: Lms365Client) -> None:
        self.entries = []
        client.add_request_log_listener(self.entries.append)

    def urls(self) -> list[str]:
        return [e.url for e in self.entries]


async def _server_users(client) -> list[dict]:
    return [row async for row in client.paginate("Users", Query(), model=None)]


@pytest.fixture
async def paged(make_sandbox):
    server = make_sandbox(users=250, page_size=PAGE)
    async with Lms365Client(server.base_url, server.api_key) as client:
        yield server, client


async def test_cold_fill_takes_one_call_per_server_page_on_the_bulk_lane(paged, tmp_path):
    server, client = paged
    users = await _server_users(client)
    directory = UserDirectory(MirrorDatabase(tmp_path / "mirror.sqlite3"))
    counter = CallCounter(client)
    stored = await directory.refresh(client)
    assert stored == len(users) and await directory.count() == len(users)
    assert len(counter.entries) <= math.ceil(len(users) / PAGE) + 2
    assert {e.lane for e in counter.entries} == {"BULK"}
    assert all("$select=" in url or "%24select=" in url for url in counter.urls())
    assert directory.filled and directory.progress == (len(users), len(users))
    directory.close()


async def test_names_for_a_page_come_from_the_file_with_no_call(paged, tmp_path):
    server, client = paged
    users = await _server_users(client)
    directory = UserDirectory(MirrorDatabase(tmp_path / "mirror.sqlite3"))
    await directory.refresh(client)
    directory.close()
    # Reopened from the file: complete already, and names need no request at all.
    directory = UserDirectory(MirrorDatabase(tmp_path / "mirror.sqlite3"))
    counter = CallCounter(client)
    await directory.open()
    assert directory.filled and not directory.needs_refresh
    found = await directory.resolve(u["LoginName"].upper() for u in users[:200])
    assert len(found) == 200 and counter.entries == []
    for user in users[:200]:
        assert directory.display_name(user["LoginName"]) == user["Title"]
        assert "membership" not in directory.label(user["LoginName"])
    directory.close()


async def test_unknown_logins_show_without_the_claim_prefix_and_guests_by_their_own_address():
    assert short_login("i:0#.f|membership|ann@contoso.com") == "ann@contoso.com"
    guest = "i:0#.f|membership|umar.martin671_fabrikam.com#EXT#@contoso.onmicrosoft.com"
    assert guest_email(guest) == "umar.martin671@fabrikam.com"
    assert short_login(guest) == "umar.martin671@fabrikam.com"
    directory = UserDirectory(MirrorDatabase(None))
    await directory.open()
    assert directory.display_name(guest) == "umar.martin671@fabrikam.com"
    directory.close()


async def test_search_matches_every_word_in_any_case_and_leaves_out_deleted_people(paged, tmp_path):
    server, client = paged
    users = await _server_users(client)
    target = next(u for u in users if u.get("Department"))
    first, last = target["Title"].split(" ", 1)
    directory = UserDirectory(MirrorDatabase(tmp_path / "m.sqlite3"))
    await directory.refresh(client)
    found = await directory.search(f"{last.upper()} {first.lower()}")
    assert target["LoginName"] in {u.login_name for u in found}
    assert all(first.casefold() in u.title.casefold() and last.casefold() in u.title.casefold() for u in found)
    accented = next(u for u in users if any(c in u["Title"] for c in "äöüÄÖÜéåøæÅØÆ") and not u.get("IsDeleted"))
    found = await directory.search(accented["Title"].upper())
    assert accented["LoginName"] in {u.login_name for u in found}, "non-ASCII letters ignore case too"
    by_department = await directory.search(target["Department"].lower(), limit=10_000)
    expected = {u["LoginName"] for u in users if u.get("Department") == target["Department"] and not u.get("IsDeleted")}
    assert {u.login_name for u in by_department} >= expected
    # Deleted on the server: marked after a refresh, never found by a search (pickers use it).
    await directory.apply_event("UserDeleted", {"LoginName": target["LoginName"], "UserId": target["Id"]})
    assert directory.user(target["LoginName"]).is_deleted
    assert target["LoginName"] not in {u.login_name for u in await directory.search(target["Title"])}
    assert target["LoginName"] in {u.login_name for u in await directory.search(target["Title"], include_deleted=True)}
    directory.close()


async def test_user_created_event_adds_the_person_and_tells_listeners(tmp_path):
    directory = UserDirectory(MirrorDatabase(tmp_path / "m.sqlite3"))
    await directory.open()
    heard = []
    directory.add_listener(heard.append)
    login = "i:0#.f|membership|new.person@contoso.com"
    await directory.apply_event("UserCreated", {"Action": "UserCreated", "LoginName": login, "Title": "New Person",
                                                "Email": "new.person@contoso.com", "UserId": "u-1"})
    assert directory.display_name(login) == "New Person"
    assert directory.user_by_id("u-1").login_name == login
    assert heard and login.casefold() in heard[-1]
    assert [u.title for u in await directory.search("new person")] == ["New Person"]
    directory.close()


async def test_a_page_that_is_not_a_user_list_is_refused_and_nothing_is_kept(tmp_path):
    from lms365_desktop.api.errors import Lms365Error

    class Raw:
        ok, status, headers = True, 200, {}

        def __init__(self, body: bytes) -> None:
            self.body = body

    class Client:
        def __init__(self, body: bytes) -> None:
            self.body = body

        async def request(self, *_args, **_kwargs):
            return Raw(self.body)

    for body in (b"<html>proxy login</html>", orjson.dumps({"error": {"code": "x"}})):
        directory = UserDirectory(MirrorDatabase(tmp_path / f"{len(body)}.sqlite3"))
        with pytest.raises(Lms365Error):
            await directory.refresh(Client(body))
        assert not directory.filled and await directory.count() == 0
        directory.close()


async def test_employee_ids_come_from_the_tenants_user_field_and_are_found_with_no_call(paged, tmp_path):
    server, client = paged
    values = [row async for row in client.paginate(
        "Users", Query().select("LoginName").expand("UserFieldValues($select=FieldTitle,Value)"), model=None)]
    numbers = {v["Value"]: row["LoginName"] for row in values for v in row["UserFieldValues"]
               if v["FieldTitle"] == "Employee number"}
    assert len(numbers) == len(values)  # every seeded person of this size has one
    directory = UserDirectory(MirrorDatabase(tmp_path / "mirror.sqlite3"))
    await directory.refresh(client)
    assert directory.employee_field == "Employee number"
    directory.close()
    directory = UserDirectory(MirrorDatabase(tmp_path / "mirror.sqlite3"))  # kept in the file
    counter = CallCounter(client)
    await directory.open()
    assert directory.employee_field == "Employee number"
    wanted = sorted(numbers)[:3]
    found = await directory.by_employee_id([wanted[0].lower(), wanted[1], wanted[2], "E999999"])
    assert {k: [u.login_name for u in v] for k, v in found.items()} == \
        {n.casefold(): [numbers[n]] for n in wanted}
    assert directory.user(numbers[wanted[1]]).employee_id == wanted[1]
    assert counter.entries == []
    # A new person's event carries the user fields with their titles.
    login = "i:0#.f|membership|new.hire@contoso.onmicrosoft.com"
    await directory.apply_event("UserCreated", {"LoginName": login, "Title": "New Hire", "UserFieldValues": [
        {"FieldId": "x", "FieldTitle": "Cost center", "Value": "CC-1"},
        {"FieldId": "y", "FieldTitle": "Employee number", "Value": "E777777"}]})
    assert [u.login_name for u in (await directory.by_employee_id(["e777777"]))["e777777"]] == [login]
    directory.close()


async def test_a_service_that_cannot_expand_user_fields_still_fills_the_directory(tmp_path):
    """The expand of Users' UserFieldValues is inferred, not documented: a 400 for it must not cost the names."""
    page = orjson.dumps({"value": [{"LoginName": "i:0#.f|membership|ann@contoso.com", "Title": "Ann Lee"}]})

    class Raw:
        headers: dict = {}

        def __init__(self, status: int, body: bytes) -> None:
            self.status, self.body, self.ok = status, body, status < 400

    class Client:
        def __init__(self) -> None:
            self.asked: list[dict] = []

        async def request(self, _method, path, params=None, **_kwargs):
            if path.endswith("/UserFields"):
                return Raw(200, orjson.dumps({"value": [{"Id": "f1", "Title": "Employee ID"}]}))
            self.asked.append(params)
            if "$expand" in params:
                return Raw(400, orjson.dumps({"error": {"code": "x", "message": "Could not find a property"}}))
            return Raw(200, page)

    client = Client()
    directory = UserDirectory(MirrorDatabase(tmp_path / "mirror.sqlite3"))
    assert await directory.refresh(client) == 1
    assert directory.filled and [u.title for u in await directory.search("ann")] == ["Ann Lee"]
    assert directory.employee_field is None and len(client.asked) == 2
    directory.close()
