"""What every command shares: the Typer app, the error console, failure and progress helpers,
the store options."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

app = typer.Typer(
    name="tidings",
    help="News articles into evidence-linked data: who said what, who did what to whom, how far to trust it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

err_console = Console(stderr=True)


def fail(message: str, code: int = 1) -> None:
    err_console.print(f"[bold red]error:[/bold red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def progress_bar(enabled: bool, total: int | None) -> Iterator[Progress | None]:
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


DEFAULT_DB = Path("tidings.duckdb")
DbOption = Annotated[Path, typer.Option("--db", help="The corpus store: a DuckDB file made by `tidings ingest`.")]
NewDbOption = Annotated[Path, typer.Option("--db", help="The corpus store, a DuckDB file (created when absent).")]


def open_store(db: Path, read_only: bool = False):  # type: ignore[no-untyped-def]
    from tidings.store import StoreError, connect

    try:
        return connect(db, read_only=read_only)
    except StoreError as exc:
        fail(str(exc), 1)


def duckdb_error() -> type[Exception]:
    import duckdb

    return duckdb.Error
