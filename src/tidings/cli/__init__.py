"""The ``tidings`` command line: thin; it parses arguments, calls the library and prints.

Exit codes: 0 the run was done (a batch with per-line errors is done), 1 the input could not be
analysed (one line on stderr says why), 2 a usage error.  One module per group of commands.
"""

from __future__ import annotations

from tidings.cli import analyze, corpus, serve, spark  # noqa: F401  (each registers its commands)
from tidings.cli.common import app

__all__ = ["app", "main"]


def main() -> None:
    app()
