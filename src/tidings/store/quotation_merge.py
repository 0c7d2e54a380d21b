"""Quotations in the store: the ``quotations`` and ``quotation_mentions`` tables, rebuilt from the
stored quotes at the end of every ingest (as merged events are), and the ``speaker_conflict``
signal on the articles whose quotes other articles give to another speaker.

The rule is :mod:`tidings.store.quotations` (pure functions over rows).  The pure part of this
module is shared with the Spark job (``tidings.spark.quotations``), so both write the same rows:

* :data:`QUOTE_ROW_COLUMNS` and :data:`MERGED_QUOTES_WHERE` say which quote mentions are read and
  :func:`quote_row` turns one into a ``QuoteRow``;
* :func:`merge_quotes` turns every mention into ``quotations`` and ``quotation_mentions`` rows and
  each conflicted article's ``speaker_conflict`` finding;
* :func:`rescore` gives one article its finding (or takes a stale one away): its new score,
  ``signals`` rows and ``analysis``.

:func:`rebuild` recomputes every quotation and writes only what changed, in one transaction with
the signals and scores of the articles whose conflicts changed: a no-op re-run writes nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from tidings.model import Signal
from tidings.reliability import misattribution
from tidings.reliability.findings import Finding
from tidings.reliability.score import _RANK
from tidings.store.quotations import MERGED_KINDS, Conflict, Quotation, QuoteRow, conflicts, group_quotes, \
    speaker_counts, speaker_parties
from tidings.store.writer import insert_rows, signal_rows

QUOTATION_COLUMNS = (
    "quotation_id", "text", "n_words", "n_forms", "n_mentions", "n_articles", "n_sources", "first_article_id",
    "first_idx", "first_published", "first_source", "first_url", "last_published", "speaker_name", "speaker_actor",
    "n_speakers", "speakers", "outlets", "speaker_conflict",
)
MENTION_COLUMNS = ("quotation_id", "article_id", "idx", "match", "speaker", "party", "conflict")

_KINDS = ", ".join(f"'{k}'" for k in sorted(MERGED_KINDS))

#: a ``QuoteRow``'s values in order: the quote's columns, then its article's (``source`` and ``url``
#: become the outlet)
QUOTE_COLUMNS = ("article_id", "idx", "text", "start", "end", "speaker_text", "speaker_name", "speaker_actor")
ARTICLE_COLUMNS = ("published", "seq", "source", "url", "title")
QUOTE_ROW_COLUMNS = (*QUOTE_COLUMNS, *ARTICLE_COLUMNS, "kind")
#: the quote mentions that can be merged (``quotations.forms_of`` drops the others), as a condition
#: on the ``quotes`` table that DuckDB and Spark SQL both read
MERGED_QUOTES_WHERE = f"text IS NOT NULL AND (kind IS NULL OR kind IN ({_KINDS}))"

_ROWS_SQL = f"""
SELECT {", ".join(f'q."{c}"' for c in QUOTE_COLUMNS)}, {", ".join(f'a."{c}"' for c in ARTICLE_COLUMNS)}, q.kind
FROM (SELECT * FROM quotes WHERE {MERGED_QUOTES_WHERE}) q JOIN articles a USING (article_id)
"""


def _outlet(source: str | None, url: str | None) -> str | None:
    return source or (urlsplit(url).hostname if url else None)


def quote_row(values: Sequence[Any]) -> QuoteRow:
    """A quote mention from its :data:`QUOTE_ROW_COLUMNS` values."""
    aid, idx, text, start, end, st, sn, sa, pub, seq, src, url, title, kind = values
    return QuoteRow(aid, idx, text, start, end, st, sn, sa, pub, int(seq or 0), _outlet(src, url), url, title, kind)


def load_rows(conn: duckdb.DuckDBPyConnection) -> list[QuoteRow]:
    """Every stored quote mention that can be merged, with its article's date, order and outlet."""
    return [quote_row(r) for r in conn.execute(_ROWS_SQL).fetchall()]


def rows_of(quotations: Iterable[Quotation]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[Conflict]]:
    """The ``quotations`` and ``quotation_mentions`` rows of merged quotations, and their conflicts."""
    rows: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []
    found: list[Conflict] = []
    for q in quotations:
        qid = q.quotation_id
        mentions = q.mentions
        first = mentions[0]
        parties = speaker_parties(mentions)
        clashes = conflicts(q, parties)
        clashing = {(c.mention.article_id, c.mention.idx) for c in clashes}
        found.extend(clashes)
        speakers = speaker_counts(mentions, parties)
        outlets = sorted({m.outlet.strip().lower() for m in mentions if m.outlet and m.outlet.strip()})
        dated = [m.published for m in mentions if m.published]
        rows.append({
            "quotation_id": qid, "text": q.text, "n_words": q.canonical.words, "n_forms": len(q.forms),
            "n_mentions": len(mentions), "n_articles": len({m.article_id for m in mentions}),
            "n_sources": len(outlets), "first_article_id": first.article_id, "first_idx": first.idx,
            "first_published": first.published, "first_source": first.outlet, "first_url": first.url,
            "last_published": max(dated) if dated else None,
            "speaker_name": speakers[0]["name"] if speakers else None,
            "speaker_actor": speakers[0]["actor"] if speakers else None, "n_speakers": len(speakers),
            "speakers": json.dumps(speakers, ensure_ascii=False), "outlets": outlets,
            "speaker_conflict": bool(clashes),
        })
        for m in mentions:
            key = (m.article_id, m.idx)
            named = m.speaker_name or m.speaker_text
            links.append({"quotation_id": qid, "article_id": m.article_id, "idx": m.idx,
                          "match": q.how.get(key, "exact"), "speaker": named, "party": parties.get(key),
                          "conflict": key in clashing})
    return rows, links, found


@dataclass
class Merged:
    """What the quote mentions of a corpus give: table rows and each conflicted article's finding."""

    quotations: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    findings: dict[str, Finding]  # article_id -> its speaker_conflict finding


def merge_quotes(rows: Iterable[QuoteRow]) -> Merged:
    """Every quote mention of the corpus (``load_rows``, or the Spark job's) merged into
    quotations: their ``quotations`` and ``quotation_mentions`` rows, and the ``speaker_conflict``
    finding of each article with a conflict."""
    quotations, mentions, found = rows_of(group_quotes(rows))
    by_article: dict[str, list[Conflict]] = defaultdict(list)
    for c in found:
        by_article[c.mention.article_id].append(c)
    findings = {aid: f for aid, cs in by_article.items() if (f := misattribution.finding(cs)) is not None}
    return Merged(quotations, mentions, findings)


def _key(row: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(tuple(v) if isinstance(v, list) else v for v in row)


def _by_id(rows: Iterable[Sequence[Any]]) -> dict[str, set[tuple[Any, ...]]]:
    out: dict[str, set[tuple[Any, ...]]] = defaultdict(set)
    for r in rows:
        out[r[0]].add(_key(r))
    return out


def _cols(columns: Sequence[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


#: quote mentions that should be in a quotation and are not, or are in one and should not be
_CHANGED_SQL = f"""
WITH wanted AS (SELECT article_id, idx FROM quotes
                WHERE (kind IS NULL OR kind IN ({_KINDS})) AND regexp_matches(coalesce(text, ''), '\\w'))
SELECT (SELECT count(*) FROM (SELECT * FROM wanted EXCEPT SELECT article_id, idx FROM quotation_mentions))
     + (SELECT count(*) FROM (SELECT article_id, idx FROM quotation_mentions EXCEPT SELECT * FROM wanted))
"""


def up_to_date(conn: duckdb.DuckDBPyConnection) -> bool:
    """Whether the quotations hold exactly the stored quotes: stored articles never change, so
    then a rebuild would find what is there (a run that added no quote skips it)."""
    row = conn.execute(_CHANGED_SQL).fetchone()
    return bool(row) and int(row[0]) == 0


def rebuild(conn: duckdb.DuckDBPyConnection, force: bool = False) -> int:
    """Recompute every quotation and each article's ``speaker_conflict``; write what changed in one
    transaction; return the number of quotations.  Skipped when no quote came or went (``force``
    recomputes anyway)."""
    if not force and up_to_date(conn):
        row = conn.execute("SELECT count(*) FROM quotations").fetchone()
        return int(row[0]) if row else 0
    merged = merge_quotes(load_rows(conn))
    rows, links = merged.quotations, merged.mentions
    want = _by_id(tuple(r[c] for c in QUOTATION_COLUMNS) for r in rows)
    want_links = _by_id(tuple(m[c] for c in MENTION_COLUMNS) for m in links)
    conn.execute("BEGIN TRANSACTION")
    try:
        have = _by_id(conn.execute(f"SELECT {_cols(QUOTATION_COLUMNS)} FROM quotations").fetchall())
        have_links = _by_id(conn.execute(f"SELECT {_cols(MENTION_COLUMNS)} FROM quotation_mentions").fetchall())
        ids = want.keys() | want_links.keys() | have.keys() | have_links.keys()
        changed = {i for i in ids if want.get(i) != have.get(i) or want_links.get(i) != have_links.get(i)}
        stale = changed & (have.keys() | have_links.keys())
        if stale:
            _delete_where_in(conn, "quotation_id", sorted(stale), ("quotation_mentions", "quotations"))
        insert_rows(conn, "quotations", [r for r in rows if r["quotation_id"] in changed])
        insert_rows(conn, "quotation_mentions", [m for m in links if m["quotation_id"] in changed])
        apply_signals(conn, merged.findings)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(rows)


def _delete_where_in(conn: duckdb.DuckDBPyConnection, column: str, values: list[str], tables: Sequence[str]) -> None:
    conn.register("_tidings_keys", pa.table({column: values}))
    try:
        for table in tables:
            conn.execute(f'DELETE FROM {table} WHERE "{column}" IN (SELECT "{column}" FROM _tidings_keys)')
    finally:
        conn.unregister("_tidings_keys")


def _signal(d: dict[str, Any]) -> Signal:
    return Signal(name=d["name"], severity=d["severity"], message=d["message"], evidence=list(d.get("evidence") or []),
                  spans=[(int(a), int(b)) for a, b in d.get("spans") or []], weight=float(d.get("weight") or 0.0))


@dataclass
class Rescored:
    """An article re-scored for its ``speaker_conflict``: its new score, ``signals`` rows and
    ``analysis`` JSON."""

    article_id: str
    reliability_score: int
    analysis: str
    signals: list[dict[str, Any]]


def rescore(article_id: str, score: int | None, analysis: str | None, found: Finding | None) -> Rescored | None:
    """One article (its stored score and ``analysis`` JSON) with ``found``, its ``speaker_conflict``
    finding, or without one when ``found`` is None: a signal it had is undone exactly
    (``reliability.misattribution``).  None when nothing changes.  The score it starts from is the
    stored one, so whatever re-scored the article before (its provenance) stays in it."""
    doc = json.loads(analysis) if analysis else {}
    rel = doc.get("reliability") or {"score": score, "signals": []}
    signals = [_signal(s) for s in rel.get("signals") or []]
    old = next((s for s in signals if s.name == misattribution.NAME), None)
    base = int(score if score is not None else rel.get("score", 50)) + int(round(old.weight if old else 0.0))
    new_score, new = (base, None) if found is None else misattribution.rescore(base, found)
    if new == old and new_score == score:
        return None
    kept = [s for s in signals if s.name != misattribution.NAME] + ([new] if new is not None else [])
    kept.sort(key=lambda s: (_RANK.get(s.severity, 3), -s.weight, s.name))
    doc["reliability"] = {"score": new_score, "signals": [s.to_dict() for s in kept]}
    return Rescored(article_id, new_score, json.dumps(doc, ensure_ascii=False), signal_rows(kept, article_id))


def apply_signals(conn: duckdb.DuckDBPyConnection, findings: dict[str, Finding]) -> int:
    """Give each article its ``speaker_conflict`` finding (``findings``, by article id) or take a
    stale signal away, re-scoring it (:func:`rescore`); return how many articles changed.  Runs
    inside the caller's transaction."""
    flagged = {r[0] for r in conn.execute(
        "SELECT DISTINCT article_id FROM signals WHERE name = ?", [misattribution.NAME]).fetchall()}
    todo = sorted(flagged | findings.keys())
    if not todo:
        return 0
    conn.register("_tidings_todo", pa.table({"article_id": todo}))
    try:
        stored = conn.execute("SELECT article_id, reliability_score, analysis FROM articles "
                              "WHERE article_id IN (SELECT article_id FROM _tidings_todo)").fetchall()
    finally:
        conn.unregister("_tidings_todo")
    changed = [r for aid, score, analysis in stored if (r := rescore(aid, score, analysis, findings.get(aid)))]
    if not changed:
        return 0
    _delete_where_in(conn, "article_id", [r.article_id for r in changed], ("signals",))
    insert_rows(conn, "signals", [s for r in changed for s in r.signals])
    updates = [{"article_id": r.article_id, "reliability_score": r.reliability_score, "analysis": r.analysis}
               for r in changed]
    conn.register("_tidings_rescored", pa.Table.from_pylist(updates))
    try:
        conn.execute("UPDATE articles SET reliability_score = r.reliability_score, analysis = r.analysis "
                     "FROM _tidings_rescored r WHERE articles.article_id = r.article_id")
    finally:
        conn.unregister("_tidings_rescored")
    return len(changed)
