"""A participle of a person's state before a name, parsed as the name's modifier
(``tidings.premodifiers``), on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.test_events_broad import coded
from tidings import nlp
from tidings.premodifiers import NAME


def _token(text: str, word: str):  # type: ignore[no-untyped-def]
    return _word(nlp.load()(text), word)


def _word(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


def test_the_component_runs_after_the_headlines() -> None:
    names = nlp.load().pipe_names
    assert names[-1] == NAME and names.index("tidings_headlines") < names.index(NAME)


@pytest.mark.parametrize("text, participle, name, dep", [
    ("Li Qiang held talks with visiting New Zealand Prime Minister Christopher Luxon.", "visiting", "Luxon", "pobj"),
    ("Modi received visiting Japanese Foreign Minister Taro Kono in New Delhi.", "visiting", "Kono", "dobj"),
    ("Putin met ousted Syrian President Bashar al-Assad in Moscow.", "ousted", "Assad", "dobj"),
    ("The minister met protesting farmers in Punjab.", "protesting", "farmers", "dobj"),
])
def test_the_name_takes_the_participles_place_and_the_participle_modifies_it(
        text: str, participle: str, name: str, dep: str) -> None:
    doc = nlp.load()(text)
    part, noun = _word(doc, participle), _word(doc, participle).head
    assert part.dep_ == "amod" and name in [t.text for t in noun.subtree]
    assert noun.dep_ == dep and noun.head.i == part.i - 1


@pytest.mark.parametrize("text, verb", [
    ("The army is visiting villages in the north.", "visiting"),  # an auxiliary: a verb
    ("Germany is considering sending Taurus missiles to Ukraine.", "sending"),  # no person's state
])
def test_a_participle_that_is_a_verb_stays_one(text: str, verb: str) -> None:
    tok = _token(text, verb)
    assert tok.dep_ != "amod" and any(c.dep_ == "dobj" for c in tok.children)


def test_talks_with_a_visiting_minister_have_the_minister_as_partner(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Li Qiang held talks with visiting New Zealand Prime Minister Christopher Luxon.")
    assert ("046", "CHNGOV", "NZLGOV") in got


@pytest.mark.parametrize("text", [
    "The governor ordered striking dock workers in Mombasa to return to work.",
    "The health minister appealed to striking nurses to return to their wards.",
])
def test_people_on_strike_are_no_attack(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.startswith("19") for c, _, _ in coded(analyzer, text))


def test_a_groups_participle_read_as_a_gerund_subject_modifies_the_group() -> None:
    doc = nlp.load()("Striking mineworkers in Zambia's Copperbelt were warned by the mines minister on Wednesday.")
    part, group = _word(doc, "Striking"), _word(doc, "mineworkers")
    assert part.dep_ == "amod" and part.head.i == group.i and group.dep_ == "nsubjpass"
    assert _word(doc, "in").head.i == group.i  # what hung on the group still does


def test_people_on_strike_told_first_are_no_attack(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Striking mineworkers in Zambia's Copperbelt were warned by the mines minister on Wednesday.")
    assert not any(c.startswith("19") for c, _, _ in got), got
