"""Plain-text extraction: header lines become metadata, boilerplate and captions are removed."""

from __future__ import annotations

import json

import pytest

from tidings.ingest.dates import parse_date
from tidings.ingest.text import AFTER_TEXT, _residue, extract_text, is_boilerplate, is_caption, parse_byline

from .conftest import SAMPLE, shared_path

ARTICLE = """Farmers Block Highways as Grain Prices Fall

By Marta Kowalczyk and Tomasz Nowak
Published: 3 March 2024

WARSAW — Thousands of farmers drove tractors onto motorways on Monday, demanding that the government limit grain imports.

"We cannot sell below cost," said Jan Wisniewski, who farms near Lublin.

A tractor convoy moves along the A2 motorway near Warsaw, March 2, 2024.

The agriculture minister said he would meet union leaders on Thursday.

Share this article

Subscribe to our newsletter for daily updates

© 2024 Example News. All rights reserved.
"""


def test_header_lines_become_metadata_and_body_keeps_paragraphs() -> None:
    ext = extract_text(ARTICLE)
    assert ext.title == "Farmers Block Highways as Grain Prices Fall"
    assert ext.authors == ["Marta Kowalczyk", "Tomasz Nowak"]
    assert ext.published == "2024-03-03"
    assert ext.text.startswith("WARSAW — Thousands of farmers")
    assert ext.text.split("\n\n")[-1] == "The agriculture minister said he would meet union leaders on Thursday."
    assert len(ext.text.split("\n\n")) == 3


def test_boilerplate_and_caption_are_removed_with_reasons() -> None:
    ext = extract_text(ARTICLE)
    reasons = {r.text: r.reason for r in ext.removed}
    assert reasons["A tractor convoy moves along the A2 motorway near Warsaw, March 2, 2024."] == "caption"
    assert reasons["Share this article"] == "boilerplate"
    assert reasons["Subscribe to our newsletter for daily updates"] == "boilerplate"
    assert reasons["© 2024 Example News. All rights reserved."] == "boilerplate"
    for r in ext.removed:
        assert r.text not in ext.text


def test_a_picture_line_after_the_last_paragraph_is_noted_as_such() -> None:
    body = ("Thousands of farmers blocked roads in Warsaw on Monday.\n\n"
            "A tractor convoy moves along the A2 motorway near Warsaw, March 2, 2024.\n\n"
            "The agriculture minister said he would meet union leaders on Thursday.\n\n"
            "Photo: Polish Press Agency")
    ext = extract_text(body)
    notes = {r.text: r.note for r in ext.removed}
    assert notes["Photo: Polish Press Agency"] == AFTER_TEXT
    assert notes["A tractor convoy moves along the A2 motorway near Warsaw, March 2, 2024."] != AFTER_TEXT


def test_metadata_given_wins_over_inferred() -> None:
    ext = extract_text(ARTICLE, title="Given title", published="2024-01-01", authors=["Desk"])
    assert ext.published == "2024-01-01"
    assert ext.authors == ["Desk"]
    assert ext.title == "Given title"
    # the first line differs from the given title, so it stays in the body
    assert ext.text.startswith("Farmers Block Highways")


def test_first_line_equal_to_given_title_is_not_body() -> None:
    ext = extract_text(ARTICLE, title="Farmers block highways as grain prices fall")
    assert not ext.text.startswith("Farmers Block")


def test_single_sentence_is_a_body_not_a_headline() -> None:
    ext = extract_text("France condemned the strike on Tuesday")
    assert ext.title is None
    assert ext.text == "France condemned the strike on Tuesday"


def test_header_block_on_consecutive_lines() -> None:
    ext = extract_text("Talks Resume in Geneva\n\nAmira Haddad\nJune 2, 2021\n\nDiplomats met again on Monday.")
    assert ext.authors == ["Amira Haddad"]
    assert ext.published == "2021-06-02"
    assert ext.text == "Diplomats met again on Monday."


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("May 15, 2019", "2019-05-15"),
        ("2019-05-15", "2019-05-15"),
        ("15/05/2019", "2019-05-15"),
        ("05/15/2019", "2019-05-15"),
        ("04/11/2020", "2020-11-04"),
        ("Published: 12 June 2022", "2022-06-12"),
        ("Updated on Wednesday, May 15, 2019 10:32 AM ET", "2019-05-15"),
        ("September 18th, 2022", "2022-09-18"),
        ("15.05.2019", "2019-05-15"),
        ("Sept. 3, 2021", "2021-09-03"),
    ],
)
def test_dates_in_common_formats(line: str, iso: str) -> None:
    assert parse_date(line) == iso


@pytest.mark.parametrize("line", ["May 2019 was hot", "31/02/2019", "The talks of May 15, 2019 failed", "1234"])
def test_not_dates(line: str) -> None:
    assert parse_date(line) is None


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("Lester Mason", ["Lester Mason"]),
        ("By Ana de la Cruz, Reuters", ["Ana de la Cruz"]),
        ("By Staff Reporter", []),
        ("Posted by Admin", []),
        ("Written by J. R. Smith and Lee Wong", ["J. R. Smith", "Lee Wong"]),
        # the outlet set off by a separator, with or without "By"
        ("Tomasz Nowak · Radio Gdańsk", ["Tomasz Nowak"]),
        ("By Aroha Ngata | Stuff", ["Aroha Ngata"]),
        # a name with a role that names a desk is no generic byline; the desk alone is
        ("By Rachel Okafor, Local Democracy Reporter", ["Rachel Okafor"]),
        ("By Helen Marchetti, Science Correspondent", ["Helen Marchetti"]),
        ("By Our Correspondent, Lagos", []),
    ],
)
def test_bylines(line: str, names: list[str]) -> None:
    assert parse_byline(line) == names


@pytest.mark.parametrize("line", ["The minister said no.", "Police arrested 40 people", "Russia and China",
                                  "Home · News · World", "Politics | Europe"])
def test_not_bylines(line: str) -> None:
    got = parse_byline(line)
    assert got is None or line == "Russia and China"


@pytest.mark.parametrize(
    "par",
    ["Related: Ten things to know", "Comments are closed.", "Follow us on Twitter", "Discuss This Article",
     "Other reports by Some Outlet", "Tags: Iran, sanctions", "Read more: the full story", "Advertisement",
     # a longer prompt, each sentence of it put to the reader
     "Enjoyed this guide? Pass it on to a neighbour who rents out a room, and sign up for our free Friday "
     "newsletter for more plain-language explainers about the rules that shape your street.",
     # paragraphs the site labels as its own, however long, and a related-links header over its list
     "Disclaimer: The information on this page is general in nature and is not legal advice. Readers should "
     "consult a qualified solicitor about their own circumstances before acting on anything in it.",
     "About the author: Priya Nair writes about money and travel. She lives in Leeds with two cats.",
     "Related Posts:\n- Five ways to cut your energy bill\n- Is a heat pump worth it?",
     "Tags: heat pumps, energy bills, home insulation, grants for homeowners, green home upgrades, winter "
     "savings, best boilers to buy, smart thermostats, solar panels"],
)
def test_boilerplate_lines(par: str) -> None:
    assert is_boilerplate(par)


@pytest.mark.parametrize(
    "par",
    [
        "Share prices fell sharply after the central bank raised rates by half a point.",
        "Related talks are expected to continue next week in Vienna, officials said.",
        "The court ruled on Tuesday, May 9, 2023.",
        "Protesters chanted slogans reading \"down with the junta\" outside the court, police said.",
        # a picture referred to, and events dated in full, past or on the calendar
        "The ministry's plan, published in March (see photo), sets quotas for the next five years.",
        "The two governments signed the fishing accord in Lima on April 4, 2023.",
        "The runoff between the two candidates is due in Lima on June 7, 2026.",
        "Hillary Clinton cast herself as a champion of working people during a speech in Warren, "
        "Michigan on Thursday, Aug. 11, 2016.",
        # a long paragraph of reporting that mentions a newsletter and addresses no reader
        "The council said residents had been told about the changes in its quarterly newsletter, and that "
        "the new collection days would begin in March after a trial in two wards last autumn.",
        "Residents can ask for a free smoke alarm by calling the fire department, which fitted more than "
        "2,000 of them last year in homes across the city's older neighbourhoods and its outlying villages.",
        "About 300 people gathered outside the court: most were relatives of the accused.",
        # a press release's own closing lines are the release's text
        "Media contact: Ana Ferreira, Port of Leixões communications office, +351 555 0148",
        "The ministry listed its demands:\n- a pay rise of 8 percent\n- shorter shifts for nurses",
    ],
)
def test_real_sentences_are_not_boilerplate_or_captions(par: str) -> None:
    assert not is_boilerplate(par)
    assert not is_caption(par)


# caption conventions of photo desks, each written for this test: a credit in the agency's form,
# a label before the caption, a picture named as such, a present-tense picture description
CAPTION_FORMS = [
    "Fishermen mend their nets on the quay in Paita, Peru, Tuesday, April 4, 2023. (AP Photo/Ana Ruiz)",
    "Police officers stand in line outside the court in Dhaka, Bangladesh, May 2, 2021. REUTERS/Ali Rahman/File Photo",
    "FILE - The foreign ministry building in Quito, Ecuador, on Jan. 14, 2021.",
    "Image caption: The minister was met by fishermen when she arrived in Tumbes",
    "From left: the foreign ministers of Peru and Ecuador pose before the talks in Lima.",
    "Trawlers are moored at the port in this handout picture released by the navy on April 3, 2023.",
    "A screenshot from a video posted online shows the coast guard boarding a trawler.",
    "Relatives wait for news outside the naval base in the port town of Paita.",
    "Demonstrators hold a banner outside the embassy in Quito. Photo via Twitter",
    # a picture's label at the head, over more than one sentence; an illustration's credit; a
    # reader's picture
    "Photo: The fisheries ministry on Avenida Arequipa in central Lima. Andina / File",
    "(Image: Trawlers moored at the port of Paita at dawn. Photo/Andina)",
    "An artist's impression of the new fish terminal at Paita. Illustration: Rosa Quispe / Port Authority",
    "Fog rolls over the harbour at Paita on Tuesday morning. (Submitted by Luis Mendoza)",
    # a picture's verb before a place phrase, not before "of"
    "Rescue workers search the rubble of a market in Piura, Peru, on Tuesday.",
    # a credit that says whose picture it is before the word; a scene dated in full after "on"
    "The fisheries ministry on Avenida Arequipa in central Lima. (File/Staff photo)",
    "Fishermen haul their nets ashore near the port of Paita, northern Peru, on April 4, 2023.",
    # the agencies' weekday set off by commas; the words of a pictured banner are no quotation
    "Dockworkers hold banners reading \"Fair pay now\" outside the port authority in Callao, Peru, Tuesday, Oct. 14, 2025.",
]


@pytest.mark.parametrize("line", CAPTION_FORMS)
def test_caption_forms_pasted_into_a_body_are_removed(line: str) -> None:
    body = ("LIMA — Peru and Ecuador agreed on Wednesday to resume talks on fishing rights.\n\n"
            f"{line}\n\nThe ministers met for two hours and said negotiators would meet again in Quito.")
    ext = extract_text(body)
    assert line not in ext.text
    assert [r.reason for r in ext.removed if r.text == line] in (["caption"], ["photo credit"])
    assert "resume talks" in ext.text and "meet again in Quito" in ext.text


def test_a_text_that_is_only_a_caption_like_line_is_kept_as_the_text() -> None:
    line = "Relatives wait for news outside the naval base in the port town of Paita."
    ext = extract_text(line)
    assert ext.text == line and ext.removed == []
    ext = extract_text("The navy released the crews on Friday, officials said.\n\n" + line)
    assert ext.text == "The navy released the crews on Friday, officials said."
    assert [r.reason for r in ext.removed] == ["caption"]


@pytest.mark.parametrize(
    "par",
    [
        "The foreign minister speaks at the regional summit in Santiago next week.",
        "The image, shared widely online, appeared to show the trawler inside Peruvian waters.",
        "The visit was a courtesy call ahead of the summit, a spokesman said.",
        "Relatives waited outside the naval base in Paita for news of the crews.",
        "Police said a screenshot of the message was sent to the ministry before the seizure.",
        "Pressure from left-wing parties forced the coalition to delay the vote.",
        "Photographs of the seized trawler were shown to reporters: the ministry said they proved it.",
        # a picture's verb used as a noun ("search of", "waves of") is no picture described
        "A reverse image search of the footage traced it to a storm in Peru in March 2019, when floods hit Piura.",
        "Waves of migrants reach the border at Tumbes in the dry season, officials in Lima estimate.",
    ],
)
def test_reporting_that_shares_caption_words_stays(par: str) -> None:
    assert not is_caption(par)


def test_sample_article_metadata_and_removed_match_gold() -> None:
    path = shared_path("samples", "putin-pompeo-2019.txt")
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))["article"]
    ext = extract_text(SAMPLE.read_text(encoding="utf-8"))
    assert ext.title == gold["title"]
    assert ext.authors == gold["authors"]
    assert ext.published == gold["published"]
    removed = {(r.text, r.reason) for r in ext.removed}
    for item in gold["removed"]:
        assert (item["text"], item["reason"]) in removed
        assert item["text"] not in ext.text


@pytest.mark.parametrize("line", [
    # credits in the forms of desks outside the wires
    "Farmers queue for seed at a depot in Kano on Tuesday. (File)",
    "Commuters wait for a bus at the terminal in Mombasa. Photo/Supplied",
    "Traders close their stalls early in the market in Accra. (Star Photo)",
    "Fishermen haul a net ashore near Cox's Bazar. Foto: Ana Ruiz/El Diario",
    "Nurses march through the city centre in Harare. — Jane Moyo/Daily News",
    "Voters line up outside a polling station in Cebu. PHOTO | MARK LEE | CEBU DAILY",
    "Workers repair a bridge in Quezon City. MANILA TIMES PHOTO / JOSE CRUZ",
    "Children play football on a dusty pitch in Soweto. Express photo by Sipho Dlamini",
    "Inset: the late chief in a family photograph.",
    "4 of 10 Dancers perform during the festival in Cusco.",
    "Dr. Grace Otieno, County Executive for Health, at the launch in Kisumu.",
    # a caption of two sentences whose credit is the picture's label and maker in brackets
    "Firefighters hose down a burning warehouse in Leeds on Sunday. Nobody was hurt. (Photo by Ann Reed/The Yorkshire Post)",
])
def test_captions_of_many_desks_are_taken_out(line: str) -> None:
    assert _residue(line) in ("caption", "photo credit")


@pytest.mark.parametrize("line", [
    "Voters needed to show photo IDs at the polling stations, officials said.",
    "Below, the newspaper rounds up the reactions of party leaders to the vote.",
    "Deerfield Beach, Fla.",
    "Jane Moyo, the health minister, said the clinics would reopen on Monday.",
    "The photo, taken in 2019, shows the two men shaking hands, the newspaper reported.",
])
def test_reporting_that_looks_like_a_credit_stays(line: str) -> None:
    assert _residue(line) not in ("caption", "photo credit")
