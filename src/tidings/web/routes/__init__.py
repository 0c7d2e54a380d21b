"""One module per page; each holds the HTML route and its ``/api/`` JSON twin."""

from __future__ import annotations

from tidings.web.routes import actors, analyze, articles, docs, dyad, events, home, quotations, quotes

ALL = [home, analyze, articles, events, dyad, actors, quotes, quotations, docs]
