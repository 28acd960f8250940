"""What is secret in a request, and hiding it: the one place every view, store and log asks.

Qt-free and dependency-free so every layer uses it: the transport (request log, a raw
response's request headers), the console (history, snippets), error details, the job journal,
and log files or diagnostics texts (`redact_text`, `RedactingFilter`).

Three kinds of name, one rule each (DESIGN rule 7: never in settings, logs, history, exports):
- a header is secret when its name speaks of credentials or a session (`Authorization`,
  `Cookie`, `X-Session-Id`, `X-Api-Key`, ...);
- a query parameter likewise, plus the bare names OAuth and signed URLs use (`code`, `sig`);
  OData's own `$` options never are (`$skiptoken` is a page cursor);
- a body field when it names a secret or password (`Secret` of a webhook subscription); not
  every `...Key` or `...Session...` field, which in a body are ids (`CourseSessionIds`).
Values the caller knows to be secret (the API key, a header the user ticked) are replaced
wherever they appear, whatever their name.
"""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

REDACTED = "[redacted]"
# Shorter known values would shred the text and protect nothing (a one-letter "secret").
MIN_SECRET_LENGTH = 4

_CREDENTIAL = r"key|token|secret|passw|pwd|signature|credential|auth(?!or(?!i[sz]))"
_SECRET_HEADER = re.compile(rf"{_CREDENTIAL}|cookie|session", re.IGNORECASE)
_SECRET_PARAM = re.compile(rf"{_CREDENTIAL}|session|^sig$|^code$", re.IGNORECASE)
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,79}")
_SECRET_FIELD = re.compile(r"secret|passw|pwd|token|api_?key|^key$|credential|signature", re.IGNORECASE)


def is_secret_header(name: str) -> bool:
    """Whether a header of this name carries a credential (Authorization, Cookie, X-Session-Id, *token*...)."""
    name = name.strip()
    # A 401's challenge names the scheme the server wants; it holds nothing to hide.
    return name.lower() != "www-authenticate" and bool(_SECRET_HEADER.search(name))


def is_secret_param(name: str) -> bool:
    """Whether a query parameter of this name carries one (code=, access_token=, sig=...); `$` options never do."""
    name = unquote(name).strip()
    return not name.startswith("$") and bool(_SECRET_PARAM.search(name))


def is_secret_field(name: str) -> bool:
    """Whether a JSON body field of this name holds one (Secret, password, apiKey...).

    Only identifier-like names count: a mapping keyed by data (a login such as
    `i:0#.f|membership|tokenova@contoso.com`) is not a field named "token".
    """
    return bool(_FIELD_NAME.fullmatch(name)) and bool(_SECRET_FIELD.search(name))


def redact_values(text: str, secrets: Iterable[str], placeholder: str = REDACTED) -> str:
    """`text` with every known secret value replaced, wherever it stands."""
    for secret in sorted({s for s in secrets if s and len(s) >= MIN_SECRET_LENGTH}, key=len, reverse=True):
        text = text.replace(secret, placeholder)
    return text


def redact_headers(headers: Mapping[str, str] | Iterable[tuple[str, str]] | Any,
                   placeholder: str = REDACTED) -> dict[str, str]:
    """The headers with every secret one's value replaced (any mapping, httpx.Headers or pairs)."""
    items = headers.items() if hasattr(headers, "items") else headers
    return {name: placeholder if is_secret_header(name) else value for name, value in items}


def redact_query(query: str, placeholder: str = REDACTED) -> str:
    """A query string kept exactly as written except for the values of secret parameters."""
    if not query:
        return query
    pieces = []
    for piece in query.split("&"):
        name, sep, _value = piece.partition("=")
        pieces.append(f"{name}={placeholder}" if sep and is_secret_param(name) else piece)
    return "&".join(pieces)


def redact_params(params: Iterable[tuple[str, str]], placeholder: str = REDACTED) -> list[tuple[str, str]]:
    """(name, value) pairs with the values of secret parameters replaced."""
    return [(name, placeholder if is_secret_param(name) else value) for name, value in params]


def redact_url(url: str, placeholder: str = REDACTED) -> str:
    """The URL without `user:password@` and with secret query values replaced; the rest as sent."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, redact_query(parts.query, placeholder), parts.fragment))


def redact_body(text: str, placeholder: str = REDACTED) -> str:
    """A request body with secret fields' values replaced: JSON by field name, a form by parameter name.

    The text is only re-written when something was replaced, so a body without secrets keeps
    its layout.
    """
    if not text or not text.strip():
        return text
    try:
        document = json.loads(text)
    except ValueError:
        if "=" in text and not text.lstrip().startswith(("{", "[")) and "\n" not in text.strip():
            return redact_query(text, placeholder)
        return _redact_json_like(text, placeholder)
    redacted, changed = _redact_document(document, placeholder)
    return json.dumps(redacted, indent=2, ensure_ascii=False) if changed else text


def _redact_document(value: Any, placeholder: str) -> tuple[Any, bool]:
    if isinstance(value, dict):
        out, changed = {}, False
        for key, item in value.items():
            if isinstance(key, str) and is_secret_field(key) and item not in (None, ""):
                out[key], changed = placeholder, True
            else:
                out[key], inner = _redact_document(item, placeholder)
                changed = changed or inner
        return out, changed
    if isinstance(value, list):
        items = [_redact_document(item, placeholder) for item in value]
        return [item for item, _ in items], any(changed for _, changed in items)
    return value, False


# "name": "value" in JSON, 'name': 'value' in a logged Python dict.
_QUOTED_FIELD = re.compile(r"""(["'])([^"'\\]{1,80})\1(\s*:\s*)(["'])((?:(?!\4)[^\\]|\\.)*)\4""")
_URL = re.compile(r"\bhttps?://[^\s\"'<>]+", re.IGNORECASE)
_HEADER_LINE = re.compile(r"(?im)^([ \t>-]*)([A-Za-z0-9][A-Za-z0-9_-]*)([ \t]*:[ \t]*)(\S.*)$")
# The same inside a line ("... via X-Session-Id: abc"): only dashed or well-known names, one word.
_HEADER_INLINE = re.compile(r"\b([A-Za-z0-9]+-[A-Za-z0-9-]+|[Aa]uthorization|[Cc]ookie)([ \t]*:[ \t]*)([^\s,;\"']+)")
_SCHEME_TOKEN = re.compile(r"\b(Basic|Bearer|Digest|NTLM|Negotiate)([ \t]+)[A-Za-z0-9+/=._~-]{4,}")
_NAME_VALUE = re.compile(r"(?<![\w$])([A-Za-z_][\w.-]{0,60})=([^\s&\"'<>,;]+)")
# "KeyError: 'x'" in a traceback is an exception and its message, not a header named *Key*.
_EXCEPTION_NAME = re.compile(r"(Error|Exception|Warning|Exit|Interrupt)$")


def _is_secret_key(name: str) -> bool:
    # A header logged as a dict key ('X-Session-Id': ...) is one by its dashes; a JSON field
    # such as courseSessionId is an id, not a session.
    lowered = name.lower()
    return is_secret_field(name) or lowered in ("authorization", "cookie") or ("-" in name and is_secret_header(name))


def _redact_json_like(text: str, placeholder: str) -> str:
    def field(match: re.Match[str]) -> str:
        quote, name, colon, value_quote, value = match.groups()
        if value and value != placeholder and _is_secret_key(name):
            return f"{quote}{name}{quote}{colon}{value_quote}{placeholder}{value_quote}"
        return match.group(0)

    return _QUOTED_FIELD.sub(field, text)


def redact_text(text: str, secrets: Iterable[str] = (), placeholder: str = REDACTED) -> str:
    """Free text (a log line, a diagnostics report, error details, a response excerpt) made safe.

    Replaces the known `secrets`, then what looks like one by its name: query values in URLs
    and `name=value` pairs, `Header: value` lines of secret headers, `Basic …`/`Bearer …`
    credentials, and secret fields of JSON (`"Secret": "…"`).
    """
    if not text:
        return text
    text = redact_values(text, secrets, placeholder)
    text = _URL.sub(lambda m: redact_url(m.group(0), placeholder), text)
    text = _SCHEME_TOKEN.sub(lambda m: f"{m.group(1)}{m.group(2)}{placeholder}", text)

    def header(match: re.Match[str]) -> str:
        indent, name, colon, value = match.groups()
        if is_secret_header(name) and not _EXCEPTION_NAME.search(name) and value.strip() != placeholder:
            return f"{indent}{name}{colon}{placeholder}"
        return match.group(0)

    text = _HEADER_LINE.sub(header, text)

    def inline(match: re.Match[str]) -> str:
        name, colon, value = match.groups()
        if (is_secret_header(name) and not _EXCEPTION_NAME.search(name) and value != placeholder
                and not value.startswith(placeholder)):
            return f"{name}{colon}{placeholder}"
        return match.group(0)

    text = _HEADER_INLINE.sub(inline, text)

    def pair(match: re.Match[str]) -> str:
        name, value = match.groups()
        return f"{name}={placeholder}" if value != placeholder and is_secret_param(name) else match.group(0)

    text = _NAME_VALUE.sub(pair, text)
    return _redact_json_like(text, placeholder)


def redact_mapping(values: Mapping[str, Any], placeholder: str = REDACTED) -> dict[str, Any]:
    """A mapping (job parameters, a record) with the values of secret-named fields replaced.

    By name only: other text is left as it is, because it may be what a job sends (a message
    to the learner must reach them as typed). Free text for display goes through `redact_text`.
    """
    out: dict[str, Any] = {}
    for key, value in values.items():
        if is_secret_field(str(key)) and value not in (None, ""):
            out[key] = placeholder
        elif isinstance(value, Mapping):
            out[key] = redact_mapping(value, placeholder)
        else:
            out[key] = value
    return out


def redact_request(method: str, url: str, headers: Mapping[str, str] | Any = (), body: str | bytes | None = None,
                   *, secrets: Iterable[str] = ()) -> str:
    """One request as safe text (`METHOD url`, header lines, body) for logs and diagnostics."""
    known = list(secrets)
    lines = [f"{method.upper()} {redact_values(redact_url(url), known)}"]
    lines += [f"{name}: {redact_values(value, known)}" for name, value in redact_headers(headers).items()]
    if body:
        text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
        lines += ["", redact_values(redact_body(text), known)]
    return "\n".join(lines)


class RedactingFilter(logging.Filter):
    """A logging filter that rewrites every record's message through `redact_text`.

    Install it on a handler (a log file, a diagnostics buffer): whatever a module logs, the
    handler never writes a secret. `secrets` may be changed later (e.g. when a key is entered).
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets: set[str] = set(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = redact_text(message, self.secrets)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact_text(record.exc_text, self.secrets)
        if safe != message or record.args:
            record.msg, record.args = safe, ()
        return True
