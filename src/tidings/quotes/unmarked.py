"""Unmarked quotes: first-person sentences outside quotation marks in a third-person report.

Content farms strip quotation marks, leaving a speaker's words ("We wouldn't tolerate that.") as
bare sentences of the narrative.  In an article whose own voice is third person, a sentence
outside every quotation and every attribution whose subject is "I" or "we" is such a quote.  An
article that speaks in the first person itself (a column, a blog post) yields none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tidings.model import Quote
from tidings.parsed import children_of, parsed

FIRST_PERSON = frozenset("i we".split())
FIRST_PERSON_ANY = frozenset("i we me us my our mine ours myself ourselves".split())
#: share of narrative sentences in the first person above which the article's own voice is first person
MAX_FIRST_PERSON_SHARE = 0.2
MAX_FIRST_PERSON_SENTENCES = 3


def _first_person_subject(sent: list[Token]) -> bool:
    """``sent``: the tokens of one sentence."""
    for t in sent:
        if t.lower_ in FIRST_PERSON and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in (
                "ROOT", "conj", "ccomp"):
            return True
    return False


def find_unmarked(text: str, doc: Doc, in_quote: list[bool], taken: list[tuple[int, int]],
                  cue_tokens: set[int]) -> list[Quote]:
    view = parsed(doc)
    # each sentence with its tokens, sliced from the doc's token list once
    narrative: list[tuple[Span, list[Token]]] = []
    for sent in view.sents:
        if any(in_quote[sent.start : sent.end]):
            continue
        toks = view.tokens[sent.start : sent.end]
        words = [t for t in toks if t.is_alpha]
        if len(words) < 3:
            continue
        narrative.append((sent, toks))
    if not narrative:
        return []
    first = [(s, toks) for s, toks in narrative if any(t.lower_ in FIRST_PERSON_ANY for t in toks)]
    if len(first) > MAX_FIRST_PERSON_SENTENCES or len(first) > MAX_FIRST_PERSON_SHARE * len(narrative):
        return []
    out: list[Quote] = []
    for sent, toks in first:
        if not _first_person_subject(toks):
            continue
        s, e = sent.start_char, sent.end_char
        while e > s and text[e - 1].isspace():
            e -= 1
        if any(not (e <= a or s >= b) for a, b in taken):
            continue
        # a sentence with its own cue reports speech in the narrative ("we asked him") rather
        # than being a quote itself
        if any(t.i in cue_tokens and t.dep_ == "ROOT" and not any(
                c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in children_of(t)) for t in toks):
            continue
        out.append(Quote(text=text[s:e], start=s, end=e, kind="unmarked", cue=None, speaker=None,
                         confidence=0.4))
    return out
