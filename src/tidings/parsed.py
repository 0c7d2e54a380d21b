"""What the stages read of a parsed doc over and over, computed once per doc.

spaCy builds a new ``Token`` object on every ``doc[i]``, every step of ``for t in doc`` or
``for t in span``, and joins all the tokens again on every ``Doc.text``; across the stages
after the parse that was millions of objects per few hundred articles.  :func:`parsed` gives
the stages one list of the doc's tokens, its text and its sentences, built on first use and
kept for the doc that was asked about last (the stages of one article run one after another on
the same doc).  The stages only read it; the doc itself is never changed.

A token of ``tokens`` is the same object each time it is looked up, where ``doc[i]`` is a new
one: code that tells tokens apart with ``is`` must keep comparing ``.i`` instead.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class Parsed:
    """One doc's text, tokens (``tokens[i]`` is ``doc[i]``) and sentences."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        #: what ``Doc.text`` returns
        self.text = "".join([t.text_with_ws for t in self.tokens])

    @cached_property
    def sents(self) -> list[Span]:
        """``list(doc.sents)`` (on first use: a doc without sentence boundaries raises then)."""
        return list(self.doc.sents)


_last: tuple[Doc, Parsed] | None = None


def parsed(doc: Doc) -> Parsed:
    """The :class:`Parsed` view of ``doc``, built once while ``doc`` is the one in use."""
    global _last
    last = _last  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is doc:
        return last[1]
    view = Parsed(doc)
    _last = (doc, view)
    return view
