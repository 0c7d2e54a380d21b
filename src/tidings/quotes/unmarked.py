"""Unmarked quotes: first-person sentences outside quotation marks in a third-person report.

Content farms strip quotation marks, leaving a speaker's words ("We wouldn't tolerate that.") as
bare sentences of the narrative.  In an article whose own voice is third person, a sentence
outside every quotation and every attribution whose subject is "I" or "we" is such a quote.  An
article that speaks in the first person itself (a column, a blog post) yields none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from tidings.model import Quote

FIRST_PERSON = frozenset("i we".split())
FIRST_PERSON_ANY = frozenset("i we me us my our mine ours myself ourselves".split())
#: share of narrative sentences in the first person above which the article's own voice is first person
MAX_FIRST_PERSON_SHARE = 0.2
MAX_FIRST_PERSON_SENTENCES = 3


def _first_person_subject(sent: Span) -> bool:
    for t in sent:
        if t.lower_ in FIRST_PERSON and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in (
                "ROOT", "conj", "ccomp"):
            return True
    return False


def find_unmarked(text: str, doc: Doc, in_quote: list[bool], taken: list[tuple[int, int]],
                  cue_tokens: set[int]) -> list[Quote]:
    narrative: list[Span] = []
    for sent in doc.sents:
        if any(in_quote[t.i] for t in sent):
            continue
        words = [t for t in sent if t.is_alpha]
        if len(words) < 3:
            continue
        narrative.append(sent)
    if not narrative:
        return []
    first = [s for s in narrative if any(t.lower_ in FIRST_PERSON_ANY for t in s)]
    if len(first) > MAX_FIRST_PERSON_SENTENCES or len(first) > MAX_FIRST_PERSON_SHARE * len(narrative):
        return []
    out: list[Quote] = []
    for sent in first:
        if not _first_person_subject(sent):
            continue
        s, e = sent.start_char, sent.end_char
        while e > s and text[e - 1].isspace():
            e -= 1
        if any(not (e <= a or s >= b) for a, b in taken):
            continue
        # a sentence with its own cue reports speech in the narrative ("we asked him") rather
        # than being a quote itself
        if any(t.i in cue_tokens and t.dep_ == "ROOT" and not any(
                c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in t.children) for t in sent):
            continue
        out.append(Quote(text=text[s:e], start=s, end=e, kind="unmarked", cue=None, speaker=None,
                         confidence=0.4))
    return out
