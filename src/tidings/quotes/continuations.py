"""Quotes that continue another: a quotation with no cue right after a speaker's quote, pieces
sharing one cue, a pull quote repeating an attributed quote, a quotation paragraph after a
paragraph that reports its speaker."""

from __future__ import annotations

import re

from spacy.tokens import Token

from tidings.parsed import children_of, parsed
from tidings.quotes.context import SENT_END, Attribution, Context, Found, word_count
from tidings.quotes.predicates import VERBS, verb_lemma
from tidings.quotes.speakers import Resolver, mention_span

#: a quote with no cue right after a speaker's quote (in its paragraph, or a paragraph that is
#: only the quote) joins it as a further piece: one attribution, its content in several spans
MERGE_CONTINUATIONS = True


def merge_shared_cues(found: list[Found]) -> list[Found]:
    """Two direct quotations attributed to one cue ('"...," she said, "..."') are one quote."""
    out: list[Found] = []
    by_cue: dict[int, Found] = {}
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


def _clause_end(ctx: Context, i: int, used: set[int]) -> int:
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
                ctx.text[end - 2: end - 1] in SENT_END:
            break
    return end


def pass_floating(ctx: Context, found: list[Found], used: set[int]) -> list[Found]:
    """Give a quote with no cue the previous speaker where nothing but the quote stands between."""
    text = ctx.text
    prev: Found | None = None
    merged: list[Found] = []
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
        gap_words = word_count(text, gap_start, q.outer_start)
        if same_para and gap_words == 0:
            base = 0.68
        elif not same_para and "\n" in gap and (gap_words == 0 or _rest_of_sentence(ctx, gap_start, gap)):
            # a paragraph that is only the quote, right after the speaker's quote, or after the
            # sentence that reports them ('Carter said that X, but this would not happen.')
            pi = ctx.para_of(q.outer_start)
            ps, pe = ctx.paras[pi]
            if ps != q.outer_start or word_count(text, q.outer_end, pe) > 0:
                continue
            if ctx.para_of(q.outer_start) - ctx.para_of(gap_start) != 1:
                continue
            base = 0.55 if gap_words == 0 else 0.5
        else:
            continue
        if MERGE_CONTINUATIONS and prev.kind == "direct" and prev.quotations:
            # "...," she said. "...": one quote in several pieces; across a paragraph break the
            # speaker is less certain, and so is the whole quote
            if not same_para:
                pa.base = min(pa.base, base)
            prev.pieces.extend(f.pieces)
            prev.quotations.extend(f.quotations)
            prev.frame_end = None
            merged.append(f)
            continue
        f.attribution = Attribution(cue=None, speaker_tok=pa.speaker_tok, speaker_span=pa.speaker_span,
                                     base=base * (pa.base / 0.9 if pa.base < 0.9 else 1.0),
                                     mode="continued")
        f.resolution = prev.resolution
        prev = f
    return [f for f in found if not any(f is m for m in merged)]


#: a sentence end with more words after it
_NEXT_SENTENCE = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s+\S")


def _rest_of_sentence(ctx: Context, start: int, gap: str) -> bool:
    """Whether the words of ``gap`` (from ``start``) before its paragraph break end the sentence
    they start in, with no reporting cue of their own ('..., Susan said as she turned')."""
    line = gap.split("\n", 1)[0]
    a, b = ctx.tok_range(start, start + len(line))
    return _NEXT_SENTENCE.search(line.strip()) is None and not any(i in ctx.cues for i in range(a, b))


_WORD = re.compile(r"\w+")
#: words an unattributed quotation must share, in order, with an attributed one to be its repeat
REPEAT_MIN_WORDS = 6


def pass_repeated(ctx: Context, found: list[Found]) -> None:
    """A quotation with no speaker that repeats, whole or in part, a quote the article attributes
    elsewhere (a pull quote, a quote recalled later) is the same speaker's."""
    def words(f: Found) -> str:
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
                f.attribution = Attribution(cue=None, speaker_tok=ga.speaker_tok,
                                             speaker_span=ga.speaker_span, base=0.7 * ga.base,
                                             mode="continued")
                f.resolution = g.resolution
                break


#: subjects of a lead-in that can speak next: a name, or a person by pronoun
_LEAD_IN_PRONOUNS = frozenset(("he", "she"))


def pass_lead_in(ctx: Context, found: list[Found], resolver: Resolver) -> None:
    """A paragraph that is only a quotation with no cue, after a lead-in paragraph
    (:func:`_lead_in_subject`), holds the words of the lead-in's subject: the reporter's summary,
    then the quote that bears it out ('Valastro praised Christie's leadership.' / '"We need
    someone who ..."')."""
    for f in found:
        if f.attribution is not None or f.kind != "direct" or len(f.quotations) != 1:
            continue
        q = ctx.quotations[f.quotations[0]]
        pi = ctx.para_of(q.outer_start)
        ps, pe = ctx.paras[pi]
        if pi == 0 or ps != q.outer_start or word_count(ctx.text, q.outer_end, pe) > 0:
            continue
        subj = _lead_in_subject(ctx, pi - 1)
        if subj is not None:
            f.attribution = Attribution(cue=None, speaker_tok=subj, speaker_span=mention_span(subj),
                                        base=0.45, mode="lead-in")
            f.resolution = resolver.resolve(subj)


def _lead_in_subject(ctx: Context, pi: int) -> Token | None:
    """The subject of paragraph ``pi``'s last sentence when that sentence reports what a named
    person (or "he", "she") said, judged or thinks, and the paragraph quotes nobody itself."""
    view = parsed(ctx.doc)
    a, b = ctx.tok_range(*ctx.paras[pi])
    while b > a and view.is_space[b - 1]:
        b -= 1
    if b <= a or any(ctx.in_quote[a:b]):
        return None
    root = view.tokens[b - 1].sent.root
    cue = ctx.cues.get(root.i)
    if root.i < a or not ((cue is not None and cue.speech) or (root.pos_ == "VERB" and verb_lemma(root) in VERBS)):
        return None
    subj = next((c for c in children_of(root) if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.pos_ == "PROPN" or subj.lower_ in _LEAD_IN_PRONOUNS):
        return None
    return subj
