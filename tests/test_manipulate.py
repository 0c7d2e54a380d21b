"""benchmarks/manipulate.py: content-farm copies are deterministic, record what they did, and the
two style families differ in how they do it.  The articles below were written for this test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import manipulate as M  # noqa: E402

ARTICLES = [
    {
        "id": "harbour",
        "title": "Port workers end strike after pay deal",
        "text": (
            "VALDORA — Port workers in Valdora said on Monday they would end a nine-day strike after the "
            "government agreed to raise their pay and hire more crane operators.\n\n"
            "\u201cWe won what we came for, and our families can breathe again,\u201d union leader Marta Ferrante "
            "told reporters outside the port gates.\n\n"
            "Transport Minister Hugo Lindqvist said the deal would cost about 40 million a year. "
            "\u201cThe country needs its port working, and I believe this agreement is fair to everyone,\u201d he said.\n\n"
            "In addition, the government promised to review safety rules after a crane accident in March "
            "injured two workers, according to a statement from the ministry.\n\n"
            "Shipping companies said dozens of vessels were still waiting at anchor and that it could take "
            "a week to clear the backlog. Russia and the United States had asked their ships to avoid the port.\n\n"
            "The strike was the longest at the port since 2009, when dockers stopped work for two weeks."
        ),
    },
    {
        "id": "orchard",
        "title": "Frost damages apple crop in northern valleys",
        "text": (
            "Apple growers in the northern valleys said a late frost had destroyed as much as half of this "
            "year's blossom, and many small farms now face a difficult season.\n\n"
            "\u201cI have never seen the trees this bare in April,\u201d said Elena Moreau, who farms 30 hectares "
            "near the river. \u201cWe will lose most of the early varieties.\u201d\n\n"
            "The regional council said it would help growers with emergency loans. Officials expect prices "
            "to rise in the autumn as supply falls.\n\n"
            "Farmers have asked the national government for a larger support plan, arguing that insurance "
            "does not cover frost damage after the first week of April.\n\n"
            "Agronomists warned that another cold night this week could also hit pears and cherries."
        ),
    },
    {
        "id": "library",
        "title": "City library reopens after two-year renovation",
        "text": (
            "The central library reopened its doors on Saturday after a two-year renovation that added a "
            "children's wing, a rooftop reading room and new study spaces for students.\n\n"
            "Mayor Nadia Okafor cut the ribbon in front of hundreds of people who had queued since early morning. "
            "\u201cThis building belongs to everyone in the city, and today we give it back,\u201d she said.\n\n"
            "The project cost more than the council first planned because workers found damage in the old roof, "
            "the library's director, Pavel Sandoval, said.\n\n"
            "Visitors will be able to borrow books seven days a week, and the new wing will host reading "
            "sessions for young children every morning.\n\n"
            "\u201cWe want people to come here to meet, to study, or just to sit in a quiet place,\u201d Sandoval said."
        ),
    },
]


def test_same_seed_same_copies_other_seed_other_copies() -> None:
    for family in M.FAMILIES:
        a = M.manipulate(ARTICLES, seed=3, family=family)
        b = M.manipulate(ARTICLES, seed=3, family=family)
        c = M.manipulate(ARTICLES, seed=4, family=family)
        assert a == b
        assert a != c


def test_record_fields_and_ids() -> None:
    copies = M.manipulate(ARTICLES, seed=1, family="tune", copies=2)
    assert [c["id"] for c in copies[:2]] == ["harbour-farm-1", "harbour-farm-2"]
    for c in copies:
        assert c["original_id"] in {a["id"] for a in ARTICLES}
        assert c["kinds"] and set(c["kinds"]) <= set(M.KINDS)
        assert {"title", "text", "family", "substitutions", "stitched", "caption", "boilerplate", "styles"} <= set(c)


@pytest.mark.parametrize("family", M.FAMILIES)
@pytest.mark.parametrize("kind", M.KINDS)
def test_each_kind_alone_is_applied_and_recorded(family: str, kind: str) -> None:
    for seed in range(6):
        for copy, orig in zip(M.manipulate(ARTICLES, seed=seed, family=family, kinds=[kind]), ARTICLES):
            assert copy["kinds"] == [kind]
            assert copy["text"] != orig["text"]
            assert copy["title"] == orig["title"]
            paras = M.split_paragraphs(copy["text"])
            if kind == "spin":
                assert copy["substitutions"]
                for _, new in copy["substitutions"]:
                    assert new in copy["text"]
            else:
                assert not copy["substitutions"]
            if kind == "stitch":
                assert copy["stitched"]
                for s in copy["stitched"]:
                    donor = next(a for a in ARTICLES if a["id"] == s["from"])
                    assert s["from"] != orig["id"]
                    # the donor's words, perhaps after an added dateline
                    assert paras[s["paragraph"]][-60:] in donor["text"]
            else:
                assert not copy["stitched"]
            if kind == "strip":
                assert sum(copy["text"].count(q) for q in "\u201c\u201d") < sum(orig["text"].count(q) for q in "\u201c\u201d")
            if kind == "caption":
                assert copy["caption"] and all(line in copy["text"] for line in copy["caption"].split("\n"))
            if kind == "boilerplate":
                assert 1 <= len(copy["boilerplate"]) <= 5
                assert all(line in copy["text"] for line in copy["boilerplate"])


def test_default_kinds_vary_and_leave_clean_negatives() -> None:
    copies = [c for seed in range(30) for c in M.manipulate(ARTICLES, seed=seed, family="tune")]
    for kind in M.KINDS:
        share = sum(1 for c in copies if kind in c["kinds"]) / len(copies)
        assert 0.3 < share < 0.9, (kind, share)


def test_families_differ_in_how_not_only_in_seed() -> None:
    styles = {f: set() for f in M.FAMILIES}
    for seed in range(20):
        for f in M.FAMILIES:
            for c in M.manipulate(ARTICLES, seed=seed, family=f, kinds=["stitch", "strip"]):
                styles[f].add(c["styles"]["stitch"]["style"])
                styles[f].update(c["styles"].get("strip", {}).get("styles", []))
    assert "half" in styles["locked"] and "half" not in styles["tune"]
    assert not styles["tune"] & styles["locked"]
    # separate spinner tables: few replacements in common
    def pairs(family: str) -> set[tuple[str, str]]:
        lex = M.word_lexicon(family, "thesaurus")
        return {(w, r) for w, parts in lex.items() for alts in parts.values() for r in alts}

    tune, locked = pairs("tune"), pairs("locked")
    assert len(tune) > 300 and len(locked) > 300
    assert len(tune & locked) < 0.1 * min(len(tune), len(locked))


def test_inflection() -> None:
    assert M.verb_form("say", "past") == "said"
    assert M.verb_form("criticize", "ing") == "criticizing"
    assert M.verb_form("admit", "past") == "admitted"
    assert M.verb_form("deny", "s") == "denies"
    assert M.verb_form("pass away", "past") == "passed away"
    assert M.plural("head of state") == "heads of state"
    assert M.plural("policy") == "policies"
    lex = M.word_lexicon("tune", "thesaurus")
    assert "stated" in lex["said"]["v"]
    assert "individuals" in lex["people"]["n"]


def test_spin_keeps_case_and_articles() -> None:
    import random

    text = "An election was held. The President spoke, and an attack followed. Russia said the US agreed."
    for seed in range(20):
        out, subs, _ = M.spin_paragraphs([text], random.Random(seed), "tune")
        for old, new in subs:
            if old[:1].isupper():
                assert new[:1].isupper(), (old, new)
        assert " an poll" not in out[0] and " a assault" not in out[0]
