"""The tidings pipeline on Apache Spark: the same per-article stages and corpus stages, at scale.

``tidings spark INPUT OUTPUT`` (or ``spark-submit -m tidings.spark``) reads JSONL, Parquet or WARC
from any Hadoop-compatible path, analyses articles in ``mapPartitions`` with one
``tidings.pipeline.Analyzer`` per executor process, finds near-duplicates and copied sentences with
the store's own banded MinHash LSH in Spark SQL, merges events across articles, finds what each article was spun or
stitched from, merges quotes into quotations (on the driver) with their speaker conflicts, and writes one Parquet folder per table of
the corpus store (``OUTPUT/events/*.parquet``) with exactly the store's columns and types.
``tidings ingest --parquet OUTPUT`` loads them into a DuckDB store for the web UI and queries.

Nothing outside this package imports it; importing it does not import PySpark.
"""

from __future__ import annotations

__all__: list[str] = []
