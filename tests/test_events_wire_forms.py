"""Forms of wire and bulletin sentences: a dateline the parser ran into the subject, titles with
"general" after the noun, striving told with "fight", mishaps blamed, craft seized and deployments refused.  Sentences are written for these
tests; they go through the whole analysis (real actor coding)."""

from __future__ import annotations

import pytest

from tests.test_events_broad import coded, codes


def test_a_dateline_run_into_the_subject_leaves_its_nationality_to_the_subject(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "YEREVAN - Armenian Prime Minister Nikol Pashinyan criticised Baku on Friday.")
    assert ("111", "ARMGOV", "AZEGOV") in got, got
    # the same sentence without its dateline is read the same way
    assert ("111", "ARMGOV", "AZEGOV") in coded(
        analyzer, "Armenian Prime Minister Nikol Pashinyan criticised Baku on Friday.")


@pytest.mark.parametrize("text, source", [
    ("Ukraine's prosecutor general accused Russia of war crimes.", "UKRJUD"),
    ("Uzbekistan's prosecutor-general's office handed the suspect over to Kyrgyz authorities.", "UZBJUD"),
    ("Kenya's solicitor general filed charges against the former minister.", "KENJUD"),
])
def test_general_after_a_title_is_no_army_rank(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(s == source for _, s, _ in got), got
    assert not any((s or "").endswith("MIL") for _, s, _ in got), got


def test_the_general_alone_is_still_the_army(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "A Sudanese general accused Chad of arming the rebels.")
    assert any(s == "SDNMIL" for _, s, _ in got), got


@pytest.mark.parametrize("text", [
    "Conservationists in Brazil are fighting to keep a rare flock of parrots alive through the drought.",
    "The coalition government has battled to push through its budget since March.",
])
def test_fighting_to_do_something_with_no_foe_is_striving(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.startswith("19") for c in codes(analyzer, text))


def test_fighting_a_foe_is_still_force(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "190" in codes(analyzer, "The Malian army fought jihadist fighters near Timbuktu.")
    assert "190" in codes(analyzer, "Malian troops fought against jihadists to retake the town.")


@pytest.mark.parametrize("text", [
    "At least 19 people were killed when a bus plunged into a ravine in Bolivia, police said, blaming a brake failure.",
    "Peruvian officials blamed heavy rain for the collapse of the bridge.",
])
def test_blaming_a_fault_of_a_machine_or_of_nature_accuses_no_one(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.startswith("11") for c in codes(analyzer, text))


def test_blaming_a_state_is_still_an_accusation(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Lithuania blamed Belarus for the surge of migrants at the border.")
    assert any(c == "112" and s == "LTU" and t == "BLR" for c, s, t in got), got


@pytest.mark.parametrize("text", [
    "Two Indian fishing trawlers were seized by the Sri Lankan navy off Delft island.",
    "The Iranian navy seized a foreign tanker and its crew in the Gulf.",
    "Greek coast guard officers seized a Turkish yacht near Lesbos.",
])
def test_seizing_ships_and_boats_is_confiscation(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = codes(analyzer, text)
    assert "1711" in got and "192" not in got, got


def test_refusing_another_states_deployment_is_a_rejection(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "President Sheinbaum rejected any deployment of US troops on Mexican soil.")
    assert any(c.startswith("12") and s == "MEXGOV" and (t or "").startswith("USA") for c, s, t in got), got


@pytest.mark.parametrize("text", [
    "The health ministry has asked the World Health Organization for 10,000 doses of Ebola vaccine.",
    "The Red Cross appealed to Japan for tents and blankets for flood victims.",
])
def test_relief_goods_asked_for_are_humanitarian_aid(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "0233" in codes(analyzer, text)


def test_sheltering_as_a_verb_asks_for_no_aid(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = codes(analyzer, "A chemical spill prompted city officials to order residents of Kano to shelter indoors.")
    assert not any(c.startswith("023") or c.startswith("103") for c in got), got


@pytest.mark.parametrize("text, root", [
    ("Myanmar's military blockaded the highways into Rakhine state, cutting off food supplies to rebel-held towns.", "19"),
    ("Belgian rail workers staged a 24-hour strike against the government's pension reform, cancelling all "
     "flights at Brussels Airport.", "14"),
])
def test_what_a_blockade_or_a_strike_cut_off_is_its_result(analyzer, text: str, root: str) -> None:  # type: ignore[no-untyped-def]
    got = codes(analyzer, text)
    assert any(c.startswith(root) for c in got) and not any(c.startswith("16") for c in got), got


def test_a_cut_told_in_a_participle_after_talks_is_still_coded(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the participle follows no coercive act: the cut-off is an act of its own
    got = codes(analyzer, "EU foreign ministers met in Brussels on Monday, suspending trade talks with Minsk.")
    assert any(c.startswith("16") for c in got), got


def test_a_strike_staged_is_coded_once_with_its_aim(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Belgian rail workers staged a 24-hour strike against the federal government's pension reform.")
    assert {c for c, s, _ in got if s == "BELLAB"} == {"1432"}, got


def test_a_dateline_before_a_coordinated_subject_keeps_both_parties(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "ABIDJAN - Ghana and Côte d'Ivoire signed a cocoa marketing pact on Thursday.")
    assert ("057", "GHA", "CIV") in got and ("057", "CIV", "GHA") in got, got


@pytest.mark.parametrize("text", [
    "A truce between the Ethiopian army and Fano militiamen took effect at dawn on Thursday.",
    "Talks between the Sudanese army and the Rapid Support Forces took place in Jeddah.",
])
def test_what_takes_effect_or_place_is_no_seizure(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.startswith("19") for c in codes(analyzer, text))


@pytest.mark.parametrize("text, want", [
    ("New Zealand's prime minister offered condolences to Papua New Guinea and pledged NZ$1.5 million in "
     "emergency relief.", ("033", "NZLGOV", "PNG")),
    ("India's prime minister telephoned the president of the Maldives and offered emergency assistance.",
     ("033", "INDGOV", "MDV")),
])
def test_aid_pledged_beside_a_kindly_act_goes_to_its_party(analyzer, text: str, want: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c.startswith(want[0]) and s == want[1] and (t or "").startswith(want[2]) for c, s, t in got), got


def test_aid_pledged_beside_a_condemnation_is_not_for_the_condemned(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Japan condemned Russia's strike on Kyiv and pledged new aid.")
    assert not any(c.startswith("03") and (t or "").startswith("RUS") for c, s, t in got), got


def test_a_humanitarian_ceasefire_declared_is_a_truce(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "M23 rebels declared a unilateral humanitarian ceasefire in eastern Congo on Friday.")
    assert any(c == "0871" and (s or "").startswith("COD") for c, s, _ in got), got
    # a humanitarian emergency declared is still no act toward anyone
    assert not codes(analyzer, "The World Health Organization declared a humanitarian emergency in Gaza.")


@pytest.mark.parametrize("text", [
    "Venezuela has suspended all commercial flights to and from Panama with immediate effect.",
    "China banned exports to and imports from North Korea on Monday.",
])
def test_coordinated_prepositions_share_their_object(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c.startswith("16") and (t or "")[:3] in ("PAN", "PRK") for c, _, t in got), got


@pytest.mark.parametrize("text", [
    "In general, workers were not allowed to switch jobs without approval from their employers.",
    "Asylum seekers living in the camps are allowed to come and go as they please.",
    "The new exams will allow students to earn college credits.",
])
def test_a_permission_with_no_one_granting_it_is_no_concession(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    got = codes(analyzer, text)
    assert not any(c.startswith(("08", "03")) for c in got), got


@pytest.mark.parametrize("text, source", [
    ("Saudi Arabia's cabinet said on Friday that women over 21 would be allowed to obtain passports.", "SAUGOV"),
    ("UN aid convoys were allowed into El Fasher by the Rapid Support Forces on Monday.", "SDNREB"),
])
def test_a_permission_granted_or_announced_by_a_state_is_coded(analyzer, text: str, source: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c.startswith(("08", "03")) and (s or "").startswith(source) for c, s, _ in got), got


@pytest.mark.parametrize("text", [
    "Vasquez admitted to police that he and Gillen had stabbed Welch, according to court documents.",
    "A man stabbed 11 students to death at a kindergarten in Guangxi province.",
])
def test_a_crime_of_private_people_against_private_people_is_no_political_act(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c[:2] in ("18", "19") for c in codes(analyzer, text))


@pytest.mark.parametrize("text, target", [
    ("A man stabbed the mayor of Gdansk during a charity concert.", "GOV"),
    ("Ahmed Rashid shot two Afghan soldiers at a checkpoint.", "AFGMIL"),
])
def test_a_private_person_attacking_an_officeholder_or_a_soldier_is_coded(analyzer, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c[:2] in ("18", "19") and (t or "").endswith(target) for c, _, t in got), got


@pytest.mark.parametrize("text", [
    "Experts say that China's poor mental health system contributes to such incidents.",
    "The German founder flew to Beijing with the goal of conquering online fashion in China.",
])
def test_a_cause_contributing_or_a_market_conquered_is_no_act_of_state(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c[:2] in ("07", "19") for c in codes(analyzer, text))


@pytest.mark.parametrize("text, code", [
    ("Japan contributed $10 million to the UN refugee agency.", "071"),
    ("Rwanda contributed 1,000 troops to the UN mission in South Sudan.", "074"),
    ("Islamic State fighters conquered Mosul in 2014.", "192"),
])
def test_what_is_contributed_or_conquered_still_names_the_act(analyzer, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    assert code in codes(analyzer, text)


def test_what_is_done_to_a_firms_bid_is_no_political_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert not codes(analyzer, "Canada's Couche-Tard said it was weighing a hostile takeover bid for the Japanese retailer.")
    # a state weighing sanctions still considers a policy option
    assert "014" in codes(analyzer, "The European Union is weighing new sanctions on Russia.")


@pytest.mark.parametrize("text", [
    "The opposition leader lodged an appeal against his conviction on Monday.",
    "Juventus said it would appeal the ruling.",
    "The Supreme Court in Buenos Aires turned down his final appeal on Tuesday.",
])
def test_an_appeal_in_court_is_no_plea_to_a_party(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c[:2] in ("02", "12") for c in codes(analyzer, text))


def test_an_appeal_to_a_party_is_still_a_plea(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "0233" in codes(analyzer, "Malawi appealed to the United Nations for emergency food aid.")


def test_an_arrest_by_someone_named_only_by_name_is_still_an_arrest(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert "173" in codes(analyzer, "Nikki Lynn Barlow, 18, was arrested by PPD Patrolman Amanda Forrest.")
