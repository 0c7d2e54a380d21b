"""Site furniture told by its grammar (tidings.ingest.furniture)."""

from __future__ import annotations

import pytest

from tidings.ingest.furniture import (
    is_control_label,
    is_furniture,
    is_label_row,
    is_timestamp,
    speaks_to_reader,
)
from tidings.ingest.text import _residue


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
