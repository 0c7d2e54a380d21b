"""The Spark job: INPUT (JSONL, Parquet, WARC, documents) -> OUTPUT/<table>/*.parquet.

Stages, each one pass over the data:

1. read and parse every input record (``read``), keep the first of each content hash / canonical
   URL and number the kept articles in input order (``seq``), as ``tidings ingest`` would;
2. analyse the kept articles in ``mapPartitions`` (``executor``): one cached wide row per article;
3. copies and near-duplicates, near-duplicate groups, merged events (``corpus``); what each
   article was spun or stitched from, and its score re-weighed with that (``provenance``); quotes
   merged into quotations on the driver, and the score of each article in a speaker conflict
   re-weighed after its provenance, as ``ingest`` does (``quotations``);
4. write every store table as Parquet, the store's columns and types exactly (``tables``): each
   table as soon as it is known, a few at a time beside the corpus stages, and ``runs`` last.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from tidings.ingest.sources import Failure
from tidings.model import Article
from tidings.spark import corpus, provenance, quotations
from tidings.spark.executor import analyse_partition
from tidings.spark.read import read_items
from tidings.spark.tables import PER_ARTICLE, table_schema, wide_schema
from tidings.store.run import Analyses

APP_NAME = "tidings"


@dataclass
class JobReport:
    run_id: str
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    merged_events: int = 0
    copies: int = 0
    provenance: int = 0  # articles found spun or stitched from earlier ones
    quotations: int = 0
    speaker_conflicts: int = 0  # articles that give a quote to another speaker than other articles do
    seconds: float = 0.0
    #: where the seconds went: reading and analysing (until every article is analysed), the corpus
    #: stages (copies; near-duplicate groups and merged events; provenance and re-scoring;
    #: quotations and re-scoring for speaker conflicts), and
    #: waiting for the last table writes.  Tables are written beside the corpus stages, so a stage's
    #: seconds include the writes that overlapped it.
    phases: dict[str, float] = field(default_factory=dict)

    def lap(self, name: str, t0: float) -> None:
        """Record ``name`` as the time from ``t0`` not yet given to an earlier phase."""
        self.phases[name] = time.perf_counter() - t0 - sum(self.phases.values())

    def summary(self, output: str) -> str:
        """The one line both front ends print when the job is done."""
        phases = ", ".join(f"{name} {secs:.1f} s" for name, secs in self.phases.items())
        return (f"{self.new} new, {self.duplicate} duplicate, {self.failed} failed; {self.copies} copies; "
                f"{self.merged_events} merged events; {self.provenance} spun or stitched; "
                f"{self.quotations} quotations, {self.speaker_conflicts} articles in speaker conflicts; {output} ({self.seconds:.1f} s: {phases})")


#: JVM heap of a local-mode run when nothing else sets it (Spark's own 1g runs out in the copy
#: joins of a few thousand articles); on a cluster, spark-submit's --driver-memory decides
LOCAL_DRIVER_MEMORY = "2g"

#: JVM options of a local-mode run unless the caller gives its own: the JVM's second JIT compiler
#: spends whole cores optimising code that a one-off local job runs only for seconds, on the same
#: cores as the Python workers; the first compiler alone is enough here (about 5 s less after the
#: analysis of 2,000 articles on 2 cores).  A cluster's long-lived executors are left as they are.
#: With the first compiler alone the JVM's default code cache (48 MB) fills up after a few jobs in
#: one session (a test module, ``benchmarks/spark.py --scale``), and the JVM then stops compiling
#: altogether; 256 MB is reserved (address space, used only as filled).
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m"

#: tables written at once; each write is a short Spark job, and a few at a time fill the gaps
#: between one job's stages
WRITE_THREADS = 3


def session(
    master: str | None = None, shuffle_partitions: int | None = None, app_name: str = APP_NAME,
    driver_memory: str | None = None,
) -> SparkSession:
    """A session for the job; ``master`` None keeps what ``spark-submit`` set.

    ``driver_memory`` is the JVM heap of the driver (in local mode, of the whole job); for a local
    master it defaults to ``LOCAL_DRIVER_MEMORY`` unless ``PYSPARK_SUBMIT_ARGS`` gives one, and the
    JVM gets ``LOCAL_JAVA_OPTIONS`` unless it gives its own.  Both only take effect when this call
    starts the JVM."""
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master).config("spark.ui.showConsoleProgress", "false")
        if master.startswith("local") and not os.environ.get("PYSPARK_PYTHON"):
            # local workers run this interpreter (the one tidings is installed in), not python3 on PATH
            os.environ["PYSPARK_PYTHON"] = sys.executable
        submit_args = os.environ.get("PYSPARK_SUBMIT_ARGS", "")
        if driver_memory is None and master.startswith("local") and "--driver-memory" not in submit_args:
            driver_memory = LOCAL_DRIVER_MEMORY
        if master.startswith("local") and "--driver-java-options" not in submit_args \
                and "extraJavaOptions" not in submit_args:
            builder = builder.config("spark.driver.extraJavaOptions", LOCAL_JAVA_OPTIONS)
    if driver_memory:
        builder = builder.config("spark.driver.memory", driver_memory)
    if shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(shuffle_partitions))
    return builder.getOrCreate()


#: analysed articles per partition at most: a partition's rows (every table's rows of its
#: articles, and their analysis JSON) are cached as one block, which must fit an executor's heap
#: beside the others (16,000 articles in 8 partitions did not fit a 2 GB local driver)
PARTITION_ARTICLES = 500


def default_partitions(spark: SparkSession, articles: int = 0) -> int:
    """Analysis tasks: a few per core, so a slow partition does not hold the others up, and
    enough that none holds more than ``PARTITION_ARTICLES`` of the ``articles``."""
    return max(1, spark.sparkContext.defaultParallelism * 4, -(-articles // PARTITION_ARTICLES))


def _write(df: DataFrame, output: str, table: str, files: int | None) -> None:
    if files:
        df = df.coalesce(files)
    df.write.mode("overwrite").parquet(f"{output.rstrip('/')}/{table}")


def _rescore(tables: dict[str, DataFrame], rescored: DataFrame) -> None:
    """Give the articles of ``rescored`` (article_id, reliability_score, analysis, signals rows)
    their new score, ``analysis`` and signals in ``tables``."""
    new = rescored.select("article_id", F.col("reliability_score").alias("new_score"),
                          F.col("analysis").alias("new_analysis"))
    tables["articles"] = (tables["articles"].join(new, "article_id", "left")
                          .withColumn("reliability_score", F.coalesce("new_score", "reliability_score"))
                          .withColumn("analysis", F.coalesce("new_analysis", "analysis"))
                          .drop("new_score", "new_analysis"))
    tables["signals"] = corpus.to_schema(tables["signals"], "signals").join(
        new.select("article_id"), "article_id", "left_anti").unionByName(
        corpus.to_schema(rescored.select(F.explode("signals").alias("r")).select("r.*"), "signals"))


def run(
    spark: SparkSession,
    input_spec: str,
    output: str,
    actor_files: Sequence[str] = (),
    partitions: int | None = None,
    window_days: int = corpus.WINDOW_DAYS,
    broadcast_bytes: int = corpus.BROADCAST_TEXT_BYTES,
    files_per_table: int | None = None,
    analyses: Callable[[Sequence[str]], Analyses] | None = None,
) -> JobReport:
    """Run the whole job; return what it found.  Raises ``TidingsError`` for an unreadable input.

    ``analyses(actor_files)``, a picklable factory, gives the executors another analyser than
    ``tidings.pipeline.Analyzer`` (``benchmarks/spark.py --scale`` replays stored analyses)."""
    from tidings import __version__

    t0 = time.perf_counter()
    parts = partitions or default_partitions(spark)
    run_id = uuid.uuid4().hex[:16]
    started = corpus.now()
    report = JobReport(run_id)
    files = tuple(str(f) for f in actor_files)

    # 1. inputs, identities, input order
    items = read_items(spark, input_spec, parts).persist(StorageLevel.MEMORY_AND_DISK)
    keys = spark.createDataFrame(corpus.identity_rows(items), corpus.IDENTITY_COLUMNS_SCHEMA).persist(
        StorageLevel.MEMORY_AND_DISK)
    kept, aliases = corpus.split_identities(keys, run_id)
    inputs = keys.count()
    if not partitions:
        parts = default_partitions(spark, inputs)
    seqs = kept.select("order").rdd.map(lambda r: int(r[0])).sortBy(lambda o: o, numPartitions=parts).zipWithIndex()
    todo = (items.filter(lambda kv: isinstance(kv[1], Article))
            .join(seqs.map(lambda oi: (oi[0], oi[1] + 1)), numPartitions=parts))

    # 2. the per-article stages
    ingested_at: datetime = started
    analysed = todo.mapPartitions(lambda rows: analyse_partition(rows, run_id, ingested_at, files, analyses))
    wide = spark.createDataFrame(analysed, wide_schema(), verifySchema=False).persist(StorageLevel.MEMORY_AND_DISK)
    # analyse everything now, every partition at once: the first reader below would otherwise be a
    # ``head(1)``, which analyses one partition on one core while the others wait
    counted = wide.agg(F.count(F.lit(1)).alias("all"), F.count("failure").alias("failed")).first()
    assert counted is not None
    report.duplicate = inputs - int(counted["all"])  # every article that is not kept is a duplicate
    report.lap("read and analyse", t0)
    read_failures = items.filter(lambda kv: isinstance(kv[1], Failure)).map(
        lambda kv: (kv[1].id, kv[1].error, kv[1].where))
    failures = (spark.createDataFrame(read_failures, "id string, error string, input string")
                .unionByName(wide.where("failure IS NOT NULL").select("failure.*"))
                .select(F.lit(run_id).alias("run_id"), "id", "error", "input",
                        F.lit(started).cast("timestamp_ntz").alias("failed_at")))
    ok = wide.where("failure IS NULL")
    articles = ok.select("article.*")
    tables: dict[str, DataFrame] = {"articles": articles, "article_aliases": aliases,
                                    "failures": failures}
    for t in PER_ARTICLE:
        tables[t] = ok.select(F.explode(t).alias("r")).select("r.*")
    tables["doc_fingerprints"] = ok.where("doc_fingerprint IS NOT NULL").select(
        "article_id", F.col("doc_fingerprint").alias("minhash"))
    tables["sentence_fingerprints"] = ok.select(F.explode("sentence_fingerprints").alias("r")).select("r.*")

    # the tables known by now are written while the corpus stages run: those are many short Spark
    # jobs, so on their own they leave cores idle between them
    with ThreadPoolExecutor(max_workers=WRITE_THREADS, thread_name_prefix="tidings-write") as pool:
        writes: list[Future[None]] = []

        def write(names: Sequence[str]) -> None:
            for name in sorted(names):
                writes.append(pool.submit(_write, corpus.to_schema(tables[name], name), output, name, files_per_table))

        # an article's score and signals wait for its provenance and its quotes' speakers (step 3)
        write([t for t in tables if t not in ("articles", "signals")])

        # 3. corpus stages
        docs = ok.where("doc_fingerprint IS NOT NULL").select(
            "article_id", F.col("article.seq").alias("seq"), F.col("doc_fingerprint").alias("sig"))
        sents = (ok.select("article_id", F.col("article.seq").alias("seq"),
                           F.explode("sentence_fingerprints").alias("s"))
                 .select("article_id", "seq", "s.sentence", F.col("s.minhash").alias("sig")))
        texts = ok.select("article_id", "article.seq", "article.published", "article.text")
        found = corpus.find_copies(spark, texts, docs, sents, parts, broadcast_bytes).persist(
            StorageLevel.MEMORY_AND_DISK)
        report.copies = found.count()  # verify every partition in parallel, not in the growing steps of a limit
        report.lap("copies", t0)
        copies = found.select("copy.*")
        tables["copies"] = copies
        tables["copied_sentences"] = found.select(F.explode("sentences").alias("r")).select("r.*")
        write(["copies", "copied_sentences"])
        cluster_of = corpus.clusters(spark, copies, articles.select("article_id", "seq"))
        merged = corpus.merge_events(spark, tables["events"], articles, cluster_of, window_days).persist(
            StorageLevel.MEMORY_AND_DISK)
        report.merged_events = merged.count()
        report.lap("merged events", t0)
        tables["merged_events"] = merged.select("event.*")
        tables["merged_event_mentions"] = merged.select(F.explode("mentions").alias("r")).select("r.*")
        write(["merged_events", "merged_event_mentions"])
        prov = provenance.find_provenance(spark, ok, parts).persist(StorageLevel.MEMORY_AND_DISK)
        report.provenance = prov.count()
        _rescore(tables, prov)
        for t in ("spun_from", "stitched_from"):
            tables[t] = prov.select(F.explode(t).alias("r")).select("r.*")
        write(["spun_from", "stitched_from"])
        report.lap("provenance", t0)
        # the store re-scores for speaker conflicts after ingest wrote the articles, provenance and
        # all: the same order here
        quoted = quotations.merge_quotations(spark, tables["quotes"], tables["articles"])
        conflicted = quoted.rescored.persist(StorageLevel.MEMORY_AND_DISK)
        report.quotations, report.speaker_conflicts = quoted.count, conflicted.count()
        _rescore(tables, conflicted)
        tables["quotations"], tables["quotation_mentions"] = quoted.quotations, quoted.mentions
        write(["articles", "signals", "quotations", "quotation_mentions"])
        report.lap("quotations", t0)

        # 4. the run's own row, once every count is known
        report.new = int(counted["all"]) - int(counted["failed"])
        report.failed = int(counted["failed"]) + read_failures.count()
        tables["runs"] = spark.createDataFrame(
            [(run_id, started, corpus.now(), [input_spec], report.new, report.duplicate, report.failed, __version__)],
            table_schema("runs"))
        for w in writes:
            w.result()  # re-raises a failed write here
        # only now: a runs row says every other table of the run is there
        _write(corpus.to_schema(tables["runs"], "runs"), output, "runs", files_per_table)
    report.lap("last writes", t0)
    for df in (conflicted, prov, merged, found, wide, keys):
        df.unpersist()
    items.unpersist()
    report.seconds = time.perf_counter() - t0
    return report
