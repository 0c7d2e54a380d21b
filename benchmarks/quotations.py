"""Quotations benchmark: planted quotes across 10,000 articles, merged and their speakers compared.

    .venv/bin/python benchmarks/quotations.py                       # family tune: 1,200 quotes, 10,000 articles
    .venv/bin/python benchmarks/quotations.py --family locked       # the variant family nobody tunes on
    .venv/bin/python benchmarks/quotations.py --ingest 150          # + an end-to-end run through ingest
    .venv/bin/python benchmarks/quotations.py --store               # + the store's rebuild over the same rows

Quotes are real: the direct quotes (8 words or more) of the articles ``provenance.py`` reads in place
from ``../shared/eval`` (PolNeAR train and dev, the reliability articles; never copied into the
repository).  ``--quotes`` of them (default 1,200) are *planted*: each appears in 2-8 articles, each
mention a variant made by ``--family``; every other quote appears once, as a distractor (real quotes
share stock phrases: "I think it is", "the American people").  A distractor sharing six words in a
row with a planted quote or another distractor is left out, so the only true merges are the planted
ones.  The mentions are spread over ``--articles`` articles (dates over two months, ten outlets) and
given straight to the corpus stage (``tidings.store.quotations``, the rule a store runs at ingest)
as rows: running the full analysis on 10,000 articles takes hours on two cores.

Variant families (how each mention of a planted quote is written):

tune      exact; punctuation (marks, commas, case of the first letter, trailing stop); ellipsis (a
          middle stretch of 2+ words as "..." or "…"); partial (a contiguous stretch of 40-95% of
          the words, at least 6); spun (1-3 spans swapped through ``manipulate.py``'s tune tables);
          partial+spun; ellipsis+punctuation.
locked    never tuned against: punctuation by other means (sentences joined by semicolons, dashes,
          all stops and commas gone); elisions written ". . .", "[…]" or "(...)", or two of them; a
          leading or trailing elision (the quote picked up mid-way); a pronoun replaced by an
          editorial insertion ("[the minister]"); spun at a rate of 15-35% of what the locked tables
          can swap (at least one, at most four); spun + elision.

Speakers: each planted quote has one made-up person (names written for this benchmark) with an
actor code.  A mention names them in full, by surname, with a title, by a description of the same
country ("a senior official", same actor code), by a pronoun, or not at all.  ``--conflicts`` of the
planted quotes (default 25%) get one mention (never the first) that names another person (or, one
time in ten, a description with another country's actor code).

Printed: pairwise merge precision and recall over mentions (and recall per variant kind: the share
of mentions of that kind merged with the quote's first mention), the planted conflicts found (the
wrong mention flagged), the false-conflict rate (quotes with no planted conflict whose mentions are
flagged, of all such quotes, distractors included; and flagged mentions that are not in a planted
conflict's quote), and the time the stage took.

``--ingest N`` also writes N articles holding planted quotes (within a real paragraph or two) as
JSONL, runs ``tidings ingest`` on them into a temporary store, and scores the stored quotations:
each planted mention is found by the quote extractor (span overlap), then pairs are scored as above.

Without ``../shared/eval`` it prints a note and exits 0.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from content_farm import DEFAULT_DATA  # noqa: E402
from manipulate import SPIN_STYLES, _render, direct_quotes, spin_candidates  # noqa: E402
from provenance import originals  # noqa: E402

from tidings.store.quotations import QuoteRow, conflicts, group_quotes  # noqa: E402

FAMILIES = ("tune", "locked")
FIRST = """Amara Bogdan Carmen Dmitri Elena Farid Greta Hiroshi Ingrid Jamal Katarina Lucas Mariam Nikolai
Olga Pedro Quentin Rosa Samir Tatiana Umar Valeria Wendell Ximena Yusuf Zofia Anders Beatriz Cyril Dalia
Emeka Fiona Goran Helga Idris Jonas Kwame Leila Mateo Nadia""".split()
LAST = """Okafor Lindqvist Moreau Kowalczyk Haddad Tanaka Petrov Alvarez Brennan Castellanos Dufresne Eriksen
Fontaine Gallagher Horvath Iwasaki Jablonski Karimi Laurent Mbeki Novak Oyelaran Pacheco Quiroga Rasmussen
Sandoval Takahashi Uribe Varga Whitaker Xiong Yilmaz Zielinski Abernathy Bianchi Chaudhry Delacroix
Esposito Ferreira Grünewald""".split()
TITLES = ("Minister", "Senator", "Governor", "General", "Mayor", "President", "Dr.")
COUNTRIES = ("USA", "GBR", "FRA", "NGA", "BRA", "IND", "RUS", "CHN", "DEU", "MEX", "KEN", "TUR", "JPN", "EGY")
ROLES = ("GOV", "LEG", "MIL", "OPP", "BUS")
DEMONYM = {"USA": "American", "GBR": "British", "FRA": "French", "NGA": "Nigerian", "BRA": "Brazilian",
           "IND": "Indian", "RUS": "Russian", "CHN": "Chinese", "DEU": "German", "MEX": "Mexican",
           "KEN": "Kenyan", "TUR": "Turkish", "JPN": "Japanese", "EGY": "Egyptian"}
DESCRIPTIONS = ("a senior official", "a spokeswoman for the ministry", "an aide", "a government source",
                "a person familiar with the talks", "the official")
OUTLETS = [f"outlet{i}.example" for i in range(10)]
_WORDS = re.compile(r"\w+")


@dataclass
class Person:
    first: str
    last: str
    actor: str
    title: str


@dataclass
class Planted:
    """One mention as planted: which quote, how it was written, who it names."""

    quote: int  # planted quote number, or -1 - n for distractor n
    variant: str
    text: str
    speaker_text: str | None
    speaker_name: str | None
    actor: str | None
    wrong: bool  # names another speaker than the quote's own


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(text)]


def load_quotes(data: Path) -> list[str]:
    """Distinct real direct quotes of 8+ words, in a fixed order."""
    seen: set[str] = set()
    out = []
    for rec in originals(data):
        for m in direct_quotes(rec["text"]):
            inner = (m.group(2) or m.group(5) or "").strip().rstrip(",").strip()
            key = " ".join(words(inner))
            if re.search(r"[\"“”]|''", inner):
                continue  # a quote with quotes (and their attribution) inside: not one statement
            if len(key.split()) >= 8 and key not in seen:
                seen.add(key)
                out.append(inner)
    return out


def _grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def split_quotes(quotes: list[str], n_planted: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Planted quotes and distractors, none of which shares six words in a row with another."""
    order = quotes[:]
    rng.shuffle(order)
    taken: set[tuple[str, ...]] = set()
    kept: list[str] = []
    for q in order:
        g = _grams(q)
        if g & taken:
            continue
        taken |= g
        kept.append(q)
    return kept[:n_planted], kept[n_planted:]


# ------------------------------------------------------------------------------------------- variants

def _spin(text: str, family: str, rng: random.Random, count: int | None = None, rate: float = 0.0) -> str | None:
    cands = spin_candidates(text, family, list(SPIN_STYLES), False)
    if not cands:
        return None
    k = count if count is not None else max(1, min(4, round(rate * len(cands))))
    picks = sorted(rng.sample(cands, min(k, len(cands))), key=lambda c: c[0])
    out, last = [], 0
    for start, end, style, alts in picks:
        out.append(text[last:start])
        out.append(_render(text, start, end, style, rng.choice(alts)))
        last = end
    out.append(text[last:])
    return "".join(out)


def _tokens(text: str) -> list[str]:
    return text.split()


def _punct_tune(text: str, rng: random.Random) -> str:
    t = text
    if rng.random() < 0.5:
        t = t.replace(",", "")
    if rng.random() < 0.5:
        t = t.replace("'", "’") if "'" in t else t.replace("’", "'")
    if rng.random() < 0.5:
        t = t[:1].lower() + t[1:] if t[:1].isupper() else t[:1].upper() + t[1:]
    t = t.rstrip(".!?,") + rng.choice(["", ".", "!", ","])
    return t if t != text else t + "."


def _ellipsis_tune(text: str, rng: random.Random) -> str | None:
    w = _tokens(text)
    if len(w) < 10:
        return None
    size = rng.randint(2, max(2, len(w) // 3))
    start = rng.randint(3, len(w) - size - 3)
    return " ".join(w[:start]) + rng.choice([" ... ", " … ", "... "]) + " ".join(w[start + size:])


def _partial(text: str, rng: random.Random, low: float = 0.4, edge: str | None = None) -> str | None:
    w = _tokens(text)
    n = len(w)
    size = rng.randint(max(6, int(low * n + 0.999)), max(6, int(0.95 * n)))
    if size >= n:
        return None
    if edge == "start":
        start = 0
    elif edge == "end":
        start = n - size
    else:
        start = rng.randint(0, n - size)
    return " ".join(w[start:start + size]).strip(",;:")


def _punct_locked(text: str, rng: random.Random) -> str:
    style = rng.choice(["semicolons", "dashes", "bare"])
    if style == "semicolons":
        t = re.sub(r"([a-z])\. ([A-Z])", lambda m: f"{m.group(1)}; {m.group(2).lower()}", text)
        t = t.replace(", ", "; ") if t == text else t
    elif style == "dashes":
        t = re.sub(r", ", " — ", text, count=2)
        t = t if t != text else text.rstrip(".") + " —"
    else:
        t = re.sub(r"[.,;:!?]", "", text)
    return t if t != text else text.upper()


def _elide_locked(text: str, rng: random.Random, times: int = 1) -> str | None:
    w = _tokens(text)
    mark = rng.choice([" . . . ", " […] ", " (...) "])
    for _ in range(times):
        if len(w) < 11:
            return None
        size = rng.randint(2, max(2, len(w) // 4))
        start = rng.randint(3, len(w) - size - 3)
        w = w[:start] + [mark.strip()] + w[start + size:]
    return " ".join(w)


def _pickup_locked(text: str, rng: random.Random) -> str | None:
    edge = rng.choice(["start", "end"])
    part = _partial(text, rng, 0.5, "end" if edge == "start" else "start")
    if part is None:
        return None
    return ("… " + part) if edge == "start" else (part + " …")


def _insertion_locked(text: str, rng: random.Random) -> str | None:
    spots = [m for m in re.finditer(r"\b(he|she|they|it|him|her|them)\b", text)]
    if not spots:
        return None
    m = rng.choice(spots)
    return text[:m.start()] + rng.choice(["[the minister]", "[the company]", "[the government]", "[Ms. Reyes]"]) \
        + text[m.end():]


TUNE_VARIANTS = ("exact", "punct", "ellipsis", "partial", "spun", "partial+spun", "ellipsis+punct")
LOCKED_VARIANTS = ("exact", "punct", "elide", "elide2", "pickup", "insertion", "spun", "spun+elide")


def variant(text: str, family: str, rng: random.Random) -> tuple[str, str]:
    """One mention of ``text``: (how it was written, the words)."""
    kinds = TUNE_VARIANTS if family == "tune" else LOCKED_VARIANTS
    weights = (2, 2, 1.5, 1.5, 2, 1, 1) if family == "tune" else (2, 1.5, 1, 0.5, 1, 1, 2, 1)
    for _ in range(6):
        kind = rng.choices(kinds, weights)[0]
        got: str | None
        if kind == "exact":
            got = text
        elif kind == "punct":
            got = _punct_tune(text, rng) if family == "tune" else _punct_locked(text, rng)
        elif kind == "ellipsis":
            got = _ellipsis_tune(text, rng)
        elif kind == "partial":
            got = _partial(text, rng)
        elif kind == "spun":
            got = _spin(text, family, rng, count=rng.randint(1, 3)) if family == "tune" else \
                _spin(text, family, rng, rate=rng.uniform(0.15, 0.35))
        elif kind == "partial+spun":
            part = _partial(text, rng, 0.6)
            got = _spin(part, family, rng, count=rng.randint(1, 2)) if part else None
        elif kind == "ellipsis+punct":
            e = _ellipsis_tune(text, rng)
            got = _punct_tune(e, rng) if e else None
        elif kind in ("elide", "elide2"):
            got = _elide_locked(text, rng, 1 if kind == "elide" else 2)
        elif kind == "pickup":
            got = _pickup_locked(text, rng)
        elif kind == "insertion":
            got = _insertion_locked(text, rng)
        else:  # spun+elide
            s = _spin(text, family, rng, rate=rng.uniform(0.15, 0.35))
            got = _elide_locked(s, rng) if s else None
        if got and got.strip():
            return kind, got
    return "exact", text


# ------------------------------------------------------------------------------------------- speakers

def people(rng: random.Random, n: int = 400) -> list[Person]:
    seen: set[tuple[str, str]] = set()
    out = []
    while len(out) < n:
        f, last = rng.choice(FIRST), rng.choice(LAST)
        if (f, last) in seen:
            continue
        seen.add((f, last))
        out.append(Person(f, last, rng.choice(COUNTRIES) + rng.choice(ROLES), rng.choice(TITLES)))
    return out


def named(p: Person, rng: random.Random) -> tuple[str | None, str | None, str | None]:
    """(speaker text, resolved name, actor) of one mention of ``p``."""
    r = rng.random()
    full = f"{p.first} {p.last}"
    if r < 0.35:
        return full, full, p.actor
    if r < 0.55:
        return p.last, (full if rng.random() < 0.5 else None), (p.actor if rng.random() < 0.5 else None)
    if r < 0.65:
        return f"{p.title} {p.last}", f"{p.title} {p.last}", p.actor
    if r < 0.75:
        return rng.choice(DESCRIPTIONS), None, p.actor
    if r < 0.80:
        return rng.choice(["he", "she"]), None, None
    return None, None, None


def other_person(p: Person, pool: list[Person], rng: random.Random) -> Person:
    while True:
        o = rng.choice(pool)
        if o.first != p.first and o.last != p.last:
            return o


# ------------------------------------------------------------------------------------------- the corpus

def plant(planted: list[str], distractors: list[str], family: str, seed: int, conflict_share: float
          ) -> list[Planted]:
    rng = random.Random(f"quotations|{family}|{seed}")
    pool = people(rng)
    out: list[Planted] = []
    for qi, text in enumerate(planted):
        who = rng.choice(pool)
        k = rng.randint(2, 8)
        wrong_at = -1
        if rng.random() < conflict_share:
            k = max(k, 3)
            wrong_at = rng.randint(1, k - 1)
        for j in range(k):
            kind, said = ("exact", text) if j == 0 else variant(text, family, rng)
            if j == wrong_at:
                other = other_person(who, pool, rng)
                if rng.random() < 0.1:
                    country = next(c for c in rng.sample(COUNTRIES, len(COUNTRIES)) if c != who.actor[:3])
                    st, sn, actor = f"a {DEMONYM[country]} official", None, country + "GOV"
                else:
                    full = f"{other.first} {other.last}"
                    st, sn, actor = (full, full, other.actor) if rng.random() < 0.6 else (other.last, None, None)
                out.append(Planted(qi, kind, said, st, sn, actor, True))
                continue
            if j == 0 or (wrong_at >= 0 and j == 1 and wrong_at != 1):
                full = f"{who.first} {who.last}"  # the conflict has a named speaker to differ from
                st, sn, actor = full, full, who.actor
            else:
                st, sn, actor = named(who, rng)
            out.append(Planted(qi, kind, said, st, sn, actor, False))
    for di, text in enumerate(distractors):
        p = rng.choice(pool)
        st, sn, actor = named(p, rng)
        out.append(Planted(-1 - di, "distractor", text, st, sn, actor, False))
    return out


def spread(mentions: list[Planted], n_articles: int, seed: int) -> list[QuoteRow]:
    """Rows for the mentions, spread over ``n_articles`` articles (two mentions of one quote never
    in one article)."""
    rng = random.Random(f"quotations-spread|{seed}")
    start = date(2026, 3, 1)
    day = [start + timedelta(days=rng.randint(0, 60)) for _ in range(n_articles)]
    outlet = [rng.choice(OUTLETS) for _ in range(n_articles)]
    used: dict[int, set[int]] = defaultdict(set)
    count: Counter[int] = Counter()
    rows = []
    for m in mentions:
        while True:
            a = rng.randrange(n_articles)
            if a not in used[m.quote]:
                break
        used[m.quote].add(a)
        idx = count[a]
        count[a] += 1
        rows.append(QuoteRow(f"art{a:05d}", idx, m.text, 0, len(m.text), m.speaker_text, m.speaker_name, m.actor,
                             day[a], a + 1, outlet[a]))
    return rows


# ------------------------------------------------------------------------------------------- scoring

def pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(gold: list[Any], pred: list[Any]) -> tuple[float, float]:
    both = Counter(zip(gold, pred))
    same_both = sum(pairs(n) for n in both.values())
    same_gold = sum(pairs(n) for n in Counter(gold).values())
    same_pred = sum(pairs(n) for n in Counter(pred).values())
    return (same_both / same_pred if same_pred else 1.0, same_both / same_gold if same_gold else 1.0)


def score(mentions: list[Planted], rows: list[QuoteRow], seconds: float, label: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    found = group_quotes(rows)
    took = time.perf_counter() - t0 + seconds
    where: dict[tuple[str, int], int] = {}
    flagged: set[tuple[str, int]] = set()
    for qi, q in enumerate(found):
        for m in q.mentions:
            where[(m.article_id, m.idx)] = qi
        flagged |= {(c.mention.article_id, c.mention.idx) for c in conflicts(q)}
    keys = [(r.article_id, r.idx) for r in rows]
    gold = [m.quote for m in mentions]
    pred = [where.get(k, -1 - i) for i, k in enumerate(keys)]
    precision, recall = pairwise(gold, pred)
    first: dict[int, int] = {}
    for m, p in zip(mentions, pred):
        if m.quote >= 0 and m.quote not in first:
            first[m.quote] = p
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m, p in zip(mentions, pred):
        if m.quote >= 0 and m.variant != "exact" or (m.quote >= 0 and m.variant == "exact"):
            cell = by_kind[m.variant]
            cell[0] += p == first[m.quote]
            cell[1] += 1
    wrong = [(m, k) for m, k in zip(mentions, keys) if m.wrong]
    caught = sum(k in flagged for _, k in wrong)
    with_conflict = {m.quote for m in mentions if m.wrong}
    clean: dict[int, bool] = {}
    for m, k in zip(mentions, keys):
        if m.quote not in with_conflict:
            clean[m.quote] = clean.get(m.quote, False) or k in flagged
    false_quotes = sum(clean.values())
    false_mentions = sum(k in flagged for m, k in zip(mentions, keys) if m.quote not in with_conflict)
    all_flagged = len(flagged)
    out = {"label": label, "mentions": len(rows), "articles": len({r.article_id for r in rows}),
           "quotations": len(found), "precision": precision, "recall": recall,
           "by_kind": {k: v for k, v in sorted(by_kind.items())}, "conflicts_planted": len(wrong),
           "conflicts_found": caught, "clean_quotes": len(clean), "false_conflict_quotes": false_quotes,
           "flagged": all_flagged, "false_flagged": false_mentions, "seconds": took}
    return out


def report(r: dict[str, Any]) -> None:
    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.3f}" if b else "n/a"

    print(f"{r['label']}: {r['mentions']} mentions in {r['articles']} articles -> {r['quotations']} quotations "
          f"({r['seconds']:.1f} s)")
    print(f"  merge precision (pairwise):   {r['precision']:.4f}")
    print(f"  merge recall (pairwise):      {r['recall']:.4f}")
    print("  recall by variant (merged with the quote's first mention):")
    for k, (a, b) in r["by_kind"].items():
        print(f"    {k:18} {pct(a, b)}")
    print(f"  planted conflicts found:      {pct(r['conflicts_found'], r['conflicts_planted'])}")
    print(f"  false conflicts (quotes):     {pct(r['false_conflict_quotes'], r['clean_quotes'])}")
    print(f"  flagged mentions not planted: {pct(r['false_flagged'], r['flagged'])}")


# ------------------------------------------------------------------------------------------- end to end

def ingest_run(mentions: list[Planted], n: int, seed: int, keep: Path | None = None) -> None:
    """``n`` articles through ``tidings ingest``: each one planted mention in a real paragraph."""
    rng = random.Random(f"quotations-ingest|{seed}")
    planted_grams = set().union(*(_grams(m.text) for m in mentions if m.quote >= 0))
    # real paragraphs around the quote, none holding a planted quote itself (it was said by someone)
    paras = [p for rec in originals(DEFAULT_DATA)[:400] for p in rec["text"].split("\n")
             if len(p.split()) > 25 and not _grams(p) & planted_grams]
    chosen: list[Planted] = []
    by_quote: dict[int, list[Planted]] = defaultdict(list)
    for m in mentions:
        if m.quote >= 0:
            by_quote[m.quote].append(m)
    for qi in sorted(by_quote, key=lambda q: rng.random()):
        if len(chosen) >= n:
            break
        chosen.extend(by_quote[qi][:4])
    chosen = chosen[:n]
    records = []
    spans: list[tuple[str, int, int]] = []
    for i, m in enumerate(chosen):
        who = m.speaker_text or "the statement"
        said = m.text.strip().rstrip(",")
        # a pronoun stands for someone the paragraph named first, as in a report
        before = f"{m.speaker_name or 'A spokesperson'} spoke to reporters on Monday. " \
            if who in ("he", "she") else ""
        if rng.random() < 0.5:
            comma = "" if said[-1:] in ".!?…" else ","
            quote_par = f"{before}“{said}{comma}” {who} said." if m.speaker_text else f"“{said}{comma}” the statement said."
            qs = len(before) + 1
        else:
            quote_par = f"{before}{who[:1].upper() + who[1:]} said: “{said}”"
            qs = quote_par.index("“") + 1
        lead = rng.choice(paras)
        text = f"{lead}\n\n{quote_par}\n\n{rng.choice(paras)}"
        offset = len(lead) + 2 + qs
        spans.append((f"e2e-{i:04d}", offset, offset + len(said)))
        records.append({"id": f"e2e-{i:04d}", "title": f"Report {i}", "published": f"2026-04-{1 + i % 28:02d}",
                        "source": OUTLETS[i % len(OUTLETS)], "text": text})
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = keep or Path(tmp_dir)
        tmp.mkdir(parents=True, exist_ok=True)
        src = Path(tmp) / "in.jsonl"
        src.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "utf-8")
        if keep is not None:  # what was planted in each article, to look at the store's answers
            (tmp / "planted.jsonl").write_text("".join(
                json.dumps({"id": rid, "start": s, "end": e, **vars(m)}, ensure_ascii=False) + "\n"
                for (rid, s, e), m in zip(spans, chosen)), "utf-8")
        db = Path(tmp) / "q.duckdb"
        db.unlink(missing_ok=True)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tidings", "ingest", str(src), "--db", str(db), "--no-progress"],
                       check=True, cwd=ROOT)
        took = time.perf_counter() - t0
        import duckdb

        conn = duckdb.connect(str(db), read_only=True)
        ids = dict(conn.execute("SELECT id, article_id FROM articles").fetchall())
        got = conn.execute("SELECT q.article_id, q.start, q.\"end\", m.quotation_id, m.conflict FROM quotes q "
                           "JOIN quotation_mentions m USING (article_id, idx)").fetchall()
        n_quotes = conn.execute("SELECT count(*) FROM quotations").fetchone()[0]
        conn.close()
    by_article: dict[str, list[tuple[int, int, str, bool]]] = defaultdict(list)
    for aid, s, e, qid, conflict in got:
        by_article[aid].append((s, e, qid, conflict))
    gold, pred = [], []
    extracted = 0
    wrong_total = wrong_flagged = clean_flagged = clean_total = 0
    conflict_quotes = {m.quote for m in chosen if m.wrong}
    for (rid, s, e), m in zip(spans, chosen):
        hits = [h for h in by_article.get(ids.get(rid, ""), []) if h[0] < e and h[1] > s]
        if not hits:
            continue
        extracted += 1
        gold.append(m.quote)
        pred.append(hits[0][2])
        if m.wrong:
            wrong_total += 1
            wrong_flagged += hits[0][3]
        elif m.quote not in conflict_quotes:
            clean_total += 1
            clean_flagged += hits[0][3]
    precision, recall = pairwise(gold, pred)
    print(f"end to end: {len(records)} articles through `tidings ingest` in {took:.0f} s; {n_quotes} quotations stored")
    print(f"  planted mentions extracted:   {extracted}/{len(chosen)}")
    print(f"  merge precision / recall over the extracted ones: {precision:.4f} / {recall:.4f}")
    print(f"  planted conflicts flagged:    {wrong_flagged}/{wrong_total}; clean mentions flagged: "
          f"{clean_flagged}/{clean_total}")


def store_run(rows: list[QuoteRow], n_articles: int) -> None:
    """The rows in a DuckDB store of ``n_articles`` articles: the first rebuild (quotations, signals,
    scores) and a second one with nothing new."""
    from tidings.store import quotation_merge
    from tidings.store.schema import connect
    from tidings.store.writer import insert_rows

    first: dict[str, QuoteRow] = {}
    for r in rows:
        first.setdefault(r.article_id, r)
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "q.duckdb")
        articles = []
        for i in range(n_articles):
            aid = f"art{i:05d}"
            r = first.get(aid)
            doc = {"id": aid, "article": {"id": aid, "text": ""}, "reliability": {"score": 80, "signals": []}}
            articles.append({"article_id": aid, "seq": i + 1, "id": aid, "title": aid,
                             "published": r.published if r else None, "source": r.outlet if r else None, "text": "",
                             "content_hash": aid, "reliability_score": 80, "analysis": json.dumps(doc)})
        insert_rows(conn, "articles", articles)
        insert_rows(conn, "quotes", [{"article_id": r.article_id, "idx": r.idx, "text": r.text, "start": r.start,
                                      "end": r.end, "kind": "direct", "speaker_text": r.speaker_text,
                                      "speaker_name": r.speaker_name, "speaker_actor": r.speaker_actor} for r in rows])
        t0 = time.perf_counter()
        n = quotation_merge.rebuild(conn)
        t1 = time.perf_counter()
        quotation_merge.rebuild(conn)
        t2 = time.perf_counter()
        flagged = conn.execute("SELECT count(*) FROM signals WHERE name = 'speaker_conflict'").fetchone()
        conn.close()
    print(f"store: {n_articles} articles, {n} quotations, {flagged[0] if flagged else 0} articles given "
          f"speaker_conflict; rebuild {t1 - t0:.1f} s, again with nothing new {t2 - t1:.2f} s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Planted quotes across a corpus: merged, speakers compared?")
    ap.add_argument("--family", choices=FAMILIES, default="tune")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--quotes", type=int, default=1200, help="planted quotes")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--conflicts", type=float, default=0.25, help="share of planted quotes with a wrong speaker")
    ap.add_argument("--ingest", type=int, default=0, help="also run this many articles through tidings ingest")
    ap.add_argument("--store", action="store_true", help="also time the store's rebuild over the same rows")
    ap.add_argument("--keep", type=Path, help="with --ingest: keep its input and store in this folder")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} is not present (the shared eval data)")
        return 0
    t0 = time.perf_counter()
    quotes = load_quotes(args.data)
    planted, distractors = split_quotes(quotes, args.quotes, random.Random(f"quotations-split|{args.seed}"))
    mentions = plant(planted, distractors, args.family, args.seed, args.conflicts)
    rows = spread(mentions, args.articles, args.seed)
    print(f"quotations: family {args.family}, seed {args.seed}; {len(planted)} planted quotes "
          f"({sum(m.quote >= 0 for m in mentions)} mentions), {len(distractors)} distractors; "
          f"built in {time.perf_counter() - t0:.1f} s")
    if args.family == "locked":
        print("locked family: read the figures only; do not inspect the variants or tune against them")
    report(score(mentions, rows, 0.0, f"family {args.family}"))
    if args.store:
        store_run(rows, args.articles)
    if args.ingest:
        ingest_run(mentions, args.ingest, args.seed, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
