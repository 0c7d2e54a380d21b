"""The web UI and REST API over a corpus store: ``create_app(db_path, token=None)``.

Every HTML page has a JSON twin under ``/api/`` taking the same query parameters, so the pages and
the API never drift: both call the same functions in ``tidings.web.data``.
"""

from __future__ import annotations

from tidings.web.app import create_app

__all__ = ["create_app"]
