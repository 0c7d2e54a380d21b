"""Analysing one article for the analyze page and ``POST /api/analyze``: pasted text, HTML, an
uploaded file or a URL.  URLs are fetched by ``tidings.ingest`` (http/https only, size-capped,
private addresses refused); the analyzer is loaded once and used by one request at a time."""

from __future__ import annotations

import hashlib
import threading
from pathlib import PurePath
from urllib.parse import urlsplit
from typing import Any, Protocol

from tidings.errors import InputError, PrivateAddressError
from tidings.ingest.decode import MAX_ARTICLE_BYTES, check_size, decode_bytes
from tidings.ingest.url import check_url
from tidings.ingest.sources import Failure, article_from_document, article_from_record, looks_like_html, read_url
from tidings.model import Analysis, Article


class Analyses(Protocol):
    def analyze(self, article: Article) -> Analysis: ...


class Service:
    """A lazily loaded analyzer behind a lock (spaCy pipelines are not shared between threads)."""

    def __init__(self, analyzer: Analyses | None = None) -> None:
        self._analyzer = analyzer
        self._lock = threading.Lock()

    def analyze(self, article: Article) -> Analysis:
        """One article through the shared analyzer."""
        return self._run(article)

    def fetch(self, url: str) -> Article:
        """A URL fetched as an article (http/https, public addresses only), refusals in the API's words."""
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")):
            raise InputError(f"only http and https URLs are fetched, not {url[:80]!r}")
        try:  # a malformed address ("http://[::1", a port over 65535) is the user's error, not a crash
            parts = urlsplit(url)
            _ = parts.port
        except ValueError as exc:
            raise InputError(f"not a valid URL: {url[:80]!r} ({exc})") from exc
        try:  # refused here in the API's own words (the ingest layer's advice names a CLI flag)
            check_url(url, allow_private=False)
        except PrivateAddressError as exc:
            raise InputError(
                f"refused {url[:80]!r}: it names an address on this server's own machine or network, "
                "which the server never fetches; paste the page's text or HTML instead"
            ) from exc
        try:
            item = next(read_url(url, allow_private=False))
        except (ValueError, UnicodeError) as exc:
            raise InputError(f"could not fetch {url[:80]!r}: {exc}") from exc
        if isinstance(item, Failure):
            raise InputError(item.error)
        return item

    def _run(self, article: Article) -> Analysis:
        with self._lock:
            if self._analyzer is None:
                from tidings.pipeline import Analyzer

                self._analyzer = Analyzer()
            return self._analyzer.analyze(article)

    def text(self, content: str, **metadata: Any) -> Analysis:
        rec: dict[str, Any] = {"id": metadata.pop("id", None) or _id(content), **metadata}
        rec["html" if looks_like_html(content) else "text"] = content
        return self._run(article_from_record(rec))

    def html(self, content: str, **metadata: Any) -> Analysis:
        rec = {"id": metadata.pop("id", None) or _id(content), **metadata, "html": content}
        return self._run(article_from_record(rec))

    def upload(self, name: str, data: bytes) -> Analysis:
        check_size(len(data), name, MAX_ARTICLE_BYTES)
        content = decode_bytes(data, name)
        suffix = PurePath(name).suffix.lower()
        is_html = True if suffix in {".html", ".htm", ".xhtml"} else None
        return self._run(article_from_document(content, PurePath(name).stem or "upload", is_html=is_html))

    def url(self, url: str) -> Analysis:
        return self._run(self.fetch(url))


def _id(content: str) -> str:
    return hashlib.sha1(content.encode("utf-8", "surrogatepass")).hexdigest()[:12]
