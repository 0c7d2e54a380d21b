"""``python -m tidings.spark INPUT OUTPUT``; this file is also what ``spark-submit`` runs.

    spark-submit --master yarn --archives env.tar.gz#env .../tidings/spark/__main__.py s3a://news/ s3a://out/

Without ``--master`` the master is whatever ``spark-submit`` (or ``spark-defaults.conf``) set;
``docs/spark.md`` shows a whole cluster command line.
"""

from __future__ import annotations

import argparse
import sys

from tidings.errors import TidingsError


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.spark", description="Run the tidings pipeline on Apache Spark.")
    ap.add_argument("input", help="file, folder or glob on any Hadoop-compatible path")
    ap.add_argument("output", help="folder for the Parquet tables (replaced table by table)")
    ap.add_argument("--master", default=None, help="Spark master (default: as spark-submit set it)")
    ap.add_argument("--actors", action="append", default=[], help="extra actor dictionary; repeatable")
    ap.add_argument("--partitions", type=int, default=None, help="analysis tasks (default: 4 per core)")
    ap.add_argument("--shuffle-partitions", type=int, default=None, help="spark.sql.shuffle.partitions")
    ap.add_argument("--driver-memory", default=None,
                    help="driver JVM heap when this command starts Spark (local default 2g; else as spark-submit set it)")
    args = ap.parse_args(argv)

    from tidings.spark.job import run, session

    spark = session(args.master, args.shuffle_partitions, driver_memory=args.driver_memory)
    try:
        report = run(spark, args.input, args.output, actor_files=args.actors, partitions=args.partitions)
    except TidingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.master:
            spark.stop()
    print(report.summary(args.output), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
