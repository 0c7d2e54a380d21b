"""Places in the corpus store: the ``places`` table and events' ``location_*`` columns as the
analyses give them, old stores migrated in place, merged events split by place, the place filters
(query, CLI, API) and the places in CSV, Parquet and GDELT exports.  Real analyses throughout: the
examples, and short reports written here."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.model import Article
from tidings.store import connect, ingest, read_sources
from tidings.store.export import GDELT_COLUMNS, ExportFormat, Kind, export, fips_codes, gdelt_rows
from tidings.store.query import EventFilter, FilterError, event_mentions, merged_events, parse_bbox, places

from .conftest import EXAMPLES

runner = CliRunner()
GDELT = [name for name, _ in GDELT_COLUMNS]
EXAMPLE_FILES = ["01-ministers-meet-jakarta.txt", "03-offensive-north-kivu.txt", "05-protest-bogota.txt"]

# the same arrest reported from Cusco twice, once from Arequipa, and twice without a place: the
# next day (it fits both located events; Cusco is the more reported) and six weeks later (no
# located event of its time)
REPORTS = [
    Article(id="cusco-a", text="Police arrested protesters in Cusco on Monday after a march.",
            published="2024-05-06", source="Wire A", url="https://wire-a.example/cusco"),
    Article(id="cusco-b", text="Police arrested dozens of protesters in Cusco on Monday, witnesses said.",
            published="2024-05-06", source="Paper B", url="https://paper-b.example/cusco"),
    Article(id="arequipa", text="Police arrested protesters in Arequipa on Monday.",
            published="2024-05-06", source="Daily C", url="https://daily-c.example/arequipa"),
    Article(id="nowhere", text="Police arrested protesters on Monday after a march, witnesses said.",
            published="2024-05-07", source="Radio D", url="https://radio-d.example/1"),
    Article(id="later", text="Police arrested protesters on Monday after a march, witnesses said.\n\nMore later.",
            published="2024-06-20", source="Radio D", url="https://radio-d.example/2"),
    Article(id="peruvian", text="Peruvian police arrested protesters in Lima on Monday.",
            published="2024-05-06", source="Wire A", url="https://wire-a.example/lima"),
]


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tidings.pipeline import Analyzer

    db = tmp_path_factory.mktemp("places") / "examples.duckdb"
    conn = connect(db)
    ingest(conn, read_sources([str(EXAMPLES / f) for f in EXAMPLE_FILES]), Analyzer)
    conn.close()
    return db


@pytest.fixture(scope="module")
def reports_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tidings.pipeline import Analyzer

    db = tmp_path_factory.mktemp("places") / "reports.duckdb"
    conn = connect(db)
    ingest(conn, REPORTS, Analyzer)
    conn.close()
    return db


def _analyses(conn: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    return {aid: json.loads(a) for aid, a in conn.execute("SELECT article_id, analysis FROM articles").fetchall()}


def _dicts(conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


# --- the rows -------------------------------------------------------------------------------------


def test_places_and_event_locations_are_stored_as_analysed(examples_db: Path) -> None:
    conn = connect(examples_db, read_only=True)
    try:
        analyses = _analyses(conn)
        n_located = 0
        for aid, a in analyses.items():
            rows = _dicts(conn, "SELECT * EXCLUDE (article_id) FROM places WHERE article_id = ? ORDER BY idx", [aid])
            assert rows == [{"idx": i, **p} for i, p in enumerate(a["places"])]
            events = _dicts(conn, "SELECT * FROM events WHERE article_id = ? ORDER BY idx", [aid])
            assert len(events) == len(a["events"])
            for row, ev in zip(events, a["events"]):
                loc = ev["location"]
                got = {k[len("location_"):]: v for k, v in row.items() if k.startswith("location_")}
                assert got == ({k: loc.get(k) for k in got} if loc else dict.fromkeys(got))
                if loc:
                    n_located += 1
                    text = conn.execute("SELECT text FROM articles WHERE article_id = ?", [aid]).fetchone()[0]
                    assert text[row["location_start"]:row["location_end"]] == row["location_text"]
        assert n_located >= 10
        goma = conn.execute("SELECT country, admin1, feature FROM places WHERE name = 'Goma' LIMIT 1").fetchone()
        assert goma == ("COD", "Nord Kivu", "city")
        # every merged event whose mentions are located has their place
        bad = conn.execute(
            "SELECT count(*) FROM merged_events m WHERE m.location_name IS NULL AND EXISTS (SELECT 1 FROM "
            "merged_event_mentions mm JOIN events e ON e.article_id = mm.article_id AND e.idx = mm.idx "
            "WHERE mm.merged_id = m.merged_id AND e.location_name IS NOT NULL)").fetchone()
        assert bad == (0,)
        assert conn.execute("SELECT count(*) FROM merged_events WHERE location_lat IS NOT NULL").fetchone()[0] >= 5
    finally:
        conn.close()


def test_ingesting_again_changes_nothing(examples_db: Path, tmp_path: Path) -> None:
    from tidings.pipeline import Analyzer

    db = tmp_path / "again.duckdb"
    db.write_bytes(examples_db.read_bytes())
    conn = connect(db)
    try:
        tables = ("places", "events", "merged_events", "merged_event_mentions")
        before = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        report = ingest(conn, read_sources([str(EXAMPLES / f) for f in EXAMPLE_FILES]), Analyzer)
        assert report.counts.new == 0
        assert {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables} == before
    finally:
        conn.close()


def _downgrade_to_v2(db: Path) -> None:
    """Make a store what tidings wrote before places were stored (schema version 2)."""
    conn = duckdb.connect(str(db))
    try:
        conn.execute("DROP TABLE IF EXISTS quotation_mentions")  # schema v4
        conn.execute("DROP TABLE IF EXISTS quotations")
        conn.execute("DROP TABLE places")
        conn.execute("DROP INDEX events_article")  # DuckDB drops no column of an indexed table
        for c in [r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns WHERE "
                                             "table_name = 'events' AND column_name LIKE 'location_%'").fetchall()]:
            conn.execute(f'ALTER TABLE events DROP COLUMN "{c}"')
        conn.execute("CREATE INDEX events_article ON events(article_id)")
        for c in [r[0] for r in conn.execute("SELECT column_name FROM information_schema.columns WHERE "
                                             "table_name = 'merged_events' AND column_name LIKE 'location_%'").fetchall()]:
            conn.execute(f'ALTER TABLE merged_events DROP COLUMN "{c}"')
        conn.execute("DELETE FROM schema_version WHERE version > 2")
    finally:
        conn.close()


def _columns(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    return conn.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                        "WHERE table_name != 'schema_version' ORDER BY ALL").fetchall()


def test_a_version_2_store_migrates_in_place(examples_db: Path, tmp_path: Path, monkeypatch) -> None:
    from tidings.store import schema

    db = tmp_path / "old.duckdb"
    db.write_bytes(examples_db.read_bytes())
    conn = duckdb.connect(str(db), read_only=True)
    want = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in ("places", "events")}
    conn.close()
    _downgrade_to_v2(db)
    # what was left is the version 2 schema exactly
    v2 = duckdb.connect(":memory:")
    with monkeypatch.context() as m:
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:2])
        m.setattr(schema, "LATEST_VERSION", 2)
        schema.migrate(v2)
    old = duckdb.connect(str(db), read_only=True)
    assert _columns(old) == _columns(v2)
    old.close()

    conn = connect(db)  # migrates
    try:
        assert conn.execute("SELECT max(version) FROM schema_version").fetchone() == (schema.LATEST_VERSION,)
        # the analyses stored as JSON carried their places: the rows are back as ingest wrote them
        got = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in ("places", "events")}
        assert got == want and len(got["places"]) > 10
    finally:
        conn.close()


def test_a_store_from_before_places_migrates_and_takes_new_articles(examples_db: Path, tmp_path: Path) -> None:
    from tidings.pipeline import Analyzer

    db = tmp_path / "older.duckdb"
    db.write_bytes(examples_db.read_bytes())
    conn = duckdb.connect(str(db))
    conn.execute("UPDATE articles SET analysis = json_object('article', json_extract(analysis, '$.article'), "
                 "'events', json_extract(analysis, '$.events'))")  # no places, no locations (older analyses)
    conn.execute("UPDATE articles SET analysis = regexp_replace(analysis::VARCHAR, '\"location\": ?\\{[^}]*\\}', "
                 "'\"location\": null', 'g')")
    conn.close()
    _downgrade_to_v2(db)
    conn = connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM places").fetchone() == (0,)
        assert conn.execute("SELECT count(location_name) FROM events").fetchone() == (0,)
        report = ingest(conn, [REPORTS[0]], Analyzer)
        assert report.counts.new == 1
        assert conn.execute("SELECT count(*) FROM places WHERE name = 'Cusco'").fetchone() == (1,)
        merged = merged_events(conn, EventFilter(country="PER", limit=None))
        assert [r["location_name"] for r in merged] == ["Cusco"]
    finally:
        conn.close()


# --- merged events by place -------------------------------------------------------------------------


def test_the_same_event_in_two_places_is_two_merged_events(reports_db: Path) -> None:
    conn = connect(reports_db, read_only=True)
    try:
        ids = dict(conn.execute("SELECT id, article_id FROM articles").fetchall())
        names = {v: k for k, v in ids.items()}
        # (the place gives the police and the protesters Peru's code, so the Lima report of
        # "Peruvian police" has the same actors; a role filter matches the role of any country)
        rows = merged_events(conn, EventFilter(source="COP", target="OPP", limit=None))
        where = {r["location_name"]: r for r in rows}
        assert sorted(where, key=str) == ["Arequipa", "Cusco", "Lima", None]
        assert where["Cusco"]["source_actor"] == "PERCOP" and where[None]["source_actor"] == "COP"

        def reports(merged_id: str) -> set[str]:
            found = conn.execute("SELECT article_id FROM merged_event_mentions WHERE merged_id = ?", [merged_id])
            return {names[r[0]] for r in found.fetchall()}

        # the unlocated report of the next day joins the more reported of the two places
        assert reports(where["Cusco"]["merged_id"]) == {"cusco-a", "cusco-b", "nowhere"}
        assert where["Cusco"]["n_articles"] == 3 and where["Cusco"]["location_country"] == "PER"
        assert where["Cusco"]["location_admin1"] == "Cusco" and where["Cusco"]["location_geonames_id"] is not None
        assert reports(where["Arequipa"]["merged_id"]) == {"arequipa"}
        # six weeks later no located event is near: it stays an event of its own, with no place
        assert reports(where[None]["merged_id"]) == {"later"}
        assert where[None]["location_lat"] is None
    finally:
        conn.close()


def test_merging_by_place_is_stable_across_incremental_ingests(tmp_path: Path) -> None:
    """The same articles ingested one at a time give the same merged events as all at once."""
    from tidings.pipeline import Analyzer

    conn = connect(tmp_path / "one-by-one.duckdb")
    try:
        for art in REPORTS:
            ingest(conn, [art], Analyzer)
        one_by_one = sorted(conn.execute("SELECT * EXCLUDE (first_added) FROM merged_events").fetchall(), key=repr)
    finally:
        conn.close()
    conn = connect(tmp_path / "at-once.duckdb")
    try:
        ingest(conn, REPORTS, Analyzer)
        at_once = sorted(conn.execute("SELECT * EXCLUDE (first_added) FROM merged_events").fetchall(), key=repr)
    finally:
        conn.close()
    assert one_by_one == at_once


# --- filters --------------------------------------------------------------------------------------


def test_place_filters(reports_db: Path, examples_db: Path) -> None:
    conn = connect(reports_db, read_only=True)
    try:
        cusco = [r["location_name"] for r in merged_events(conn, EventFilter(adm1="CUSCO", limit=None))]
        assert cusco == ["Cusco"]
        # Cusco is at about -72.0, -13.5; Arequipa at -71.5, -16.4
        box = parse_bbox("-73,-14,-71,-13")
        assert [r["location_name"] for r in merged_events(conn, EventFilter(bbox=box, limit=None))] == ["Cusco"]
        assert {r["location_name"] for r in event_mentions(conn, EventFilter(bbox=box, limit=None))} == {"Cusco"}
        assert len(event_mentions(conn, EventFilter(bbox=box, limit=None))) == 2
        both = merged_events(conn, EventFilter(country="per", source="COP", limit=None))
        assert {r["location_name"] for r in both} == {"Cusco", "Arequipa", "Lima"}
        assert merged_events(conn, EventFilter(country="COL", limit=None)) == []
        assert {p["name"] for p in places(conn, country="PER", limit=None)} >= {"Cusco", "Arequipa", "Lima"}
    finally:
        conn.close()
    conn = connect(examples_db, read_only=True)
    try:
        # a box across the antimeridian (170 E to 170 W) holds none of these; one around the world all
        assert merged_events(conn, EventFilter(bbox=(170, -90, -170, 90), limit=None)) == []
        located = conn.execute("SELECT count(*) FROM merged_events WHERE location_lat IS NOT NULL").fetchone()[0]
        assert len(merged_events(conn, EventFilter(bbox=(-180, -90, 180, 90), limit=None))) == located
        assert {r["location_country"] for r in merged_events(conn, EventFilter(country="COD", limit=None))} == {"COD"}
    finally:
        conn.close()


@pytest.mark.parametrize("bad, field", [
    ({"bbox": (10, 0, 20)}, "bbox"), ({"bbox": (10, 5, 20, 0)}, "bbox"), ({"bbox": (190, 0, 200, 5)}, "bbox"),
    ({"country": "Peru"}, "country"), ({"country": "PE"}, "country"), ({"adm1": "  "}, "adm1"),
])
def test_bad_place_filters_name_the_field(bad: dict[str, Any], field: str) -> None:
    with pytest.raises(FilterError) as exc:
        EventFilter(**bad)
    assert exc.value.field == field
    for text in ("1,2,3", "a,b,c,d", "0,0,0,nan", "", "1,2,3,4,5"):
        with pytest.raises(FilterError):
            parse_bbox(text)


def test_cli_place_options(reports_db: Path) -> None:
    res = runner.invoke(app, ["query", "merged", "--country", "PER", "--adm1", "cusco", "--db", str(reports_db),
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    assert [r["location_name"] for r in json.loads(res.stdout)] == ["Cusco"]
    res = runner.invoke(app, ["query", "events", "--bbox=-73,-14,-71,-13", "--db", str(reports_db), "--format", "json"])
    assert res.exit_code == 0, res.output
    assert {r["location_name"] for r in json.loads(res.stdout)} == {"Cusco"}
    for args in (["--bbox", "1,2,3"], ["--bbox=-71,-13,-73,-14,0"], ["--country", "Peru"], ["--bbox=0,10,5,-10"]):
        res = runner.invoke(app, ["query", "events", *args, "--db", str(reports_db)])
        assert res.exit_code == 2, res.output
        assert f"--{args[0].split('=')[0].lstrip('-')}" in res.output
    res = runner.invoke(app, ["query", "places", "--country", "PER", "--name", "cus", "--db", str(reports_db),
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    found = json.loads(res.stdout)
    assert {r["name"] for r in found} == {"Cusco"} and {r["article"] for r in found} == {"cusco-a", "cusco-b"}


def test_api_place_params(reports_db: Path) -> None:
    from fastapi.testclient import TestClient

    from tidings.web import create_app

    with TestClient(create_app(reports_db)) as client:
        r = client.get("/api/events", params={"country": "per", "adm1": "Cusco"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert [row["location_name"] for row in body["rows"]] == ["Cusco"]
        assert body["filters"]["country"] == "PER" and body["filters"]["adm1"] == "Cusco"
        r = client.get("/api/mentions", params={"bbox": "-73,-14,-71,-13"})
        assert r.status_code == 200 and {row["location_name"] for row in r.json()["rows"]} == {"Cusco"}
        assert r.json()["filters"]["bbox"] == "-73,-14,-71,-13"
        for params in ({"bbox": "1,2,3"}, {"bbox": "-73,-13,-71,-14"}, {"country": "Peru"}):
            r = client.get("/api/events", params=params)
            assert r.status_code == 400, r.text
            assert next(iter(params)) in r.text
        r = client.get("/api/events", params={"country": "PER", "format": "csv"})
        assert r.status_code == 200
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert {row["location_name"] for row in rows} == {"Cusco", "Arequipa", "Lima"}
        assert all(row["location_lat"] and row["location_lon"] for row in rows)
        r = client.get("/api/events", params={"country": "PER", "format": "gdelt"})
        assert r.status_code == 200
        lines = [dict(zip(GDELT, line.split("\t"))) for line in r.text.splitlines()]
        assert {row["ActionGeo_CountryCode"] for row in lines} == {"PE"}


# --- exports ----------------------------------------------------------------------------------------


def test_csv_and_parquet_exports_carry_locations(reports_db: Path, tmp_path: Path) -> None:
    conn = connect(reports_db, read_only=True)
    try:
        for kind in (Kind.events, Kind.merged, Kind.places):
            export(conn, kind, ExportFormat.parquet, tmp_path / f"{kind.value}.parquet")
            export(conn, kind, ExportFormat.csv, tmp_path / f"{kind.value}.csv")
        events = pq.read_table(tmp_path / "events.parquet").to_pylist()
        cusco = [e for e in events if e["location_name"] == "Cusco"]
        assert len(cusco) == 2 and all(-14 < e["location_lat"] < -13 and -73 < e["location_lon"] < -71 for e in cusco)
        assert {"location_via", "location_geonames_id", "location_country"} <= set(events[0])
        merged = pq.read_table(tmp_path / "merged.parquet").to_pylist()
        assert {m["location_name"] for m in merged} >= {"Cusco", "Arequipa", None}
        with (tmp_path / "merged.csv").open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert {"location_lat", "location_lon", "location_country", "location_admin1"} <= set(header)
        assert {p["name"] for p in pq.read_table(tmp_path / "places.parquet").to_pylist()} >= {"Cusco", "Peru"}
    finally:
        conn.close()


def _gdelt(conn: duckdb.DuckDBPyConnection, kind: Kind) -> list[dict[str, Any]]:
    return [dict(zip(GDELT, r)) for r in gdelt_rows(conn, kind)]


def test_gdelt_geo_fields(reports_db: Path) -> None:
    conn = connect(reports_db, read_only=True)
    try:
        merged = {r["ActionGeo_FullName"]: r for r in _gdelt(conn, Kind.merged)}
        cusco = merged["Cusco, Peru"]
        assert (cusco["ActionGeo_Type"], cusco["ActionGeo_CountryCode"], cusco["ActionGeo_ADM1Code"]) == (4, "PE", "PE")
        assert -14 < cusco["ActionGeo_Lat"] < -13 and -73 < cusco["ActionGeo_Long"] < -71
        gid = conn.execute("SELECT location_geonames_id FROM merged_events WHERE location_name = 'Cusco'").fetchone()
        assert cusco["ActionGeo_FeatureID"] == str(gid[0])
        # "Police" and "protesters" name no place: no actor geography, though the event has one
        assert cusco["Actor1Geo_Type"] == 0 and cusco["Actor1Geo_CountryCode"] is None
        assert cusco["Actor2Geo_Type"] == 0
        unplaced = merged[None]
        assert unplaced["ActionGeo_Type"] == 0 and unplaced["ActionGeo_Lat"] is None
        # "Peruvian police": the source's own words name Peru (a country: type 1, FIPS code as feature)
        lima = next(r for r in _gdelt(conn, Kind.events) if r["ActionGeo_FullName"] == "Lima, Peru")
        assert lima["Actor1Code"].startswith("PER")
        assert (lima["Actor1Geo_Type"], lima["Actor1Geo_CountryCode"], lima["Actor1Geo_FullName"]) == (1, "PE", "Peru")
        assert lima["Actor1Geo_FeatureID"] == "PE" and lima["Actor2Geo_Type"] == 0
    finally:
        conn.close()


def test_gdelt_geo_of_the_examples(examples_db: Path) -> None:
    conn = connect(examples_db, read_only=True)
    try:
        rows = _gdelt(conn, Kind.events)
        located = [r for r in rows if r["ActionGeo_Type"]]
        assert len(located) >= 10
        codes = {r["ActionGeo_CountryCode"] for r in located}
        # FIPS 10-4, not ISO: Indonesia ID, DR Congo CG, Colombia CO
        assert {"ID", "CG", "CO"} <= codes and not codes & {"IDN", "COD", "COL"}
        for r in located:
            assert r["ActionGeo_Type"] in (1, 2, 3, 4, 5) and r["ActionGeo_Lat"] is not None
            assert r["ActionGeo_ADM1Code"].startswith(r["ActionGeo_CountryCode"])
        goma = next(r for r in located if (r["ActionGeo_FullName"] or "").startswith("Goma"))
        assert goma["ActionGeo_Type"] == 4 and goma["ActionGeo_CountryCode"] == "CG"
        # an actor's geography comes only from a place its words name
        for r in rows:
            for n in (1, 2):
                if r[f"Actor{n}Geo_Type"]:
                    assert r[f"Actor{n}Code"] and r[f"Actor{n}Geo_CountryCode"]
    finally:
        conn.close()


def test_fips_table_facts() -> None:
    fips = fips_codes()
    assert (fips["DEU"], fips["GBR"], fips["USA"], fips["CHN"], fips["RUS"]) == ("GM", "UK", "US", "CH", "RS")
    assert (fips["COD"], fips["COG"], fips["SSD"], fips["PHL"], fips["IRQ"]) == ("CG", "CF", "OD", "RP", "IZ")
    assert len(set(fips.values())) == len(fips)  # no two countries share a code

