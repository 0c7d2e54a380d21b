"""The Python API, as simple as the command line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.ingest.sources import Failure, Item, article_from_record, looks_like_html, read_inputs
from tidings.model import Analysis

_analyzers: dict[tuple[str, ...], Any] = {}


def _analyzer(actor_files: Sequence[str | Path], verb_files: Sequence[str | Path] = ()) -> Any:
    from tidings.pipeline import Analyzer

    key = tuple(str(p) for p in actor_files) + ("|",) + tuple(str(p) for p in verb_files)
    if key not in _analyzers:
        _analyzers[key] = Analyzer(actor_files=actor_files, verb_files=verb_files)
    return _analyzers[key]


def analyze(text_or_html: str, *, actors: Sequence[str | Path] = (), verbs: Sequence[str | Path] = (),
            **metadata: Any) -> Analysis:
    """Analyse one article given as plain text or HTML.

    Metadata (``id``, ``title``, ``published``, ``url``, ``source``, ``authors``) wins over what is
    inferred.  Raises ``InputError`` when the input cannot be analysed.
    """
    rec: dict[str, Any] = {"id": metadata.pop("id", "article"), **metadata}
    rec["html" if looks_like_html(text_or_html) else "text"] = text_or_html
    article = article_from_record(rec)
    return _analyzer(actors, verbs).analyze(article)  # type: ignore[no-any-return]


def _records_to_items(records: Iterable[Mapping[str, Any]]) -> Iterator[Item]:
    for rec in records:
        try:
            yield article_from_record(dict(rec))
        except InputError as exc:
            rid = rec.get("id")
            yield Failure(str(rid) if rid is not None else None, str(exc))


def analyze_batch(
    records: Iterable[Mapping[str, Any]] | None = None,
    *,
    paths: Iterable[str] | None = None,
    actors: Sequence[str | Path] = (),
    verbs: Sequence[str | Path] = (),
) -> Iterator[Analysis | Failure]:
    """Analyse many articles, streamed in order: records as in the JSONL contract, or paths/URLs.

    A record that cannot be analysed yields a ``Failure`` and the batch goes on.
    """
    items: Iterable[Item]
    if records is not None:
        items = _records_to_items(records)
    else:
        items = read_inputs(list(paths or []))
    yield from _analyzer(actors, verbs).stream(items)
