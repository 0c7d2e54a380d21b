"""tidings: news articles into evidence-linked, queryable data."""

from __future__ import annotations

__version__ = "0.1.0"
