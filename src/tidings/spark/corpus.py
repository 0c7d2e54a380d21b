"""Corpus stages on Spark: which inputs are new, copies and near-duplicates, merged events.

Each stage applies the local store's rules to the whole input at once, with the store's own
functions wherever a rule is decided:

* identity: the first input (in input order) with a content hash is the article, a later one with
  the same hash or canonical URL is a duplicate (an ``article_aliases`` row when it brings a new id
  or URL);
* copies: the MinHash signatures the executors computed for ``doc_fingerprints`` and
  ``sentence_fingerprints`` are cut into the bands of the store's own LSH indexes
  (``store.dedup.band_ranges``) and joined on equal bands in Spark SQL, which proposes exactly the
  article pairs (whole texts, word 5-shingles) and sentence pairs (word 3-shingles) that the
  store's datasketch indexes propose; every proposed pair is then verified exactly by
  ``store.dedup._compare`` on the articles' own shingle sets, as ``ingest`` does;
* merged events: the mention table is built with Spark SQL (events joined to articles, negated
  mentions out, near-duplicate groups joined in) and grouped by actors and root code; each group is
  split by place and cut into windows by ``store.merge.group_mentions`` (the store's location rule)
  and summarised by ``store.merge.summarise``.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from pyspark import RDD
from pyspark.sql import DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, StructField, StructType

from tidings.actors.types import ROLE_CODES
from tidings.ingest.sources import Item
from tidings.model import Article
from tidings.spark.tables import table_schema
from tidings.store.dedup import (
    DOC_PERM, PRINT_CACHE, SENT_PERM, DedupRows, Doc, Print, _compare, band_ranges, fingerprint, group_roots,
)
from tidings.store.merge import WINDOW_DAYS, Mention, group_mentions, summarise
from tidings.store.writer import Identity

BROADCAST_TEXT_BYTES = 64 << 20  # verify against broadcast texts up to this corpus size, else by join


# --- identity: new articles and duplicates -------------------------------------------------------

def identity_rows(items: RDD[tuple[int, Item]]) -> RDD[tuple[Any, ...]]:
    def key(kv: tuple[int, Item]) -> tuple[Any, ...]:
        order, art = kv
        assert isinstance(art, Article)
        ident = Identity.of(art)
        return (order, ident.article_id, ident.content_hash, ident.canonical_url, art.id, art.url, art.source)

    return items.filter(lambda kv: isinstance(kv[1], Article)).map(key)


IDENTITY_COLUMNS = ["order", "article_id", "content_hash", "canonical_url", "id", "url", "source"]
IDENTITY_COLUMNS_SCHEMA = ("order long, article_id string, content_hash string, canonical_url string, id string, "
                           "url string, source string")


def split_identities(keys: DataFrame, run_id: str) -> tuple[DataFrame, DataFrame]:
    """(kept: order, article_id; aliases in the store's schema).  Every other key is a duplicate."""
    by_hash = Window.partitionBy("content_hash").orderBy("order")
    k = keys.withColumn("hash_first", F.first("order").over(by_hash))
    reps = k.where(F.col("order") == F.col("hash_first"))
    by_url = Window.partitionBy("canonical_url").orderBy("order")
    reps = reps.withColumn(
        "url_first", F.when(F.col("canonical_url").isNull(), F.col("order")).otherwise(F.first("order").over(by_url)))
    kept = reps.where(F.col("order") == F.col("url_first"))
    rep_of = reps.select(F.col("order").alias("hash_first"), "url_first")
    stored = kept.select(F.col("order").alias("url_first"), F.col("article_id").alias("stored_id"),
                         F.col("content_hash").alias("stored_hash"), F.col("id").alias("stored_rid"),
                         F.col("canonical_url").alias("stored_curl"))
    dups = (k.join(rep_of, "hash_first").join(stored, "url_first")
            .where(F.col("order") != F.col("url_first")))
    same_as_stored = ((F.col("stored_rid").eqNullSafe(F.col("id"))) & F.col("stored_curl").eqNullSafe(F.col("canonical_url"))
                      & (F.col("stored_hash") == F.col("content_hash")))
    first_key = Window.partitionBy("stored_id", "id", "canonical_url", "content_hash").orderBy("order")
    aliases = (dups.where(~same_as_stored)
               .withColumn("n", F.row_number().over(first_key)).where(F.col("n") == 1)
               .select(F.col("stored_id").alias("article_id"), "id", "url", "canonical_url", "source", "content_hash",
                       F.when(F.col("content_hash") == F.col("stored_hash"), F.lit("same_text"))
                       .otherwise(F.lit("same_url")).alias("reason"),
                       F.lit(run_id).alias("run_id")))
    return kept.select("order", "article_id"), to_schema(aliases, "article_aliases")


def to_schema(df: DataFrame, table: str) -> DataFrame:
    """The columns of a store table, in its order and types."""
    schema = table_schema(table)
    return df.select(*(F.col(f.name).cast(f.dataType).alias(f.name) for f in schema.fields))


# --- copies and near-duplicates ------------------------------------------------------------------

def band_buckets(sigs: DataFrame, num_perm: int) -> DataFrame:
    """(sig, band, bucket): each signature (``sig``, a stored ``minhash`` blob) cut into the bands of
    the store's LSH index (``store.dedup.band_ranges``), in Spark SQL."""
    bands = F.array(*(F.struct(F.lit(band).alias("band"), F.substring("sig", start + 1, end - start).alias("bucket"))
                      for band, (start, end) in enumerate(band_ranges(num_perm))))
    return sigs.select("sig", F.explode(bands).alias("k")).select("sig", "k.band", "k.bucket")


def similar_signatures(sigs: DataFrame, num_perm: int) -> DataFrame:
    """(sig_a, sig_b): every ordered pair of distinct signatures of ``sigs`` that share a bucket of
    the store's LSH index, each pair once, plus (sig, sig) for every signature: what the index
    proposes, over distinct signatures so that a sentence copied n times is banded once."""
    buckets = band_buckets(sigs.select("sig").distinct(), num_perm)
    a = buckets.select(F.col("sig").alias("sig_a"), "band", "bucket")
    b = buckets.select(F.col("sig").alias("sig_b"), "band", "bucket")
    # sort-merge, never broadcast: the planner's size estimate after the explode can be far below
    # the real side (the sentences of 16k articles did not fit a 2 GB driver)
    return a.join(b.hint("merge"), ["band", "bucket"]).select("sig_a", "sig_b").distinct()


def candidate_pairs(docs: DataFrame, sents: DataFrame) -> DataFrame:
    """(new_id, cand_id, sent_pairs) with ``new`` the later-ingested article, as ``ingest`` meets them.

    ``docs``: article_id, seq, sig (doc fingerprint); ``sents``: article_id, seq, sentence, sig.
    Every pair the store's two indexes would propose, and no other: a later article and an earlier
    one whose signatures share a bucket, with every such pair of their sentences."""
    empty = F.array().cast("array<struct<n:int,c:int>>")
    doc_pairs = (similar_signatures(docs, DOC_PERM)
                 .join(docs.select(F.col("sig").alias("sig_a"), F.col("article_id").alias("new_id"),
                                   F.col("seq").alias("seq_a")), "sig_a")
                 .join(docs.select(F.col("sig").alias("sig_b"), F.col("article_id").alias("cand_id"),
                                   F.col("seq").alias("seq_b")), "sig_b")
                 .where(F.col("seq_a") > F.col("seq_b"))
                 .select("new_id", "cand_id", empty.alias("sent_pairs")))
    a = sents.select(F.col("sig").alias("sig_a"), F.col("article_id").alias("new_id"),
                     F.col("seq").alias("seq_a"), F.col("sentence").alias("n"))
    b = sents.select(F.col("sig").alias("sig_b"), F.col("article_id").alias("cand_id"),
                     F.col("seq").alias("seq_b"), F.col("sentence").alias("c"))
    sent_pairs = (similar_signatures(sents, SENT_PERM).join(a.hint("merge"), "sig_a").join(b.hint("merge"), "sig_b")
                  .where(F.col("seq_a") > F.col("seq_b"))
                  .groupBy("new_id", "cand_id").agg(F.collect_list(F.struct("n", "c")).alias("sent_pairs")))
    return (doc_pairs.unionByName(sent_pairs)
            .groupBy("new_id", "cand_id").agg(F.flatten(F.collect_list("sent_pairs")).alias("sent_pairs")))


DocRow = tuple[str, int, Any, str]  # article_id, seq, published, text


def verify(pairs: Iterable[tuple[DocRow, DocRow, list[tuple[int, int]]]]) -> Iterator[dict[str, Any]]:
    """Each candidate pair checked exactly by the store's own comparison; one row per copy found."""
    cache: OrderedDict[str, Print] = OrderedDict()

    def print_of(d: DocRow) -> Print:
        p = cache.get(d[0])
        if p is None:
            p = cache[d[0]] = fingerprint(Doc(*d))
            if len(cache) > PRINT_CACHE:
                cache.popitem(last=False)
        else:
            cache.move_to_end(d[0])
        return p

    for new, cand, sent_pairs in pairs:
        rows = DedupRows()
        _compare(print_of(new), print_of(cand), sent_pairs, rows)
        for copy in rows.copies:
            yield {"copy": copy, "sentences": [s for s in rows.copied_sentences
                                               if s["article_id"] == copy["article_id"]]}


def copy_schema() -> StructType:
    return StructType([StructField("copy", table_schema("copies")),
                       StructField("sentences", ArrayType(table_schema("copied_sentences")))])


def find_copies(spark: SparkSession, texts: DataFrame, docs: DataFrame, sents: DataFrame, partitions: int,
                broadcast_bytes: int = BROADCAST_TEXT_BYTES) -> DataFrame:
    """Copy relations (``copy`` struct and its ``sentences``), one row per copying pair.

    ``texts``: article_id, seq, published, text of every new article."""
    pairs = candidate_pairs(docs, sents).repartition(partitions, "new_id").sortWithinPartitions("new_id")
    size = texts.select(F.sum(F.length("text"))).first()
    total = int(size[0] or 0) if size else 0

    def as_list(sp: list[Any]) -> list[tuple[int, int]]:
        return [(int(x["n"]), int(x["c"])) for x in sp]

    if total <= broadcast_bytes:
        known = spark.sparkContext.broadcast(
            {r[0]: (r[0], r[1], r[2], r[3]) for r in texts.select("article_id", "seq", "published", "text").collect()})

        def verify_local(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
            by_id = known.value
            return verify((by_id[r[0]], by_id[r[1]], as_list(r[2])) for r in rows)

        found = pairs.rdd.mapPartitions(verify_local)
    else:
        t = texts.select("article_id", "seq", "published", "text")
        joined = (pairs.join(t.toDF("new_id", "n_seq", "n_pub", "n_text"), "new_id")
                  .join(t.toDF("cand_id", "c_seq", "c_pub", "c_text"), "cand_id")
                  .repartition(partitions, "new_id").sortWithinPartitions("new_id"))

        def verify_joined(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
            return verify(((r.new_id, r.n_seq, r.n_pub, r.n_text), (r.cand_id, r.c_seq, r.c_pub, r.c_text),
                           as_list(r.sent_pairs)) for r in rows)

        found = joined.rdd.mapPartitions(verify_joined)
    return spark.createDataFrame(found, copy_schema(), verifySchema=False)


#: near-duplicate links grouped on the driver (union-find) up to this many; beyond, by Spark joins
DRIVER_CLUSTER_EDGES = 2_000_000


def clusters(spark: SparkSession, copies: DataFrame, seqs: DataFrame, max_rounds: int = 100,
             driver_edges: int = DRIVER_CLUSTER_EDGES) -> DataFrame:
    """(article_id, root): each article of a near-duplicate group -> its earliest-ingested member.

    ``seqs`` holds article_id, seq.  Near-duplicate links are few next to the articles (a link per
    copy, not per sentence), so up to ``driver_edges`` of them are grouped on the driver; a larger
    set is grouped by min-label propagation in Spark.  Both give the same table."""
    edges = copies.where("near_duplicate").select(F.col("article_id").alias("a"), F.col("source_article_id").alias("b"))
    if driver_edges > 0:
        few = edges.limit(driver_edges + 1).collect()
        if len(few) <= driver_edges:
            return _clusters_on_driver(spark, [(r.a, r.b) for r in few], seqs)
    both = edges.unionByName(edges.select(F.col("b").alias("a"), F.col("a").alias("b"))).persist()
    nodes = both.select(F.col("a").alias("article_id")).distinct().join(seqs, "article_id")
    labels = nodes.select("article_id", F.struct("seq", "article_id").alias("label")).localCheckpoint()
    for _ in range(max_rounds):
        seen = (both.join(labels.withColumnRenamed("article_id", "b"), "b")
                .groupBy(F.col("a").alias("article_id")).agg(F.min("label").alias("nb")))
        nxt = (labels.join(seen, "article_id", "left")
               .select("article_id", F.least("label", F.coalesce("nb", "label")).alias("label"))).localCheckpoint()
        changed = nxt.join(labels.withColumnRenamed("label", "old"), "article_id").where("label != old").count()
        labels = nxt
        if not changed:
            break
    both.unpersist()
    return labels.select("article_id", F.col("label.article_id").alias("root"))


CLUSTER_SCHEMA = "article_id string, root string"


def _clusters_on_driver(spark: SparkSession, edges: list[tuple[str, str]], seqs: DataFrame) -> DataFrame:
    if not edges:
        return spark.createDataFrame([], CLUSTER_SCHEMA)
    nodes = sorted({x for e in edges for x in e})
    wanted = spark.createDataFrame([(n,) for n in nodes], "article_id string")
    seq_of = {r[0]: r[1] for r in seqs.join(wanted, "article_id").select("article_id", "seq").collect()}
    return spark.createDataFrame(sorted(group_roots(edges, seq_of).items()), CLUSTER_SCHEMA)


# --- merged events -------------------------------------------------------------------------------

# the partition a mention is merged in: its actors with a country's role cut to the role
# ("PERCOP" -> "COP"), so that the reports a bare role joins (``store.merge._join_bare_roles``)
# are in the same partition; ``group_mentions`` then groups by the exact actors as the store does
_ROLES_SQL = ", ".join(f"'{r}'" for r in sorted(ROLE_CODES))


def _role_sql(col: str) -> str:
    return f"CASE WHEN length({col}) = 6 AND substr({col}, 4) IN ({_ROLES_SQL}) THEN substr({col}, 4) ELSE {col} END"


MENTIONS_SQL = f"""
SELECT e.article_id, e.idx, e.code, e.root, e.label, e.quad_class, e.goldstein, e.plover,
       e.source_actor, e.source_name, e.target_actor, e.target_name,
       (e.target_text IS NOT NULL OR e.target_actor IS NOT NULL) AS has_target,
       e.evidence, e.confidence, a.published, a.source, a.url, a.seq, a.ingested_at,
       coalesce(e.start < nullif(instr(a.text, concat(chr(10), chr(10))), 0) - 1, e.sentence = 0, false) AS in_lead,
       e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon,
       e.location_geonames_id,
       coalesce(c.root, e.article_id) AS cluster,
       CASE WHEN e.source_actor IS NOT NULL AND (e.target_actor IS NOT NULL
                 OR NOT (e.target_text IS NOT NULL OR e.target_actor IS NOT NULL))
            THEN concat_ws(chr(1), {_role_sql("e.source_actor")}, coalesce({_role_sql("e.target_actor")}, ''),
                           coalesce(nullif(e.root, ''), substr(coalesce(e.code, ''), 1, 2)))
            ELSE concat_ws(chr(1), 'article', e.article_id, cast(e.idx AS string)) END AS merge_key
FROM tidings_events e JOIN tidings_articles a ON e.article_id = a.article_id
LEFT JOIN tidings_clusters c ON c.article_id = e.article_id
WHERE NOT coalesce(e.negated, false) AND e.code IS NOT NULL
"""


def _mention(r: Any) -> Mention:
    outlet = r.source or (urlsplit(r.url).hostname if r.url else None)
    return Mention(r.article_id, r.idx, r.code, r.root, r.label, r.quad_class, r.goldstein, r.plover, r.source_actor,
                   r.source_name, r.target_actor, r.target_name, r.has_target, r.evidence, r.confidence,
                   r.published, outlet, r.url, r.seq, r.ingested_at, r.in_lead, r.location_name, r.location_country,
                   r.location_admin1, r.location_lat, r.location_lon, r.location_geonames_id)


def merge_group(rows: list[Any], window_days: int) -> Iterator[dict[str, Any]]:
    mentions = [_mention(r) for r in rows]
    cluster_of = {r.article_id: r.cluster for r in rows}
    for group in group_mentions(mentions, window_days):
        row, links = summarise(group, cluster_of)
        yield {"event": row, "mentions": links}


def merge_schema() -> StructType:
    return StructType([StructField("event", table_schema("merged_events")),
                       StructField("mentions", ArrayType(table_schema("merged_event_mentions")))])


def merge_events(spark: SparkSession, events: DataFrame, articles: DataFrame, cluster_of: DataFrame,
                 window_days: int = WINDOW_DAYS) -> DataFrame:
    """Merged events (``event`` struct and its ``mentions``), one row per merged event."""
    events.createOrReplaceTempView("tidings_events")
    articles.createOrReplaceTempView("tidings_articles")
    cluster_of.createOrReplaceTempView("tidings_clusters")
    mentions = spark.sql(MENTIONS_SQL)
    cols = [c for c in mentions.columns if c != "merge_key"]
    grouped = mentions.groupBy("merge_key").agg(F.collect_list(F.struct(*cols)).alias("ms"))
    merged = grouped.rdd.flatMap(lambda r: merge_group(r.ms, window_days))
    return spark.createDataFrame(merged, merge_schema(), verifySchema=False)


def now() -> datetime:
    from datetime import timezone

    return datetime.now(timezone.utc).replace(tzinfo=None)

