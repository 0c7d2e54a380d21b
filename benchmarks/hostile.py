"""Hostile input and crashes, counted: every fuzz target of tests/test_hostile.py with a large
budget, and `tidings ingest` killed with SIGKILL at random moments (tests/test_crash.py).

    .venv/bin/python benchmarks/hostile.py                 # 2,000 inputs per target, 20 kills
    .venv/bin/python benchmarks/hostile.py --examples 200 --kills 4

Prints inputs fuzzed per target (and the errors that escaped: must be 0), kill points survived
(an integrity check after each), articles lost and stored twice (must be 0).  Exit status 1 when
anything failed.

Last run (2 shared cores, about 2 min): 10,000 inputs fuzzed (2,000 in each of 5 targets), 0
failing; 20 of 20 kill points survived (6 during start-up), 3 stores completed, 0 articles lost,
0 stored twice, 0 integrity problems.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def _counting(check, analyzer, seen: list[int]):  # type: ignore[no-untyped-def]
    def counted(value) -> None:  # type: ignore[no-untyped-def]
        seen[0] += 1
        if analyzer is not None:
            check(analyzer, value)
        else:
            check(value)

    return counted


def fuzz(examples: int, seed: int) -> tuple[list[tuple[str, int, int, float]], bool]:
    from hypothesis import HealthCheck, given, seed as hseed, settings

    from tests.test_hostile import FUZZ_TARGETS

    analyzer = None
    rows: list[tuple[str, int, int, float]] = []
    ok = True
    for name, (strategy, check, _default, needs_analyzer) in FUZZ_TARGETS.items():
        if needs_analyzer and analyzer is None:
            from tidings.pipeline import Analyzer

            analyzer = Analyzer()
        seen = [0]
        counted = _counting(check, analyzer if needs_analyzer else None, seen)
        test = hseed(seed)(settings(max_examples=examples, deadline=None, database=None,
                                    suppress_health_check=list(HealthCheck))(given(strategy)(counted)))
        t0 = time.monotonic()
        failed = 0
        try:
            test()
        except Exception:  # a falsified check: Hypothesis has shrunk it; show it and go on
            failed = 1
            ok = False
            traceback.print_exc()
        if seen[0] == 0:
            failed, ok = 1, False
        rows.append((name, seen[0], failed, time.monotonic() - t0))
        print(f"  {name:34} {seen[0]:6,} inputs  {failed} failing  {time.monotonic() - t0:6.1f} s", flush=True)
    return rows, ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2000, help="inputs per fuzz target (default 2,000)")
    ap.add_argument("--kills", type=int, default=20, help="SIGKILLs of tidings ingest (default 20)")
    ap.add_argument("--articles", type=int, default=40, help="articles in the kill corpus (default 40)")
    ap.add_argument("--chains", type=int, default=2, help="stores killed side by side (default 2)")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()

    print(f"fuzz targets, {args.examples:,} examples each:", flush=True)
    rows, ok = fuzz(args.examples, args.seed)
    total = sum(r[1] for r in rows)
    print(f"  {'all targets':34} {total:6,} inputs  {sum(r[2] for r in rows)} failing", flush=True)

    from tests.test_crash import run_kill_chains

    print(f"\nkill runs: tidings ingest of {args.articles} articles, SIGKILL {args.kills} times, resumed each time:",
          flush=True)
    with tempfile.TemporaryDirectory(prefix="tidings-kills-") as tmp:
        stats, dbs, ids = run_kill_chains(Path(tmp), args.kills, chains=args.chains, n_articles=args.articles,
                                          seed=args.seed)
    broken = {p.split(":")[0] for p in stats.problems if p.startswith("after kill")}
    survived = stats.kills - len(broken)
    print(f"  kill points survived     {survived} of {stats.kills} (integrity check after each; "
          f"{stats.during_startup} during start-up)")
    print(f"  stores completed         {stats.stores} ({stats.finished} runs ended by themselves)")
    print(f"  articles lost            {stats.lost}")
    print(f"  articles stored twice    {stats.duplicates}")
    print(f"  integrity problems       {len(stats.problems)}")
    for p in stats.problems:
        print(f"    {p}")
    print(f"  wall time                {stats.seconds:.0f} s")
    ok = ok and not stats.problems and stats.lost == 0 and stats.duplicates == 0 and stats.kills == args.kills
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
