"""Inputs from any Hadoop-compatible path (local, HDFS, S3A, GCS, ...) as ``(order, Item)`` pairs.

``order`` is one sortable number per input record: the file's place in the sorted listing in the
high bits, the record's place in the file (byte offset, row or record number) in the low bits, so
"first in the input" means what it means to ``tidings ingest`` over the same files.

* ``.jsonl``/``.ndjson``: split on ``\\n`` only (never on ``\\r`` or U+2028), each line read by the
  same code as ``tidings analyze``;
* ``.parquet``: one record per row, columns named as the JSONL fields (``id``, ``text`` or ``html``,
  ``title``, ``published``, ``url``, ``source``, ``authors``);
* ``.warc``/``.arc`` (gzipped or not): each file whole to one task, read by ``tidings.ingest.warc``;
* ``.txt``/``.md``/``.html``/...: one article per file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

from pyspark import RDD
from pyspark.sql import SparkSession

from tidings.errors import TidingsError
from tidings.ingest.decode import MAX_ARTICLE_BYTES, check_size, decode_bytes
from tidings.ingest.sources import ARTICLE_SUFFIXES, BATCH_SUFFIXES, Failure, Item, article_from_document, read_jsonl
from tidings.ingest.warc import is_warc

FILE_SHIFT = 40  # records per file < 2**40; files < 2**23
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def _kind(name: str) -> str | None:
    low = name.lower()
    if low == "readme.md" or low.startswith((".", "_")):
        return None
    suffix = PurePosixPath(low).suffix
    if suffix in BATCH_SUFFIXES:
        return "jsonl"
    if suffix == ".parquet":
        return "parquet"
    if is_warc(low):
        return "warc"
    if suffix in ARTICLE_SUFFIXES:
        return "document"
    return None


def list_files(spark: SparkSession, spec: str) -> list[tuple[str, str]]:
    """(path, kind) of every readable file the spec names (a file, folder or glob), sorted by path."""
    jvm = spark._jvm  # type: ignore[attr-defined]
    assert jvm is not None, "tidings spark needs a classic (not Spark Connect) session"
    conf = spark._jsc.hadoopConfiguration()  # type: ignore[attr-defined]
    path = jvm.org.apache.hadoop.fs.Path(spec)
    fs = path.getFileSystem(conf)
    statuses = fs.globStatus(path)
    if statuses is None or len(statuses) == 0:
        raise TidingsError(f"{spec}: no such file or folder")
    found: list[tuple[str, str]] = []
    for st in statuses:
        if st.isDirectory():
            it = fs.listFiles(st.getPath(), True)
            while it.hasNext():
                f = it.next()
                p = f.getPath()
                rel = p.toString()[len(st.getPath().toString()):]
                if any(part.startswith((".", "_")) for part in rel.split("/") if part):
                    continue  # hidden files and Spark's own _SUCCESS/_temporary
                kind = _kind(p.getName())
                if kind is not None:
                    found.append((p.toString(), kind))
        else:
            p = st.getPath()
            kind = _kind(p.getName()) or ("jsonl" if p.getName().lower().endswith(".json") else None)
            if kind is None:
                raise TidingsError(f"{p.toString()}: not a file tidings spark reads (.jsonl, .parquet, .warc, "
                                   ".arc, .txt, .html)")
            found.append((p.toString(), kind))
    return sorted(set(found))


def _jsonl_line(order: int, line: str, where: str) -> list[tuple[int, Item]]:
    items = list(read_jsonl(iter([line.encode("utf-8", "surrogatepass")]), where))  # type: ignore[arg-type]
    return [(order, it) for it in items]


def _document(order: int, path: str, data: bytes) -> tuple[int, Item]:
    name = PurePosixPath(path).name
    stem = PurePosixPath(name).stem
    try:
        check_size(len(data), path, MAX_ARTICLE_BYTES)
        content = decode_bytes(data, path)
        is_html = True if PurePosixPath(name.lower()).suffix in HTML_SUFFIXES else None
        return order, article_from_document(content, stem, is_html=is_html)
    except TidingsError as exc:
        return order, Failure(stem, f"{path}: {exc}", path)


def _warc(base: int, path: str, data: bytes) -> Iterator[tuple[int, Item]]:
    from tidings.ingest.warc import read_warc

    suffix = ".warc.gz" if path.lower().endswith(".gz") else ".warc"
    fd, tmp = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        del data
        for i, item in enumerate(read_warc(tmp)):
            if isinstance(item, Failure) and item.where == tmp:
                item.where = path
            yield base + i, item
    finally:
        os.unlink(tmp)


def _record(row: dict[str, Any]) -> dict[str, Any]:
    """A Parquet row as a JSONL record: dates and lists as JSON would carry them."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if hasattr(v, "isoformat"):
            v = v.isoformat()
        out[k] = v
    return out


def _parquet_row(order: int, row: dict[str, Any], where: str) -> tuple[int, Item]:
    from tidings.ingest.sources import article_from_record

    rec = _record(row)
    rid = rec.get("id")
    try:
        return order, article_from_record(rec)
    except TidingsError as exc:
        return order, Failure(str(rid) if rid is not None else None, str(exc), where)
    except Exception as exc:  # one bad row must not lose the rest
        return order, Failure(str(rid) if rid is not None else None,
                              f"internal error: {type(exc).__name__}: {exc}", where)


def read_items(spark: SparkSession, spec: str, partitions: int) -> RDD[tuple[int, Item]]:
    """Every record of the input as ``(order, Article | Failure)``, parsed in ``partitions`` tasks."""
    sc = spark.sparkContext
    files = list_files(spark, spec)
    if not files:
        raise TidingsError(f"{spec}: holds no .jsonl, .parquet, .warc, .arc, .txt or .html files")
    parts: list[RDD[tuple[int, Item]]] = []
    documents: list[tuple[str, int]] = []
    for index, (path, kind) in enumerate(files):
        base = index << FILE_SHIFT
        if kind == "jsonl":
            lines = sc.newAPIHadoopFile(
                path, "org.apache.hadoop.mapreduce.lib.input.TextInputFormat",
                "org.apache.hadoop.io.LongWritable", "org.apache.hadoop.io.Text",
                conf={"textinputformat.record.delimiter": "\n"},
            )
            raw = lines.filter(lambda kv: bool(kv[1].strip())).map(lambda kv, b=base: (b + int(kv[0]), kv[1]))
            parts.append(raw.repartition(partitions).flatMap(lambda kv, w=path: _jsonl_line(kv[0], kv[1], w)))
        elif kind == "parquet":
            rows = spark.read.parquet(path).rdd.zipWithIndex()
            parts.append(rows.repartition(partitions).map(
                lambda ri, b=base, w=path: _parquet_row(b + ri[1], ri[0].asDict(recursive=True), w)))
        elif kind == "warc":
            data = sc.binaryFiles(path)
            parts.append(data.flatMap(lambda pd, b=base: _warc(b, pd[0], pd[1])))
        else:
            documents.append((path, base))
    if documents:
        order_of = {_norm(p): b for p, b in documents}
        docs = sc.binaryFiles(",".join(p for p, _ in documents), minPartitions=min(partitions, len(documents)))
        parts.append(docs.map(lambda pd: _document(order_of[_norm(pd[0])], pd[0], pd[1])))
    return parts[0] if len(parts) == 1 else sc.union(parts)


def _norm(path: str) -> str:
    """binaryFiles names local files ``file:/x``; the listing may say ``file:///x``."""
    return path.replace("file:///", "file:/")
