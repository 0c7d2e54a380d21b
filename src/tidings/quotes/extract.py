"""Quote extraction: direct, mixed, indirect and unmarked quotes with cue and speaker.

The order of the passes, one module each:

1. pair the quotation marks (``marks``); a quoted transcript is one quotation per turn (``turns``);
2. find every cue outside quotations (``cues``) and its speaker (``speakers``), kept with the
   article's quotations and paragraphs by token (``context``);
3. a quotation inside the complement of a cue ("Lavrov said the report had "frozen" ties") is a
   mixed quote, or a direct one when the complement is nothing but the quotation (``complements``);
4. a quotation next to a cue ("...," he said / X told reporters: "...") is a direct quote;
   "...," he said, "..." is one quote in two pieces; "... -Commissioner X", a speaker's label
   ('Rep. X (D-Ore.): "..."', ``labels``) and a paragraph ending in a colon ("From Chairwoman Y:")
   introduce quotes too, and so does a sentence just before the quote whose cue has no content of
   its own ("Smith spoke to reporters.") (``adjacent``);
5. cues of saying with a clausal complement and no quotation give indirect quotes (``complements``);
6. a quotation with no cue continues the previous speaker only when nothing but the quote
   stands between them (same paragraph, or a paragraph that is only the quote), and a pull quote
   takes the speaker of the quote it repeats; otherwise it is kept with no speaker; quotations of
   one to three words with no cue are scare quotes, dropped (``continuations``);
7. attribution without quotation marks or clausal speech: judgements, stances, beliefs,
   intentions, evidentials, noun cues and impersonal hearsay (``attitudes``, with the predicate
   classes in ``predicates``); a quotation inside such a content is a mixed quote;
8. first-person sentences outside quotation marks in a third-person report give unmarked quotes
   (``unmarked``), and so do the turns of a transcript written without marks ("HOST: ...",
   ``labels``);
9. an attribution reported inside another's content ("X said Y believes ...") goes under it,
   not to the top level (``nesting``).

``confidence`` is the estimated probability that the quote and its speaker (or its lack of one)
are both right.
"""

from __future__ import annotations

from spacy.tokens import Doc

from tidings.model import Article, Quote, Speaker
from tidings.quotes.adjacent import pass_adjacent
from tidings.quotes.attitudes import find_attributions
from tidings.quotes.complements import pass_complements, pass_indirect
from tidings.quotes.context import DASHES, Context, Found
from tidings.quotes.continuations import merge_shared_cues, pass_floating, pass_lead_in, pass_repeated
from tidings.quotes.labels import find_headline, find_turns
from tidings.quotes.marks import DOUBLE_MARKS, SINGLE_MARKS, find_quotations
from tidings.quotes.nesting import nest
from tidings.quotes.speakers import Resolution, Resolver
from tidings.quotes.turns import pass_turns, split_turns
from tidings.quotes.unmarked import find_after_colon, find_unmarked


def extract_quotes(article: Article, doc: Doc) -> list[Quote]:
    """All quotes of an article; ``doc`` is the spaCy parse of exactly ``article.text``."""
    text = article.text or ""
    if not text.strip() or len(doc) == 0:
        return []
    quotations = find_quotations(text)
    quotations, labels = split_turns(text, doc, quotations)
    ctx = Context(text, doc, quotations)
    resolver = Resolver(doc, ctx.in_quote, list(ctx.subjects.values()))
    found: list[Found] = []
    used: set[int] = set()
    used_cues: set[int] = set()

    pass_turns(ctx, labels, resolver, found, used)
    pass_complements(ctx, found, used, used_cues)
    pass_adjacent(ctx, found, used, used_cues)
    pass_indirect(ctx, found, used_cues)

    found.sort(key=lambda f: f.start)
    found = merge_shared_cues(found)
    for f in found:
        a = f.attribution
        if a is not None and a.speaker_tok is not None and f.resolution is None:
            f.resolution = resolver.resolve(a.speaker_tok)

    found = pass_floating(ctx, found, used)
    pass_repeated(ctx, found)
    pass_lead_in(ctx, found, resolver)
    quotes = [_to_quote(text, f) for f in found]
    cue_heads = {f.attribution.cue.head.i for f in found
                 if f.attribution is not None and f.attribution.cue is not None}
    colon = find_after_colon(text, doc, ctx.in_quote, [(q.start, q.end) for q in quotes],
                             ctx.cues, ctx.subjects, cue_heads, ctx.paras, resolver)
    quotes.extend(colon)
    quotes.extend(find_turns(text, doc, ctx.in_quote, [(q.start, q.end) for q in quotes], ctx.paras,
                             resolver))
    cue_heads.update(ctx.tok_at(q.cue_start) for q in colon if q.cue_start is not None)
    headline = find_headline(text, doc, ctx.in_quote, [(q.start, q.end) for q in quotes
                                                       if q.speaker is not None], ctx.paras, resolver)
    # a quotation of the headline left with no speaker is the headline's source's
    quotes = [q for q in quotes if q.speaker is not None or q.cue is not None
              or not any(q.start < h.end and h.start < q.end for h in headline)]
    quotes.extend(headline)
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
    return nest(quotes)


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


def _to_quote(text: str, f: Found) -> Quote:
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
            while s_start < s_end and (text[s_start] in DASHES or text[s_start].isspace()):
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
