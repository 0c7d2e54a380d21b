"""What an actor says of its own acts: denied, aimed at, weighed.  Sentences written for these
tests from the CAMEO codebook's definitions; they go through the whole analysis."""

from __future__ import annotations

import pytest

from tests.test_events_broad import aimed_at, codes, coded, events_of


@pytest.mark.parametrize("text, code", [
    ("Rwanda denied sending troops to support the rebels in eastern Congo.", "15"),
    ("The police denied beating the protesters outside parliament.", "18"),
])
def test_an_act_denied_by_its_doer_is_not_asserted(analyzer, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.startswith(code) for c in codes(analyzer, text))


def test_an_act_whose_denial_is_itself_negated_stands(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert any(c.startswith("15") for c in codes(analyzer, "Rwanda did not deny sending troops to the border."))


@pytest.mark.parametrize("text", [
    "Kenya and Ethiopia aim to sign a trade agreement by the end of the year.",
    "Kenya aims to hold talks with Ethiopia next month.",
])
def test_an_aim_is_an_intent_not_the_act(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = codes(analyzer, text)
    assert any(c.startswith("03") for c in got) and not any(c.startswith(("04", "05")) for c in got), got


@pytest.mark.parametrize("text, source, target", [
    ("Canada is considering joining the European Union's rearmament fund.", "CAN", "IGO"),
    ("Norway is considering sending troops to Latvia.", "NOR", "LVA"),
])
def test_weighing_an_act_is_considering_a_policy_option(analyzer, text: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c == "014" and s is not None and s.startswith(source) and t is not None and t.startswith(target)
               for c, s, t in got), got


def test_a_judgement_with_consider_is_no_policy_option(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "014" not in codes(analyzer, "Analysts consider the move to be a blow to the opposition.")


def test_a_truce_declared_after_a_disaster_is_still_a_truce(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "The military government declared a ceasefire on Saturday to allow earthquake relief to reach Mandalay."
    assert "0871" in codes(analyzer, text)


def test_a_plural_event_noun_misread_as_a_verb_is_still_the_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the small parser tags "drills" here as a verb's -s form, which cannot be an object
    got = coded(analyzer, "Greece complained after Turkey began air drills off Rhodes.")
    assert any(c == "150" and s is not None and s.startswith("TUR") for c, s, _ in got), got


def test_what_is_urged_in_a_gerund_is_asked_for_not_done(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "The Arab League urged Germany to follow Norway in recognising a Palestinian state.")
    assert not any(c.startswith("05") for c, _, _ in got), got
    assert any(c.startswith("02") and t == "DEU" for c, _, t in got), got


def test_a_means_in_a_gerund_gives_an_intent_its_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Serbia vowed to respond by expelling Croatian diplomats.")
    assert aimed_at(got, "13", "HRV"), got


@pytest.mark.parametrize("text, threatened", [
    ("The rebels threatened to quit the talks unless Kinshasa frees their detained members.", "COD"),
    ("Iran threatened to close the strait if Washington imposes new sanctions.", "USA"),
])
def test_a_threat_is_made_to_whoever_must_meet_its_condition(analyzer, text: str, threatened: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert aimed_at(got, "13", threatened), got


def test_an_alliance_that_acts_is_the_body_not_an_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = codes(analyzer, "The opposition alliance threatened to boycott the election unless the law is changed.")
    assert not any(c.startswith("05") for c in got), got


def test_beginning_an_act_is_the_act_not_an_act_of_its_own(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the table's pattern for "start ... warning" must not read the complement's object
    got = codes(analyzer, "Ghana and Togo began sharing early warning data on militant movements.")
    assert "064" in got and not any(c.startswith("13") for c in got), got


def test_what_a_go_between_would_serve_is_an_aim_not_an_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = codes(analyzer, "Ghana is ready to act as a mediator between Mali's junta and the rebels to end the war.")
    assert any(c.startswith("03") for c in got) and not any(c.startswith("08") for c in got), got


def test_days_of_fighting_in_an_adjunct_are_fought_by_the_clause_subject(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Chadian troops left the town of Fada after days of fighting with the rebels.")
    assert any(c.startswith("19") and s is not None and s.startswith("TCD") for c, s, _ in got), got


@pytest.mark.parametrize("text, denied", [
    ("Iran on Monday denied sending drones to Russia.", "07"),
    ("Kenya's police denied shooting protesters in Nairobi.", "18"),
])
def test_an_act_denied_in_a_gerund_is_a_denial_and_not_done(analyzer, text: str, denied: str) -> None:  # type: ignore[no-untyped-def]
    evs = events_of(analyzer, text)
    assert any(e.code == "016" and not e.negated for e in evs), [(e.code, e.negated) for e in evs]
    assert all(e.negated for e in evs if e.code[:2] in (denied, "19"))
