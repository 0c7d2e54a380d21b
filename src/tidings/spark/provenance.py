"""Provenance on Spark: what each article was spun or stitched from, and its score once that is known.

The local store matches each new article against every article stored before it
(``tidings.store.provenance``).  Here that work is split so no machine holds the corpus:

1. every article's sentences are cut into the LSH buckets the local index uses
   (``store.provenance.band_keys``), and two articles that share a bucket become a candidate pair,
   the later one (higher ``seq``) matched against the earlier, as ``ingest`` meets them;
2. the articles are dealt into groups, and a group's articles are matched on an executor
   against one index of all their candidates, added in input order, each against the candidates before it: the local index
   would propose no other article, so the provenance found is the one the local store finds
   (``match_group`` says why the capped buckets agree);
3. an article with provenance is re-scored from its findings (kept by the executors as JSON) and
   the findings of its provenance, which replaces its score, its signals and its ``analysis``.

A bucket shared by very many articles (a site's furniture that was not stripped, a much
reprinted story) pairs each of them with its first ``BUCKET_HOLDERS`` articles only, as the
local index answers from a bucket, so the pairs grow linearly with the corpus.
"""

from __future__ import annotations

import json
import sys
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Any

from pyspark import RDD
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

from tidings.ingest.text import pasted_in_body
from tidings.model import Article, Provenance
from tidings.spark.executor import findings_from_json
from tidings.spark.tables import table_schema
from tidings.store.provenance import BUCKET_HOLDERS, ProvenanceIndex, band_keys, rescored
from tidings.store.writer import provenance_rows, signal_rows


def schema() -> StructType:
    """One row per article whose provenance was found."""
    return StructType([
        StructField("article_id", StringType(), False),
        StructField("reliability_score", IntegerType()),
        StructField("analysis", StringType()),
        *(StructField(t, ArrayType(table_schema(t))) for t in ("signals", "spun_from", "stitched_from")),
    ])


def _buckets(row: Any) -> Iterator[tuple[int, tuple[int, str]]]:
    for key in band_keys(row["text"] or ""):
        yield key, (int(row["seq"]), row["article_id"])


def _later_earlier(members: Iterable[tuple[int, str]]) -> Iterator[tuple[str, str]]:
    """Each member of a bucket with the bucket's earlier holders: its first ``BUCKET_HOLDERS``
    articles, the only ones a :class:`ProvenanceIndex` bucket answers with."""
    ordered = sorted(set(members))
    holders = ordered[:BUCKET_HOLDERS]
    for i, (_, later) in enumerate(ordered):
        for _, earlier in holders[:i]:
            yield later, earlier


def match_group(group: tuple[int, tuple[Iterable[tuple[str, tuple[int, str | None, Any]]],
                                          Iterable[tuple[int, str, str | None, str | None, Any]]]]
                ) -> Iterator[tuple[str, Provenance]]:
    """``(group, (articles, candidates))`` -> ``(article_id, provenance)`` for the articles whose
    provenance is found; ``articles`` are ``(article_id, (seq, text, published))``, ``candidates``
    ``(seq, id, text, title, published)``: every candidate of every article of the group, each once.

    The group's articles are matched against one index of all those candidates, added in input
    order, each article only against the candidates before it (``match(before=...)``).  A bucket
    of that index answers with the same first holders as the local index's: every earlier holder
    of a bucket an article has is among that article's candidates, and they are the bucket's
    earliest articles; a later article some other candidate brought in is not before it."""
    _, (articles, candidates) = group
    order = sorted(set(candidates), key=lambda c: c[0])
    seqs = [c[0] for c in order]
    index = ProvenanceIndex(max_sentences=sys.maxsize)
    # (a tuple may end with whether residue was pasted into the article's body: see _pasted)
    for _, cid, ctext, ctitle, cpublished, *pasted in order:
        index.add(cid, ctext or "", ctitle, cpublished, bool(pasted and pasted[0]))
    for aid, (seq, text, published, *pasted) in articles:
        prov = index.match(aid, text or "", before=bisect_left(seqs, seq), published=published,
                           residue=bool(pasted and pasted[0]))
        if prov is not None:
            yield aid, prov


def rescore(found: tuple[str, tuple[Provenance, tuple[str | None, str | None, str | None]]]) -> dict[str, Any]:
    """``(article_id, (provenance, (text, findings JSON, analysis JSON)))`` -> a row of
    :func:`schema`: the article re-scored with its provenance."""
    aid, (prov, (text, findings, analysis)) = found
    rel = rescored(findings_from_json(findings), Article(id=None, text=text or ""), prov)
    doc = json.loads(analysis) if analysis else {}
    doc["reliability"] = rel.to_dict()
    doc["provenance"] = prov.to_dict()
    return {"article_id": aid, "reliability_score": rel.score,
            "analysis": json.dumps(doc, ensure_ascii=False),
            "signals": signal_rows(rel.signals, aid), **provenance_rows(prov, aid)}


def _pasted(row: Any) -> bool:
    """Whether boilerplate or a caption was pasted into the body of a wide row's article (its
    ``removed`` rows), as the local index reads it from the article."""
    return any(pasted_in_body(r["reason"], r["note"]) for r in row["removed"] or [])


def group_of(article_id: str, groups: int) -> int:
    """The match group of an article: the same in every process."""
    return zlib.crc32(article_id.encode("utf-8")) % groups


#: articles with candidates per match group at most: a group holds the texts of all its
#: articles' candidates (mostly the same early articles), so this bounds an executor's memory
GROUP_ARTICLES = 2000


def find_provenance(spark: SparkSession, ok: DataFrame, parts: int) -> DataFrame:
    """Rows of :func:`schema` for the analysed articles (``ok``, the executors' wide rows).

    Articles with candidates are dealt into groups, as few as keep every core busy and no group
    over ``GROUP_ARTICLES`` articles: each candidate's text travels once to each group that needs
    it (not once per pair) and is indexed once per group, so fewer groups is less repeated work.
    Each group is matched by :func:`match_group`."""
    # the columns each step reads: every use of an RDD of rows ships its columns to Python again,
    # and the findings and analysis JSON (tens of kilobytes an article) are wanted only at the end
    arts = ok.select("article_id", "article.seq", "article.text", "article.title", "article.published",
                     "removed").rdd
    pairs: RDD[tuple[str, str]] = (arts.flatMap(_buckets).groupByKey(parts)
                                   .flatMap(lambda kv: _later_earlier(kv[1])).distinct(parts).persist())
    info = arts.map(lambda r: (r["article_id"], (int(r["seq"]), r["text"], r["title"], r["published"], _pasted(r))))
    later = pairs.keys().distinct(parts).map(lambda a: (a, None)).persist()
    groups = max(spark.sparkContext.defaultParallelism, -(-later.count() // GROUP_ARTICLES))
    needed = pairs.map(lambda p: (p[1], group_of(p[0], groups))).distinct(parts)
    candidates = (needed.join(info, parts)
                  .map(lambda kv: (kv[1][0], (kv[1][1][0], kv[0], kv[1][1][1], kv[1][1][2], kv[1][1][3],
                                              kv[1][1][4]))))
    own = (arts.map(lambda r: (r["article_id"], (int(r["seq"]), r["text"], r["published"], _pasted(r))))
           .join(later, parts)
           .map(lambda kv: (group_of(kv[0], groups), (kv[0], kv[1][0]))))
    # a group carries texts only: an article's findings and analysis (tens of kilobytes) join
    # the provenance afterwards, and only for the articles that have one
    found = own.cogroup(candidates, groups).flatMap(match_group)
    scored = ok.select("article_id", "article.text", "findings", "article.analysis").rdd
    rows = found.join(scored.map(lambda r: (r["article_id"], (r["text"], r["findings"], r["analysis"]))),
                      parts).map(rescore)
    return spark.createDataFrame(rows, schema(), verifySchema=False)
