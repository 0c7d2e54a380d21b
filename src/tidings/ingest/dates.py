"""Dates as news pages write them, to ISO ``YYYY-MM-DD``.

Handles ``May 15, 2019``, ``15 May 2019``, ``Wednesday, May 15, 2019``, ``2019-05-15``,
``2019/05/15``, ``15/05/2019`` and ``15.05.2019``, with or without a trailing time.  An all-numeric
date whose day and month are both at most 12 (``04/11/2020``) is read day first, the order used by
most of the world's press; ISO dates are unambiguous.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i

#: a month's name or its abbreviation, any case with ``re.I``
MONTH_NAME = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_MONTH = rf"(?P<month>{MONTH_NAME})\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:[\s,T|·-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[A-Z]{2,4}|[+-]\d{2}:?\d{2}|\(?(?:UTC|GMT)[+-]?\d*\)?)?)?"

_PATTERNS: list[re.Pattern[str]] = [
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^(?P<year>\d{{4}})[-/.](?P<nmonth>\d{{1,2}})[-/.](?P<day>\d{{1,2}}){_TIME}$", re.I),
    re.compile(rf"^{_WEEKDAY}(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-](?P<year>\d{{4}}){_TIME}$", re.I),
]

#: words that may introduce a date line: "Published: May 15, 2019", "Updated on ..."
DATE_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+updated|date|dated|modified)(?:\s+on)?\s*[:\-–—]?\s*",
    re.I,
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The ISO date a whole string states, or None when it is not (only) a date."""
    s = text.strip().strip("|·").strip()
    s = DATE_PREFIX.sub("", s).strip()
    if not s or len(s) > 60:
        return None
    for pat in _PATTERNS:
        m = pat.match(s)
        if not m:
            continue
        groups = m.groupdict()
        year = int(groups["year"])
        if not 1900 <= year <= 2100:
            return None
        if groups.get("month"):
            month = MONTHS[groups["month"].lower().rstrip(".")]
            return _valid(year, month, int(groups["day"]))
        if groups.get("nmonth"):
            return _valid(year, int(groups["nmonth"]), int(groups["day"]))
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12:  # 15/05/2019: day first
            return _valid(year, b, a)
        if b > 12:  # 05/15/2019: month first
            return _valid(year, a, b)
        return _valid(year, b, a)  # ambiguous: day first
    return None


def normalise_date(value: str | None) -> str | None:
    """A metadata date (``2019-05-15``, ``2019-05-15T10:00:00Z``, ``May 15, 2019``) as ISO, or None."""
    if not value:
        return None
    v = value.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return parse_date(v)
