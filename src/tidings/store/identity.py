"""When two inputs are the same article: the same clean text, or the same canonical URL."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tidings.model import Article

# query parameters that track the reader, not the page
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref|ref_src|cmpid|"
    r"ncid|ocid|sr_share|share|smid|at_medium|at_campaign|xtor|__twitter_impression)$",
    re.I,
)
_SPACE = re.compile(r"\s+")


def canonical_url(url: str | None) -> str | None:
    """One spelling per page: lower-case scheme and host, no ``www.``, default port, fragment,
    tracking parameters or trailing slash; the remaining query parameters sorted."""
    if not url or not url.strip():
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = parts.scheme.lower()
    if scheme == "https":
        scheme = "http"  # the same page served both ways
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    return urlunsplit((scheme, netloc, path, query, ""))


def normalised_text(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(article: Article) -> str:
    """SHA-256 of the clean body (NFC, whitespace collapsed): the article's identity."""
    return hashlib.sha256(normalised_text(article.text).encode("utf-8")).hexdigest()


def article_id_for(hash_hex: str) -> str:
    """The stored id of an article: the first 128 bits of its content hash."""
    return hash_hex[:32]
