"""The corpus store: idempotent ingest, kill safety, near-duplicates and copied sentences, merged
events, exports, queries, WARC/feed sources, and refusal of a foreign --db file."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.ingest.sources import Failure, Item
from tidings.model import Analysis, Article, Event, Participant, Reliability, Signal
from tidings.store import connect, ingest, read_sources
from tidings.store.dedup import MIN_SENTENCE_WORDS, sentence_spans, words
from tidings.store.export import GDELT_COLUMNS, ExportFormat, Kind, export
from tidings.store.identity import canonical_url
from tidings.store.query import EventFilter, copies_of, dyad_counts, event_mentions, merged_events

from .conftest import EXAMPLES

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
CONTENT_TABLES = ("articles", "removed", "entities", "quotes", "events", "signals", "article_aliases",
                  "doc_fingerprints", "sentence_fingerprints", "copies", "copied_sentences", "merged_events",
                  "merged_event_mentions")


class FakeAnalyzer:
    """Stands in for the pipeline: the article as is, with events given per article id."""

    def __init__(self, events: dict[str, list[Event]] | None = None,
                 reliability: dict[str, Reliability] | None = None) -> None:
        self.events = events or {}
        self.reliability = reliability or {}

    def stream(self, items: Iterable[Item], batch_size: int = 16) -> Iterator[Analysis | Failure]:
        for it in items:
            if isinstance(it, Failure):
                yield it
            else:
                yield Analysis(id=it.id, article=it, events=list(self.events.get(it.id or "", [])),
                               reliability=self.reliability.get(it.id or "", Reliability()))


def counts(conn: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in CONTENT_TABLES}


def example_text(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def change_one_sentence(text: str, new: str) -> str:
    spans = [s for s in sentence_spans(text) if len(text[s[0]:s[1]].split()) >= 12]
    s, e = spans[2]
    return text[:s] + new + text[e:]


# --- idempotent ingest of the real examples -----------------------------------------------------


def test_ingest_examples_twice_is_idempotent(tmp_path: Path, analyzer) -> None:
    db = tmp_path / "c.duckdb"
    conn = connect(db)
    first = ingest(conn, read_sources([str(EXAMPLES)]), analyzer)
    assert (first.counts.new, first.counts.duplicate, first.counts.failed) == (14, 0, 0)
    after_first = counts(conn)
    assert after_first["articles"] == 14 and after_first["entities"] > 0
    conn.close()

    conn = connect(db)  # a later run: the dedup index is rebuilt from the store
    second = ingest(conn, read_sources([str(EXAMPLES)]), analyzer)
    assert (second.counts.new, second.counts.duplicate, second.counts.failed) == (0, 14, 0)
    assert counts(conn) == after_first
    # the examples are independent articles, except the farm piece made from two of them: only
    # it copies, and its record names both originals (spun from the Lima report, a paragraph of
    # the Bogota one stitched in)
    name = dict(conn.execute("SELECT article_id, id FROM articles").fetchall())
    copiers = {name[r[0]] for r in conn.execute("SELECT article_id FROM copied_sentences").fetchall()}
    assert copiers <= {"12-fisheries-talks-farm"}
    spun = conn.execute("SELECT article_id, source_article_id, substitutions FROM spun_from").fetchall()
    assert [(name[a], name[b]) for a, b, _ in spun] == [("12-fisheries-talks-farm", "11-fisheries-talks-lima")]
    assert ["officials", "functionaries"] in json.loads(spun[0][2])
    stitched = {name[r[1]] for r in conn.execute("SELECT article_id, source_article_id FROM stitched_from").fetchall()
                if name[r[0]] == "12-fisheries-talks-farm"}
    assert stitched == {"11-fisheries-talks-lima", "05-protest-bogota"}
    # the stored analysis is the contract JSON
    row = conn.execute("SELECT analysis FROM articles WHERE id = '01-ministers-meet-jakarta'").fetchone()
    assert json.loads(row[0])["article"]["published"] == "2019-05-15"
    assert conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NOT NULL").fetchone()[0] == 2
    conn.close()


def test_same_url_with_tracking_parameters_is_one_article(tmp_path: Path) -> None:
    assert canonical_url("https://www.Example.com/a/b/?utm_source=x&id=3#top") == "http://example.com/a/b?id=3"
    conn = connect(tmp_path / "u.duckdb")
    body = example_text("05-protest-bogota.txt")
    items = [
        Article(id="x1", text=body, url="https://example.com/story?utm_medium=rss"),
        Article(id="x2", text=body + "\n\nUpdated with a correction.", url="http://www.example.com/story/"),
        Article(id="x3", text=body, url="https://mirror.example.org/copy"),  # same text elsewhere
    ]
    rep = ingest(conn, items, FakeAnalyzer())
    assert (rep.counts.new, rep.counts.duplicate) == (1, 2)
    aliases = conn.execute("SELECT id, reason FROM article_aliases ORDER BY id").fetchall()
    assert aliases == [("x2", "same_url"), ("x3", "same_text")]
    again = ingest(conn, items, FakeAnalyzer())
    assert (again.counts.new, again.counts.duplicate) == (0, 3)
    assert conn.execute("SELECT count(*) FROM article_aliases").fetchone()[0] == 2
    conn.close()


# --- near-duplicates and copied sentences -------------------------------------------------------

MY_ARTICLE = """Regional leaders call for talks as fighting spreads

KINSHASA — Ministers from five neighbouring states said on Monday that they would send envoys to Kinshasa next week to press for a ceasefire in the east of the country.

The foreign minister of Rwanda told reporters in Kigali that the region could not afford another long war and that refugees were already crossing the border in large numbers.

{copied}

Diplomats in Nairobi said the envoys would also meet church leaders and the heads of several aid agencies before travelling to the eastern provinces later in the month.

A spokesman for the government in Kinshasa said it welcomed any effort to restore calm but would not negotiate with armed groups that refused to disarm first.
"""


def test_near_duplicate_and_copied_paragraph_are_found_with_sources(tmp_path: Path, analyzer) -> None:
    db = tmp_path / "d.duckdb"
    conn = connect(db)
    ingest(conn, read_sources([str(EXAMPLES)]), analyzer)
    conn.close()

    src01 = example_text("01-ministers-meet-jakarta.txt")
    near = change_one_sentence(src01, "Officials from both sides declined to say how many boats would take part in the first patrols.")
    src03 = example_text("03-offensive-north-kivu.txt")
    paragraph = src03.split("\n\n")[6]  # the paragraph about the rebel leader, three sentences
    assert paragraph.startswith("The rebels are led by")
    mine = MY_ARTICLE.format(copied=paragraph)
    new = tmp_path / "new"
    new.mkdir()
    (new / "jakarta-copy.txt").write_text(near, encoding="utf-8")
    (new / "regional-leaders.txt").write_text(mine, encoding="utf-8")

    conn = connect(db)  # a new run continues the persisted index
    rep = ingest(conn, read_sources([str(new)]), analyzer)
    assert rep.counts.new == 2
    ids = dict(conn.execute("SELECT id, article_id FROM articles").fetchall())
    copies = {(r[0], r[1]): r[2:] for r in conn.execute(
        "SELECT article_id, source_article_id, similarity, share, n_sentences, near_duplicate FROM copies").fetchall()}
    dup_key = (ids["jakarta-copy"], ids["01-ministers-meet-jakarta"])
    para_key = (ids["regional-leaders"], ids["03-offensive-north-kivu"])
    farm = ids["12-fisheries-talks-farm"]  # the example farm piece copies two other examples
    assert {k for k in copies if k[0] != farm} == {dup_key, para_key}  # precision: no other pair is flagged
    sim, share, n, near_dup = copies[dup_key]
    assert near_dup and sim >= 0.6 and share >= 0.8
    sim, share, n, near_dup = copies[para_key]
    assert not near_dup and n == 3

    rows = conn.execute(
        "SELECT article_id, start, \"end\", source_article_id, source_start, source_end, similarity "
        "FROM copied_sentences ORDER BY article_id, start").fetchall()
    texts = dict(conn.execute("SELECT article_id, text FROM articles").fetchall())
    para_rows = [r for r in rows if r[0] == ids["regional-leaders"]]
    # every copied sentence found lies in the planted paragraph and points at its place in the source
    found = [texts[r[0]][r[1]:r[2]] for r in para_rows]
    assert found == [paragraph[s:e] for s, e in sentence_spans(paragraph)]
    for r in para_rows:
        assert texts[r[3]][r[4]:r[5]] == texts[r[0]][r[1]:r[2]] and r[6] == 1.0
    assert len(found) == 3
    # the near-duplicate copies every sentence but the changed one
    dup_rows = [r for r in rows if r[0] == ids["jakarta-copy"]]
    stored = texts[ids["jakarta-copy"]]
    n_long = len([1 for s, e in sentence_spans(stored) if len(words(stored[s:e])) >= MIN_SENTENCE_WORDS])
    assert len(dup_rows) == n_long - 1
    assert all(r[3] == ids["01-ministers-meet-jakarta"] for r in dup_rows)
    # the provenance query a reliability signal can use
    prov = copies_of(conn, ids["regional-leaders"])
    assert prov[0]["source_article_id"] == ids["03-offensive-north-kivu"] and len(prov[0]["sentences"]) == 3
    conn.close()


# --- merged events ------------------------------------------------------------------------------


def ev(src: str | None, tgt: str | None, code: str, negated: bool = False) -> Event:
    def who(code_: str | None) -> Participant | None:
        return Participant(text=code_, name=code_, actor=code_) if code_ else None

    return Event(code=code, root=code[:2], label="Criticize or denounce", quad_class=3, goldstein=-2.0,
                 plover="ACCUSE", source=who(src), target=who(tgt), sentence=0, evidence=f"{src} {code} {tgt}",
                 negated=negated, confidence=0.8, start=0, end=10)


@pytest.fixture(scope="module")
def merged_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("merged") / "m.duckdb"
    base = example_text("02-summit-sanctions-abuja.txt")
    copy = change_one_sentence(base, "The summit communique was read out by a junior official late in the evening.")
    arts = [
        Article(id="A", text=base, published="2024-01-01", source="Wire A", url="https://wire-a.example/1"),
        Article(id="A2", text=copy, published="2024-01-01", source="Wire B"),  # a syndicated near-copy of A
        Article(id="C", text=example_text("05-protest-bogota.txt"), published="2024-01-02", source="Paper C"),
        Article(id="D", text=example_text("07-election-complaint-mongolia.txt"), published="2024-01-20",
                source="Paper D"),
        Article(id="E", text=example_text("06-air-strike-somalia-farm.txt"), published="2024-01-01", source="E"),
    ]
    events = {
        "A": [ev("USA", "RUS", "111"), ev("USA", "RUS", "112")],
        "A2": [ev("USA", "RUS", "111"), ev("USA", "RUS", "112")],
        "C": [ev("USA", "RUS", "112"), ev("FRA", None, "043")],
        "D": [ev("USA", "RUS", "111")],  # outside the window: another event
        "E": [ev("USA", "RUS", "111", negated=True), ev(None, "RUS", "111")],
    }
    conn = connect(db)
    signal = Signal(name="unattributed_quotes", severity="high", message="2 direct quotes have no speaker",
                    evidence=["We will win"], spans=[(3, 14)], weight=-10.0)
    ingest(conn, arts, FakeAnalyzer(events, {"C": Reliability(score=35, signals=[signal])}), batch_size=2)
    conn.close()
    return db


def test_merged_events_count_near_duplicates_once(merged_db: Path) -> None:
    conn = connect(merged_db, read_only=True)
    rows = merged_events(conn, EventFilter(dyad=("USA", "RUS"), limit=None))
    assert len(rows) == 2
    main, later = rows
    ids = dict(conn.execute("SELECT id, article_id FROM articles").fetchall())
    assert main["first_article_id"] == ids["A"] and str(main["date"]) == "2024-01-01"
    assert (main["n_articles"], main["n_mentions"], main["n_sources"], main["n_copies"]) == (2, 3, 2, 3)
    assert main["code"] in ("111", "112") and main["root"] == "11"
    assert (later["n_articles"], later["n_mentions"], str(later["date"])) == (1, 1, "2024-01-20")
    # the negated mention and the one with an unresolved source are not merged into the dyad
    assert not [r for r in rows if r["first_article_id"] == ids["E"]]
    unresolved = merged_events(conn, EventFilter(target="RUS", limit=None))
    assert any(r["source_actor"] is None and r["n_articles"] == 1 for r in unresolved)
    counted = conn.execute(
        "SELECT count(*) FILTER (WHERE counted), count(*) FROM merged_event_mentions WHERE merged_id = ?",
        [main["merged_id"]]).fetchone()
    assert counted == (3, 5)
    assert merged_events(conn, EventFilter(actor="USA", min_sources=2))[0]["merged_id"] == main["merged_id"]
    assert [r["code"] for r in merged_events(conn, EventFilter(source="FRA"))] == ["043"]
    assert event_mentions(conn, EventFilter(actor="USA", outlet="paper c"))[0]["code"] == "112"
    assert dyad_counts(conn, "RUS", "USA", "month")[0]["quad3"] == 2
    sig = conn.execute("SELECT a.id, a.reliability_score, s.name, s.evidence, s.spans FROM signals s "
                       "JOIN articles a USING (article_id)").fetchall()
    assert sig == [("C", 35, "unattributed_quotes", ["We will win"], [[3, 14]])]
    conn.close()


def test_exports_have_the_right_columns(merged_db: Path, tmp_path: Path) -> None:
    conn = connect(merged_db, read_only=True)
    for kind in Kind:
        csv_path = tmp_path / f"{kind.value}.csv"
        pq_path = tmp_path / f"{kind.value}.parquet"
        n_csv = export(conn, kind, ExportFormat.csv, csv_path)
        n_pq = export(conn, kind, ExportFormat.parquet, pq_path)
        assert n_csv == n_pq
        table = pq.read_table(pq_path)
        assert table.num_rows == n_pq
        header = csv_path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
        assert header == table.column_names
    assert {"code", "root", "source_actor", "target_actor", "evidence", "published", "outlet"} <= set(
        pq.read_table(tmp_path / "events.parquet").column_names)
    assert {"n_mentions", "n_articles", "n_sources", "first_url"} <= set(
        pq.read_table(tmp_path / "merged.parquet").column_names)
    assert "text" in pq.read_table(tmp_path / "articles.parquet").column_names

    gd = tmp_path / "merged.tsv"
    n = export(conn, Kind.merged, ExportFormat.gdelt, gd)
    cols = ", ".join(f"'{name}': '{typ}'" for name, typ in GDELT_COLUMNS)
    rel = conn.execute(
        f"SELECT * FROM read_csv('{gd}', delim='\t', header=false, quote='', columns={{{cols}}})").fetchall()
    assert len(rel) == n and len(rel[0]) == 61
    names = [c for c, _ in GDELT_COLUMNS]
    top = max((dict(zip(names, r)) for r in rel), key=lambda r: r["NumArticles"])
    assert top["SQLDATE"] == 20240101 and top["MonthYear"] == 202401 and top["Year"] == 2024
    assert top["Actor1Code"] == "USA" and top["Actor1CountryCode"] == "USA" and top["Actor2Code"] == "RUS"
    assert top["EventRootCode"] == "11" and top["QuadClass"] == 3 and top["NumSources"] == 2
    assert top["SOURCEURL"] == "https://wire-a.example/1"
    conn.close()


def test_cli_export_and_query(merged_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.tsv"
    res = runner.invoke(app, ["export", "merged", "--db", str(merged_db), "--format", "gdelt", "--output", str(out)])
    assert res.exit_code == 0, res.output
    assert all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())
    res = runner.invoke(app, ["query", "merged", "--actor", "USA", "--db", str(merged_db), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows[0]["n_articles"] == 2
    res = runner.invoke(app, ["query", "events", "--actor", "USA", "--db", str(merged_db)])
    assert res.exit_code == 0 and "USA" in res.stdout
    res = runner.invoke(app, ["export", "quotes", "--db", str(merged_db), "--format", "gdelt", "-o", str(out)])
    assert res.exit_code == 2


# --- foreign files are refused ------------------------------------------------------------------


def test_foreign_file_as_db_is_refused_untouched(tmp_path: Path) -> None:
    foreign = tmp_path / "notes.duckdb"
    foreign.write_bytes(b"my precious notes, not a database\n" * 10)
    before = (foreign.read_bytes(), foreign.stat().st_mtime_ns)
    for args in (["ingest", str(EXAMPLES / "10-batch.jsonl")], ["query", "events"], ["export", "merged", "-o",
                                                                                      str(tmp_path / "x.csv")]):
        res = runner.invoke(app, [*args, "--db", str(foreign)])
        assert res.exit_code == 1, res.output
        assert "not a DuckDB database" in res.output and "untouched" in res.output
    assert (foreign.read_bytes(), foreign.stat().st_mtime_ns) == before
    assert not (tmp_path / "notes.duckdb.wal").exists()

    other = tmp_path / "other.duckdb"
    c = duckdb.connect(str(other))
    c.execute("CREATE TABLE mine (x INTEGER)")
    c.close()
    res = runner.invoke(app, ["ingest", str(EXAMPLES / "10-batch.jsonl"), "--db", str(other)])
    assert res.exit_code == 1 and "not a tidings store" in res.output
    c = duckdb.connect(str(other))
    assert [r[0] for r in c.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["mine"]
    c.close()


# --- a run killed mid-way, then run again -------------------------------------------------------


def _corpus(n: int) -> list[Article]:
    paras = [p for f in sorted(EXAMPLES.glob("0[1-8]*.txt")) for p in f.read_text().split("\n\n")[3:] if len(p) > 80]
    return [Article(id=f"g{i}", text=f"Story {i}.\n\n" + "\n\n".join(paras[(i * 7 + k) % len(paras)] for k in range(3)),
                    published=f"2024-02-{1 + i % 28:02d}") for i in range(n)]


def test_batch_failing_midway_then_rerun_stores_each_once(tmp_path: Path) -> None:
    arts = _corpus(30)
    db = tmp_path / "k.duckdb"

    def exploding() -> Iterator[Item]:
        for i, a in enumerate(arts):
            if i == 17:
                raise RuntimeError("the machine fell over")
            yield a

    conn = connect(db)
    with pytest.raises(RuntimeError):
        ingest(conn, exploding(), FakeAnalyzer(), batch_size=5)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 15  # whole batches only
    rep = ingest(conn, arts, FakeAnalyzer(), batch_size=5)
    assert (rep.counts.new, rep.counts.duplicate) == (15, 15)
    resumed = counts(conn)
    conn.close()

    ref = connect(tmp_path / "ref.duckdb")
    ingest(ref, arts, FakeAnalyzer(), batch_size=5)
    assert counts(ref) == resumed
    ref.close()


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from tests.test_store import FakeAnalyzer, _corpus
    from tidings.store import connect, ingest

    class Slow(FakeAnalyzer):
        def stream(self, items, batch_size=16):
            for r in super().stream(items, batch_size):
                time.sleep(0.01)
                yield r

    def tick(kind, item, counts):
        print(counts.done, flush=True)

    ingest(connect(sys.argv[1]), _corpus(200), Slow(), batch_size=7, on_item=tick)
    print("finished", flush=True)
""")


def test_sigkill_midway_then_rerun_stores_each_once(tmp_path: Path) -> None:
    db = tmp_path / "kill.duckdb"
    script = tmp_path / "kill.py"
    script.write_text(KILL_SCRIPT.format(root=str(ROOT)))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == "finished" or int(line) >= 60:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    conn = connect(db)
    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < stored < 200
    rep = ingest(conn, _corpus(200), FakeAnalyzer(), batch_size=7)
    assert rep.counts.new == 200 - stored and rep.counts.duplicate == stored
    dupes = conn.execute("SELECT count(*) - count(DISTINCT content_hash) FROM articles").fetchone()[0]
    assert dupes == 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 200
    assert conn.execute("SELECT count(DISTINCT article_id) FROM doc_fingerprints").fetchone()[0] == 200
    assert conn.execute("SELECT count(*) FROM doc_fingerprints").fetchone()[0] == 200
    conn.close()


# --- WARC and feeds -----------------------------------------------------------------------------


def test_warc_response_records_become_articles(tmp_path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tidings.ingest.warc import read_warc

    path = tmp_path / "crawl.warc.gz"
    html = (EXAMPLES / "09-coast-guard-pact-hanoi.html").read_bytes()
    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, ctype, body in [("https://news.example/pact", "text/html; charset=utf-8", html),
                                 ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))
        w.write_record(w.create_warc_record("https://news.example/pact", "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    items = list(read_warc(path))
    assert len(items) == 1 and isinstance(items[0], Article)
    assert items[0].url == "https://news.example/pact" and "coast guard" in items[0].text.lower()
    assert [type(i) for i in read_sources([str(tmp_path)])] == [Article]  # folders find WARC files too


def test_feed_entries_use_content_or_fetch_their_link(tmp_path: Path) -> None:
    from tidings.ingest.feeds import read_feed_file

    body = example_text("05-protest-bogota.txt").split("\n\n", 3)[3]
    html = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    feed = tmp_path / "news.rss"
    feed.write_text(f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Andes Wire</title>
<item><title>Protest spreads</title><link>https://andes.example/1</link>
<pubDate>Tue, 09 Aug 2022 10:00:00 GMT</pubDate><description><![CDATA[{html}]]></description></item>
<item><title>Teaser only</title><link>https://andes.example/2</link><description>Short teaser.</description></item>
<item><title>Broken</title><link>https://andes.example/3</link></item>
</channel></rss>""", encoding="utf-8")
    fetched: list[str] = []

    def fake_fetch(url: str) -> tuple[str, str, bool]:
        fetched.append(url)
        if url.endswith("/3"):
            from tidings.errors import FetchError
            raise FetchError(f"{url} answered HTTP 404", url)
        return url, example_text("07-election-complaint-mongolia.txt"), False

    items = list(read_feed_file(feed, fetch_page=fake_fetch))
    assert fetched == ["https://andes.example/2", "https://andes.example/3"]
    first, second, third = items
    assert isinstance(first, Article) and first.title == "Protest spreads" and first.published == "2022-08-09"
    assert first.source == "Andes Wire" and "protesters" in first.text
    assert isinstance(second, Article) and second.title == "Teaser only" and "Erdene" in second.text
    assert isinstance(third, Failure) and "404" in third.error


def test_cli_ingest_twice_lists_failures_and_stores_them(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    args = ["ingest", str(EXAMPLES / "10-batch.jsonl"), str(tmp_path / "missing.txt"), "--db", str(db)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "3 new, 0 duplicate, 1 failed" in res.output and "no such file" in res.output
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "0 new, 3 duplicate, 1 failed" in res.output
    conn = connect(db, read_only=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT count(*), count(DISTINCT run_id) FROM failures").fetchone() == (2, 2)
    conn.close()
    res = runner.invoke(app, ["query", "articles", "--db", str(db), "--format", "json", "--outlet", "pacific"])
    assert [r["id"] for r in json.loads(res.stdout)] == ["batch-001"]


def test_ingest_with_two_workers_stores_the_same_as_one(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples"
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(examples), "--db", str(one), "--no-progress"]).exit_code == 0
    res = runner.invoke(app, ["ingest", str(examples), "--db", str(two), "--no-progress", "--workers", "2"])
    assert res.exit_code == 0, res.output

    def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    for sql in ("SELECT count(*) FROM articles", "SELECT count(*) FROM events", "SELECT count(*) FROM quotes",
                "SELECT content_hash FROM articles ORDER BY content_hash"):
        assert rows(one, sql) == rows(two, sql)


def test_a_store_killed_before_its_schema_opens_as_an_empty_store(tmp_path):
    """A kill between creating the file and writing the schema leaves an empty DuckDB file: the
    next run opens it as a new store."""
    import duckdb

    from tidings.store import connect

    db = tmp_path / "killed.duckdb"
    duckdb.connect(str(db)).close()
    conn = connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        conn.close()


def test_a_new_store_takes_its_name_only_when_complete(tmp_path, monkeypatch):
    """A new store is built under a hidden name: when building fails, nothing stands at the path the
    user gave, so the next run creates it afresh instead of refusing a half-made file."""
    from tidings.store import schema

    db = tmp_path / "new.duckdb"

    def broken(conn):
        conn.execute("CREATE TABLE runs (x INTEGER)")
        raise RuntimeError("killed while writing the schema")

    monkeypatch.setattr(schema, "migrate", broken)
    with pytest.raises(RuntimeError):
        connect(db)
    assert not db.exists() and not list(tmp_path.iterdir())
    monkeypatch.undo()
    conn = connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (0,)
    finally:
        conn.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.duckdb"]


def test_half_built_store_of_a_dead_creator_is_removed(tmp_path):
    db = tmp_path / "s.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".s.duckdb.creating-{int(dead.stdout)}"
    stale.write_bytes(b"\0" * 4096)
    mine_elsewhere = tmp_path / ".other.duckdb.creating-1"
    mine_elsewhere.write_bytes(b"x")
    connect(db).close()
    assert db.exists() and not stale.exists() and mine_elsewhere.exists()
    assert not any(p.name.startswith(".s.duckdb.creating-") for p in tmp_path.iterdir())
