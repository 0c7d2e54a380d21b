"""Attribution beyond quotation marks: speech acts with a noun-phrase content, judgements, beliefs,
intentions, evidentials and hearsay, on sentences written here from the predicate classes."""

from __future__ import annotations

import pytest

from tidings import nlp
from tidings.model import Article, Quote
from tidings.quotes import extract_quotes


def run(text: str) -> list[Quote]:
    quotes = extract_quotes(Article(id="t", text=text), nlp.parse(text))
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.cue_start is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
    return quotes


def only(quotes: list[Quote], cue_word: str) -> Quote:
    hits = [q for q in quotes if q.cue and cue_word in q.cue.lower()]
    assert len(hits) == 1, [(q.cue, q.text) for q in quotes]
    return hits[0]


def test_judgement_takes_its_object_and_the_reason() -> None:
    q = only(run("Senator Dana Whitfield criticised the governor's budget for its deep cuts to rural "
                 "schools."), "criticised")
    assert q.kind == "indirect"
    assert q.text.startswith("the governor's budget") and q.text.endswith("rural schools")
    assert q.speaker is not None and q.speaker.name == "Dana Whitfield"


def test_intention_is_a_belief_with_its_infinitive() -> None:
    q = only(run("Mayor Tom Keller plans to run for a third term next year."), "plans")
    assert q.kind == "belief"
    assert q.text.startswith("to run for a third term")
    assert q.speaker is not None and q.speaker.name == "Tom Keller"


def test_an_infinitive_of_an_attitude_is_not_a_second_relation() -> None:
    quotes = run("The governor plans to back the union's wage demands.")
    assert [q.cue for q in quotes] == ["plans"]


def test_noun_cue_with_light_verb_takes_the_verbs_subject() -> None:
    q = only(run("The foreign ministry expressed concern that the talks in Geneva would collapse."),
             "concern")
    assert q.kind == "belief"
    assert q.text.startswith("that the talks in Geneva would collapse")
    assert q.speaker is not None and q.speaker.text == "The foreign ministry"


def test_possessor_is_the_source_of_a_claim() -> None:
    # the claim is part of what the analysts dismissed, so it sits under that attribution
    outer = only(run("Analysts dismissed Whitfield's claim that the deficit had vanished."), "dismissed")
    assert outer.text == "Whitfield's claim that the deficit had vanished"
    q = only(outer.embedded, "claim")
    assert q.text == "that the deficit had vanished"
    assert q.speaker is not None and "Whitfield" in q.speaker.text
    q = only(run("Whitfield's claim that the deficit had vanished drew scorn."), "claim")
    assert q.text == "that the deficit had vanished"
    assert q.speaker is not None and "Whitfield" in q.speaker.text


def test_a_poll_shows() -> None:
    q = only(run("A poll released on Monday shows Whitfield leading the race by nine points."), "shows")
    assert q.kind == "indirect"
    assert "leading the race" in q.text
    assert q.speaker is not None and "poll" in q.speaker.text


def test_in_a_survey_attributes_the_clause() -> None:
    q = only(run("In the latest survey, Whitfield trails her rival by four points."), "in")
    assert q.text.startswith("Whitfield trails her rival")
    assert q.speaker is not None and q.speaker.text.endswith("survey")


def test_impersonal_passive_keeps_no_speaker() -> None:
    q = only(run("The ceasefire is expected to hold through the weekend."), "expected")
    assert q.speaker is None
    assert q.text.startswith("The ceasefire") and "hold through the weekend" in q.text


def test_attitude_adjective() -> None:
    q = only(run("Keller was critical of the auditor's report on the port."), "critical")
    assert q.kind == "belief"
    assert q.text.startswith("the auditor's report")
    assert q.speaker is not None and q.speaker.text == "Keller"


@pytest.mark.parametrize("text", [
    "The rebels attacked the army base near the river on Tuesday.",
    "Rescuers found a way through the rubble after the quake.",
    "We hope the talks succeed.",
    "It is raining in the capital.",
])
def test_no_attribution_where_nothing_is_attributed(text: str) -> None:
    assert run(text) == []


def test_quotes_of_the_new_kinds_follow_the_schema_enum() -> None:
    import json
    from importlib.resources import files

    schema = json.loads((files("tidings") / "data" / "analysis.schema.json").read_text())
    assert schema["$defs"]["analysis"]["properties"]["quotes"]["items"] == {"$ref": "#/$defs/quote"}
    kinds = set(schema["$defs"]["quote"]["properties"]["kind"]["enum"])
    quotes = run("Mayor Tom Keller plans to run again. Senator Dana Whitfield praised the budget.")
    assert {q.kind for q in quotes} <= kinds
    assert {"belief", "indirect"} <= {q.kind for q in quotes}


def test_words_after_a_colon_cue_run_to_the_paragraph_end() -> None:
    text = ('Foreign Minister Gail Todd told reporters: The border will stay closed until the talks '
            'end. Trade will have to wait.\n\nThe talks resume on Monday.')
    quotes = run(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "unmarked" and q.cue == "told reporters"
    assert q.text == "The border will stay closed until the talks end. Trade will have to wait."
    assert q.speaker is not None and q.speaker.name == "Gail Todd"


def test_colon_before_a_quotation_stays_a_direct_quote() -> None:
    text = 'Foreign Minister Gail Todd said: "The border will stay closed until the talks end."'
    quotes = run(text)
    assert [q.kind for q in quotes] == ["direct"]


def test_characterizing_verbs_need_an_object_and_its_label() -> None:
    q = only(run("The union called the offer an insult to its members."), "called")
    assert q.kind == "indirect" and q.text == "the offer an insult to its members"
    assert q.speaker is not None and q.speaker.text == "The union"
    q = only(run("Opposition leaders have described the budget as reckless."), "described")
    assert q.text == "the budget as reckless"
    # no label, or a colour rather than a judgement: nothing is attributed
    assert run("She called the fire department at midnight.") == []
    assert run("They painted the fence green last summer.") == []
    assert run("The budget was described as reckless.") == []


def test_what_is_asked_is_the_content_of_ask() -> None:
    q = only(run("A reporter asked the minister if she would resign before the vote."), "asked")
    assert q.kind == "indirect" and q.text == "if she would resign before the vote"
    q = only(run("The campaign asked for a recount if the margin stayed below one percent."), "asked")
    assert q.text == "a recount" and q.cue == "asked for"


def test_it_names_an_organisation_that_speaks_but_not_a_feeling() -> None:
    text = "The shipping firm issued a statement on Monday. It said the strike had cost four million dollars."
    q = only(run(text), "said")
    assert q.speaker is not None and q.speaker.text == "It"
    assert q.text == "the strike had cost four million dollars"
    assert run("It feels like the whole town turned out for the parade.") == []


def test_an_attitude_adjective_after_its_noun_is_that_nouns() -> None:
    q = only(run("Farmers angry about the new water rules blocked the road to the capital."), "angry")
    assert q.kind == "belief" and q.text == "the new water rules"
    assert q.speaker is not None and q.speaker.text == "Farmers"
    assert run("Reliable power is critical to the success of the new factory.") == []
    q = only(run("Several council members have been vocal about the cost of the stadium."), "vocal")
    assert q.kind == "indirect" and q.text == "the cost of the stadium"


def test_appearances_are_impressions_with_no_source() -> None:
    q = only(run("The governor seemed ready to veto the bill after the hearing."), "seemed")
    assert q.kind == "belief" and q.speaker is None
    assert q.text == "The governor seemed ready to veto the bill after the hearing"
    q = only(run("It appears that the ferry service will not resume before spring."), "appears")
    assert q.text == "that the ferry service will not resume before spring" and q.speaker is None
    assert run("The mayor appeared on local television on Sunday evening.") == []


def test_seeing_a_thing_as_something_is_a_belief() -> None:
    q = only(run("Many residents see the new highway as a threat to the old town."), "see")
    assert q.kind == "belief" and q.text == "the new highway as a threat to the old town"
    assert run("We saw the new film at the festival on Sunday.") == []
    q = only(run("The coach hinted at a change in the starting line-up."), "hinted")
    assert q.kind == "indirect" and q.text == "a change in the starting line-up"


def test_a_second_act_of_the_subject_is_not_part_of_the_content() -> None:
    q = only(run("The minister has proposed closing the old mine and ordered a review of its safety."),
             "proposed")
    assert q.text == "closing the old mine"
    q = only(run("She plans to build a new school and hire forty teachers."), "plans")
    assert q.text == "to build a new school and hire forty teachers"


def test_tweets_preferences_and_recognitions() -> None:
    q = only(run("The mayor tweeted a photo of the flooded street."), "tweeted")
    assert q.kind == "indirect" and q.text == "a photo of the flooded street"
    q = only(run("Most voters in the poll preferred the younger candidate."), "preferred")
    assert q.kind == "belief" and q.text == "the younger candidate"
    q = only(run("The coach recognized that the team had lost its confidence."), "recognized")
    assert q.kind == "belief" and q.text == "that the team had lost its confidence"


def test_calling_on_someone_or_for_someone_to_act() -> None:
    q = only(run("The bishop called on the two parties to resume the talks before Easter."), "called")
    assert q.cue == "called on" and q.text == "the two parties to resume the talks before Easter"
    q = only(run("Several unions are calling for the minister to resign over the scandal."), "calling")
    assert q.cue == "calling for" and q.text == "the minister to resign over the scandal"


def test_mentions_and_cases_made_are_attributions() -> None:
    q = only(run("The mayor will make the case that the stadium pays for itself."), "case")
    assert q.kind == "indirect" and q.text == "that the stadium pays for itself"
    assert q.speaker is not None and q.speaker.text == "The mayor"
    q = only(run("The speech made no mention of the strike."), "mention")
    assert q.text == "the strike"


def test_a_light_verb_delivering_a_message_attributes_it() -> None:
    q = only(run("The coach offered a frank assessment of the team's defence."), "offered")
    assert q.kind == "indirect" and q.text == "a frank assessment of the team's defence"
    assert run("The company gave the workers a bonus at Christmas.") == []


@pytest.mark.parametrize("text, cue, content", [
    ("The senator endorsed Maria Lopez in early June, after weeks of hesitation.", "endorsed",
     "Maria Lopez"),
    ("The governor praised the rescue crews at a rally in Dayton.", "praised", "the rescue crews"),
    ("Opposition leaders criticised the budget repeatedly during the debate.", "criticised",
     "the budget"),
])
def test_the_scene_of_an_act_is_not_its_content(text: str, cue: str, content: str) -> None:
    # when and where something was said is the reporter's framing, not what was said
    assert only(run(text), cue).text == content


def test_a_phrase_that_carries_the_content_stays_in_it() -> None:
    q = only(run("The union announced a strike in support of the dismissed drivers."), "announced")
    assert q.text == "a strike in support of the dismissed drivers"


def test_a_poll_where_people_said_something_leaves_the_saying_to_them() -> None:
    # "in the survey" says where the farmers said it; what they said is theirs, not the survey's
    quotes = run("In a survey released Monday, most farmers said the drought had cut their harvest.")
    assert [(q.cue, q.speaker.text if q.speaker else None, q.text) for q in quotes] == [
        ("said", "most farmers", "the drought had cut their harvest")]


@pytest.mark.parametrize("headline, speaker, kind, content", [
    ("Okafor: We will not sign a deal that hurts dock workers", "Okafor", "unmarked",
     "We will not sign a deal that hurts dock workers"),
    ("Survey: Most renters expect to move within two years", "Survey", "indirect",
     "Most renters expect to move within two years"),
    ("Lena Brandt: \u201cThe reform is dead\u201d", "Lena Brandt", "direct", "The reform is dead"),
])
def test_a_headline_names_its_source_before_a_colon(headline: str, speaker: str, kind: str,
                                                    content: str) -> None:
    text = headline + "\n\nThe talks resumed in Hamburg on Monday after a week of strikes.\n"
    assert [(q.speaker.text if q.speaker else None, q.kind, q.text) for q in run(text)] == [
        (speaker, kind, content)]


@pytest.mark.parametrize("headline", [
    "BREAKING: Port workers walk out in Hamburg",  # a section label
    "Okafor and the unions: a long rivalry",  # a topic, no clause
    "Lena Brandt: reformer or another career politician?",  # the writer's question
])
def test_a_headline_colon_without_a_source_or_a_claim_attributes_nothing(headline: str) -> None:
    text = headline + "\n\nThe talks resumed in Hamburg on Monday after a week of strikes.\n"
    assert [q for q in run(text) if q.cue == ":"] == []


def test_said_during_a_conference_that_reports_the_clause_parsed_as_a_relative() -> None:
    # "that" here is a complementizer, though the parser makes the clause relative to "conference"
    text = ("Courted by both parties and widely tipped to be the largest donor of the cycle, Halvorsen "
            "said earlier on Friday during a news conference that he may wait until the spring "
            "primaries to decide whom to back.")
    q = only(run(text), "said")
    assert (q.text, q.speaker.text if q.speaker else None) == (
        "that he may wait until the spring primaries to decide whom to back", "Halvorsen")


def test_said_in_a_statement_that_reports_the_that_clause() -> None:
    # the parser hangs the clause on "statement"; it is still what the minister said
    text = ("Finance Minister Ana Soto, who has led the ministry since March, said in a statement "
            "that the new levy would be withdrawn.")
    q = only(run(text), "said")
    assert (q.kind, q.text, q.speaker.text if q.speaker else None) == (
        "indirect", "that the new levy would be withdrawn", "Finance Minister Ana Soto")


def test_a_participle_on_a_noun_is_that_nouns_act() -> None:
    q = only(run("The strike cheered dockers hoping to win back their pensions."), "hoping")
    assert (q.kind, q.text, q.speaker.text if q.speaker else None) == (
        "belief", "to win back their pensions", "dockers")


def test_a_statement_issued_speaks_for_whoever_issued_it() -> None:
    q = only(run("The regional council put out a statement saying the bridge would stay closed."),
             "saying")
    assert (q.text, q.speaker.text if q.speaker else None) == (
        "the bridge would stay closed", "The regional council")


@pytest.mark.parametrize("text, cue", [
    ("The governor made it clear to lawmakers on Monday that she would veto the bill.", "made it clear"),
    ("The governor made clear that she would veto the bill.", "made clear"),
])
def test_made_clear_reports_its_that_clause(text: str, cue: str) -> None:
    q = only(run(text), cue)
    assert (q.kind, q.text) == ("indirect", "that she would veto the bill")


def test_thanks_are_a_judgement_with_their_reason() -> None:
    q = only(run("The mayor thanked the volunteers for clearing the flooded streets."), "thanked")
    assert (q.kind, q.text) == ("indirect", "the volunteers for clearing the flooded streets")


def test_a_light_verbs_preposition_completes_its_noun() -> None:
    q = only(run("The candidate took several swipes at the incumbent mayor."), "swipes")
    assert (q.cue, q.text, q.speaker.text if q.speaker else None) == (
        "swipes at", "the incumbent mayor", "The candidate")


@pytest.mark.parametrize("text, content", [
    # "refuses" agrees with "denies", not with "was": the ministry's next act
    ("The ministry denies that the camp was overcrowded and refuses all inspections.",
     "that the camp was overcrowded"),
    # "needs" agrees with "is" too: the union says both
    ("The union says the offer is too low and needs a second look.",
     "the offer is too low and needs a second look"),
])
def test_a_verb_in_the_cues_tense_is_the_subjects_next_act(text: str, content: str) -> None:
    q = next(q for q in run(text) if q.cue in ("denies", "says"))
    assert q.text == content


def test_a_quotation_ending_a_mixed_content_keeps_its_full_stop_and_mark() -> None:
    text = "The minister blamed the shortages on \u201creckless hoarding.\u201d"
    q = only(run(text), "blamed")
    assert (q.kind, q.text) == ("mixed", "the shortages on \u201creckless hoarding.\u201d")


def test_identifying_someone_as_something_characterizes_them() -> None:
    q = only(run("Officials identified the gunman as a former employee of the plant."), "identified")
    assert (q.kind, q.text) == ("indirect", "the gunman as a former employee of the plant")
    # with no "as", identifying is no judgement
    assert not [q for q in run("Rescuers identified three survivors in the rubble.") if q.cue]


def test_it_is_the_source_of_an_intention_but_not_of_a_feeling() -> None:
    quotes = run("The ministry closed the border. It plans to reopen the crossing next week.")
    assert only(quotes, "plans").speaker is not None
    assert not [q for q in run("It feels like the talks will fail.") if q.cue == "feels"]


def test_a_view_held_on_a_topic() -> None:
    q = only(run("The bishop shared his views on the new law."), "views")
    assert (q.kind, q.text, q.speaker.text if q.speaker else None) == ("belief", "the new law", "his")


def test_things_said_on_a_topic() -> None:
    q = only(run("Drivers were angered by the mayor's comments on the bus strike."), "comments")
    assert (q.kind, q.text, q.speaker.text if q.speaker else None) == ("indirect", "the bus strike", "the mayor")
    q = only(run("In Iowa the senator gave a speech on farm subsidies."), "speech")
    assert (q.kind, q.text) == ("indirect", "farm subsidies")


def test_its_in_a_clause_is_the_clauses_subject() -> None:
    q = only(run("Greenpeace repeated its concerns over the new fishing quotas."), "concerns")
    assert q.speaker is not None and (q.speaker.text, q.speaker.name) == ("its", "Greenpeace")


def test_a_demand_that_something_be_done_is_a_directive() -> None:
    q = only(run("Greenpeace repeated its demand that the mine be closed."), "demand")
    assert (q.kind, q.text) == ("indirect", "that the mine be closed")


@pytest.mark.parametrize("text, cue, content", [
    ("The teachers' union supports the new curriculum.", "supports", "the new curriculum"),
    ("Several mayors opposed the merger of the two districts.", "opposed",
     "the merger of the two districts"),
])
def test_a_stance_towards_a_proposal_is_a_belief(text: str, cue: str, content: str) -> None:
    q = only(run(text), cue)
    assert (q.kind, q.text) == ("belief", content)


def test_a_stance_named_as_the_act_judged_or_a_consequence_is_not_reported() -> None:
    quotes = run("The senator faulted the governor for supporting the merger. Rates stayed low, "
                 "supporting faster growth. Most unions are supporting the strike.")
    assert [(q.cue, q.text) for q in quotes if q.kind == "belief"] == [("supporting", "the strike")]


@pytest.mark.parametrize("text, cue, content", [
    # what is stressed or explained is itself the message
    ("The minister stressed the need for calm.", "stressed", "the need for calm"),
    ("Her aide explained the delay.", "explained", "the delay"),
    ("The old senator spoke of his years in the navy.", "spoke", "his years in the navy"),
])
def test_messages_as_objects(text: str, cue: str, content: str) -> None:
    assert only(run(text), cue).text == content


def test_a_standing_in_the_polls_is_no_poll_finding() -> None:
    assert [q.cue for q in run("The mayor trails his rival in the polls.")] == []
    assert [q.cue for q in run("In the polls, the mayor trails his rival.")] == ["In"]


def test_a_view_one_has_is_ones_own_but_support_one_has_is_others() -> None:
    q = only(run("Both candidates had different views on the pension reform."), "views")
    assert (q.text, q.speaker.text if q.speaker else None) == ("the pension reform", "Both candidates")
    assert [q for q in run("The mayor has the support of most shop owners.") if q.cue] == []


def test_a_second_act_hung_on_a_quoted_adjective_keeps_the_subject() -> None:
    # the parser coordinates the second "called" with "shameful"
    text = 'She called it "shameful" and called on members "not to feed that anger."'
    q = only(run(text), "called on")
    assert (q.text, q.speaker.text if q.speaker else None) == ('members "not to feed that anger."', "She")


def test_a_quotation_hung_on_the_predicate_completes_its_content() -> None:
    # (the parser hangs "despite ..." on "pointed", after the content it completes)
    q = only(run("The wire service pointed to the review board finding that security in Kabul was "
                 "inadequate \u201cdespite repeated requests for more guards.\u201d"), "pointed")
    assert q.kind == "mixed" and q.text.endswith("requests for more guards.\u201d")


def test_approving_of_something_is_an_attitude_but_approving_a_budget_is_an_act() -> None:
    q = only(run("Most farmers approve of the new water rules."), "approve")
    assert (q.kind, q.text) == ("belief", "the new water rules")
    assert run("The council approved the budget on Monday.") == []


def test_a_content_never_ends_on_a_coordinator_whose_conjunct_the_parse_hung_elsewhere() -> None:
    q = only(run("Councillor Ruth Abara claimed that she is not backing any candidate, and in addition "
                 "to a dinner she had with the mayor last year, she also hosted the governor at her "
                 "farm."), "claimed")
    assert q.text == "that she is not backing any candidate"


@pytest.mark.parametrize("text, cue, content", [
    ("Reportedly, the clerk took cash from three contractors and hid it in a shed.", "Reportedly",
     "the clerk took cash from three contractors and hid it in a shed"),
    ("With the mayor reportedly weighing a run for the Senate, the party is nervous.", "reportedly",
     "the mayor reportedly weighing a run for the Senate"),
    ("The treasurer, who allegedly has been moving funds abroad, resigned on Friday.", "allegedly",
     "who allegedly has been moving funds abroad"),
    ("Before the vote (the union has reportedly hired two lobbyists for the fight), the council met.",
     "reportedly", "the union has reportedly hired two lobbyists for the fight"),
])
def test_a_hearsay_adverb_hands_its_clause_to_no_named_source(text: str, cue: str, content: str) -> None:
    q = only(run(text), cue.lower())
    assert (q.kind, q.cue, q.text, q.speaker) == ("indirect", cue, content, None)


def test_a_hearsay_adverb_on_an_adjective_reports_nothing() -> None:
    assert run("The league hired a supposedly neutral referee for the final.") == []


def test_a_verb_the_tagger_took_for_a_noun_still_attributes() -> None:
    # the small model tags "plans" here as a plural noun, yet parses it with a subject and an
    # infinitive, as only a verb has
    q = only(run("The Republican presidential candidate plans to be back in South Carolina later "
                 "Saturday to await the results."), "plans")
    assert (q.kind, q.text) == ("belief", "to be back in South Carolina later Saturday to await the results")
    assert q.speaker is not None and q.speaker.text == "The Republican presidential candidate"


@pytest.mark.parametrize("text, cue, content", [
    ("In an interview in July, the spokeswoman was asked about the donations, and she changed the subject.",
     "asked about", "the donations"),
    ("During the debate, the senator was asked if he had ever voted for a tax rise.", "asked",
     "if he had ever voted for a tax rise"),
    ("It was argued that the levy would fall hardest on the poor.", "argued",
     "that the levy would fall hardest on the poor"),
])
def test_an_agentless_passive_speech_act_has_no_named_source(text: str, cue: str, content: str) -> None:
    q = only(run(text), cue.split()[0])
    assert (q.kind, q.cue, q.text, q.speaker) == ("indirect", cue, content, None)


def test_an_agentless_passive_of_attitude_reports_nobodys_attitude() -> None:
    assert [q.cue for q in run("The levy was designed to raise money for the schools.")] == []


def test_a_second_that_clause_the_parse_hung_on_the_cue_is_part_of_the_content() -> None:
    q = only(run("His sisters said that their father \u201ccould be unyielding,\u201d and that Freddy had "
                 "struggled with his criticism and stinginess with praise."), "said")
    assert q.kind == "mixed"
    assert q.text.endswith("and that Freddy had struggled with his criticism and stinginess with praise")
