"""Quotes across the corpus (``tidings.store.quotations``): the merge rule on quotes written for
these tests, speakers compared, and the ``speaker_conflict`` signal a store gives the articles."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tidings.store.quotations import (
    QuoteRow,
    conflicts,
    group_quotes,
    normal_form,
    speaker_parties,
)

HARBOUR = ("The harbour will stay closed until every one of the damaged cranes has been inspected "
           "and repaired by independent engineers.")


def row(aid: str, text: str, speaker: str | None = None, actor: str | None = None, seq: int = 0,
        published: str | None = None, speaker_text: str | None = None, outlet: str | None = None) -> QuoteRow:
    return QuoteRow(aid, 0, text, 10, 10 + len(text), speaker_text if speaker_text is not None else speaker, speaker,
                    actor, date.fromisoformat(published) if published else None, seq, outlet or f"{aid}.example")


def groups(rows: list[QuoteRow]) -> list[set[str]]:
    return sorted(({m.article_id for m in q.mentions} for q in group_quotes(rows)), key=lambda g: sorted(g))


# --------------------------------------------------------------------------- normal form

def test_normal_form_folds_case_marks_punctuation_and_unicode() -> None:
    a = normal_form("“We won’t  sell the Café” — not now!")
    b = normal_form('"we wont sell the cafe" - NOT now')
    assert a == b == (("we", "wont", "sell", "the", "cafe", "not", "now"),)


def test_normal_form_cuts_at_ellipses_and_insertions() -> None:
    assert normal_form("The harbour will stay closed … by independent engineers") == (
        ("the", "harbour", "will", "stay", "closed"), ("by", "independent", "engineers"))
    assert len(normal_form("The harbour [in Valletta] will stay closed... until. . . repaired")) == 4


# --------------------------------------------------------------------------- merging

def test_exact_ellipsis_partial_and_spun_variants_merge() -> None:
    rows = [
        row("full", HARBOUR, "Maria Vella", seq=1),
        row("marks", "“the harbour will stay closed until every one of the damaged cranes has been inspected, "
                     "and repaired, by independent engineers”", "Vella", seq=2),
        row("ellipsis", "The harbour will stay closed ... by independent engineers.", "Maria Vella", seq=3),
        row("partial", "every one of the damaged cranes has been inspected and repaired", None, seq=4),
        row("spun", "The port will remain closed until every one of the broken cranes has been examined and "
                    "repaired by independent engineers.", "Ms Vella", seq=5),
    ]
    found = group_quotes(rows)
    assert len(found) == 1
    q = found[0]
    assert q.text == HARBOUR  # the longest form, as first written
    assert q.how[("ellipsis", 0)] == "ellipsis"
    assert q.how[("partial", 0)] == "partial"
    assert q.how[("spun", 0)] == "spun"
    assert q.how[("marks", 0)] == "exact"
    assert conflicts(q) == []  # Vella, Maria Vella and Ms Vella are one person; no speaker says nothing


def test_different_quotes_sharing_stock_phrases_do_not_merge() -> None:
    rows = [
        row("a", "We will not back down, and we will keep fighting for the workers of this city.", "Ana Ruiz"),
        row("b", "We will not back down in the face of threats from the opposition parties.", "Tom Hale"),
        row("c", "We will not back down", "Ines Moll"),  # short: never joins a longer quote
        row("d", "At the end of the day, the people of this country deserve better than this.", "Kofi Asare"),
        row("e", "At the end of the day, the budget has to balance and the deficit has to come down.", "Lena Berg"),
    ]
    assert groups(rows) == [{"a"}, {"b"}, {"c"}, {"d"}, {"e"}]


def test_a_shared_sub_phrase_does_not_chain_two_quotes() -> None:
    shared = "the cranes have been inspected and repaired by engineers"
    rows = [
        row("x", f"Only when {shared} from abroad will the harbour reopen to container ships.", seq=1),
        row("y", f"I was told that {shared}, but the union has seen no report at all.", seq=2),
        row("z", shared, seq=3),
    ]
    got = groups(rows)
    assert {"x"} in [g - {"z"} for g in got] and {"y"} in [g - {"z"} for g in got]
    assert len(got) == 2  # the fragment joins one of them, never both


def test_a_negation_or_another_figure_is_another_statement() -> None:
    rows = [row("a", "The council is not going to raise the water tax for families in the northern districts."),
            row("b", "The council is going to raise the water tax for families in the northern districts."),
            row("c", "The council is not going to raise the water tax for the 12,000 families up north."),
            row("d", "the council is not going to raise the water tax for the 12000 families up north"),
            row("e", "The council is not going to raise the water tax for the 15,000 families up north."),
            row("f", "never going to raise the water tax for families in the northern districts")]
    # "never" for "not" keeps the statement (and f lines up with a, never with b)
    assert groups(rows) == [{"a", "f"}, {"b"}, {"c", "d"}, {"e"}]
    assert groups([row("b", "The council is going to raise the water tax for families in the northern districts."),
                   row("f", "never going to raise the water tax for families in the northern districts")]) \
        == [{"b"}, {"f"}]
    # a negation kept on both sides is no difference
    assert groups([row("g", "not going to raise the water tax for families"),
                   row("h", "The council is not going to raise the water tax for families in the north.")]) \
        == [{"g", "h"}]


def test_short_exact_quotes_merge_only_when_long_enough() -> None:
    assert groups([row("a", "No comment.", "A"), row("b", "no comment", "B")]) == [{"a"}, {"b"}]
    assert groups([row("a", "Enough is enough now.", "A"), row("b", "enough is enough now", "A")]) == [{"a", "b"}]


def test_heavy_rewording_is_not_a_spinner() -> None:
    rows = [row("a", HARBOUR), row("b", "Independent engineers must check each broken crane before ships can "
                                        "use the harbour again.")]
    assert groups(rows) == [{"a"}, {"b"}]


def test_a_mixed_quote_merges_by_its_quoted_words() -> None:
    mixed = row("m", f"the port would stay shut for now: “{HARBOUR}”", seq=1)
    mixed.kind = "mixed"
    found = group_quotes([mixed, row("d", HARBOUR, seq=2)])
    assert len(found) == 1 and found[0].text == HARBOUR


def test_first_appearance_is_earliest_published_then_stored_first() -> None:
    rows = [row("late", HARBOUR, seq=1, published="2026-05-03"), row("early", HARBOUR, seq=3, published="2026-05-01"),
            row("same_day", HARBOUR, seq=2, published="2026-05-01")]
    assert group_quotes(rows)[0].first.article_id == "same_day"


def test_only_quoted_words_merge_not_paraphrase() -> None:
    r = row("a", HARBOUR)
    r.kind = "indirect"
    assert group_quotes([r, row("b", HARBOUR)])[0].mentions[0].article_id == "b"
    assert len(group_quotes([r, row("b", HARBOUR)])) == 1


def test_scales_with_an_index() -> None:
    import time

    import random

    rng = random.Random(7)
    vocab = [f"{a}{b}" for a in ("har", "lan", "mes", "tor", "vel", "quin", "dro", "pel") for b in
             ("bor", "tern", "sa", "ric", "lo", "mand", "ust", "ine", "ova", "eth")]
    texts = [" ".join(["we", "will"] + rng.sample(vocab, 12) + ["for", "the", "people"]) for _ in range(3000)]
    rows = [row(f"a{i}", t) for i, t in enumerate(texts)]
    t = time.perf_counter()
    found = group_quotes(rows)
    assert time.perf_counter() - t < 30
    assert len(found) == 3000
    numbers = [row(f"n{i}", f"Prices in district {i} rose by {i + 3} percent last year and {i + 9} percent this year")
               for i in range(50)]
    assert len(group_quotes(numbers)) == 50  # the same words around other figures: other statements


# --------------------------------------------------------------------------- speakers

def test_name_forms_of_one_person_are_one_party() -> None:
    ms = [row("a", HARBOUR, "Vladimir Putin", "RUSGOV"), row("b", HARBOUR, "Putin"),
          row("c", HARBOUR, "President Vladimir V. Putin"), row("d", HARBOUR, None, speaker_text="he"),
          row("e", HARBOUR, None)]
    parties = speaker_parties(ms)
    assert set(parties.values()) == {0} and set(k[0] for k in parties) == {"a", "b", "c"}


def test_different_people_conflict_and_the_minority_is_flagged_fully() -> None:
    ms = [row("a", HARBOUR, "Maria Vella", "MLTGOV", seq=1), row("b", HARBOUR, "Vella", seq=2),
          row("c", HARBOUR, "Joseph Azzopardi", "MLTGOV", seq=3)]
    q = group_quotes(ms)[0]
    found = {c.mention.article_id: c for c in conflicts(q)}
    assert set(found) == {"a", "b", "c"}
    assert found["c"].minority and not found["a"].minority
    assert [o.article_id for o, _ in found["c"].others] == ["a", "b"]


def test_two_spellings_of_one_name_are_one_person() -> None:
    for a, b in (("Sergey Lavrov", "Sergei Lavrov"), ("Muammar Gaddafi", "Moammar Gaddafi")):
        q = group_quotes([row("a", HARBOUR, a), row("b", HARBOUR, b)])[0]
        assert conflicts(q) == [], (a, b)


def test_same_surname_different_people_conflict() -> None:
    q = group_quotes([row("a", HARBOUR, "Joe Biden"), row("b", HARBOUR, "Hunter Biden")])[0]
    assert {c.mention.article_id for c in conflicts(q)} == {"a", "b"}


def test_a_description_is_not_a_conflict_unless_its_country_differs() -> None:
    base = [row("a", HARBOUR, "Maria Vella", "MLTGOV")]
    same = base + [row("b", HARBOUR, None, "MLTGOV", speaker_text="a senior port official")]
    assert conflicts(group_quotes(same)[0]) == []
    vague = base + [row("b", HARBOUR, None, None, speaker_text="a spokesman")]
    assert conflicts(group_quotes(vague)[0]) == []
    other = base + [row("b", HARBOUR, None, None, speaker_text="an Italian minister")]
    assert {c.mention.article_id for c in conflicts(group_quotes(other)[0])} == {"a", "b"}
    # a country only the extractor's actor code gives (from the context) is not the article's words
    guessed = base + [row("b", HARBOUR, None, "ITAGOV", speaker_text="a government source")]
    assert conflicts(group_quotes(guessed)[0]) == []


def test_a_name_reached_through_a_pronoun_or_description_takes_no_side() -> None:
    ms = [row("a", HARBOUR, "Maria Vella", "MLTGOV"), row("b", HARBOUR, "Joseph Azzopardi", "MLTGOV", speaker_text="he"),
          row("c", HARBOUR, "Joseph Azzopardi", "MLTGOV", speaker_text="the minister")]
    assert conflicts(group_quotes(ms)[0]) == []
    ms.append(row("d", HARBOUR, "Joseph Azzopardi", None, speaker_text="Azzopardi"))
    assert {c.mention.article_id for c in conflicts(group_quotes(ms)[0])} == {"a", "d"}


def test_short_quotations_raise_no_conflict() -> None:
    q = group_quotes([row("a", "Enough is enough now.", "Ana Ruiz"), row("b", "enough is enough now", "Tom Hale")])[0]
    assert len(q.mentions) == 2 and conflicts(q) == []


# --------------------------------------------------------------------------- in a store

def _store(tmp_path: Path, quotes: list[tuple[str, str, str | None, str | None]]) -> object:
    from tidings.store.schema import connect
    from tidings.store.writer import insert_rows

    conn = connect(tmp_path / "q.duckdb")
    for i, (aid, text, speaker, actor) in enumerate(quotes):
        body = f"“{text}” {speaker or 'someone'} said on Monday."
        signal = {"name": "missing_byline", "severity": "low", "message": "No byline.", "evidence": [], "spans": [],
                  "weight": 3.0}
        doc = {"id": aid, "article": {"id": aid, "text": body}, "reliability": {"score": 80, "signals": [signal]}}
        insert_rows(conn, "articles", [{
            "article_id": aid, "seq": i + 1, "id": aid, "title": f"Story {aid}", "published": date(2026, 5, 1 + i),
            "source": f"outlet{i}.example", "text": body, "content_hash": aid, "reliability_score": 80,
            "analysis": json.dumps(doc)}])
        insert_rows(conn, "signals", [{"article_id": aid, "idx": 0, **signal}])
        insert_rows(conn, "quotes", [{"article_id": aid, "idx": 0, "text": text, "start": 1, "end": 1 + len(text),
                                      "kind": "direct", "speaker_text": speaker, "speaker_name": speaker,
                                      "speaker_actor": actor}])
    return conn


def test_store_rebuild_flags_and_unflags_a_conflict(tmp_path: Path) -> None:
    from tidings.store import quotation_merge

    conn = _store(tmp_path, [("a1", HARBOUR, "Maria Vella", "MLTGOV"), ("a2", HARBOUR, "Vella", None),
                             ("a3", HARBOUR, "Joseph Azzopardi", "MLTGOV"), ("a4", "Nothing else to add, thanks.",
                                                                             "Maria Vella", None)])
    assert quotation_merge.rebuild(conn) == 2  # type: ignore[arg-type]
    q = conn.execute("SELECT n_mentions, n_sources, first_article_id, speaker_name, speaker_conflict, speakers "  # type: ignore[attr-defined]
                     "FROM quotations WHERE n_mentions > 1").fetchone()
    assert q[:5] == (3, 3, "a1", "Maria Vella", True)
    assert [s["name"] for s in json.loads(q[5])] == ["Maria Vella", "Joseph Azzopardi"]
    scores = dict(conn.execute("SELECT article_id, reliability_score FROM articles").fetchall())  # type: ignore[attr-defined]
    assert scores["a4"] == 80 and scores["a3"] < scores["a1"] < 80 and scores["a1"] == scores["a2"]
    sig = conn.execute("SELECT severity, message, evidence, weight FROM signals WHERE name = 'speaker_conflict' "  # type: ignore[attr-defined]
                       "AND article_id = 'a3'").fetchone()
    assert "Joseph Azzopardi" in sig[1] and "Maria Vella" in sig[1]
    assert any("(a1)" in e for e in sig[2]) and any("(a2)" in e for e in sig[2])
    assert sig[3] == 80 - scores["a3"]
    doc = json.loads(conn.execute("SELECT analysis FROM articles WHERE article_id = 'a3'").fetchone()[0])  # type: ignore[attr-defined]
    assert doc["reliability"]["score"] == scores["a3"]
    assert [s["name"] for s in doc["reliability"]["signals"]] == ["speaker_conflict", "missing_byline"]
    # a no-op rebuild changes nothing; a corrected speaker takes the signal away and restores the score
    quotation_merge.rebuild(conn)  # type: ignore[arg-type]
    assert dict(conn.execute("SELECT article_id, reliability_score FROM articles").fetchall()) == scores  # type: ignore[attr-defined]
    conn.execute("UPDATE quotes SET speaker_name = 'Maria Vella', speaker_text = 'Vella' WHERE article_id = 'a3'")  # type: ignore[attr-defined]
    assert quotation_merge.up_to_date(conn)  # type: ignore[arg-type]  # no quote came or went: a run skips it
    quotation_merge.rebuild(conn, force=True)  # type: ignore[arg-type]
    assert set(dict(conn.execute("SELECT article_id, reliability_score FROM articles").fetchall()).values()) == {80}  # type: ignore[attr-defined]
    assert conn.execute("SELECT count(*) FROM signals WHERE name = 'speaker_conflict'").fetchone() == (0,)  # type: ignore[attr-defined]
    assert conn.execute("SELECT count(*) FROM quotations WHERE speaker_conflict").fetchone() == (0,)  # type: ignore[attr-defined]


def test_an_older_store_gains_the_tables(tmp_path: Path) -> None:
    import duckdb

    from tidings.store.schema import MIGRATIONS, connect

    path = tmp_path / "v3.duckdb"
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, "
                 "applied_at TIMESTAMP DEFAULT current_timestamp)")
    for number, description, statements in MIGRATIONS[:3]:
        for stmt in statements:
            conn.execute(stmt)
        conn.execute("INSERT INTO schema_version (version, description) VALUES (?, ?)", [number, description])
    conn.close()
    conn = connect(path)
    tables = {r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"quotations", "quotation_mentions"} <= tables


@pytest.mark.parametrize("speaker", ["she", None])
def test_no_speaker_never_conflicts(speaker: str | None) -> None:
    q = group_quotes([row("a", HARBOUR, "Maria Vella"), row("b", HARBOUR, None, speaker_text=speaker)])[0]
    assert conflicts(q) == []


# --------------------------------------------------------------------------- through ingest, real extraction

QUOTE = ("We will not reopen the border crossing until the smugglers who attacked our guards have been "
         "arrested and brought to court")
REPORTS = [
    ("port-1", "2026-06-02", "Harbour Herald",
     f"VALLETTA — The interior ministry closed the northern crossing on Monday after an attack on two guards.\n\n"
     f"“{QUOTE},” Interior Minister Maria Vella told reporters in Valletta.\n\n"
     "The crossing handles most of the island's freight traffic, and hauliers said the closure would cost them "
     "dearly if it lasted more than a week."),
    ("port-2", "2026-06-03", "Island Times",
     "VALLETTA — Freight companies warned of delays after the government shut the northern border crossing.\n\n"
     "Interior Minister Maria Vella said the crossing would stay shut: “We will not reopen the border crossing "
     "until the smugglers ... have been arrested and brought to court.”\n\n"
     "Police said two suspects had been questioned and released on Tuesday."),
    ("port-3", "2026-06-04", "Daily Wire Digest",
     "VALLETTA — A border crossing in the north remains closed as the search for smugglers goes on.\n\n"
     "“We will not reopen the frontier crossing until the smugglers who assaulted our guards have been "
     "arrested and brought to court,” Prime Minister Joseph Azzopardi said on Wednesday.\n\n"
     "Trade groups have asked the government to open a second crossing for perishable goods."),
]


def _records(tmp_path: Path, which: list[int]) -> Path:
    path = tmp_path / f"reports-{'-'.join(map(str, which))}.jsonl"
    path.write_text("".join(json.dumps({"id": REPORTS[i][0], "published": REPORTS[i][1], "source": REPORTS[i][2],
                                        "title": f"Crossing closed ({REPORTS[i][2]})", "text": REPORTS[i][3]}) + "\n"
                            for i in which), "utf-8")
    return path


def test_ingest_merges_real_extractions_and_flags_the_misattributed_copy(tmp_path: Path, analyzer: object) -> None:
    from tidings.store import connect, ingest, read_sources

    db = tmp_path / "store.duckdb"
    conn = connect(db)
    report = ingest(conn, read_sources([str(_records(tmp_path, [0, 1]))]), analyzer)
    assert report.counts.new == 2
    before = dict(conn.execute("SELECT id, reliability_score FROM articles").fetchall())
    assert conn.execute("SELECT count(*) FROM quotations WHERE speaker_conflict").fetchone() == (0,)
    report = ingest(conn, read_sources([str(_records(tmp_path, [2]))]), analyzer)
    assert report.quotations >= 1
    q = conn.execute("SELECT quotation_id, n_articles, n_sources, first_article_id, speaker_conflict FROM quotations "
                     "WHERE n_articles > 1").fetchall()
    assert len(q) == 1 and q[0][1:3] == (3, 3) and q[0][4]
    first = conn.execute("SELECT id FROM articles WHERE article_id = ?", [q[0][3]]).fetchone()
    assert first == ("port-1",)
    how = dict(conn.execute("SELECT a.id, m.\"match\" FROM quotation_mentions m JOIN articles a USING (article_id) "
                            "WHERE m.quotation_id = ?", [q[0][0]]).fetchall())
    assert how["port-2"] == "ellipsis" and how["port-3"] == "spun"
    after = dict(conn.execute("SELECT id, reliability_score FROM articles").fetchall())
    flagged = dict(conn.execute("SELECT a.id, s.evidence FROM signals s JOIN articles a USING (article_id) "
                                "WHERE s.name = 'speaker_conflict'").fetchall())
    assert set(flagged) == {"port-1", "port-2", "port-3"}
    assert after["port-1"] < before["port-1"] and after["port-2"] < before["port-2"]
    assert any("Vella" in e for e in flagged["port-3"])
    # the same articles ingested at once give the same quotations and scores
    conn2 = connect(tmp_path / "at-once.duckdb")
    ingest(conn2, read_sources([str(_records(tmp_path, [0, 1, 2]))]), analyzer)
    cols = "quotation_id, text, n_mentions, n_articles, speakers, speaker_conflict"
    assert conn2.execute(f"SELECT {cols} FROM quotations ORDER BY 1").fetchall() == \
        conn.execute(f"SELECT {cols} FROM quotations ORDER BY 1").fetchall()
    assert dict(conn2.execute("SELECT id, reliability_score FROM articles").fetchall()) == after
    conn.close()
    conn2.close()
    # the article page links the quote to its quotation and shows the conflict and the signal
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from tidings.web import create_app

    with TestClient(create_app(db)) as client:
        page = client.get("/articles/port-3").text
    assert f'href="/quotations/{q[0][0]}"' in page and "speaker conflict" in page and "Maria Vella" in page
