"""Numbers written in another language's format: the trace of a machine translation."""

from __future__ import annotations

import pytest

from tidings.model import Article
from tidings.reliability.numbers import foreign_numbers

LEAD = ("WELLINGTON, June 3 (Wire) - The city council voted on Tuesday to raise water rates for the second "
        "year running, citing the cost of repairing ageing pipes.\n\n")


@pytest.mark.parametrize("number", ["6,2 per cent", "3,10 dollars", "30.000 cases", "1.200.000 people",
                                    "27 000 submissions", "1 200 000 residents"])
def test_another_languages_numbers_are_found(number: str) -> None:
    text = f"The council said rates would rise by {number} from July."
    [(s, e)] = foreign_numbers(text)
    assert text[s:e].startswith(number.split()[0])


@pytest.mark.parametrize("text", [
    "Rates will rise 6.2 percent, affecting about 1,200 households.",
    "The fund held $2.378 billion at the end of the year; copper rose to $2.222 a pound.",
    "273 273 Retweets   219 219 likes",
    "Call + 1 888 391 5441 for details.",
    "On May 4 2016 a man was detained.",
    "The vote was 12,3 and 4 abstained",
])
def test_english_numbers_and_counters_are_not(text: str) -> None:
    assert foreign_numbers(text) == []


def test_the_signal_names_the_numbers_in_a_translated_copy(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = LEAD + ("The council of Wellington approved the increase of the average rates by 6,2 per cent. "
                   "More than 27 000 submissions were received by the council.")
    analysis = analyzer.analyze(Article(id="t", text=text))
    sig = next(s for s in analysis.reliability.signals if s.name == "foreign_number_format")
    assert [text[a:b] for a, b in sig.spans] == ["6,2 per cent", "27 000"]
    clean = analyzer.analyze(Article(id="c", text=LEAD + "Rates will rise 6.2 percent after 27,000 submissions."))
    assert "foreign_number_format" not in {s.name for s in clean.reliability.signals}
