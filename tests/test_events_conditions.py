"""What a sentence does not assert, and who withdraws when no army does.  Sentences written for
these tests; they go through the whole analysis."""

from __future__ import annotations

import pytest

from tests.test_events_broad import coded


@pytest.mark.parametrize("text, subject", [
    ("The rebels said they would not free the hostages until Colombia agrees to a ceasefire.", ("COL", "COLGOV")),
    ("Armenia will sign the treaty provided that Azerbaijan withdraws its troops from the border.", ("AZE", "AZEMIL")),
    ("Armenia will sign the treaty on condition that Azerbaijan withdraws its troops from the border.", ("AZE", "AZEMIL")),
    ("Iran said it would resume talks with Europe if Washington lifts sanctions.", ("USA", "USAGOV")),
])
def test_a_condition_yet_to_be_met_is_no_act_of_its_subject(analyzer, text: str, subject: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert got and not any(s in subject for _, s, _ in got), got


def test_an_until_clause_in_the_past_happened(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Fighting went on in the town until Russian troops withdrew on Tuesday.")
    assert any(c.startswith("087") and s is not None and s.startswith("RUS") for c, s, _ in got), got


@pytest.mark.parametrize("text, code", [
    ("Citing insecurity, Doctors Without Borders withdrew its staff from the hospital in Bentiu.", "1663"),
    ("The International Committee of the Red Cross pulled its teams out of the city.", "1663"),
])
def test_an_aid_agency_that_withdraws_is_no_army_in_retreat(analyzer, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c == code for c, _, _ in got) and not any(c.startswith("087") for c, _, _ in got), got


def test_an_army_that_withdraws_still_retreats(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert any(c.startswith("087") for c, _, _ in coded(analyzer, "Russian troops withdrew from the west bank of the river."))


@pytest.mark.parametrize("text, source, target", [
    ("Germany delivered two air defence systems to Moldova.", "DEU", "MDA"),
    ("Turkey transferred armed drones to Ethiopia last year.", "TUR", "ETH"),
    ("Poland donated 200 tanks to Ukraine.", "POL", "UKR"),
])
def test_every_verb_of_giving_knows_the_same_arms(analyzer, text: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert ("072", source, target) in coded(analyzer, text)
