"""What the stages read of a parsed doc over and over, computed once per doc.

spaCy builds a new ``Token`` object on every ``doc[i]``, every step of ``for t in doc`` or
``for t in span`` and every ``token.head``, looks strings up again on every ``token.lower_``,
and joins all the tokens again on every ``Doc.text``; across the stages after the parse that
was millions of objects and look-ups per few hundred articles.  :func:`parsed` gives the stages
one list of the doc's tokens, its text, sentences and entities, and plain lists of the token
attributes they read most (``lower[i]`` is ``doc[i].lower_``), built on first use and kept for
the doc that was asked about last (the stages of one article run one after another on the same
doc).  The stages only read it; the doc itself is never changed.

A token of ``tokens`` is the same object each time it is looked up, where ``doc[i]`` is a new
one: code that tells tokens apart with ``is`` must keep comparing ``.i`` instead.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class Parsed:
    """One doc's text, tokens (``tokens[i]`` is ``doc[i]``), sentences, entities and columns of
    token attributes (``lower[i]`` is ``tokens[i].lower_``), each built on first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        #: what ``Doc.text`` returns
        self.text = "".join([t.text_with_ws for t in self.tokens])
        #: ``list(tokens[i].children)`` once asked for (see :func:`children_of`)
        self.kids: list[list[Token] | None] = [None] * len(self.tokens)

    @cached_property
    def sents(self) -> list[Span]:
        """``list(doc.sents)`` (on first use: a doc without sentence boundaries raises then)."""
        return list(self.doc.sents)

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        """``doc.ents`` (a new tuple of new Spans on every access of the doc's own)."""
        return self.doc.ents

    @cached_property
    def words(self) -> list[str]:
        """Each token's text (``token.text``)."""
        return [t.text for t in self.tokens]

    @cached_property
    def lower(self) -> list[str]:
        return [t.lower_ for t in self.tokens]

    @cached_property
    def lemma(self) -> list[str]:
        return [t.lemma_ for t in self.tokens]

    @cached_property
    def pos(self) -> list[str]:
        return [t.pos_ for t in self.tokens]

    @cached_property
    def dep(self) -> list[str]:
        return [t.dep_ for t in self.tokens]

    @cached_property
    def is_alpha(self) -> list[bool]:
        return [t.is_alpha for t in self.tokens]

    @cached_property
    def is_stop(self) -> list[bool]:
        return [t.is_stop for t in self.tokens]

    @cached_property
    def is_punct(self) -> list[bool]:
        return [t.is_punct for t in self.tokens]

    @cached_property
    def is_space(self) -> list[bool]:
        return [t.is_space for t in self.tokens]

    @cached_property
    def idx(self) -> list[int]:
        """Character offset of each token (``token.idx``)."""
        return [t.idx for t in self.tokens]

    @cached_property
    def head(self) -> list[int]:
        """Index of each token's head (``token.head.i``; the root is its own head)."""
        from spacy.attrs import HEAD  # here: importing the stages must not import spaCy

        return [i + rel for i, rel in enumerate(self.doc.to_array(HEAD).astype("int64").tolist())]

    @cached_property
    def kid_idx(self) -> list[list[int]]:
        """Indices of each token's syntactic children, left to right (``[c.i for c in
        tokens[i].children]``), from the head column: no Token objects."""
        kids: list[list[int]] = [[] for _ in self.tokens]
        for i, h in enumerate(self.head):
            if h != i:
                kids[h].append(i)
        return kids

    def subtree(self, i: int) -> list[int]:
        """Indices of the tokens of ``tokens[i].subtree`` (the token and all its descendants),
        in no particular order."""
        kids = self.kid_idx
        out = [i]
        stack = [i]
        while stack:
            below = kids[stack.pop()]
            out.extend(below)
            stack.extend(below)
        return out


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


def children_of(tok: Token) -> list[Token]:
    """``list(tok.children)``: the token's syntactic children, left to right, made once per
    token (the stages walk the same heads' children many times).  Do not change the list: it
    is shared."""
    view = parsed(tok.doc)
    found = view.kids[tok.i]
    if found is None:  # the doc's own tokens, by the head column: no new Token objects
        tokens = view.tokens
        found = view.kids[tok.i] = [tokens[j] for j in view.kid_idx[tok.i]]
    return found


def lefts_of(tok: Token) -> list[Token]:
    """``list(tok.lefts)``: the children before the token."""
    return [c for c in children_of(tok) if c.i < tok.i]


def subtree_range(tok: Token) -> tuple[int, int]:
    """Token indices [a, b) of ``tok``'s subtree (projective parses keep it contiguous)."""
    return tok.left_edge.i, tok.right_edge.i + 1
