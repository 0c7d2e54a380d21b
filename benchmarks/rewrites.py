"""Content-farm rewrites of clean articles, for the reliability benchmark (seeded, deterministic).

    from rewrites import rewrite_all
    fakes = rewrite_all(originals, seed=13)      # originals: [{"id", "title", "text"}, ...]

Each rewrite does to one article what the content farms of issue 6 do (see
``../shared/samples/putin-pompeo-2019.txt``):

- stitch: one or two paragraphs lifted from other articles of the batch are inserted mid-body;
- spin: every country named in the text is run through a synonym table at random per mention
  ("Russia" -> "Russian Federation", "the United States" -> "the USA" / "United States of America");
- strip: the quotation marks of about half the direct quotes are removed (first-person ones first);
- caption: a photo caption ("X speaks to reporters in Geneva, May 9, 2019.") is pasted mid-body;
- boilerplate: two to four lines of site furniture ("Share this article", "Related: ...",
  "Discuss This Article", a copyright line) are left in.

The title is kept: the test is about the body, not headline style.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache

#: spinner forms per country (first: the usual short form); written for this benchmark
SPIN_FORMS: dict[str, list[str]] = {
    "USA": ["the United States", "the USA", "United States of America", "the US", "the U.S."],
    "GBR": ["Britain", "the United Kingdom", "Great Britain", "the UK", "United Kingdom of Great Britain"],
    "RUS": ["Russia", "Russian Federation", "the Russian Federation"],
    "CHN": ["China", "People's Republic of China", "the PRC"],
    "KOR": ["South Korea", "Republic of Korea", "the ROK"],
    "PRK": ["North Korea", "Democratic People's Republic of Korea", "the DPRK"],
    "IRN": ["Iran", "Islamic Republic of Iran"],
    "SYR": ["Syria", "Syrian Arab Republic"],
}
_PHRASE_WORDS = {"the", "of"}

CAPTION_PLACES = ["Geneva", "Brussels", "Washington", "Moscow", "Nairobi", "Jakarta", "Bogota", "Paris"]
CAPTION_VERBS = ["speaks to reporters in", "attends a meeting in", "arrives for talks in", "gestures during a news conference in"]
MONTHS = "January February March April May June July August September October November December".split()
BOILERPLATE = [
    "Share this article",
    "Discuss This Article",
    "Comments are closed.",
    "Like and share this story with your friends",
    "Sign up for our free newsletter today",
    "Other reports by {site}",
    "© {year} {site}. All rights reserved.",
]
SITES = ["Daily World Buzz", "News Fresh Hub", "Global Trends Today", "Iphone Fresh"]

_QUOTE = re.compile(r"“[^”\n]{20,}?”|\"[^\"\n]{20,}?\"")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")


@lru_cache(maxsize=1)
def country_forms() -> list[tuple[re.Pattern[str], list[str]]]:
    """(pattern of one country's names, its forms): the spinner table plus pycountry's official names."""
    table = {code: list(forms) for code, forms in SPIN_FORMS.items()}
    try:
        import pycountry

        for c in pycountry.countries:
            if c.alpha_3 in table:
                continue
            short = getattr(c, "common_name", None) or c.name
            official = getattr(c, "official_name", None)
            if "," in short or not official or "," in official or official == short:
                continue
            table[c.alpha_3] = [short, official if official.startswith("Republic") else "the " + official]
    except ImportError:  # pragma: no cover
        pass
    out: list[tuple[re.Pattern[str], list[str]]] = []
    for code, forms in table.items():
        bare = sorted({re.sub(r"^the\s+", "", f) for f in forms}, key=len, reverse=True)
        alts = "|".join(re.escape(b) for b in bare)
        # word boundaries by lookaround: "U.S." ends in a dot, where \b does not match
        out.append((re.compile(rf"(?:(?<!\w)[Tt]he\s+)?(?<![\w.])(?:{alts})(?![\w])(?!\s+[A-Z])"), forms))
    return out


def spin(text: str, rng: random.Random) -> str:
    """Each country mention replaced by a random form of the same country; the first mention of
    each country keeps its form, every later one is spun (so at least two forms appear)."""
    for pat, forms in country_forms():
        if len(forms) < 2:
            continue
        seen = [0]

        def repl(m: re.Match[str], forms: list[str] = forms, seen: list[int] = seen) -> str:
            seen[0] += 1
            if seen[0] == 1:
                return m.group(0)
            form = rng.choice(forms[1:])
            start_of_sentence = m.start() == 0 or text[max(0, m.start() - 2) : m.start()].strip() in (".", "")
            return form[0].upper() + form[1:] if start_of_sentence else form

        text = pat.sub(repl, text)
    return text


def strip_quotes(text: str, rng: random.Random) -> str:
    quotes = list(_QUOTE.finditer(text))
    if not quotes:
        return text
    first = [m for m in quotes if _FIRST_PERSON.search(m.group(0))]
    rest = [m for m in quotes if m not in first]
    rng.shuffle(rest)
    pick = (first + rest)[: max(1, (len(quotes) + 1) // 2)]
    for m in sorted(pick, key=lambda m: m.start(), reverse=True):
        text = text[: m.start()] + m.group(0)[1:-1] + text[m.end() :]
    return text


def caption(text: str, rng: random.Random) -> str:
    # a person of the article: a name followed by a speech verb
    names = re.findall(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}),?\s+(?:said|told|says|added)\b", text)
    who = rng.choice(names) if names else "A government spokesman"
    year = rng.choice(range(2015, 2023))
    return f"{who} {rng.choice(CAPTION_VERBS)} {rng.choice(CAPTION_PLACES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)}, {year}."


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def rewrite(rec: dict, donors: list[dict], rng: random.Random) -> dict:
    paras = _paragraphs(rec["text"])
    # stitch: paragraphs from other articles, after the lead
    for donor in rng.sample(donors, k=min(len(donors), rng.choice((1, 2)))):
        body = [p for p in _paragraphs(donor["text"])[1:] if len(p.split()) >= 15]
        if body:
            paras.insert(rng.randint(min(2, len(paras)), len(paras)), rng.choice(body))
    text = strip_quotes(spin("\n\n".join(paras), rng), rng)
    paras = _paragraphs(text)
    paras.insert(rng.randint(1, max(1, len(paras) - 1)), caption(text, rng))
    site = rng.choice(SITES)
    lines = [b.format(site=site, year=rng.choice(range(2015, 2023))) for b in rng.sample(BOILERPLATE, rng.randint(2, 4))]
    paras.insert(rng.randint(2, max(2, len(paras))), lines[0])
    paras.extend(lines[1:])
    return {"id": f"{rec['id']}-rewrite", "title": rec.get("title"), "text": "\n\n".join(paras)}


def rewrite_all(records: list[dict], seed: int = 13) -> list[dict]:
    """One rewrite per record; donors are the other records of the batch."""
    rng = random.Random(seed)
    out = []
    for i, rec in enumerate(records):
        donors = records[:i] + records[i + 1 :]
        out.append(rewrite(rec, donors, rng))
    return out
