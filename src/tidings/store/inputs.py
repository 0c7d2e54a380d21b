"""Everything ``tidings ingest`` accepts, as one stream of articles and failures.

Files and folders (recursively) of articles and JSONL batches as ``analyze`` reads them, plus WARC/ARC
files, RSS/Atom feed files, and URLs that are either a feed or an article page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.ingest.feeds import is_feed_file, read_feed_file, read_url_or_feed
from tidings.ingest.sources import ARTICLE_SUFFIXES, BATCH_SUFFIXES, Failure, Item, read_inputs
from tidings.ingest.warc import is_warc, read_warc


def _wanted(path: Path) -> bool:
    name = path.name.lower()
    if name == "readme.md" or name.startswith("."):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES | BATCH_SUFFIXES or is_warc(name) or is_feed_file(name)


def expand_specs(specs: Iterable[str]) -> list[str]:
    """Folders become the files below them that tidings can read, in sorted order."""
    out: list[str] = []
    for spec in specs:
        p = Path(spec)
        if "://" not in spec and spec != "-" and p.is_dir():
            out.extend(str(f) for f in sorted(p.rglob("*")) if f.is_file() and _wanted(f))
        else:
            out.append(spec)
    return out


def read_sources(specs: Iterable[str]) -> Iterator[Item]:
    """Articles (or failures) from every input, in order."""
    for spec in expand_specs(specs):
        if spec.startswith(("http://", "https://")):
            yield from read_url_or_feed(spec)
        elif "://" in spec or spec == "-":
            yield from read_inputs([spec])
        elif is_warc(spec):
            if not Path(spec).exists():
                yield Failure(Path(spec).name, f"{spec}: no such file or folder", spec)
            else:
                yield from read_warc(spec)
        elif is_feed_file(spec) and Path(spec).is_file():
            yield from read_feed_file(spec)
        else:
            yield from read_inputs([spec])


def estimate_total(specs: Iterable[str]) -> int | None:
    """How many articles the inputs hold when cheap to tell (files and JSONL lines), else None."""
    total = 0
    for spec in expand_specs(specs):
        p = Path(spec)
        if "://" in spec or spec == "-" or is_warc(spec) or is_feed_file(spec):
            return None
        if p.suffix.lower() in BATCH_SUFFIXES and p.is_file():
            with p.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total
