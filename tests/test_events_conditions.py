"""What a sentence does not assert, and who withdraws when no army does.  Sentences written for
these tests; they go through the whole analysis."""

from __future__ import annotations

import pytest

from tests.test_events_broad import coded, events_of


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


@pytest.mark.parametrize("text, code, source, target", [
    ("Germany delivered two air defence systems to Moldova.", "072", "DEU", "MDA"),
    ("Turkey transferred armed drones to Ethiopia last year.", "072", "TUR", "ETH"),
    ("Poland donated 200 tanks to Ukraine.", "072", "POL", "UKR"),
    # the goods of humanitarian aid, one class for every verb of giving and carrying
    ("Egypt rushed tents to Libya.", "073", "EGY", "LBY"),
    ("Japan sent water to Turkey.", "073", "JPN", "TUR"),
    # property returned, one class for every verb of giving back
    ("Britain repatriated stolen antiquities to Iraq.", "0842", "GBR", "IRQ"),
    ("The Netherlands returned 478 treasures to Sri Lanka.", "0842", "NLD", "LKA"),
])
def test_every_verb_of_giving_knows_the_same_goods(analyzer, text: str, code: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert (code, source, target) in coded(analyzer, text)


@pytest.mark.parametrize("text", [
    # history retold is no new event
    "Fifty years ago this month, the army seized power in a bloodless coup.",
    "Two decades ago, NATO warplanes bombed Belgrade for 78 days.",
    # the market's demand and the economy's blows are nobody's acts
    "Copper fell as investors fretted over weak Chinese demand.",
    "Palm oil prices rose on strong Indian demand.",
    "Weak consumer demand hit exports from South Korea.",
    # a fight against the economy's forces or a company's owners is business
    "The carmaker fought back against a slump in sales in the second quarter.",
    "The bank's chairman fought off an investor revolt at the annual meeting.",
])
def test_the_words_around_say_it_is_no_act(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert coded(analyzer, text) == set()


def test_days_ago_is_still_news(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert any(c.startswith("19") for c, _, _ in coded(analyzer, "Three days ago, rebels attacked the town of Beni."))


def test_a_demand_put_forward_is_still_a_demand(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert any(c.startswith("10") for c, _, _ in coded(analyzer, "A strong demand for reform was voiced by students in Dhaka."))


@pytest.mark.parametrize("text", [
    # a day after the cue is when it was said, not what is insisted on
    "The army did not use live rounds in Harare, Zimbabwe's defence minister insisted on Friday.",
    # a that-clause in the indicative says what is so
    "Ghana's finance minister insisted on Tuesday that the budget was sound.",
    # so does one with an auxiliary only the indicative has
    "Nepal's army insisted that its soldiers had not fired on the marchers.",
    "Chad's government insisted that the border posts were being reinforced.",
])
def test_insisting_that_something_is_so_is_no_demand(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(c.startswith("10") for c, _, _ in coded(analyzer, text))


@pytest.mark.parametrize("text", [
    "The opposition insisted that the president resign.",
    "The EU insisted that Serbia must recognise the vote.",
    "The opposition insisted on a recount in Lusaka.",
    "The protesters insisted that the minister be removed from office.",  # the subjunctive
])
def test_insisting_on_an_act_is_a_demand(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    assert any(c.startswith("10") for c, _, _ in coded(analyzer, text))


def test_what_is_asked_in_one_breath_is_all_asked_for(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Human Rights Watch urged Kenyan authorities to release the detained bloggers "
                          "and drop all charges against them.")
    assert any(c.startswith("02") for c, _, _ in got) and not any(c.startswith("08") for c, _, _ in got), got


def test_a_missile_strike_is_fought_with_rockets_not_from_the_air(analyzer) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 194: "artillery, tanks, and rocket fire"; 195 is weapons from aircraft
    assert "194" in {c for c, _, _ in coded(analyzer, "A Russian missile strike on Dnipro killed nine people.")}
    assert "195" in {c for c, _, _ in coded(analyzer, "An Israeli air strike on Rafah killed nine people.")}


@pytest.mark.parametrize("text, target", [
    ("The UN rights office opened an inquiry into alleged abuses by Ethiopian soldiers in Tigray.", "ETHMIL"),
    ("Human Rights Watch investigated the killing of a journalist by Mexican police.", "MEXCOP"),
    ("The ICC is investigating alleged war crimes by Israeli forces in Gaza.", "ISRMIL"),
])
def test_an_inquiry_is_aimed_at_the_accused_not_the_victim(analyzer, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    # CAMEO 092-094: "alleged or potential perpetrators should be coded as targets"
    assert any(c.startswith("09") and t == target for c, _, t in coded(analyzer, text)), coded(analyzer, text)


@pytest.mark.parametrize("text, target", [
    ("Venezuela massed troops near its border with Guyana.", "GUY"),
    ("Russian troops shelled villages along the border with Ukraine.", "UKR"),
])
def test_a_force_at_a_border_is_aimed_across_it(analyzer, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert any(c[:2] in ("15", "19") and t == target for c, _, t in coded(analyzer, text)), coded(analyzer, text)


@pytest.mark.parametrize("text, want", [
    # judicial cooperation is with the state the person is handed to, not with the person
    ("Portugal extradited a Brazilian banker to the United States on Monday.", ("063", "PRT", "USA")),
    # a visit's host is where the visitor arrived
    ("The president of Ghana arrived in Abuja on Tuesday for a two-day state visit.", ("042", "GHAGOV", "NGA")),
])
def test_whom_a_transfer_or_a_visit_is_with(analyzer, text: str, want: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert want in coded(analyzer, text), coded(analyzer, text)


@pytest.mark.parametrize("text, want", [
    # "it" and "them" as objects stand for the nearest agreeing noun before them
    ("Eritrea expelled three senior UN officials and accused them of spying.", ("112", "ERI", "IGOUNO")),
    ("Burkina Faso's junta ordered the French ambassador to leave, accusing him of hostility.", ("112", "BFAMIL", "FRAGOV")),
    # a with/against phrase the parse hung on another phrase's object
    ("Ukraine filed a case at the International Court of Justice against Russia.", ("115", "UKR", "RUS")),
    # a mediation is between its parties
    ("Qatar offered to act as a mediator between Sudan's army and the Rapid Support Forces.", ("039", "QAT", "SDNMIL")),
])
def test_who_the_act_is_aimed_at_across_the_sentence(analyzer, text: str, want: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert want in coded(analyzer, text), coded(analyzer, text)


def test_a_pronoun_object_is_not_its_own_clauses_subject(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the police fired to disperse the crowd, not themselves; a nearer noun no actor code names
    # is still the antecedent
    got = coded(analyzer, "Police in Lagos fired tear gas at the protesters to disperse them.")
    assert not any(s == t and s is not None for _, s, t in got), got
    got = coded(analyzer, "Gangs threaten shopkeepers with death, and the Haitian police cannot protect them.")
    assert not any(c.startswith("07") and t is not None and t.endswith("CRM") for c, _, t in got), got


def test_not_hesitating_is_doing_and_hesitating_is_not(analyzer) -> None:  # type: ignore[no-untyped-def]
    # a double negative says what one will do: a threat of force
    got = coded(analyzer, "Azerbaijan said it would not hesitate to strike Armenian positions.")
    assert any(c.startswith("13") and s == "AZE" for c, s, _ in got), got
    got = coded(analyzer, "Azerbaijan hesitated to strike Armenian positions.")
    assert not any(c[:2] in ("18", "19") for c, _, _ in got), got


def test_what_a_vetoed_text_says_is_no_act(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "China vetoed a Security Council resolution demanding the release of detainees in Myanmar.")
    assert not any(c.startswith("10") for c, _, _ in got), got
    # an adopted one demands
    got = coded(analyzer, "The Security Council adopted a resolution demanding a ceasefire in Sudan.")
    assert any(c.startswith("10") for c, _, _ in got), got


def test_a_vow_to_keep_fighting_is_a_threat_not_a_fight(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "The rebels vowed to keep attacking government convoys until the army left the province.")
    assert any(c.startswith("138") for c, _, _ in got), got
    assert not any(c[:2] == "19" for c, _, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("Turkey warned Greece that it would respond if Greek ships entered the disputed waters.", ("130", "TUR", "GRC")),
    ("Moscow warned Tallinn that it would take countermeasures unless the monument stayed.", ("130", "RUS", "EST")),
    # a forecast with a condition is nobody's threat
    ("The central bank warned that inflation would rise if the drought continued.", None),
])
def test_a_warning_of_what_the_speaker_will_do_on_a_condition_is_a_threat(analyzer, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    if expected is None:
        assert not any(c[:2] == "13" for c, _, _ in got), got
    else:
        assert any(c == expected[0] and (s or "").startswith(expected[1]) and (t or "").startswith(expected[2])
                   for c, s, t in got), got


@pytest.mark.parametrize("text, code, source, target, negated", [
    ("Eritrea let the Red Cross visit Ethiopian prisoners of war.", "086", "ERI", "NGO", False),
    ("Belarus allowed OSCE observers to monitor the vote.", "0862", "BLR", "IGO", False),
    ("Ethiopia did not allow the UN envoy to visit the camps in Tigray during his trip.", "086", "ETH", "IGO", True),
])
def test_letting_an_outside_party_in_is_allowing_international_involvement(
        analyzer, text: str, code: str, source: str, target: str, negated: bool) -> None:  # type: ignore[no-untyped-def]
    got = [(e.code, (e.source.actor if e.source else ""), (e.target.actor if e.target else ""), e.negated)
           for e in events_of(analyzer, text)]
    assert any(c == code and s.startswith(source) and t.startswith(target) and n == negated
               for c, s, t, n in got), got
    # the visit is what is permitted, not an act told as done
    assert not any(c[:2] == "04" for c, _, _, _ in got), got


@pytest.mark.parametrize("text, protects", [
    ("Rwandan police officers arrived in Bangui on Monday.", ("074", "RWACOP", "CAF")),
    ("A contingent of Jordanian police officers landed in Haiti.", ("074", "JORCOP", "HTI")),
    # at home, or at a border named by its adjective, police power is raised, not lent
    ("Indian police were deployed near the Pakistani border.", None),
    ("Police were deployed in Nairobi ahead of the protests.", None),
])
def test_police_sent_into_another_country_protect_it(analyzer, text: str, protects) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    if protects is None:
        assert not any(c == "074" for c, _, _ in got) and any(c == "153" for c, _, _ in got), got
    else:
        assert any(c == protects[0] and s == protects[1] and (t or "").startswith(protects[2]) for c, s, t in got), got


@pytest.mark.parametrize("text, code, source, target", [
    ("A convoy of UNICEF trucks carrying medicine and blankets entered Tigray on Friday.", "073", "IGOUNO", "ETH"),
    ("Two thousand tonnes of millet were delivered to Malian refugees in Mauritania by the World Food Programme.",
     "073", "IGOUNO", "MLIREF"),
])
def test_relief_that_comes_in_is_relief_given(analyzer, text: str, code: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c == code and (s or "").startswith(source) and (t or "").startswith(target) for c, s, t in got), got


def test_a_convoy_let_in_is_permitted_not_told_as_arrived(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Sudan allowed UN aid convoys to enter Darfur through the Adre crossing.")
    assert any(c.startswith("086") for c, _, _ in got) and not any(c == "073" for c, _, _ in got), got


@pytest.mark.parametrize("text, said", [
    ("Japan's prime minister urged the Chinese president in a telephone call on Monday to release the detained executive.", "02"),
    ("Turkey's president congratulated the Greek prime minister by telephone on his re-election.", "05"),
])
def test_what_is_said_by_telephone_is_said_in_a_telephone_talk(analyzer, text: str, said: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    spoken = [(s, t) for c, s, t in got if c[:2] == said]
    assert spoken, got
    assert any(c == "041" and (s, t) in spoken for c, s, t in got), got


def test_a_statement_made_face_to_face_is_no_telephone_talk(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Japan's prime minister urged the Chinese president in Beijing on Monday to release the detained executive.")
    assert any(c[:2] == "02" for c, _, _ in got) and not any(c == "041" for c, _, _ in got), got


@pytest.mark.parametrize("text, posture", [
    ("Colombia will deploy 5,000 more soldiers to the Catatumbo region next week.", "154"),
    ("Taiwan's military will raise its alert level from Monday.", "152"),
])
def test_a_force_posture_announced_is_the_posture_not_a_threat(analyzer, text: str, posture: str) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c == posture for c, _, _ in got) and not any(c.startswith("13") for c, _, _ in got), got


def test_a_threat_to_deploy_is_still_a_threat(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Russia threatened to deploy nuclear-capable missiles to Kaliningrad.")
    assert any(c.startswith("13") for c, _, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("The killing of three aid workers by Rapid Support Forces fighters was condemned by the UN.", ("190", "SDNREB")),
    # with no doer named, one killing is the crime a report or protest is about
    ("Protests erupted in Nairobi over the killing of a student.", None),
])
def test_one_killing_is_an_act_when_its_doer_is_named(analyzer, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    if expected is None:
        assert not any(c[:2] == "19" for c, _, _ in got), got
    else:
        assert any(c == expected[0] and (s or "").startswith(expected[1]) for c, s, _ in got), got


@pytest.mark.parametrize("text, expected", [
    ("The deployment of Rwandan troops to Mozambique was completed on Tuesday.", ("074", "RWA", "MOZ")),
    ("Chad's dispatch of 1,000 soldiers to Niger drew praise from the African Union.", ("074", "TCD", "NER")),
    # forces sent to a frontier named by its adjective show force
    ("Russia's deployment of troops to the Ukrainian border alarmed NATO.", ("154", "RUS", "UKR")),
])
def test_forces_whose_sending_a_noun_names_protect_the_country_they_are_sent_to(analyzer, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, text)
    assert any(c == expected[0] and (s or "").startswith(expected[1]) and (t or "").startswith(expected[2])
               for c, s, t in got), got


@pytest.mark.parametrize("text, root", [
    ("The attack on the checkpoint was carried out by Boko Haram fighters.", "19"),
    ("The bombing in Kayseri was carried out by a suicide bomber.", "18"),
])
def test_a_light_verb_in_the_passive_does_only_what_its_subject_names(analyzer, text: str, root: str) -> None:  # type: ignore[no-untyped-def]
    # the subject of a passive is the verb's object: the noun names the act, the verb only does it
    got = coded(analyzer, text)
    assert {c[:2] for c, _, _ in got} == {root}, got
