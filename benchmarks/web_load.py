"""A bounded load test of the web UI and REST API: `tidings serve` on 127.0.0.1 (a free port) over a
store ingested from examples/ into a temporary folder, hit with a fixed number of requests.

    .venv/bin/python benchmarks/web_load.py [--requests 2000] [--concurrency 20] [--db STORE]
    .venv/bin/python benchmarks/web_load.py --requests 1000 --writes 0.1   # reads mixed with saves

Half the requests go to ``/api/events`` and half to one article's page ``/articles/{id}`` (the
heaviest page: highlighted text, events, signals, provenance), ``--concurrency`` at a time, over
keep-alive connections.  With ``--writes F`` a share F of them instead store a new article each
(``POST /api/articles``, expecting 201; each a bundled example with a sentence of its own, so that
every one is new), and at the end every saved article must be in the store: a missing one counts
as lost (exit 1).  Prints requests/s, p50/p95/p99 latency per route and overall, and the
error count (any status but 200, or a failed request); exits 1 when there were errors.  Traffic
stays on the loopback interface (no proxy settings are read), and the server is stopped at the end,
or after ``--deadline`` seconds at most.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
ARTICLE = "01-ministers-meet-jakarta"
POSTS: dict[str, dict[str, str]] = {}  # "POST <id>" -> the record sent


def new_records(n: int) -> dict[str, dict[str, str]]:
    """``n`` distinct articles: the bundled plain-text examples in turn, each with a closing sentence
    of its own (a new text, so a new article, analysed as a whole)."""
    texts = sorted(p for p in EXAMPLES.glob("*.txt"))
    out = {}
    for i in range(n):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        rid = f"load-{i:05d}"
        out[f"POST {rid}"] = {"id": rid, "text": f"{body}\n\nThis is follow-up report number {i} on the matter."}
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tidings(*args: str) -> list[str]:
    return [sys.executable, "-m", "tidings", *args]


def ingest(db: Path) -> None:
    t = time.perf_counter()
    subprocess.run(tidings("ingest", str(EXAMPLES), "--db", str(db)), check=True, capture_output=True)
    print(f"store: examples/ ingested into {db} in {time.perf_counter() - t:.1f} s")


def wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(trust_env=False, timeout=2) as c:
        while True:
            try:
                if c.get(base + "/api/").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            if proc.poll() is not None:
                raise SystemExit(f"tidings serve exited with {proc.returncode}")
            if time.monotonic() > deadline:
                raise SystemExit(f"tidings serve did not answer on {base} within {timeout:.0f} s")
            time.sleep(0.1)


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


async def run_load(base: str, paths: list[str], concurrency: int, deadline: float) -> tuple[float, list[tuple[str, float, str | None]]]:
    """Every path once, ``concurrency`` in flight; (wall seconds, [(path, seconds, error or None)])."""
    queue: asyncio.Queue[str] = asyncio.Queue()
    for p in paths:
        queue.put_nowait(p)
    results: list[tuple[str, float, str | None]] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(base_url=base, trust_env=False, timeout=30, limits=limits) as client:
        async def worker() -> None:
            while not queue.empty() and time.monotonic() < deadline:
                path = queue.get_nowait()
                t = time.perf_counter()
                error: str | None = None
                try:
                    if path.startswith("POST "):
                        r = await client.post("/api/articles", json=POSTS[path], timeout=120)
                        if r.status_code != 201:
                            error = f"HTTP {r.status_code} {r.text[:120]}"
                    else:
                        r = await client.get(path)
                    if r.status_code not in (200, 201):
                        error = error or f"HTTP {r.status_code}"
                    elif not r.content:
                        error = "empty body"
                except httpx.HTTPError as exc:
                    error = f"{type(exc).__name__}: {exc}"
                results.append((path, time.perf_counter() - t, error))

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - t0
    return wall, results


def report(label: str, rows: list[tuple[str, float, str | None]], wall: float | None = None) -> None:
    ok = [s * 1000 for _, s, e in rows if e is None]
    errors = sum(1 for *_, e in rows if e is not None)
    rate = f"{len(rows) / wall:7.1f} req/s  " if wall else " " * 15
    print(f"{label:<22} {len(rows):5d} requests  {rate}p50 {pct(ok, 50):6.1f} ms  p95 {pct(ok, 95):6.1f} ms  "
          f"p99 {pct(ok, 99):6.1f} ms  max {max(ok, default=float('nan')):6.1f} ms  errors {errors}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000, help="requests in all (default 2000)")
    ap.add_argument("--concurrency", type=int, default=20, help="requests in flight at once (default 20)")
    ap.add_argument("--db", type=Path, help="an existing store (default: examples/ ingested into a temporary folder)")
    ap.add_argument("--deadline", type=float, default=600, help="stop after this many seconds whatever happens")
    ap.add_argument("--writes", type=float, default=0.0, help="share of requests that store a new article (0-1)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="tidings-load-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "store.duckdb"
            ingest(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "TIDINGS_TOKEN"}
        log = open(Path(tmp) / "serve.log", "wb")  # noqa: SIM115 - closed in finally
        lost: list[str] = []
        proc = subprocess.Popen(tidings("serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)),
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_up(base, proc)
            with httpx.Client(base_url=base, trust_env=False, timeout=30) as c:
                article = c.get(f"/api/articles/{ARTICLE}").json()["article_id"]
                warm = [c.get(p).status_code for p in ("/api/events", f"/articles/{article}") * 5]
                assert set(warm) == {200}, warm
            paths = ["/api/events" if i % 2 == 0 else f"/articles/{article}" for i in range(args.requests)]
            n_posts = round(args.requests * max(0.0, min(1.0, args.writes)))
            POSTS.update(new_records(n_posts))
            every = args.requests / n_posts if n_posts else 0
            for k, key in enumerate(POSTS):  # spread through the run
                paths[min(len(paths) - 1, int(k * every))] = key
            print(f"server: {base} (tidings serve, pid {proc.pid}); {args.requests} requests, "
                  f"{args.concurrency} concurrent, to /api/events and /articles/{article}")
            deadline = time.monotonic() + args.deadline
            wall, rows = asyncio.run(run_load(base, paths, args.concurrency, deadline))
            if POSTS:
                with httpx.Client(base_url=base, trust_env=False, timeout=60) as c:
                    stored = {r["id"] for r in c.get("/api/articles?limit=1000").json()["rows"]}
                    n_stored = c.get("/api/articles?limit=1").json()["count"]
                sent = {k.split(" ", 1)[1] for k, _, e in rows if k.startswith("POST ") and e is None}
                lost = sorted(sent - stored)
                print(f"saves: {len(sent)} answered 201 of {len(POSTS)} sent; store now holds {n_stored} articles; "
                      f"lost {len(lost)}")
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            log.close()

        print()
        report("all", rows, wall)
        def route(p: str) -> str:
            return "POST /api/articles" if p.startswith("POST ") else p

        for path in sorted({route(p) for p, _, _ in rows}):
            report(path if len(path) <= 22 else path[:21] + "…", [r for r in rows if route(r[0]) == path])
        errors = [e for *_, e in rows if e is not None]
        unsent = len(paths) - len(rows)
        if unsent:
            print(f"deadline of {args.deadline:.0f} s reached: {unsent} requests not sent")
        if errors:
            common = statistics.mode(errors)
            print(f"errors: {len(errors)} (most common: {common})")
        print(f"\nsummary: {len(rows) / wall:.1f} req/s, p95 {pct([s * 1000 for _, s, e in rows if e is None], 95):.0f} ms, "
              f"{len(errors)} errors, {len(rows)} of {len(paths)} requests completed in {wall:.1f} s"
              + (f", {len(POSTS)} saves, {len(lost)} lost" if POSTS else ""))
        return 1 if errors or unsent or lost else 0


if __name__ == "__main__":
    sys.exit(main())
