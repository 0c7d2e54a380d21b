"""Numbers written the way another language writes them: the trace of a machine translation.

English writes a decimal point and a thousands comma ("6.5 percent", "30,000 cases").  Most of
continental Europe and Latin America write them the other way round ("6,5 %", "30.000"), and
French and the SI style separate thousands by a space ("27 000").  A report written in English
does not; a text machine-translated into English, as content farms do to disguise a copy
("translate and back"), keeps the source language's numbers.  ``foreign_number_format`` fires on
such numbers:

- a decimal comma: one to three digits, a comma, one or two digits, then a unit ("6,2 per cent",
  "3,10 dollars");
- a thousands point: whole thousands ("30.000 cases") or two groups or more ("1.200.000"), with no
  currency sign before it ("$2.378 billion" is a decimal) and no "million"/"billion" after it;
- a thousands space: whole thousands or two groups or more after a space, before a word in lower
  case ("27 000 submissions", "1 200 000 people"; not a phone number, not "219 219 likes").
"""

from __future__ import annotations

import re

from tidings.model import Article
from tidings.reliability.findings import Finding, clip, ramp

_UNIT = (r"(?:%|per ?cent|percent|percentage points?|points?|million|billion|trillion|dollars?|euros?|"
         r"pounds?|pesos?|rupees?|degrees?|kilo\w*|km|metres?|meters?|tonnes?|tons?|hectares?|times)\b")
_DECIMAL_COMMA = re.compile(rf"(?<![\d.,])\d{{1,3}},\d{{1,2}}(?![\d,])\s*{_UNIT}")
_THOUSANDS_POINT = re.compile(
    r"(?<![\d.,$€£¥])(?:\d{1,3}(?:\.\d{3}){2,}|\d{1,3}\.000)(?![\d.,])(?!\s*(?:million|billion|trillion)\b)"
    r"(?=\s+[a-z])")
_THOUSANDS_SPACE = re.compile(r"(?<!\d)(?<!\d )\d{1,3}(?: \d{3}){2,}(?![\d]| \d)(?=\s+[a-z])"
                              r"|(?<!\d)(?<!\d )\d{1,3} 000(?![\d]| \d)(?=\s+[a-z])")


def foreign_numbers(text: str) -> list[tuple[int, int]]:
    """The spans of numbers written in another language's format."""
    spans = {m.span() for r in (_DECIMAL_COMMA, _THOUSANDS_POINT, _THOUSANDS_SPACE) for m in r.finditer(text)}
    return sorted(spans)


def detect(article: Article) -> list[Finding]:
    spans = foreign_numbers(article.text)
    if not spans:
        return []
    n = len(spans)
    return [Finding(
        "foreign_number_format",
        ramp(n, 0, 2),
        f"{n} number{'s are' if n != 1 else ' is'} written the way another language writes them "
        "(a decimal comma, a thousands point or space): the trace of a machine translation into English",
        [clip(article.text[max(0, s - 30):e + 20], 80) for s, e in spans[:4]],
        spans,
    )]
