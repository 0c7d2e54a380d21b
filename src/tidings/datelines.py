"""Datelines: where a report was filed and by which agency ("KABUL, March 3 (Reuters) -").

A dateline opens an article or a paragraph; its place is where the reporter stood and its agency
the outlet, neither of them an actor of what the article reports.  The parser often takes the
place for the subject of the first sentence ("LONDON (Reuters) - The Bank of England raised
rates"), so the stages that code actors and events leave these tokens out, and a pipeline
component (``DatelineSplitter``, before the parser) marks the sentence after the dash as a
sentence of its own, which the parser then reads with its own subject.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tidings import pipes
from tidings.parsed import parsed

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token


#: capital letters of the Latin alphabets as a regular-expression class body, accented ones
#: included: a dateline's place is written in them ("BOGOTÁ —", "SÃO PAULO —", "İSTANBUL —")
CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
#: and the small letters beside them ("Bogotá", "Kraków")
SMALLS = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())

#: what ends a dateline: a dash or a colon after the place (and date, agency)
_DATELINE_ENDS = frozenset({"—", "–", "--", "-", ":"})

#: a month's name as news writes it, in full or cut short ("March", "Sept.", "Dec")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
#: a date alone, as it opens the entries of a timeline or a factbox ("March 18 -", "4 May 2024:")
_DATE = rf"(?:{_MONTH} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?)"
_DATE_ALONE = re.compile(_DATE)
#: a wire service's slug before a headline or a story ("UPDATE 2-", "EXCLUSIVE-", "FACTBOX:"),
#: in capitals as the wires print it
_SLUG = (r"(?:UPDATE|WRAPUP|EXCLUSIVE|ANALYSIS|INSIGHT|FACTBOX|REFILE|CORRECTED|RPT|URGENT|BREAKING|FOCUS|"
         r"EXPLAINER|TIMELINE|PREVIEW|RECAP)(?:\s+\d{1,2})?\s*(?:-|—|–|:)\s*")
_SLUG_AT = re.compile(_SLUG)


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of datelines: a place at the start of a paragraph, maybe with a region, a date
    and an agency, closed by a dash or a colon ("JAKARTA —", "GOMA, Democratic Republic of
    Congo —", "KABUL, March 3 (Reuters) -", "gandhinagar:").  No verb may stand in it."""
    out: set[int] = set()
    view = parsed(doc)
    text = view.text
    for sent in view.sents:
        start = sent.start
        if start > 0 and "\n" not in text[max(0, view.tokens[start].idx - 2): view.tokens[start].idx]:
            continue  # only at the start of the article or of a paragraph
        slug = _SLUG_AT.match(text, view.tokens[start].idx)
        if slug is not None:
            # "UPDATE 2-Russia expels ...": the wire's slug is no actor and no part of the clause
            out.update(t.i for t in view.tokens[start: sent.end] if t.idx < slug.end())
            continue
        for i in range(start, min(sent.end, start + 12)):
            tok = view.tokens[i]
            if tok.text in _DATELINE_ENDS and (tok.text == ":" or _free_standing(view.tokens, i)):
                if i > start and _DATE_ALONE.fullmatch(text[view.tokens[start].idx: tok.idx].strip()):
                    out.update(range(start, i + 1))  # (a date alone: "March" is no verb there)
                elif i > start and not any(view.pos[j] in ("VERB", "AUX") for j in range(start, i)):
                    first = view.tokens[start]
                    if first.is_upper or first.pos_ == "PROPN" or tok.text == ":":
                        out.update(range(start, i + 1))
                break
            if tok.text in (".", "!", "?", '"', "“"):
                break
    return out


def _free_standing(tokens: list[Token], i: int) -> bool:
    """A dash with space after it and space or a closing bracket before it: a dateline's dash,
    not the hyphen of a compound ("North Korea test-fired")."""
    prev = tokens[i - 1] if i > 0 else None
    return bool(tokens[i].whitespace_) and (prev is None or bool(prev.whitespace_) or prev.text == ")")


#: name of the pipeline component that parses a dateline apart from its sentence
NAME = "tidings_datelines"
#: a dateline at the start of the text or of a paragraph, as written before any parse: a place
#: in capitals (or a place and an agency in brackets), maybe a region or a date after a comma,
#: an agency, then a dash or a colon, and the sentence's first word in capitals; or a date
#: alone before the dash or colon
_OPENING = re.compile(
    rf"(?:^|\n)[ \t]*(?:(?:[{CAPITALS}][{CAPITALS}.'’ ]{{2,30}}?|[{CAPITALS}][{SMALLS}]+(?: [{CAPITALS}][{SMALLS}]+){{0,2}}(?=\s*\())"
    rf"(?:,\s*[^\n,—–:()-]{{1,30}}?){{0,2}}\s*(?:\([A-Za-z][A-Za-z .&-]{{1,30}}\))?\s*(?:—|–|--|-|:)\s+(?=[{CAPITALS}0-9\"“'‘])"
    rf"|{_DATE}\s*(?:—|–|--|-|:)\s+(?=[{CAPITALS}\"“])"
    # a wire's slug ("UPDATE 2-Russia expels"), and a headline's opening quotation ("'We will not
    # bow': Iran rejects US demands"), whose clause the parser would otherwise take for the main one
    rf"|{_SLUG}(?=[{CAPITALS}])|['‘\"“][^'’\"”\n]{{2,80}}['’\"”]\s*:\s+(?=[{CAPITALS}]))")


class DatelineSplitter:
    """Marks the first word after a dateline as the start of a sentence, before the parser runs,
    so the parser reads "GUATEMALA CITY - Agents from the prosecutor's office raided ..." as the
    place and the sentence apart: the model otherwise hangs the subject on the place ("CITY -
    Agents") and the clause loses its subject."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        if "-" not in text and "—" not in text and "–" not in text and ":" not in text:
            return doc
        starts = {t.idx: t.i for t in doc}
        for m in _OPENING.finditer(text):
            k = starts.get(m.end())
            if k is None or k == 0:
                continue
            doc[k].is_sent_start = True
            # (and no other start before the sentence's own full stop: told only where the
            # sentence begins, the parser may cut it again after its first word)
            for j in range(k + 1, len(doc)):
                if doc[j - 1].text in (".", "!", "?") or "\n" in doc[j - 1].text_with_ws:
                    break
                doc[j].is_sent_start = False
        return doc


def add_to(nlp: Language) -> None:
    """Put the component before the parser of ``nlp`` (once)."""
    pipes.append(nlp, NAME, DatelineSplitter, before="parser")
