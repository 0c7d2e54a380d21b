"""From what a user names (files, folders, URLs, stdin, JSONL batches) to a stream of articles.

Each item of the stream is either an ``Article`` or a ``Failure`` that says what was wrong; one bad
input never stops the others.  JSONL is read as bytes and split on ``\\n`` only: article text may
hold U+2028 or U+0085, which ``str.splitlines()`` would wrongly treat as line ends.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from tidings.errors import InputError, TidingsError
from tidings.ingest.dates import normalise_date
from tidings.ingest.decode import MAX_ARTICLE_BYTES, check_size, decode_bytes
from tidings.ingest.sanitize import sanitize_body
from tidings.ingest.text import extract_text
from tidings.ingest.url import fetch
from tidings.model import Article

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml"}
BATCH_SUFFIXES = {".jsonl", ".ndjson"}

#: seconds one article may spend in extraction, and again in the analysis stages after its parse
DEFAULT_ARTICLE_TIMEOUT = 60.0
_extract_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT


class ArticleTimeout(BaseException):
    """One article's work ran past its time limit.  A ``BaseException`` (like ``KeyboardInterrupt``)
    so that no ``except Exception`` inside a stage can swallow it; the caller that set the limit
    turns it into that article's error."""


def set_article_timeout(seconds: float | None) -> None:
    """The time limit for extracting one article (None or 0: no limit) in this process."""
    global _extract_timeout
    _extract_timeout = seconds if seconds and seconds > 0 else None


def _on_alarm(signum: int, frame: object) -> None:
    raise ArticleTimeout()


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in the block once ``seconds`` of wall time have passed.

    SIGALRM with ``setitimer``: only in a process's main thread (a ``--workers`` process is its own
    main thread), a no-op elsewhere (other threads, platforms without SIGALRM) and inside an outer
    limit, which stays in force.  The alarm interrupts Python code; a single C call that never
    returns to the interpreter is interrupted when it does."""
    if (
        not seconds
        or seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0] > 0
    ):
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)


def timeout_message(stage: str, seconds: float | None) -> str:
    return (
        f"{stage} took longer than the {seconds or 0:g} s limit for one article and was stopped; "
        "check the input (a huge or pathological page?) or raise --article-timeout"
    )


@dataclass
class Failure:
    """An input that could not become an article, with the reason."""

    id: str | None
    error: str
    where: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error}


Item = Article | Failure


def naming(where: str | None, message: str) -> str:
    """``message`` about the input ``where``, naming it once: prefixed with ``where`` unless the
    message already names it (``decode_bytes`` and the fetch errors do)."""
    if not where or where in message:
        return message
    return f"{where}: {message}"


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in text[:65536].lower() and "</p>" in text.lower()
    )


def _str_or_none(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def article_from_record(rec: dict[str, Any]) -> Article:
    """A JSONL/API record (``id`` plus ``text`` or ``html``, optional metadata) as an Article.

    Metadata given in the record wins over what is inferred from the text or page."""
    rid = rec.get("id")
    if rid is None or (isinstance(rid, str) and not rid.strip()):
        raise InputError("record has no 'id': every JSONL line needs an id and a text or html field")
    text, html = rec.get("text"), rec.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError("record has neither 'text' nor 'html' (a string): nothing to analyse")
    title = _str_or_none(rec.get("title"))
    published = normalise_date(_str_or_none(rec.get("published")))
    url = _str_or_none(rec.get("url"))
    source = _str_or_none(rec.get("source"))
    raw_authors = rec.get("authors")
    authors = [str(a) for a in raw_authors] if isinstance(raw_authors, list) else None
    payload = html if isinstance(html, str) and (html.strip() or not isinstance(text, str)) else text
    assert isinstance(payload, str)
    if not payload.strip():
        raise InputError(f"the article's {'html' if payload is html else 'text'} is empty")
    check_size(len(payload.encode("utf-8", "surrogatepass")), f"article {rid}")
    try:
        with time_limit(_extract_timeout):
            return _extract(str(rid), payload, payload is html, title, published, authors, url, source)
    except ArticleTimeout:
        raise InputError(timeout_message("extracting the article's text", _extract_timeout)) from None


def _extract(rid: str, payload: str, is_html: bool, title: str | None, published: str | None,
             authors: list[str] | None, url: str | None, source: str | None) -> Article:
    if is_html:
        from tidings.ingest.html import extract_html  # trafilatura is imported only when a page comes

        page = extract_html(payload, url=url)
        body, junk = sanitize_body(page.text)
        return Article(
            id=rid,
            text=body,
            title=title or page.title,
            authors=authors if authors is not None else page.authors,
            published=published or page.published,
            url=url,
            source=source,
            removed=page.removed + junk,
        )
    if not payload.strip():
        raise InputError("the article text is empty")
    ext = extract_text(payload, title=title, published=published, authors=authors)
    body, junk = sanitize_body(ext.text)
    if not body.strip():
        raise InputError("no article body is left once headline, byline and boilerplate are taken out")
    return Article(
        id=rid,
        text=body,
        title=ext.title,
        authors=ext.authors,
        published=ext.published,
        url=url,
        source=source,
        removed=ext.removed + junk,
    )


def article_from_document(content: str, id: str, url: str | None = None, is_html: bool | None = None) -> Article:
    """A whole document (one article) as text or HTML."""
    rec: dict[str, Any] = {"id": id, "url": url}
    if is_html if is_html is not None else looks_like_html(content):
        rec["html"] = content
    else:
        rec["text"] = content
    return article_from_record(rec)


def read_jsonl(stream: BinaryIO, where: str) -> Iterator[Item]:
    """Records of a JSONL stream, split on ``\\n`` only; a bad line becomes a Failure whose error
    names ``where`` and the line once."""
    for lineno, raw in enumerate(stream, start=1):
        line = raw.rstrip(b"\n").rstrip(b"\r")
        if not line.strip():
            continue
        at = f"{where} line {lineno}"
        try:
            rec = json.loads(line.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            yield Failure(None, f"{at} is not valid JSON: it is not UTF-8 (bad byte at column {exc.start + 1}); "
                                "re-encode the file as UTF-8", where)
            continue
        except json.JSONDecodeError as exc:
            yield Failure(None, f"{at} is not valid JSON ({exc.msg} at column {exc.colno}): "
                                "give one JSON object per line", where)
            continue
        if not isinstance(rec, dict):
            yield Failure(None, f"{at} is JSON but not an object: give one JSON object per line", where)
            continue
        rid = rec.get("id")
        rid = str(rid) if rid is not None else None
        try:
            yield article_from_record(rec)
        except TidingsError as exc:
            yield Failure(rid, f"{at}: {exc}", where)
        except Exception as exc:  # a bug must not lose the rest of the batch
            yield Failure(rid, f"{at}: internal error: {type(exc).__name__}: {exc}", where)


def _doc_id(path: Path) -> str:
    return path.stem


def read_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    where = str(path)
    if suffix in BATCH_SUFFIXES:
        with path.open("rb") as fh:
            yield from read_jsonl(fh, where)
        return
    try:
        size = path.stat().st_size
        check_size(size, str(path), MAX_ARTICLE_BYTES)
        content = decode_bytes(path.read_bytes(), str(path))
        is_html = True if suffix in {".html", ".htm", ".xhtml"} else None
        yield article_from_document(content, _doc_id(path), is_html=is_html)
    except TidingsError as exc:  # decode_bytes and check_size name the file already
        yield Failure(_doc_id(path), naming(where, str(exc)), where)
    except OSError as exc:
        yield Failure(_doc_id(path), f"cannot read {path}: {exc.strerror or exc}", where)


def read_url(url: str, allow_private: bool = False) -> Iterator[Item]:
    uid = hashlib.sha1(url.encode()).hexdigest()[:12]
    try:
        page = fetch(url, allow_private=allow_private)
        content = decode_bytes(page.body, url)
        art = article_from_document(content, uid, url=page.url, is_html=page.is_html)
        yield art
    except TidingsError as exc:
        yield Failure(uid, naming(url, str(exc)), url)


def read_stdin() -> Iterator[Item]:
    data = sys.stdin.buffer.read()
    head = data.lstrip()[:1]
    if head == b"{":
        # one JSON record per line
        import io

        yield from read_jsonl(io.BytesIO(data), "<stdin>")
        return
    try:
        check_size(len(data), "standard input")
        yield article_from_document(decode_bytes(data, "standard input"), "stdin")
    except TidingsError as exc:
        yield Failure("stdin", str(exc), "<stdin>")


def expand(inputs: Iterable[str]) -> list[str]:
    """Folders become the article and batch files below them, sorted; other inputs stay."""
    out: list[str] = []
    for spec in inputs:
        p = Path(spec)
        if not spec.startswith(("http://", "https://")) and spec != "-" and p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES | BATCH_SUFFIXES and f.name.lower() != "readme.md":
                    out.append(str(f))
        else:
            out.append(spec)
    return out


def read_inputs(inputs: Iterable[str], allow_private: bool = False) -> Iterator[Item]:
    """Articles from every input, in order.  URLs on the user's own network are refused unless
    ``allow_private``."""
    for spec in expand(inputs):
        if spec == "-":
            yield from read_stdin()
        elif spec.startswith(("http://", "https://")) or "://" in spec:
            yield from read_url(spec, allow_private)
        else:
            p = Path(spec)
            if not p.exists():
                yield Failure(p.stem, f"{spec}: no such file or folder", spec)
                continue
            yield from read_file(p)


def count_items(inputs: Iterable[str]) -> int | None:
    """How many articles the inputs hold, counted cheaply (JSONL lines), for a progress bar's ETA."""
    total = 0
    for spec in expand(inputs):
        p = Path(spec)
        if spec == "-" or "://" in spec:
            if spec == "-":
                return None
            total += 1
        elif p.suffix.lower() in BATCH_SUFFIXES and p.is_file():
            n = 0
            last = b"\n"
            with p.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    n += chunk.count(b"\n")
                    last = chunk[-1:]
            total += n + (0 if last == b"\n" else 1)
        else:
            total += 1
    return total
