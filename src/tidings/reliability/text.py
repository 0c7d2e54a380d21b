"""Text helpers shared by the detectors: quotation-mark spans, sentences outside quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from tidings.parsed import parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_OPEN = "“"
_CLOSE = "”"
_PARA = re.compile(r"\n\s*\n")
_MARK = re.compile(f'[{_OPEN}{_CLOSE}"]')


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages (marks included), paired within each paragraph.

    Curly marks pair by direction, straight marks in order; an opening mark left unclosed at the
    end of a paragraph runs to the paragraph's end (a quote continued in the next paragraph).
    """
    spans: list[tuple[int, int]] = []
    for p0, p1 in _paragraph_bounds(text):
        open_at: int | None = None
        for m in _MARK.finditer(text, p0, p1):  # only these characters change the state
            i = m.start()
            ch = text[i]
            if ch == _OPEN or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = i
            elif ch == _CLOSE or ch == '"':
                if open_at is not None:
                    spans.append((open_at, i + 1))
                    open_at = None
        if open_at is not None:
            spans.append((open_at, p1))
    return spans


#: a single quotation mark that opens a quote: at the start of a paragraph or after a space or an
#: opening bracket or dash, before a letter or digit ("'We were never ...", "‘My brother ...")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[\w\"“])", re.MULTILINE)
#: one that closes it: after a letter, digit or punctuation, before a space, punctuation or the
#: end ("... other options,' he said"); an apostrophe inside a word ("don't") is neither
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?;:…\"”])['’](?=[\s,.;:!?)\]—–-]|$)")


def single_quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of passages in single quotation marks, the British convention ('We will stay,' she
    said; ‘Where would we go?’), marks included, paired within each paragraph.  A closing mark
    must end a word; a plural possessive ("the farmers' union") can still end a span early, which
    leaves words outside that were inside, never the other way round."""
    spans: list[tuple[int, int]] = []
    for p0, p1 in _paragraph_bounds(text):
        pos = p0
        while True:
            m = _SINGLE_OPEN.search(text, pos, p1)
            if m is None:
                break
            c = _SINGLE_CLOSE.search(text, m.end(), p1)
            if c is None:
                break
            if " " in text[m.end():c.start()]:  # a quote of words, not a clipped 'em or '90s
                spans.append((m.start(), c.end()))
            pos = c.end()
    return spans


class QuoteMask:
    """Answers "is this offset inside quotation marks?" quickly."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] | None = None) -> None:
        """``quoted``: further passages known to be quoted (the quotes stage's direct quotes,
        whatever marks they use: ``like this'' in some archives' text)."""
        self.spans = sorted(quoted_spans(text) + single_quoted_spans(text) + list(quoted or []))
        self._inside = bytearray(len(text) + 1)
        for s, e in self.spans:
            self._inside[s:e] = b"\x01" * (e - s)

    def inside(self, offset: int) -> bool:
        return 0 <= offset < len(self._inside) and bool(self._inside[offset])

    def token_inside(self, tok: Token) -> bool:
        return self.inside(tok.idx)

    def count_inside(self, start: int, end: int) -> int:
        """How many offsets of [start, end) are inside quotation marks."""
        return self._inside.count(1, max(start, 0), max(end, 0))


@dataclass
class Sentence:
    span: Span
    start: int
    end: int
    outside: list[Token]  # tokens outside quotation marks (punctuation and space excluded)
    quoted_chars: int  # characters of the sentence inside quotation marks

    @cached_property
    def first_person(self) -> bool:
        """Whether a token outside quotation marks is a first-person pronoun (asked by more
        than one detector: answered once)."""
        return any(is_first_person(t) for t in self.outside)


def sentences(doc: Doc, mask: QuoteMask) -> Iterator[Sentence]:
    view = parsed(doc)
    tokens, text = view.tokens, view.text
    space, punct, idx = view.is_space, view.is_punct, view.idx
    for sent in view.sents:
        start, end = sent.start_char, sent.end_char
        raw = text[start:end]  # Span.text, without joining its tokens again
        if not raw.strip():
            continue
        outside = [tokens[i] for i in range(sent.start, sent.end)
                   if not space[i] and not punct[i] and not mask.inside(idx[i])]
        quoted = mask.count_inside(start, end)
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        yield Sentence(sent, start, end, outside, quoted)


FIRST_PERSON = frozenset({"I", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})


def is_first_person(tok: Token) -> bool:
    t = tok.text
    if t == "I":
        return tok.pos_ == "PRON"
    if t in ("US", "Us"):  # "US" is the country
        return False
    return t.lower() in FIRST_PERSON and t.lower() != "i"


def is_second_person(tok: Token) -> bool:
    return tok.text.lower() in SECOND_PERSON


# verbs and phrases that attribute words to someone
SPEECH_LEMMAS = frozenset(
    """say tell add state announce claim note explain report ask insist warn confirm deny reply
    respond write tweet argue comment declare acknowledge admit describe urge reiterate stress
    emphasise emphasize predict suggest recall quip concede assert contend testify allege""".split()
)


def is_speech_cue(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_LEMMAS


def has_according_to(sent: Span) -> bool:
    toks = list(sent)
    return any(a.lower_ == "according" and b.lower_ == "to" for a, b in zip(toks, toks[1:]))


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’\-]*", text)
