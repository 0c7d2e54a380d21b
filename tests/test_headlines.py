"""Headlinese parsed as the sentence it shortens (``tidings.headlines``), on headlines written
for these tests."""

from __future__ import annotations

import pytest

from tests.test_events_broad import coded
from tidings import nlp
from tidings.headlines import NAME, base_form, headline_like


@pytest.mark.parametrize("word, base", [
    ("inks", "ink"), ("torches", "torch"), ("urges", "urge"), ("carries", "carry"), ("discuss", "discuss"),
    ("sign", "sign"), ("presses", "press"),
])
def test_a_present_verb_has_its_base_form(word: str, base: str) -> None:
    assert base_form(word) == base


def test_the_component_follows_every_component_of_the_pinned_model() -> None:
    names = nlp.load().pipe_names
    assert names.index(NAME) > max(names.index(n) for n in ("tagger", "parser", "ner", "lemmatizer"))


@pytest.mark.parametrize("text, verb", [
    ("Egypt, Jordan sign gas deal in Amman", "sign"),
    ("Sudan rebels torch market in Darfur town", "torch"),
    ("Chile moves troops to Peru border", "moves"),
    # a verb in -s before a word English has no verb of ("blasphemy", "intelligence") is the verb,
    # and a word with no verb form is not read as one ("contingent")
    ("Crowd lynches theft suspect in Kano", "lynches"),
    ("Japan shares intelligence with Manila on Chinese drills", "shares"),
    ("Ghanaian army contingent lands in Monrovia", "lands"),
    # a particle after the verb is never the verb itself
    ("Chad junta orders out Sudanese envoy in border row", "orders"),
    # a plural with no -s ("police") is the subject of the bare form after it
    ("Riot police fire tear gas at students in Dhaka", "fire"),
    # a bare form after a plural modifier was read as a noun inside the subject of a later verb
    ("Bolivian miners block highways as fuel protests spread", "block"),
    ("Somali troops storm militant camp as fighting spreads", "storm"),
    # a name the tagger took for a determiner, and the verb after it hung as a noun modifier
    ("Houthis claim missile strike on Liberian-flagged ship in Gulf of Aden", "claim"),
])
def test_a_headline_is_read_with_its_verb_and_subject(text: str, verb: str) -> None:
    doc = nlp.parse(text)
    assert doc.text == text  # the line's own tokens, nothing inserted
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.text == verb and root.pos_ == "VERB" and root.tag_ in ("VBZ", "VBP")
    assert any(c.dep_ == "nsubj" for c in root.children)


def test_a_compound_after_a_plural_with_no_verb_form_stays_a_noun() -> None:
    # English has no verb "union": the line keeps its own verb
    doc = nlp.parse("Kenyan workers union leaders gather as talks resume")
    assert next(t for t in doc if t.dep_ == "ROOT").text == "gather"
    assert not any(t.text == "union" and t.pos_ == "VERB" for t in doc)


def test_a_name_in_a_headline_stays_a_name() -> None:
    # no reading makes "MSF" a verb to give "orders" a subject
    doc = nlp.parse("Mali junta orders MSF out of Kidal")
    assert not any(t.text == "MSF" and t.pos_ in ("VERB", "AUX") for t in doc)


def test_names_joined_by_a_comma_are_both_the_subject() -> None:
    doc = nlp.parse("Egypt, Jordan sign gas deal in Amman")
    assert doc[0].dep_ == "nsubj" and doc[2].dep_ == "conj" and doc[2].head.i == 0
    assert doc[1].text == "," and doc[1].tag_ == ","


def test_a_headline_the_model_read_right_keeps_its_reading() -> None:
    doc = nlp.parse("Pakistan recalls envoy from Kabul over border attacks")
    assert doc[1].dep_ == "ROOT" and doc[2].dep_ == "dobj"


def test_a_clause_whose_subject_meets_its_verb_is_no_misread_noun() -> None:
    doc = nlp.parse("Minister says government resigns")
    assert not headline_like(next(iter(doc.sents)))
    assert doc[3].pos_ == "VERB"


def test_prose_with_a_full_stop_is_left_as_the_model_parsed_it() -> None:
    text = "Egypt, Jordan sign gas deal in Amman."
    assert not headline_like(next(iter(nlp.parse(text).sents)))


@pytest.mark.parametrize("text, want", [
    ("Egypt, Jordan sign gas deal in Amman", ("057", "EGY", "JOR")),
    ("Sudan rebels torch market in Darfur town", ("1712", "SDNREB", "SDN")),
    # a plural subject the model took for the verb, and the verb for a noun
    ("Congo militias torch villages in Ituri as thousands flee", ("1712", "CODUAF", "COD")),
    # a verb the model tagged as a name, agreeing with the plural before it, heads its own clause
    ("Kenyan opposition cries foul as police detain party official", ("173", "KENCOP", "KENPTY")),
    # a plural noun ending the line, read as the verb of a clause whose subject is the line's
    # object with prepositions between them
    ("Peru recalls ambassador from Caracas over Maduro remarks", ("161", "PER", "VENGOV")),
])
def test_a_headline_is_coded_like_the_sentence_it_shortens(analyzer, text: str, want: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert want in coded(analyzer, text)


@pytest.mark.parametrize("text, want", [
    # (the model reads the infinitive as hung on the noun, which is then the line's root)
    ("Chilean president to visit Lima", ("036", "CHLGOV", "PERGOV")),
    ("Kenya's army to withdraw from Somalia by June", ("0356", "KENMIL", "SOM")),
])
def test_an_office_named_by_its_country_is_a_headline_future_subject(analyzer, text: str, want: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert want in coded(analyzer, text)


def test_a_bare_verb_form_as_an_object_is_the_act_noun(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "probe" tagged as a bare verb after "launches": no English object is a bare verb
    got = coded(analyzer, "Kenya launches probe into border killings")
    assert any(c.startswith("09") for c, _, _ in got) and not any(c.startswith("05") for c, _, _ in got), got


def test_objects_listed_with_a_comma_keep_the_verbs_phrase(analyzer) -> None:  # type: ignore[no-untyped-def]
    # the model coordinates the second object with the verb; its to-phrase is still the verb's
    assert ("154", "ARM", "AZE") in coded(analyzer, "Armenia moves troops, tanks to Azerbaijani border amid enclave row")


def test_a_noun_no_name_places_is_no_headline_future_subject(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "plans" are no doer: an infinitive on them is what is planned, not a future act
    assert coded(analyzer, "Plans to visit Lomé next week") == set()


def test_parties_that_discuss_a_country_consult_each_other(analyzer) -> None:  # type: ignore[no-untyped-def]
    got = coded(analyzer, "Russia and China discussed Ukraine on Monday.")
    assert {(s, t) for c, s, t in got if c.startswith("04")} == {("RUS", "CHN"), ("CHN", "RUS")}, got


def test_a_photo_caption_without_its_full_stop_is_read_like_a_headline(analyzer) -> None:  # type: ignore[no-untyped-def]
    # (longer than a headline: 27 tokens)
    got = coded(analyzer, "Police detain demonstrators during a rally against the arrest of opposition leader Ana Lopez "
                          "in Caracas, Venezuela, Sunday, Jan. 12, 2025")
    assert any(c == "173" and s is not None and s.startswith("VEN") for c, s, _ in got), got


def test_a_name_tagged_noun_that_does_not_agree_as_a_verb_stays_a_noun(analyzer) -> None:  # type: ignore[no-untyped-def]
    # "coast guard": a bare form after a singular is no present tense
    assert any(c == "057" for c, _, _ in coded(analyzer, "Zambia, Malawi sign coast guard pact"))

