"""How a login is said to a person: without the claim prefix, and a guest's own e-mail (one place for every layer)."""
from __future__ import annotations

GUEST_MARK = "#ext#"


def principal(login: str | None) -> str:
    """'i:0#.f|membership|ann@contoso.com' -> 'ann@contoso.com'; never shows the claim prefix."""
    return (login or "").rsplit("|", 1)[-1]


def guest_email(login: str | None) -> str:
    """A guest's real address from 'ann_fabrikam.com#EXT#@contoso.onmicrosoft.com' -> 'ann@fabrikam.com'."""
    name = principal(login)
    at = name.casefold().find(GUEST_MARK)
    if at < 0:
        return ""
    local = name[:at]
    user, sep, domain = local.rpartition("_")
    return f"{user}@{domain}" if sep and user and domain else local


def short_login(login: str | None) -> str:
    """What a pane shows for a login the directory does not know (yet): no claim prefix, a guest's e-mail."""
    return guest_email(login) or principal(login)
