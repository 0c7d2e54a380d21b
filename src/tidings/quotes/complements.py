"""Quotes in the complement of a cue: mixed quotes (a quotation inside reported speech), direct
quotes that are the whole complement, and indirect quotes (a clausal complement with no
quotation)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tidings.parsed import children_of, parsed, subtree_range
from tidings.quotes.adjacent import cue_glued
from tidings.quotes.context import (
    ADDRESSEE_VERBS,
    CONTENT_DEPS,
    DASHES,
    OBJECT_DEPS,
    Context,
    Found,
    attribution,
    before_colon_quotation,
    hung_quotation_end,
    is_short,
    quote_tokens,
    title_like,
    within_paragraph,
)
from tidings.quotes.cues import COMPARE_VERBS, CONTENT_PREPS, Cue, colon_after
from tidings.quotes.marks import Quoted
from tidings.quotes.predicates import SETTING_NOUNS
from tidings.quotes.speakers import passive_participle


def _complement_like(clause: Token) -> bool:
    """A clause the parser hung on a cue as an adverbial but that reads as its complement: an
    infinitive ("told supporters to 'go vote'") or a that-clause ("tweeted early that X was 'a con'")."""
    first = clause.left_edge
    if first.lower_ == "to" and first.i < clause.i:
        return True
    return _marked(clause, ("that",), ("mark", "advmod"))


def _marked(clause: Token, words: tuple[str, ...] = ("that",), deps: tuple[str, ...] = ("mark",)) -> bool:
    """Whether ``clause`` opens with one of ``words`` as its marker ("that X", "whether X")."""
    return any(c.lower_ in words and c.dep_ in deps and c.i < clause.i for c in children_of(clause))


#: verbs whose if-clause is the question asked, not a condition ("asked him if he would run")
QUESTION_VERBS = frozenset("ask wonder inquire enquire question query".split())


def _embedded_question(head: Token, c: Token) -> bool:
    """An if-clause right after a verb of asking or its addressee, which the parser takes for a
    condition ("asked the minister if she would resign"; in "asked for a recount if the margin
    stayed small" it is one)."""
    if c.dep_ != "advcl" or c.i < head.i or head.lemma_.lower() not in QUESTION_VERBS:
        return False
    if not any(g.dep_ == "mark" and g.lower_ == "if" for g in children_of(c)):
        return False
    ends = [head.i + 1] + [o.right_edge.i + 1 for o in children_of(head)
                           if o.dep_ in ("dobj", "dative") and o.i > head.i]
    return c.left_edge.i in ends


def _in_cue(cue: Cue, tok: Token) -> bool:
    """A word of a multi-word cue after its verb ("clear" in "made it clear")."""
    return cue.head.i < tok.i and tok.idx < cue.end


#: what the parser may call a that-clause it misplaces ("relcl" with "that" as its marker)
_MARKED_CLAUSE_DEPS = frozenset(("ccomp", "advcl", "csubj", "acl", "relcl"))


def _held_by_cue_words(cue: Cue) -> list[Token]:
    """The clause a word of the cue holds: "made it clear that X" (X hung on "clear"), or, as the
    parser may have it, on a noun after it ("made it clear to the judge that X")."""
    out: list[Token] = []
    for c in children_of(cue.head):
        if not _in_cue(cue, c):
            continue
        direct = [g for g in children_of(c) if g.idx >= cue.end and g.dep_ in ("ccomp", "xcomp")]
        marked = [g for g in c.subtree if g.idx >= cue.end and g.dep_ in _MARKED_CLAUSE_DEPS
                  and _marked(g, ("that", "whether"))]
        found = direct or marked[:1]
        out.extend(found)
    return out


def _setting_clauses(head: Token) -> list[Token]:
    """'said in a statement that X', 'said during a news conference that X': the parser hangs the
    that-clause on the noun of the setting phrase, as if it were the statement's content, or as a
    relative clause, though its "that" is a complementizer; it is what the verb reports."""
    out = []
    for c in children_of(head):
        if c.dep_ != "prep" or c.i < head.i or c.lower_ not in ("in", "on", "at", "during"):
            continue
        for obj in children_of(c):
            if obj.dep_ != "pobj" or obj.lemma_.lower() not in SETTING_NOUNS:
                continue
            out.extend(g for g in children_of(obj) if g.dep_ in ("acl", "ccomp", "relcl") and g.i > obj.i
                       and _marked(g))
    return out


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
    deps = CONTENT_DEPS
    if clausal_only:
        deps = frozenset(("ccomp",))
    elif head.lemma_ not in ADDRESSEE_VERBS:
        deps = deps | OBJECT_DEPS
    preps = CONTENT_PREPS | {"to"} if head.lemma_.lower() in COMPARE_VERBS else CONTENT_PREPS
    if clausal_only:
        preps = frozenset()
    ranges = [(c.left_edge.i, c.right_edge.i + 1) for c in children_of(head)
              if not _in_cue(cue, c) and (c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in preps))
              or (not clausal_only and c.dep_ == "advcl" and c.i > head.i and _complement_like(c))
              or _embedded_question(head, c)]
    ranges += [subtree_range(g) for g in _held_by_cue_words(cue)]
    if not ranges:
        ranges = [subtree_range(c) for c in _setting_clauses(head)]
    if ranges:
        # "said that A, and that B": a that-clause can be no main clause, so one the parser hung
        # on the cue as a conjunct is the cue's second complement
        ranges += [subtree_range(c) for c in children_of(head) if c.dep_ == "conj" and c.i > head.i and _marked(c)]
    if any(c.dep_ == "prep" and c.lower_ in ("of", "to") and c.lower_ in preps for c in children_of(head)):
        # "accused the leader of 'recklessness'", "likened them to a 'snake'": what is said is
        # the prepositional phrase; the object is its target
        ranges = [(c.left_edge.i, c.right_edge.i + 1) for c in children_of(head)
                  if not (c.dep_ in OBJECT_DEPS and c.i > head.i) and (
                      c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in preps))]
    ranges = [r for r in (within_paragraph(doc, head.i, r) for r in ranges) if r[1] > r[0]]
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
    b = before_colon_quotation(doc, a, b)
    seen_quote = False
    for i in range(a, b):
        t = tokens[i]
        if t.is_quote:
            seen_quote = True
        elif seen_quote and t.text in DASHES + ("--",) and tokens[i - 1].is_quote:
            b = i
            break
    return (a, b) if b > a else None


def pass_complements(ctx: Context, found: list[Found], used: set[int], used_cues: set[int]) -> None:
    """Quotations inside a cue's complement: mixed (or direct when the complement is the quote)."""
    doc = ctx.doc
    for cue_i, cue in sorted(ctx.cues.items()):
        region = _content_region(cue)
        if region is None or cue.according:
            aside = _aside_mixed(ctx, cue_i, cue, used)
            if aside is not None:
                found.append(aside)
                used.update(aside.quotations)
                used_cues.add(cue_i)
                continue
        if region is None:
            continue
        a, b = region
        b = ctx.content_end(cue_i, a, b)
        b = hung_quotation_end(doc, ctx.in_quote, cue_i, b)
        # the complement stays in the cue's paragraph whatever the sentence splitter did
        pi = ctx.para_of(doc[cue_i].idx)
        p_lo, p_hi = ctx.tok_range(*ctx.paras[pi])
        a, b = max(a, p_lo), min(b, p_hi)
        if b <= a:
            continue
        ks = _spoken(ctx, {ctx.qid[i] for i in range(a, b)} - used)
        if not ks:
            continue
        # the complement should not be a tiny part of a long quotation that merely starts in it
        first = ctx.quotations[ks[0]]
        qa, _ = quote_tokens(ctx, ks[0])
        if qa < a and first.outer_start < doc[a].idx:
            continue
        if cue_i not in ctx.subjects:
            continue
        b = _before_time_clause(ctx, a, b, quote_tokens(ctx, ks[-1])[1])
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
        if not cue.speech and kind == "direct" and not cue_glued(ctx, cue_i, ks):
            continue
        if all(is_short(ctx, ctx.quotations[k]) for k in ks) and kind == "direct" \
                and not cue_glued(ctx, cue_i, ks):
            continue
        if not cue.speech:
            base -= 0.1
        if any(ctx.quotations[k].repaired for k in ks):
            base *= 0.85
        att = attribution(ctx, cue_i, base, "complement")
        found.append(Found(pieces=pieces, kind=kind, attribution=att, quotations=ks))
        used.update(ks)
        used_cues.add(cue_i)


def _spoken(ctx: Context, ks: set[int]) -> list[int]:
    """The quotations among ``ks`` (-1 for none) that may be someone's words, in order: quoted
    titles and names ("Meet the Press") are not."""
    return sorted(k for k in ks if k >= 0 and not title_like(ctx, ctx.quotations[k]))


def _aside_mixed(ctx: Context, cue_i: int, cue: Cue, used: set[int]) -> Found | None:
    """A mixed quote around a reporting aside: 'Trump, Sexton said, has created a "strange zone"',
    'The deal, according to officials, is "all but done"'. The content is the host clause on both
    sides of the aside; it must open with words of the reporter's own (an aside between two
    quotations is a direct quote's cue, for ``pass_adjacent``)."""
    if cue_i not in ctx.subjects:
        return None
    ranges = _around_according(cue) if cue.according else _around_aside(cue)
    if not ranges:
        return None
    spans = [sp for sp in (_trimmed(ctx.doc[a:b]) for a, b in ranges) if len(sp)]
    ks = _spoken(ctx, {ctx.qid[t.i] for sp in spans for t in sp} - used)
    if not ks or not spans:
        return None
    if not all(any(a <= qa and qb <= b for a, b in ranges) for qa, qb in (quote_tokens(ctx, k) for k in ks)):
        return None  # a quotation running past the host clause is not set in it
    if not any(not ctx.in_quote[t.i] and t.is_alpha and t.dep_ != "cc" for t in spans[0]):
        return None
    pieces = []
    for sp in spans:
        qs = [ctx.quotations[k] for k in ks if sp.start_char <= ctx.quotations[k].start <= sp.end_char]
        pieces.append((min([sp.start_char] + [q.start for q in qs]), max([sp.end_char] + [q.end for q in qs])))
    base = 0.85 if cue.speech else 0.75
    return Found(pieces=pieces, kind="mixed", attribution=attribution(ctx, cue_i, base, "complement"), quotations=ks)


#: subordinators of time, whose clause after a quotation is the reporter's setting
_TIME_MARKS = frozenset("as after before while when once".split())


def _before_time_clause(ctx: Context, a: int, b: int, quote_end: int) -> int:
    """End of a mixed content before a clause of time that follows its last quotation ('he is
    "excited where we stand" as he faces a test in South Carolina'): when it was said, not what."""
    for t in ctx.doc[quote_end:b]:
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _TIME_MARKS and m.i == t.left_edge.i
                                     for m in children_of(t)):
            cut = t.left_edge.i
            while cut > quote_end and (ctx.doc[cut - 1].is_punct and not ctx.doc[cut - 1].is_quote):
                cut -= 1
            return max(cut, a + 1)
    return b


def _merge_pieces(ctx: Context, start: int, end: int, quotes: list[Quoted]) -> list[tuple[int, int]]:
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


def pass_indirect(ctx: Context, found: list[Found], used_cues: set[int]) -> None:
    doc = ctx.doc
    taken = [(f.start, f.end) for f in found]
    for cue_i, cue in sorted(ctx.cues.items()):
        head = doc[cue_i]
        # "Asked whether ...": a question put by someone the text does not name, kept with no source
        unnamed = passive_participle(head)
        if cue_i in used_cues or not cue.speech or (cue_i not in ctx.subjects and not unnamed):
            continue
        if any(c.dep_ == "neg" for c in children_of(head)):
            continue
        subj = ctx.subjects.get(cue_i)
        # "it said" names an organisation; "this shows" or "that suggests" a fact, not a source
        if subj is not None and (subj.lower_ in ("i", "we", "you") or subj.dep_ == "expl"
                                 or subj.lower_ in ("this", "that") and not cue.according):
            continue
        if colon_after(cue) is not None:
            continue  # 'said: words' is speech without its marks, to the paragraph's end (unmarked)
        ranges = _around_according(cue) if cue.according else None
        answer = None
        if not ranges:
            region = _content_region(cue, clausal_only=True)
            if region is None:
                ranges = _around_aside(cue)
                if not ranges:
                    ranges = answer = _answer(cue)
                if not ranges:
                    continue
            else:
                ranges = [(region[0], ctx.content_end(cue_i, *region))]
        if any(ctx.in_quote[i] and not title_like(ctx, ctx.quotations[ctx.qid[i]])
               for a, b in ranges for i in range(a, b)):
            continue
        spans = [_trimmed(doc[a:b]) for a, b in ranges]
        spans = [sp for sp in spans if len(sp)]
        words = [t for sp in spans for t in sp]
        if not answer and (len([t for t in words if t.is_alpha]) < 3
                           or not any(t.pos_ in ("VERB", "AUX") for t in words)):
            continue
        pieces = [(sp.start_char, sp.end_char) for sp in spans]
        s, e = pieces[0][0], pieces[-1][1]
        if any(not (e <= ts or s >= te) for ts, te in taken):
            continue
        att = attribution(ctx, cue_i, 0.75, "indirect")
        found.append(Found(pieces=pieces, kind="indirect", attribution=att))
        taken.append((s, e))


def _trimmed(span: Span) -> Span:
    """``span`` without punctuation or spaces at either edge, nor a coordinator left at its end
    when the parse hung what it joins elsewhere ("that he is not backing anyone, and")."""
    a, b = span.start, span.end
    doc = span.doc
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].dep_ == "cc"):
        b -= 1
    return doc[a:b]


def _around_according(cue: Cue) -> list[tuple[int, int]] | None:
    """"X, according to Y, did Z": the sentence on both sides of a parenthetical "according to",
    as two token ranges; None when the phrase opens or closes its sentence (``_content_region``
    then takes the one side)."""
    head = cue.head
    if head.head.i == head.i:
        return None
    ranges = _outside(head, head.head)
    return ranges if len(ranges) == 2 else None


def _around_aside(cue: Cue) -> list[tuple[int, int]] | None:
    """A reporting clause set in the sentence it reports, with no clause of its own: "Cutting too
    soon, economists say, slowed the recovery" (parsed as parataxis) or "..., as the columnist
    noted" / "As a reporter noted, ..." (an as-clause).  The content is the host clause around
    it, in one or two token ranges."""
    head = cue.head
    host = head.head
    if host.i == head.i:
        return None
    aside = head.dep_ == "parataxis" or (head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in children_of(head)))
    if not aside:
        return None
    # the reported words are the gap the clause leaves: no object or complement of its own ("as
    # she has maintained her lead" is no aside)
    if any(c.dep_ in _FILLED for c in children_of(head)):
        return None
    # and it is set off: by a comma or a dash, or by opening the sentence ("as much money as he
    # promised" compares)
    doc = head.doc
    left = head.left_edge.i
    if doc[left].is_punct:  # the parser may hang the opening comma on the clause itself
        left += 1
    before = [t for t in doc[host.sent.start:left] if not (t.dep_ == "cc" or t.is_space)]
    if before and not (doc[left - 1].is_punct and doc[left - 1].text in (",", "-", "--") + DASHES):
        return None
    return _outside(head, host) or None


#: answers that stand for a whole clause: "75 percent said yes", "the candidate said no", "half
#: said so"; and "said the same of Sanders", "the opposite about Clinton"
_PRO_CLAUSES = frozenset("yes no so".split())
_PRO_NOUNS = frozenset("same opposite".split())


def _answer(cue: Cue) -> list[tuple[int, int]] | None:
    """A verb of saying whose content is a word standing for a clause: the word (with what "the
    same" is said of)."""
    head = cue.head
    if head.lemma_.lower() != "say":
        return None
    for c in children_of(head):
        if c.i <= head.i:
            continue
        if c.lower_ in _PRO_CLAUSES and c.dep_ in ("intj", "advmod", "dobj", "ccomp") and c.i == head.i + 1:
            return [(c.i, c.i + 1)]
        if c.dep_ == "dobj" and c.lemma_.lower() in _PRO_NOUNS:
            return [(c.left_edge.i, c.right_edge.i + 1)]
    return None


#: dependents that fill a reporting verb's complement
_FILLED = frozenset("dobj ccomp xcomp attr dative oprd acomp".split())


def _outside(inner: Token, host: Token) -> list[tuple[int, int]]:
    """The token ranges of ``host``'s sentence outside ``inner``'s subtree, each with a word that
    is more than a conjunction ("But as X noted, ..." leaves "But" out), in ``inner``'s paragraph
    whatever the sentence splitter did."""
    sent = host.sent
    doc = host.doc
    a, b = inner.left_edge.i, inner.right_edge.i + 1
    out = []
    for lo, hi in (within_paragraph(doc, inner.i, r) for r in ((sent.start, a), (b, sent.end))):
        if any(t.is_alpha and t.dep_ != "cc" for t in doc[lo:hi]):
            out.append((lo, hi))
    return out
