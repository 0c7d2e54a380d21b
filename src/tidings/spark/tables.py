"""The store's tables as Spark schemas, read from the store's own DuckDB migrations.

The Parquet folders the job writes must load into the store unchanged, so the schemas are not
written out a second time here: an in-memory DuckDB database is migrated and its columns mapped.
"""

from __future__ import annotations

from functools import cache

import duckdb
from pyspark.sql.types import (
    ArrayType,
    BinaryType,
    BooleanType,
    DataType,
    DateType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
    TimestampNTZType,
)

from tidings.store.schema import migrate

_SCALARS: dict[str, DataType] = {
    "VARCHAR": StringType(),
    "JSON": StringType(),
    "BIGINT": LongType(),
    "INTEGER": IntegerType(),
    "DOUBLE": DoubleType(),
    "BOOLEAN": BooleanType(),
    "DATE": DateType(),
    "TIMESTAMP": TimestampNTZType(),  # DuckDB's TIMESTAMP has no time zone
    "BLOB": BinaryType(),
}

PER_ARTICLE = ("removed", "entities", "quotes", "events", "places", "signals")


def spark_type(duck_type: str) -> DataType:
    t = duck_type.upper()
    if t.endswith("[]"):
        return ArrayType(spark_type(t[:-2]))
    if t not in _SCALARS:
        raise ValueError(f"no Spark type for the store's column type {duck_type}")
    return _SCALARS[t]


@cache
def store_columns() -> dict[str, list[tuple[str, str]]]:
    """Table -> [(column, DuckDB type)] of the latest store schema."""
    conn = duckdb.connect(":memory:")
    try:
        migrate(conn)
        rows = conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        conn.close()
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, dtype in rows:
        out.setdefault(table, []).append((column, dtype))
    return out


def table_schema(table: str) -> StructType:
    return StructType([StructField(c, spark_type(t), True) for c, t in store_columns()[table]])


def wide_schema() -> StructType:
    """One row per analysed article (or failure) on its way out of the executors."""
    failure = StructType([StructField("id", StringType()), StructField("error", StringType()),
                          StructField("input", StringType())])
    fields = [
        StructField("order", LongType(), False),
        StructField("article_id", StringType()),
        StructField("failure", failure),
        StructField("article", table_schema("articles")),
        *(StructField(t, ArrayType(table_schema(t))) for t in PER_ARTICLE),
        StructField("doc_fingerprint", BinaryType()),
        StructField("sentence_fingerprints", ArrayType(table_schema("sentence_fingerprints"))),
        StructField("findings", StringType()),
    ]
    return StructType(fields)
