"""`tidings analyze` and `tidings version`."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console

from tidings.cli.common import (
    ArticleTimeoutOption,
    app,
    err_console,
    fail,
    progress_bar,
)
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
    verbs: Annotated[
        list[Path] | None,
        typer.Option("--verbs", help="Extra verb dictionary in PETRARCH format (e.g. CAMEO.2.0.txt), tried after "
                     "the packaged ones; repeatable."),
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
    provenance: Annotated[
        bool, typer.Option("--provenance/--no-provenance",
                           help="In a batch, match each article against the others: reworded (spun) copies, "
                                "stitched pieces and quotes stripped of their marks are shown with "
                                "their originals.")
    ] = True,
) -> None:
    """Analyse articles: metadata and clean text, entities, quotes, events and reliability."""
    for f in actors or []:
        if not f.is_file():
            fail(f"actor dictionary {f} does not exist", 2)
    for f in verbs or []:
        if not f.is_file():
            fail(f"verb dictionary {f} does not exist", 2)
    batch = _is_batch(inputs)
    to_terminal = output is None and sys.stdout.isatty()
    fmt = format or (Format.text if to_terminal else (Format.jsonl if batch else Format.json))
    show_progress = progress if progress is not None else (batch and err_console.is_terminal)

    from tidings.pipeline import Analyzer

    set_article_timeout(article_timeout)
    try:
        analyzer = Analyzer(actor_files=actors or [], timeout=article_timeout, verb_files=verbs or [])
    except TidingsError as exc:
        fail(str(exc))

    out: IO[str]
    close = False
    if output is not None:
        try:
            out = output.open("w", encoding="utf-8")
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}", 1)
        close = True
    else:
        out = sys.stdout
    console = Console(file=out, force_terminal=None if out is sys.stdout else False, width=None if to_terminal else 120)

    corpus = None
    if batch and provenance:
        from tidings.store.provenance import BatchProvenance

        corpus = BatchProvenance()
    n_done = n_failed = n_partial = 0
    single_failure: Failure | None = None
    results_json: list[dict[str, object]] = []
    total = count_items(inputs) if show_progress else None
    try:
        with progress_bar(show_progress, total) as bar:
            task = bar.add_task("analyse", total=total, rate="", failed=0) if bar else None
            items = read_inputs(inputs, allow_private=allow_private)
            if corpus is not None:
                items = corpus.feed(items)
            for result in analyzer.stream(items, workers=workers):
                if corpus is not None:
                    result = corpus.observe(result)
                if isinstance(result, Failure):
                    n_failed += 1
                    single_failure = result
                    record: dict[str, object] = result.to_dict()
                    if fmt is Format.text:
                        err_console.print(f"[red]skipped[/red] {result.id}: {result.error}", highlight=False)
                else:
                    n_done += 1
                    if result.stage_errors:
                        n_partial += 1
                        stages = ", ".join(e.stage for e in result.stage_errors)
                        err_console.print(f"[yellow]partly analysed[/yellow] {result.id}: the {stages} stage failed "
                                          f"({result.stage_errors[0].error}); its other parts are kept",
                                          highlight=False)
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
        fail(single_failure.error, 1)
    if batch and n_done == 0 and n_failed > 0 and not any(Path(s).suffix.lower() in BATCH_SUFFIXES for s in expand(inputs)):
        fail(f"none of the {n_failed} inputs could be analysed (last: {single_failure.error if single_failure else ''})", 1)
    if show_progress or (fmt is Format.text and batch):
        partial = f" ({n_partial} with a failed stage)" if n_partial else ""
        err_console.print(f"{n_done} analysed{partial}, {n_failed} failed", highlight=False)


@app.command()
def version() -> None:
    """Print the tidings version and the spaCy model it uses."""
    from tidings import __version__, nlp

    typer.echo(f"tidings {__version__} (spaCy model: {nlp.model_name()})")
