"""Score the event coder on the event dev sets and the project's probe sets.

    .venv/bin/python benchmarks/events.py [--sets petr2,plover,acled,police,probe,everyday,everydayb,locked,conflict,news,newsc,newsd,newse,newsf,newsg,newsh,newsi,newsj,newsk,newsl,newsm,newsn,newso,newsp,newsq,newsr,newss,newst,newsu,newsv,newsw,newsx,newsy,newsz]
                                          [--readable] [--part tune|untouched|both] [--direct] [--show-errors]

Data: ``../shared/eval/events`` (PETR2 and PLOVER gold sentences, ACLED-style snippets,
IndiaPoliceEvents sentences; rules in that folder's README) and ``benchmarks/probes/`` (the
project's own probe sentences, written from the CAMEO codebook: ``events_probe_a.jsonl`` is looked
at while developing (with ``events_probe_everyday.jsonl``, 30 sentences of sport, business, weather
and accidents in the words of violence, nearly all with no political event, and
``events_probe_everyday_b.jsonl``, 100 more written apart from the coder in the ninth session: 80
everyday sentences in the words of politics and violence, 20 political events in the same
register), ``events_probe_locked.jsonl`` never is; ``events_probe_conflict.jsonl``, wire-style
conflict and security sentences written apart from the coder on 2026-12-04, is scored for its figures
only and its errors are never printed, beside a plain keyword list's sentence-level recall;
``events_probe_news_b.jsonl``, 120 wire-style sentences of every root and 20 with no political
event in everyday news, written apart from the coder on 2026-12-04 after the session's changes,
is blind in the same way; ``events_probe_news_c.jsonl``, 150 more of every root and 25 with no
political event, written the same way on 2026-12-04, was scored once
blind and is then looked at while developing; ``events_probe_news_d.jsonl``, 120 sentences in the
styles of regional outlets, press releases and news briefs, 20 with no political event, written
the same way at the end of that session after its changes, was scored once blind and is looked at
from the eighth session on; ``events_probe_news_e.jsonl``, 120 sentences in the style of
English-language papers of South Asia, Africa, Latin America and the Middle East, 20 with no
political event, written apart from the coder at the start of the eighth session, was blind then
and is looked at from the ninth session on; ``events_probe_news_f.jsonl``, 120 sentences in the
style of the English services of national news agencies and broadcasters, 20 with no political
event, written apart from the coder at the start of the ninth session, was blind then and is looked at
from the tenth session on; ``events_probe_news_g.jsonl``, 120 sentences in the style of British,
American, Canadian and Australian papers and public broadcasters (long sentences, attribution at
the end, participial openers), 20 with no political event, written apart from the coder at the
start of the tenth session, was blind in the tenth and eleventh and is looked at from the twelfth
on; ``events_probe_news_h.jsonl``, 120 sentences of conflict and crisis reporting by regional
outlets, live blogs and monitors, 20 with no political event, written apart from the coder at the
start of the eleventh session, was blind in the eleventh and twelfth and is looked at from the
thirteenth on; ``events_probe_news_i.jsonl``, 120 sentences of
diplomacy, governance, economics and rights reporting (newsletters, policy briefs, explainers,
institutional and wire copy; the cooperative and verbal roots 01-14 above all), 20 with no political
event, written apart from the coder at the start of the twelfth session, was blind in the twelfth
and thirteenth and is looked at from the fourteenth on;
``events_probe_news_j.jsonl``, 120 sentences in the style of news written outside the big Western
wires (translated state-agency copy, regional papers of Asia, Africa, Latin America and Eastern
Europe: long titles, passives, nominalisations), 20 with no political event, written apart from
the coder at the start of the thirteenth session, was blind in the thirteenth and fourteenth and is
looked at from the fifteenth on; ``events_probe_news_k.jsonl``, 120
sentences of courts, parliaments, elections, police and protest coverage in local and national
papers of many countries, with UN agency, NGO and ministry statements, 20 with no political event,
written apart from the coder at the start of the fourteenth session, was blind in the fourteenth
and fifteenth and is looked at from the sixteenth on;
``events_probe_news_l.jsonl``, 120 sentences of international relations and the economy of
states (trade, sanctions, aid and loans, visits and summits, envoys, treaties, arms deals and
exercises, borders, migration, energy, peacekeeping, ceasefire talks, prisoner exchanges, state
cyberattacks) in many newsrooms' styles, 20 with no political event, written apart from the coder
at the start of the fifteenth session, was blind in the fifteenth and sixteenth and is looked at
from the seventeenth on; ``events_probe_news_m.jsonl``, 120 sentences
of the everyday running of states and conflicts as later paragraphs tell it (background and
relative clauses, attributions in mid-sentence, officials named by title), every root, 20 with no
political event, written apart from the coder at the start of the sixteenth session, was blind in
the sixteenth and seventeenth and is looked at from the eighteenth on;
``events_probe_news_n.jsonl``, 120 sentences of news as wire round-ups and regional outlets send it
(disasters and state responses, health and relief operations, diplomacy in Africa, Latin America,
South and Central Asia and the Pacific, policing and courts, labour disputes with governments,
disputed elections, insurgencies and peace processes, maritime incidents, sanctions and trade
measures), every root, 20 with no political event, written apart from the coder at the start of
the seventeenth session, was blind in the seventeenth and eighteenth and is looked at from the
nineteenth on; ``events_probe_news_o.jsonl``, 120 sentences of politics and
security as foreign desks and domestic political reporters tell it (coalitions and cabinets,
votes of no confidence, leaders' calls and state visits, hostage and prisoner talks, mediation,
humanitarian access, air strikes, prosecutions of officials, espionage and cyber, refugees and
border policing, sanctions and trade disputes, strikes and protests), every root, 20 with no
political event, written apart from the coder at the start of the eighteenth session, was blind
in the eighteenth and nineteenth and is looked at from the twentieth on;
``events_probe_news_p.jsonl``, 120 sentences of news from every region and desk (diplomacy, trade,
protest, policing, courts, aid, military, elections, sanctions, disasters, migration) in verbs a
keyword list would miss as well as common ones, every root, 20 with no political event (among
them figurative fighting), written apart from the coder at the start of the nineteenth session,
was blind in the nineteenth and twentieth and is looked at from the twenty-first on;
``events_probe_news_q.jsonl``, 120 sentences of news from every region and desk, ten of
each construction (reported, headline, passive, future, negated, active, coordinated, intent,
subordinate, nominal), every root, 20 with no political event, written apart from the coder at the
start of the twentieth session, was blind in the twentieth and twenty-first and is looked at from
the twenty-second on; ``events_probe_news_r.jsonl``, 120 sentences of news from
every region and desk in the same ten constructions, most of them long (30 to 55 words, as wire
reports write them, with datelines, attributions and background clauses), every root at least
three times, 20 with no political event, written apart from the coder at the start of the
twenty-first session, was blind in the twenty-first and twenty-second and is looked at from the
twenty-third on; ``events_probe_news_s.jsonl``, 120 sentences in the style of
regional and local papers and broadcasters outside Western Europe and North America (courts,
labour, aid, trade, elections, diplomacy, security), in the same ten constructions, 20 with no
political event, written apart from the coder at the start of the twenty-second session, was
blind in the twenty-second and twenty-third and is looked at from the twenty-fourth on;
``events_probe_news_t.jsonl``, 120 sentences in the styles of live blogs, broadcast bulletins,
explainers and court, labour, migration, maritime, election and trade reports from every region,
short and long, with titles and descriptions as actors, in the same ten constructions, 20 with no
political event, written apart from the coder at the start of the twenty-third session, was
blind in the twenty-third and twenty-fourth and is looked at from the twenty-fifth on; ``events_probe_news_u.jsonl``, 120 sentences in the styles of English-language copy of
foreign-language national news agencies, UN agency, NGO and humanitarian releases, parliamentary,
court and legal-affairs reports and business and economic-diplomacy reports, by four writers who
read only the codebook and three lines of an older set, in the same ten constructions, 20 with
no political event, written apart from the coder at the start of the twenty-fourth session, was
blind in the twenty-fourth and twenty-fifth and is looked at from the twenty-sixth on; ``events_probe_news_v.jsonl``, 120 sentences in the styles of local and regional
television scripts, wire factboxes and timelines, police, army and coast-guard statements and
election-night reports, by four writers who read only the codebook and three lines of an older
set, in the same ten constructions, 20 with no political event, written apart from the coder at
the start of the twenty-fifth session, was blind in the twenty-fifth and twenty-sixth and is
looked at from the twenty-seventh on; ``events_probe_news_w.jsonl``, 120 sentences in
the styles of radio bulletins, agency "in brief" items of Asian and African papers, diplomatic
readouts and joint statements, and court, tribunal and prosecutor news, by four writers who read
only the codebook and three lines of an older set, in the same ten constructions, 20 with no
political event, written apart from the coder at the start of the twenty-sixth session, was
blind in the twenty-sixth and twenty-seventh and is looked at from the twenty-eighth on; ``events_probe_news_x.jsonl``, 120 sentences in the styles of parliamentary proceedings,
humanitarian situation reports and aid-agency news, business, energy and trade-diplomacy wires,
and the English-language regional press of Latin America and the Middle East, by four writers
who read only the codebook and three lines of an older set, in the same ten constructions, 20
with no political event, written apart from the coder at the start of the twenty-seventh
session, was blind in the twenty-seventh and twenty-eighth and is looked at from the twenty-ninth
on; ``events_probe_news_y.jsonl``, 120 sentences in the styles of maritime and
coast-guard news, migration and border-agency releases, live blogs and rolling updates, and the
English-language press of South and Southeast Asia, by four writers who read only the codebook and
three lines of an older set, in the same ten constructions, 20 with no political event, written
apart from the coder at the start of the twenty-eighth session, is blind;
``events_probe_news_z.jsonl``, 120 sentences in the styles of sports-and-politics news (tournament
boycotts, team visas, sports diplomacy), energy and pipeline diplomacy, African Union, ECOWAS,
SADC and IGAD summit and mediation news, and press-freedom news (journalists detained or expelled,
outlets banned), by four writers who read only the codebook and three lines of an older set, in
the same ten constructions, 20 with no political event, written apart from the coder at the start
of the twenty-ninth session, is blind).  ``--readable`` scores only the sets
that may be looked at, so a run while developing prints no blind figure.  Every
``../shared`` dev set is
split into a tuning part and an untouched part (``event_sets.part_of``); ``--part`` chooses which
is scored (default ``tune``; ``both`` at milestones).

Default: every sentence becomes one article {"id", "text", "published"} of one JSONL file, run
through the public batch CLI (``python -m tidings analyze IN --format jsonl --output OUT``).
``--direct`` calls ``tidings.events.code_events`` in-process with ``tidings.nlp`` and
``tidings.actors`` instead (same coder, faster to start).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_sets import (  # noqa: E402
    load,
    part_of,
    score_acled,
    score_petr2,
    score_plover,
    score_police,
    score_probe,
    split_id,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / ".." / "shared" / "eval" / "events"
PROBES = REPO / "benchmarks" / "probes"
SETS = ("petr2", "plover", "acled", "police", "probe", "everyday", "everydayb", "locked", "conflict", "news", "newsc",
        "newsd", "newse", "newsf", "newsg", "newsh", "newsi", "newsj", "newsk", "newsl", "newsm", "newsn", "newso",
        "newsp", "newsq", "newsr", "newss", "newst", "newsu", "newsv", "newsw", "newsx", "newsy", "newsz")
FILES = {"petr2": "petr2_dev.jsonl", "plover": "plover_dev.jsonl", "acled": "acled_dev.jsonl",
         "police": "police_dev.jsonl"}
PROBE_FILES = {"probe": "events_probe_a.jsonl", "everyday": "events_probe_everyday.jsonl",
               "everydayb": "events_probe_everyday_b.jsonl", "locked": "events_probe_locked.jsonl",
               "conflict": "events_probe_conflict.jsonl", "news": "events_probe_news_b.jsonl",
               "newsc": "events_probe_news_c.jsonl", "newsd": "events_probe_news_d.jsonl",
               "newse": "events_probe_news_e.jsonl", "newsf": "events_probe_news_f.jsonl",
               "newsg": "events_probe_news_g.jsonl", "newsh": "events_probe_news_h.jsonl",
               "newsi": "events_probe_news_i.jsonl", "newsj": "events_probe_news_j.jsonl",
               "newsk": "events_probe_news_k.jsonl", "newsl": "events_probe_news_l.jsonl",
               "newsm": "events_probe_news_m.jsonl", "newsn": "events_probe_news_n.jsonl",
               "newso": "events_probe_news_o.jsonl", "newsp": "events_probe_news_p.jsonl",
               "newsq": "events_probe_news_q.jsonl", "newsr": "events_probe_news_r.jsonl",
               "newss": "events_probe_news_s.jsonl", "newst": "events_probe_news_t.jsonl",
               "newsu": "events_probe_news_u.jsonl", "newsv": "events_probe_news_v.jsonl",
               "newsw": "events_probe_news_w.jsonl", "newsx": "events_probe_news_x.jsonl",
               "newsy": "events_probe_news_y.jsonl", "newsz": "events_probe_news_z.jsonl"}
#: probe sets scored for figures only: their errors are never shown
BLIND = frozenset({"conflict", "news", "newsy", "newsz", "locked"})
#: the plain keyword list a conflict-news reader would grep for, the baseline of the conflict probe
KEYWORDS = re.compile(
    r"\b(kill\w*|attack\w*|bomb\w*|blast\w*|explo\w*|clash\w*|fight\w*|shell\w*|strike\w*|"
    r"struck|shot|shoot\w*|gunm[ae]n|fire[ds]?|raid\w*|ambush\w*|abduct\w*|kidnap\w*|arrest\w*|"
    r"detain\w*|protest\w*|demonstrat\w*|riot\w*|march\w*|rall(y|ied|ies)|boycott\w*|curfew|"
    r"emergency|deploy\w*|troops?|seiz\w*|captur\w*|ceasefire|cease-fire|truce|peace|sanction\w*|"
    r"expel\w*|threat\w*|accus\w*|releas\w*|aid|massacre\w*|dead|died|wounded|injur\w*|tear ?gas)\b",
    re.IGNORECASE)


# ---------------------------------------------------------------------- running the coder
def run_cli(records: list[dict[str, Any]], python: str) -> dict[str, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(inp, "w", encoding="utf-8") as fh:
            for r in records:
                art = {"id": r["id"], "text": r["text"]}
                if r.get("published"):
                    art["published"] = r["published"]
                fh.write(json.dumps(art) + "\n")
        cmd = [python, "-m", "tidings", "analyze", str(inp), "--format", "jsonl",
               "--output", str(out)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
        if proc.returncode != 0:
            sys.exit(f"tidings analyze failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        result: dict[str, list[dict[str, Any]]] = {}
        for line in load(out):
            result[line.get("id")] = line.get("events") or []
        return result


def run_direct(
    records: list[dict[str, Any]],
) -> tuple[dict[str, list[dict[str, Any]]], float, float, float]:
    """Coded events per id, and the seconds spent parsing, setting up actors, coding."""
    from tidings import nlp
    from tidings.actors import ActorKnowledge
    from tidings.events import code_events
    from tidings.model import Article

    model = nlp.load()
    knowledge = ActorKnowledge.load()
    texts = [r["text"] for r in records]
    model(texts[0])  # warm up
    t0 = time.perf_counter()
    docs = list(model.pipe(texts, batch_size=32))
    parse_s = time.perf_counter() - t0
    result: dict[str, list[dict[str, Any]]] = {}
    actors_s = code_s = 0.0
    for r, doc in zip(records, docs):
        art = Article(id=r["id"], text=r["text"], published=r.get("published"))
        t0 = time.perf_counter()
        actors = knowledge.for_article(art, doc)
        t1 = time.perf_counter()
        result[r["id"]] = [e.to_dict() for e in code_events(art, doc, actors)]
        t2 = time.perf_counter()
        actors_s += t1 - t0
        code_s += t2 - t1
    return result, parse_s, actors_s, code_s


def print_coverage() -> None:
    from tidings.events.coverage import coverage_report

    total = reached = 0
    print("root  codes reached  by kind of rule")
    for rc in coverage_report():
        kinds: dict[str, int] = {}
        for sources in rc.reachable.values():
            for k in {x.split(":")[0] for x in sources}:
                kinds[k] = kinds.get(k, 0) + 1
        total += len(rc.codes)
        reached += len(rc.reachable)
        listed = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        missing = f"  missing: {' '.join(rc.missing)}" if rc.missing else ""
        print(f"  {rc.root}  {len(rc.reachable):>3}/{len(rc.codes):<3}  {listed}{missing}")
    print(f"coverage: {reached}/{total} codes of the codebook reachable")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS))
    ap.add_argument("--readable", action="store_true",
                    help="score only the sets that may be looked at (no blind or locked set)")
    ap.add_argument("--part", choices=("tune", "untouched", "both"), default="tune",
                    help="which part of each ../shared dev set to score (probe sets are whole)")
    ap.add_argument("--direct", action="store_true", help="call code_events in-process, not the CLI")
    ap.add_argument("--python", default=sys.executable, help="interpreter for the CLI run")
    ap.add_argument("--show-errors", action="store_true", help="print each sentence's misses")
    ap.add_argument("--per-subtype", action="store_true", help="ACLED recall per subtype")
    ap.add_argument("--dump", type=Path, help="write every sentence's predicted events here (JSONL)")
    ap.add_argument("--coverage", action="store_true",
                    help="print which CAMEO codes the coder can reach, root by root, and exit")
    args = ap.parse_args(argv)
    if args.coverage:
        print_coverage()
        return 0

    wanted = [s.strip() for s in args.sets.split(",") if s.strip()]
    if args.readable:
        wanted = [s for s in wanted if s not in BLIND]
    parts = ("tune", "untouched") if args.part == "both" else (args.part,)
    data: dict[str, list[dict[str, Any]]] = {}
    for name in wanted:
        if name in FILES:
            path = args.data / FILES[name]
            if not path.exists():
                print(f"{name}: skipped ({path} not found; ../shared is only beside CI and "
                      "developer clones)")
                continue
            recs = [r for r in load(path) if r.get("text", "").strip()]
        elif name in PROBE_FILES:
            path = PROBES / PROBE_FILES[name]
            if not path.exists():
                print(f"{name}: skipped ({path} not found)")
                continue
            recs = load(path)
        else:
            sys.exit(f"unknown set {name!r}; choose from {', '.join(SETS)}")
        for r in recs:
            r["_part"] = part_of(split_id(r)) if name in FILES else "whole"
        data[name] = recs
    if not data:
        print("skipped: no event data found")
        return 0

    records = [r for recs in data.values() for r in recs
               if r["_part"] == "whole" or r["_part"] in parts]
    # ids are unique within a set; prefix them so sets cannot collide in one run
    runs = [{**r, "id": f"{name}:{r['id']}"} for name, recs in data.items() for r in recs
            if r["_part"] == "whole" or r["_part"] in parts]
    t0 = time.perf_counter()
    if args.direct:
        raw, parse_s, actors_s, code_s = run_direct(runs)
        mode = "direct (tidings.events.code_events)"
    else:
        raw = run_cli(runs, args.python)
        mode = "CLI (python -m tidings analyze --format jsonl)"
    wall = time.perf_counter() - t0
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for r in runs:
                fh.write(json.dumps({"id": r["id"], "text": r["text"], "events": raw.get(r["id"], [])}) + "\n")
    print(f"events ({mode}); {len(records)} sentences in {wall:.1f}s; data {args.data.resolve()}")

    headline: list[str] = []
    for name, recs in data.items():
        for part in (("whole",) if name in PROBE_FILES else parts):
            sub = [r for r in recs if r["_part"] == part]
            if not sub:
                continue
            pred = {r["id"]: raw.get(f"{name}:{r['id']}", []) for r in sub}
            tag = f"{name} {part}" if part != "whole" else name
            show = args.show_errors
            if name == "petr2":
                lv = score_petr2(sub, pred, show)
                print(f"{tag} ({len(sub)} sentences)")
                for k, s in lv.items():
                    print(s.line(k))
                headline.append(f"{tag}: root F1 {lv['root'].f1:.3f} · triple F1 {lv['triple'].f1:.3f}")
            elif name == "plover":
                lv = score_plover(sub, pred, show)
                print(f"{tag} ({len(sub)} sentences)")
                for k, s in lv.items():
                    print(s.line(k))
                headline.append(f"{tag}: type F1 {lv['type'].f1:.3f} · triple F1 {lv['triple'].f1:.3f}")
            elif name == "acled":
                sc = score_acled(sub, pred, show, args.per_subtype)
                print(f"{tag} ({len(sub)} snippets)")
                print("\n".join(sc.lines(args.per_subtype)))
                headline.append(f"{tag}: macro recall {sc.recall:.3f} · precision {sc.precision:.3f} "
                                f"· false-event {sc.false_event:.3f} · code-level recall {sc.code_recall:.3f}")
            elif name == "police":
                strict, lenient = score_police(sub, pred, show)
                print(f"{tag} ({len(sub)} sentences)  strict police source:")
                print("\n".join(strict.lines()))
                headline.append(f"{tag}: macro F1 {strict.macro_f1:.3f} (KILL "
                                f"{strict.prf('KILL')[2]:.2f} · ARREST {strict.prf('ARREST')[2]:.2f} · FORCE "
                                f"{strict.prf('FORCE')[2]:.2f} · ANY_ACTION {strict.prf('ANY_ACTION')[2]:.2f})"
                                f" · lenient {lenient.macro_f1:.3f}")
            else:
                lv, per_root = score_probe(sub, pred, show and name not in BLIND)
                print(f"{tag} ({len(sub)} sentences)")
                for k, s in lv.items():
                    print(s.line(k))
                cells = " ".join(f"{r}:{per_root[r].f1:.2f}" for r in sorted(per_root) if r != "xx")
                print(f"  root F1 by gold root: {cells}")
                quiet = [r for r in sub if not r["events"]]
                if quiet:
                    noisy = sum(1 for r in quiet if any(not e.get("negated") for e in pred.get(r["id"], [])))
                    print(f"  sentences with no event in the gold: {noisy}/{len(quiet)} got one")
                headline.append(f"{tag}: root F1 {lv['root'].f1:.3f} · code F1 {lv['code'].f1:.3f} "
                                f"· triple F1 {lv['triple'].f1:.3f}")
                if quiet:
                    eventful = [r for r in sub if any(not e.get("negated") for e in r["events"])]
                    ours = sum(1 for r in eventful if any(not e.get("negated") for e in pred.get(r["id"], [])))
                    words = sum(1 for r in eventful if KEYWORDS.search(r["text"]))
                    false_words = sum(1 for r in quiet if KEYWORDS.search(r["text"]))
                    print(f"  sentences with an event found: coder {ours}/{len(eventful)}, keyword list "
                          f"{words}/{len(eventful)} (keyword list on no-event sentences: "
                          f"{false_words}/{len(quiet)})")
    if args.direct:
        n_events = sum(len(v) for v in raw.values())
        print(f"timing ({len(runs)} sentences, {n_events} events, in-process): spaCy parse "
              f"{parse_s:.2f}s; event coding {code_s:.2f}s (+{100 * code_s / max(parse_s, 1e-9):.0f}% "
              f"of the parse, actor lookups included); actor set-up {actors_s:.2f}s")
    print("\n".join(headline))
    return 0


if __name__ == "__main__":
    sys.exit(main())
