"""The toll of an act and harm that is nobody's act.  A death or injury told as the result of an
attack ("..., killing five", "were killed when jets bombed ...") is that attack's toll, coded
once with the attack's doer and means; a harm whose cause is a storm, lightning or a crash is no
act.  Sentences written for these tests; they go through the whole analysis."""

from __future__ import annotations

import pytest

from tests.test_events_broad import coded


def violent(got: set[tuple[str, str | None, str | None]]) -> list[tuple[str, str | None, str | None]]:
    return [g for g in got if g[0][:2] in ("17", "18", "19", "20")]


@pytest.mark.parametrize("text, codes, source", [
    # a participle of result, also one the parse hung on a relative clause of the attack's place
    ("Turkish jets carried out air strikes on a village in northern Iraq where shepherds were grazing "
     "their flocks, killing five people.", ("195",), "TURMIL"),
    # the when-clause says who did it and with what
    ("Nine people were killed when Sudanese army drones struck a market in Nyala.", ("195",), "SDNMIL"),
    # (a grenade is a light weapon, 193, or an explosive, 183: either is its means, an injury is not)
    ("Four policemen were injured when suspected rebels threw a grenade at their checkpoint in Manipur.",
     ("183", "193"), "INDREB"),
    # a when-clause the parse hangs on the time phrase, and fire on demonstrators is repression
    ("Twelve people were killed in 2021 when soldiers fired on a crowd in Yangon.", ("190", "193"), "MMRMIL"),
    ("At least 30 people were killed in March when police opened fire on protesters in Dhaka.", ("175",), "BGDCOP"),
])
def test_a_toll_is_the_attacks_own(analyzer, text: str, codes: tuple[str, ...], source: str) -> None:  # type: ignore[no-untyped-def]
    got = violent(coded(analyzer, text))
    assert len(got) == 1, got
    assert got[0][0] in codes and got[0][1] == source, got


def test_killed_and_wounded_are_one_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = violent(coded(analyzer, "Israeli artillery shelled the outskirts of Khiam on Monday, killing "
                                  "three people and wounding eleven others."))
    assert len(got) == 1 and got[0][1] is not None and got[0][1].startswith("ISR"), got
    # the doer found on the second half carries to the first
    got = violent(coded(analyzer, "Two soldiers were killed and five wounded on Friday in separate "
                                  "attacks by Boko Haram fighters."))
    assert any(s is not None for _, s, _ in got), got


@pytest.mark.parametrize("text", [
    "Lightning strikes killed seven fishermen on Lake Victoria on Thursday.",
    "Twenty pilgrims were killed when their bus overturned on a mountain road in Himachal Pradesh.",
    "Torrential rains lashed the coast of Kerala, flooding villages and forcing thousands to flee.",
    "A man attacked his brother with an axe during a row over land in Punjab, police said.",
])
def test_harm_with_no_actor_behind_it_is_no_event(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert violent(coded(analyzer, text)) == []


def test_a_harm_in_an_attack_with_a_doer_is_still_coded(analyzer) -> None:  # type: ignore[no-untyped-def]
    # a harm in an attack with a doer is still coded, and a bomb still shows through
    got = violent(coded(analyzer, "Three soldiers were killed when a roadside bomb planted by militants "
                                  "exploded under their truck in Khost."))
    assert got and all(c.startswith("18") for c, _, _ in got), got


@pytest.mark.parametrize("text", [
    "Militants shot dead a prominent tribal leader in North Waziristan on Friday.",
    "Gunmen killed an influential cleric outside a mosque in Kano.",
])
def test_killing_a_leader_or_a_prominent_person_is_an_assassination(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 186: "kill politically significant and influential persons"
    assert "186" in {c for c, _, _ in coded(analyzer, text)}


def test_an_ordinary_victim_is_no_assassination(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Militants shot dead two farmers in North Waziristan on Friday.")
    assert got and "186" not in {c for c, _, _ in got}


def test_an_act_done_when_a_vehicle_moved_is_still_an_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    # only a harm is put down to the accident its when-clause tells of
    assert any(c.startswith("19") for c, _, _ in violent(coded(analyzer, "Police opened fire when a car drove at officers in Lagos.")))


def test_gunmen_of_no_known_affiliation_are_of_no_known_country(analyzer) -> None:  # type: ignore[no-untyped-def]
    # where they struck is not whose they are; their own in-phrase still places them
    got = violent(coded(analyzer, "Gunmen killed three farmers in Zamfara state in northwest Nigeria on Sunday."))
    assert got and all(s == "UAF" for _, s, _ in got), got
    got = violent(coded(analyzer, "Gunmen in Nigeria's Kaduna state kidnapped 40 pupils from a school."))
    assert got and all(s == "NGAUAF" for _, s, _ in got), got
    # a force the coder knows only by its role is still of the place it acted in
    got = violent(coded(analyzer, "Security forces killed six militants in Balochistan on Friday."))
    assert any(s is not None and s.startswith("PAK") for _, s, _ in got), got


def test_shot_and_wounded_is_one_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert len(violent(coded(analyzer, "Police shot and wounded two protesters in Nairobi."))) == 1


def test_a_participle_on_a_noun_said_to_exist_reports_the_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = violent(coded(analyzer, "There were 12 Ethiopian soldiers killed in Somalia on Sunday."))
    assert got and all(t == "ETHMIL" for _, _, t in got), got
    # (a participle describing those it names, inside a larger clause, reports nothing)
    assert not violent(coded(analyzer, "The soldiers killed in the attack were buried on Sunday."))


def test_fighting_of_no_one_beside_a_named_attack_is_that_fighting_told_again(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = violent(coded(analyzer, "Thai jets bombed Cambodian army positions as border clashes spread."))
    assert got and all(s for _, s, _ in got), got
