"""Fetching an article by URL: http(s) only, with a timeout, a size cap and a content-type check."""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from tidings.errors import FetchError, PrivateAddressError
from tidings.ingest.decode import MAX_ARTICLE_BYTES

TIMEOUT_SECONDS = 20.0
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
USER_AGENT = "tidings/0.1 (news analysis)"
MAX_REDIRECTS = 5


@dataclass
class Fetched:
    url: str  # the final URL after redirects
    body: bytes
    content_type: str

    @property
    def is_html(self) -> bool:
        return "html" in self.content_type


def check_url(url: str, allow_private: bool = False) -> None:
    """Refuse what must not be fetched: other schemes, and (unless allowed) hosts on the user's own
    machine or network: loopback, private, link-local and other non-global addresses."""
    try:
        parts = urlsplit(url)
        port = parts.port
        host = parts.hostname
    except ValueError as exc:  # "http://[::1", "http://a:99999/"
        raise FetchError(f"malformed URL {url!r}: {exc}", url) from exc
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"refused URL scheme {parts.scheme!r}: only http and https URLs are fetched", url)
    if not host:
        raise FetchError(f"URL {url!r} has no host name", url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, port or (443 if parts.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"could not fetch {url}: host {host!r} does not resolve", url) from exc
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not addr.is_global:
            raise PrivateAddressError(
                f"refused {url}: {host} is a loopback, private or link-local address ({addr}); "
                "pass --allow-private to fetch from your own network",
                url,
            )


def fetch(
    url: str,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_ARTICLE_BYTES,
    allow_private: bool = False,
    accept: tuple[str, ...] | None = PAGE_TYPES,
) -> Fetched:
    """Fetch a URL; every failure is a ``FetchError`` that says what happened.

    ``accept`` lists the content-type prefixes taken (web pages and text by default; None takes
    any, as for feeds, whose servers label XML in many ways)."""
    check_url(url, allow_private)
    current = url
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout, headers={"User-Agent": USER_AGENT}) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                with client.stream("GET", current) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location", "")
                        nxt = str(resp.url.join(location))
                        check_url(nxt, allow_private)  # every hop is checked again, scheme and address
                        current = nxt
                        continue
                    return _read(resp, url, max_bytes, accept)
            raise FetchError(f"{url} redirected more than {MAX_REDIRECTS} times", url)
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url} did not answer within {timeout:.0f} s", url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url}: {exc}", url) from exc


def _read(resp: httpx.Response, url: str, max_bytes: int, accept: tuple[str, ...] | None) -> Fetched:
    if resp.status_code >= 400:
        raise FetchError(f"{url} answered HTTP {resp.status_code}", url)
    ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
    if accept is not None and ctype and not ctype.startswith(accept):
        raise FetchError(f"{url} returned {ctype}, not a web page or text: give the article's HTML or text", url)
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url} is {int(declared)} bytes, over the {max_bytes} byte limit", url)
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url} is larger than the {max_bytes} byte limit", url)
        chunks.append(chunk)
    return Fetched(str(resp.url), b"".join(chunks), ctype or "text/html")
