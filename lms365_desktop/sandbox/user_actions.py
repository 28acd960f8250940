"""PUT Users('{LoginName}') (API notes section 4): create or update a user; a new one fires UserCreated."""
from __future__ import annotations

import json
import re
import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from . import actors
from . import body_fields as bf
from .body_fields import InvalidField
from .entity_routes import entity_body, service_root
from .errors import ODataError
from .event_payloads import Outbox
from .routing import ODataRequest, Router, json_response, no_content
from .state import SandboxState
from .store import User, UserField, UserFieldValue, new_id, utc_now
from .writes import perform

MEMBERSHIP_PREFIX = "i:0#.f|membership|"
TEXT_FIELDS = {"Title": 255, "Email": 255, "Department": 128, "City": 128, "Country": 128, "Office": 128,
               "JobTitle": 128}
WRITABLE = (*TEXT_FIELDS, "ManagerLoginName", "DirectoryObjectId", "IsExternal")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _login_from_key(key: str | None) -> tuple[str | None, str | None]:
    """(user Id, login name) named by the key: a GUID is an Id, anything else a login name or UPN."""
    text = (key or "").strip()
    if not text:
        raise ODataError(400, "BadRequest", "The user key is empty; use Users('i:0#.f|membership|upn').")
    try:
        return str(uuid.UUID(text)), None
    except ValueError:
        pass
    if "|" not in text:
        if not EMAIL.match(text):
            raise ODataError(400, "BadRequest", f"'{text}' is neither a login name nor a user principal name.")
        text = MEMBERSHIP_PREFIX + text
    return None, text


def put_user(session: Session, key: str | None, body: dict[str, Any], actor: User | None,
             outbox: Outbox) -> tuple[User, bool]:
    user_id, login = _login_from_key(key)
    if user_id is not None:
        user = session.get(User, user_id)
        if user is None:
            raise ODataError(404, "NotFound", f"No user with Id '{user_id}'; create users by login name.")
    else:
        user = actors.user_by_login(session, login)
    for name in body:
        if not any(name.lower() == field.lower() for field in WRITABLE):
            raise InvalidField(name, f"{name} cannot be set; writable members are: {', '.join(WRITABLE)}.")
    values: dict[str, Any] = {}
    for name, limit in TEXT_FIELDS.items():
        if bf.member(body, name) is not None or name in body:
            values[name] = bf.text(bf.member(body, name), name, max_length=limit)
    if values.get("Email") and not EMAIL.match(values["Email"]):
        raise InvalidField("Email", f"Email '{values['Email']}' is not an e-mail address.")
    if "IsExternal" in body:
        values["IsExternal"] = bf.boolean(body["IsExternal"], "IsExternal", False)
    manager_login = bf.text(bf.member(body, "ManagerLoginName"), "ManagerLoginName", max_length=255)
    if manager_login is not None:
        manager = actors.user_by_login(session, manager_login)
        if manager is None or manager.IsDeleted:
            raise InvalidField("ManagerLoginName", f"ManagerLoginName '{manager_login}' does not name a user.")
        if user is not None and manager.Id == user.Id:
            raise InvalidField("ManagerLoginName", "A user cannot be their own manager.")
        values["ManagerId"], values["ManagerLoginName"] = manager.Id, manager.LoginName
    directory_id = bf.guid(bf.member(body, "DirectoryObjectId"), "DirectoryObjectId")
    if directory_id is not None:
        holder = session.scalars(select(User).where(User.DirectoryObjectId == directory_id)).first()
        if holder is not None and (user is None or holder.Id != user.Id):
            raise ODataError(409, "Conflict", f"DirectoryObjectId '{directory_id}' belongs to another user.")
        values["DirectoryObjectId"] = directory_id
    created = user is None or user.IsDeleted  # a deleted user put again comes back as new
    if user is None:
        if not values.get("Title"):
            raise InvalidField("Title", "Title (the display name) is required to create a user.")
        user = User(Id=new_id(), LoginName=login, IsDeleted=False, IsExternal=False, CreatedAt=utc_now(),
                    DirectoryObjectId=directory_id or new_id(), Email=login.rsplit("|", 1)[-1])
        session.add(user)
    if "Title" in values and not values["Title"]:
        raise InvalidField("Title", "Title must not be empty.")
    for name, value in values.items():
        setattr(user, name, value)
    user.IsDeleted = False
    session.flush()
    actors.record(session, actor, "PutUser", "Users", user.Id, created=created)
    if created:
        outbox.user_event("UserCreated", user)
    return user, created


async def put(ctx: ODataRequest) -> Response:
    """PUT Users('{LoginName}') → 201 with the user when created (or revived), 204 when updated."""
    body = await bf.json_object(ctx.request)

    def work(session, actor, outbox) -> tuple[str, bool]:
        user, created = put_user(session, ctx.key, body, actor, outbox)
        return user.Id, created

    user_id, created = perform(ctx.state, ctx.request, work)
    if not created:
        return no_content()
    location = f"{service_root(ctx.request)}/Users({user_id})"
    return json_response(entity_body(ctx.state, ctx.request, "Users", user_id), status=201,
                         headers={"Location": location})


def model_state_error(field_name: str, message: str) -> Response:
    """[A] Web API's own 400 for a body that fails model binding (API notes section 6), not the OData shape."""
    return Response(json.dumps({"Message": "The request is invalid.",
                                "ModelState": {f"model.{field_name}": [message]}}).encode(),
                    status_code=400, media_type="application/json; charset=utf-8")


def _field_values(session: Session, body: dict[str, Any]) -> list[tuple[UserField, str | None]]:
    """The (field, value) pairs of an UpdateUserFieldValues body, or InvalidField naming the member."""
    items = bf.member(body, "UserFieldValues")
    if not isinstance(items, list) or not items:
        raise InvalidField("UserFieldValues", "UserFieldValues must be a non-empty list of {FieldId, Value}.")
    fields = {f.Id: f for f in session.scalars(select(UserField))}
    by_title = {f.Title.lower(): f for f in fields.values()}
    pairs = []
    for index, item in enumerate(items):
        where = f"UserFieldValues[{index}]"
        if not isinstance(item, dict):
            raise InvalidField(where, f"{where} must be an object with FieldId and Value.")
        field_id = bf.member(item, "FieldId")
        title = bf.member(item, "FieldTitle")
        if field_id is not None:
            field = fields.get(bf.guid(field_id, f"{where}.FieldId") or "")
            if field is None:
                raise InvalidField(f"{where}.FieldId", f"There is no user field with Id '{field_id}'.")
        elif isinstance(title, str) and title.lower() in by_title:
            field = by_title[title.lower()]
        else:
            raise InvalidField(f"{where}.FieldId", "The FieldId field is required.")
        value = bf.member(item, "Value")
        if value is not None and not isinstance(value, (str, int, float)):
            raise InvalidField(f"{where}.Value", f"{where}.Value must be text or a number.")
        text_value = None if value is None else str(value)
        if field.IsRequired and not text_value:
            raise InvalidField(f"{where}.Value", f"The user field '{field.Title}' is required.")
        pairs.append((field, text_value))
    return pairs


async def update_user_field_values(ctx: ODataRequest) -> Response:
    """POST Users('{LoginName}')/UpdateUserFieldValues {UserFieldValues: [{FieldId, Value}]} → 204."""
    body = await bf.json_object(ctx.request)

    def work(session, actor, outbox) -> None:
        user_id, login = _login_from_key(ctx.key)
        user = session.get(User, user_id) if user_id else actors.user_by_login(session, login)
        if user is None or user.IsDeleted:
            raise ODataError(404, "NotFound", f"No user '{ctx.key}' was found.")
        for field, value in _field_values(session, body):
            row = session.scalars(select(UserFieldValue).where(
                UserFieldValue.UserId == user.Id, UserFieldValue.FieldId == field.Id)).first()
            if row is None:
                session.add(UserFieldValue(Id=new_id(), UserId=user.Id, FieldId=field.Id,
                                           FieldTitle=field.Title, Value=value))
            else:
                row.Value = value
        actors.record(session, actor, "UpdateUserFieldValues", "Users", user.Id)

    try:
        perform(ctx.state, ctx.request, work)
    except InvalidField as exc:
        return model_state_error(exc.field, exc.message)
    return no_content()


def register(router: Router, state: SandboxState) -> None:
    router.add_entity_method("Users", "PUT", put)
    router.add_action("Users", "UpdateUserFieldValues", update_user_field_values)
