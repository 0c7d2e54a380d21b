"""Quotations next to their cue: '"...," he said', 'X told reporters: "..."', '"..." - Jane Roe', a
speaker's label ('Rep. Dana Price (D-Ore.): "..."'), a paragraph ending in a colon, a sentence
before the quote whose cue has no content of its own."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.parsed import children_of
from tidings.quotes.context import (
    DASHES,
    MAX_WINDOW,
    SENT_END,
    Attribution,
    Context,
    Found,
    attribution,
    is_short,
    named,
    quote_tokens,
    title_like,
)
from tidings.quotes.labels import label_at
from tidings.quotes.predicates import ADDRESSEE_VERBS, VERB_FORMS, VERBS, verb_lemma
from tidings.quotes.speakers import CLAUSE_DASHES, is_when, mention_span


def cue_glued(ctx: Context, cue_i: int, ks: list[int]) -> bool:
    """The cue stands right after the quotation ('"No," he said') or right before it after a colon
    or comma ('He said: "No."')."""
    doc = ctx.doc
    q = ctx.quotations[ks[0]]
    qa, qb = quote_tokens(ctx, ks[0])
    if cue_i >= qb:
        gap = [t for t in doc[qb:cue_i] if not t.is_punct]
        return len(gap) <= 4 and not any(ctx.is_boundary(t) for t in doc[qb:cue_i])
    if cue_i < qa:
        between = [t for t in doc[cue_i + 1: qa] if not _inline_space(t)]
        if len(between) > 8:
            return False
        return bool(len(between) == 0 or between[-1].text in (":", ",", "that") or
                    between[-1].i in audience(doc[cue_i])) and q is not None
    return False


def audience(head: Token) -> set[int]:
    """The words that may stand between a cue and its quotation: when it was said ("said
    Tuesday"), and whom to, for a verb that takes an addressee ("told reporters"; the object of
    "noting the nominee" is what is noted)."""
    deps = ("dobj", "dative", "npadvmod") if verb_lemma(head) in ADDRESSEE_VERBS else ("npadvmod",)
    return {c.i for c in children_of(head) if c.dep_ in deps}


def _inline_space(t: Token) -> bool:
    """A space token within a line (a no-break space, "said,\u00a0\u201c..."), which the windows
    leave out: it is no word, and the word before it decides."""
    return t.is_space and "\n" not in t.text


def _window_after(ctx: Context, k: int) -> list[Token]:
    doc = ctx.doc
    q = ctx.quotations[k]
    _, b = quote_tokens(ctx, k)
    para_end = ctx.paras[ctx.para_of(q.end)][1] if ctx.paras else len(ctx.text)
    out: list[Token] = []
    for i in range(b, min(len(doc), b + MAX_WINDOW)):
        t = doc[i]
        if t.idx >= para_end or ctx.in_quote[i]:
            break
        if _inline_space(t):
            continue
        out.append(t)
        if ctx.is_boundary(t):
            break
    return out


def _window_before(ctx: Context, k: int) -> list[Token]:
    doc = ctx.doc
    q = ctx.quotations[k]
    a, _ = quote_tokens(ctx, k)
    para_start = ctx.paras[ctx.para_of(q.outer_start)][0] if ctx.paras else 0
    out: list[Token] = []
    for i in range(a - 1, max(-1, a - 1 - MAX_WINDOW), -1):
        t = doc[i]
        if t.idx < para_start or ctx.in_quote[i] or ctx.is_boundary(t):
            break
        if _inline_space(t):
            continue
        out.append(t)
    out.reverse()
    return out


def _fallback_subject(ctx: Context, window: list[Token], cue_i: int) -> Span | None:
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
            if is_when(t) or "\n" in t.text:
                if toks:
                    break
                continue
            toks.append(t)
        if toks and any(t.pos_ in ("PROPN", "NOUN") or t.lower_ in ("he", "she", "they")
                        for t in toks):
            return doc[toks[0].i: toks[-1].i + 1]
    return None


def _after_cue(ctx: Context, k: int, window: list[Token]) -> int | None:
    doc = ctx.doc
    for n, t in enumerate(window):
        if t.i in ctx.cues and (n <= 10 or (n <= 30 and _speaker_between(ctx, window, t.i))):
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
        if t.pos_ == "VERB" and t.i not in ctx.cues and t.dep_ not in ("amod", "acl", "relcl", "advcl", "xcomp",
                                                                       "pcomp"):
            # another main verb comes first: "...," the official said later, ... is fine, but
            # "...". Smith left. is not an attribution
            if n > 2 and doc[t.i - 1].lower_ not in ("who", "which"):
                break
    return None


def _speaker_between(ctx: Context, window: list[Token], cue_i: int) -> bool:
    """The cue's subject stands between the quotation and the cue; or, when the parse gave the
    cue none, a noun phrase opens the window right after the quotation ('"...," Brent Bozell,
    founder of the Media Research Center, tells Breitbart News')."""
    subj = ctx.subjects.get(cue_i)
    if subj is not None:
        return window[0].i <= subj.i < cue_i
    span = _fallback_subject(ctx, window, cue_i)
    first = next((t.i for t in window if not (t.is_space or t.is_punct)), None)
    return span is not None and span.start == first and span.end <= cue_i


def _name_before(ctx: Context, window: list[Token], cue_i: int) -> Span | None:
    """When the parse gives a cue before its quotation no subject ('her adviser, Jake Sullivan,
    said: "..."' parsed with the adviser as an appositive of something else): the name right
    before the cue, back to the comma that opens it."""
    toks: list[Token] = []
    for t in reversed([t for t in window if t.i < cue_i]):
        if t.is_space or (t.text == "," and not toks):
            continue
        if t.pos_ not in ("PROPN", "NOUN", "ADJ", "DET") or is_when(t):
            break
        toks.append(t)
    toks.reverse()
    if not toks or not any(t.pos_ == "PROPN" for t in toks):
        return None
    return ctx.doc[toks[0].i: toks[-1].i + 1]


def _before_cue(ctx: Context, k: int, window: list[Token]) -> int | None:
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
        if last.i in audience(t):
            return t.i
        return None
    return None


def _dash_speaker(ctx: Context, window: list[Token], glued_dash: bool = False) -> Span | None:
    """'"..." -Commissioner Jane Roe' / '"..." — Roe, a spokeswoman'."""
    window = [t for t in window if not t.is_space]
    if not window:
        return None
    if glued_dash and window[0].text[:1] not in DASHES:
        # '...”― Jane Roe': the tokenizer kept the dash with the closing mark
        rest_from = 0
    elif window[0].text[:1] not in DASHES:
        return None
    else:
        # "-Commissioner" may come as one token
        rest_from = 0 if window[0].text.strip("".join(DASHES)) else 1
    rest = [t for t in window[rest_from:] if not (t.is_punct and t.text in SENT_END)
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


def _intro_paragraph(ctx: Context, k: int) -> tuple[int | None, Span | None]:
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


#: subjects that name who speaks: people by pronoun (a name or an organisation by its entity)
_PERSON_SUBJECTS = frozenset("he she they".split())


def _colon_clause_speaker(ctx: Context, window: list[Token]) -> Span | None:
    """'She then addressed the crowd: "..."', 'Continued Stone: "..."': a quotation that a colon
    (or a dash, which sets it off the same way: 'embraced waterboarding -- "..."') introduces, in
    the sentence of a clause with no verb of saying, is that clause's subject's words (the
    subject after the verb when the clause opens with it)."""
    if len(window) < 2 or window[-1].text not in (":", *CLAUSE_DASHES):
        return None
    verb = window[-1].head
    first = window[0]
    if ctx.in_quote[verb.i]:
        # the parser made the clause before the mark a part of the quoted sentence ('embraced
        # it -- "I think ..."' with "embraced" under "think"): the clause's own top verb
        verb = next((t for t in window if not first.i <= t.head.i <= window[-1].i), verb)
    if verb.pos_ == "PROPN" and first.head.i == verb.i and (
            first.pos_ == "VERB" or VERB_FORMS.get(first.lower_) in VERBS):
        verb, subj = first, verb  # "Continued Stone:", parsed as a name with a participle
    elif verb.pos_ not in ("VERB", "AUX") or verb.i < first.i:
        return None
    else:
        subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.i == first.i and ctx.doc[verb.i + 1].pos_ == "PROPN":
            subj = ctx.doc[verb.i + 1]  # "Added Smith:", the name parsed as the object
    if subj is None or not (subj.lower_ in _PERSON_SUBJECTS or subj.ent_type_ in ("PERSON", "ORG", "NORP")
                            or subj.pos_ == "PROPN"):
        return None
    span = mention_span(subj)
    if span.start <= verb.i < span.end:  # the inverted verb is no part of the name
        span = ctx.doc[verb.i + 1: span.end]
    return span if len(span) else None


def _label_before(ctx: Context, k: int) -> Span | None:
    """The quotation follows its speaker's label at the paragraph's start ('Rep. Dana Price
    (D-Ore.): "..."'): the speaker named in the label."""
    q = ctx.quotations[k]
    ps, pe = ctx.paras[ctx.para_of(q.outer_start)]
    found = label_at(ctx.text, ctx.doc, ps, pe, run_in=True)
    if found is None:
        return None
    _, speaker, words_start = found
    return speaker if words_start == q.outer_start else None


def _sentence_before_cue(ctx: Context, k: int) -> tuple[int | None, bool]:
    """'Smith spoke to reporters on Tuesday. "We are not going anywhere."': a speech cue in the
    sentence right before, with no content of its own, introduces the quote.  In the same
    paragraph a cue with a content of its own does too: 'Lynch announced the lawsuit on Monday.
    "We are seeking a court order ..."' (the quotation bears the report out)."""
    doc = ctx.doc
    q = ctx.quotations[k]
    a, _ = quote_tokens(ctx, k)
    pi = ctx.para_of(q.outer_start)
    same_paragraph = ctx.paras[pi][0] != q.outer_start
    if not same_paragraph:
        if pi == 0:
            return None, False
        ps, pe = ctx.paras[pi - 1]
        lo, hi = ctx.tok_range(ps, pe)
    else:
        lo, hi = ctx.tok_range(ctx.paras[pi][0], q.outer_start)
    if hi <= lo:
        return None, False
    end = hi
    while end > lo and (doc[end - 1].is_space):
        end -= 1
    if end <= lo or not ctx.is_boundary(doc[end - 1]):
        return None, False
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
        reported = any(c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") and c.lower_ not in (
            "reporters", "journalists") and c.i not in _audience_nouns(ctx, i) for c in children_of(head))
        if reported and not same_paragraph:
            continue
        if any(t.i in ctx.cues and t.i != i for t in doc[start:end]):
            continue
        return i, reported
    return None, False


def _audience_nouns(ctx: Context, cue_i: int) -> set[int]:
    from tidings.quotes.cues import AUDIENCE_NOUNS

    return {c.i for c in ctx.doc[cue_i].children if c.lower_ in AUDIENCE_NOUNS}


def _in_noun_phrase(ctx: Context, k: int) -> bool:
    """The quotation stands inside a noun phrase: after a possessive, an article, a preposition
    or a noun ('on CNN's "State of the Union"', 'the film "Frozen"'), or set in apposition to a
    noun ('his radio show, "Generations"')."""
    doc = ctx.doc
    j = quote_tokens(ctx, k)[0] - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0:
        return False
    if doc[j].text == "," and j > 0:
        return doc[j - 1].pos_ == "NOUN" and j - 1 not in ctx.cues
    return doc[j].tag_ == "POS" or doc[j].pos_ in ("DET", "ADP", "NOUN", "PROPN")


def pass_adjacent(ctx: Context, found: list[Found], used: set[int], used_cues: set[int]) -> None:
    n = len(ctx.quotations)
    k = 0
    while k < n:
        if k in used:
            k += 1
            continue
        q = ctx.quotations[k]
        if title_like(ctx, q) and _in_noun_phrase(ctx, k):
            k += 1  # a title named in passing ('on CNN's "State of the Union"'), no one's words
            continue
        after = _window_after(ctx, k)
        before = _window_before(ctx, k)
        short = is_short(ctx, q)
        att: Attribution | None = None
        cue_i = _after_cue(ctx, k, after)
        if cue_i is not None and _new_sentence_after(ctx, k, after, cue_i):
            cue_i = None
        if cue_i is not None:
            gap = [t for t in after if t.i < cue_i and not t.is_punct]
            att = attribution(ctx, cue_i, 0.92 if len(gap) <= 4 else 0.8, "after")
        else:
            # a label right before the quotation names its speaker, whatever verb came earlier in
            # the paragraph ('Pollsters agree - Carl Bialik: "..."')
            att = named(_label_before(ctx, k), 0.8, "label")
            cue_i = _before_cue(ctx, k, before) if att is None else None
            if cue_i is not None:
                att = attribution(ctx, cue_i, 0.88, "before")
        if att is None:
            glued = q.closed and ctx.text[q.outer_end:q.outer_end + 1] in DASHES and \
                bool(after) and after[0].idx > q.outer_end
            att = named(_dash_speaker(ctx, after, glued), 0.8, "dash")
        if att is None and not short:
            ci, span = _intro_paragraph(ctx, k)
            att = attribution(ctx, ci, 0.78, "intro") if ci is not None else named(span, 0.72, "intro")
        if att is None and not short:
            att = named(_colon_clause_speaker(ctx, before), 0.72, "colon")
        if att is None and not short:
            ci, reported = _sentence_before_cue(ctx, k)
            if ci is not None:
                att = attribution(ctx, ci, 0.72, "previous-sentence")
                if reported and ci not in used_cues:
                    att.cue = None  # the cue keeps its own content; the quotation shares its speaker
        if att is None:
            if short or (q.repaired and q.open_pos == q.start):
                k += 1
                continue
            if title_like(ctx, q) or not _stands_alone(ctx, k):
                k += 1
                continue
            found.append(Found(pieces=list(q.pieces), kind="direct", attribution=None, quotations=[k]))
            used.add(k)
            k += 1
            continue
        if short and att.mode not in ("after", "before", "dash"):
            k += 1
            continue
        if short and att.mode == "after" and not cue_glued(ctx, att.cue.head.i if att.cue else -1, [k]):
            k += 1
            continue
        ks = [k]
        pieces = list(q.pieces)
        # "...," he said, "...": the quote goes on after the cue in the same sentence
        if att.mode == "after" and after and k + 1 < n and (k + 1) not in used:
            last = after[-1]
            nq = ctx.quotations[k + 1]
            na, _ = quote_tokens(ctx, k + 1)
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
        found.append(Found(pieces=pieces, kind="direct", attribution=att, quotations=ks,
                            frame_end=frame_end))
        used.update(ks)
        if att.cue is not None:
            used_cues.add(att.cue.head.i)
        k = ks[-1] + 1


def _new_sentence_after(ctx: Context, k: int, window: list[Token], cue_i: int) -> bool:
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


def _frame_only(ctx: Context, att: Attribution, window: list[Token]) -> bool:
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


def _stands_alone(ctx: Context, k: int) -> bool:
    """A quotation with no cue counts only when it is a sentence of its own: it opens its
    paragraph or follows a sentence end, a colon or another quotation.  A fragment in the middle
    of a narrative sentence with no cue is a scare quote or a phrase, not a quote."""
    doc = ctx.doc
    q = ctx.quotations[k]
    a, _ = quote_tokens(ctx, k)
    para_start = ctx.paras[ctx.para_of(q.outer_start)][0]
    i = a - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].idx < para_start:
        return True
    prev = doc[i]
    if ctx.in_quote[i]:
        return ctx.text[max(0, prev.idx - 1): prev.idx + len(prev.text)].strip()[:1] in SENT_END \
            or prev.is_quote
    return ctx.is_boundary(prev) or prev.text in (":", ")", "\u2014", "--")
