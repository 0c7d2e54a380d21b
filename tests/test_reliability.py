"""Reliability stage: signals with correct spans, a clean report scores high, a spun one low."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.model import Article, Entity, Removed
from tidings.reliability import assess, findings
from tidings.reliability.names import churn, country_forms, surface

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

CLEAN = Article(
    id="clean",
    title="Ministers agree to extend fishing accord after two days of talks",
    authors=["Ana Ruiz"],
    published="2021-06-03",
    text=(
        "LISBON, June 3 (Wire) - Fisheries ministers from Portugal and Spain agreed on Thursday to "
        "extend a joint fishing accord for five years, after two days of talks in Lisbon.\n\n"
        "Portuguese Fisheries Minister Carla Mendes said the accord would protect sardine stocks "
        "while giving fleets on both sides of the border predictable quotas.\n\n"
        "\u201cThis agreement gives our fishermen certainty for the next five years,\u201d Mendes told "
        "reporters after the talks. \u201cIt also gives the sardine a chance to recover.\u201d\n\n"
        "Her Spanish counterpart, Javier Soler, said Spain had pressed for a longer closed season in "
        "winter, a demand Portugal accepted in return for a higher quota for its coastal fleet.\n\n"
        "Under the accord, the two countries will share catch data every month and review the quotas "
        "each spring, according to a joint statement issued by the ministries.\n\n"
        "Fishing associations in both countries welcomed the deal. Soler said the ministries would "
        "meet again in March to review the first catch data from the winter season.\n\n"
        "The accord covers about 400 vessels, most of them small boats from ports in northern Portugal "
        "and Galicia, the fisheries ministries said."
    ),
)

SPUN_TEXT = (
    "\u201cWe will never accept these conditions and the people will see that soon enough\u201d.\n\n"
    "Officials in Russia said talks with the United States on the new arms treaty had stalled. "
    "We cannot accept this.\n\n"
    "The Russian Federation accused the USA of delaying the talks, while US negotiators said the "
    "U.S. side wanted more time to study the draft.\n\n"
    "Heavy rains flooded coastal villages in the south of the country, where farmers harvested rice "
    "and fishermen repaired boats along the beaches.\n\n"
    "Russian Federation diplomats said they expected a reply within weeks."
)


def _spun() -> Article:
    return Article(
        id="spun",
        title="You Won't Believe What The USA Did To Russia!",
        text=SPUN_TEXT,
        removed=[
            Removed("Share this article", "boilerplate"),
            Removed("Discuss This Article", "boilerplate"),
            Removed("A diplomat speaks to reporters in Geneva, May 9, 2019.", "caption"),
        ],
    )


def _parse(article: Article):
    from tidings import nlp

    doc = nlp.load()(article.text)
    ents = [Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
    return doc, ents


def _quotes(article: Article, doc):
    try:
        from tidings.quotes import extract_quotes
    except ImportError:
        return []
    return extract_quotes(article, doc)


def _assess(article: Article):
    doc, ents = _parse(article)
    return assess(article, doc, _quotes(article, doc), ents, [])


def test_clean_wire_scores_high_with_no_high_signal() -> None:
    rel = _assess(CLEAN)
    assert rel.score >= 70, rel.to_dict()
    assert not [s for s in rel.signals if s.severity == "high"], rel.to_dict()
    assert rel.to_dict()["score"] == rel.score


def test_spun_stitched_article_scores_low_with_expected_signals() -> None:
    art = _spun()
    rel = _assess(art)
    names = {s.name for s in rel.signals}
    assert rel.score <= 40, rel.to_dict()
    for expected in ("boilerplate_residue", "pasted_caption", "unattributed_quotes", "first_person_unquoted",
                     "name_churn", "clickbait_headline"):
        assert expected in names, (expected, names)
    assert rel.score < _assess(CLEAN).score
    by = {s.name: s for s in rel.signals}
    # spans point at the right text
    fp = [art.text[a:b] for a, b in by["first_person_unquoted"].spans]
    assert fp == ["We cannot accept this."]
    (q,) = by["unattributed_quotes"].spans
    assert art.text[q[0] : q[1]].lstrip("\u201c").startswith("We will never accept")
    churned = {art.text[a:b] for a, b in by["name_churn"].spans}
    assert {"Russia", "Russian Federation"} <= churned
    # every signal is well formed and sorted most severe first
    rank = {"high": 0, "medium": 1, "low": 2}
    assert [rank[s.severity] for s in rel.signals] == sorted(rank[s.severity] for s in rel.signals)
    for s in rel.signals:
        assert s.message and s.name.islower() and s.weight >= 0
        for a, b in s.spans:
            assert 0 <= a < b <= len(art.text)


def test_name_churn_versus_normal_variation() -> None:
    official = country_forms().official
    # normal: full name, abbreviation and informal name; a person's full name then surname
    assert churn({surface("the United States"), surface("U.S."), surface("America")}, official)[0] == 0
    # spun: two abbreviations and an official long form beside the short one
    assert churn({surface("US"), surface("USA"), surface("the United States")}, official)[0] >= 1
    assert churn({surface("Russia"), surface("Russian Federation")}, official)[0] >= 1

    normal = Article(
        id="n",
        text=(
            "Secretary of State Mike Pompeo met Russian officials in Sochi on Tuesday. Pompeo said the "
            "United States wanted better ties. The U.S. delegation left on Wednesday, and Pompeo "
            "flew on to Brussels."
        ),
    )
    doc, ents = _parse(normal)
    assert "name_churn" not in {f.name for f in findings(normal, doc, [], ents, [])}
    spun = Article(
        id="s",
        text=(
            "Russia said the USA had ignored its proposal. The Russian Federation wants US officials to "
            "reply, and Russian Federation diplomats said the United States had until Friday."
        ),
    )
    doc, ents = _parse(spun)
    assert "name_churn" in {f.name for f in findings(spun, doc, [], ents, [])}


def test_an_official_long_name_alone_is_a_spinners_inflation() -> None:
    official = country_forms().official
    assert churn({surface("the Republic of Chile")}, official)[0] == 1
    assert churn({surface("Chile")}, official)[0] == 0
    # the long name a country is known by in the news is no inflation
    assert churn({surface("the Democratic Republic of the Congo"), surface("DRC")}, official)[0] == 0
    assert churn({surface("the Czech Republic")}, official)[0] == 0
    inflated = Article(
        id="i",
        text=(
            "Copper producers in the Republic of Chile said on Tuesday that output fell for a third month. "
            "Mining unions in the Republic of Chile plan a strike next week, and exporters fear delays."
        ),
    )
    doc, ents = _parse(inflated)
    assert "name_churn" in {f.name for f in findings(inflated, doc, [], ents, [])}
    plain = Article(id="p", text=inflated.text.replace("the Republic of Chile", "Chile"))
    doc, ents = _parse(plain)
    assert "name_churn" not in {f.name for f in findings(plain, doc, [], ents, [])}


def test_copied_hook_is_inert_without_a_corpus() -> None:
    doc, ents = _parse(CLEAN)
    names = {f.name for f in findings(CLEAN, doc, [], ents, [], copied=None)}
    assert "copied_text" not in names


def _sample_analysis():
    path = SHARED / "samples" / "putin-pompeo-2019.txt"
    if not path.exists():
        pytest.skip("../shared/samples not present")
    gold = json.loads(path.with_suffix("").with_suffix(".gold.json").read_text("utf-8"))["reliability"]
    import tidings

    analysis = tidings.analyze(path.read_text("utf-8"))
    if analysis.reliability.signals:  # the pipeline runs the stage
        return analysis.article, analysis.reliability, gold
    from tidings.ingest.sources import article_from_document

    art = article_from_document(path.read_text("utf-8"), "sample")
    doc, ents = _parse(art)
    try:
        from tidings.quotes import extract_quotes

        quotes = extract_quotes(art, doc)
    except ImportError:
        quotes = []
    return art, assess(art, doc, quotes, ents, []), gold


def test_sample_article_scores_low_with_gold_signals() -> None:
    art, rel, gold = _sample_analysis()
    assert rel.score <= gold["max_score"], rel.to_dict()
    names = [s.name for s in rel.signals]
    for want in gold["signals_expected"]:
        assert any(want["name_contains"] in n for n in names), (want, names)
    by = {s.name: s for s in rel.signals}
    stripped = [art.text[a:b] for a, b in by["first_person_unquoted"].spans]
    assert any(s.startswith("We wouldn't tolerate that") for s in stripped)
    assert any("we hope that we can continue" in s for s in stripped)


ROOT = Path(__file__).resolve().parents[1]
CLEAN_EXAMPLES = ["01-ministers-meet-jakarta.txt", "02-summit-sanctions-abuja.txt", "03-offensive-north-kivu.txt",
                  "05-protest-bogota.txt", "07-election-complaint-mongolia.txt", "09-coast-guard-pact-hanoi.html"]


def _example_records() -> list[dict]:
    from tidings.ingest.sources import article_from_document

    out = []
    for name in CLEAN_EXAMPLES:
        path = ROOT / "examples" / name
        art = article_from_document(path.read_text("utf-8"), path.stem, is_html=name.endswith(".html"))
        out.append({"id": path.stem, "title": art.title, "text": art.text})
    for line in (ROOT / "examples" / "10-batch.jsonl").read_text("utf-8").split("\n"):
        if line.strip():
            rec = json.loads(line)
            out.append({"id": rec["id"], "title": rec.get("title"), "text": rec["text"]})
    return out


def _analyze_records(records: list[dict]) -> dict:
    from tidings.ingest.sources import article_from_record
    from tidings.pipeline import Analyzer

    an = Analyzer()
    return {r["id"]: an.analyze(article_from_record(r)).reliability for r in records}


def test_clean_wire_examples_score_high_for_the_right_reasons() -> None:
    rel = _analyze_records(_example_records()[:6])
    for rid, r in rel.items():
        assert r.score >= 75, (rid, r.to_dict())
        assert not [s for s in r.signals if s.severity != "low"], (rid, r.to_dict())
        assert "topic_break" not in {s.name for s in r.signals}, rid


def test_content_farm_rewrites_of_examples_score_lower() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from rewrites import rewrite_all

    originals = _example_records()
    fakes = rewrite_all(originals, seed=13)
    rel = _analyze_records(originals + fakes)
    for o, f in zip(originals, fakes):
        assert rel[f["id"]].score < rel[o["id"]].score, (o["id"], rel[o["id"]].score, rel[f["id"]].to_dict())
        names = {s.name for s in rel[f["id"]].signals}
        assert {"boilerplate_residue", "pasted_caption"} <= names, (f["id"], names)
    # clean originals carry no high-severity signal
    assert all(not [s for s in rel[o["id"]].signals if s.severity == "high"] for o in originals)
    pos = [100 - rel[f["id"]].score for f in fakes]
    neg = [100 - rel[o["id"]].score for o in originals]
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    assert wins / (len(pos) * len(neg)) >= 0.75
