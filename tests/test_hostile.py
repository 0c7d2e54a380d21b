"""Hostile input: every input ends in an analysis or a clear error, never an escaped exception."""

from __future__ import annotations

import io
import json
import signal
import threading
import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tidings import nlp
from tidings.errors import TidingsError
from tidings.ingest.decode import decode_bytes
from tidings.ingest.sanitize import MAX_PUNCT_RUN, sanitize_body
from tidings.ingest import sources
from tidings.ingest.sources import ArticleTimeout, Failure, article_from_record, read_jsonl, time_limit
from tidings.ingest.text import extract_text
from tidings.schema import validation_errors

# text that looks like news fragments mixed with the characters that break naive code
_NASTY = st.sampled_from(
    ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "\u200b", "\u200f", "\u202e", "\u2066", "\u2028", "\u0085",
     "\x00", "\n", "\n\n", "—", "said", "he said,", "Russia", "the U.S.", "Mr. Smith", ":", "By", "May 15, 2019",
     "© 2020", "Share this article", "قال", "外交部", " ", "\t", "</p>", "<p>", "&amp;"]
)
_TEXTS = st.lists(st.one_of(_NASTY, st.text(max_size=20)), max_size=60).map("".join)


# --- fuzz targets: each a check that must hold for every input; the tests below run them with a
# small budget, benchmarks/hostile.py with a large one and prints how many inputs each one saw


def check_text_extraction(text: str) -> None:
    ext = extract_text(text)
    assert isinstance(ext.text, str)
    for r in ext.removed:
        assert r.reason


def check_jsonl_reader(data: bytes) -> None:
    for item in read_jsonl(io.BytesIO(data), "fuzz"):
        assert isinstance(item, Failure) or item.text


def check_decoding(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except TidingsError as exc:
        assert str(exc)


def check_records(text: str) -> None:
    for field in ("text", "html"):
        try:
            art = article_from_record({"id": "fuzz", field: text})
        except TidingsError as exc:
            assert str(exc)
            continue
        assert "\x00" not in art.text


def check_whole_analysis(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
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


#: name -> (strategy, check, examples in the default test run, needs the analyzer)
FUZZ_TARGETS: dict[str, tuple[st.SearchStrategy, Callable[..., None], int, bool]] = {  # type: ignore[type-arg]
    "text extraction": (_TEXTS, check_text_extraction, 300, False),
    "JSONL reader (arbitrary bytes)": (st.binary(max_size=2000), check_jsonl_reader, 300, False),
    "decoding (arbitrary bytes)": (st.binary(max_size=500), check_decoding, 200, False),
    "records as text and as HTML": (_TEXTS, check_records, 150, False),
    "whole analysis": (_TEXTS, check_whole_analysis, 40, True),
}


def _budget(name: str) -> int:
    return FUZZ_TARGETS[name][2]


@settings(max_examples=_budget("text extraction"), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_text_extraction_never_crashes(text: str) -> None:
    check_text_extraction(text)


@settings(max_examples=_budget("JSONL reader (arbitrary bytes)"), deadline=None)
@given(st.binary(max_size=2000))
def test_jsonl_reader_survives_arbitrary_bytes(data: bytes) -> None:
    check_jsonl_reader(data)


@settings(max_examples=_budget("decoding (arbitrary bytes)"), deadline=None)
@given(st.binary(max_size=500))
def test_decoding_arbitrary_bytes_is_text_or_a_clear_error(data: bytes) -> None:
    check_decoding(data)


@settings(max_examples=_budget("records as text and as HTML"), deadline=None)
@given(_TEXTS)
def test_records_become_articles_or_input_errors(text: str) -> None:
    check_records(text)


@settings(max_examples=_budget("whole analysis"), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(_TEXTS)
def test_whole_analysis_of_fuzzed_text_is_schema_valid(analyzer, text: str) -> None:  # type: ignore[no-untyped-def]
    check_whole_analysis(analyzer, text)


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


# --- per-article time limit ---------------------------------------------------------------------

_STORY = "The foreign minister met his German counterpart in Berlin on Monday.\n\nThey agreed to meet again."


def _runaway(seconds: float, busy: bool = False) -> None:
    """A stage gone wrong: a sleep, or a pure-Python busy loop, that even swallows exceptions."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            if not busy:
                time.sleep(end - time.monotonic())
        except Exception:  # noqa: BLE001 - the limit must get through code that swallows errors
            pass


def _slow_stage(monkeypatch, seconds: float = 30.0, busy: bool = False) -> None:  # type: ignore[no-untyped-def]
    import tidings.pipeline as pipeline

    real = pipeline.code_events

    def slow_code_events(article, doc, actors, quotes, **kw):  # type: ignore[no-untyped-def]
        if "SLOW" in article.text:
            _runaway(seconds, busy)
        return real(article, doc, actors, quotes, **kw)

    monkeypatch.setattr(pipeline, "code_events", slow_code_events)


def _alarm_is_clear() -> bool:
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) in (
        signal.SIG_DFL, None)


@pytest.mark.parametrize("busy", [False, True], ids=["sleeping", "busy-looping"])
def test_a_runaway_stage_becomes_that_articles_error_and_the_batch_goes_on(analyzer, monkeypatch, busy) -> None:  # type: ignore[no-untyped-def]
    _slow_stage(monkeypatch, busy=busy)
    monkeypatch.setattr(analyzer, "timeout", 0.5)
    arts = [article_from_record({"id": i, "text": t}) for i, t in
            (("a", _STORY), ("slow", _STORY + " SLOW."), ("b", _STORY.replace("Berlin", "Paris")))]
    t0 = time.monotonic()
    results = list(analyzer.stream(arts))
    assert time.monotonic() - t0 < 10
    assert [type(r).__name__ for r in results] == ["Analysis", "Failure", "Analysis"]
    assert results[1].id == "slow"
    assert "took longer than the 0.5 s limit" in results[1].error and "--article-timeout" in results[1].error
    assert _alarm_is_clear()
    with pytest.raises(TidingsError, match="took longer"):
        analyzer.analyze(arts[1])
    assert validation_errors(results[1].to_dict()) == []


def test_a_runaway_extraction_becomes_that_lines_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real = sources.extract_text

    def slow_extract(text, **kw):  # type: ignore[no-untyped-def]
        if "SLOW" in text:
            _runaway(30, busy=True)
        return real(text, **kw)

    monkeypatch.setattr(sources, "extract_text", slow_extract)
    monkeypatch.setattr(sources, "_extract_timeout", 0.3)
    lines = [json.dumps({"id": i, "text": t}) for i, t in (("a", _STORY), ("slow", "SLOW " + _STORY), ("b", _STORY))]
    t0 = time.monotonic()
    items = list(read_jsonl(io.BytesIO("\n".join(lines).encode()), "t.jsonl"))
    assert time.monotonic() - t0 < 10
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert items[1].id == "slow" and "extracting the article's text took longer than the 0.3 s limit" in items[1].error
    assert _alarm_is_clear()


@pytest.mark.parametrize("workers", [1, 2])
def test_cli_article_timeout_in_analyze_and_ingest(tmp_path, monkeypatch, analyzer, workers) -> None:  # type: ignore[no-untyped-def]
    import duckdb
    from typer.testing import CliRunner

    from tidings.cli import app

    _slow_stage(monkeypatch)
    monkeypatch.setattr(sources, "_extract_timeout", sources._extract_timeout)  # the CLI sets it; put it back after
    src = tmp_path / "batch.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                             (("a", _STORY), ("slow", _STORY + " SLOW."), ("b", _STORY.replace("Berlin", "Rome"))))
                   + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    t0 = time.monotonic()
    res = CliRunner().invoke(app, ["analyze", str(src), "-f", "jsonl", "-o", str(out), "--article-timeout", "0.5",
                                   "--workers", str(workers)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r.get("id") for r in rows] == ["a", "slow", "b"]
    assert "took longer than the 0.5 s limit" in rows[1]["error"] and "error" not in rows[0] and "error" not in rows[2]
    if workers == 1:
        db = tmp_path / "t.duckdb"
        res = CliRunner().invoke(app, ["ingest", str(src), "--db", str(db), "--no-progress", "--article-timeout", "0.5"])
        assert res.exit_code == 0, res.output
        assert "2 new, 0 duplicate, 1 failed" in res.output and "took longer" in res.output
        c = duckdb.connect(str(db), read_only=True)
        assert c.execute("SELECT id, error FROM failures").fetchall()[0][0] == "slow"
        c.close()
    assert time.monotonic() - t0 < 60
    assert _alarm_is_clear()


def test_time_limit_is_a_no_op_off_the_main_thread_and_inside_an_outer_limit() -> None:
    done: list[bool] = []

    def work() -> None:
        with time_limit(0.05):
            time.sleep(0.2)
        done.append(True)

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert done == [True]
    with pytest.raises(ArticleTimeout):
        with time_limit(0.2):
            with time_limit(5):  # the outer, shorter limit stays in force
                time.sleep(2)
    with time_limit(0):
        time.sleep(0.01)
    assert _alarm_is_clear()


def test_spaces_within_a_line_become_plain_spaces_and_keep_every_offset() -> None:
    raw = "Senator\u00a0Dana Whitfield said\u202fon Tuesday:\u00a0\u201cNo.\u201d\nNext\u2009line."
    text, removed = sanitize_body(raw)
    assert text == "Senator Dana Whitfield said on Tuesday: \u201cNo.\u201d\nNext line."
    assert len(text) == len(raw) and removed == []
    doc = nlp.parse(text)
    assert [t.text for t in doc if t.is_space] == ["\n"]  # no token of a space within a line
