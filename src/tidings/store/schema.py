"""The corpus store's DuckDB schema, opened safely and migrated forward only.

Column names follow the JSON contract (``eval/CONTRACT.md``): a nested object is flattened with an
underscore (``speaker.name`` -> ``speaker_name``, ``reliability.score`` -> ``reliability_score``),
lists of spans stay lists.  Every per-article row carries ``article_id`` (the article's content
hash) and ``idx`` (its position in the analysis's list).  ``docs/schema.md`` documents each table.

Migrations are numbered, applied in order, each in its own transaction together with its row in
``schema_version``; a database written by a newer tidings is refused, never downgraded.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb

from tidings.errors import TidingsError

DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file


class StoreError(TidingsError):
    """The corpus store cannot be opened or written: wrong file, locked, newer schema."""


_V1 = [
    """CREATE TABLE runs (
        run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, inputs VARCHAR[],
        n_new INTEGER, n_duplicate INTEGER, n_failed INTEGER, tidings_version VARCHAR)""",
    """CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, id VARCHAR, title VARCHAR, authors VARCHAR[],
        published DATE, url VARCHAR, canonical_url VARCHAR, source VARCHAR, text VARCHAR,
        content_hash VARCHAR NOT NULL, reliability_score INTEGER, run_id VARCHAR,
        ingested_at TIMESTAMP, analysis JSON)""",
    """CREATE TABLE article_aliases (
        article_id VARCHAR, id VARCHAR, url VARCHAR, canonical_url VARCHAR, source VARCHAR,
        content_hash VARCHAR, reason VARCHAR, run_id VARCHAR)""",
    """CREATE TABLE removed (
        article_id VARCHAR, idx INTEGER, text VARCHAR, reason VARCHAR, note VARCHAR)""",
    """CREATE TABLE entities (
        article_id VARCHAR, idx INTEGER, text VARCHAR, label VARCHAR, start INTEGER, "end" INTEGER,
        actor VARCHAR)""",
    """CREATE TABLE quotes (
        article_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, kind VARCHAR,
        cue VARCHAR, speaker_text VARCHAR, speaker_name VARCHAR, speaker_actor VARCHAR,
        speaker_start INTEGER, speaker_end INTEGER, confidence DOUBLE, spans INTEGER[][],
        cue_start INTEGER, cue_end INTEGER)""",
    """CREATE TABLE events (
        article_id VARCHAR, idx INTEGER, code VARCHAR, root VARCHAR, label VARCHAR,
        quad_class INTEGER, goldstein DOUBLE, plover VARCHAR,
        source_text VARCHAR, source_name VARCHAR, source_actor VARCHAR, source_start INTEGER, source_end INTEGER,
        target_text VARCHAR, target_name VARCHAR, target_actor VARCHAR, target_start INTEGER, target_end INTEGER,
        sentence INTEGER, evidence VARCHAR, negated BOOLEAN, confidence DOUBLE, start INTEGER, "end" INTEGER)""",
    """CREATE TABLE signals (
        article_id VARCHAR, idx INTEGER, name VARCHAR, severity VARCHAR, message VARCHAR,
        evidence VARCHAR[], spans INTEGER[][], weight DOUBLE)""",
    """CREATE TABLE failures (
        run_id VARCHAR, id VARCHAR, error VARCHAR, input VARCHAR, failed_at TIMESTAMP)""",
    """CREATE TABLE doc_fingerprints (article_id VARCHAR, minhash BLOB)""",
    """CREATE TABLE sentence_fingerprints (
        article_id VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER, minhash BLOB)""",
    """CREATE TABLE copies (
        article_id VARCHAR, source_article_id VARCHAR, similarity DOUBLE, share DOUBLE,
        n_sentences INTEGER, near_duplicate BOOLEAN)""",
    """CREATE TABLE copied_sentences (
        article_id VARCHAR, sentence INTEGER, start INTEGER, "end" INTEGER,
        source_article_id VARCHAR, source_sentence INTEGER, source_start INTEGER, source_end INTEGER,
        similarity DOUBLE)""",
    """CREATE TABLE merged_events (
        merged_id VARCHAR, code VARCHAR, root VARCHAR, label VARCHAR, quad_class INTEGER,
        goldstein DOUBLE, plover VARCHAR,
        source_actor VARCHAR, source_name VARCHAR, target_actor VARCHAR, target_name VARCHAR,
        date DATE, last_date DATE, n_mentions INTEGER, n_articles INTEGER, n_sources INTEGER,
        n_copies INTEGER, first_article_id VARCHAR, first_url VARCHAR, first_source VARCHAR,
        first_evidence VARCHAR, first_added TIMESTAMP, is_root BOOLEAN, confidence DOUBLE)""",
    """CREATE TABLE merged_event_mentions (
        merged_id VARCHAR, article_id VARCHAR, idx INTEGER, counted BOOLEAN)""",
    "CREATE INDEX articles_content_hash ON articles(content_hash)",
    "CREATE INDEX articles_seq ON articles(seq)",
    "CREATE INDEX events_article ON events(article_id)",
]

_V2 = [
    """CREATE TABLE spun_from (
        article_id VARCHAR, source_article_id VARCHAR, share DOUBLE, n_sentences INTEGER,
        substitutions JSON, sentences JSON)""",
    """CREATE TABLE stitched_from (
        article_id VARCHAR, paragraph INTEGER, start INTEGER, "end" INTEGER, source_article_id VARCHAR)""",
]

_LOCATION_FIELDS = ("text", "start", "end", "name", "country", "admin1", "lat", "lon", "geonames_id", "feature")
_LOCATION_TYPES = {"start": "INTEGER", "end": "INTEGER", "lat": "DOUBLE", "lon": "DOUBLE", "geonames_id": "BIGINT",
                   "confidence": "DOUBLE"}
_MERGED_LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "geonames_id")


def _json_value(doc: str, path: str, sql_type: str) -> str:
    """SQL for one value of a JSON document, as ``sql_type`` (NULL when absent)."""
    return f"TRY_CAST(json_extract_string({doc}, '{path}') AS {sql_type})"


_V3 = [
    """CREATE TABLE places (
        article_id VARCHAR, idx INTEGER, text VARCHAR, start INTEGER, "end" INTEGER, name VARCHAR,
        country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geonames_id BIGINT, feature VARCHAR,
        confidence DOUBLE, actor VARCHAR, kind VARCHAR)""",
    *(f"ALTER TABLE events ADD COLUMN location_{f} {_LOCATION_TYPES.get(f, 'VARCHAR')}"
      for f in (*_LOCATION_FIELDS, "via", "confidence")),
    *(f"ALTER TABLE merged_events ADD COLUMN location_{f} {_LOCATION_TYPES.get(f, 'VARCHAR')}"
      for f in _MERGED_LOCATION_FIELDS),
    "CREATE INDEX places_article ON places(article_id)",
    # articles stored since analyses carry places (their JSON has them) get their rows now; older
    # ones have none to give, and keep none until they are analysed again.  Merged events take their
    # locations on the next merge (every ingest rebuilds them).
    """INSERT INTO places SELECT article_id, (i - 1)::INTEGER, """
    + ", ".join(_json_value("p", f"$.{f}", _LOCATION_TYPES.get(f, "VARCHAR"))
                for f in (*_LOCATION_FIELDS, "confidence", "actor", "kind"))
    + """ FROM (SELECT article_id, unnest(ps) AS p, generate_subscripts(ps, 1) AS i
              FROM (SELECT article_id, CAST(json_extract(analysis, '$.places') AS JSON[]) AS ps FROM articles
                    WHERE json_array_length(json_extract(analysis, '$.places')) > 0))""",
    "UPDATE events SET "
    + ", ".join(f'location_{f} = {_json_value("l.loc", "$." + f, _LOCATION_TYPES.get(f, "VARCHAR"))}'
                for f in (*_LOCATION_FIELDS, "via", "confidence"))
    + """ FROM (SELECT e.article_id, e.idx, json_extract(a.analysis, '$.events[' || e.idx || '].location') AS loc
              FROM events e JOIN articles a USING (article_id)) l
         WHERE l.article_id = events.article_id AND l.idx = events.idx
           AND l.loc IS NOT NULL AND json_type(l.loc) = 'OBJECT'""",
]

_V4 = [
    """CREATE TABLE quotations (
        quotation_id VARCHAR, text VARCHAR, n_words INTEGER, n_forms INTEGER, n_mentions INTEGER,
        n_articles INTEGER, n_sources INTEGER, first_article_id VARCHAR, first_idx INTEGER,
        first_published DATE, first_source VARCHAR, first_url VARCHAR, last_published DATE,
        speaker_name VARCHAR, speaker_actor VARCHAR, n_speakers INTEGER, speakers JSON, outlets VARCHAR[],
        speaker_conflict BOOLEAN)""",
    """CREATE TABLE quotation_mentions (
        quotation_id VARCHAR, article_id VARCHAR, idx INTEGER, "match" VARCHAR, speaker VARCHAR,
        party INTEGER, conflict BOOLEAN)""",
    "CREATE INDEX quotation_mentions_article ON quotation_mentions(article_id)",
    # filled by the next ingest's merge (every ingest rebuilds them, as it does merged events)
]

# (version, what it does, statements): append only; never edit a released entry.
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "initial corpus schema: articles and analyses, failures, fingerprints, copies, merged events", _V1),
    (2, "provenance: reworded (spun) copies with their substitutions, stitched paragraphs", _V2),
    (3, "places: each article's place mentions, each event's location, each merged event's place", _V3),
    (4, "quotations: quote mentions merged across articles, with their speakers and conflicts", _V4),
]
LATEST_VERSION = MIGRATIONS[-1][0]


def check_db_file(path: Path) -> None:
    """Refuse a path that exists but is not a DuckDB database, before DuckDB touches it."""
    if not path.exists():
        if not path.parent.exists():
            raise StoreError(f"cannot create the store {path}: folder {path.parent} does not exist")
        return
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a tidings store: give a .duckdb file path")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if head[8:12] != DUCKDB_MAGIC:
        raise StoreError(
            f"{path} exists and is not a DuckDB database; it was left untouched. "
            "Give a new file name or an existing tidings store with --db."
        )


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "schema_version" not in tables:
        if tables:
            raise StoreError(
                "this DuckDB database holds other tables and no tidings schema_version: "
                "it is not a tidings store, so it was left untouched"
            )
        return 0
    # (fetched to the end: a result left open would block the connection's next register())
    rows = conn.execute("SELECT max(version) FROM schema_version").fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def migrate(conn: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration newer than the database; return the version reached."""
    version = current_version(conn)
    if version > LATEST_VERSION:
        raise StoreError(
            f"this store has schema version {version}, newer than this tidings knows ({LATEST_VERSION}): "
            "upgrade tidings to open it"
        )
    for number, description, statements in MIGRATIONS:
        if number <= version:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            if version == 0:  # in the first migration's transaction: a kill leaves no half-made schema
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    "description VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)"
                )
            for stmt in statements:
                conn.execute(stmt)
            conn.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [number, description])
            conn.execute("COMMIT")
        except Exception:
            conn.execute("ROLLBACK")
            raise
        version = number
    return version


def _open(p: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(p), read_only=read_only)
    except duckdb.IOException as exc:
        msg = _one_line(exc)
        if "lock" in msg.lower():
            raise StoreError(f"{p} is in use by another process (DuckDB allows one writer): "
                             f"{lock_advice(msg) or msg}") from exc
        raise StoreError(f"cannot open {p} as a DuckDB database; it was left untouched: {msg}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open {p} as a DuckDB database; it was left untouched: {_one_line(exc)}") from exc


def lock_advice(message: str) -> str | None:
    """What to do about a lock DuckDB reports, when the holder is a `tidings serve` (from /proc)."""
    import re

    m = re.search(r"PID (\d+)", message)
    if not m:
        return None
    try:
        args = Path(f"/proc/{m.group(1)}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
    except OSError:
        return None
    if "serve" not in args or not any(a.endswith("tidings") or a == "tidings" for a in args):
        return f"process {m.group(1)} ({' '.join(a for a in args if a)[:100]}) holds it: wait for it or stop it"

    def opt(name: str, default: str) -> str:
        for i, a in enumerate(args):
            if a == name and i + 1 < len(args):
                return args[i + 1]
            if a.startswith(name + "="):
                return a.split("=", 1)[1]
        return default

    host, port = opt("--host", "127.0.0.1"), opt("--port", "8000")
    host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    shown = f"[{host}]" if ":" in host else host
    return (f"`tidings serve` (pid {m.group(1)}) holds it: add articles through the server with "
            f"`tidings ingest FILES --server http://{shown}:{port}` (plus --token if it has one), or stop the "
            "server first; `tidings serve --read-only` leaves the store open to other programs")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _indexed_columns(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(table, column) of every single-column index and primary key."""
    out: list[tuple[str, str]] = []
    for table, cols in conn.execute(
        "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')"
    ).fetchall():
        if len(cols) == 1:
            out.append((table, cols[0]))
    for table, expr in conn.execute("SELECT table_name, expressions FROM duckdb_indexes()").fetchall():
        m = re.fullmatch(r"\[\s*\"?(\w+)\"?\s*\]", str(expr))
        if m:
            out.append((table, m.group(1)))
    return out


def verify_readable(conn: duckdb.DuckDBPyConnection, p: Path) -> None:
    """Read every column of every row of every table, and look one key up through each index.
    DuckDB checks each block's checksum as it reads it, so a truncated file or flipped bytes in
    stored rows or index roots fail here, before anything is written."""
    tables = [r[0] for r in conn.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()]
    table = "?"
    try:
        for table in tables:
            conn.execute(f'SELECT count(*), max(hash(t)) FROM "{table}" AS t').fetchall()
        for table, col in _indexed_columns(conn):
            key = conn.execute(f'SELECT "{col}" FROM "{table}" LIMIT 1').fetchone()
            if key is not None:
                conn.execute(f'SELECT count(*) FROM "{table}" WHERE "{col}" = ?', [key[0]]).fetchall()
    except duckdb.Error as exc:
        raise StoreError(
            f"{p} is damaged (table {table}: {_one_line(exc)}); it was left untouched. "
            "Restore it from a backup, or give a new file with --db."
        ) from exc


def _verify_before_writing(p: Path) -> None:
    try:
        check = duckdb.connect(str(p), read_only=True)
    except duckdb.ConnectionException:
        return  # this process holds it open for writing already: it was verified then
    except duckdb.Error:
        check = _open(p, read_only=True)  # the same error again, as a StoreError
    try:
        current_version(check)
        verify_readable(check, p)
    except duckdb.Error as exc:
        raise StoreError(f"{p} cannot be read as a tidings store; it was left untouched: {_one_line(exc)}") from exc
    finally:
        check.close()


_CREATING = ".creating-"  # infix of the hidden file a new store is built in before it takes its name


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_abandoned(p: Path) -> None:
    """Delete the half-built stores of creators that died (their process is gone)."""
    for stale in p.parent.glob(f".{p.name}{_CREATING}*"):
        pid = stale.name.rsplit(_CREATING, 1)[1].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            stale.unlink(missing_ok=True)


def _create(p: Path) -> None:
    """Build a new, empty store beside ``p`` and give it ``p``'s name only once its schema is written
    and checkpointed.  A process killed while DuckDB lays out a new file would otherwise leave a
    file at ``p`` that is neither absent nor a database, and every later run would refuse it."""
    _remove_abandoned(p)
    tmp = p.with_name(f".{p.name}{_CREATING}{os.getpid()}")
    for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
        leftover.unlink(missing_ok=True)
    conn = _open(tmp, read_only=False)
    try:
        migrate(conn)
        conn.execute("CHECKPOINT")
    except BaseException:
        conn.close()
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise
    conn.close()
    tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    if p.exists():  # another process created it meanwhile: theirs stands
        tmp.unlink(missing_ok=True)
        return
    os.replace(tmp, p)


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating when absent) a tidings store and bring its schema up to date.

    A new store is built under a hidden name and renamed into place when complete (see ``_create``).
    Before an existing store is opened for writing it is opened read-only and read in full: DuckDB
    would otherwise write into a damaged file (a checkpoint on close) without reading its bad blocks."""
    p = Path(path)
    check_db_file(p)
    if read_only and not p.exists():
        raise StoreError(f"no tidings store at {p}: run `tidings ingest ... --db {p}` first")
    if not read_only and not p.exists():
        _create(p)
    elif not read_only:
        _verify_before_writing(p)
    conn = _open(p, read_only)
    try:
        if read_only:
            version = current_version(conn)
            if version != LATEST_VERSION:
                raise StoreError(f"{p} has schema version {version}; this tidings reads {LATEST_VERSION}")
        else:
            migrate(conn)
    except Exception:
        conn.close()
        raise
    return conn
