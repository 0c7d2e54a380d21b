"""Extract benchmark: tidings vs trafilatura on the extract suite's dev pages.

    .venv/bin/python benchmarks/extract.py            # through `python -m tidings analyze`
    .venv/bin/python benchmarks/extract.py --direct   # call tidings.ingest.html.extract_html

Scores ``article.text`` against the hand-annotated article bodies by the suite's rule
(benchmarks/extract_metric.py) beside two anchors: ``trafilatura.extract(html)`` with defaults
and with ``include_comments=False``.  Exits 0 with a "skipped" message when the data is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "src"))

from benchmarks.extract_metric import Score, page_f1, score  # noqa: E402

DEFAULT_DATA = Path("../shared/eval/extract")


def load_pages(data: Path) -> list[dict[str, str]]:
    """The suite's pages as ``{"id", "html", "url", "truth"}``, sorted by id."""
    truth = json.loads((data / "ground-truth-dev.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(
            {
                "id": page_id,
                "html": raw.decode("utf-8", errors="replace"),
                "url": truth[page_id].get("url") or "",
                "truth": truth[page_id].get("articleBody") or "",
            }
        )
    return pages


def run_cli(pages: list[dict[str, str]], python: str) -> dict[str, str]:
    """Send every page through ``python -m tidings analyze`` and read back ``article.text``."""
    with tempfile.TemporaryDirectory(prefix="tidings-extract-") as tmp:
        src = Path(tmp) / "in.jsonl"
        out = Path(tmp) / "out.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for page in pages:
                record = {"id": page["id"], "html": page["html"], "url": page["url"]}
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        cmd = [python, "-m", "tidings", "analyze", str(src), "--format", "jsonl", "--output", str(out)]
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        if not out.exists():
            sys.exit(f"tidings analyze produced no output (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
        return _texts_from_jsonl(out)


def _texts_from_jsonl(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        article = record.get("article") or {}
        if record.get("id") is not None:
            texts[str(record["id"])] = article.get("text") or ""
    return texts


def run_direct(pages: list[dict[str, str]]) -> dict[str, str]:
    from tidings.errors import InputError
    from tidings.ingest.html import extract_html

    texts: dict[str, str] = {}
    for page in pages:
        try:
            texts[page["id"]] = extract_html(page["html"], url=page["url"] or None).text
        except InputError:
            texts[page["id"]] = ""
    return texts


def run_trafilatura(pages: list[dict[str, str]], **options: bool) -> dict[str, str]:
    import trafilatura

    return {page["id"]: trafilatura.extract(page["html"], **options) or "" for page in pages}


def _row(name: str, s: Score) -> str:
    def cell(value: float, std: float) -> str:
        return f"{value:.3f} ± {std:.3f}"

    return (
        f"{name:<32} {cell(s.f1, s.f1_std):>15} {cell(s.precision, s.precision_std):>15} "
        f"{cell(s.recall, s.recall_std):>15} {cell(s.accuracy, s.accuracy_std):>15}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help=f"suite folder (default {DEFAULT_DATA}, from the repo)")
    parser.add_argument("--direct", action="store_true", help="call extract_html instead of the CLI")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs `-m tidings`")
    parser.add_argument("--worst", type=int, default=0, help="also list the N worst tidings pages")
    parser.add_argument("--n-bootstrap", type=int, default=1000)
    args = parser.parse_args(argv)

    data = args.data if args.data is not None else REPO / DEFAULT_DATA
    if not (data / "ground-truth-dev.json").is_file():
        print(f"skipped: {args.data or DEFAULT_DATA} not found")
        return 0

    pages = load_pages(data)
    truths = [p["truth"] for p in pages]
    ids = [p["id"] for p in pages]
    tidings_name = "tidings (extract_html)" if args.direct else "tidings (analyze CLI)"
    systems: list[tuple[str, Callable[[], dict[str, str]]]] = [
        (tidings_name, lambda: run_direct(pages) if args.direct else run_cli(pages, args.python)),
        ("trafilatura defaults", lambda: run_trafilatura(pages)),
        ("trafilatura include_comments=False", lambda: run_trafilatura(pages, include_comments=False)),
    ]

    print(f"extract suite: {len(pages)} pages from {data}")
    print(f"{'system':<32} {'F1':>15} {'precision':>15} {'recall':>15} {'accuracy':>15}")
    scores: dict[str, Score] = {}
    outputs: dict[str, dict[str, str]] = {}
    for name, run in systems:
        outputs[name] = run()
        scores[name] = score(truths, [outputs[name].get(i, "") for i in ids], n_bootstrap=args.n_bootstrap)
        print(_row(name, scores[name]))

    ours, anchor = scores[tidings_name], scores["trafilatura defaults"]
    print(f"\nextract dev: F1 {ours.f1:.3f} (trafilatura alone {anchor.f1:.3f})")
    if args.worst:
        _print_worst(pages, outputs[tidings_name], args.worst)
    return 0


def _print_worst(pages: list[dict[str, str]], texts: dict[str, str], n: int) -> None:
    ranked = sorted(pages, key=lambda p: page_f1(p["truth"], texts.get(p["id"], "")))
    print(f"\nworst {n} pages (tidings):")
    for page in ranked[:n]:
        print(f"  {page_f1(page['truth'], texts.get(page['id'], '')):.3f}  {page['id'][:12]}  {page['url'][:80]}")


if __name__ == "__main__":
    sys.exit(main())
