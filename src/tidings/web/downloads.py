"""Downloads of any list with its filters applied: CSV, Parquet and, for events, GDELT 2.0 rows.

A download takes every matching row in the list's order (its page position and size aside); nested
values (a merged event's articles) become one ``;``-joined column of ids."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, Literal

import duckdb
from fastapi.responses import Response, StreamingResponse

from tidings.store.export import Kind, gdelt_lines, gdelt_rows
from tidings.store.query import EventFilter

Format = Literal["json", "csv", "parquet", "gdelt"]
PARQUET = "application/vnd.apache.parquet"


def _cell(v: Any) -> Any:
    if isinstance(v, date | datetime):
        return v.isoformat()
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False, default=str)
    return v


def flat(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without view-only keys (``_…``); a merged event's articles as ``article_ids``, each once
    (an article with two mentions of the event is still one article), in first-mention order."""
    out = []
    for r in rows:
        row = {k: v for k, v in r.items() if not k.startswith("_") and k != "articles"}
        if "articles" in r:
            row["article_ids"] = ";".join(dict.fromkeys(a["article_id"] for a in r["articles"]))
        out.append(row)
    return out


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}


def csv_response(rows: list[dict[str, Any]], name: str, empty_columns: list[str]) -> Response:
    buf = io.StringIO()
    names = list(rows[0]) if rows else empty_columns
    w = csv.DictWriter(buf, fieldnames=names, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(v) for k, v in r.items()})
    return Response(buf.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers=_attachment(f"{name}.csv"))


def parquet_response(rows: list[dict[str, Any]], name: str, empty_columns: list[str]) -> Response:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if rows:
        table = pa.Table.from_pylist([{k: _cell(v) if isinstance(v, list | dict) else v for k, v in r.items()}
                                      for r in rows])
    else:  # the columns, typed as text: an empty download still says what it would hold
        table = pa.table({c: pa.array([], pa.string()) for c in empty_columns})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return Response(buf.getvalue(), media_type=PARQUET, headers=_attachment(f"{name}.parquet"))


def gdelt_response(cur: duckdb.DuckDBPyConnection, kind: Kind, f: EventFilter, name: str) -> Response:
    lines: Iterator[str] = gdelt_lines(gdelt_rows(cur, kind, f))
    body = "".join(lines).encode("utf-8")  # built before answering: an error is a clean 4xx/5xx, not a cut file
    return StreamingResponse(iter([body]), media_type="text/tab-separated-values; charset=utf-8",
                             headers=_attachment(f"{name}.tsv"))


def download(fmt: Format, rows: list[dict[str, Any]], name: str, empty_columns: list[str]) -> Response:
    """``rows`` as a CSV or Parquet attachment named ``name``."""
    if fmt == "csv":
        return csv_response(flat(rows), name, empty_columns)
    return parquet_response(flat(rows), name, empty_columns)
