"""A split quote (several quoted spans interrupted by the attribution) is one quote whose ``text``
joins its spans with a single space, each span as written inside its quotation marks: a comma
the writer put inside the marks before the attribution is kept, and so are "?", "!", "..." and
"…".  The spans are the evidence: each slices the article text exactly."""

from __future__ import annotations

import pytest

from tidings import nlp
from tidings.model import Article, Quote
from tidings.quotes import extract_quotes

LEAD = "Ann Ortiz spoke to reporters outside the city hall on Monday. "

CASES = [
    pytest.param(
        LEAD + '"We want them to earn a living," she said. "They should not have to beg."',
        ["We want them to earn a living,", "They should not have to beg."],
        id="comma-then-new-sentence",
    ),
    pytest.param(
        LEAD + '"We want them to earn a living," she said, "and they should not have to beg."',
        ["We want them to earn a living,", "and they should not have to beg."],
        id="comma-then-same-sentence",
    ),
    pytest.param(
        LEAD + "\u201cWe want them to earn a living,\u201d Ortiz said. \u201cThey should not have to beg.\u201d",
        ["We want them to earn a living,", "They should not have to beg."],
        id="curly-marks",
    ),
    pytest.param(
        LEAD + '"We want them to earn a living," she said. "They should not have to beg." '
        '"Nobody should have to beg in this city."',
        ["We want them to earn a living,", "They should not have to beg.",
         "Nobody should have to beg in this city."],
        id="three-spans",
    ),
    pytest.param(
        LEAD + '"Why should the families wait?" Ortiz said. "Nobody else has to wait this long."',
        ["Why should the families wait?", "Nobody else has to wait this long."],
        id="question-mark",
    ),
    pytest.param(
        LEAD + '"This is a disgrace for the whole city!" Ortiz said. "We will march again tomorrow."',
        ["This is a disgrace for the whole city!", "We will march again tomorrow."],
        id="exclamation-mark",
    ),
    pytest.param(
        LEAD + '"We waited for the buses all morning..." Ortiz said. "Nobody came. Nobody called us back."',
        ["We waited for the buses all morning...", "Nobody came. Nobody called us back."],
        id="three-dots",
    ),
    pytest.param(
        LEAD + '"We waited for the buses all morning\u2026" Ortiz said, "and nobody came."',
        ["We waited for the buses all morning\u2026", "and nobody came."],
        id="ellipsis-character",
    ),
    pytest.param(
        # British style: the comma after the closing mark is the narrator's, not the speaker's
        LEAD + '"We want them to earn a living", she said, "and they should not have to beg."',
        ["We want them to earn a living", "and they should not have to beg."],
        id="comma-outside-the-marks",
    ),
]


def split_quote(text: str, first: str) -> Quote:
    quotes = extract_quotes(Article(id="t", text=text), nlp.parse(text))
    found = [q for q in quotes if q.text.startswith(first)]
    assert len(found) == 1, [(q.text, q.spans) for q in quotes]
    return found[0]


@pytest.mark.parametrize(("text", "pieces"), CASES)
def test_split_quote_text_keeps_each_spans_punctuation(text: str, pieces: list[str]) -> None:
    q = split_quote(text, pieces[0][:20])
    # the spans are the evidence: each slices the article text exactly
    assert [text[s:e] for s, e in q.spans] == pieces
    assert q.start == q.spans[0][0] and q.end == q.spans[-1][1]
    # the text is the spans as written, joined with one space
    assert q.text == " ".join(pieces)
    assert q.text == " ".join(text[s:e] for s, e in q.spans)


def test_reported_split_quote_keeps_its_comma() -> None:
    text = LEAD + '"We want them to earn a living," she said. "They should not have to beg."'
    q = split_quote(text, "We want them")
    assert "living They" not in q.text
    assert q.text.startswith("We want them to earn a living, They")


def test_single_quote_still_ends_without_the_attribution_comma() -> None:
    text = LEAD + '"We want them to earn a living and they should not have to beg," she said.'
    q = split_quote(text, "We want them")
    assert q.spans == []
    assert q.text == "We want them to earn a living and they should not have to beg"
    assert text[q.start:q.end] == q.text
