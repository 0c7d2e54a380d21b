"""Datelines parsed apart from the sentence they open (``tidings.datelines``), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from tidings import nlp
from tidings.datelines import NAME, dateline_tokens


def test_the_component_runs_before_the_parser() -> None:
    names = nlp.load().pipe_names
    assert names.index(NAME) < names.index("parser")


@pytest.mark.parametrize("text, first", [
    ("GUATEMALA CITY - Agents from the prosecutor's office raided the tribunal's offices.", "Agents"),
    ("SEOUL, Jan. 5 (Yonhap) -- North Korea fired more than 200 artillery rounds.", "North"),
    ("Ankara (Reuters) - Turkey said on Monday it would retaliate.", "Turkey"),
    ("GEORGE TOWN: A row of eleven shophouses will be restored.", "A"),
    # a date alone opens the entries of a timeline or a factbox
    ("March 18 - Peru recalled its ambassador from Caracas.", "Peru"),
    ("Sept. 4 - The ministry summoned the envoy.", "The"),
    ("12 May 2024: Talks between the two parties broke down.", "Talks"),
])
def test_a_dateline_is_parsed_apart_from_the_sentence_it_opens(text: str, first: str) -> None:
    sents = list(nlp.parse(text).sents)
    assert len(sents) == 2 and sents[1][0].text == first
    # the sentence keeps a verb with a subject of its own
    assert any(c.dep_ in ("nsubj", "nsubjpass") for c in sents[1].root.children)


def test_a_sentence_after_a_dateline_is_not_cut_again_before_its_full_stop() -> None:
    doc = nlp.parse("ABIDJAN - Ghana and Côte d'Ivoire signed a cocoa marketing pact on Thursday.")
    sents = list(doc.sents)
    assert len(sents) == 2 and sents[1].text.startswith("Ghana and")


@pytest.mark.parametrize("text", [
    "The US - and its allies - will act.",
    "Prices rose 3% - the fastest pace in a decade - in March.",
])
def test_a_dash_inside_a_sentence_is_no_dateline(text: str) -> None:
    assert len(list(nlp.parse(text).sents)) == 1


def test_a_date_alone_before_a_dash_is_a_dateline_and_no_verb() -> None:
    doc = nlp.parse("March 18 - Peru recalled its ambassador from Caracas.")
    assert dateline_tokens(doc) == {0, 1, 2}
    # a date inside a sentence is no dateline
    assert not dateline_tokens(nlp.parse("Peru recalled on March 18 - a Tuesday - its ambassador."))


@pytest.mark.parametrize("text, first", [
    ("UPDATE 2-Peru recalls its ambassador from Caracas", "Peru"),
    ("EXCLUSIVE-Chile offers Bolivia access to the sea", "Chile"),
    ("'We will not bow': Iran rejects the demands", "Iran"),
])
def test_a_wire_slug_or_an_opening_quotation_is_parsed_apart_from_the_headline(text: str, first: str) -> None:
    sents = list(nlp.parse(text).sents)
    assert len(sents) == 2 and sents[1][0].text == first
    if not text.startswith("'"):
        # the slug is no actor
        assert dateline_tokens(nlp.parse(text)) == {t.i for t in sents[0]}
