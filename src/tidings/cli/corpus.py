"""The corpus store's commands: `tidings ingest`, `export` and `query`."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from tidings.cli.common import (
    DEFAULT_DB,
    ArticleTimeoutOption,
    DbOption,
    NewDbOption,
    app,
    duckdb_error,
    err_console,
    fail,
    open_store,
)
from tidings.errors import TidingsError
from tidings.store.query import ARTICLE_SORT, MENTION_SORT, MERGED_SORT, QUOTATION_SORT, QUOTE_SORT
from tidings.ingest.sources import (
    DEFAULT_ARTICLE_TIMEOUT,
    set_article_timeout,
)


def _iso_date(value: str | None, flag: str):  # type: ignore[no-untyped-def]
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(f"{flag} wants a date as YYYY-MM-DD, not {value!r}", 2)


@app.command("ingest")
def ingest_cmd(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (recursive), .jsonl, .warc/.arc(.gz), RSS/Atom feeds, URLs.",
                       show_default=False),
    ] = None,
    db: NewDbOption = DEFAULT_DB,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor dictionary (as for analyze); repeatable.")
    ] = None,
    verbs: Annotated[
        list[Path] | None, typer.Option("--verbs", help="Extra PETRARCH verb dictionary (as for analyze); repeatable.")
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
    server: Annotated[
        str | None, typer.Option("--server", help="Store through a running `tidings serve` at this URL "
                                 "(it holds the store open) instead of opening --db.")
    ] = None,
    token: Annotated[
        str | None, typer.Option("--token", envvar="TIDINGS_TOKEN", show_envvar=True,
                                 help="The server's access token, with --server.")
    ] = None,
) -> None:
    """Analyse articles into a corpus store: each once, with duplicates, copies and merged events."""
    from tidings.store import estimate_total, ingest, read_sources

    if server is not None:
        if parquet is not None or not inputs:
            fail("--server stores the inputs given through a running server: give files, folders or URLs", 2)
        _ingest_through(server, token, inputs, progress)
        return

    if parquet is not None:
        if inputs:
            fail("give either inputs to analyse or --parquet DIR to load, not both", 2)
        _ingest_parquet(db, parquet)
        return
    if not inputs:
        fail("give the files, folders or URLs to ingest (or --parquet DIR)", 2)
    for f in actors or []:
        if not f.is_file():
            fail(f"actor dictionary {f} does not exist", 2)
    for f in verbs or []:
        if not f.is_file():
            fail(f"verb dictionary {f} does not exist", 2)
    conn = open_store(db)
    show = progress if progress is not None else err_console.is_terminal
    total = estimate_total(inputs) if show else None

    set_article_timeout(article_timeout)

    def analyzer():  # type: ignore[no-untyped-def]
        from tidings.pipeline import Analyzer, ParallelAnalyzer

        single = Analyzer(actor_files=actors or [], timeout=article_timeout, verb_files=verbs or [])
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
        fail(str(exc))
    except duckdb_error() as exc:  # disk full, a lock held by another process, ...
        fail(f"the store {db} failed: {exc}; the batches committed so far are kept, run the same command again")
    except KeyboardInterrupt:
        conn.close()
        fail("interrupted: the batches committed so far are kept; run the same command again to finish", 130)
    conn.close()
    size = db.stat().st_size if db.exists() else 0
    for f in report.failures:
        # name the input once: the readers' errors name it already, the analysis stage's do not
        named = bool(f.where) and f.where in f.error
        where = f" ({f.where})" if f.where and f.where != f.id and not named else ""
        name = f" {f.id}" if f.id and not (named and f.id == Path(f.where or "").name) else ""
        err_console.print(f"[red]failed[/red]{escape(name + where)}: {escape(f.error)}", highlight=False,
                          soft_wrap=True)
    for ident, failed in report.partial:
        stages = "; ".join(f"the {e.stage} stage failed ({e.error})" for e in failed)
        err_console.print(f"[yellow]partly analysed[/yellow] {escape(ident)}: {escape(stages)}; "
                          "its other parts are stored", highlight=False, soft_wrap=True)
    c = report.counts
    err_console.print(
        f"{c.new} new, {c.duplicate} duplicate, {c.failed} failed; {report.merged_events} merged events; "
        f"{report.quotations} quotations; {db} ({size / 1_048_576:.1f} MB)",
        highlight=False,
    )


def _ingest_through(server: str, token: str | None, inputs: list[str], progress: bool | None) -> None:
    from tidings.cli.remote import ServerError, send
    from tidings.store import estimate_total, read_sources

    if not server.lower().startswith(("http://", "https://")):
        fail(f"--server wants the server's address, e.g. http://127.0.0.1:8000, not {server!r}", 2)
    show = progress if progress is not None else err_console.is_terminal
    bar = Progress(TextColumn("[bold]sending"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TextColumn("[green]{task.fields[new]} new[/] [yellow]{task.fields[dup]} duplicate[/] "
                              "[red]{task.fields[failed]} failed[/]"), console=err_console, disable=not show)
    try:
        with bar:
            task = bar.add_task("send", total=estimate_total(inputs) if show else None, new=0, dup=0, failed=0)
            report = send(read_sources(inputs), server, token, on_item=lambda kind, r: bar.update(
                task, advance=1, new=r.new, dup=r.duplicate, failed=r.failed))
    except ServerError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        fail("interrupted: the articles sent so far are stored; run the same command again to send the rest", 130)
    for where, why in report.failures:
        err_console.print(f"[red]failed[/red] {escape(where)}: {escape(why)}", highlight=False, soft_wrap=True)
    err_console.print(f"{report.new} new, {report.duplicate} duplicate, {report.failed} failed; through {server}",
                      highlight=False)


def _ingest_parquet(db: Path, folder: Path) -> None:
    from tidings.spark.load import load_parquet

    if not folder.is_dir():
        fail(f"--parquet wants the OUTPUT folder of `tidings spark`; {folder} is not a folder", 2)
    conn = open_store(db)
    try:
        rep = load_parquet(conn, folder)
    except (TidingsError, duckdb_error()) as exc:
        fail(f"cannot load {folder}: {exc}", 1)
    finally:
        conn.close()
    err_console.print(f"{rep.articles} new, {rep.skipped} already stored; {rep.merged_events} merged events; "
                      f"{rep.quotations} quotations; {db}",
                      highlight=False)


@app.command("export")
def export_cmd(
    kind: Annotated[str, typer.Argument(help="events (one row per mention), merged, articles, quotes or places.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write; - for stdout.")],
    format: Annotated[str, typer.Option("--format", "-f", help="csv, parquet, or gdelt (GDELT 2.0 event TSV).")] = "csv",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export a table of the corpus store as CSV, Parquet or GDELT 2.0 event rows."""
    from tidings.store.export import ExportFormat, Kind, export

    try:
        k, fmt = Kind(kind), ExportFormat(format)
    except ValueError:
        fail(f"export wants one of {', '.join(x.value for x in Kind)} and a format of "
              f"{', '.join(x.value for x in ExportFormat)}", 2)
    if fmt is ExportFormat.gdelt and k not in (Kind.events, Kind.merged):
        fail("the gdelt format holds events: export 'merged' (or 'events')", 2)
    to_stdout = str(output) == "-"
    if to_stdout and fmt is ExportFormat.parquet and sys.stdout.isatty():
        fail("Parquet is binary: redirect stdout to a file or pipe (… > out.parquet), or give --output FILE", 2)
    conn = open_store(db, read_only=True)
    try:
        if to_stdout:  # DuckDB's COPY writes files: write one aside and stream it
            with tempfile.TemporaryDirectory(prefix="tidings-export-") as tmp:
                staged = Path(tmp) / f"export.{fmt.value}"
                n = export(conn, k, fmt, staged)
                with staged.open("rb") as fh:
                    shutil.copyfileobj(fh, sys.stdout.buffer)
                sys.stdout.buffer.flush()
        else:
            n = export(conn, k, fmt, output)
    except (OSError, duckdb_error()) as exc:
        fail(f"cannot write {'to stdout' if to_stdout else output}: {exc}", 1)
    finally:
        conn.close()
    err_console.print(f"{n} {k.value} rows written to {'stdout' if to_stdout else output}", highlight=False)


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
    "quotations": [("quotation_id", "id"), ("first_published", "first"), ("n_mentions", "mentions"),
                   ("n_sources", "outlets"), ("speaker_name", "speaker"), ("n_speakers", "speakers"),
                   ("speaker_conflict", "conflict"), ("text", "quotation")],
    "quotation_mentions": [("published", "date"), ("outlet", "outlet"), ("speaker_name", "speaker"),
                           ("speaker_text", "named as"), ("match", "match"), ("conflict", "conflict"),
                           ("text", "as quoted"), ("article_id", "article")],
    "places": [("published", "date"), ("article", "article"), ("text", "text"), ("name", "place"),
               ("admin1", "division"), ("country", "country"), ("lat", "lat"), ("lon", "lon"), ("kind", "kind")],
    "provenance": [("kind", "kind"), ("source", "original"), ("title", "title"), ("detail", "substitutions / paragraph")],
    "dyad": [("period", "period"), ("events", "events"), ("quad1", "q1 verbal coop"), ("quad2", "q2 material coop"),
             ("quad3", "q3 verbal conflict"), ("quad4", "q4 material conflict"), ("mean_goldstein", "goldstein")],
}


def _print_rows(rows: list[dict[str, object]], kind: str, fmt: str, total: int | None = None, offset: int = 0) -> None:
    if total is not None and total != len(rows):
        shown = f"rows {offset + 1}-{offset + len(rows)} of {total}" if rows else f"0 rows (of {total})"
    else:
        shown = f"{len(rows)} rows"
    if fmt == "json":
        err_console.print(shown, highlight=False)
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
    err_console.print(shown, highlight=False)


FormatOption = Annotated[str, typer.Option("--format", "-f", help="table (default) or json.")]
LimitOption = Annotated[int, typer.Option("--limit", min=0, help="At most this many rows (0: all).")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first (paging).")]


def _sort_help(columns: dict[str, str]) -> str:
    return f"Order by {', '.join(columns)}; a leading - for descending (--sort=-{next(iter(columns))})."


EventSortOption = Annotated[str | None, typer.Option("--sort", help=_sort_help({**MERGED_SORT, **MENTION_SORT}))]
ArticleSortOption = Annotated[str | None, typer.Option("--sort", help=_sort_help(ARTICLE_SORT))]


def _event_filter(actor, source, target, dyad, code, root, quad, date_from, date_to, outlet, min_sources, limit,  # type: ignore[no-untyped-def]
                  offset=0, sort=None, country=None, adm1=None, bbox=None):
    from tidings.store.query import EventFilter, parse_bbox

    with _filter_rules():
        return EventFilter(
            actor=actor, source=source, target=target,
            dyad=tuple(p.strip() for p in dyad.split(",")) if dyad is not None else None,  # type: ignore[arg-type]
            code=code, root=root, quad_class=quad, date_from=_iso_date(date_from, "--from"),
            date_to=_iso_date(date_to, "--to"), outlet=outlet, min_sources=min_sources, limit=limit or None,
            offset=offset, sort=sort, country=country, adm1=adm1, bbox=parse_bbox(bbox) if bbox is not None else None,
        )


CountryOption = Annotated[str | None, typer.Option("--country", help="Took place in this country (ISO3 code, e.g. COD).")]
Adm1Option = Annotated[str | None, typer.Option("--adm1", help="Took place in this first-level division (its name, "
                                                "case-insensitive).")]
BBoxOption = Annotated[str | None, typer.Option("--bbox", help="Took place inside min_lon,min_lat,max_lon,max_lat "
                                                "(e.g. --bbox=28,-3,31,0).")]


@contextmanager
def _filter_rules() -> Iterator[None]:
    """The store's filter rules (shared with the API) as a usage error naming the CLI option."""
    from tidings.store.query import FilterError

    try:
        yield
    except FilterError as exc:
        fail(f"--{exc.field.replace('_', '-')} {exc.problem}", 2)


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
        country: CountryOption = None,
        adm1: Adm1Option = None,
        bbox: BBoxOption = None,
        limit: LimitOption = 100,
        offset: OffsetOption = 0,
        sort: EventSortOption = None,
        format: FormatOption = "table",
        db: DbOption = DEFAULT_DB,
    ) -> None:
        from tidings.store import query

        f = _event_filter(actor, source, target, dyad, code, root, quad, date_from, date_to, outlet, min_sources, limit,
                          offset, sort, country, adm1, bbox)
        conn = open_store(db, read_only=True)
        try:
            with _filter_rules():
                if kind == "merged":
                    rows, total = query.merged_events(conn, f), query.count_merged_events(conn, f)
                else:
                    rows, total = query.event_mentions(conn, f), query.count_event_mentions(conn, f)
        finally:
            conn.close()
        _print_rows(rows, kind, format, total, offset)

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
    offset: OffsetOption = 0,
    sort: ArticleSortOption = None,
    format: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Articles by text, outlet, date and reliability score."""
    from tidings.store import query

    with _filter_rules():
        f = query.ArticleFilter(text=text, outlet=outlet, date_from=_iso_date(date_from, "--from"),
                                date_to=_iso_date(date_to, "--to"), min_reliability=min_reliability,
                                max_reliability=max_reliability, limit=limit or None, offset=offset, sort=sort)
    conn = open_store(db, read_only=True)
    try:
        with _filter_rules():
            rows, total = query.articles(conn, f), query.count_articles(conn, f)
    finally:
        conn.close()
    _print_rows(rows, "articles", format, total, offset)


@query_app.command("quotes")
def query_quotes(
    speaker: Annotated[str | None, typer.Option(help="Speaker name, mention or actor code.")] = None,
    text: Annotated[str | None, typer.Option(help="In the quote (case-insensitive).")] = None,
    merged: Annotated[bool, typer.Option(
        "--merged", help="Quotations: one row per quote across the corpus (its mentions merged, with first "
                         "appearance, outlets and speakers), not one per mention.")] = False,
    min_mentions: Annotated[int | None, typer.Option(
        "--min-mentions", help="Quotations reported at least this many times (implies --merged).")] = None,
    min_sources: Annotated[int | None, typer.Option(
        "--min-sources", help="Quotations reported by at least this many outlets (implies --merged).")] = None,
    conflict: Annotated[bool, typer.Option(
        "--conflict", help="Only quotations whose mentions name different speakers (implies --merged).")] = False,
    quotation_id: Annotated[str | None, typer.Option(
        "--id", help="One quotation with every mention (its id from --merged).")] = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    sort: Annotated[str | None, typer.Option("--sort", help=_sort_help(QUOTE_SORT) + " With --merged: "
                                             + ", ".join(QUOTATION_SORT) + ".")] = None,
    format: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Quotes by speaker and text; --merged lists quotations, the same quote across articles as one row."""
    from tidings.store import query

    if quotation_id is not None:
        _print_quotation(db, quotation_id, format)
        return
    merged = merged or conflict or min_mentions is not None or min_sources is not None
    f = None
    if merged:
        with _filter_rules():
            f = query.QuotationFilter(speaker=speaker, text=text, min_mentions=min_mentions, min_sources=min_sources,
                                      conflict=conflict, limit=limit or None, offset=offset, sort=sort)
    conn = open_store(db, read_only=True)
    try:
        with _filter_rules():
            if f is not None:
                rows, total = query.quotations(conn, f), query.count_quotations(conn, f)
            else:
                rows = query.quotes(conn, speaker=speaker, text=text, limit=limit or None, offset=offset, sort=sort)
                total = query.count_quotes(conn, speaker=speaker, text=text)
    finally:
        conn.close()
    _print_rows(rows, "quotations" if merged else "quotes", format, total, offset)


def _print_quotation(db: Path, quotation_id: str, fmt: str) -> None:
    from tidings.store import query

    conn = open_store(db, read_only=True)
    try:
        found = query.quotation(conn, quotation_id)
    finally:
        conn.close()
    if found is None:
        fail(f"no quotation {quotation_id!r} in {db}", 1)
    if fmt == "json":
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2, default=str))
        return
    speakers = ", ".join(f"{s['name']} ({s['n']})" for s in found["speakers"]) or "none named"
    Console().print(f"“{escape(found['text'])}”", highlight=False, soft_wrap=True)
    Console().print(f"{found['n_mentions']} mentions in {found['n_articles']} articles, {found['n_sources']} outlets; "
                    f"first {found['first_published'] or 'undated'} in {escape(found['first_source'] or '?')}; "
                    f"speakers: {escape(speakers)}"
                    + ("; [red]speaker conflict[/red]" if found["speaker_conflict"] else ""), highlight=False)
    _print_rows(found["mentions"], "quotation_mentions", fmt)


@query_app.command("places")
def query_places(
    name: Annotated[str | None, typer.Option(help="Place name or the text naming it (substring).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="In this country (ISO3 code, e.g. COD).")] = None,
    adm1: Annotated[str | None, typer.Option("--adm1", help="In this first-level division (its name).")] = None,
    bbox: Annotated[str | None, typer.Option("--bbox", help="Inside min_lon,min_lat,max_lon,max_lat.")] = None,
    limit: LimitOption = 100,
    offset: OffsetOption = 0,
    format: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """Place mentions: one row per place an article names, resolved (country, division, point)."""
    from tidings.store import query

    with _filter_rules():
        box = query.parse_bbox(bbox) if bbox is not None else None
    conn = open_store(db, read_only=True)
    try:
        with _filter_rules():
            rows = query.places(conn, name, country, adm1, box, limit=limit or None, offset=offset)
            total = query.count_places(conn, name, country, adm1, box)
    finally:
        conn.close()
    _print_rows(rows, "places", format, total, offset)


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
        fail("--by wants day, week or month", 2)
    conn = open_store(db, read_only=True)
    try:
        rows = query.dyad_counts(conn, a, b, by)  # type: ignore[arg-type]
    finally:
        conn.close()
    _print_rows(rows, "dyad", format)


@query_app.command("provenance")
def query_provenance(
    article: Annotated[str, typer.Argument(help="A stored article: its id as given at ingest, or the store's id.")],
    format: FormatOption = "table",
    db: DbOption = DEFAULT_DB,
) -> None:
    """What an article was made from: the earlier articles it rewords (with the swapped words) and
    the paragraphs it took from each."""
    from tidings.store import query
    from tidings.web.data import find_article

    conn = open_store(db, read_only=True)
    try:
        aid = find_article(conn, article)
        if aid is None:
            fail(f"no article {article!r} in {db}", 1)
        spun, stitched = query.spun_from(conn, aid), query.stitched_from(conn, aid)
    finally:
        conn.close()
    if format == "json":
        typer.echo(json.dumps({"article_id": aid, "spun_from": spun, "stitched_from": stitched},
                              ensure_ascii=False, indent=2, default=str))
        return
    rows = [{"kind": "spun", "source": r["source_article_id"], "title": r["source_title"],
             "detail": "; ".join(f"{a} → {b}" for a, b in r["substitutions"][:12])} for r in spun]
    rows += [{"kind": "stitched", "source": r["source_article_id"], "title": r["source_title"],
              "detail": f"paragraph {r['paragraph'] + 1}"} for r in stitched]
    _print_rows(rows, "provenance", format)


# --- the web UI and REST API (tidings.web) --------------------------------------------------------
