"""The ``tidings`` command line: thin; it parses arguments, calls the library and prints.

Exit codes: 0 the run was done (a batch with per-line errors is done), 1 the input could not be
analysed (one line on stderr says why), 2 a usage error.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from tidings.errors import TidingsError
from tidings.ingest.sources import (
    BATCH_SUFFIXES,
    DEFAULT_ARTICLE_TIMEOUT,
    Failure,
    count_items,
    expand,
    read_inputs,
    set_article_timeout,
)
from tidings.model import Analysis

app = typer.Typer(
    name="tidings",
    help="News articles into evidence-linked data: who said what, who did what to whom, how far to trust it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

err_console = Console(stderr=True)


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _is_batch(inputs: list[str]) -> bool:
    expanded = expand(inputs)
    if len(expanded) != 1:
        return True
    spec = expanded[0]
    return Path(spec).suffix.lower() in BATCH_SUFFIXES or spec != inputs[0]


def _fail(message: str, code: int = 1) -> None:
    err_console.print(f"[bold red]error:[/bold red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def _progress(enabled: bool, total: int | None) -> Iterator[Progress | None]:
    if not enabled:
        yield None
        return
    progress = Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("[red]{task.fields[failed]} failed"),
        console=err_console,
        transient=False,
    )
    with progress:
        yield progress


ArticleTimeoutOption = Annotated[
    float,
    typer.Option("--article-timeout", min=0, help="Seconds one article may take to extract, and again to analyse "
                 "after its parse; past it the article is a failure and the batch goes on (0: no limit)."),
]


@app.command()
def analyze(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Articles: .txt or .html files, folders of them, .jsonl batches, http(s) URLs, or - for stdin.",
            show_default=False,
        ),
    ],
    format: Annotated[
        Format | None,
        typer.Option("--format", "-f", help="text (a readable report; default on a terminal), json, or jsonl."),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    actors: Annotated[
        list[Path] | None,
        typer.Option("--actors", help="Extra actor dictionary (own CSV/TSV or PETRARCH .actors.txt); repeatable."),
    ] = None,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal).")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, max=64, help="Processes to analyse in (output order is kept).")
    ] = 1,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow fetching URLs on loopback/private/link-local addresses.")
    ] = False,
    article_timeout: ArticleTimeoutOption = DEFAULT_ARTICLE_TIMEOUT,
) -> None:
    """Analyse articles: metadata and clean text, entities, quotes, events and reliability."""
    for f in actors or []:
        if not f.is_file():
            _fail(f"actor dictionary {f} does not exist", 2)
    batch = _is_batch(inputs)
    to_terminal = output is None and sys.stdout.isatty()
    fmt = format or (Format.text if to_terminal else (Format.jsonl if batch else Format.json))
    show_progress = progress if progress is not None else (batch and err_console.is_terminal)

    from tidings.pipeline import Analyzer

    set_article_timeout(article_timeout)
    try:
        analyzer = Analyzer(actor_files=actors or [], timeout=article_timeout)
    except TidingsError as exc:
        _fail(str(exc))

    out: IO[str]
    close = False
    if output is not None:
        try:
            out = output.open("w", encoding="utf-8")
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}", 1)
        close = True
    else:
        out = sys.stdout
    console = Console(file=out, force_terminal=None if out is sys.stdout else False, width=None if to_terminal else 120)

    n_done = n_failed = 0
    single_failure: Failure | None = None
    results_json: list[dict[str, object]] = []
    total = count_items(inputs) if show_progress else None
    try:
        with _progress(show_progress, total) as bar:
            task = bar.add_task("analyse", total=total, rate="", failed=0) if bar else None
            for result in analyzer.stream(read_inputs(inputs, allow_private=allow_private), workers=workers):
                if isinstance(result, Failure):
                    n_failed += 1
                    single_failure = result
                    record: dict[str, object] = result.to_dict()
                    if fmt is Format.text:
                        err_console.print(f"[red]skipped[/red] {result.id}: {result.error}", highlight=False)
                else:
                    n_done += 1
                    record = result.to_dict()
                    if fmt is Format.text:
                        from tidings.report import print_report

                        print_report(result, console)
                if fmt is Format.jsonl:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    out.flush() if out is sys.stdout else None
                elif fmt is Format.json:
                    results_json.append(record)
                if bar is not None and task is not None:
                    elapsed = bar.tasks[0].elapsed or 0.0
                    done = n_done + n_failed
                    bar.update(task, advance=1, failed=n_failed, rate=f"{done / elapsed:.1f}/s" if elapsed else "")
        if fmt is Format.json:
            payload: object = results_json[0] if (not batch and len(results_json) == 1) else results_json
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    finally:
        if close:
            out.close()

    if not batch and n_done == 0 and single_failure is not None:
        _fail(single_failure.error, 1)
    if batch and n_done == 0 and n_failed > 0 and not any(Path(s).suffix.lower() in BATCH_SUFFIXES for s in expand(inputs)):
        _fail(f"none of the {n_failed} inputs could be analysed (last: {single_failure.error if single_failure else ''})", 1)
    if show_progress or (fmt is Format.text and batch):
        err_console.print(f"{n_done} analysed, {n_failed} failed", highlight=False)


@app.command()
def version() -> None:
    """Print the tidings version and the spaCy model it uses."""
    from tidings import __version__, nlp

    typer.echo(f"tidings {__version__} (spaCy model: {nlp.model_name()})")


# --- the corpus store: ingest, export, query (tidings.store) -------------------------------------

DEFAULT_DB = Path("tidings.duckdb")
DbOption = Annotated[Path, typer.Option("--db", help="The corpus store, a DuckDB file (created when absent).")]


def _open_store(db: Path, read_only: bool = False):  # type: ignore[no-untyped-def]
    from tidings.store import StoreError, connect

    try:
        return connect(db, read_only=read_only)
    except StoreError as exc:
        _fail(str(exc), 1)


def _iso_date(value: str | None, flag: str):  # type: ignore[no-untyped-def]
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        _fail(f"{flag} wants a date as YYYY-MM-DD, not {value!r}", 2)


@app.command("ingest")
def ingest_cmd(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive), .jsonl, .warc/.arc(.gz), RSS/Atom feeds, URLs.",
                       show_default=False),
    ] = None,
    db: DbOption = DEFAULT_DB,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (as for analyze); repeatable.")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 64,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress bar on stderr (default: on a terminal).")
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Load the Parquet tables `tidings spark` wrote to this folder.")
    ] = None,
    article_timeout: ArticleTimeoutOption = DEFAULT_ARTICLE_TIMEOUT,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, max=64, help="Processes to analyse new articles in.")
    ] = 1,
) -> None:
    """Analyse articles into a corpus store: each once, with duplicates, copies and merged events."""
    from tidings.store import estimate_total, ingest, read_sources

    if parquet is not None:
        if inputs:
            _fail("give either inputs to analyse or --parquet DIR to load, not both", 2)
        _ingest_parquet(db, parquet)
        return
    if not inputs:
        _fail("give the files, folders or URLs to ingest (or --parquet DIR)", 2)
    for f in actors or []:
        if not f.is_file():
            _fail(f"actor dictionary {f} does not exist", 2)
    conn = _open_store(db)
    show = progress if progress is not None else err_console.is_terminal
    total = estimate_total(inputs) if show else None

    set_article_timeout(article_timeout)

    def analyzer():  # type: ignore[no-untyped-def]
        from tidings.pipeline import Analyzer, ParallelAnalyzer

        single = Analyzer(actor_files=actors or [], timeout=article_timeout)
        return ParallelAnalyzer(single, workers) if workers > 1 else single

    bar = Progress(
        TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
        TextColumn("[green]{task.fields[new]} new[/] [yellow]{task.fields[dup]} duplicate[/] "
                   "[red]{task.fields[failed]} failed[/]"),
        console=err_console, disable=not show,
    )
    try:
        with bar:
            task = bar.add_task("ingest", total=total, rate="", new=0, dup=0, failed=0)

            def on_item(kind, item, counts) -> None:  # type: ignore[no-untyped-def]
                elapsed = bar.tasks[0].elapsed or 0.0
                rate = f"{counts.done / elapsed:.1f}/s" if elapsed else ""
                bar.update(task, advance=1, rate=rate, new=counts.new, dup=counts.duplicate, failed=counts.failed)

            report = ingest(conn, read_sources(inputs), analyzer, inputs=list(inputs), batch_size=batch_size,
                            on_item=on_item)
    except TidingsError as exc:
        conn.close()
        _fail(str(exc))
    except duckdb_error() as exc:  # disk full, a lock held by another process, ...
        _fail(f"the store {db} failed: {exc}; the batches committed so far are kept, run the same command again")
    except KeyboardInterrupt:
        conn.close()
        _fail("interrupted: the batches committed so far are kept; run the same command again to finish", 130)
    conn.close()
    size = db.stat().st_size if db.exists() else 0
    for f in report.failures:
        where = f" ({f.where})" if f.where and f.where != f.id else ""
        err_console.print(f"[red]failed[/red] {f.id or '?'}{where}: {f.error}", highlight=False, soft_wrap=True)
    c = report.counts
    err_console.print(
        f"{c.new} new, {c.duplicate} duplicate, {c.failed} failed; {report.merged_events} merged events; "
        f"{db} ({size / 1_048_576:.1f} MB)",
        highlight=False,
    )


def _ingest_parquet(db: Path, folder: Path) -> None:
    from tidings.spark.load import load_parquet

    if not folder.is_dir():
        _fail(f"--parquet wants the OUTPUT folder of `tidings spark`; {folder} is not a folder", 2)
    conn = _open_store(db)
    try:
        rep = load_parquet(conn, folder)
    except (TidingsError, duckdb_error()) as exc:
        _fail(f"cannot load {folder}: {exc}", 1)
    finally:
        conn.close()
    err_console.print(f"{rep.articles} new, {rep.skipped} already stored; {rep.merged_events} merged events; {db}",
                      highlight=False)


@app.command("export")
def export_cmd(
    kind: Annotated[str, typer.Argument(help="events (one row per mention), merged, articles or quotes.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    format: Annotated[str, typer.Option("--format", "-f", help="csv, parquet, or gdelt (GDELT 2.0 event TSV).")] = "csv",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export a table of the corpus store as CSV, Parquet or GDELT 2.0 event rows."""
    from tidings.store.export import ExportFormat, Kind, export

    try:
        k, fmt = Kind(kind), ExportFormat(format)
    except ValueError:
        _fail(f"export wants one of {', '.join(x.value for x in Kind)} and a format of "
              f"{', '.join(x.value for x in ExportFormat)}", 2)
    if fmt is ExportFormat.gdelt and k not in (Kind.events, Kind.merged):
        _fail("the gdelt format holds events: export 'merged' (or 'events')", 2)
    conn = _open_store(db, read_only=True)
    try:
        n = export(conn, k, fmt, output)
    except (OSError, duckdb_error()) as exc:
        _fail(f"cannot write {output}: {exc}", 1)
    finally:
        conn.close()
    err_console.print(f"{n} {k.value} rows written to {output}", highlight=False)


def duckdb_error() -> type[Exception]:
    import duckdb

    return duckdb.Error


query_app = typer.Typer(help="Filtered reads of a corpus store.", no_args_is_help=True)
app.add_typer(query_app, name="query")

# (field, header) of the table view; --format json gives every field
_TABLE_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "merged": [("date", "date"), ("source_actor", "source"), ("code", "code"), ("label", "event"),
               ("target_actor", "target"), ("n_mentions", "mentions"), ("n_articles", "articles"),
               ("n_sources", "outlets"), ("first_id", "first report")],
    "events": [("published", "date"), ("source_actor", "source"), ("code", "code"), ("label", "event"),
               ("target_actor", "target"), ("negated", "negated"), ("outlet", "outlet"), ("evidence", "evidence")],
    "articles": [("published", "date"), ("source", "outlet"), ("title", "title"), ("reliability_score", "score"),
                 ("n_events", "events"), ("n_quotes", "quotes"), ("n_copied_from", "copies from")],
    "quotes": [("published", "date"), ("speaker_name", "speaker"), ("speaker_actor", "actor"), ("kind", "kind"),
               ("text", "quote")],
    "dyad": [("period", "period"), ("events", "events"), ("quad1", "q1 verbal coop"), ("quad2", "q2 material coop"),
             ("quad3", "q3 verbal conflict"), ("quad4", "q4 material conflict"), ("mean_goldstein", "goldstein")],
}


def _print_rows(rows: list[dict[str, object]], kind: str, fmt: str) -> None:
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    from rich.table import Table

    table = Table(show_lines=False)
    cols = _TABLE_COLUMNS[kind]
    for key, header in cols:
        table.add_column(header, overflow="fold", max_width=60 if key in ("evidence", "text", "title") else None)
    for r in rows:
        table.add_row(*("" if r.get(k) is None else str(r.get(k)) for k, _ in cols))
    Console().print(table)
    err_console.print(f"{len(rows)} rows", highlight=False)


FormatOption = Annotated[str, typer.Option("--format", "-f", help="table (default) or json.")]
LimitOption = Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")]


def _event_filter(actor, source, target, dyad, code, root, quad, date_from, date_to, outlet, min_sources, limit):  # type: ignore[no-untyped-def]
    from tidings.store.query import EventFilter

    if dyad is not None and len(dyad.split(",")) != 2:
        _fail("--dyad wants two actor codes separated by a comma, e.g. USA,RUS", 2)
    return EventFilter(
        actor=actor, source=source, target=target,
        dyad=tuple(dyad.split(",")) if dyad else None,  # type: ignore[arg-type]
        code=code, root=root, quad_class=quad, date_from=_iso_date(date_from, "--from"),
        date_to=_iso_date(date_to, "--to"), outlet=outlet, min_sources=min_sources, limit=limit or None,
    )


def _events_query(kind: str):  # type: ignore[no-untyped-def]
    def command(
        actor: Annotated[str | None, typer.Option(help="Source or target actor code prefix (USA matches USAGOV).")] = None,
        source: Annotated[str | None, typer.Option(help="Source actor code prefix.")] = None,
        target: Annotated[str | None, typer.Option(help="Target actor code prefix.")] = None,
        dyad: Annotated[str | None, typer.Option(help="Two actors, either direction: A,B.")] = None,
        code: Annotated[str | None, typer.Option(help="CAMEO event code prefix.")] = None,
        root: Annotated[str | None, typer.Option(help="CAMEO root code (01-20).")] = None,
        quad: Annotated[int | None, typer.Option("--quad", help="Quad class 1-4.")] = None,
        date_from: Annotated[str | None, typer.Option("--from", help="First date, YYYY-MM-DD.")] = None,
        date_to: Annotated[str | None, typer.Option("--to", help="Last date, YYYY-MM-DD.")] = None,
        outlet: Annotated[str | None, typer.Option(help="Reported by this outlet (substring).")] = None,
        min_sources: Annotated[int | None, typer.Option("--min-sources", help="At least this many outlets.")] = None,
        limit: LimitOption = 100,
        format: FormatOption = "table",
        db: DbOption = DEFAULT_DB,
    ) -> None:
        from tidings.store import query

        f = _event_filter(actor, source, target, dyad, code, root, quad, date_from, date_to, outlet, min_sources, limit)
        conn = _open_store(db, read_only=True)
        try:
            rows = query.merged_events(conn, f) if kind == "merged" else query.event_mentions(conn, f)
        finally:
            conn.close()
        _print_rows(rows, kind, format)

    command.__doc__ = ("Merged events: one row per real-world event, with its counts of mentions, articles "
                       "and outlets." if kind == "merged" else "Event mentions: one row per event in an article.")
    return command


query_app.command("events")(_events_query("events"))
query_app.command("merged")(_events_query("merged"))


@query_app.command("articles")
def query_articles(
    text: Annotated[str | None, typer.Option(help="In the title or body (case-insensitive).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name (substring).")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="First date, YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Last date, YYYY-MM-DD.")] = None,
    min_reliability: Annotated[int | None, typer.Option("--min-reliability", help="Score at least (0-100).")] = None,
    max_reliability: Annotated[int | None, typer.Option("--max-reliability", help="Score at most (0-100).")] = None,
    limit: LimitOption = 100,
    format: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Articles by text, outlet, date and reliability score."""
    from tidings.store import query

    f = query.ArticleFilter(text=text, outlet=outlet, date_from=_iso_date(date_from, "--from"),
                            date_to=_iso_date(date_to, "--to"), min_reliability=min_reliability,
                            max_reliability=max_reliability, limit=limit or None)
    conn = _open_store(db, read_only=True)
    try:
        rows = query.articles(conn, f)
    finally:
        conn.close()
    _print_rows(rows, "articles", format)


@query_app.command("quotes")
def query_quotes(
    speaker: Annotated[str | None, typer.Option(help="Speaker name, mention or actor code.")] = None,
    text: Annotated[str | None, typer.Option(help="In the quote (case-insensitive).")] = None,
    limit: LimitOption = 100,
    format: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Quotes by speaker and text."""
    from tidings.store import query

    conn = _open_store(db, read_only=True)
    try:
        rows = query.quotes(conn, speaker=speaker, text=text, limit=limit or None)
    finally:
        conn.close()
    _print_rows(rows, "quotes", format)


@query_app.command("dyad")
def query_dyad(
    a: Annotated[str, typer.Argument(help="First actor code prefix.")],
    b: Annotated[str, typer.Argument(help="Second actor code prefix.")],
    by: Annotated[str, typer.Option("--by", help="day, week or month.")] = "month",
    format: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Merged events between two actors per period: counts per quad class and mean Goldstein."""
    from tidings.store import query

    if by not in ("day", "week", "month"):
        _fail("--by wants day, week or month", 2)
    conn = _open_store(db, read_only=True)
    try:
        rows = query.dyad_counts(conn, a, b, by)  # type: ignore[arg-type]
    finally:
        conn.close()
    _print_rows(rows, "dyad", format)


# --- the web UI and REST API (tidings.web) --------------------------------------------------------


def _is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve_cmd(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind; anything but loopback needs a token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="TIDINGS_TOKEN", show_envvar=True,
                     help="Access token every page and API call must carry (cookie, Bearer header or ?token=)."),
    ] = None,
) -> None:
    """Serve the web UI and REST API over a corpus store (read-only), on 127.0.0.1 by default."""
    import os

    if not _is_loopback(host) and not token:
        _fail(f"refusing to serve on {host}, reachable from other machines, without a token: "
              "pass --token T or set TIDINGS_TOKEN (or bind 127.0.0.1)", 2)
    try:
        import uvicorn

        from tidings.web import create_app
    except ImportError as exc:
        _fail(f"the web UI needs its extra packages (fastapi, uvicorn, jinja2, python-multipart, plotly): {exc}", 1)
    from tidings.store import StoreError

    allowed = ["127.0.0.1", "localhost", "::1", "[::1]"] if _is_loopback(host) else None
    try:
        web_app = create_app(db, token=token or None, allowed_hosts=allowed)
    except StoreError as exc:
        _fail(str(exc), 1)
    shown = f"[{host}]" if ":" in host else host
    where = f"http://{shown}:{port}/"
    err_console.print(f"serving {db} at [bold]{where}[/bold]" + (f" (open {where}?token=… to sign in)" if token else ""),
                      highlight=False)
    os.environ.pop("TIDINGS_TOKEN", None)  # not inherited by anything the server starts
    uvicorn.run(web_app, host=host.strip("[]"), port=port, log_level="warning", server_header=False)


# --- Apache Spark (tidings.spark) ------------------------------------------------------------------


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
) -> None:
    """Run the pipeline on Apache Spark: INPUT -> OUTPUT/<table>/*.parquet (load with ingest --parquet)."""
    try:
        from tidings.spark.job import run, session
    except ImportError as exc:
        _fail(f"tidings spark needs PySpark and a Java runtime (pip install pyspark): {exc}", 1)
    for f in actors or []:
        if not f.is_file():
            _fail(f"actor dictionary {f} does not exist", 2)
    spark = session(master, shuffle_partitions)
    try:
        rep = run(spark, input, output, actor_files=[str(f) for f in actors or []], partitions=partitions)
    except TidingsError as exc:
        _fail(str(exc), 1)
    finally:
        spark.stop()
    err_console.print(f"{rep.new} new, {rep.duplicate} duplicate, {rep.failed} failed; {rep.copies} copies; "
                      f"{rep.merged_events} merged events; {output} ({rep.seconds:.0f} s)", highlight=False)


def main() -> None:
    app()
