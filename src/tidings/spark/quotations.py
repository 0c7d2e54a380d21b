"""Quotations on Spark: the ``quotations`` and ``quotation_mentions`` tables and the
``speaker_conflict`` re-scoring, by the local store's own functions (``store.quotation_merge``).

Merging quotes is one corpus-wide step: a quote's forms are placed longest first against an index
of every form placed before, and a bigram shared by too many forms proposes nothing, so no split
of the corpus (by article, by date, by a word of the quote) is sure to give the same quotations.
So:

1. **executors**: the quote mentions that can be merged (``MERGED_QUOTES_WHERE``: direct and
   mixed quotes) are joined to their article's date, order and outlet in Spark SQL;
2. **driver**: those rows, and only those (a quote's text and speaker fields, never an article's
   text or analysis), are collected and merged by ``store.quotation_merge.merge_quotes``, which
   gives the table rows and each conflicted article's ``speaker_conflict`` finding;
3. **executors**: each conflicted article is joined to its finding (shipped as JSON) and re-scored
   by ``store.quotation_merge.rescore`` from the score it has once its provenance is known, as
   the local store re-scores the stored article after ``ingest`` wrote it.

The driver holds every mergeable quote mention at once, as the local store's rebuild does: about
3 KB of Python memory per mention at the peak of the merge, so some 8 GB for a million articles
("Quotations on Spark" in ``docs/spark.md``).  It is the job's one step that does not scale out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import ArrayType, IntegerType, StringType, StructField, StructType

from tidings.spark.executor import findings_from_json, findings_json
from tidings.spark.tables import table_schema
from tidings.store.quotation_merge import (
    ARTICLE_COLUMNS, MERGED_QUOTES_WHERE, QUOTE_COLUMNS, QUOTE_ROW_COLUMNS, merge_quotes, quote_row, rescore,
)
from tidings.store.quotations import QuoteRow


@dataclass
class Quotations:
    """The job's quotation tables and the re-scored articles."""

    quotations: DataFrame
    mentions: DataFrame
    #: rows of :func:`rescored_schema`, one per article whose score changed: every conflicted one
    #: (the executors' analyses never carry a ``speaker_conflict`` signal, so none is stale)
    rescored: DataFrame
    count: int  # quotations
    conflicted: int  # articles with a speaker conflict


def quote_rows(quotes: DataFrame, articles: DataFrame) -> list[QuoteRow]:
    """Every quote mention that can be merged, with its article's fields, collected to the driver
    (the only rows collected: no article text)."""
    mergeable = quotes.where(MERGED_QUOTES_WHERE).select(*QUOTE_COLUMNS, "kind")
    rows = mergeable.join(articles.select("article_id", *ARTICLE_COLUMNS), "article_id").select(*QUOTE_ROW_COLUMNS)
    return [quote_row(tuple(r)) for r in rows.toLocalIterator()]


def rescored_schema() -> StructType:
    """An article re-scored for its speaker conflict: score, ``analysis`` and ``signals`` rows."""
    return StructType([
        StructField("article_id", StringType(), False),
        StructField("reliability_score", IntegerType()),
        StructField("analysis", StringType()),
        StructField("signals", ArrayType(table_schema("signals"))),
    ])


def rescore_partition(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """``(article_id, reliability_score, analysis, finding)`` rows (the finding as
    ``executor.findings_json`` of one) -> rows of :func:`rescored_schema` for the articles whose
    score or signals change."""
    for aid, score, analysis, finding in rows:
        found = findings_from_json(finding)
        r = rescore(aid, score, analysis, found[0] if found else None)
        if r is not None:
            yield asdict(r)


def _table(spark: SparkSession, rows: list[dict[str, Any]], table: str) -> DataFrame:
    schema = table_schema(table)
    return spark.createDataFrame([tuple(r.get(f.name) for f in schema.fields) for r in rows], schema)


def merge_quotations(spark: SparkSession, quotes: DataFrame, articles: DataFrame) -> Quotations:
    """``quotes`` (the ``quotes`` table) merged over the corpus, and ``articles`` (the ``articles``
    table once provenance re-scored it) re-scored for their speaker conflicts."""
    merged = merge_quotes(quote_rows(quotes, articles))
    findings = spark.createDataFrame(
        [(aid, findings_json([f])) for aid, f in sorted(merged.findings.items())],
        "article_id string, finding string")
    conflicted = (articles.select("article_id", "reliability_score", "analysis")
                  .join(findings, "article_id")
                  .select("article_id", "reliability_score", "analysis", "finding"))
    rescored = spark.createDataFrame(conflicted.rdd.mapPartitions(rescore_partition), rescored_schema(),
                                     verifySchema=False)
    return Quotations(_table(spark, merged.quotations, "quotations"),
                      _table(spark, merged.mentions, "quotation_mentions"),
                      rescored, len(merged.quotations), len(merged.findings))
