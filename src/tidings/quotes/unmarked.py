"""Unmarked quotes: a speaker's words without quotation marks.

* Words after a cue and a colon ("The minister said: The border will stay closed. Trade will
  wait.") run to the end of the paragraph, across sentences: the colon introduces speech.
* First-person sentences outside quotation marks in a third-person report, as below.

Content farms strip quotation marks, leaving a speaker's words ("We wouldn't tolerate that.") as
bare sentences of the narrative.  In an article whose own voice is third person, a sentence
outside every quotation and every attribution whose subject is "I" or "we" is such a quote.  An
article that speaks in the first person itself (a column, a blog post) yields none.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tidings.model import Quote
from tidings.parsed import children_of, parsed
from tidings.quotes.cues import Cue, colon_after
from tidings.quotes.speakers import Resolver, speaker_at

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
    first: list[tuple[Span, list[Token]]] = []
    is_alpha, lower = view.is_alpha, view.lower
    for sent in view.sents:
        a, b = sent.start, sent.end
        if any(in_quote[a:b]) or sum(is_alpha[a:b]) < 3:
            continue
        toks = view.tokens[a:b]
        narrative.append((sent, toks))
        if not FIRST_PERSON_ANY.isdisjoint(lower[a:b]):
            first.append((sent, toks))
    if not narrative:
        return []
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


#: words the text after a colon needs to be taken as speech
COLON_MIN_WORDS = 4


def find_after_colon(text: str, doc: Doc, in_quote: list[bool], taken: list[tuple[int, int]],
                     cues: dict[int, Cue], subjects: dict[int, Token], used_cues: set[int],
                     paragraphs: list[tuple[int, int]], resolver: Resolver) -> list[Quote]:
    """'X said: words' with no quotation marks: the words to the end of the paragraph."""
    out: list[Quote] = []
    para_ends = [e for _, e in paragraphs]
    for cue_i, cue in sorted(cues.items()):
        if cue_i in used_cues or not cue.speech or cue_i not in subjects:
            continue
        j = colon_after(cue)
        if j is None or j >= len(doc) - 1 or in_quote[j + 1]:
            continue
        start = doc[j + 1].idx
        end = next((e for e in para_ends if e > start), len(text))
        a, b = j + 1, j + 1
        while b < len(doc) and doc[b].idx < end:
            if in_quote[b]:
                break
            b += 1
        if b < len(doc) and doc[b].idx < end:
            continue  # a quotation follows: the marked passes own it
        words = [t for t in doc[a:b] if t.is_alpha]
        if len(words) < COLON_MIN_WORDS:
            continue
        end = doc[b - 1].idx + len(doc[b - 1].text)
        if any(not (end <= ts or start >= te) for ts, te in taken):
            continue
        speaker, factor = speaker_at(text, subjects[cue_i], resolver)
        out.append(Quote(text=text[start:end], start=start, end=end, kind="unmarked",
                         cue=cue.text, speaker=speaker, confidence=0.55 * factor,
                         cue_start=cue.start, cue_end=cue.end))
    return out
