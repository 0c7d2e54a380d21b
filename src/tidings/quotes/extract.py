"""Quote extraction: direct, mixed, indirect and unmarked quotes with cue and speaker.

The order of the passes:

1. pair the quotation marks (``marks``);
2. find every cue outside quotations (``cues``) and its speaker (``speakers``);
3. a quotation inside the complement of a cue ("Lavrov said the report had "frozen" ties") is a
   mixed quote, or a direct one when the complement is nothing but the quotation;
4. a quotation next to a cue ("...," he said / X told reporters: "...") is a direct quote;
   "...," he said, "..." is one quote in two pieces; "... -Commissioner X" and a paragraph ending in
   a colon ("From Chairwoman Y:") introduce quotes too, and so does a sentence just before the
   quote whose cue has no content of its own ("Smith spoke to reporters.");
5. a quotation with no cue continues the previous speaker only when nothing but the quote
   stands between them (same paragraph, or a paragraph that is only the quote); otherwise it is
   kept with no speaker; quotations of one to three words with no cue are scare quotes, dropped;
6. cues with a clausal complement and no quotation give indirect quotes;
7. first-person sentences outside quotation marks in a third-person report give unmarked quotes.

``confidence`` is the estimated probability that the quote and its speaker (or its lack of one)
are both right.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from tidings.model import Article, Quote, Speaker
from tidings.parsed import children_of, parsed
from tidings.quotes.attitudes import find_attributions
from tidings.quotes.cues import COMPARE_VERBS, CONTENT_PREPS, Cue, cue_at, may_cue
from tidings.quotes.marks import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    Quoted,
    find_quotations,
    paragraph_spans,
)
from tidings.quotes.speakers import Resolution, Resolver, mention_span, subject_of
from tidings.quotes.unmarked import find_unmarked

_SENT_END = frozenset(".!?")
_CONTENT_DEPS = frozenset(("ccomp", "parataxis", "xcomp"))
_OBJECT_DEPS = frozenset(("dobj", "oprd", "attr"))
#: verbs whose object is the person spoken to, not what is said
_ADDRESSEE_VERBS = frozenset("tell ask inform assure advise urge warn thank".split())
_MAX_WINDOW = 40
_DASHES = ("-", "\u2014", "\u2013", "\u2015", "\u2012")
#: a quote with no cue right after a quote of the same paragraph joins it as a further piece
MERGE_CONTINUATIONS = True


@dataclass
class _Attribution:
    cue: Cue | None
    speaker_tok: Token | None
    speaker_span: Span | None
    base: float  # confidence of the attribution before name resolution
    mode: str


@dataclass
class _Found:
    pieces: list[tuple[int, int]]
    kind: str
    attribution: _Attribution | None
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


class _Context:
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
            if subj is not None and subj.ent_type_ in ("DATE", "TIME") and subj.pos_ != "PRON":
                # "Jordan said Monday" misparsed with the day as subject: no speaker
                subj = None
            if subj is not None:
                self.subjects[tok.i] = subj

    def tok_range(self, start: int, end: int) -> tuple[int, int]:
        """Token indices [a, b) of the tokens that start within [start, end)."""
        return bisect.bisect_left(self.tok_starts, start), bisect.bisect_left(self.tok_starts, end)

    def tok_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, char) - 1)

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, char) - 1)

    def is_boundary(self, tok: Token) -> bool:
        """A sentence end outside quotations."""
        if tok.text in _SENT_END or tok.text == "...":
            return True
        return "\n" in tok.text


def _words(text: str, start: int, end: int) -> int:
    return sum(1 for w in text[start:end].split() if any(ch.isalnum() for ch in w))


def _complement_like(clause: Token) -> bool:
    """A clause the parser hung on a cue as an adverbial but that reads as its complement: an
    infinitive ("told supporters to 'go vote'") or a that-clause ("tweeted early that X was 'a con'")."""
    first = clause.left_edge
    if first.lower_ == "to" and first.i < clause.i:
        return True
    return any(c.lower_ == "that" and c.dep_ in ("mark", "advmod") and c.i < clause.i
               for c in children_of(clause))


def _content_region(cue: Cue, clausal_only: bool = False) -> tuple[int, int] | None:
    """Token range [a, b) of a cue's clausal complement (or of the clause "according to" hangs on)."""
    head = cue.head
    doc = head.doc
    if cue.according:
        host = head.head
        if host.i == head.i:
            return None
        sent = host.sent
        a, b = sent.start, sent.end
        acc_a, acc_b = head.left_edge.i, head.right_edge.i + 1
        if acc_a <= a + 1:
            return (acc_b, b)
        return (a, acc_a)
    deps = _CONTENT_DEPS
    if clausal_only:
        deps = frozenset(("ccomp",))
    elif head.lemma_ not in _ADDRESSEE_VERBS:
        deps = deps | _OBJECT_DEPS
    preps = CONTENT_PREPS | {"to"} if head.lemma_.lower() in COMPARE_VERBS else CONTENT_PREPS
    if clausal_only:
        preps = frozenset()
    ranges = [(c.left_edge.i, c.right_edge.i + 1) for c in children_of(head)
              if c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in preps)
              or (not clausal_only and c.dep_ == "advcl" and c.i > head.i and _complement_like(c))]
    if any(c.dep_ == "prep" and c.lower_ in ("of", "to") and c.lower_ in preps for c in children_of(head)):
        # "accused the leader of 'recklessness'", "likened them to a 'snake'": what is said is
        # the prepositional phrase; the object is its target
        ranges = [(c.left_edge.i, c.right_edge.i + 1) for c in children_of(head)
                  if not (c.dep_ in _OBJECT_DEPS and c.i > head.i) and (
                      c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in preps))]
    if not ranges:
        # a cue parsed as the complement of its own quotation: '"...," he said' with said as ccomp
        return None
    a = min(r[0] for r in ranges)
    b = max(r[1] for r in ranges)
    if a < head.i < b:
        # content on both sides of the cue: keep the side holding the bulk
        before = [r for r in ranges if r[1] <= head.i]
        after = [r for r in ranges if r[0] > head.i]
        if after:
            a, b = min(r[0] for r in after), max(r[1] for r in after)
        elif before:
            a, b = min(r[0] for r in before), max(r[1] for r in before)
    tokens = parsed(doc).tokens
    while a < b and (tokens[a].is_punct and not tokens[a].is_quote or tokens[a].is_space):
        a += 1
    # a dash after a quotation opens an aside: '... to "burning the Constitution" - a charge that'
    seen_quote = False
    for i in range(a, b):
        t = tokens[i]
        if t.is_quote:
            seen_quote = True
        elif seen_quote and t.text in _DASHES + ("--",) and tokens[i - 1].is_quote:
            b = i
            break
    return (a, b) if b > a else None


def extract_quotes(article: Article, doc: Doc) -> list[Quote]:
    """All quotes of an article; ``doc`` is the spaCy parse of exactly ``article.text``."""
    text = article.text or ""
    if not text.strip() or len(doc) == 0:
        return []
    quotations = find_quotations(text)
    quotations, labels = _split_turns(text, doc, quotations)
    ctx = _Context(text, doc, quotations)
    resolver = Resolver(doc, ctx.in_quote, list(ctx.subjects.values()))
    found: list[_Found] = []
    used: set[int] = set()
    used_cues: set[int] = set()

    _pass_turns(ctx, labels, resolver, found, used)
    _pass_complements(ctx, found, used, used_cues)
    _pass_adjacent(ctx, found, used, used_cues)
    _pass_indirect(ctx, found, used_cues)

    found.sort(key=lambda f: f.start)
    found = _merge_shared_cues(found)
    for f in found:
        a = f.attribution
        if a is not None and a.speaker_tok is not None and f.resolution is None:
            f.resolution = resolver.resolve(a.speaker_tok)

    found = _pass_floating(ctx, found, used)
    _pass_repeated(ctx, found)
    quotes = [_to_quote(text, f) for f in found]
    cue_heads = {f.attribution.cue.head.i for f in found
                 if f.attribution is not None and f.attribution.cue is not None}
    attributed = [q for q in quotes if q.speaker is not None or q.cue is not None]
    extra = find_attributions(text, doc, ctx.in_quote, [(q.start, q.end) for q in attributed],
                              cue_heads, resolver)
    # a quotation left with no speaker that an attribution now holds ('Beck called Palin a
    # "clown"') is part of that mixed quote
    mixed = [(q.start, q.end) for q in extra if q.kind == "mixed"]
    quotes = [q for q in quotes if q.speaker is not None or q.cue is not None
              or not any(s <= q.start and q.end <= e for s, e in mixed)]
    quotes.extend(extra)
    quotes.extend(find_unmarked(text, doc, ctx.in_quote, [(q.start, q.end) for q in quotes],
                                set(ctx.cues)))
    quotes.sort(key=lambda q: q.start)
    return quotes


# ---------------------------------------------------------------------- passes

#: "WALLACE:" / "JAKE TAPPER:" opening a paragraph of a transcript
_TURN_LABEL = re.compile(r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}:[ \t\u00a0]+")


def _split_turns(text: str, doc: Doc, quotations: list[Quoted]
                 ) -> tuple[list[Quoted], dict[int, tuple[int, int]]]:
    """A quoted transcript ('"WALLACE: ...' / '"PENCE: ...') is one quotation per turn, each
    spoken by its label.  A label counts only when it names a person of the article (the surname
    of a PERSON entity) and at least two people take turns, so "UPDATE:" or "VIDEO:" never do.
    Returns the quotations with transcripts split, and the label span of each turn."""
    if not quotations or ":" not in text:
        return quotations, {}
    candidates: list[tuple[int, int, int, str]] = []  # (quotation, piece, label end, surname)
    for k, q in enumerate(quotations):
        for n, (s, _) in enumerate(q.pieces):
            m = _TURN_LABEL.match(text, s)
            if m is not None:
                label = m.group(0).split(":")[0]
                candidates.append((k, n, m.end(), label.split()[-1].lower()))
    if not candidates:
        return quotations, {}
    surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON"}
    valid = [c for c in candidates if c[3] in surnames]
    if len({c[3] for c in valid}) < 2:
        return quotations, {}
    by_quote: dict[int, dict[int, int]] = {}
    for k, n, label_end, _ in valid:
        by_quote.setdefault(k, {})[n] = label_end
    out: list[Quoted] = []
    labels: dict[int, tuple[int, int]] = {}
    for k, q in enumerate(quotations):
        turns = by_quote.get(k)
        if not turns:
            out.append(q)
            continue
        cur: Quoted | None = None
        for n, (s, e) in enumerate(q.pieces):
            if n in turns:
                label_end = turns[n]
                cur = Quoted(pieces=[(label_end, e)], open_pos=s if n else q.open_pos,
                             close_pos=q.close_pos if n == len(q.pieces) - 1 else None,
                             close_len=q.close_len, repaired=False)
                if n != len(q.pieces) - 1:
                    cur.close_pos = None
                labels[len(out)] = (s, text.index(":", s))
                out.append(cur)
            elif cur is not None:
                cur.pieces.append((s, e))
            else:
                cur = Quoted(pieces=[(s, e)], open_pos=q.open_pos, close_pos=None)
                out.append(cur)
        if out and out[-1].close_pos is None and q.close_pos is not None:
            out[-1].close_pos = q.close_pos
    return out, labels


def _pass_turns(ctx: _Context, labels: dict[int, tuple[int, int]], resolver: Resolver,
                found: list[_Found], used: set[int]) -> None:
    """Transcript turns: the label is the speaker."""
    for k, (ls, le) in sorted(labels.items()):
        a, b = ctx.tok_range(ls, le)
        if b <= a:
            continue
        span = ctx.doc[a:b]
        att = _Attribution(cue=None, speaker_tok=span.root, speaker_span=span, base=0.85, mode="label")
        label = ctx.text[ls:le].strip()
        res = Resolution(resolver.canonical(label.title()), 0.85)
        found.append(_Found(pieces=list(ctx.quotations[k].pieces), kind="direct", attribution=att,
                            quotations=[k], resolution=res))
        used.add(k)


def _attribution(ctx: _Context, cue_i: int, base: float, mode: str) -> _Attribution:
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
    return _Attribution(cue=cue, speaker_tok=subj, speaker_span=span, base=base, mode=mode)


def _quote_tokens(ctx: _Context, k: int) -> tuple[int, int]:
    q = ctx.quotations[k]
    return ctx.tok_range(q.outer_start, q.outer_end)


def _pass_complements(ctx: _Context, found: list[_Found], used: set[int], used_cues: set[int]) -> None:
    """Quotations inside a cue's complement: mixed (or direct when the complement is the quote)."""
    doc = ctx.doc
    for cue_i, cue in sorted(ctx.cues.items()):
        region = _content_region(cue)
        if region is None:
            continue
        a, b = region
        # the complement stays in the cue's paragraph whatever the sentence splitter did
        pi = ctx.para_of(doc[cue_i].idx)
        p_lo, p_hi = ctx.tok_range(*ctx.paras[pi])
        a, b = max(a, p_lo), min(b, p_hi)
        if b <= a:
            continue
        ks = sorted({ctx.qid[i] for i in range(a, b) if ctx.qid[i] >= 0} - used)
        # quoted titles and names ("Meet the Press") are not anyone's words
        ks = [k for k in ks if not _title_like(ctx, ctx.quotations[k])]
        if not ks:
            continue
        # the complement should not be a tiny part of a long quotation that merely starts in it
        first = ctx.quotations[ks[0]]
        qa, _ = _quote_tokens(ctx, ks[0])
        if qa < a and first.outer_start < doc[a].idx:
            continue
        if cue_i not in ctx.subjects:
            continue
        out_words = [t for t in doc[a:b] if not ctx.in_quote[t.i] and not t.is_punct
                     and not t.is_space and t.lower_ not in ("that", "and", "but")]
        start_char = min(doc[a].idx, ctx.quotations[ks[0]].start)
        last_q = ctx.quotations[ks[-1]]
        end_char = max(doc[b - 1].idx + len(doc[b - 1].text), last_q.end)
        if out_words:
            kind = "mixed"
            pieces = _merge_pieces(ctx, start_char, end_char, [ctx.quotations[k] for k in ks])
            base = 0.85
        else:
            kind = "direct"
            pieces = [p for k in ks for p in ctx.quotations[k].pieces]
            base = 0.9
        if not cue.speech and kind == "direct" and not _glued(ctx, cue_i, ks):
            continue
        if all(_is_short(ctx, ctx.quotations[k]) for k in ks) and kind == "direct" \
                and not _glued(ctx, cue_i, ks):
            continue
        if not cue.speech:
            base -= 0.1
        if any(ctx.quotations[k].repaired for k in ks):
            base *= 0.85
        att = _attribution(ctx, cue_i, base, "complement")
        found.append(_Found(pieces=pieces, kind=kind, attribution=att, quotations=ks))
        used.update(ks)
        used_cues.add(cue_i)


def _merge_pieces(ctx: _Context, start: int, end: int, quotes: list[Quoted]) -> list[tuple[int, int]]:
    """Content pieces of a mixed quote: one span, split only at paragraph breaks."""
    pieces: list[tuple[int, int]] = []
    cur = start
    for q in quotes:
        for s, e in q.pieces[:-1]:
            if e > cur:
                pieces.append((cur, e))
            cur = max(cur, e)
            # the next piece begins after the paragraph break
            nxt = [p for p in q.pieces if p[0] > e]
            if nxt:
                cur = nxt[0][0]
    if end > cur:
        pieces.append((cur, end))
    return pieces or [(start, end)]


def _is_short(ctx: _Context, q: Quoted) -> bool:
    return sum(_words(ctx.text, s, e) for s, e in q.pieces) <= 3


def _glued(ctx: _Context, cue_i: int, ks: list[int]) -> bool:
    """The cue stands right after the quotation ('"No," he said') or right before it after a colon
    or comma ('He said: "No."')."""
    doc = ctx.doc
    q = ctx.quotations[ks[0]]
    qa, qb = _quote_tokens(ctx, ks[0])
    if cue_i >= qb:
        gap = [t for t in doc[qb:cue_i] if not t.is_punct]
        return len(gap) <= 4 and not any(ctx.is_boundary(t) for t in doc[qb:cue_i])
    if cue_i < qa:
        between = doc[cue_i + 1: qa]
        if len(between) > 8:
            return False
        return bool(len(between) == 0 or between[-1].text in (":", ",", "that") or
                    between[-1].i in _audience(ctx, cue_i)) and q is not None
    return False


def _audience(ctx: _Context, cue_i: int) -> set[int]:
    head = ctx.doc[cue_i]
    return {c.i for c in children_of(head) if c.dep_ in ("dobj", "dative", "npadvmod")}


def _window_after(ctx: _Context, k: int) -> list[Token]:
    doc = ctx.doc
    q = ctx.quotations[k]
    _, b = _quote_tokens(ctx, k)
    para_end = ctx.paras[ctx.para_of(q.end)][1] if ctx.paras else len(ctx.text)
    out: list[Token] = []
    for i in range(b, min(len(doc), b + _MAX_WINDOW)):
        t = doc[i]
        if t.idx >= para_end or ctx.in_quote[i]:
            break
        out.append(t)
        if ctx.is_boundary(t):
            break
    return out


def _window_before(ctx: _Context, k: int) -> list[Token]:
    doc = ctx.doc
    q = ctx.quotations[k]
    a, _ = _quote_tokens(ctx, k)
    para_start = ctx.paras[ctx.para_of(q.outer_start)][0] if ctx.paras else 0
    out: list[Token] = []
    for i in range(a - 1, max(-1, a - 1 - _MAX_WINDOW), -1):
        t = doc[i]
        if t.idx < para_start or ctx.in_quote[i] or ctx.is_boundary(t):
            break
        out.append(t)
    out.reverse()
    return out


def _fallback_subject(ctx: _Context, window: list[Token], cue_i: int) -> Span | None:
    """When the parse gives the cue no subject ('"...," Flynn, a surrogate, said' parsed with
    Flynn inside the quotation): the noun phrase between the quotation and the cue, or right
    after the cue ('said Flynn, a surrogate')."""
    doc = ctx.doc
    before = [t for t in window if t.i < cue_i]
    after = [t for t in window if t.i > cue_i]
    for group in (before, after):
        toks: list[Token] = []
        for t in group:
            if t.is_space or (t.is_punct and not toks):
                continue
            if t.text in (",", "(", ";", ":") or ctx.is_boundary(t) or t.i == cue_i:
                break
            if t.pos_ in ("VERB", "AUX", "ADP") and t.lower_ not in ("of",) and not (
                    t.pos_ == "VERB" and t.text[:1].isupper() and t.i not in ctx.cues):
                # (a capitalised "verb" is a name the tagger misread: "Tulsa police Chief")
                break
            if t.ent_type_ in ("DATE", "TIME") or "\n" in t.text:
                if toks:
                    break
                continue
            toks.append(t)
        if toks and any(t.pos_ in ("PROPN", "NOUN") or t.lower_ in ("he", "she", "they")
                        for t in toks):
            return doc[toks[0].i: toks[-1].i + 1]
    return None


def _after_cue(ctx: _Context, k: int, window: list[Token]) -> int | None:
    doc = ctx.doc
    for n, t in enumerate(window):
        near = n <= 10 or (n <= 30 and t.i in ctx.subjects and window[0].i <= ctx.subjects[t.i].i < t.i)
        if t.i in ctx.cues and near:
            # (further than ten tokens only when the cue's own subject stands between: '"...,"
            # Seth McKee, a political scientist at Texas Tech University, told The Hill.')
            cue = ctx.cues[t.i]
            if not cue.speech:
                continue
            if t.i not in ctx.subjects:
                span = _fallback_subject(ctx, window, t.i)
                if span is None:
                    continue
                ctx.subjects[t.i] = span.root
                ctx.subject_spans[t.i] = span
            # a cue with its own clausal content after it reports something else
            if any(c.dep_ == "ccomp" and c.i > t.i and not ctx.in_quote[c.i] and not any(
                    x.is_punct for x in doc[t.i + 1: c.left_edge.i]) for c in children_of(t)):
                return None
            if not cue.according:
                # the subject must be in the window (or right after the cue), not further away
                subj = ctx.subjects[t.i]
                if not (window[0].i <= subj.i <= window[-1].i):
                    continue
            return t.i
        if t.pos_ == "VERB" and t.i not in ctx.cues and t.dep_ not in ("amod", "acl", "relcl", "advcl", "xcomp"):
            # another main verb comes first: "...," the official said later, ... is fine, but
            # "...". Smith left. is not an attribution
            if n > 2 and doc[t.i - 1].lower_ not in ("who", "which"):
                break
    return None


def _name_before(ctx: _Context, window: list[Token], cue_i: int) -> Span | None:
    """When the parse gives a cue before its quotation no subject ('her adviser, Jake Sullivan,
    said: "..."' parsed with the adviser as an appositive of something else): the name right
    before the cue, back to the comma that opens it."""
    toks: list[Token] = []
    for t in reversed([t for t in window if t.i < cue_i]):
        if t.is_space or (t.text == "," and not toks):
            continue
        if t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") or t.ent_type_ in ("DATE", "TIME"):
            break
        toks.append(t)
    toks.reverse()
    if not toks or not any(t.pos_ == "PROPN" for t in toks):
        return None
    return ctx.doc[toks[0].i: toks[-1].i + 1]


def _before_cue(ctx: _Context, k: int, window: list[Token]) -> int | None:
    if not window:
        return None
    last = window[-1]
    for t in reversed(window):
        if t.i not in ctx.cues:
            continue
        cue = ctx.cues[t.i]
        if not cue.speech:
            return None
        if t.i not in ctx.subjects:
            span = _name_before(ctx, window, t.i)
            if span is None:
                return None
            ctx.subjects[t.i] = span.root
            ctx.subject_spans[t.i] = span
        between = [x for x in window if x.i > t.i]
        if not between:
            return t.i
        if last.text in (":", ",", "\u2014", "-", "--") or last.lower_ == "that":
            if len(between) <= 14:
                return t.i
        if last.i in _audience(ctx, t.i):
            return t.i
        return None
    return None


def _dash_speaker(ctx: _Context, window: list[Token], glued_dash: bool = False) -> Span | None:
    """'"..." -Commissioner Jane Roe' / '"..." — Roe, a spokeswoman'."""
    window = [t for t in window if not t.is_space]
    if not window:
        return None
    if glued_dash and window[0].text[:1] not in _DASHES:
        # '...”― Jane Roe': the tokenizer kept the dash with the closing mark
        rest_from = 0
    elif window[0].text[:1] not in _DASHES:
        return None
    else:
        # "-Commissioner" may come as one token
        rest_from = 0 if window[0].text.strip("".join(_DASHES)) else 1
    rest = [t for t in window[rest_from:] if not (t.is_punct and t.text in _SENT_END)
            and not t.is_space]
    if not rest or (rest[0].pos_ not in ("PROPN", "NOUN", "ADJ", "DET") and rest_from == 1):
        return None
    # the speaker runs to the first comma
    stop = len(rest)
    for n, t in enumerate(rest):
        if t.text == ",":
            stop = n
            break
    span = ctx.doc[rest[0].i: rest[stop - 1].i + 1] if stop else None
    if span is None or not any(t.pos_ == "PROPN" for t in span):
        return None
    if any(t.pos_ == "VERB" for t in span):
        return None
    return span


def _intro_paragraph(ctx: _Context, k: int) -> tuple[int | None, Span | None]:
    """The paragraph before a quote that opens its own paragraph ends with a colon: the speaker
    is the subject of its cue, or the name in it ("From Chairwoman Y:")."""
    doc = ctx.doc
    q = ctx.quotations[k]
    pi = ctx.para_of(q.outer_start)
    if pi == 0 or ctx.paras[pi][0] != q.outer_start:
        return None, None
    ps, pe = ctx.paras[pi - 1]
    if ctx.text[pe - 1] != ":":
        return None, None
    a, b = ctx.tok_range(ps, pe)
    # last sentence of that paragraph
    start = a
    for i in range(b - 2, a - 1, -1):
        if ctx.is_boundary(doc[i]) or ctx.in_quote[i]:
            start = i + 1
            break
    for i in range(b - 1, start - 1, -1):
        if i in ctx.cues and ctx.cues[i].speech and i in ctx.subjects:
            return i, None
    ents = [e for e in doc[start:b].ents if e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
    persons = [e for e in ents if e.label_ == "PERSON"]
    if persons:
        return None, persons[-1]
    if ents:
        return None, ents[-1]
    propn = [t for t in doc[start:b] if t.pos_ == "PROPN"]
    if propn:
        return None, doc[propn[0].i: propn[-1].i + 1]
    return None, None


def _sentence_before_cue(ctx: _Context, k: int) -> int | None:
    """'Smith spoke to reporters on Tuesday. "We are not going anywhere."': a speech cue in the
    sentence right before, with no content of its own, introduces the quote."""
    doc = ctx.doc
    q = ctx.quotations[k]
    a, _ = _quote_tokens(ctx, k)
    pi = ctx.para_of(q.outer_start)
    if ctx.paras[pi][0] == q.outer_start:
        if pi == 0:
            return None
        ps, pe = ctx.paras[pi - 1]
        lo, hi = ctx.tok_range(ps, pe)
    else:
        lo, hi = ctx.tok_range(ctx.paras[pi][0], q.outer_start)
    if hi <= lo:
        return None
    end = hi
    while end > lo and (doc[end - 1].is_space):
        end -= 1
    if end <= lo or not ctx.is_boundary(doc[end - 1]):
        return None
    start = lo
    for i in range(end - 2, lo - 1, -1):
        if ctx.is_boundary(doc[i]) or ctx.in_quote[i]:
            start = i + 1
            break
    for i in range(start, end):
        cue = ctx.cues.get(i)
        if cue is None or not cue.speech or cue.according or i not in ctx.subjects:
            continue
        head = doc[i]
        if any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") and c.lower_ not in (
                "reporters", "journalists") and c.i not in _audience_nouns(ctx, i)
               for c in children_of(head)):
            continue
        if any(t.i in ctx.cues and t.i != i for t in doc[start:end]):
            continue
        return i
    return None


def _audience_nouns(ctx: _Context, cue_i: int) -> set[int]:
    from tidings.quotes.cues import AUDIENCE_NOUNS

    return {c.i for c in ctx.doc[cue_i].children if c.lower_ in AUDIENCE_NOUNS}


def _pass_adjacent(ctx: _Context, found: list[_Found], used: set[int], used_cues: set[int]) -> None:
    n = len(ctx.quotations)
    k = 0
    while k < n:
        if k in used:
            k += 1
            continue
        q = ctx.quotations[k]
        after = _window_after(ctx, k)
        before = _window_before(ctx, k)
        short = _is_short(ctx, q)
        att: _Attribution | None = None
        cue_i = _after_cue(ctx, k, after)
        if cue_i is not None and _new_sentence_after(ctx, k, after, cue_i):
            cue_i = None
        if cue_i is not None:
            gap = [t for t in after if t.i < cue_i and not t.is_punct]
            att = _attribution(ctx, cue_i, 0.92 if len(gap) <= 4 else 0.8, "after")
        else:
            cue_i = _before_cue(ctx, k, before)
            if cue_i is not None:
                att = _attribution(ctx, cue_i, 0.88, "before")
        if att is None:
            glued = q.closed and ctx.text[q.outer_end:q.outer_end + 1] in _DASHES and \
                bool(after) and after[0].idx > q.outer_end
            span = _dash_speaker(ctx, after, glued)
            if span is not None:
                att = _Attribution(cue=None, speaker_tok=span.root, speaker_span=span, base=0.8,
                                   mode="dash")
        if att is None and not short:
            ci, span = _intro_paragraph(ctx, k)
            if ci is not None:
                att = _attribution(ctx, ci, 0.78, "intro")
            elif span is not None:
                att = _Attribution(cue=None, speaker_tok=span.root, speaker_span=span, base=0.72,
                                   mode="intro")
        if att is None and not short:
            ci = _sentence_before_cue(ctx, k)
            if ci is not None:
                att = _attribution(ctx, ci, 0.72, "previous-sentence")
        if att is None:
            if short or (q.repaired and q.open_pos == q.start):
                k += 1
                continue
            if _title_like(ctx, q) or not _stands_alone(ctx, k):
                k += 1
                continue
            found.append(_Found(pieces=list(q.pieces), kind="direct", attribution=None, quotations=[k]))
            used.add(k)
            k += 1
            continue
        if short and att.mode not in ("after", "before", "dash"):
            k += 1
            continue
        if short and att.mode == "after" and not _glued(ctx, att.cue.head.i if att.cue else -1, [k]):
            k += 1
            continue
        ks = [k]
        pieces = list(q.pieces)
        # "...," he said, "...": the quote goes on after the cue in the same sentence
        if att.mode == "after" and after and k + 1 < n and (k + 1) not in used:
            last = after[-1]
            nq = ctx.quotations[k + 1]
            na, _ = _quote_tokens(ctx, k + 1)
            if not ctx.is_boundary(last) and last.i + 1 == na and \
                    ctx.para_of(nq.outer_start) == ctx.para_of(q.end) and \
                    _frame_only(ctx, att, after):
                ks.append(k + 1)
                pieces.extend(nq.pieces)
        if q.repaired:
            att.base *= 0.85
        frame_end = None
        if att.mode == "after" and after and len(ks) == 1:
            frame_end = after[-1].idx + len(after[-1].text)
        found.append(_Found(pieces=pieces, kind="direct", attribution=att, quotations=ks,
                            frame_end=frame_end))
        used.update(ks)
        if att.cue is not None:
            used_cues.add(att.cue.head.i)
        k = ks[-1] + 1


def _new_sentence_after(ctx: _Context, k: int, window: list[Token], cue_i: int) -> bool:
    """The quotation ends its sentence with a full stop and what follows starts a new one with a
    capital that is not the speaker ('"... kidding." To which she said, "..."'): the cue after it
    introduces the next quotation, not this one."""
    q = ctx.quotations[k]
    if not ctx.text[q.start:q.end].rstrip().endswith("."):
        return False
    words = [t for t in window if not t.is_punct and not t.is_space]
    if not words or not words[0].text[:1].isupper():
        return False
    subj = ctx.subject_spans.get(cue_i)
    if subj is None and cue_i in ctx.subjects:
        subj = mention_span(ctx.subjects[cue_i])
    if subj is not None and subj.start <= words[0].i < max(subj.end, subj.start + 1):
        return False
    return words[0].i != cue_i


def _frame_only(ctx: _Context, att: _Attribution, window: list[Token]) -> bool:
    """Between a quotation and the next one stands nothing but the attribution ('"A," she said
    on Monday, "B"'): no clause of its own ('"A," she said, but as Trump went on about "B"')."""
    if att.cue is None:
        return False
    cue_i = att.cue.head.i
    span = att.speaker_span
    rest = [t for t in window if t.i > cue_i and not t.is_punct and not t.is_space
            and not (span is not None and span.start <= t.i < span.end)]
    if len(rest) > 8:
        return False
    # "she said, but as Trump went on about": a clause with a subject of its own
    return not any(t.dep_ in ("nsubj", "nsubjpass", "expl") or t.pos_ == "SCONJ" for t in rest)


def _stands_alone(ctx: _Context, k: int) -> bool:
    """A quotation with no cue counts only when it is a sentence of its own: it opens its
    paragraph or follows a sentence end, a colon or another quotation.  A fragment in the middle
    of a narrative sentence with no cue is a scare quote or a phrase, not a quote."""
    doc = ctx.doc
    q = ctx.quotations[k]
    a, _ = _quote_tokens(ctx, k)
    para_start = ctx.paras[ctx.para_of(q.outer_start)][0]
    i = a - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].idx < para_start:
        return True
    prev = doc[i]
    if ctx.in_quote[i]:
        return ctx.text[max(0, prev.idx - 1): prev.idx + len(prev.text)].strip()[:1] in _SENT_END \
            or prev.is_quote
    return ctx.is_boundary(prev) or prev.text in (":", ")", "\u2014", "--")


def _title_like(ctx: _Context, q: Quoted) -> bool:
    """A quoted title or name ("Morning Joe", "The Art of the Deal"): every content word is
    capitalised and there is no sentence punctuation."""
    text = ctx.text[q.start:q.end]
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    if not words or len(words) > 8:
        return False
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with"}
    if any(ch in text for ch in ".!?"):
        return False
    return all(w[0].isupper() or w.lower() in small for w in words)


def _merge_shared_cues(found: list[_Found]) -> list[_Found]:
    """Two direct quotations attributed to one cue ('"...," she said, "..."') are one quote."""
    out: list[_Found] = []
    by_cue: dict[int, _Found] = {}
    for f in found:
        a = f.attribution
        if f.kind == "direct" and a is not None and a.cue is not None:
            key = a.cue.head.i
            first = by_cue.get(key)
            if first is not None and first.kind == "direct":
                first.pieces.extend(f.pieces)
                first.quotations.extend(f.quotations)
                first.frame_end = None
                continue
            by_cue[key] = f
        out.append(f)
    return out


def _pass_indirect(ctx: _Context, found: list[_Found], used_cues: set[int]) -> None:
    doc = ctx.doc
    taken = [(f.start, f.end) for f in found]
    for cue_i, cue in sorted(ctx.cues.items()):
        if cue_i in used_cues or not cue.speech or cue_i not in ctx.subjects:
            continue
        head = doc[cue_i]
        if any(c.dep_ == "neg" for c in children_of(head)):
            continue
        subj = ctx.subjects[cue_i]
        if subj.lower_ in ("i", "we", "you") or subj.lower_ in ("it", "this", "that") and not cue.according:
            continue
        region = _content_region(cue, clausal_only=True)
        if region is None:
            continue
        a, b = region
        if any(ctx.in_quote[i] and not _title_like(ctx, ctx.quotations[ctx.qid[i]])
               for i in range(a, b)):
            continue
        span = doc[a:b]
        while len(span) and (span[-1].is_punct or span[-1].is_space):
            span = doc[span.start: span.end - 1]
        if len([t for t in span if t.is_alpha]) < 3:
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        s, e = span.start_char, span.end_char
        if any(not (e <= ts or s >= te) for ts, te in taken):
            continue
        att = _attribution(ctx, cue_i, 0.75, "indirect")
        found.append(_Found(pieces=[(s, e)], kind="indirect", attribution=att))
        taken.append((s, e))


def _clause_end(ctx: _Context, i: int, used: set[int]) -> int:
    """End offset of the sentence (outside quotations) that token ``i`` belongs to."""
    doc = ctx.doc
    para_end = ctx.paras[ctx.para_of(doc[i].idx)][1] if ctx.paras else len(ctx.text)
    end = doc[i].idx + len(doc[i].text)
    for j in range(i, min(len(doc), i + 80)):
        t = doc[j]
        if t.idx >= para_end or (ctx.in_quote[j] and ctx.qid[j] in used):
            break
        end = t.idx + len(t.text)
        if ctx.is_boundary(t) and not ctx.in_quote[j]:
            break
        if ctx.in_quote[j] and ctx.quotations[ctx.qid[j]].outer_end == end and \
                ctx.text[end - 2: end - 1] in _SENT_END:
            break
    return end


def _pass_floating(ctx: _Context, found: list[_Found], used: set[int]) -> list[_Found]:
    """Give a quote with no cue the previous speaker where nothing but the quote stands between."""
    text = ctx.text
    prev: _Found | None = None
    merged: list[_Found] = []
    for f in found:
        if f.attribution is not None:
            if f.attribution.speaker_tok is not None or f.attribution.speaker_span is not None:
                prev = f
            continue
        if prev is None or prev.attribution is None:
            continue
        q = ctx.quotations[f.quotations[0]]
        gap_start = prev.attribution_end()
        pa = prev.attribution
        if pa.cue is not None and pa.cue.start >= prev.end:
            # the attribution clause after the quote runs to the end of its sentence
            gap_start = max(gap_start, _clause_end(ctx, pa.cue.head.i, used))
        if gap_start > q.outer_start:
            continue
        gap = text[gap_start:q.outer_start]
        same_para = ctx.para_of(gap_start) == ctx.para_of(q.outer_start)
        gap_words = _words(text, gap_start, q.outer_start)
        if same_para and gap_words == 0:
            base = 0.68
        elif not same_para and gap_words == 0 and "\n" in gap:
            # a paragraph that is only the quote, right after the speaker's quote
            pi = ctx.para_of(q.outer_start)
            ps, pe = ctx.paras[pi]
            if ps != q.outer_start or _words(text, q.outer_end, pe) > 0:
                continue
            if ctx.para_of(q.outer_start) - ctx.para_of(gap_start) != 1:
                continue
            base = 0.55
        else:
            continue
        if MERGE_CONTINUATIONS and same_para and prev.kind == "direct" and prev.quotations:
            # "...," she said. "...": one quote in several pieces
            prev.pieces.extend(f.pieces)
            prev.quotations.extend(f.quotations)
            prev.frame_end = None
            merged.append(f)
            continue
        f.attribution = _Attribution(cue=None, speaker_tok=pa.speaker_tok, speaker_span=pa.speaker_span,
                                     base=base * (pa.base / 0.9 if pa.base < 0.9 else 1.0),
                                     mode="continued")
        f.resolution = prev.resolution
        prev = f
    return [f for f in found if not any(f is m for m in merged)]


_WORD = re.compile(r"\w+")
#: words an unattributed quotation must share, in order, with an attributed one to be its repeat
REPEAT_MIN_WORDS = 6


def _pass_repeated(ctx: _Context, found: list[_Found]) -> None:
    """A quotation with no speaker that repeats, whole or in part, a quote the article attributes
    elsewhere (a pull quote, a quote recalled later) is the same speaker's."""
    def words(f: _Found) -> str:
        return " ".join(w.lower() for s, e in f.pieces for w in _WORD.findall(ctx.text[s:e]))

    attributed = [(words(f), f) for f in found if f.kind in ("direct", "mixed")
                  and f.attribution is not None and f.attribution.speaker_tok is not None]
    if not attributed:
        return
    for f in found:
        if f.attribution is not None or f.kind != "direct":
            continue
        mine = words(f)
        if len(mine.split()) < REPEAT_MIN_WORDS:
            continue
        for theirs, g in attributed:
            if mine in theirs or (len(theirs.split()) >= REPEAT_MIN_WORDS and theirs in mine):
                ga = g.attribution
                assert ga is not None
                f.attribution = _Attribution(cue=None, speaker_tok=ga.speaker_tok,
                                             speaker_span=ga.speaker_span, base=0.7 * ga.base,
                                             mode="continued")
                f.resolution = g.resolution
                break


_MARK_GLYPHS = DOUBLE_MARKS | SINGLE_MARKS


def _inner_end(text: str, e: int) -> int:
    """End of a piece with the commas the writer put inside its closing mark: the pairing trims
    them ('"We want them to earn a living," she said' -> '...living'), right for a quote's end but
    not inside a split quote, whose joined text would read 'living They'.  A comma after the mark
    ('"...living", she said') is the narrator's, not the speaker's, and stays out."""
    j = e
    last = e
    while j < len(text) and (text[j] == "," or text[j] in " \t"):
        if text[j] == ",":
            last = j + 1
        j += 1
    return last if j < len(text) and text[j] in _MARK_GLYPHS else e


def _to_quote(text: str, f: _Found) -> Quote:
    pieces = [(s, e) for s, e in f.pieces if e > s] or f.pieces
    # a split quote: every piece but the last keeps the punctuation written inside its marks
    # (".", "?", "!", "..." are never trimmed; a trailing comma is), so that the joined text reads
    # as written and each span still slices exactly the source text
    pieces = [(s, _inner_end(text, e)) for s, e in pieces[:-1]] + pieces[-1:]
    start, end = pieces[0][0], pieces[-1][1]
    content = " ".join(text[s:e] for s, e in pieces)
    a = f.attribution
    speaker: Speaker | None = None
    cue_text = cue_start = cue_end = None
    if a is None:
        conf = 0.5
    else:
        res = f.resolution or Resolution(None, 0.8)
        if a.speaker_span is not None:
            sp = a.speaker_span
            s_start, s_end = sp.start_char, sp.end_char
            while s_start < s_end and (text[s_start] in _DASHES or text[s_start].isspace()):
                s_start += 1
            speaker = Speaker(text=text[s_start:s_end], name=res.name, actor=None, start=s_start,
                              end=s_end)
            conf = a.base * (0.55 + 0.45 * res.confidence)
        else:
            conf = a.base * 0.5
        if a.cue is not None and a.mode != "continued":
            cue_text, cue_start, cue_end = a.cue.text, a.cue.start, a.cue.end
    return Quote(text=content, start=start, end=end, kind=f.kind, cue=cue_text, speaker=speaker,
                 confidence=max(0.0, min(1.0, conf)), spans=pieces if len(pieces) > 1 else [],
                 cue_start=cue_start, cue_end=cue_end)
