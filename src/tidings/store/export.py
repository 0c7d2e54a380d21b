"""Exports: CSV and Parquet of the store's tables, and the GDELT 2.0 event table (61 tab-separated
columns, no header) for existing GDELT tooling.  ``docs/schema.md`` documents the GDELT mapping.

Events carry their location (``location_*``: name, ISO3 country, admin1, lat/lon, GeoNames id) in
CSV and Parquet.  In GDELT rows the event's location fills ``ActionGeo_*``; an actor's
``Actor1Geo_*``/``Actor2Geo_*`` are filled only when the text ties the actor to a place: its
participant span is a place mention or holds one ("Peruvian police", "Kenya").  GDELT's geographic
country codes are FIPS 10-4, not ISO (``data/fips10_4.tsv``).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from tidings.store.query import EventFilter, event_mentions, merged_events


class Kind(str, Enum):
    events = "events"
    merged = "merged"
    articles = "articles"
    quotes = "quotes"
    places = "places"


class ExportFormat(str, Enum):
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"


_QUERIES: dict[Kind, str] = {
    Kind.events: "SELECT e.*, a.published, a.source AS outlet, a.url, m.merged_id FROM events e "
    "JOIN articles a USING (article_id) LEFT JOIN merged_event_mentions m "
    "ON m.article_id = e.article_id AND m.idx = e.idx ORDER BY a.seq, e.idx",
    Kind.merged: "SELECT * FROM merged_events ORDER BY date NULLS LAST, merged_id",
    Kind.articles: "SELECT * EXCLUDE (analysis) FROM articles ORDER BY seq",
    Kind.quotes: "SELECT q.*, a.published, a.source AS outlet, a.url FROM quotes q "
    "JOIN articles a USING (article_id) ORDER BY a.seq, q.idx",
    Kind.places: "SELECT p.*, a.published, a.source AS outlet, a.url FROM places p "
    "JOIN articles a USING (article_id) ORDER BY a.seq, p.idx",
}

GDELT_COLUMNS: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"), ("Year", "INTEGER"),
    ("FractionDate", "DOUBLE"),
    *[(f"Actor{n}{f}", "VARCHAR") for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    ("IsRootEvent", "INTEGER"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"), ("EventRootCode", "VARCHAR"),
    ("QuadClass", "INTEGER"), ("GoldsteinScale", "DOUBLE"), ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"), ("AvgTone", "DOUBLE"),
    *[(f"{g}_{f}", t) for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f, t in (
        ("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"), ("ADM1Code", "VARCHAR"),
        ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"), ("Long", "DOUBLE"), ("FeatureID", "VARCHAR"))],
    ("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR"),
]
assert len(GDELT_COLUMNS) == 61

# CAMEO role (type) codes; any other three-letter block after the country is a known-group code
ROLE_CODES = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY IGO NGO NGM MED EDU BUS CRM CVL ELI HLH LAB LEG MNC REF SET UAF AGR ENV "
    "INS MOD RAD AMN IRC GRP UIS SEP CON REL".split()
)
# CAMEO region codes used in place of a country
REGION_CODES = frozenset(
    "AFR ASA BLK CAS CAU CFR CRB EAF EAS EEU EIN EUR LAM MEA MDT NAF NAM NMR PGS SAF SAM SAS SEA SCN WAF WST "
    "WSB".split()
)


def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def split_actor(code: str | None, countries: frozenset[str]) -> dict[str, str | None]:
    """A CAMEO actor code in GDELT's parts: country, known group, up to three types."""
    out: dict[str, str | None] = {"CountryCode": None, "KnownGroupCode": None, "Type1Code": None,
                                  "Type2Code": None, "Type3Code": None}
    if not code:
        return out
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if blocks and (blocks[0] in countries or blocks[0] in REGION_CODES):
        out["CountryCode"] = blocks.pop(0)
    types = [b for b in blocks if b in ROLE_CODES][:3]
    for i, t in enumerate(types, start=1):
        out[f"Type{i}Code"] = t
    group = next((b for b in blocks if b not in ROLE_CODES), None)
    out["KnownGroupCode"] = group
    return out


@cache
def _fips_table() -> dict[str, tuple[str, str]]:
    """ISO 3166-1 alpha-3 -> (FIPS 10-4 code, short English name), from ``data/fips10_4.tsv``."""
    text = resources.files("tidings").joinpath("data/fips10_4.tsv").read_text(encoding="utf-8")
    lines = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {parts[0]: (parts[1], parts[2].split(" (")[0]) for parts in lines[1:]}


def fips_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT's geographic country codes)."""
    return {iso3: fips for iso3, (fips, _) in _fips_table().items()}


def _country_name(iso3: str) -> str | None:
    found = _fips_table().get(iso3)
    return found[1] if found else None


def fips_country(iso3: str | None, admin1: str | None = None) -> str | None:
    """The FIPS 10-4 code of an ISO3 country; None when it has none."""
    if not iso3:
        return None
    if iso3 == "PSE" and admin1 and "gaza" in admin1.lower():
        return "GZ"  # FIPS 10-4 has the West Bank (WE) and the Gaza Strip (GZ), no single Palestine
    found = _fips_table().get(iso3)
    return found[0] if found else None


def geo_type(feature: str | None, iso3: str | None) -> int:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
    (first-level division); a place of another kind (``other``: a region, a landmark) counts as a city."""
    if feature == "country":
        return 1
    if feature == "admin":
        return 2 if iso3 == "USA" else 5
    return 3 if iso3 == "USA" else 4


def geo_fields(prefix: str, place: dict[str, Any] | None) -> dict[str, Any]:
    """The eight ``{prefix}_*`` GDELT columns of a place (keys name, country, admin1, lat, lon,
    geonames_id, feature); Type 0 and the rest empty without one."""
    if not place or place.get("lat") is None or place.get("lon") is None:
        return {f"{prefix}_Type": 0}
    iso3, feature, name, admin1 = place.get("country"), place.get("feature"), place.get("name"), place.get("admin1")
    fips = fips_country(iso3, admin1)
    country = _country_name(iso3) if iso3 else None
    if feature == "country":
        parts = [name or country]
    else:
        parts = [name, admin1 if admin1 != name else None, country]
    full = ", ".join(dict.fromkeys(p for p in parts if p))
    return {
        f"{prefix}_Type": geo_type(feature, iso3),
        f"{prefix}_FullName": full or None,
        f"{prefix}_CountryCode": fips,
        # GDELT's ADM1 code is the FIPS country code plus the division's own code; the gazetteer
        # names the first-level division but does not give its code, so the country code stands alone
        f"{prefix}_ADM1Code": fips,
        f"{prefix}_Lat": place.get("lat"),
        f"{prefix}_Long": place.get("lon"),
        # as GDELT does, a country's feature id is its (FIPS) code; any other place's is its GeoNames id
        # (GDELT's are GNS ids)
        f"{prefix}_FeatureID": fips if feature == "country" else (
            str(place["geonames_id"]) if place.get("geonames_id") is not None else None),
    }


_PLACE_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonames_id", "feature")


def actor_places(conn: duckdb.DuckDBPyConnection) -> dict[tuple[str, int, str], dict[str, Any]]:
    """(article id, event idx, "source" or "target") -> the place the participant's own words name:
    a place mention inside the participant's span (the most confident, then the first)."""
    cols = ", ".join(f"p.{c}" for c in _PLACE_FIELDS)
    out: dict[tuple[str, int, str], dict[str, Any]] = {}
    for side in ("source", "target"):
        rows = conn.execute(
            f"SELECT e.article_id, e.idx, {cols} FROM events e JOIN places p ON p.article_id = e.article_id "
            f"AND p.start >= e.{side}_start AND p.\"end\" <= e.{side}_end "
            "WHERE p.lat IS NOT NULL ORDER BY e.article_id, e.idx, p.confidence DESC NULLS LAST, p.start"
        ).fetchall()
        for aid, idx, *place in rows:
            out.setdefault((aid, idx, side), dict(zip(_PLACE_FIELDS, place)))
    return out


def _merged_places(conn: duckdb.DuckDBPyConnection, actor_at: dict[tuple[str, int, str], dict[str, Any]]
                   ) -> tuple[dict[str, str | None], dict[tuple[str, str], dict[str, Any]]]:
    """Per merged event: its location's feature kind (from a mention located there), and each side's
    place from the first of its mentions (in report order) whose participant names one."""
    feature: dict[str, str | None] = {}
    sides: dict[tuple[str, str], dict[str, Any]] = {}
    rows = conn.execute(
        "SELECT mm.merged_id, mm.article_id, mm.idx, e.location_feature, "
        "(e.location_name IS NOT DISTINCT FROM m.location_name "
        " AND e.location_geonames_id IS NOT DISTINCT FROM m.location_geonames_id) AS same_place "
        "FROM merged_event_mentions mm JOIN merged_events m USING (merged_id) "
        "JOIN events e ON e.article_id = mm.article_id AND e.idx = mm.idx "
        "JOIN articles a ON a.article_id = mm.article_id ORDER BY a.published NULLS LAST, a.seq, mm.idx"
    ).fetchall()
    for merged_id, aid, idx, feat, same in rows:
        if same and feat and merged_id not in feature:
            feature[merged_id] = feat
        for side in ("source", "target"):
            found = actor_at.get((aid, idx, side))
            if found is not None:
                sides.setdefault((merged_id, side), found)
    return feature, sides


def _event_id(key: str) -> int:
    return int.from_bytes(hashlib.sha1(key.encode()).digest()[:7], "big")


def _stamp(ts: datetime | None) -> int | None:
    return int(ts.strftime("%Y%m%d%H%M%S")) if ts else None


def _added_at(conn: duckdb.DuckDBPyConnection) -> dict[str, datetime]:
    """When each article was added to the store (UTC): its ingest time, else its run's start."""
    rows = conn.execute(
        "SELECT a.article_id, coalesce(a.ingested_at, r.started_at) FROM articles a "
        "LEFT JOIN runs r USING (run_id)"
    ).fetchall()
    return {aid: ts for aid, ts in rows if ts is not None}


def gdelt_rows(conn: duckdb.DuckDBPyConnection, kind: Kind, f: EventFilter | None = None) -> Iterator[list[Any]]:
    """Merged events (or single mentions, counted once each) as GDELT 2.0 event rows; ``f`` picks
    which (every one by default).  DATEADDED is when the event's (first) article was added to the
    store, YYYYMMDDHHMMSS in UTC."""
    countries = _countries()
    added = _added_at(conn)
    actor_at = actor_places(conn)
    f = f or EventFilter(limit=None)
    if kind is Kind.merged:
        records = merged_events(conn, f)
        feature, sides = _merged_places(conn, actor_at)
        for r in records:
            r["first_added"] = r["first_added"] or added.get(r["first_article_id"])
            r["location_feature"] = feature.get(r["merged_id"])
            r["_source_place"] = sides.get((r["merged_id"], "source"))
            r["_target_place"] = sides.get((r["merged_id"], "target"))
    elif kind is Kind.events:
        records = []
        for m in event_mentions(conn, f):
            if m["negated"]:
                continue
            m.update(merged_id=f"{m['article_id']}/{m['idx']}", date=m["published"], n_mentions=1,
                     n_sources=1 if m["outlet"] else 0, n_articles=1, first_url=m["url"], first_source=m["outlet"],
                     first_added=added.get(m["article_id"]), is_root=m["sentence"] == 0,
                     first_article_id=m["article_id"], _source_place=actor_at.get((m["article_id"], m["idx"], "source")),
                     _target_place=actor_at.get((m["article_id"], m["idx"], "target")))
            records.append(m)
    else:
        raise ValueError("the GDELT format holds events: export 'merged' or 'events'")
    for r in records:
        d: date | None = r["date"]
        code = r["code"] or ""
        a1 = split_actor(r["source_actor"], countries)
        a2 = split_actor(r["target_actor"], countries)
        row: dict[str, Any] = {
            "GLOBALEVENTID": _event_id(r["merged_id"]),
            "SQLDATE": int(d.strftime("%Y%m%d")) if d else None,
            "MonthYear": int(d.strftime("%Y%m")) if d else None,
            "Year": d.year if d else None,
            "FractionDate": round(d.year + (d.month * 30 + d.day) / 365, 4) if d else None,
            "Actor1Code": r["source_actor"], "Actor1Name": r["source_name"],
            "Actor2Code": r["target_actor"], "Actor2Name": r["target_name"],
            **{f"Actor1{k}": v for k, v in a1.items()}, **{f"Actor2{k}": v for k, v in a2.items()},
            "IsRootEvent": 1 if r["is_root"] else 0, "EventCode": code, "EventBaseCode": code[:3],
            "EventRootCode": r["root"] or code[:2], "QuadClass": r["quad_class"], "GoldsteinScale": r["goldstein"],
            "NumMentions": r["n_mentions"], "NumSources": r["n_sources"], "NumArticles": r["n_articles"],
            **geo_fields("Actor1Geo", r["_source_place"]), **geo_fields("Actor2Geo", r["_target_place"]),
            **geo_fields("ActionGeo", {k: r.get(f"location_{k}") for k in _PLACE_FIELDS}),
            "DATEADDED": _stamp(r["first_added"]),
            "SOURCEURL": r["first_url"] or r["first_source"] or r["first_article_id"],
        }
        yield [row.get(name) for name, _ in GDELT_COLUMNS]


def gdelt_lines(rows: Iterator[list[Any]]) -> Iterator[str]:
    """GDELT rows as tab-separated lines (no header), as the export writes them."""
    for row in rows:
        yield "\t".join(_fmt(v) for v in row) + "\n"


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v)
    return str(v).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def export(conn: duckdb.DuckDBPyConnection, kind: Kind, fmt: ExportFormat, output: Path) -> int:
    """Write one export; return the number of rows written."""
    if fmt is ExportFormat.gdelt:
        n = 0
        with output.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar=None, lineterminator="\n")
            for row in gdelt_rows(conn, kind):
                w.writerow([_fmt(v) for v in row])
                n += 1
        return n
    query = _QUERIES[kind]
    opts = "FORMAT csv, HEADER true" if fmt is ExportFormat.csv else "FORMAT parquet"
    target = str(output).replace("'", "''")
    conn.execute(f"COPY ({query}) TO '{target}' ({opts})")
    return int(conn.execute(f"SELECT count(*) FROM ({query})").fetchone()[0])  # type: ignore[index]
