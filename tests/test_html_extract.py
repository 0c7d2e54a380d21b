"""extract_html on hand-written pages, plus a dev-suite check when ../shared is present."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tidings.errors import InputError
from tidings.ingest.html import extract_html, normalise_authors, normalise_date

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
METRIC = Path(__file__).resolve().parents[1] / "benchmarks" / "extract_metric.py"

PARAGRAPHS = [
    "The city council voted on Tuesday to expand the night bus network after a year of "
    "complaints from shift workers who said they could not get home safely after midnight.",
    "Under the plan, four new routes will run every twenty minutes between the hospital district, "
    "the industrial park and the two largest residential neighbourhoods on the east side.",
    "Council member Dana Ortiz, who proposed the measure, said the cost would be covered by a "
    "reallocation of the transport budget rather than a fare increase for daytime riders.",
    "Opponents argued the money would be better spent repairing existing stops, many of which "
    "lack shelters and lighting, but the motion passed by eleven votes to four.",
    "The first of the new routes is expected to start running in early spring, with the rest "
    "following over the summer once drivers have been hired and trained for the late shifts.",
]


def page(body: str, head: str = "", title: str = "Council expands night bus network") -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><title>{title}</title>{head}</head>
<body>
<header><nav><ul>
  <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/weather">Weather</a></li><li><a href="/contact">Contact us</a></li>
</ul></nav></header>
<main>{body}</main>
<footer><p>About us | Careers | Privacy policy | Terms of use</p>
<p>Footer notice: this site uses cookies to improve your experience.</p></footer>
</body></html>"""


def article_body(extra: str = "") -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"<article><h1>Council expands night bus network</h1>{paras}{extra}</article>"


COMMENTS = """
<section id="comments" class="comments">
  <h3>Comments</h3>
  <div class="comment"><p>Commenter99: This is the worst decision the council has ever made, total waste.</p></div>
</section>"""

RELATED = """
<aside class="related-articles"><h3>Related stories</h3><ul>
  <li><a href="/a">Mayor opens new library wing in the old town hall</a></li>
  <li><a href="/b">Train strike called off after late-night talks</a></li>
</ul></aside>"""


def test_body_found_and_page_chrome_left_out() -> None:
    result = extract_html(page(article_body() + RELATED + COMMENTS), url="https://news.example/bus")
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    for chrome in ("Weather", "Privacy policy", "cookies", "Commenter99", "waste", "Mayor opens new library", "Train strike"):
        assert chrome not in result.text


def test_paragraphs_are_separated_by_blank_lines() -> None:
    result = extract_html(page(article_body()))
    assert result.text.split("\n\n") == PARAGRAPHS


def test_headline_is_removed_from_the_body() -> None:
    result = extract_html(page(article_body()))
    assert "Council expands night bus network" not in result.text
    assert any(r.reason == "headline" for r in result.removed)


def test_metadata_read_from_meta_tags() -> None:
    head = """
    <meta property="og:title" content="Council expands night bus network">
    <meta name="author" content="Jane Roe; John Smith">
    <meta property="article:published_time" content="2021-03-04T09:30:00+00:00">"""
    result = extract_html(page(article_body(), head=head))
    assert result.title == "Council expands night bus network"
    assert result.authors == ["Jane Roe", "John Smith"]
    assert result.published == "2021-03-04"


def test_page_without_article_raises_a_helpful_error() -> None:
    listing = "<ul>" + "".join(f'<li><a href="/n{i}">Headline number {i}</a></li>' for i in range(20)) + "</ul>"
    with pytest.raises(InputError) as info:
        extract_html(page(listing), url="https://news.example/")
    message = str(info.value)
    assert "No article text" in message and "text" in message.split(":", 1)[1]


@pytest.mark.parametrize("bad", ["", "   \n ", None, b"<html></html>"])
def test_empty_or_non_text_input_raises(bad: object) -> None:
    with pytest.raises(InputError):
        extract_html(bad)  # type: ignore[arg-type]


def test_figcaption_is_not_body_text() -> None:
    # a marked-up figure caption is page furniture ("figure caption"), unlike a caption pasted
    # into running text, which the plain-text path reports as "caption"
    caption = "A night bus waits at the hospital stop in the rain, photographed by Sam Lee."
    figure = f'<figure><img src="bus.jpg" alt=""><figcaption>{caption}</figcaption></figure>'
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = "<article>" + paras[0] + figure + "".join(paras[1:]) + "</article>"
    result = extract_html(page(body))
    assert caption not in result.text
    assert any(r.reason == "figure caption" and caption in r.text for r in result.removed)
    assert PARAGRAPHS[1] in result.text


def test_script_and_style_never_in_text() -> None:
    script = "<script>var secretTracker = 'ZZTRACK'; document.write('injected words here');</script>"
    style = "<style>.x { color: red } /* STYLEMARK */</style>"
    noscript = "<noscript>Please enable JavaScript NOSCRIPTMARK</noscript>"
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = "<article>" + paras[0] + script + style + "".join(paras[1:3]) + noscript + "".join(paras[3:]) + "</article>"
    result = extract_html(page(body))
    for marker in ("ZZTRACK", "secretTracker", "injected", "STYLEMARK", "NOSCRIPTMARK"):
        assert marker not in result.text


def test_boilerplate_prompts_are_removed_with_a_reason() -> None:
    extra = (
        "<p>Related: Mayor opens new library wing in the old town hall</p>"
        "<p>Sign up for our free daily newsletter to get the top stories in your inbox.</p>"
    )
    result = extract_html(page(article_body(extra)))
    assert "library wing" not in result.text
    assert "newsletter" not in result.text
    assert {r.reason for r in result.removed} >= {"boilerplate"}
    assert PARAGRAPHS[-1] in result.text


def test_normalise_authors_and_dates() -> None:
    assert normalise_authors("A. Writer; B. Reporter") == ["A. Writer", "B. Reporter"]
    assert normalise_authors("By Jane Roe and John Smith") == ["Jane Roe", "John Smith"]
    assert normalise_authors(None) == []
    assert normalise_date("2019-11-18T10:00:00Z") == "2019-11-18"
    assert normalise_date("2019-02-30") is None
    assert normalise_date("yesterday") is None


# ----------------------------------------------------------------------------- dev suite


def _metric() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_metric", METRIC)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_metric", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_dev_pages_score_high() -> None:
    data = SHARED / "eval" / "extract"
    truth_file = data / "ground-truth-dev.json"
    if not truth_file.is_file():
        pytest.skip(f"{data} not present (../shared is only beside CI and developer clones)")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    metric = _metric()
    ids = sorted(truth)[:10]
    truths, preds = [], []
    for page_id in ids:
        html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        truths.append(truth[page_id]["articleBody"])
        preds.append(extract_html(html, url=truth[page_id].get("url")).text)
    result = metric.score(truths, preds, n_bootstrap=0)
    assert result.f1 >= 0.9, f"mean F1 {result.f1:.3f} on {len(ids)} dev pages"
