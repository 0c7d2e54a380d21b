"""Site furniture and pasted captions told by their grammar (tidings.ingest.furniture and the
credit, picture-status and verbless-caption rules of tidings.ingest.text)."""

from __future__ import annotations

import pytest

from tidings.ingest.furniture import (
    is_control_label,
    is_furniture,
    is_label_row,
    is_timestamp,
    speaks_to_reader,
)
from tidings.ingest.text import _residue, extract_text


@pytest.mark.parametrize("line", [
    "You have used all of your free stories for this week.",
    "Become a member to unlock this article.",
    "Got a tip? Email our newsroom at news@harbourgazette.org",
    "Like what you read? Forward this story to a colleague.",
    "Read our full coverage of the harbour strike here.",
    "Please turn off your ad blocker to see this page.",
    "Watch the full briefing below.",
    "Follow us for more.",
])
def test_the_page_speaking_to_its_reader_is_furniture(line: str) -> None:
    assert speaks_to_reader(line)
    assert _residue(line) == "boilerplate"


@pytest.mark.parametrize("line", [
    # a report tells of third parties, attributes, or speaks in a writer's own voice
    "You will not take our harbour, the dockers' leader told the crowd.",
    "Readers of the local paper collected signatures against the closure.",
    "Follow-up inspections of the harbour found no damage.",
    "Download speeds in the port area doubled after the new cable was laid.",
    "I asked the mayor whether your rents would rise; she would not say.",
    "Members of the union voted to end the strike on Friday.",
    "The page was removed from the ministry's website after the protest.",
    "Email records show the harbour master was warned in March.",
    "Sign painters along the quay lost work during the closure.",
    # "content" the adjective is no word for the page
    "You are safe now. You are content.",
])
def test_reporting_that_shares_the_words_is_kept(line: str) -> None:
    assert not is_furniture(line)
    assert _residue(line) is None


def test_label_rows_timestamps_and_controls() -> None:
    assert is_label_row("News > Europe > Harbours")
    assert is_label_row("About us | Careers | Advertise")
    assert not is_label_row("Revenue rose 4% / 6% in the quarter.")
    assert is_timestamp("Published: 12 June 2024 08:15 BST")
    assert is_timestamp("Last updated on Jun 12, 2024 at 9:40 am")
    assert not is_timestamp("Updated figures for June show a 12 percent fall in harbour traffic.")
    assert is_control_label("Load more")
    assert is_control_label("Skip to comments")
    assert not is_control_label("Show trials")


@pytest.mark.parametrize("line", [
    "Dock workers on the quay at Gdynia, Poland. (Marta Nowak/The Harbour Gazette)",
    "Cranes idle at the container terminal. | Marta Nowak/Baltic Press",
    "Photo used for illustration purposes only.",
    "A representative image of a container ship.",
    "Illustration by Marta Nowak",
    "The container terminal after the storm, in a photo taken on June 3.",
    "Harbour master Jan Kowalski (left) at the terminal in Gdynia on Monday",
    "Jan Kowalski speaking to dock workers in Gdynia on Tuesday.",
    "Striking dockers outside the port authority in Gdynia on Wednesday.",
    "The old harbour of Gdynia, seen from the lighthouse in 2019.",
    "Dockers march along the quay. PHOTO: MARTA NOWAK / BALTIC PRESS",
    "MARTA NOWAK / REUTERS",
])
def test_captions_in_their_many_forms_are_taken_out(line: str) -> None:
    assert _residue(line) in ("caption", "photo credit")


@pytest.mark.parametrize("line", [
    "Jan Kowalski, speaking to dock workers on Tuesday, promised the terminal would reopen.",
    "Striking dockers outside the port authority threw flares at police on Wednesday.",
    "The harbour master, pictured with the minister in 2019, denied any wrongdoing.",
    "Dockers in Gdynia say the closure cost them a month's pay.",
    "The company released photographs of the damaged cranes on Monday.",
    "Above all, the union wants the terminal reopened before July.",
])
def test_reporting_that_looks_like_a_caption_is_kept(line: str) -> None:
    assert _residue(line) is None


def test_extraction_moves_new_forms_to_removed_and_keeps_the_report() -> None:
    raw = ("Dockers end strike at Gdynia terminal\n\n"
           "Dock workers at the Gdynia container terminal ended a nine-day strike on Friday after "
           "the port authority agreed to a pay rise, the union said.\n\n"
           "Jan Kowalski speaking to dock workers in Gdynia on Tuesday.\n\n"
           "You have used all of your free stories for this week.\n\n"
           "The strike had halted traffic at Poland's second-largest port, officials said.\n\n"
           "News > Europe > Harbours")
    out = extract_text(raw)
    reasons = {r.text: r.reason for r in out.removed}
    assert reasons["Jan Kowalski speaking to dock workers in Gdynia on Tuesday."] == "caption"
    assert reasons["You have used all of your free stories for this week."] == "boilerplate"
    assert reasons["News > Europe > Harbours"] == "boilerplate"
    assert "nine-day strike" in out.text and "second-largest port" in out.text
    assert "free stories" not in out.text


@pytest.mark.parametrize("line", [
    "UPDATED 6:42 PM CST, Jan. 9, 2025",
    "Published Sept. 3, 2024 at 5:10 p.m. ET",
])
def test_a_stamp_with_abbreviated_month_is_the_pages_timestamp_not_a_caption(line: str) -> None:
    # a month or a clock's mark written short with a point is still a stamp, and a stamp in the
    # body is the page's furniture: no picture's line that would read as a pasted caption
    assert is_timestamp(line)
    assert _residue(line) == "boilerplate"
