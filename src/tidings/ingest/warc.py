"""Articles from WARC and ARC files (Common Crawl News is WARC), one per HTML response record.

Only ``response`` records (ARC records are read as responses) with a successful HTTP status and an
HTML or plain-text payload are articles; requests, metadata, redirects and images are skipped
silently, because a crawl is full of them.  A page that cannot become an article is a ``Failure``
that names the record's URL.  The crawl date is not a publication date and is not used as one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from tidings.errors import TidingsError
from tidings.ingest.decode import MAX_ARTICLE_BYTES, check_size, decode_bytes
from tidings.ingest.sources import Failure, Item, article_from_document, naming

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith(WARC_SUFFIXES)


def _record_id(url: str | None, record_id: str | None) -> str:
    basis = url or record_id or ""
    return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def read_warc(path: str | Path) -> Iterator[Item]:
    """Each HTML response record of a WARC/ARC file (gzipped or not) as an Article or Failure."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Failure(Path(path).name, f"cannot read {path}: {exc.strerror or exc}", where)
        return
    with fh:
        try:
            for record in ArchiveIterator(fh, arc2warc=True):
                if record.rec_type != "response":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                rid = _record_id(url, record.rec_headers.get_header("WARC-Record-ID"))
                http = record.http_headers
                if http is not None:
                    status = http.get_statuscode()
                    if not status or not status.startswith("2"):
                        continue
                    ctype = (http.get_header("Content-Type") or "").lower()
                else:
                    ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
                if ctype and "html" not in ctype and not ctype.startswith("text/plain"):
                    continue
                try:
                    body = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
                    check_size(len(body), url or "WARC record")
                    content = decode_bytes(body, url or "WARC record")
                    yield article_from_document(content, rid, url=url, is_html="plain" not in ctype)
                except TidingsError as exc:
                    yield Failure(rid, naming(url, str(exc)), where)
                except Exception as exc:  # one bad record must not stop the file
                    yield Failure(rid, naming(url, f"internal error: {type(exc).__name__}: {exc}"), where)
        except ArchiveLoadFailed as exc:
            yield Failure(Path(path).name, f"{path} is not a readable WARC/ARC file: {exc}", where)
        except (OSError, EOFError) as exc:
            yield Failure(Path(path).name, f"{path} is truncated or corrupt: {exc}", where)
