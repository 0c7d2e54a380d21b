"""Content-farm detection on copies made by hand: the project's own written pairs.

    .venv/bin/python benchmarks/farm_pairs.py                 # set a: one batch, then apart
    .venv/bin/python benchmarks/farm_pairs.py --set locked    # figures only: see below
    .venv/bin/python benchmarks/farm_pairs.py --set a --signals

``content_farm.py`` measures detectors on copies that ``manipulate.py`` makes by program, in two
style families.  Every rule of such a generator is a rule a detector can learn, so this script
measures them on copies that no program made: ``probes/farm_pairs_a.jsonl`` and
``probes/farm_pairs_locked.jsonl``, each 36 original news articles and one content-farm copy of
each, all written for this project by two writers who saw neither the detectors nor each other's
set (2026-12-05).  A copy was made by hand the way scraper sites, article spinners and rewriting
tools republish news: a subset of the five kinds of ``content_farm.py`` (stitch, spin, strip,
caption, boilerplate), each in about 60% of the copies, done in ways each writer chose; a record
says which kinds (``kinds``) and how (``notes``).  Records: ``{"id", "role": "original"|"copy",
"original" (copies), "title", "text", "published", "kinds", "notes"}``.

Set ``a`` may be read while developing.  Set ``locked`` is never read: run it for the figures only.
Set ``b`` (``probes/farm_pairs_b.jsonl``, 2026-12-05, eleventh session): 30 originals and a copy of
each by a third writer, who was asked to vary the method far more than one rewriter would: a fluent
paraphrase under a clickbait title, a crude thesaurus spinner, a lazy scraper (three nearly verbatim
copies with a single kind applied), a stiff translated-and-back version, a summary padded with
generic background, and stitches of two originals of the set; the method is in ``notes``.  It is
blind in the session it was written in (figures only) and may be read from the next one.
Set ``c`` (``probes/farm_pairs_c.jsonl``, 2026-12-05, twelfth session): 30 originals and a copy of
each by a fourth writer, asked for methods unlike a single rewriting tool: half verbatim and half
spun, SEO pieces with an FAQ, bullet-point digests keeping stripped quotes, translated-and-back
copies, tense and spelling changes, reordered paragraphs, stitches of an unrelated story and of
one on the same broad topic (harder), captions and boilerplate in many forms; four copies carry
one subtle kind only.  Blind in the twelfth session (figures only), read from the thirteenth.
Set ``d`` (``probes/farm_pairs_d.jsonl``, 2026-12-05, thirteenth session): 30 originals in many
house styles (wire, council, court, earnings, science, sport, election, live blog, Q&A explainer,
Indian, Nigerian and Philippine English, British single quotes) and a copy of each by a fifth
writer, each copy its own method (thesaurus spin, fluent paraphrase, renamed entities, quotes
stripped in part or whole, stitches of set originals and of invented stories, as a block or
interleaved, captions and boilerplate in many forms, a nearly verbatim copy, translated-and-back,
bullet summary, reordered paragraphs, tense or spelling changed, SEO filler); five copies carry
one subtle kind only.  Blind in the thirteenth and fourteenth sessions (figures only), read from
the fifteenth.
Set ``e`` (``probes/farm_pairs_e.jsonl``, 2026-12-05, fourteenth session): 30 originals in house
styles from many countries and a copy of each by a sixth writer, each its own method (fluent
rewrites with filler and a generic ending, crude spinners, spintax left in, names in long official
forms, quotes turned into unattributed speech, translated-and-back through three languages,
stitches of set originals or invented stories as blocks or interleaved, captions and boilerplate
of many forms, spelling or tense changed, FAQ and takeaway lists); five copies carry one kind
only.  Blind in the fourteenth and fifteenth sessions (figures only), read from the sixteenth.
Set ``f`` (``probes/farm_pairs_f.jsonl``, 2026-12-05, fourteenth session): 24 originals and a copy
of each by a seventh writer, written to be read while developing: the kinds hardest to tell apart
from the copy alone (eight fluent paraphrases, some with generic filler and some with none, four
translated-and-back copies, four with one subtle change, four stitches, four crude spins).
Set ``g`` (``probes/farm_pairs_g.jsonl``, 2026-12-05, fifteenth session): 30 originals and a copy
of each by an eighth writer, each its own method, asked among others for copies that keep only the
first half, merge two outlets' versions, convert units and currency, make an explainer or a
listicle, add an opinionated intro and outro, reorder paragraphs, rewrite every sentence keeping
facts and quotes, or paraphrase quotes keeping the speaker; six carry one subtle kind only.  Blind
in the fifteenth and sixteenth sessions (figures only), read from the seventeenth.
Set ``h`` (``probes/farm_pairs_h.jsonl``, 2026-12-05, sixteenth session): 30 originals and a copy
of each by a ninth writer, each its own method, asked among others for a blog voice with
subheadings, careless changes of numbers and names, a merge with a press release, quotes moved
to the wrong speaker, a copy localised for another city, translation and back, a clickbait
summary, SEO padding around a verbatim text, shuffled paragraphs, voice flipped, spintax left in,
spelling converted, a contradicting pasted paragraph, and fluent AI paraphrases with and without
filler; some carry one kind only.  Blind in the sixteenth and seventeenth sessions (figures only),
read from the eighteenth.
Set ``i`` (``probes/farm_pairs_i.jsonl``, 2026-12-05, seventeenth session): 30 originals in many
house styles (wire, council, court, earnings, science, sport, elections, disasters, the English-
language press of India, Nigeria, Kenya, the Philippines, Pakistan, Ireland, Canada and South
Africa, explainers, live blogs) and a copy of each by a tenth writer, each its own method, asked
among others for at least six light scrapes with one subtle kind only, translation and back, a
listicle, heavy AI paraphrase keeping every fact, a crude synonym spinner, reordered paragraphs,
tense or spelling changed, numbers reformatted, quotes kept under renamed speakers, two
originals stitched, an unrelated story stitched in the middle, captions without credits and
boilerplate mid-text.  Blind in the seventeenth and eighteenth sessions (figures only), read from
the nineteenth.
Set ``j`` (``probes/farm_pairs_j.jsonl``, 2026-12-05, eighteenth session): 30 originals in house
styles the other sets lack (the English-language press of Australia, New Zealand, Singapore,
Malaysia, Ghana, Jamaica, Scotland, Wales, Sri Lanka, Bangladesh and the Gulf, US local TV
sites, public broadcasters, trade press; agriculture, transport, heritage, central banks, courts)
with the marks of real journalism a naive detector could take for a farm's (agency credits,
syndication lines, credited captions, "Related:" lines, appended corrections, update stamps,
Q&As, briefs, press-release-based reports), and a copy of each by an eleventh writer, each its
own method: 14 light scrapes with one kind only, translation and back, spinning from crude to
subtle, question headlines with a summary, a first third padded with filler, reordered
paragraphs, every quote in unmarked indirect speech, another outlet's coverage merged in, an
unrelated paragraph stitched in, localisation, people replaced by descriptions, aggregator
source lines, fluent paraphrase keeping every fact, verbatim text under heavy boilerplate.
Blind in the eighteenth and nineteenth sessions (figures only), read from the twentieth.
Set ``k`` (``probes/farm_pairs_k.jsonl``, 2026-12-05, nineteenth session): 30 originals in
varied forms and outlets (wire reports with datelines, local, court, science and health,
business, sport, features, analysis, the English-language press of India, Nigeria, the
Philippines, Australia, Ireland, Canada and Kenya; straight, curly and single quotation marks,
bylines, editor's notes, ordinary captions) and a copy of each by a twelfth writer: eight with one
kind only, the rest two or three, rewritten in varied styles (light edits, heavy paraphrase, a
machine-translation feel, listicles, shortened summaries, SEO headlines).  Blind in the nineteenth
and twentieth sessions (figures only), read from the twenty-first.
Set ``l`` (``probes/farm_pairs_l.jsonl``, 2026-12-05, twentieth session): 30 originals (wire, local
paper, magazine and public-broadcaster styles; economy, courts, health, science, sport, local
government, conflict, environment, technology, culture) and a copy of each by a thirteenth writer:
eight with one kind only, covering all five, the rest two or three, each kind applied lightly or
heavily, made by hand-rewording, reordering and truncating, part-summarising, with clickbait or
title-case titles or the original one kept.  Blind in the twentieth and twenty-first sessions
(figures only), read from the twenty-second.
Set ``m`` (``probes/farm_pairs_m.jsonl``, 2026-12-06, twenty-first session): 30 originals (wire,
regional paper, broadcaster website, trade press, local-news blog, agency feature and fact-check
styles; politics, courts, economy, energy, farming, health, education, science, sport, crime,
transport, environment, culture, local government, conflict; some with bylines, corrections,
editor's notes, ordinary captions and related links) and a copy of each by a fourteenth writer:
eleven with one kind only, covering all five, the rest two or three, from very light to heavy,
among them a machine-translation round trip, a condensed summary that keeps its quotes without
their marks, a caption pasted with no credit, and a copy merging two originals' facts.  Blind in
the twenty-first and twenty-second sessions (figures only), read from the twenty-third.
Set ``n`` (``probes/farm_pairs_n.jsonl``, 2026-12-06, twenty-second session): 30 originals (wire,
local paper, broadcaster, trade press, press-release business news, explainer, student paper, court
report, obituary, sport, science feature and non-native-English outlets, some with their own
captions, editor's notes, corrections and read-more links) and a copy of each by a fifteenth
writer: ten with one kind only, two of each kind, the rest two or three, from very light to heavy,
with spin by careful human paraphrase or by names and titles alone, a paragraph stitched from
another outlet's report of the same event, captions with no credit or inside a paragraph,
boilerplate in other languages and quotes stripped in part.  Blind in the twenty-second and
twenty-third sessions (figures only), read from the twenty-fourth.
Set ``o`` (``probes/farm_pairs_o.jsonl``, 2026-12-06, twenty-third session): 30 originals (wire
with datelines and credits, council, court, business, science, sport, health, interview feature,
press release with its own boilerplate, English-language outlets in Asia, Africa and Latin America,
a radio-station website, a live-blog wrap-up, an obituary; some with their own captions and
credits, quotes in straight and curly double and single marks) and a copy of each by a sixteenth
writer: ten with one kind only, the rest two to four, made by machine-translation round trips,
aggregator summaries keeping key sentences, one change to an otherwise intact text, a few words
spun, stitches on the same topic and across topics (two with bridging sentences of their own),
and an original's own caption moved into the body.  Blind in the twenty-third and twenty-fourth
sessions (figures only), read from the twenty-fifth.
Set ``p`` (``probes/farm_pairs_p.jsonl``, 2026-12-06, twenty-fourth session): 30 originals
(emergencies, central banks and budgets, courts, elections, science and health, sport, strikes,
diplomatic visits, councils, data breaches, obituaries, commodities, rescues at sea, museums,
mining, cyber-attacks, storms, currencies, arrests, protests, launches, heatwaves; Latin America,
Africa, Europe, Asia, the Middle East, Oceania and the Caribbean) and a copy of each by three
writers who read only one pair of an older set: nine with one kind only, the rest two to four,
each kind done a different way in each copy (stitches at the start, middle and end, from
another original or a report written for the purpose; spin by stilted synonyms, official names,
reordered or misspelled names, full legal names; quotes stripped mechanically, turned into
"according to" or run into the narration; captions, credits and image-source blocks; furniture
from forex links and disclaimers to hashtags), the rest of the text kept near-verbatim,
paraphrased, reordered or shortened.  Blind in the twenty-fourth and twenty-fifth sessions (figures
only), read from the twenty-sixth.
Set ``q`` (``probes/farm_pairs_q.jsonl``, 2026-12-06, twenty-fifth session): 30 originals (court
rulings, factory closures, health ministries, sport governance, space agencies, city budgets,
sea accidents, party congresses, central banks, repatriated heritage, droughts, election
commissions, tech regulation, prison riots, refugee camps, mining strikes, railways,
parliamentary scandals, wildfires, island diplomacy, union talks, floods, corruption trials,
fisheries, vaccines, airline failures, border crossings, campus protests, energy tariffs and
heritage fires, from every region) and a copy of each by three writers who read only one pair of
an older set and were asked for the hard cases too: stitches from a report on the same or a
neighbouring topic, spin of one to three names only, captions with no credit that read as
story text.  Nine copies carry one kind, the rest two to four.  Blind in the twenty-fifth and
twenty-sixth sessions (figures only), read from the twenty-seventh.
Set ``r`` (``probes/farm_pairs_r.jsonl``, 2026-12-06, twenty-sixth session): 30 originals (port
strikes, central banks, hospital strikes, cyclones, mayoral races, drug recalls, dams, cricket
boards, desalination, archaeology, police corruption, ferry sinkings, teachers' pay, mining
spills, housing, satellite launches, fuel protests, museum thefts, wind farms, migrant rescues,
referendums, avian flu, steel tariffs, land reform, metro strikes, glacier floods, fraud trials,
forest fires, customs unions and film festivals, from every region) and a copy of each by three
writers who read only one pair of an older set, each asked for a different making: hard cases
(stitches from a neighbouring report, light spin, captions that read as text); a rewriting
tool's heavy synonym swaps and reordered clauses with a farm-written intro or ending; a careless
aggregator's pastes, with fragments of two or three reports joined abruptly, quotes half
stripped and furniture mid-body.  Nine copies carry one kind, the rest two to four.  Blind in
the twenty-sixth and twenty-seventh sessions (figures only), read from the twenty-eighth.
Set ``s`` (``probes/farm_pairs_s.jsonl``, 2026-12-06, twenty-seventh session): 30 originals (water
rationing, bank-run rumours, fishing quotas, rail privatisation, wildfire evacuations, tech
layoffs, copper-mine protests, exam leaks, typhoons, tourism taxes, nurses' migration, port
automation, lithium deals, devaluations, river pollution, city budgets, vaccine rollouts, a
stadium inquiry, airline bankruptcy, heritage restoration, drought, a hospital cyber-attack, gas
prices, shipbuilding, doctors' strikes, a recount, a zoo escape, a highway land dispute, a
refinery fire and university funding, from every region) and a copy of each by three writers who
read only one pair of an older set.  Nine copies carry one kind, the rest two to four.  Blind in
the twenty-seventh and twenty-eighth sessions (figures only), read from the twenty-ninth.
Set ``t`` (``probes/farm_pairs_t.jsonl``, 2026-12-06, twenty-eighth session): 30 originals
(hospital waiting lists, cocoa prices, a metro opening, a pension strike, a landslide, a startup
fraud trial, dam water-sharing, a whale stranding, a casino licence, a silo explosion, teachers'
pay, a ferry sinking, city surveillance, frost on a wine harvest, bus fares, rare-earth export
curbs, measles, housing prices, an oil spill, a mayor's arrest, a blackout, a sugar tax, an
avalanche, a telecom merger, a camp fire, a desalination deal, a factory closure, bird flu, a
transit strike and gold smuggling, from every region) and a copy of each by three writers who
read only one pair of an older set.  Nine copies carry one kind, the rest two to four.  Blind in
the twenty-eighth and twenty-ninth sessions (figures only).
Set ``u`` (``probes/farm_pairs_u.jsonl``, 2026-12-06, twenty-ninth session): 30 originals (a
bridge-collapse inquiry, coffee rust, a mine flooding, a fees protest, a wildfire evacuation, a
hospital ransomware attack, a river-pollution fine, a ferry strike, a tourism tax, locusts, a
lithium mine, a rail delay, cholera, a crypto-exchange collapse, a typhoon, fishing quotas, a
prison riot, a failed wheat harvest, a stadium crush, a glacier-lake warning, a port strike, a
bank-run scare, heatwave deaths, a logging arrest, a nuclear restart, a bus crash, a ballot
recount, a milk-price protest, a meningitis drive and shipyard layoffs, from every region) and a
copy of each by three writers who read only one pair of an older set.  Nine copies carry one
kind, the rest two to four.  Blind in the twenty-ninth session (figures only).

The script runs the 72 articles through the public CLI (``python -m tidings analyze``) twice:
once as one shuffled batch, where cross-article signals can match a copy to its original, and
once as two batches (originals apart from copies), where only what a copy's own text gives away
can fire.  For each it prints what ``content_farm.py`` prints: the AUC of risk = 100 - score,
copies against originals, and per kind the share of copies with the kind on which a signal of
that kind fires, the same share on copies without it and on the originals.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from content_farm import ROOT, analyse, report, signal_table  # noqa: E402

PROBES = Path(__file__).resolve().parent / "probes"
SETS = {"a": PROBES / "farm_pairs_a.jsonl", "locked": PROBES / "farm_pairs_locked.jsonl",
        "b": PROBES / "farm_pairs_b.jsonl", "c": PROBES / "farm_pairs_c.jsonl",
        "d": PROBES / "farm_pairs_d.jsonl", "e": PROBES / "farm_pairs_e.jsonl",
        "f": PROBES / "farm_pairs_f.jsonl", "g": PROBES / "farm_pairs_g.jsonl",
        "h": PROBES / "farm_pairs_h.jsonl", "i": PROBES / "farm_pairs_i.jsonl",
        "j": PROBES / "farm_pairs_j.jsonl", "k": PROBES / "farm_pairs_k.jsonl",
        "l": PROBES / "farm_pairs_l.jsonl", "m": PROBES / "farm_pairs_m.jsonl",
        "n": PROBES / "farm_pairs_n.jsonl", "o": PROBES / "farm_pairs_o.jsonl",
        "p": PROBES / "farm_pairs_p.jsonl", "q": PROBES / "farm_pairs_q.jsonl",
        "r": PROBES / "farm_pairs_r.jsonl", "s": PROBES / "farm_pairs_s.jsonl",
        "t": PROBES / "farm_pairs_t.jsonl", "u": PROBES / "farm_pairs_u.jsonl"}
#: sets whose texts are not read while developing (figures only)
BLIND = frozenset({"locked", "t", "u"})


def load(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(originals, copies) of one pair file; a copy without its original is left out."""
    recs = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    originals = [r for r in recs if r.get("role") == "original"]
    have = {o["id"] for o in originals}
    copies = [r for r in recs if r.get("role") == "copy" and r.get("original") in have]
    return originals, copies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Hand-made content-farm copies vs their originals, through `tidings analyze`")
    ap.add_argument("--set", choices=sorted(SETS), default="a",
                    help="a to s (may be read), t and u (blind this session) or locked (figures only)")
    ap.add_argument("--mode", choices=("both", "batch", "separate"), default="both")
    ap.add_argument("--python", default=None, help="interpreter that runs `-m tidings` (default: the project venv)")
    ap.add_argument("--workers", type=int, default=1, help="passed to `tidings analyze --workers`")
    ap.add_argument("--signals", action="store_true", help="also list every signal that fired, with its rates")
    ap.add_argument("--dated", action="store_true",
                    help="also send each article's publication date (the default sends none, as the "
                         "reliability data set does: only the texts decide)")
    ap.add_argument("--order", choices=("shuffled", "copies-first", "originals-first"), default="shuffled",
                    help="in the one batch: shuffled (default), or every copy before (after) all originals; "
                         "copies first is the hard case for telling which of two is the copy")
    ap.add_argument("--seed", default="farm-pairs-order", help="the shuffle's seed (the default is the "
                    "order every figure in benchmarks/README.md was taken in)")
    args = ap.parse_args(argv)

    path = SETS[args.set]
    if not path.exists():
        print(f"skipped: {path} is not present")
        return 0
    originals, copies = load(path)
    if not args.dated:
        for r in originals + copies:
            r.pop("published", None)
    python = args.python or (str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists()
                             else sys.executable)
    kinds = sorted({k for c in copies for k in c.get("kinds", [])})
    print(f"farm pairs {args.set}{' (dated)' if args.dated else ''}: {len(originals)} originals + "
          f"{len(copies)} hand-made copies ("
          + ", ".join(f"{k} {sum(1 for c in copies if k in c.get('kinds', []))}" for k in kinds) + ")")
    if args.set in BLIND:
        print(f"{args.set} set: read the figures only; do not read its articles or tune against them")
    if args.mode in ("both", "batch"):
        batch = originals + copies
        random.Random(args.seed).shuffle(batch)
        if args.order != "shuffled":
            # a stable sort keeps the shuffled order within each group
            batch.sort(key=lambda r: (r.get("role") == "original") == (args.order == "copies-first"))
        rel = analyse(batch, python, args.workers, None)
        report("one batch", originals, copies, rel)
        if args.signals:
            signal_table(originals, copies, rel)
    if args.mode in ("both", "separate"):
        rel = analyse(originals, python, args.workers, None)
        rel.update(analyse(copies, python, args.workers, None))
        report("apart", originals, copies, rel)
        if args.signals:
            signal_table(originals, copies, rel)
    return 0


if __name__ == "__main__":
    sys.exit(main())
