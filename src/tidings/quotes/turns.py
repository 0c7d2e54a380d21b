"""Quoted transcripts: one quotation per turn ("WALLACE: ..."), each spoken by its label."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from tidings.quotes.context import Attribution, Context, Found
from tidings.quotes.marks import Quoted
from tidings.quotes.speakers import Resolution, Resolver

#: "WALLACE:" / "JAKE TAPPER:" opening a paragraph of a transcript
_TURN_LABEL = re.compile(r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}:[ \t\u00a0]+")


def split_turns(text: str, doc: Doc, quotations: list[Quoted]
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


def pass_turns(ctx: Context, labels: dict[int, tuple[int, int]], resolver: Resolver,
                found: list[Found], used: set[int]) -> None:
    """Transcript turns: the label is the speaker."""
    for k, (ls, le) in sorted(labels.items()):
        a, b = ctx.tok_range(ls, le)
        if b <= a:
            continue
        span = ctx.doc[a:b]
        att = Attribution(cue=None, speaker_tok=span.root, speaker_span=span, base=0.85, mode="label")
        label = ctx.text[ls:le].strip()
        res = Resolution(resolver.canonical(label.title()), 0.85)
        found.append(Found(pieces=list(ctx.quotations[k].pieces), kind="direct", attribution=att,
                            quotations=[k], resolution=res))
        used.add(k)
