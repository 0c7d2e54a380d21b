"""Safety around every request: the access token, a request-size limit, a host check against DNS
rebinding, and headers (Content-Security-Policy without inline script) on every response.

Plain ASGI middlewares, so they wrap the whole app, static files and errors included.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

from tidings.web import problems

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_BODY_BYTES = 6 * 1024 * 1024  # an article may be 5 MB (tidings.ingest.decode), plus form overhead
MAX_URL_BYTES = 16 * 1024  # path and query string: filters are short
MAX_HEADER_BYTES = 64 * 1024  # all header names and values together
COOKIE = "tidings_token"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

_LOGIN_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tidings: token needed</title>
<link rel="stylesheet" href="/static/app.css"></head><body class="login"><main class="card login-card">
<h1>tidings</h1><p>This server needs an access token.</p>
<form method="get"><label>Token <input type="password" name="token" autofocus required></label>
<button type="submit">Open</button></form>{error}</main></body></html>"""


async def _respond(send: Send, status: int, body: bytes, content_type: bytes,
                   extra: list[tuple[bytes, bytes]] | None = None) -> None:
    headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), *(extra or [])]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _is_api(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/api/") or scope.get("path") == "/openapi.json"


async def _refuse(send: Send, scope: Scope, status: int, detail: str,
                  extra: list[tuple[bytes, bytes]] | None = None) -> None:
    """A refusal before the app runs: problem details for an /api/ caller, plain text otherwise."""
    if _is_api(scope):
        await _respond(send, status, problems.body(status, detail), problems.MEDIA_TYPE.encode(), extra)
    else:
        await _respond(send, status, detail.encode(), b"text/plain; charset=utf-8", extra)


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {k.lower(): v for k, v in scope.get("headers", [])}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in HEADERS if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, by declared length or while reading;
    addresses over ``MAX_URL_BYTES`` with 414 and header blocks over ``MAX_HEADER_BYTES`` with 431
    (the server's own limits depend on how the bytes arrive)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8", "replace")
        url_bytes = len(raw_path) + len(scope.get("query_string", b""))
        if url_bytes > MAX_URL_BYTES:
            await _refuse(send, scope, 414, f"request address over the {MAX_URL_BYTES} byte limit")
            return
        if sum(len(k) + len(v) + 4 for k, v in scope.get("headers", [])) > MAX_HEADER_BYTES:  # as on the wire
            await _refuse(send, scope, 431, f"request headers over the {MAX_HEADER_BYTES} byte limit")
            return
        message = f"request body over the {self.limit} byte limit: an article may be at most 5 MB"
        declared = _headers(scope).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _refuse(send, scope, 413, message)
            return
        seen = 0
        started = answered = False

        async def counting_receive() -> Message:
            nonlocal seen, answered
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    # answer now: FastAPI turns any error while reading a body into its own 400
                    if not started and not answered:
                        answered = True
                        await _refuse(send, scope, 413, message)
                    raise _TooLarge
            return msg

        async def guarded_send(msg: Message) -> None:
            nonlocal started
            if answered:  # the 413 went out; whatever the app makes of the cut-off body is dropped
                return
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except _TooLarge:
            pass


class TokenGate:
    """With a token set, every request must carry it: ``Authorization: Bearer``, ``X-Tidings-Token``,
    the ``tidings_token`` cookie, or ``?token=`` (a page opened so sets the cookie and drops it from
    the address).  Static assets (CSS, JS) are public."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    def _ok(self, candidate: str | bytes | None) -> bool:
        if not candidate:
            return False
        raw = candidate.encode() if isinstance(candidate, str) else candidate
        return hmac.compare_digest(raw, self.token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/static/"):
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        auth = headers.get(b"authorization", b"")
        if auth[:7].lower() == b"bearer " and self._ok(auth[7:].strip()):
            await self.app(scope, receive, send)
            return
        if self._ok(headers.get(b"x-tidings-token")):
            await self.app(scope, receive, send)
            return
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get(b"cookie", b"").decode("latin-1"))
        except Exception:
            cookie = SimpleCookie()
        if COOKIE in cookie and self._ok(cookie[COOKIE].value):
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = next((v for k, v in query if k == "token"), None)
        is_api = scope["path"].startswith("/api/") or scope["path"] == "/openapi.json"
        if given is not None and self._ok(given):
            if is_api or scope["method"] != "GET":
                await self.app(scope, receive, send)
                return
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            location = scope["path"] + ("?" + rest if rest else "")
            await _respond(send, 303, b"", b"text/plain", [
                (b"location", location.encode("latin-1", "replace")),
                (b"set-cookie", f"{COOKIE}={self.token.decode()}; HttpOnly; SameSite=Strict; Path=/".encode()),
            ])
            return
        if is_api:
            await _refuse(send, scope, 401, "a valid token is needed: send Authorization: Bearer <token>",
                          [(b"www-authenticate", b"Bearer")])
            return
        error = '<p class="error">That token is not right.</p>' if given is not None else ""
        await _respond(send, 401, _LOGIN_PAGE.format(error=error).encode(), b"text/html; charset=utf-8")


class HostCheck:
    """Answer only requests addressed to one of ``hosts`` (stops DNS rebinding against a local server)."""

    def __init__(self, app: ASGIApp, hosts: list[str]) -> None:
        self.app = app
        self.hosts = {h.lower() for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = _headers(scope).get(b"host", b"").decode("latin-1").lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if host not in self.hosts and name not in self.hosts:
                await _refuse(send, scope, 400, "unexpected Host header: this server answers only its own names")
                return
        await self.app(scope, receive, send)


class SameOrigin:
    """A request that changes something (any method but GET, HEAD, OPTIONS) made by a browser must
    come from one of this server's own pages: a page elsewhere could otherwise make the visitor's
    browser store articles in a loopback server, which needs no token.  Browsers name the page's
    origin (``Origin``) or at least where the request comes from (``Sec-Fetch-Site``) on such
    requests; programs (curl, ``tidings ingest --server``) send neither and are not affected."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in self.SAFE:
            headers = _headers(scope)
            origin = headers.get(b"origin", b"").decode("latin-1").strip().lower()
            host = headers.get(b"host", b"").decode("latin-1").strip().lower()
            fetch_site = headers.get(b"sec-fetch-site", b"").decode("latin-1").strip().lower()
            if fetch_site:  # the browser says where the request comes from
                foreign = fetch_site not in ("same-origin", "none")
            elif origin == "null":  # no Sec-Fetch-Site: an old browser, a sandboxed or file: page
                foreign = True
            else:
                foreign = bool(origin) and origin.split("://", 1)[-1].rstrip("/") != host
            if fetch_site and origin not in ("", "null") and origin.split("://", 1)[-1].rstrip("/") != host:
                foreign = True  # (a "null" Origin is what pages under Referrer-Policy: no-referrer send)
            if foreign:
                await _refuse(send, scope, 403, "refused: this request came from a page of another site; "
                                                "open this server's own page to send it")
                return
        await self.app(scope, receive, send)
