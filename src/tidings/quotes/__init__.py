"""The quotes stage: who said what, with the content span, the cue and the resolved speaker.

    from tidings.quotes import extract_quotes
    quotes = extract_quotes(article, doc)   # doc: the spaCy parse of exactly article.text
"""

from __future__ import annotations

from tidings.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
