"""The shared state of quote extraction: an article's cues, quotations and paragraphs by
token and offset (``Context``), and the quotes found so far (``Found``) with their
attribution (``Attribution``)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tidings.parsed import children_of, parsed
from tidings.quotes.cues import Cue, cue_at, may_cue
from tidings.quotes.marks import Quoted, paragraph_spans
from tidings.quotes.speakers import Resolution, agrees_above, is_when, mention_span, subject_of

SENT_END = frozenset(".!?")
CONTENT_DEPS = frozenset(("ccomp", "parataxis", "xcomp"))
OBJECT_DEPS = frozenset(("dobj", "oprd", "attr"))
#: verbs whose object is the person spoken to, not what is said
ADDRESSEE_VERBS = frozenset("tell ask inform assure advise urge warn thank".split())
MAX_WINDOW = 40
DASHES = ("-", "\u2014", "\u2013", "\u2015", "\u2012")


@dataclass
class Attribution:
    cue: Cue | None
    speaker_tok: Token | None
    speaker_span: Span | None
    base: float  # confidence of the attribution before name resolution
    mode: str


@dataclass
class Found:
    pieces: list[tuple[int, int]]
    kind: str
    attribution: Attribution | None
    quotations: list[int] = field(default_factory=list)
    resolution: Resolution | None = None
    frame_end: int | None = None  # end of the attribution clause after the quote

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def attribution_end(self) -> int:
        end = max(self.end, self.frame_end or 0)
        a = self.attribution
        if a is not None:
            if a.cue is not None:
                end = max(end, a.cue.end)
            if a.speaker_span is not None:
                end = max(end, a.speaker_span.end_char)
        return end


class Context:
    """Per-article lookups: tokens by offset, quotations by token, paragraphs, cues."""

    def __init__(self, text: str, doc: Doc, quotations: list[Quoted]) -> None:
        self.text = text
        self.doc = doc
        self.quotations = quotations
        view = parsed(doc)
        self.tok_starts = view.idx
        self.paras = paragraph_spans(text)
        self.para_starts = [s for s, _ in self.paras]
        self.qid: list[int] = [-1] * len(doc)
        for k, q in enumerate(quotations):
            a, b = self.tok_range(q.outer_start, q.outer_end)
            for i in range(a, b):
                self.qid[i] = k
        self.in_quote = [k >= 0 for k in self.qid]
        self.cues: dict[int, Cue] = {}
        self.subjects: dict[int, Token] = {}
        self.subject_spans: dict[int, Span] = {}
        lower, lemma = view.lower, view.lemma
        for i, (quoted, punct, space) in enumerate(zip(self.in_quote, view.is_punct, view.is_space)):
            if quoted or punct or space or not may_cue(lower[i], lemma[i]):
                continue
            tok = view.tokens[i]
            cue = cue_at(tok)
            if cue is None:
                continue
            self.cues[tok.i] = cue
            subj = subject_of(cue, lambda t: not self.in_quote[t.i])
            if subj is not None and is_when(subj) and subj.pos_ != "PRON":
                # "Jordan said Monday" misparsed with the day as subject: no speaker
                subj = None
            if subj is not None:
                self.subjects[tok.i] = subj
        #: cue -> the token its clausal content stops before (see ``_second_verbs_of_saying``)
        self.content_stops: dict[int, int] = {}
        self._second_verbs_of_saying()

    def _second_verbs_of_saying(self) -> None:
        """'Carson said he plans a trip, insisting that ...' and 'Spicer said the party was not in
        a crisis, and urged that ...': the parser often hangs a second verb of saying on the
        reported clause, but a verb of saying with a clause of its own, after a comma or an "and"
        and with no subject of its own, reports more words of the same speaker; it ends the first
        content and takes its speaker."""
        doc = self.doc
        for p_i, cue in self.cues.items():
            p = cue.head
            if p_i == 0 or not cue.speech or not any(c.dep_ == "ccomp" for c in children_of(p)):
                continue
            participle = p.tag_ == "VBG" and p.dep_ == "advcl" and doc[p_i - 1].text == ","
            conjunct = p.dep_ == "conj" and doc[p_i - 1].lower_ in ("and", ",") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in children_of(p))
            if not (participle or conjunct) or p.head.i in self.cues:
                continue  # hung on another verb of saying: it shares that verb's subject
            tok = p.head
            for _ in range(4):
                outer = tok.head
                if tok.dep_ == "ccomp" and not (outer.i in self.cues and self.cues[outer.i].speech):
                    break  # the first clause up is someone else's ("requested that ... and indicated")
                if tok.dep_ == "ccomp" and outer.i != p_i:
                    stop = p_i - 1
                    while stop > outer.i + 1 and doc[stop - 1].text in (",", "and"):
                        stop -= 1  # ", and urged": the content ends before the comma
                    self.content_stops[outer.i] = stop
                    if outer.i in self.subjects:
                        self.subjects[p_i] = self.subjects[outer.i]
                        self.subject_spans.pop(p_i, None)
                        if outer.i in self.subject_spans:
                            self.subject_spans[p_i] = self.subject_spans[outer.i]
                    break
                if outer.i == tok.i:
                    break
                tok = outer

    def content_end(self, cue_i: int, a: int, b: int) -> int:
        """End of the content [a, b) of a cue: before a second verb of saying of the same speaker
        and before a second act of the subject (``before_second_act``)."""
        stop = self.content_stops.get(cue_i)
        if stop is not None and a < stop < b:
            b = stop
        return before_second_act(self.doc, a, b, self.doc[cue_i])

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [a, b) of the tokens that start within [start, end)."""
        return bisect.bisect_left(self.tok_starts, start), bisect.bisect_left(self.tok_starts, end)

    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def is_boundary(self, tok: Token) -> bool:
        """A sentence end outside quotations."""
        if tok.text in SENT_END or tok.text == "...":
            return True
        return "\n" in tok.text


_FINITE = frozenset(("VBD", "VBZ", "VBP"))


def _unverbal(tok: Token) -> bool:
    """A noun, an adjective or a gerund: what a finite verb cannot be coordinated with (a base
    form or a participle can be, after its auxiliary: "did not condone X and hoped Y")."""
    return tok.pos_ in ("NOUN", "PROPN", "ADJ", "PRON") or tok.tag_ == "VBG"


def _second_act(t: Token, a: int, cue: Token | None) -> bool:
    """A verb coordinated inside a content that is the subject's next act, not the reported one:
    finite after a noun, an adjective or a gerund ("proposed conducting surveillance and signaled
    support"), or in the cue's tense where the reported verb has another ("denies that the crime
    was a genocide and goes on to ..." : "goes" agrees with "denies", not with "was")."""
    if t.dep_ != "conj" or not a <= t.head.i < t.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in children_of(t)):
        return False
    if t.tag_ in _FINITE and _unverbal(t.head):
        return True
    return cue is not None and agrees_above(t, cue)


def before_second_act(doc: Doc, a: int, b: int, cue: Token | None = None) -> int:
    """End of the content [a, b) before a verb with no subject coordinated inside it that is the
    subject's second act (``_second_act``: the parser hung it on the wrong word).  A clause with a
    subject of its own ("explains his plan and why he wants it") is part of the content."""
    for t in doc[a:b]:
        if _second_act(t, a, cue):
            cut = t.left_edge.i
            while cut > a and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].text in (",", ";")):
                cut -= 1
            return cut
    return b


def before_colon_quotation(doc: Doc, a: int, b: int) -> int:
    """End of a content [a, b) before a colon that introduces a quotation after words of the
    content's own ('want a second bridge - From the report: "..."', 'was thinking: "..."'): the
    quotation is words of their own, not part of the content."""
    for i in range(a + 1, b - 1):
        if doc[i].is_quote:
            return b
        if doc[i].text == ":" and doc[i + 1].is_quote:
            return i
    return b


def hung_quotation_end(doc: Doc, in_quote: list[bool], cue_i: int, b: int) -> int:
    """End of a content [.., b) that a quotation right after it completes, when the parser hung
    the quotation on the cue rather than in the content ('pledged to oppose legal status "today,
    tomorrow, forever."', 'pointed to a finding that security was inadequate "despite repeated
    requests"'); ``b`` otherwise."""
    j = b
    while j < len(doc) and doc[j].is_space:
        j += 1
    if j >= len(doc) or not in_quote[j] or not doc[j].is_quote or (b > 0 and in_quote[b - 1]):
        return b
    end = j
    while end < len(doc) and in_quote[end]:
        end += 1
    if doc[end - 1].sent != doc[cue_i].sent:
        return b
    tops = [t for t in doc[j:end] if not t.is_punct and not j <= t.head.i < end]
    if not tops or any(t.head.i != cue_i for t in tops):
        return b
    words = doc[j + 1:end - 1]
    # (a title named after the content, 'on ABC's "This Week."', completes nothing)
    return b if titled(words.text, words) else end


def within_paragraph(doc: Doc, at: int, r: tuple[int, int]) -> tuple[int, int]:
    """The token range ``r`` cut at the first line break between it and token ``at``: the parser
    may run a sentence on over a paragraph break, and a content stays in its cue's paragraph."""
    a, b = r
    if a > at:
        for i in range(at + 1, b):
            if "\n" in doc[i].text:
                return (a, max(a, i))
    elif b <= at:
        for i in range(at - 1, a - 1, -1):
            if "\n" in doc[i].text:
                return (min(i + 1, b), b)
    return a, b


def word_count(text: str, start: int, end: int) -> int:
    return sum(1 for w in text[start:end].split() if any(ch.isalnum() for ch in w))


def named(span: Span | None, base: float, mode: str) -> Attribution | None:
    """An attribution to the speaker ``span`` names, with no cue (a label, a dash, an intro), or
    None when there is no span."""
    if span is None:
        return None
    return Attribution(cue=None, speaker_tok=span.root, speaker_span=span, base=base, mode=mode)


def attribution(ctx: Context, cue_i: int, base: float, mode: str) -> Attribution:
    cue = ctx.cues[cue_i]
    subj = ctx.subjects.get(cue_i)
    span = None
    if subj is not None and subj.lower_ in ("that", "which") and subj.head.dep_ == "relcl" \
            and subj.head.head.i != subj.head.i:
        # "Marc Morial, who said ...": the speaker is the noun the relative clause hangs on
        subj = subj.head.head
    if cue_i in ctx.subject_spans:
        span = ctx.subject_spans[cue_i]
    elif subj is not None:
        span = mention_span(subj)
        if len(span) == 0:
            span = ctx.doc[subj.i: subj.i + 1]
    else:
        base *= 0.6
    return Attribution(cue=cue, speaker_tok=subj, speaker_span=span, base=base, mode=mode)


def quote_tokens(ctx: Context, k: int) -> tuple[int, int]:
    q = ctx.quotations[k]
    return ctx.tok_range(q.outer_start, q.outer_end)


def is_short(ctx: Context, q: Quoted) -> bool:
    return sum(word_count(ctx.text, s, e) for s, e in q.pieces) <= 3


def title_like(ctx: Context, q: Quoted) -> bool:
    """A quoted title or name ("Morning Joe", "The Art of the Deal"): ``titled``."""
    a, b = ctx.tok_range(q.start, q.end)
    return titled(ctx.text[q.start:q.end], ctx.doc[a:b])


def titled(text: str, words_of: Span) -> bool:
    """Whether the quoted ``text`` (its tokens ``words_of``) reads as a title or a name: every
    content word is capitalised and there is no sentence punctuation but the sentence's own full
    stop or comma, which American style sets inside the marks ('on ABC's "This Week."')."""
    text = text.rstrip()
    if text.endswith((".", ",")):
        text = text[:-1]
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if not words or len(words) > 8:
        return False
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"}
    if any(ch in text for ch in ".!?"):
        return False
    if len(words) == 1 and any(t.pos_ == "ADJ" or t.ent_type_ == "NORP" for t in words_of):
        # a quoted adjective or nationality is a word someone used ('the judge was "Mexican"'),
        # not a name
        return False
    return all(w[0].isupper() or w.lower() in small for w in words)
