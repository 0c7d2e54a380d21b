"""`tidings spark`: the same pipeline on Apache Spark."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tidings.cli.common import app, err_console, fail
from tidings.errors import TidingsError


@app.command("spark")
def spark_cmd(
    input: Annotated[str, typer.Argument(help="File, folder or glob on any Hadoop path: .jsonl, .parquet, .warc, "
                                              ".txt/.html.", show_default=False)],
    output: Annotated[str, typer.Argument(help="Folder for the Parquet tables, one folder per store table.",
                                          show_default=False)],
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[*]",
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (as for analyze); repeatable.")
    ] = None,
    partitions: Annotated[
        int | None, typer.Option("--partitions", min=1, help="Analysis tasks (default: 4 per core).")
    ] = None,
    shuffle_partitions: Annotated[
        int | None, typer.Option("--shuffle-partitions", min=1, help="spark.sql.shuffle.partitions.")
    ] = None,
    driver_memory: Annotated[
        str | None, typer.Option("--driver-memory", help="Driver JVM heap, e.g. 4g (local default: 2g).")
    ] = None,
) -> None:
    """Run the pipeline on Apache Spark: INPUT -> OUTPUT/<table>/*.parquet (load with ingest --parquet)."""
    try:
        from tidings.spark.job import run, session
    except ImportError as exc:
        fail(f"tidings spark needs PySpark and a Java runtime (pip install pyspark): {exc}", 1)
    for f in actors or []:
        if not f.is_file():
            fail(f"actor dictionary {f} does not exist", 2)
    spark = session(master, shuffle_partitions, driver_memory=driver_memory)
    try:
        rep = run(spark, input, output, actor_files=[str(f) for f in actors or []], partitions=partitions)
    except TidingsError as exc:
        fail(str(exc), 1)
    finally:
        spark.stop()
    err_console.print(rep.summary(str(output)), highlight=False)
