"""A console request: where it goes, and how it reads as curl, PowerShell or Python (never with the key)."""
from __future__ import annotations

import json
import pprint
import re
import shlex
from dataclasses import dataclass, field, replace
from urllib.parse import quote, unquote, urlsplit

from lms365_desktop.api.redaction import (
    is_secret_header,
    is_secret_param,
    redact_body,
    redact_params,
    redact_query,
    redact_text,
)

ODATA_ROOT = "/odata/v2/"
KEY_VARIABLE = "LMS365_API_KEY"
SECRET_PLACEHOLDER = "<secret>"
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
BODILESS_METHODS = frozenset({"GET"})  # a body typed for another method stays in the form, unsent

# Characters left readable in paths and query strings; `%` stays so pre-encoded input is kept.
_PATH_SAFE = "/()',=:@$!*;+-._~%"
_QUERY_SAFE = "/()',:@$!*;-._~%"


class ForeignHostError(ValueError):
    """An absolute URL that points somewhere other than the connection's host: never sent."""


@dataclass(frozen=True)
class Header:
    name: str
    value: str
    secret: bool = False

    @property
    def is_secret(self) -> bool:
        """Ticked by the user, or named like a credential (api.redaction decides which names are)."""
        return self.secret or is_secret_header(self.name)


@dataclass(frozen=True)
class ConsoleRequest:
    """What the console form holds. `uri` is relative to the OData root unless `relative_to_host`."""

    method: str = "GET"
    uri: str = ""
    params: tuple[tuple[str, str], ...] = ()
    headers: tuple[Header, ...] = ()
    body: str = ""
    relative_to_host: bool = False

    @property
    def secret_values(self) -> list[str]:
        """The values this request must never show: secret headers' and secret query parameters'."""
        _path, params = self.split_uri()
        return [h.value for h in self.headers if h.is_secret and h.value] + [
            v for k, v in [*self.params, *params] if v and v != SECRET_PLACEHOLDER and is_secret_param(k)]

    def as_sent(self) -> "ConsoleRequest":
        """What goes on the wire (and into history and snippets): a GET without its body."""
        return replace(self, body="") if self.method.upper() in BODILESS_METHODS and self.body else self

    def redacted(self) -> "ConsoleRequest":
        """The same request with every secret (header, query parameter, body field, and any echo
        of one elsewhere) replaced by the placeholder the console asks to fill in again."""
        secrets = self.secret_values
        headers = tuple(
            replace(h, value=SECRET_PLACEHOLDER, secret=True) if h.is_secret else h for h in self.headers
        )
        path, _, query = self.uri.partition("?")
        uri = path + (("?" + redact_query(query, SECRET_PLACEHOLDER)) if _ else "")
        return replace(
            self,
            uri=scrub(uri, secrets),
            params=tuple((k, scrub(v, secrets)) for k, v in redact_params(self.params, SECRET_PLACEHOLDER)),
            headers=headers,
            body=scrub(redact_body(self.body, SECRET_PLACEHOLDER), secrets),
        )

    def split_uri(self) -> tuple[str, list[tuple[str, str]]]:
        """The path part of `uri` and its query options merged with `params` (the table wins)."""
        path, _, query = self.uri.strip().partition("?")
        merged: dict[str, str] = dict(parse_query(query))
        for key, value in self.params:
            if key.strip():
                merged[key.strip()] = value
        return path, list(merged.items())


def scrub(text: str, secrets: list[str]) -> str:
    """Free text from or about a console request (a response excerpt, an error) made safe."""
    return redact_text(text, secrets, SECRET_PLACEHOLDER)


def parse_query(query: str) -> list[tuple[str, str]]:
    """Split a query string without turning `+` into spaces (OData literals keep their plus signs)."""
    pairs = []
    for part in query.split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        pairs.append((unquote(key), unquote(value)))
    return pairs


def encode_query(params: list[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k, safe=_QUERY_SAFE)}={quote(v, safe=_QUERY_SAFE)}" for k, v in params)


def resolve(base_url: str, request: ConsoleRequest) -> tuple[str, list[tuple[str, str]]]:
    """The absolute URL (without query) and query options the request goes to.

    Raises ForeignHostError for an absolute URL on another host, scheme or port: the key would
    travel with it.
    """
    path, params = request.split_uri()
    base = urlsplit(base_url.rstrip("/"))
    origin = f"{base.scheme}://{base.netloc}"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", path):
        target = urlsplit(path)
        if (target.scheme.lower(), target.netloc.lower()) != (base.scheme.lower(), base.netloc.lower()):
            raise ForeignHostError(
                f"Refused: {target.scheme}://{target.netloc} is not this connection's host "
                f"({origin}); the API key is only ever sent to its own host."
            )
        path = target.path or "/"
    elif path.startswith("/") or request.relative_to_host:
        path = base.path.rstrip("/") + "/" + path.lstrip("/")
    else:
        path = base.path.rstrip("/") + ODATA_ROOT + path
    return origin + quote(path, safe=_PATH_SAFE), params


def full_url(base_url: str, request: ConsoleRequest) -> str:
    url, params = resolve(base_url, request)
    return f"{url}?{encode_query(params)}" if params else url


def _secret_variable(name: str) -> str:
    return "LMS365_HEADER_" + re.sub(r"[^A-Za-z0-9]", "_", name).upper()


def _body_json(body: str) -> object | None:
    try:
        return json.loads(body)
    except ValueError:
        return None


def _has_user_authorization(request: ConsoleRequest) -> bool:
    return any(h.name.strip().lower() == "authorization" for h in request.headers)


def to_curl(base_url: str, request: ConsoleRequest, *, username: str = "api") -> str:
    """curl with the key read from $LMS365_API_KEY and secret headers from their own variables."""
    request = request.as_sent().redacted()  # no GET body; secret parameters and body fields as the placeholder
    lines = [f"curl -X {request.method} {shlex.quote(full_url(base_url, request))}"]
    if not _has_user_authorization(request):
        lines.append(f'-u "{username}:${{{KEY_VARIABLE}}}"')
    for header in request.headers:
        if header.is_secret:
            lines.append(f'-H "{header.name}: ${{{_secret_variable(header.name)}}}"')
        else:
            lines.append(f"-H {shlex.quote(f'{header.name}: {header.value}')}")
    if request.body:
        lines.append(f"--data-raw {shlex.quote(request.body)}")
    return " \\\n  ".join(lines)


def _ps_quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def to_powershell(base_url: str, request: ConsoleRequest, *, username: str = "api") -> str:
    """Invoke-RestMethod with the key from $env:LMS365_API_KEY."""
    request = request.as_sent().redacted()  # no GET body; secret parameters and body fields as the placeholder
    entries = []
    if not _has_user_authorization(request):
        entries.append(
            f"    Authorization = 'Basic ' + [Convert]::ToBase64String("
            f"[Text.Encoding]::UTF8.GetBytes(\"{username}:$env:{KEY_VARIABLE}\"))"
        )
    for header in request.headers:
        value = f"$env:{_secret_variable(header.name)}" if header.is_secret else _ps_quote(header.value)
        entries.append(f"    {_ps_quote(header.name)} = {value}")
    lines = ["$headers = @{", *entries, "}"]
    call = f"Invoke-RestMethod -Method {request.method.title()} -Uri {_ps_quote(full_url(base_url, request))} -Headers $headers"
    if request.body:
        lines.append(f"$body = {_ps_quote(request.body)}")
        content_type = next(
            (h.value for h in request.headers if h.name.lower() == "content-type"), "application/json"
        )
        call += f" -Body $body -ContentType {_ps_quote(content_type)}"
    lines.append(call)
    return "\n".join(lines)


def to_python(base_url: str, request: ConsoleRequest, *, username: str = "api") -> str:
    """An httpx call with the key from os.environ."""
    request = request.as_sent().redacted()  # no GET body; secret parameters and body fields as the placeholder
    url, params = resolve(base_url, request)
    args = [f"    {request.method!r},", f"    {url!r},"]
    if params:
        args.append(f"    params={pprint.pformat(dict(params), sort_dicts=False)},")
    if request.headers:
        items = []
        for header in request.headers:
            value = f"os.environ[{_secret_variable(header.name)!r}]" if header.is_secret else repr(header.value)
            items.append(f"        {header.name!r}: {value},")
        args.append("    headers={\n" + "\n".join(items) + "\n    },")
    if request.body:
        parsed = _body_json(request.body)
        if parsed is not None:
            formatted = pprint.pformat(parsed, sort_dicts=False).replace("\n", "\n    ")
            args.append(f"    json={formatted},")
        else:
            args.append(f"    content={request.body!r},")
    if not _has_user_authorization(request):
        args.append(f"    auth=({username!r}, os.environ[{KEY_VARIABLE!r}]),")
    return "\n".join([
        "import os", "", "import httpx", "", "response = httpx.request(", *args, ")",
        "print(response.status_code)", "print(response.text)",
    ])


@dataclass
class ParsedCurl:
    """A curl command read back into a request; credentials in it are dropped, never kept."""

    request: ConsoleRequest
    dropped_credentials: bool = False
    ignored: list[str] = field(default_factory=list)


_DATA_OPTIONS = {"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode", "--json"}
_SKIP_WITH_ARGUMENT = {
    "-o", "--output", "-m", "--max-time", "--connect-timeout", "-A", "--user-agent", "-b", "--cookie",
    "-c", "--cookie-jar", "--retry", "-e", "--referer", "-w", "--write-out", "-x", "--proxy",
    "--cacert", "--cert", "-E", "--key",
}
_PLACEHOLDER = re.compile(r"^\$(\{)?[A-Za-z_][A-Za-z0-9_]*(?(1)\})$|^\$env:[A-Za-z_][A-Za-z0-9_]*$")


def parse_curl(command: str, base_url: str) -> ParsedCurl:
    """Read a curl command line into a request relative to `base_url` when it is that host.

    Raises ValueError when the text is not a curl command with a URL.
    """
    text = re.sub(r"\\\r?\n", " ", command.strip())
    try:
        words = shlex.split(text)
    except ValueError as error:
        raise ValueError(f"Could not read the curl command: {error}") from error
    if not words or words[0] != "curl":
        raise ValueError("The text does not start with `curl`.")
    method: str | None = None
    url: str | None = None
    headers: list[Header] = []
    data: list[str] = []
    as_query = False
    dropped = False
    ignored: list[str] = []
    index = 1
    while index < len(words):
        word = words[index]
        argument = words[index + 1] if index + 1 < len(words) else ""
        if word.startswith("--") and "=" in word:
            word, argument = word.split("=", 1)
            index -= 1  # the argument was in the same word
        if word in ("-X", "--request"):
            method, index = argument.upper(), index + 2
        elif word in ("-H", "--header"):
            name, _, value = argument.partition(":")
            name, value = name.strip(), value.strip()
            if name.lower() in ("authorization", "proxy-authorization"):
                dropped = True
            elif _PLACEHOLDER.match(value):
                headers.append(Header(name, "", secret=True))
            else:
                headers.append(Header(name, value))
            index += 2
        elif word in _DATA_OPTIONS:
            data.append(argument)
            if word == "--json":
                headers.append(Header("Content-Type", "application/json"))
            index += 2
        elif word in ("-u", "--user"):
            dropped, index = True, index + 2
        elif word == "--url":
            url, index = argument, index + 2
        elif word in ("-G", "--get"):
            as_query, index = True, index + 1
        elif word in _SKIP_WITH_ARGUMENT:
            ignored.append(word)
            index += 2
        elif word.startswith("-"):
            ignored.append(word)
            index += 1
        else:
            url, index = word, index + 1
    if not url:
        raise ValueError("The curl command has no URL.")
    body = "&".join(data)
    if as_query and body:
        url += ("&" if "?" in url else "?") + body
        body = ""
    method = method or ("POST" if body else "GET")
    target = urlsplit(url)
    base = urlsplit(base_url)
    params = tuple(parse_query(target.query))
    if target.scheme and (target.scheme, target.netloc) != (base.scheme, base.netloc):
        uri, relative_to_host = url.split("?", 1)[0], True
    else:
        path = unquote(target.path if target.scheme else url.split("?", 1)[0])
        if path.startswith(ODATA_ROOT):
            uri, relative_to_host = path[len(ODATA_ROOT):], False
        else:
            uri, relative_to_host = path.lstrip("/"), True
    request = ConsoleRequest(method, uri, params, tuple(headers), body, relative_to_host)
    return ParsedCurl(request, dropped, ignored)
