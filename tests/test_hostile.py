"""Hostile input: every input ends in an analysis or a clear error, never an escaped exception."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings.errors import TidingsError
from tidings.ingest.decode import decode_bytes
from tidings.ingest.sanitize import MAX_PUNCT_RUN, sanitize_body
from tidings.ingest.sources import Failure, article_from_record, read_jsonl
from tidings.ingest.text import extract_text
from tidings.schema import validation_errors

# text that looks like news fragments mixed with the characters that break naive code
_NASTY = st.sampled_from(
    ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "\u200b", "\u200f", "\u202e", "\u2066", "\u2028", "\u0085",
     "\x00", "\n", "\n\n", "—", "said", "he said,", "Russia", "the U.S.", "Mr. Smith", ":", "By", "May 15, 2019",
     "© 2020", "Share this article", "قال", "外交部", " ", "\t", "</p>", "<p>", "&amp;"]
)
_TEXTS = st.lists(st.one_of(_NASTY, st.text(max_size=20)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_text_extraction_never_crashes(text: str) -> None:
    ext = extract_text(text)
    assert isinstance(ext.text, str)
    for r in ext.removed:
        assert r.reason


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_jsonl_reader_survives_arbitrary_bytes(data: bytes) -> None:
    for item in read_jsonl(io.BytesIO(data), "fuzz"):
        assert isinstance(item, Failure) or item.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=500))
def test_decoding_arbitrary_bytes_is_text_or_a_clear_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except TidingsError as exc:
        assert str(exc)


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_records_become_articles_or_input_errors(text: str) -> None:
    for field in ("text", "html"):
        try:
            art = article_from_record({"id": "fuzz", field: text})
        except TidingsError as exc:
            assert str(exc)
            continue
        assert "\x00" not in art.text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(_TEXTS)
def test_whole_analysis_of_fuzzed_text_is_schema_valid(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        art = article_from_record({"id": "fuzz", "text": text})
    except TidingsError:
        return
    (result,) = list(analyzer.stream([art]))
    rec = result.to_dict()
    assert validation_errors(rec) == [], rec
    if not isinstance(result, Failure):
        body = rec["article"]["text"]
        for q in rec["quotes"]:
            assert 0 <= q["start"] <= q["end"] <= len(body)
        for e in rec["entities"]:
            assert body[e["start"]:e["end"]] == e["text"]


NASTY_CASES = {
    "a wall of quotation marks": '"' * 100_000,
    "many unbalanced quotes": 'The minister said "yes and no. ' * 3000,
    "zero-width and bidi controls": "The\u200b minister\u202e said \u2066\"no\u2069\" today.\u200f Russia\u200d and China met.",
    "right-to-left script": "قال الوزير إن المحادثات كانت مثمرة. \"نحن متفائلون\" قال المتحدث.",
    "CJK": "外交部长周三在北京会见了俄罗斯外长。\n\n他说：“我们同意加强合作。”",
    "NUL bytes": "Talks\x00 resumed\x00 in Geneva on Monday.",
    "one very long word": "x" * 300_000,
    "mixed quotation marks": "“He said \"no” and ‘then’ «she» left\" „ok“ ''yes'' ``no''",
}


@pytest.mark.parametrize("name", sorted(NASTY_CASES))
def test_nasty_texts_are_analysed(analyzer, name: str) -> None:  # type: ignore[no-untyped-def]
    art = article_from_record({"id": name, "text": NASTY_CASES[name]})
    (result,) = list(analyzer.stream([art]))
    assert not isinstance(result, Failure), result
    assert validation_errors(result.to_dict()) == []


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 5000 + "<p>Troops withdrew.</p>" + "</div>" * 5000 + "</body></html>",
        "<html><body><article><p>The president met the prime minister in Rome and they agreed",
        "<html><body><script>alert(1)</script></body></html>",
        "<html><body>" + "<p>" * 20000,
        "",
    ],
)
def test_hostile_html_is_an_article_or_a_clear_error(html: str) -> None:
    try:
        art = article_from_record({"id": "h", "html": html})
    except TidingsError as exc:
        assert len(str(exc)) > 10
        return
    assert "alert(1)" not in art.text


def test_punctuation_walls_are_cut_and_reported() -> None:
    text, removed = sanitize_body("Before. " + "!" * 5000 + " After.")
    assert text == "Before. !!! After."
    assert removed and removed[0].reason == "junk" and "5000" in (removed[0].note or "")
    same, none = sanitize_body("Wait... what?! " + "-" * (MAX_PUNCT_RUN - 1))
    assert none == [] and same.endswith("-" * (MAX_PUNCT_RUN - 1))


def test_a_batch_of_hostile_lines_loses_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from tidings.cli import app

    lines = [json.dumps({"id": name, "text": text}) for name, text in NASTY_CASES.items()]
    lines.insert(3, "{broken json")
    lines.insert(5, json.dumps({"id": "no-body"}))
    src = tmp_path / "hostile.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["analyze", str(src), "-f", "jsonl", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").split("\n") if x]
    assert len(rows) == len(lines)
    assert sum("error" in r for r in rows) == 2
