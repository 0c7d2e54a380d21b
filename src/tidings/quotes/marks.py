"""Quotation marks: find them, decide which open and which close, and pair them into quoted spans.

Real text is messy: straight and curly marks are mixed, a closing mark is typed as an opening one,
a mark is missing, a quote runs over several paragraphs with an opening mark at the start of each
paragraph and a single closing mark at the end, quotes are nested.  The pairing here is one linear
pass over the marks with a small stack, so it never fails and stays fast on any input.

Each mark's role comes from its surroundings first (a mark after a space and before a letter opens,
one after a letter or punctuation and before a space closes), then from its glyph (“ opens, ” closes),
then from the state (a straight mark with no telling context closes an open quote, else opens one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

#: double quotation marks by glyph
OPENERS = frozenset("\u201c\u201e\u201f\u00ab\u301d")  # “ „ ‟ « 〝
CLOSERS = frozenset("\u201d\u00bb\u301e\u301f")  # ” » 〞 〟
NEUTRAL = frozenset('"\uff02')  # " ＂
DOUBLE_MARKS = OPENERS | CLOSERS | NEUTRAL
#: single marks, used as the primary quotation marks only when a text has no double marks
SINGLE_OPENERS = frozenset("\u2018\u201b\u2039")  # ‘ ‛ ‹
SINGLE_CLOSERS = frozenset("\u2019\u203a")  # ’ ›
SINGLE_NEUTRAL = frozenset("'")
SINGLE_MARKS = SINGLE_OPENERS | SINGLE_CLOSERS | SINGLE_NEUTRAL

_OPEN_CONTEXT = frozenset("([{\u2014\u2013-/")  # what may stand before an opening mark
_CLOSE_CONTEXT = frozenset(".,;:!?)]}\u2026\u2014\u2013-/")  # what may follow a closing mark
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


def _any_of(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


#: the characters at which find_marks can find a mark (double family: also `` and '' pairs)
_MARK_CHARS = _any_of(OPENERS | CLOSERS | NEUTRAL | {"`", "'"})
_SINGLE_MARK_CHARS = _any_of(SINGLE_MARKS)


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class Mark:
    pos: int  # char offset of the mark
    length: int  # 1, or 2 for `` and ''
    role: Role  # role from context and glyph
    glyph_role: Role  # role from the glyph alone


@dataclass
class Quoted:
    """One quotation: its content pieces (one per paragraph) and the marks around it."""

    pieces: list[tuple[int, int]]  # content spans, marks excluded, whitespace trimmed
    open_pos: int  # offset of the opening mark (content start when the opener was missing)
    close_pos: int | None  # offset of the closing mark; None when it never closed
    close_len: int = 1
    repaired: bool = False  # an opening or closing mark was missing and was inferred
    depth: int = 0  # 0 for top level, 1+ for quotes inside quotes
    children: list[Quoted] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.pieces[0][0] if self.pieces else self.open_pos

    @property
    def end(self) -> int:
        return self.pieces[-1][1] if self.pieces else self.open_pos

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark (or of the content when the opener was inferred)."""
        return min(self.open_pos, self.start)

    @property
    def outer_end(self) -> int:
        """Offset just after the closing mark (or after the content when it never closed)."""
        if self.close_pos is None:
            return self.end
        return self.close_pos + self.close_len

    @property
    def closed(self) -> bool:
        return self.close_pos is not None

    @property
    def multi_paragraph(self) -> bool:
        return len(self.pieces) > 1


def _hard_wrapped(text: str) -> bool:
    """Text broken into lines of similar length mid-sentence (e-mail style): there a single line
    break is not a paragraph break."""
    lines = [ln.rstrip() for ln in text.split("\n") if ln.strip()]
    if len(lines) < 5:
        return False
    wrapped = sum(1 for ln in lines if 40 <= len(ln) <= 100 and ln[-1] not in ".!?:\"\u201d'")
    return wrapped >= 0.6 * len(lines)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end): every line is a paragraph, except in hard-wrapped text, where
    paragraphs are separated by blank lines."""
    if not text:
        return []
    if _hard_wrapped(text):
        breaks = [(m.start(), m.end()) for m in _PARA_BREAK.finditer(text)]
    else:
        breaks = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(text)]
    spans: list[tuple[int, int]] = []
    pos = 0
    for b_start, b_end in breaks:
        spans.append((pos, b_start))
        pos = b_end
    spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_space(ch: str | None) -> bool:
    return ch is None or ch.isspace()


def _context_role(prev: str | None, nxt: str | None) -> Role:
    left_open = _is_space(prev) or (prev is not None and prev in _OPEN_CONTEXT)
    right_close = _is_space(nxt) or (nxt is not None and nxt in _CLOSE_CONTEXT)
    if left_open and not right_close:
        return Role.OPEN
    if right_close and not left_open:
        return Role.CLOSE
    return Role.AMBIGUOUS


def find_marks(text: str, single: bool = False) -> list[Mark]:
    """Every quotation mark of the chosen family (double by default) with its role."""
    marks: list[Mark] = []
    n = len(text)
    if single:
        openers, closers, neutral = SINGLE_OPENERS, SINGLE_CLOSERS, SINGLE_NEUTRAL
    else:
        openers, closers, neutral = OPENERS, CLOSERS, NEUTRAL
    family = openers | closers | neutral
    candidates = _SINGLE_MARK_CHARS if single else _MARK_CHARS
    i = 0
    while i < n:
        found = candidates.search(text, i)  # every other character is skipped below anyway
        if found is None:
            break
        i = found.start()
        ch = text[i]
        length = 1
        if ch == '"' and i > 0 and text[i - 1] == "=":
            # an attribute value in markup left in the text (author="X"): its marks quote no one
            close = text.find('"', i + 1)
            i = n if close < 0 else close + 1
            continue
        if not single and ch in "`'" and i + 1 < n and text[i + 1] == ch:
            # ``LaTeX-style'' quotes
            # `` always opens; '' closes in TeX but opens and closes in some archives' text
            glyph = Role.OPEN if ch == "`" else Role.AMBIGUOUS
            length = 2
        elif ch in family:
            glyph = Role.OPEN if ch in openers else Role.CLOSE if ch in closers else Role.AMBIGUOUS
        else:
            i += 1
            continue
        prev = text[i - 1] if i > 0 else None
        nxt = text[i + length] if i + length < n else None
        role = _context_role(prev, nxt)
        if single:
            # a single mark inside a word is an apostrophe (don't, Iran's); one after a letter
            # and before a space is only taken as a closing mark when a quote is open
            if prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
                i += length
                continue
            if role is Role.AMBIGUOUS:
                i += length
                continue
        marks.append(Mark(pos=i, length=length, role=role, glyph_role=glyph))
        i += length
    return marks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def pair_marks(text: str, marks: list[Mark]) -> list[Quoted]:
    """Pair marks into quotations; returns top-level quotations in text order (nested ones are
    reachable through ``children``).  Linear in the number of marks."""
    paras = paragraph_spans(text)
    if not paras:
        return []
    result: list[Quoted] = []
    stack: list[tuple[Quoted, int]] = []  # (quote being built, content start of current piece)
    mi = 0
    n_marks = len(marks)

    def finish_unclosed(para_end: int, next_para_start: int | None) -> None:
        """End of a paragraph with quotes open: continue, or close them where they stop."""
        nonlocal mi
        # innermost open quotes cannot survive a paragraph break
        while len(stack) > 1:
            q, _ = stack.pop()
            parent = stack[-1][0]
            if q in parent.children:
                parent.children.remove(q)
        q, piece_start = stack[0]
        continues = False
        if next_para_start is not None and mi < n_marks:
            m = marks[mi]
            if m.pos == next_para_start and (m.role is Role.OPEN or (
                    m.role is Role.AMBIGUOUS and m.glyph_role is not Role.CLOSE)):
                continues = True
        if q.children and not continues:
            # a quote with a quote inside that never closes: more likely its own closing mark
            # was dropped before the inner quote began than a nesting
            first = q.children[0]
            s, e = _trim(text, piece_start, first.outer_start)
            q.pieces.append((s, e))
            q.repaired = True
            for child in q.children:
                child.depth = 0
            inner = q.children
            q.children = []
            stack.clear()
            if e > s:
                result.append(q)
            result.extend(inner)
            return
        s, e = _trim(text, piece_start, para_end)
        if e > s:
            q.pieces.append((s, e))
        if continues:
            m = marks[mi]
            mi += 1
            stack[0] = (q, m.pos + m.length)
        else:
            q.repaired = True
            stack.clear()
            if q.pieces:
                result.append(q)

    para_idx = 0
    last_top_end_in_para = paras[0][0]
    while mi < n_marks or para_idx < len(paras):
        if para_idx >= len(paras):
            break
        p_start, p_end = paras[para_idx]
        if mi < n_marks and marks[mi].pos < p_end:
            m = marks[mi]
            mi += 1
            if m.pos < p_start:
                continue
            role = m.role
            is_open = bool(stack)
            if role is Role.AMBIGUOUS:
                if m.glyph_role is Role.AMBIGUOUS:
                    role = Role.CLOSE if is_open else Role.OPEN
                else:
                    role = m.glyph_role
            elif role is Role.OPEN and is_open and m.glyph_role is Role.CLOSE:
                role = Role.CLOSE  # ” typed where the context says "opens": trust the glyph
            elif role is Role.CLOSE and not is_open and m.glyph_role is Role.OPEN:
                role = Role.OPEN
            if role is Role.OPEN:
                q = Quoted(pieces=[], open_pos=m.pos, close_pos=None, depth=len(stack))
                if stack:
                    stack[-1][0].children.append(q)
                stack.append((q, m.pos + m.length))
            else:
                if stack:
                    q, piece_start = stack.pop()
                    s, e = _trim(text, piece_start, m.pos)
                    q.pieces.append((s, e))
                    q.close_pos = m.pos
                    q.close_len = m.length
                    if not stack:
                        if q.end > q.start or len(q.pieces) > 1:
                            result.append(q)
                        last_top_end_in_para = m.pos + m.length
                elif (m.length == 1 and text[m.pos] in SINGLE_MARKS and m.pos > 0
                      and text[m.pos - 1].isalpha()):
                    # a single mark after a letter with nothing open is an apostrophe: a plural
                    # possessive (the workers' union) or a dropped letter (goin'), not a quote's end
                    continue
                else:
                    # a closing mark with nothing open: the opener was dropped; the quote is
                    # taken to run from the paragraph start (or the last quote in it)
                    s, e = _trim(text, last_top_end_in_para, m.pos)
                    while s < e and text[s] in ".;:!?\u2014\u2013- ":
                        s += 1
                    if e > s:
                        result.append(Quoted(pieces=[(s, e)], open_pos=s, close_pos=m.pos,
                                             close_len=m.length, repaired=True))
                    last_top_end_in_para = m.pos + m.length
            continue
        # paragraph ends
        next_start = paras[para_idx + 1][0] if para_idx + 1 < len(paras) else None
        if stack:
            finish_unclosed(p_end, next_start)
        para_idx += 1
        if para_idx < len(paras):
            last_top_end_in_para = paras[para_idx][0]
    result.sort(key=lambda q: q.outer_start)
    return result


def find_quotations(text: str) -> list[Quoted]:
    """Top-level quotations of a text.  Double marks are the quotation marks; a text with no
    double marks at all is read with single marks (‘...’ or '...') instead."""
    if not text:
        return []
    marks = find_marks(text)
    if not marks:
        marks = find_marks(text, single=True)
    return pair_marks(text, marks)
