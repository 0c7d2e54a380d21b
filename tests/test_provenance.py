"""Provenance: spun copies, stitched pieces and stripped quotes found against other articles
(``tidings.store.provenance``), in the index itself, in a batch stream and on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import app
from tidings.model import Analysis, Article, Signal
from tidings.schema import validation_errors
from tidings.store.provenance import (
    BatchProvenance,
    ProvenanceIndex,
    align,
    band_keys,
    tokens,
    _swaps,
)
from tidings.store.wording import accents_only, figures_only, grammatical_variants, spelling_variants

# --------------------------------------------------------------------------- invented articles

ORIGINAL = """MADRID, March 4 (Wire) - Officials in Madrid said on Tuesday that talks with Morocco over fishing rights in the Atlantic had resumed after a pause of three months.

The officials said the talks would focus on quotas for the sardine and anchovy fleets that sail from ports in the Canary Islands.

Russia has also asked to join the talks as an observer, a foreign ministry spokesman said, adding that Madrid would answer the request next week.

Fishing groups in the islands said they hoped the talks would end with a deal before the summer season starts in June.

Morocco has not commented on the talks, and officials in Rabat did not answer calls on Tuesday."""

#: the same report run through a synonym spinner: common words traded for rarer ones, the last
#: paragraph left alone (a spinner swaps some mentions, not all)
SPUN = """MADRID, March 4 (Wire) - Functionaries in Madrid stated on Tuesday that negotiations with Morocco over fishing rights in the Atlantic had resumed after a pause of three months.

The functionaries stated the negotiations would focus on quotas for the sardine and anchovy fleets that sail from ports in the Canary Islands.

The Russian Federation has also asked to join the negotiations as an observer, a foreign ministry spokesman stated, adding that Madrid would answer the request next week.

Fishing groups in the islands stated they hoped the negotiations would end with a deal before the summer season starts in June.

Morocco has not commented on the talks, and officials in Rabat did not answer calls on Tuesday."""

MINING = [
    "LIMA, May 12 (Wire) - Peru's congress voted on Monday to remove the mining minister after a copper spill "
    "polluted a river near the southern town of Arequipa.",
    "Lawmakers accused the minister of ignoring warnings from inspectors who had reported cracks in the tailings "
    "dam at the copper mine months before the spill.",
    "The mining company said its engineers had repaired the dam and that water samples taken downstream showed "
    "copper levels were falling every day.",
    "Farmers near Arequipa said their cattle had stopped drinking from the river and that they would sue the "
    "mining company for their losses.",
]
ICEBREAKERS = [
    "OSLO, May 12 (Wire) - Norway will build three new icebreakers for its coast guard to patrol Arctic waters "
    "around Svalbard, the defence ministry announced on Monday.",
    "The icebreakers will be built at a shipyard in Bergen and the first vessel is due to enter service in the "
    "winter of 2027, according to the ministry.",
    "Coast guard commanders have warned that their ageing ships can no longer keep up with fishing fleets and "
    "cargo traffic in the Arctic as sea ice retreats.",
    "Each of the new icebreakers will carry a helicopter and a crew of forty sailors, and will be able to break "
    "ice a metre thick, the Norwegian navy said.",
]


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def _index(articles: list[tuple[str, str]]) -> ProvenanceIndex:
    idx = ProvenanceIndex()
    for key, text in articles:
        idx.add(key, text)
    return idx


def _lower_pairs(pairs: list[list[str]]) -> set[tuple[str, str]]:
    return {(a.lower(), b.lower()) for a, b in pairs}


# --------------------------------------------------------------------------- spun copies


@pytest.mark.parametrize("order", [("original", "spun"), ("spun", "original")], ids=["original-first", "copy-first"])
def test_spun_copy_found_with_swapped_pairs_in_either_order(order: tuple[str, str]) -> None:
    """A reworded copy is ``spun_from`` its original, with the swapped words (original form
    first), whichever of the two was indexed first; the original is never reported as spun
    from its copy (direction comes from word rarity, not order)."""
    texts = {"original": ORIGINAL, "spun": SPUN}
    idx = _index([(k, texts[k]) for k in order])

    prov = idx.match("spun", SPUN)
    assert prov is not None
    assert [s.article_id for s in prov.spun_from] == ["original"]
    found = prov.spun_from[0]
    pairs = _lower_pairs(found.substitutions)
    assert {("said", "stated"), ("officials", "functionaries"), ("talks", "negotiations")} <= pairs
    # the multi-word name swap is one pair, "Russia" on the original side
    russia = [p for p in pairs if "russia" in p[0]]
    assert len(russia) == 1 and russia[0][0] == "russia" and "russian federation" in russia[0][1]
    # no pair runs the other way (the copy's word first)
    assert not any(a in {"stated", "functionaries", "negotiations"} for a, _ in pairs)
    # the aligned sentences point into the copy, and carry the original's sentence
    assert found.share > 0.8
    for s in found.sentences:
        assert SPUN[s["start"]:s["end"]].strip()
        assert s["original"] in ORIGINAL

    back = idx.match("original", ORIGINAL)
    assert back is None or not back.spun_from


def test_unrelated_article_has_no_provenance() -> None:
    """An article that shares no sentence with the index is not matched to anything."""
    idx = _index([("original", ORIGINAL), ("spun", SPUN)])
    assert idx.match("mining", _join(MINING)) is None


# --------------------------------------------------------------------------- stitching


@pytest.mark.parametrize("stitched_first", [False, True], ids=["sources-first", "stitched-first"])
def test_stitched_piece_names_both_sources_and_sources_get_none(stitched_first: bool) -> None:
    """Paragraphs 1-2 from one report and 3-4 from an unrelated one: ``stitched_from`` lists the
    paragraphs by source (both named); neither source is said to come from the stitched piece."""
    a, b = _join(MINING), _join(ICEBREAKERS)
    stitched = _join(MINING[:2] + ICEBREAKERS[2:])
    items = [("a", a), ("b", b)]
    items = [("s", stitched), *items] if stitched_first else [*items, ("s", stitched)]
    idx = _index(items)

    prov = idx.match("s", stitched)
    assert prov is not None
    by_paragraph = {p.paragraph: p.article_id for p in prov.stitched_from}
    assert by_paragraph == {0: "a", 1: "a", 2: "b", 3: "b"}
    for p in prov.stitched_from:
        assert stitched[p.start:p.end] in (a if p.article_id == "a" else b)
    assert not prov.spun_from  # copied word for word: nothing swapped

    assert idx.match("a", a) is None
    assert idx.match("b", b) is None


def test_a_paragraph_found_in_two_articles_is_credited_to_the_earlier_one() -> None:
    """A stitched piece takes paragraphs that a reprint also carries word for word: the sentence
    aligns equally well with both, and the earlier article is named, however the LSH's sets
    happen to be ordered in this process (the choice was once left to set order)."""
    reprint = _join(MINING)  # the same text under another id, added later
    stitched = _join(MINING[:2] + ICEBREAKERS[2:])
    for _ in range(3):
        idx = _index([("first", _join(MINING)), ("reprint", reprint), ("b", _join(ICEBREAKERS))])
        prov = idx.match("s", stitched)
        assert prov is not None
        assert {p.article_id for p in prov.stitched_from} == {"first", "b"}


# --------------------------------------------------------------------------- stripped quotes

QUOTED = """QUITO, June 2 (Wire) - Ecuador's trade minister met farmers' leaders in Quito on Friday to discuss a planned tariff on imported rice.

\u201cWe will not sign any trade deal that leaves our rice farmers without protection,\u201d said the minister after the meeting.

Farmers' leaders said they would keep their protest camps outside the ministry until the tariff was approved by congress."""
UNQUOTED = QUOTED.replace("\u201c", "").replace("\u201d", "")


@pytest.mark.parametrize("copy_first", [False, True])
def test_quote_marks_taken_away_show_as_unquoted(copy_first: bool) -> None:
    """A sentence whose counterpart carries quotation marks this one lacks is ``unquoted`` (the
    marks were stripped here); the article with the marks gets nothing."""
    items = [("quoted", QUOTED), ("bare", UNQUOTED)]
    idx = _index(items[::-1] if copy_first else items)

    prov = idx.match("bare", UNQUOTED)
    assert prov is not None
    assert len(prov.unquoted) == 1
    u = prov.unquoted[0]
    assert u.article_id == "quoted"
    assert UNQUOTED[u.start:u.end].startswith("We will not sign any trade deal")
    assert u.original.startswith("\u201cWe will not sign")
    assert not prov.spun_from  # the same words: nothing was swapped

    assert idx.match("quoted", QUOTED) is None


#: the same report in the British convention: single quotation marks
SINGLE_QUOTED = QUOTED.replace("\u201c", "\u2018").replace("\u201d", "\u2019")


@pytest.mark.parametrize("copy_first", [False, True])
def test_single_quotation_marks_are_quotation_marks(copy_first: bool) -> None:
    """A report in single quotation marks and a copy that turned them into double ones: neither
    took marks away, so neither is ``unquoted`` nor the spun copy of the other; a copy that took
    the single marks away did."""
    items = [("single", SINGLE_QUOTED), ("double", QUOTED)]
    idx = _index(items[::-1] if copy_first else items)
    for key, text in items:
        prov = idx.match(key, text)
        assert prov is None or not (prov.unquoted or prov.spun_from), (key, prov)
    idx = _index([("single", SINGLE_QUOTED)])
    prov = idx.match("bare", UNQUOTED)
    assert prov is not None and len(prov.unquoted) == 1


# --------------------------------------------------------------------------- insertions

PERU = """LIMA, July 8 (Wire) - Peru signed a new fishing agreement with Chile on Thursday after two years of talks over the anchovy catch in the Pacific.

Peru will be allowed to land a larger share of the anchovy catch in northern ports under the agreement, the fisheries ministry said.

Fishermen in the port of Paita welcomed the agreement but said the new quotas would only help the large industrial fleets of Peru."""
# the spinner lengthens two of the three mentions and trades "said" for "stated"
PERU_SPUN = (PERU.replace("Peru signed", "The Republic of Peru signed")
             .replace("\n\nPeru will", "\n\nThe Republic of Peru will")
             .replace("said", "stated"))


def test_words_added_to_a_name_are_one_substitution() -> None:
    """An insertion of up to MAX_INSERT words next to a kept word ("Peru" -> "The Republic of
    Peru") is shown as one pair with the word it stands by, the original form first."""
    old = tokens("Peru signed a new fishing agreement with Chile on Thursday")
    new = tokens("The Republic of Peru signed a new fishing agreement with Chile on Thursday")
    got = align([w.lower() for w in old], [w.lower() for w in new])
    assert got is not None
    assert _swaps(old, new, got[1]) == [("Peru", "The Republic of Peru")]
    # mid-sentence too
    old = tokens("Chile signed a new fishing agreement with Peru on Thursday")
    new = tokens("Chile signed a new fishing agreement with the Republic of Peru on Thursday")
    got = align([w.lower() for w in old], [w.lower() for w in new])
    assert got is not None
    assert _swaps(old, new, got[1]) == [("Peru", "the Republic of Peru")]

    idx = _index([("peru", PERU), ("peru-spun", PERU_SPUN)])
    prov = idx.match("peru-spun", PERU_SPUN)
    assert prov is not None and [s.article_id for s in prov.spun_from] == ["peru"]
    pairs = prov.spun_from[0].substitutions
    assert ["Peru", "The Republic of Peru"] in pairs
    # the inserted words are not split into pairs of their own
    assert [p for p in pairs if "Republic" in p[1]] == [["Peru", "The Republic of Peru"]]
    back = idx.match("peru", PERU)
    assert back is None or not back.spun_from


def test_inserted_clause_is_not_a_swap() -> None:
    """More than MAX_INSERT words added in one place is an edit, not a synonym swap: no alignment."""
    old = [w.lower() for w in tokens("Peru signed a new fishing agreement with Chile on Thursday")]
    new = [w.lower() for w in tokens(
        "Peru signed a new fishing agreement with Chile, its old rival in the south, on Thursday")]
    assert align(old, new) is None


# --------------------------------------------------------------------------- band keys

SHARED_SENTENCE = ("The finance ministry said the new budget would cut spending on roads and raise taxes on "
                   "tobacco and fuel from next year.")


def test_band_keys_shared_sentence_shares_a_key_unrelated_texts_none() -> None:
    """Two texts are candidates for each other exactly when they share an LSH bucket: a shared
    sentence gives a shared key, texts of entirely different sentences share none."""
    x = "Heavy snow closed the mountain passes between the two valleys early on Sunday morning. " + SHARED_SENTENCE
    y = SHARED_SENTENCE + " Opposition parties called the plan a betrayal of voters in the poorest regions of the country."
    z = ("Astronomers at the observatory in Chile photographed a comet passing close to Jupiter, its icy tail "
         "stretching across millions of kilometres. A children's choir from Vienna performed folk songs at the "
         "cathedral during the annual festival of lanterns.")
    kx, ky, kz = band_keys(x), band_keys(y), band_keys(z)
    assert kx and ky and kz
    assert kx & ky
    assert not kx & kz
    assert not ky & kz
    assert band_keys(x) == kx  # deterministic
    assert band_keys("Too short to count.") == set()


# --------------------------------------------------------------------------- batch and store


def _bare_analysis(aid: str, text: str) -> Analysis:
    return Analysis(id=aid, article=Article(id=aid, text=text))


@pytest.mark.parametrize("copy_first", [False, True])
def test_residue_pasted_into_one_side_marks_it_the_copy(copy_first: bool) -> None:
    """A rewrite into plainer words makes the word traces point at the report it came from;
    boilerplate or a caption pasted into the rewrite's body (which ingest takes out) is a trace
    of the copy that weighs against them: the report is no longer called the copy."""
    from tidings.ingest.text import extract_text

    caption = "Fishing boats moored in the harbour of Tarifa. (Photo: Staff photographer)"
    pasted = ORIGINAL.replace("\n\n", "\n\n" + caption + "\n\n", 1)
    ext = extract_text(pasted)
    assert any(r.reason == "caption" for r in ext.removed)
    first = Analysis(id="first", article=Article(id="first", text=SPUN))
    rewrite = Analysis(id="rewrite", article=Article(id="rewrite", text=ext.text, removed=ext.removed))
    bp = BatchProvenance()
    for a in ([rewrite, first] if copy_first else [first, rewrite]):
        bp.observe(a, key=a.id)
    assert first.provenance is None or not first.provenance.spun_from
    assert "spun_copy" not in {s.name for s in first.reliability.signals}
    # with no residue, the word traces call the report with the rarer words the copy, as before
    idx = ProvenanceIndex()
    idx.add("rewrite", ext.text)
    undated = idx.match("first", SPUN)
    assert undated is not None and [s.article_id for s in undated.spun_from] == ["rewrite"]


@pytest.mark.parametrize("copy_first", [False, True])
def test_store_mode_observe_copy_and_original(copy_first: bool) -> None:
    """A store observes articles one by one (each matched against those before it): the copy
    gets a ``spun_copy`` signal when its original came first; the original never does, even
    when the copy came first."""
    bp = BatchProvenance()
    orig, spun = _bare_analysis("o", ORIGINAL), _bare_analysis("s", SPUN)
    for a, key in ([(spun, "s"), (orig, "o")] if copy_first else [(orig, "o"), (spun, "s")]):
        bp.observe(a, key=key)
    assert orig.provenance is None or not orig.provenance.spun_from
    assert "spun_copy" not in {s.name for s in orig.reliability.signals}
    if not copy_first:
        assert spun.provenance is not None and spun.provenance.spun_from[0].article_id == "o"
        assert "spun_copy" in {s.name for s in spun.reliability.signals}


def test_observe_keeps_signals_added_after_scoring() -> None:
    """Re-scoring with provenance keeps a signal someone added that is not one of the findings."""
    bp = BatchProvenance()
    bp.observe(_bare_analysis("o", ORIGINAL), key="o")
    spun = _bare_analysis("s", SPUN)
    spun.reliability.signals.append(Signal("custom_flag", "low", "added by a caller"))
    bp.observe(spun, key="s")
    names = {s.name for s in spun.reliability.signals}
    assert {"spun_copy", "custom_flag"} <= names


# --------------------------------------------------------------------------- command line

runner = CliRunner()


def _rows(path: Path) -> dict[str, dict]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


def test_cli_batch_finds_the_spun_copy_listed_before_its_original(tmp_path: Path) -> None:
    """``tidings analyze`` on a JSONL batch matches every article against the others of its
    window, so a copy listed before its original is still found; ``--no-provenance`` turns it off."""
    src = tmp_path / "batch.jsonl"
    src.write_text(json.dumps({"id": "copy-7", "text": SPUN}) + "\n"
                   + json.dumps({"id": "wire-3", "text": ORIGINAL}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["analyze", str(src), "--format", "jsonl", "--output", str(out)])
    assert res.exit_code == 0, res.output
    rows = _rows(out)
    assert list(rows) == ["copy-7", "wire-3"]
    copy, orig = rows["copy-7"], rows["wire-3"]
    assert validation_errors(copy) == [] and validation_errors(orig) == []  # provenance is in the schema
    assert [s["article_id"] for s in copy["provenance"]["spun_from"]] == ["wire-3"]
    assert ("said", "stated") in _lower_pairs(copy["provenance"]["spun_from"][0]["substitutions"])
    copy_signals = {s["name"] for s in copy["reliability"]["signals"]}
    assert "spun_copy" in copy_signals
    assert "spun_copy" not in {s["name"] for s in orig["reliability"]["signals"]}
    assert not (orig.get("provenance") or {}).get("spun_from")
    assert copy["reliability"]["score"] < orig["reliability"]["score"]

    out2 = tmp_path / "out-off.jsonl"
    res = runner.invoke(app, ["analyze", str(src), "--format", "jsonl", "--output", str(out2), "--no-provenance"])
    assert res.exit_code == 0, res.output
    for row in _rows(out2).values():
        assert "spun_copy" not in {s["name"] for s in row["reliability"]["signals"]}
        assert not (row.get("provenance") or {}).get("spun_from")


# --------------------------------------------------------------------------- bounded buckets

#: a stock line many outlets end their reprints with: every reprint shares its buckets
STOCK_LINE = ("This report was distributed by a regional news agency under a syndication agreement "
              "with its member newspapers across the country.")


def _reprint(i: int) -> str:
    """A short local story of its own for each ``i`` (its words carry the story's letter, so two
    stories share no word), ending with the stock line."""
    tag = chr(ord("a") + i)
    words = "council voted on Thursday to close the ferry terminal for repairs lasting weeks this spring"
    return " ".join(w + tag for w in words.split()) + ".\n\n" + STOCK_LINE


def test_bucket_answers_with_its_first_holders_only() -> None:
    """A bucket shared by more articles than ``BUCKET_HOLDERS`` answers with its first holders:
    a later reprint's query does not grow with the number of reprints, and its original, the
    earliest holder, is still among what it finds."""
    from tidings.store.provenance import BUCKET_HOLDERS, Buckets, ProvenanceIndex, bucket_keys

    idx = ProvenanceIndex()
    n = BUCKET_HOLDERS + 8
    for i in range(n):
        idx.add(f"r{i}", _reprint(i))
    stock = idx._prepare("q", STOCK_LINE, None).sentences
    keys = bucket_keys(ProvenanceIndex._minhashes(stock)[0])
    holders = {s.article for s in idx.buckets.query(keys)}
    assert holders == {f"r{i}" for i in range(BUCKET_HOLDERS)}
    # an article that leaves frees its place for one added after it; a holder's second
    # sentence joins a full bucket, a newcomer's does not
    b = Buckets(holders=2, article_of=lambda k: k.split("/")[0])
    b.insert("a", "a/0", [b"1", b"2"])
    b.insert("b", "b/0", [b"1"])
    b.insert("c", "c/0", [b"1", b"2"])
    b.insert("b", "b/1", [b"1"])
    assert b.query([b"1"]) == {"a/0", "b/0", "b/1"} and b.query([b"2"]) == {"a/0", "c/0"}
    b.remove("a", [b"1", b"2"])
    b.insert("d", "d/0", [b"1", b"2"])
    assert b.query([b"1"]) == {"b/0", "b/1", "d/0"} and b.query([b"2"]) == {"c/0", "d/0"}
    b.insert("e", "e/0", [b"3"])
    b.remove("b", [b"1"])
    b.insert("f", "f/0", [b"1"])
    assert b.query([b"1"]) == {"d/0", "f/0"} and b.query([b"3"]) == {"e/0"}


def test_late_reprint_still_names_its_original() -> None:
    """The spun copy of a report that many articles share a line with, coming after more than
    ``BUCKET_HOLDERS`` of them, is still traced to the report."""
    from tidings.store.provenance import BUCKET_HOLDERS

    idx = ProvenanceIndex()
    idx.add("original", ORIGINAL + "\n\n" + STOCK_LINE)
    for i in range(BUCKET_HOLDERS + 4):
        idx.add(f"r{i}", _reprint(i))
    prov = idx.match("copy", SPUN + "\n\n" + STOCK_LINE)
    assert prov is not None
    assert [s.article_id for s in prov.spun_from] == ["original"]


def test_spark_pairs_are_the_index_candidates() -> None:
    """The Spark job pairs each article with the earlier articles of its buckets' first holders:
    exactly the articles a :class:`ProvenanceIndex` holding every earlier article answers with."""
    pytest.importorskip("pyspark")
    from collections import defaultdict

    from tidings.spark.provenance import _later_earlier
    from tidings.store.provenance import BUCKET_HOLDERS, ProvenanceIndex, bucket_keys

    texts = [(f"r{i}", _reprint(i)) for i in range(BUCKET_HOLDERS + 6)]
    texts.insert(3, ("original", ORIGINAL + "\n\n" + STOCK_LINE))
    texts.append(("copy", SPUN + "\n\n" + STOCK_LINE))
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for seq, (aid, text) in enumerate(texts):
        for key in band_keys(text):
            members[key].append((seq, aid))
    spark_pairs = {p for m in members.values() for p in _later_earlier(m)}
    idx = ProvenanceIndex()
    index_pairs: set[tuple[str, str]] = set()
    for aid, text in texts:
        sents = idx._prepare(aid, text, None).sentences
        for mh in ProvenanceIndex._minhashes(sents):
            index_pairs |= {(aid, s.article) for s in idx.buckets.query(bucket_keys(mh))}
        idx.add(aid, text)
    assert spark_pairs == index_pairs
    assert ("copy", "original") in spark_pairs
    assert not any(earlier == f"r{BUCKET_HOLDERS + 2}" for _, earlier in spark_pairs)


def test_one_index_per_partition_finds_what_the_store_finds() -> None:
    """The Spark job matches a group's articles against one index of all their candidates,
    each only against those before it; the provenance is the one the store's sequential index
    finds, also where buckets are full and where a later candidate is in the index."""
    pytest.importorskip("pyspark")
    from collections import defaultdict

    from tidings.spark.provenance import _later_earlier, match_group
    from tidings.store.provenance import BUCKET_HOLDERS

    texts = [(f"r{i}", _reprint(i)) for i in range(BUCKET_HOLDERS + 6)]
    # the spun copy comes in before its original: it has nothing to be matched against yet,
    # though the original is in the partition's index (a candidate of the late copy)
    texts.insert(3, ("copy", SPUN + "\n\n" + STOCK_LINE))
    texts.insert(8, ("original", ORIGINAL + "\n\n" + STOCK_LINE))
    # a late copy with a paragraph of the last reprint's story put in: a stitch of the copy and
    # of a candidate indexed late (the copy alone, which holds the stock line too, is no stitch)
    texts.append(("late copy", SPUN.replace("Tuesday", "Wednesday") + "\n\n" + _reprint(BUCKET_HOLDERS + 5)))
    seq = {aid: i for i, (aid, _) in enumerate(texts)}
    text_of = dict(texts)
    members: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for aid, text in texts:
        for key in band_keys(text):
            members[key].append((seq[aid], aid))
    cands: dict[str, set[str]] = defaultdict(set)
    for m in members.values():
        for later, earlier in _later_earlier(m):
            cands[later].add(earlier)
    group = (0, ([(aid, (seq[aid], text_of[aid], None)) for aid in cands],
                 sorted({(seq[c], c, text_of[c], None, None) for aid in cands for c in cands[aid]})))
    spark = {aid: prov.to_dict() for aid, prov in match_group(group)}
    idx = ProvenanceIndex()
    local = {}
    for aid, text in texts:
        prov = idx.match(aid, text)
        if prov is not None:
            local[aid] = prov.to_dict()
        idx.add(aid, text)
    assert spark == local
    assert "late copy" in local and "copy" not in local


# --------------------------------------------------------------------------- rewrites

PORT = """MOMBASA, June 3 (Wire) - Dock workers at the port of Mombasa walked off the job on Monday, halting the unloading of container ships for the second time this year.

The Dock Workers Union said its 4,000 members would stay away until the Kenya Ports Authority paid overtime owed since January.

Ships waiting to berth were told to anchor offshore, and truck drivers said lines outside the gates stretched for five kilometres by the afternoon.

Transport Minister Davis Chirchir said the government would meet union leaders on Tuesday and urged the workers to return to the quays.

Importers warned that fuel and food prices could rise across East Africa if the stoppage lasted more than a few days."""

#: the same report rewritten sentence by sentence, in its order, in other and rarer words: what
#: a rewriting tool does to dodge a plagiarism check
PORT_REWRITTEN = """Stevedores at Mombasa's harbour downed tools on Monday, bringing the offloading of container vessels to a standstill for the second occasion this year.

Its 4,000 members would remain absent until the Kenya Ports Authority settled overtime outstanding since January, the Dock Workers Union declared.

Vessels awaiting a berth were instructed to anchor offshore, while truck drivers recounted that queues outside the gates extended for five kilometres by the afternoon.

The government would convene with union leaders on Tuesday, Transport Minister Davis Chirchir stated, imploring the workers to resume duties on the quays.

Should the stoppage persist beyond a few days, fuel and food prices could escalate throughout East Africa, importers cautioned."""

#: another outlet's own report of the same strike: the same names and figures, its own sentences
PORT_OWN_REPORT = """Kenya's busiest port was paralysed on Monday as thousands of dockers refused to work in a dispute over unpaid overtime.

Transport Minister Davis Chirchir, speaking in Nairobi, called the strike illegal and said talks were set for Tuesday.

The Kenya Ports Authority did not respond to requests for comment.

Union officials said about 4,000 members of the Dock Workers Union had joined the walkout, the second this year.

Shipping agents in Mombasa said at least a dozen vessels were anchored offshore and that East African importers were already looking for other routes."""


@pytest.mark.parametrize("rewrite_first", [False, True], ids=["original-first", "rewrite-first"])
def test_a_rewrite_in_other_words_is_found_and_another_outlets_report_is_not(rewrite_first: bool) -> None:
    """A rewrite that says each sentence again in other words, in the same order, is spun from
    its original (in either order of the batch); an independent report of the same event, with
    the same names and figures in its own sentences, is matched to neither."""
    texts = [("original", PORT), ("rewrite", PORT_REWRITTEN), ("own", PORT_OWN_REPORT)]
    idx = _index(texts[::-1] if rewrite_first else texts)
    prov = idx.match("rewrite", PORT_REWRITTEN)
    assert prov is not None and [s.article_id for s in prov.spun_from] == ["original"]
    assert len(prov.spun_from[0].sentences) >= 3
    assert not prov.unquoted  # a sentence said again in other words is no quote stripped of its marks
    back = idx.match("original", PORT)
    assert back is None or not back.spun_from
    own = idx.match("own", PORT_OWN_REPORT)
    assert own is None or not (own.spun_from or own.stitched_from)


#: another report on fishing, close in subject to ORIGINAL: a block lifted from it into a spun
#: copy of ORIGINAL fits the copy's other paragraphs about as well as its own article's
SARDINES = """LISBON, March 5 (Wire) - Portugal's sardine fleet will be allowed to land more fish this year after scientists said stocks off the Atlantic coast had recovered.

The fisheries ministry said the quota for sardine boats sailing from Peniche and Matosinhos would rise by a fifth, the first increase in a decade.

Fishing groups in the northern ports said the new quotas would let crews that had laid up their boats return to sea before the summer season.

Environmental groups warned that the anchovy stocks further south were still too low and asked the ministry to keep the limits on those boats."""


@pytest.mark.parametrize("order", ["original-first", "copy-first"])
def test_a_block_put_into_a_spun_copy_is_stitched_in_however_close_its_subject(order: str) -> None:
    """A spun copy of one report with a paragraph of another report on a near subject put in
    names both as sources: the copy is its main source nearly whole, so what that source lacks
    came from the article that holds it.  Neither original is said to be stitched."""
    spun = SPUN.split("\n\n")
    lifted = SARDINES.split("\n\n")[2]
    stitched = "\n\n".join(spun[:3] + [lifted] + spun[3:])
    texts = [("original", ORIGINAL), ("sardines", SARDINES), ("stitched", stitched)]
    idx = _index(texts if order == "original-first" else texts[::-1])
    prov = idx.match("stitched", stitched)
    assert prov is not None and {s.article_id for s in prov.stitched_from} == {"original", "sardines"}
    assert [s.paragraph for s in prov.stitched_from if s.article_id == "sardines"] == [3]
    for key, text in texts[:2]:
        got = idx.match(key, text)
        assert got is None or not got.stitched_from


def test_dates_settle_which_of_two_reworded_articles_is_the_copy() -> None:
    """A rewrite into plainer words trades the rarer word for the commoner one, so the word
    traces point at the wrong article; when both are dated, the later one is the copy."""
    # the report with the rarer words came out first; the plainer rewrite a day later
    first, rewrite = SPUN, ORIGINAL
    idx = ProvenanceIndex()
    idx.add("rewrite", rewrite, published="2025-03-05")
    assert idx.match("first", first, published="2025-03-04") is None
    idx = ProvenanceIndex()
    idx.add("first", first, published="2025-03-04")
    prov = idx.match("rewrite", rewrite, published="2025-03-05")
    assert prov is not None and [s.article_id for s in prov.spun_from] == ["first"]
    # undated (or the same day), the word traces decide as before
    idx = ProvenanceIndex()
    idx.add("rewrite", rewrite)
    undated = idx.match("first", first)
    assert undated is not None and [s.article_id for s in undated.spun_from] == ["rewrite"]


def test_the_cluster_matcher_weighs_dates_as_the_store_does() -> None:
    pytest.importorskip("pyspark")
    from tidings.spark.provenance import match_group

    # the plainer rewrite was ingested first; the earlier-dated report with the rarer words
    # comes after it and is matched against it: it is no copy of a piece that came out later
    group = (0, ([("first", (1, SPUN, "2025-03-04"))], [(0, "rewrite", ORIGINAL, None, "2025-03-05")]))
    assert list(match_group(group)) == []
    undated = (0, ([("first", (1, SPUN, None))], [(0, "rewrite", ORIGINAL, None, None)]))
    assert [aid for aid, _ in match_group(undated)] == ["first"]


# ----------------------------------------------- a stitch of two reports on the same subject

GHANA_RATES = [
    "ACCRA, May 20 (Wire) - Ghana's central bank raised its main lending rate by one percentage point to 29 "
    "percent on Monday, saying food and fuel prices were still climbing faster than it had expected.",
    "The governor told a news conference in Accra that inflation had reached 24 percent in April and that the "
    "bank would not hesitate to tighten policy again if prices kept rising through the summer.",
    "Economists at two local banks had expected the central bank to keep its rate unchanged after the cedi "
    "steadied against the dollar in the first quarter of the year.",
    "Traders in the capital's Makola market said the price of a bag of rice had doubled since January and that "
    "customers were buying smaller quantities every week.",
    "The finance ministry said the higher rate would raise the cost of servicing domestic debt but that the "
    "budget deficit target for the year would not change.",
    "The bank's monetary policy committee will meet again in late July, when it is due to publish new "
    "forecasts for growth and inflation for the rest of the year.",
]
KENYA_RATES = [
    "NAIROBI, May 20 (Wire) - Kenya's central bank left its benchmark rate at 13 percent on Monday, pointing "
    "to a stronger shilling and a good harvest that had pulled down the price of maize flour.",
    "Inflation in Kenya slowed to 5 percent in April from almost 7 percent a year earlier, the national "
    "statistics office said last week, the lowest reading since the start of 2022.",
    "Some members of the monetary policy committee had argued for a cut to help small businesses that borrow "
    "heavily from commercial lenders, according to minutes of the previous meeting.",
    "The shilling has gained more than a fifth against the dollar this year after the government bought back "
    "part of a eurobond that falls due in June.",
    "Analysts at a Nairobi brokerage said they expected the first cut in the benchmark rate to come in August "
    "if the shilling holds its ground.",
    "The treasury is due to present next year's budget to parliament in the second week of June.",
]


@pytest.mark.parametrize("stitched_first", [False, True], ids=["sources-first", "stitched-first"])
def test_paragraphs_of_two_reports_on_one_subject_are_a_stitch_and_the_reports_are_no_copies(
        stitched_first: bool) -> None:
    """A scraper joins two reports on one subject paragraph by paragraph and drops both
    datelines: the dropped datelines say the piece was made from each report (a copy drops where
    a report was filed, it does not make one up), and the two reports' paragraphs lie apart in
    it, so it is made of the two however alike their words; neither report is said to be made
    from it."""
    g, k = _join(GHANA_RATES), _join(KENYA_RATES)
    undated = [p.split(" - ", 1)[1] for p in (GHANA_RATES[0], KENYA_RATES[0])]
    parts = [undated[0], GHANA_RATES[1], undated[1], KENYA_RATES[1], GHANA_RATES[2], GHANA_RATES[3],
             GHANA_RATES[4]]
    stitched = _join(parts)
    items = [("g", g), ("k", k)]
    idx = _index([("s", stitched), *items] if stitched_first else [*items, ("s", stitched)])
    prov = idx.match("s", stitched)
    assert prov is not None
    assert {p.paragraph: p.article_id for p in prov.stitched_from} == {0: "g", 1: "g", 2: "k", 3: "k", 4: "g",
                                                                      5: "g", 6: "g"}
    for key, text in items:
        back = idx.match(key, text)
        assert back is None or not (back.spun_from or back.stitched_from), key


def test_two_copies_that_dropped_different_paragraphs_make_no_stitch() -> None:
    """Two reprints of one report, each missing a paragraph the other kept, share every part of
    the report between them: neither the report nor a reprint is taken for a stitch."""
    report = _join(GHANA_RATES)
    one = _join(GHANA_RATES[:4] + GHANA_RATES[5:])
    two = _join(GHANA_RATES[:1] + GHANA_RATES[2:])
    idx = _index([("report", report), ("one", one), ("two", two)])
    for key, text in (("report", report), ("one", one), ("two", two)):
        prov = idx.match(key, text)
        assert prov is None or not prov.stitched_from, key


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_a_dropped_dateline_is_no_swap(copy_first: bool) -> None:
    """A reprint word for word but for the dateline it dropped: the dropping is no word swap,
    so neither article is said to be spun from the other, whichever was indexed first."""
    report = _join(GHANA_RATES)
    reprint = _join([GHANA_RATES[0].split(" - ", 1)[1], *GHANA_RATES[1:]])
    items = [("reprint", reprint), ("report", report)] if copy_first else [("report", report), ("reprint", reprint)]
    idx = _index(items)
    for key, text in items:
        prov = idx.match(key, text)
        assert prov is None or not (prov.spun_from or prov.stitched_from), key


#: the Norwegian report respelled the British way, and one word of it swapped for a plainer one
RESPELLED = [p.replace("defence", "defense").replace("metre", "meter").replace("ageing", "aging")
             for p in ICEBREAKERS]


@pytest.mark.parametrize("same_words, pair, same", [
    # British and American spellings are one word
    (spelling_variants, ("colour", "color"), True), (spelling_variants, ("organised", "organized"), True),
    (spelling_variants, ("centre", "center"), True), (spelling_variants, ("travelled", "traveled"), True),
    (spelling_variants, ("defence ministry", "defense ministry"), True),
    (spelling_variants, ("programme", "program"), True), (spelling_variants, ("labour party", "labor party"), True),
    (spelling_variants, ("said", "stated"), False), (spelling_variants, ("filled", "filed"), False),
    (spelling_variants, ("four", "for"), False),
    # a shift of tense or a name in its initials is no choice of words
    (grammatical_variants, ("was", "is"), True), (grammatical_variants, ("said", "says"), True),
    (grammatical_variants, ("announced", "announces"), True), (grammatical_variants, ("us", "united states"), True),
    (grammatical_variants, ("un", "united nations"), True), (grammatical_variants, ("said", "stated"), False),
    (grammatical_variants, ("russia", "russian federation"), False),
    (grammatical_variants, ("talks", "negotiations"), False),
    # a timestamp or a figure put in or left out is none either
    (figures_only, ("09 30 the", "the"), True), (figures_only, ("2 400 stevedores", "stevedores"), True),
    (figures_only, ("said", "stated"), False), (figures_only, ("12 dockers", "12 stevedores"), False),
    # nor a body's initials put in or left out, though one set of initials for another is
    (figures_only, ("has", "NUGS has"), True), (figures_only, ("3", "GH 3"), True),
    (figures_only, ("US", "USA"), False),
    # nor accents lost or kept
    (accents_only, ("TOKI", "TOKİ"), True), (accents_only, ("Turkiye", "Türkiye"), True),
    (accents_only, ("Turkey", "Türkiye"), False), (accents_only, ("said", "said"), False),
])
def test_changes_that_are_no_choice_of_words(same_words, pair: tuple[str, str], same: bool) -> None:  # type: ignore[no-untyped-def]
    assert same_words(*pair) is same


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_a_respelled_copy_says_nothing_of_which_side_is_the_copy(copy_first: bool) -> None:
    """British spelling made American (or the reverse) is no spinner's trade of a usual word for
    a rarer one: whichever side came first, neither is called the spun copy of the other on the
    evidence of spelling alone."""
    texts = [("uk", _join(ICEBREAKERS)), ("us", _join(RESPELLED))]
    idx = _index(texts[::-1] if copy_first else texts)
    for key, text in texts:
        prov = idx.match(key, text)
        assert prov is None or not prov.spun_from, (key, prov)


#: a report of cholera across Africa whose second paragraph is on eastern Congo, and a report of
#: a peace deal for eastern Congo: the paragraph fits the second as well as the first
CHOLERA = [
    "GENEVA, May 2 (Wire) - The World Health Organization said on Thursday that cholera cases across Africa "
    "had doubled in a month, with outbreaks in nine countries.",
    "In Congo's North Kivu province, where fighting has driven hundreds of thousands of people into camps "
    "around Goma, more than 4,000 cases and 60 deaths were recorded in April.",
    "The agency said it had sent two million doses of oral vaccine to the worst hit countries and would send "
    "more next week.",
    "Health workers said the rainy season had flooded latrines and wells, and clinics were short of "
    "rehydration salts.",
]
PEACE = [
    "WASHINGTON, May 3 (Wire) - The foreign ministers of Congo and Rwanda signed a peace agreement in "
    "Washington on Friday meant to end the fighting in eastern Congo.",
    "Under the deal, Rwanda is to withdraw its troops from North Kivu within 90 days, and Congo is to disarm "
    "militias that threaten Rwanda.",
    "The fighting around Goma has forced hundreds of thousands of people from their homes into camps since "
    "January.",
]


def test_a_report_held_whole_by_one_copy_is_no_stitch_when_another_took_a_paragraph_first() -> None:
    """A piece on the same region took one paragraph of a report, and a reprint holds all of it;
    the report itself, indexed after both, shares that paragraph with the piece first (the earlier
    holder), yet one article holds all of it: it is no stitch of two."""
    stitcher = _join(PEACE[:1] + [CHOLERA[1]] + PEACE[1:])
    idx = _index([("stitcher", stitcher), ("reprint", _join(CHOLERA))])
    prov = idx.match("report", _join(CHOLERA))
    assert prov is None or not prov.stitched_from, prov


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_a_dateline_in_accented_capitals_is_no_swap(copy_first: bool) -> None:
    """ "BOGOTÁ, Colombia —" cut to "BOGOTÁ —" is a dateline shortened, not a word swapped in."""
    report = _join(["BOGOTÁ, Colombia — Two soldiers were killed on Monday when rebels attacked an army base "
                    "in the south of the country, the defence ministry said."] + CHOLERA[2:] + PEACE[2:])
    cut = report.replace("BOGOTÁ, Colombia —", "BOGOTÁ —")
    texts = [("report", report), ("cut", cut)]
    idx = _index(texts[::-1] if copy_first else texts)
    prov = idx.match("report", report)
    assert prov is None or not prov.spun_from, prov


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_a_copy_in_another_tense_says_nothing_of_which_side_is_the_copy(copy_first: bool) -> None:
    """A report told in the present ("says") and a copy put in the past ("said", the commoner
    word): neither is the spun copy of the other on the evidence of tense alone."""
    present = [
        "NAIROBI, June 3 (Wire) - Kenya's health ministry announces a cholera vaccination drive in three "
        "northern counties after floods contaminate wells, the agency says.",
        "Officials warn that clinics in Turkana and Marsabit are short of rehydration salts and that roads to "
        "several villages remain cut off by water.",
        "The ministry says it expects the first doses to reach Lodwar by the end of the week and appeals for "
        "volunteers to help in the camps.",
    ]
    past = [p.replace("announces", "announced").replace("contaminate", "contaminated").replace("says", "said")
            .replace("warn", "warned").replace(" are ", " were ").replace("remain", "remained")
            .replace("expects", "expected").replace("appeals", "appealed") for p in present]
    texts = [("present", _join(present)), ("past", _join(past))]
    idx = _index(texts[::-1] if copy_first else texts)
    for key, text in texts:
        prov = idx.match(key, text)
        assert prov is None or not prov.spun_from, (key, prov)


#: a report and a fluent rewrite of it (from the readable farm set f, written for the project):
#: the rewrite's sentences pair up with the report's differently from each side, so the swaps and
#: the missing quotation marks read from one side can point the other way than from the other
PERU_REPORT = "LIMA, Peru (AP) — Peru's Congress voted Wednesday to censure Energy and Mines Minister Rómulo Salcedo, forcing him from office after a diesel shortage that left hundreds of filling stations dry and stranded thousands of trucks along the country's main highways for nearly a month.\n\nLawmakers approved the censure motion 78-29, with nine abstentions, after a debate that lasted more than six hours. Under Peru's constitution, a censured minister must resign within 72 hours. Salcedo's exit is the government's third cabinet change since January.\n\nThe shortage began in mid-February, when a maintenance shutdown at the state-run refinery in Talara, on the northern coast, coincided with a delayed import cargo at the port of Callao. At its peak on Feb. 27, about 1,100 of the country's roughly 4,800 filling stations reported having no diesel, according to the national fuel regulator. The average pump price climbed 18% in three weeks, to 21.40 soles (about $5.70) a gallon.\n\n“We warned the ministry in January that stocks were falling below ten days of supply, and nobody answered our letters,” said Congresswoman Elena Paredes, who introduced the motion. “This was not bad luck. It was negligence.”\n\nSalcedo, a 61-year-old former mining engineer who took office in August, defended his record as he left the legislative palace. “I accept the decision of Congress, but the record will show that this ministry kept the hospitals, the buses and the fishing fleet running,” he told reporters.\n\nTruck drivers bore the brunt of the crisis. Lines of cargo rigs stretched up to 9 kilometers (5.6 miles) on the Pan-American Highway near the city of Ica, and some drivers said they waited four days to refuel."

PERU_REWRITE = "Peru's legislature on Wednesday passed a censure of Rómulo Salcedo, the minister responsible for energy and mines, pushing him out of the job after close to a month in which diesel ran short across the country, leaving hundreds of service stations empty and thousands of lorries and trucks stuck on the major roads.\n\nThe motion carried by 78 votes to 29, while nine members abstained, following a session that ran for over six hours. The constitution gives any minister who has been censured 72 hours to step down. Salcedo becomes the third member of the cabinet to leave since the start of the year.\n\nProblems started around the middle of February, when planned maintenance halted the government-owned refinery at Talara on the northern coast at the same moment that an imported shipment was held up at Callao port. On Feb. 27, the worst day, roughly 1,100 out of about 4,800 stations nationwide had run out of diesel, the country's fuel regulator said. Over three weeks the typical price at the pump rose by 18% to 21.40 soles, or around $5.70, per gallon.\n\n“We warned the ministry in January that stocks were falling below ten days of supply, and nobody answered our letters,” said Congresswoman Elena Paredes, the author of the motion. “This was not bad luck. It was negligence.”\n\nLeaving the legislative palace, the 61-year-old Salcedo, a one-time mining engineer who was appointed in August, stood by his performance. “I accept the decision of Congress, but the record will show that this ministry kept the hospitals, the buses and the fishing fleet running,” he said to journalists.\n\nThose hit hardest were truckers. Queues of freight vehicles reached as long as 9 kilometers (5.6 miles) on the Pan-American Highway close to Ica, and a number of drivers reported waiting as long as four days for fuel."


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_of_a_report_and_its_rewrite_only_one_is_the_copy(copy_first: bool) -> None:
    texts = [("report", PERU_REPORT), ("rewrite", PERU_REWRITE)]
    idx = _index(texts[::-1] if copy_first else texts)
    rewrite, report = idx.match("rewrite", PERU_REWRITE), idx.match("report", PERU_REPORT)
    assert rewrite is not None and [s.article_id for s in rewrite.spun_from] == ["report"]
    assert report is None or not report.spun_from


def _interleaved_stitch_sources(earlier: list[tuple[str, str]], stitched: str) -> set[str]:
    idx = _index(earlier + [("port", PORT), ("original", ORIGINAL), ("stitched", stitched)])
    prov = idx.match("stitched", stitched)
    return {s.article_id for s in prov.stitched_from} if prov is not None else set()


def test_a_block_credited_to_another_stitch_is_found_in_the_article_it_came_from() -> None:
    """Two reports interleaved paragraph by paragraph, where the paragraphs of one were also
    taken, earlier in the batch, by a third piece that stitched them to something else: the
    block comes from the report that holds it whole, not from the piece credited first."""
    port, fish, other = PORT.split("\n\n"), ORIGINAL.split("\n\n"), PERU_REPORT.split("\n\n")
    third = "\n\n".join(fish[:2] + other[:3])
    stitched = "\n\n".join([port[0], fish[0], port[1], fish[1], port[2], port[3]])
    assert _interleaved_stitch_sources([("third", third)], stitched) == {"port", "original"}


def test_a_report_and_its_reprint_are_one_source_of_a_stitch() -> None:
    """A paragraph the alignment credits to a reprint of a report (indexed first) and the rest of
    the report's paragraphs to the report itself: one block of one story beside the other."""
    port, fish = PORT.split("\n\n"), ORIGINAL.split("\n\n")
    reprint = "\n\n".join(fish[2:])
    stitched = "\n\n".join([port[0], fish[0], port[1], fish[2], port[2], fish[1], port[3]])
    got = _interleaved_stitch_sources([("reprint", reprint)], stitched)
    assert "port" in got and got & {"original", "reprint"}, got


#: a live blog: each entry opens with the time it was posted
LIVE_BLOG = "\n\n".join(f"{t} {p}" for t, p in zip(("09:05", "09:40", "10:15", "11:30", "12:20"), PORT.split("\n\n")))


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_a_live_blog_copied_without_its_timestamps_is_no_spun_copy_either_way(copy_first: bool) -> None:
    """A copy that drops a live blog's timestamps has traded no word for another: the figures
    are rare tokens to a frequency list, but neither side is called the spun copy for them."""
    copy = PORT
    idx = _index([("copy", copy), ("blog", LIVE_BLOG)] if copy_first else [("blog", LIVE_BLOG), ("copy", copy)])
    for key, text in (("blog", LIVE_BLOG), ("copy", copy)):
        prov = idx.match(key, text)
        assert prov is None or not prov.spun_from, key


def test_a_spun_copy_is_made_from_its_original_and_not_the_reverse() -> None:
    """Read from the copy's side, the traces call the spun copy made from its original (so it
    is no source of a stitch the original is suspected of); the original is not made from it."""
    idx = _index([("original", ORIGINAL), ("spun", SPUN)])
    original = idx._prepare("original", ORIGINAL, None)
    spun = idx._prepare("spun", SPUN, None)
    assert idx._made_from(original, "spun", idx._alignments(original, len(idx._added)))
    assert not idx._made_from(spun, "original", idx._alignments(spun, len(idx._added)))


#: a report that names its people, and a copy that puts a plain description for every name (in
#: commoner words than the names, so word rarity alone would call the original the copy)
NAMED = """LIMA, May 6 (Wire) - Fisheries secretary Rosa Quispe Huaman said on Monday that the anchovy season off the northern coast would open two weeks late this year.

Quispe Huaman told reporters in Lima that warmer water had pushed the shoals south and that the boats would have to wait for them to return.

The fleet owners' leader Tomas Ccori Mamani said the delay would cost his members about 40 million dollars in lost catches.

Ccori Mamani added that his members would ask the government for cheaper fuel while the boats stayed in port."""

DESCRIBED = """LIMA, May 6 (Wire) - The country's top fisheries official said on Monday that the anchovy season off the northern coast would open two weeks late this year.

The senior official told reporters in Lima that warmer water had pushed the shoals south and that the boats would have to wait for them to return.

A leading figure among the fleet owners said the delay would cost his members about 40 million dollars in lost catches.

The industry figure added that his members would ask the government for cheaper fuel while the boats stayed in port."""


@pytest.mark.parametrize("copy_first", [False, True], ids=["original-first", "copy-first"])
def test_names_put_into_descriptions_mark_the_copy(copy_first: bool) -> None:
    """A spinner can put a description for a name; it cannot put a name its source never gave
    for a description: the side that lost the names is the copy, whichever came first."""
    order = [("copy", DESCRIBED), ("original", NAMED)] if copy_first else [("original", NAMED), ("copy", DESCRIBED)]
    idx = _index(order)
    prov = idx.match("copy", DESCRIBED)
    assert prov is not None and [s.article_id for s in prov.spun_from] == ["original"]
    back = idx.match("original", NAMED)
    assert back is None or not back.spun_from
