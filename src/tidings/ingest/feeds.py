"""Articles from RSS and Atom feeds: each entry's full content when the feed carries it, otherwise
the page its link points to.

The feed's metadata (entry title, publication date, authors, the feed's title as the outlet) is
given to the article as known metadata, so it wins over what is inferred from the page.  An entry
that can be neither read nor fetched is a ``Failure`` naming the entry.
"""

from __future__ import annotations

import calendar
import hashlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tidings.errors import FetchError, TidingsError
from tidings.ingest.decode import MAX_ARTICLE_BYTES, decode_bytes
from tidings.ingest.sources import Failure, Item, article_from_record, looks_like_html, naming
from tidings.ingest.url import Fetched, fetch

FEED_SUFFIXES = (".rss", ".atom", ".xml")
MIN_CONTENT_CHARS = 400  # a summary shorter than this is a teaser: fetch the linked page instead


def is_feed_file(path: str | Path) -> bool:
    return str(path).lower().endswith(FEED_SUFFIXES)


def looks_like_feed(body: bytes) -> bool:
    head = body[:4096].lstrip().lower()
    return (head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")) and (
        b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
    )


def download(url: str) -> Fetched:
    """Fetch a URL whatever its type (a feed is XML), with the page fetcher's checks: scheme and
    address of every redirect hop, timeout and size cap."""
    return fetch(url, max_bytes=MAX_ARTICLE_BYTES * 4, accept=None)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed)))
    return None


def _entry_content(entry: Any) -> str | None:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    text = best if len(best) >= len(summary) else summary
    return text if len(text) >= MIN_CONTENT_CHARS else None


def _entry_id(entry: Any, feed_where: str, n: int) -> str:
    basis = entry.get("id") or entry.get("link") or f"{feed_where}#{n}"
    return hashlib.sha1(str(basis).encode()).hexdigest()[:12]


Fetcher = Callable[[str], tuple[str, str, bool]]  # url -> (final url, content, is_html)


def _fetch_page(url: str) -> tuple[str, str, bool]:
    page = fetch(url)
    return page.url, decode_bytes(page.body, url), page.is_html


def read_feed_bytes(body: bytes, where: str, fetch_page: Fetcher = _fetch_page) -> Iterator[Item]:
    """Entries of a parsed feed as articles, in feed order."""
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.get("bozo") and not parsed.entries:
        yield Failure(None, f"{where} is not a readable RSS/Atom feed: {parsed.get('bozo_exception')}", where)
        return
    outlet = (parsed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(parsed.entries):
        eid = _entry_id(entry, where, n)
        link = entry.get("link")
        rec: dict[str, Any] = {"id": eid, "title": entry.get("title"), "published": _entry_date(entry),
                               "url": link, "source": outlet}
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        if authors:
            rec["authors"] = authors
        try:
            content = _entry_content(entry)
            if content is not None:
                rec["html" if looks_like_html(content) or "<p" in content.lower() else "text"] = content
            elif link:
                final, page, is_html = fetch_page(link)
                rec["url"] = final
                rec["html" if is_html else "text"] = page
            else:
                raise FetchError(f"entry {entry.get('title')!r} has neither full content nor a link")
            yield article_from_record(rec)
        except TidingsError as exc:
            yield Failure(eid, naming(link or where, str(exc)), where)
        except Exception as exc:  # one entry's bug must not lose the feed
            yield Failure(eid, naming(link or where, f"internal error: {type(exc).__name__}: {exc}"), where)


def read_feed_file(path: str | Path, fetch_page: Fetcher = _fetch_page) -> Iterator[Item]:
    try:
        body = Path(path).read_bytes()
    except OSError as exc:
        yield Failure(Path(path).stem, f"cannot read {path}: {exc.strerror or exc}", str(path))
        return
    yield from read_feed_bytes(body, str(path), fetch_page)


def read_url_or_feed(url: str, fetch_page: Fetcher = _fetch_page) -> Iterator[Item]:
    """A URL that is either a feed (its entries) or one article page."""
    uid = hashlib.sha1(url.encode()).hexdigest()[:12]
    try:
        got = download(url)
    except TidingsError as exc:
        yield Failure(uid, naming(url, str(exc)), url)
        return
    if "rss" in got.content_type or "atom" in got.content_type or looks_like_feed(got.body):
        yield from read_feed_bytes(got.body, url, fetch_page)
        return
    try:
        if len(got.body) > MAX_ARTICLE_BYTES:
            raise FetchError(f"{url} is larger than the {MAX_ARTICLE_BYTES} byte limit", url)
        content = decode_bytes(got.body, url)
        is_html = "html" in got.content_type or looks_like_html(content)
        yield article_from_record({"id": uid, "url": got.url, ("html" if is_html else "text"): content})
    except TidingsError as exc:
        yield Failure(uid, naming(url, str(exc)), url)
