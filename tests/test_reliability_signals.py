"""The newer reliability detectors: second datelines, spinner vocabulary, first person in
reported speech, quotes with a speaker nearby, and sentence splitting around abbreviations."""

from __future__ import annotations

import pytest

from tidings.ingest.text import extract_text
from tidings.model import Article
from tidings.reliability.quoting import unattributed_quotes
from tidings.reliability.stitching import second_lead
from tidings.reliability.text import QuoteMask
from tidings.reliability.vocabulary import said_substitutes
from tidings.store.dedup import sentence_spans


def _names(analysis) -> set[str]:
    return {s.name for s in analysis.reliability.signals}


def _signal(analysis, name: str):
    return next(s for s in analysis.reliability.signals if s.name == name)


# --------------------------------------------------------------------------- second_lead

RATES = [
    "NAIROBI, April 9 (Wire) - Kenya's central bank raised its main lending rate by half a point on Tuesday "
    "to slow inflation.",
    "The bank said food and fuel prices had risen faster than expected since January.",
    "Traders in Nairobi said the shilling gained against the dollar after the decision.",
]


def _lead_names(fourth: str) -> list[str]:
    return [f.name for f in second_lead(Article(id="x", text="\n\n".join([*RATES, fourth])))]


@pytest.mark.parametrize("fourth", [
    "GENEVA (Reuters) - The World Health Organization said on Tuesday a new vaccine against malaria was ready "
    "for use in children.",
    "KAMPALA \u2014 Uganda's parliament approved a new budget for roads and schools on Tuesday.",
    "MOMBASA, April 9 \u2014 Dock workers at the port went on strike on Tuesday over unpaid wages.",
    "S\u00c3O PAULO (Wire) - Brazil's central bank cut its main rate by a quarter point on Wednesday.",
    "BOGOT\u00c1 \u2014 Colombia's senate approved a new budget for roads on Tuesday.",
], ids=["wire-in-brackets", "caps-place-dash", "caps-place-date", "accented-caps-wire", "accented-caps-dash"])
def test_second_dateline_mid_body_fires(fourth: str) -> None:
    """A paragraph after the first that opens with a dateline is the top of another report."""
    assert _lead_names(fourth) == ["second_lead"]


@pytest.mark.parametrize("fourth", [
    "Economists expect the bank to hold rates steady at its next meeting in June.",
    "THE MINISTRY said it would publish new inflation figures next week.",
    "WHAT COMES NEXT \u2014 The bank will meet again in June to review the rate.",
    "The governor \u2014 who took office last year \u2014 said more rises could follow.",
], ids=["plain", "caps-phrase", "three-word-subhead", "dash-aside"])
def test_single_dateline_or_ordinary_opening_does_not_fire(fourth: str) -> None:
    """One dateline at the top, then paragraphs that open on ordinary (even capitalised) words."""
    assert _lead_names(fourth) == []


def test_dateline_at_the_top_after_a_kicker_does_not_fire() -> None:
    """A kicker line above the real dateline: the dateline is still the article's own top."""
    text = "\n\n".join(["BREAKING", "NAIROBI (Wire) - Kenya's central bank raised its main lending rate on Tuesday.",
                        *RATES[1:]])
    assert second_lead(Article(id="k", text=text)) == []


@pytest.mark.xfail(strict=True, reason="second_lead's own comment names 'QUESTIONABLE CLAIMS \u2014' as a run-in "
                   "subhead to skip, but a two-word capitalised phrase passes the place test (<= 2 words)")
def test_two_word_run_in_subhead_is_not_a_dateline() -> None:
    """The run-in subhead the detector's comment gives as its example of 'not a place'."""
    assert _lead_names("QUESTIONABLE CLAIMS \u2014 Some analysts doubted the bank's inflation figures.") == []


def test_second_lead_reaches_the_signals_with_its_span(analyzer) -> None:
    """Through the whole analysis: the signal is reported, its span on the second dateline."""
    text = "\n\n".join([*RATES, "GENEVA (Reuters) - The World Health Organization said on Tuesday a new vaccine "
                        "against malaria was ready for use in children."])
    analysis = analyzer.analyze(Article(id="lead", text=text))
    sig = _signal(analysis, "second_lead")
    ((a, b),) = sig.spans
    assert text[a:b].startswith("GENEVA (Reuters)")
    assert text.rfind("\n\n", 0, a) == a - 2  # at the start of a paragraph


# --------------------------------------------------------------------------- fresh_lead

HARBOUR = [
    "MOMBASA, April 9 (Wire) - Kenya's ports authority opened a new container berth at Mombasa on Tuesday, "
    "adding room for 450,000 containers a year.",
    "The berth, built by a Japanese contractor, took four years and cost about $300 million.",
    "Shipping lines said the new berth would cut waiting times for vessels calling at the port.",
    "The authority said it expected cargo volumes to rise by a tenth this year.",
]


def _fresh(last: str) -> list[str]:
    return _names_of(HARBOUR + [last])


def _names_of(paras: list[str]) -> list[str]:
    from tidings.reliability.stitching import fresh_leads
    from tidings.nlp import load

    text = "\n\n".join(paras)
    return [f.name for f in fresh_leads(Article(id="f", text=text), load()(text))]


@pytest.mark.parametrize("last", [
    "The Reserve Bank of Australia kept its cash rate unchanged at 3.6 percent on Tuesday.",
    "Samsung Electronics said on Tuesday it would invest $8 billion in a new chip plant in Texas.",
], ids=["new-name-acts-on-a-day", "new-name-said-on-a-day"])
def test_a_lead_deep_in_the_body_fires(analyzer, last: str) -> None:  # type: ignore[no-untyped-def]
    """A name the article had not used, doing something on a named day: another report's lead."""
    assert _fresh(last) == ["fresh_lead"]


@pytest.mark.parametrize("last", [
    "The authority's managing director said on Tuesday that a second berth would follow in 2027.",
    "Kenya's ports authority said on Tuesday that a second berth would follow in 2027.",
    '"We are ready for bigger ships," Captain William Ruto said on Tuesday.',
    "Dock workers, who went on strike on Monday, returned to work at the new berth.",
    "Maersk said the new berth would cut its waiting times.",
], ids=["no-name-subject", "name-used-before", "quotation", "day-in-a-relative-clause", "no-day"])
def test_a_continuing_paragraph_does_not_fire(analyzer, last: str) -> None:  # type: ignore[no-untyped-def]
    assert _fresh(last) == []


def test_fresh_lead_reaches_the_signals_with_its_span(analyzer) -> None:  # type: ignore[no-untyped-def]
    last = "The Reserve Bank of Australia kept its cash rate unchanged at 3.6 percent on Tuesday."
    text = "\n\n".join(HARBOUR + [last])
    sig = _signal(analyzer.analyze(Article(id="fresh", text=text)), "fresh_lead")
    ((a, b),) = sig.spans
    assert text[a:b].startswith("The Reserve Bank") and text.rfind("\n\n", 0, a) == a - 2


def test_an_early_paragraph_is_not_judged(analyzer) -> None:  # type: ignore[no-untyped-def]
    """The lead's own background (second and third paragraphs) may name new people on a day."""
    paras = HARBOUR[:2] + ["The Reserve Bank of Australia kept its cash rate unchanged at 3.6 percent on Tuesday."]
    assert _names_of(paras) == []


# --------------------------------------------------------------------------- spinner_vocabulary

SUBSTITUTES = """ACCRA, Feb 3 (Wire) - Ghana's finance minister stated on Monday that the government would cut fuel subsidies by half this year.

"We cannot keep paying for cheap petrol with borrowed money," the minister asserted at a news conference in Accra.

Union leader Kofi Mensah declared that workers would strike if transport fares rose before wages did.

The central bank governor remarked that inflation had slowed for a third month in a row.

"The cedi is stable and the reserves are growing," the governor said."""

SAID = (SUBSTITUTES.replace("stated", "said").replace("asserted", "said")
        .replace("declared", "told reporters").replace("remarked", "said"))
ONE_SUBSTITUTE = SAID.replace("the minister said at", "the minister stated at")


def test_substitute_list_holds_the_verbs_used_here() -> None:
    """The inputs below rely on these lemmas being listed as formal stand-ins for "said"."""
    assert {"state", "assert", "declare", "remark"} <= said_substitutes()
    assert not {"say", "tell", "add"} & said_substitutes()


def test_cues_mostly_formal_substitutes_fire(analyzer) -> None:
    """Quote after quote attributed with "stated", "asserted", "declared", "remarked"."""
    analysis = analyzer.analyze(Article(id="subs", text=SUBSTITUTES))
    sig = _signal(analysis, "spinner_vocabulary")
    cues = {SUBSTITUTES[a:b] for a, b in sig.spans}
    assert {"stated", "asserted", "declared", "remarked"} <= cues
    assert "said" not in cues


def test_said_and_told_do_not_fire(analyzer) -> None:
    """The same report attributed with "said" and "told" is news style."""
    assert "spinner_vocabulary" not in _names(analyzer.analyze(Article(id="said", text=SAID)))


def test_one_substitute_among_many_said_does_not_fire(analyzer) -> None:
    """A single "stated" among "said" cues is within ordinary reporting."""
    analysis = analyzer.analyze(Article(id="one", text=ONE_SUBSTITUTE))
    assert any(q.cue == "stated" for q in analysis.quotes)  # the substitute is a cue all the same
    assert "spinner_vocabulary" not in _names(analysis)


# --------------------------------------------------------------------------- first person in reported speech

BORDER_LEAD = ("CARACAS, Sept 14 (Wire) - Venezuela's defence minister rejected on Thursday a proposal by "
               "neighbouring Guyana to settle a border dispute through international arbitration.\n\n")
BORDER_TAIL = ("\n\nGuyana's foreign ministry said it would take the dispute to the International Court of Justice "
               "next month.\n\nDiplomats in the region said talks between the two countries had stalled since the "
               "summer.")
REPORTED_FIRST = (BORDER_LEAD + "The minister said we will never accept the deal, and our army is ready to defend "
                  "the border." + BORDER_TAIL)
QUOTED_FIRST = (BORDER_LEAD + "\u201cWe will never accept the deal, and our army is ready to defend the border,\u201d "
                "the minister said." + BORDER_TAIL)
REPORTED_THIRD = (BORDER_LEAD + "The minister said his government would never accept the deal, and its army is "
                  "ready to defend the border." + BORDER_TAIL)


def test_first_person_in_indirect_speech_is_unquoted(analyzer) -> None:
    """Indirect speech that keeps the speaker's "we"/"our" is a quote with its marks missing."""
    analysis = analyzer.analyze(Article(id="rep", text=REPORTED_FIRST))
    sig = _signal(analysis, "first_person_unquoted")
    assert any("we will never accept" in REPORTED_FIRST[a:b] for a, b in sig.spans)


@pytest.mark.parametrize("text", [QUOTED_FIRST, REPORTED_THIRD], ids=["inside-marks", "third-person"])
def test_first_person_inside_marks_or_shifted_person_does_not_count(analyzer, text: str) -> None:
    """The same words inside quotation marks, or shifted to "his"/"its", are proper reporting."""
    assert "first_person_unquoted" not in _names(analyzer.analyze(Article(id="q", text=text)))


STRIPPED_TRAILING_CUE = (BORDER_LEAD + "We will never accept the deal, and our army is ready to defend the border, "
                         "the minister told a news conference on Sunday." + BORDER_TAIL)
STRIPPED_PARAGRAPH = (BORDER_LEAD + "Carlos Mendoza, a 61-year-old farmer, has lived beside the disputed river all "
                      "his life.\n\nWe will not give up our land. Our families have farmed here for a hundred "
                      "years." + BORDER_TAIL + "\n\nThe border runs for more than 700 kilometres through forest "
                      "and savannah. Both armies have posted troops near the river this year. A regional summit "
                      "on the dispute is planned for November. Oil companies have paused drilling in the area.")
STRIPPED_COORDINATED = (BORDER_LEAD + "We did not sign anything today, but we came back with a method, and the "
                        "method is what matters, the minister told reporters at the airport." + BORDER_TAIL
                        + "\n\nThe border runs for more than 700 kilometres through forest and savannah. Both armies "
                        "have posted troops near the river this year. A regional summit on the dispute is planned "
                        "for November. Oil companies have paused drilling in the area.")
WRITER_IN_FIRST_PERSON = (BORDER_LEAD + "Carlos Mendoza, a 61-year-old farmer, has lived beside the disputed river "
                          "all his life.\n\nThe farmers I spoke to this week were worried about the harvest."
                          + BORDER_TAIL)


STRIPPED_AFTER_COLON = (BORDER_LEAD + "The minister said the army was ready. He added: Defending the river is "
                        "a duty for all of us and for our children." + BORDER_TAIL
                        + "\n\nThe border runs for more than 700 kilometres through forest and savannah. Both armies "
                        "have posted troops near the river this year. A regional summit on the dispute is planned "
                        "for November. Oil companies have paused drilling in the area.")


#: the speaker's "my" owning the subject, in a sentence beside one that reports speech
STRIPPED_POSSESSIVE = (BORDER_LEAD + "Lawyer Ana Ruiz, who represents the farmers, spoke after the hearing.\n\n"
                       "My clients have farmed this valley for generations. They are being pushed off their land "
                       "by soldiers, she told reporters." + BORDER_TAIL)

#: a speaker's paragraph that goes on through a sentence of no person ("The water is gone.")
STRIPPED_PARAGRAPH_MIXED = (BORDER_LEAD + "At a briefing in the capital, the army chief Jorge Salas said the "
                            "patrols would continue.\n\nWe understand the fear in the villages. The river has "
                            "flooded twice this year. Our soldiers are there day and night, and we will stay."
                            + BORDER_TAIL)


@pytest.mark.parametrize("text, words", [(STRIPPED_PARAGRAPH_MIXED, "We understand the fear"),
                                         (STRIPPED_POSSESSIVE, "My clients have farmed"),
                                         (STRIPPED_TRAILING_CUE, "We will never accept"),
                                         (STRIPPED_PARAGRAPH, "We will not give up"),
                                         (STRIPPED_COORDINATED, "We did not sign anything"),
                                         (STRIPPED_AFTER_COLON, "Defending the river")],
                         ids=["paragraph-through-a-sentence-of-no-person", "possessive-subject", "trailing-cue", "paragraph-after-its-speaker", "cue-after-coordinated-clauses",
                              "after-a-cue-and-a-colon"])
def test_a_speakers_first_person_without_marks_is_a_stripped_quote(analyzer, text: str, words: str) -> None:
    """A speaker's own "we" before a trailing "the minister told reporters", or as a paragraph
    of its own after the paragraph that introduces the speaker, is a quote with its marks gone."""
    sig = _signal(analyzer.analyze(Article(id="s", text=text)), "first_person_unquoted")
    assert any(words in text[a:b] for a, b in sig.spans), sig.spans


def test_a_first_person_clause_joined_to_a_reported_one_by_and_is_no_stripped_quote(analyzer) -> None:
    """"We met the minister, and she told us the border would stay closed": the writer's "we",
    and a cue joined by "and" that reports only its own clause."""
    text = (BORDER_LEAD + "We met the minister in Caracas on Friday, and she told reporters the border would stay "
            "closed." + BORDER_TAIL)
    assert "first_person_unquoted" not in _names(analyzer.analyze(Article(id="w2", text=text)))


def test_a_writers_own_first_person_in_a_clause_is_no_stripped_quote(analyzer) -> None:
    """"The farmers I spoke to": the writer's reporting, not a speaker's words."""
    analysis = analyzer.analyze(Article(id="w", text=WRITER_IN_FIRST_PERSON))
    assert "first_person_unquoted" not in _names(analysis)


#: a report quoted so heavily that its stripped first person passes a fifth of the sentences:
#: every first-person sentence stands beside the speech it belongs to, or goes on from one
HEAVILY_STRIPPED = (BORDER_LEAD + "Farmers along the river said the troops had cut their fields in two.\n\n"
                    "We are not against the soldiers. But nobody came to my farm to ask. A fence arrived with "
                    "a patrol, and that has been the extent of it.\n\nThe governor said the army would leave "
                    "by March. We have heard that promise before, a village elder said." + BORDER_TAIL)


def test_stripped_quotes_beside_their_speech_count_however_many_there_are(analyzer) -> None:
    """Above the share of first-person sentences that marks a narrator's voice, sentences that
    stand beside reported speech, and the ones that go on from them in the paragraph, are still
    a speaker's words with their marks gone."""
    sig = _signal(analyzer.analyze(Article(id="hs", text=HEAVILY_STRIPPED)), "first_person_unquoted")
    found = [HEAVILY_STRIPPED[a:b] for a, b in sig.spans]
    assert any("nobody came to my farm" in f for f in found), found


IN_SINGLE_MARKS = (BORDER_LEAD + "'We will never accept the deal. Our army is ready to defend the border,' the "
                   "minister told reporters. ‘Our families have farmed here for a hundred years,’ said "
                   "Carlos Mendoza, a farmer." + BORDER_TAIL)


def test_quotes_in_single_marks_are_quotes(analyzer) -> None:
    """The British convention ('We will ...,' the minister said), straight or curly, spanning
    sentences, is quoting, not first person let loose in the narrative."""
    assert "first_person_unquoted" not in _names(analyzer.analyze(Article(id="sq", text=IN_SINGLE_MARKS)))
    stripped = IN_SINGLE_MARKS.replace("'", "").replace("‘", "").replace("’", "")
    assert "first_person_unquoted" in _names(analyzer.analyze(Article(id="sq2", text=stripped)))


@pytest.mark.parametrize("text, quoted", [
    ("'We were never against it. We wanted other options,' he said.", ["We were never against it"]),
    ("The farmers' union said it didn't back the '90s plan.", []),
    ("He called it 'a disgrace' and 'unacceptable'.", ["a disgrace"]),
])
def test_single_marks_pair_around_words_not_apostrophes(text: str, quoted: list[str]) -> None:
    spans = [text[a:b] for a, b in QuoteMask(text).spans]
    assert len(spans) == len(quoted) and all(q in s for q, s in zip(quoted, spans)), spans


# --------------------------------------------------------------------------- unattributed quotes

FLOOD_LEAD = ("DHAKA, Aug 21 (Wire) - Floods swept through three districts of northern Bangladesh on Monday, "
              "forcing thousands of families from their homes.\n\n")
FLOOD_TAIL = "\n\nThe disaster ministry said rescue boats had reached most of the flooded villages by Monday evening."

ATTRIBUTED_NEARBY = {
    # the sentence before, in the same paragraph, introduces the speaker
    "previous-sentence": ("Rahima Begum, a teacher who has lived in the village for thirty years, said the water rose "
                          "during the night. \u201cWe will not leave our homes because of the water.\u201d"),
    # the quote's own short tag after a sentence introducing her
    "she-added": ("Rahima Begum, a teacher in the village, watched the water rise from her roof. "
                  "\u201cWe will not leave our homes, whatever happens,\u201d she added."),
    "said-jones": "\u201cThe river has never risen this fast in living memory,\u201d said Jones.",
    # the next sentence in the paragraph names the speaker
    "next-sentence": ("\u201cThe river has never risen this fast in living memory.\u201d The dam was built for much "
                      "smaller floods, said Jones."),
}
FREE_FLOATING = ("The water reached the rooftops of the school before dawn.\n\n"
                 "\u201cNobody is coming to help the people of this valley before the rain stops.\u201d")


def _fallback_unattributed(text: str):
    """The detector's own fallback (no extractor quotes): quoted sentences and their neighbours."""
    from tidings import nlp

    doc = nlp.load()(text)
    return unattributed_quotes([], doc, QuoteMask(text))


@pytest.mark.parametrize("body", list(ATTRIBUTED_NEARBY.values()), ids=list(ATTRIBUTED_NEARBY))
def test_quote_with_speaker_nearby_is_attributed(analyzer, body: str) -> None:
    """A quoted sentence whose own tag or neighbouring sentence names the speaker has one."""
    text = FLOOD_LEAD + body + FLOOD_TAIL
    assert "unattributed_quotes" not in _names(analyzer.analyze(Article(id="near", text=text)))
    assert _fallback_unattributed(text) == []


def test_free_floating_quote_is_unattributed(analyzer) -> None:
    """A quote alone in its paragraph, with no speaker in it or around it, has no speaker."""
    text = FLOOD_LEAD + FREE_FLOATING + FLOOD_TAIL
    for found in (_fallback_unattributed(text),
                  [s for s in analyzer.analyze(Article(id="free", text=text)).reliability.signals
                   if s.name == "unattributed_quotes"]):
        assert [f.name for f in found] == ["unattributed_quotes"]
        ((a, b),) = found[0].spans
        assert "Nobody is coming to help" in text[a:b]


# --------------------------------------------------------------------------- sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


@pytest.mark.parametrize("first", [
    "Mr. Smith met Dr. Jones at the embassy on Monday.",
    "U.S. Ambassador Ruth Cole arrived in Hanoi on Monday.",
    "Officials from the U.S. State Department met them on Monday.",
    "The novel by J. R. Smith won the prize on Monday.",
    "Gov. Hale and Sen. Ortiz met Gen. Park in St. Paul on Monday.",
])
def test_titles_and_initials_do_not_end_a_sentence(first: str) -> None:
    """A full stop after a title or an initial, before a capitalised name, is not a boundary."""
    text = first + " They talked for an hour."
    assert _sentences(text) == [first, "They talked for an hour."]


def test_full_stop_before_a_capital_ends_a_sentence() -> None:
    """End punctuation (with closing quotes) before a capital, and line breaks, are boundaries."""
    text = ("The talks ended on Monday. Both sides left Geneva. Will they meet again? "
            "\u201cWe hope so.\u201d The EU. Leaders said nothing.\nA new line starts here")
    assert _sentences(text) == [
        "The talks ended on Monday.", "Both sides left Geneva.", "Will they meet again?",
        "\u201cWe hope so.\u201d", "The EU.", "Leaders said nothing.", "A new line starts here",
    ]
    # a lower-case word after the stop does not start a sentence
    assert _sentences("U.S. officials said the talks would resume.") == ["U.S. officials said the talks would resume."]


LAGOS_RATES = [
    "LAGOS, June 3 (Wire) - Nigeria's central bank raised its benchmark interest rate on Tuesday to curb "
    "inflation, which reached its highest level in nearly three decades last month.",
    "The bank's monetary policy committee voted to lift the rate by 50 basis points, the governor told "
    "a news conference in Abuja after a two-day meeting.",
    "Inflation has been driven by the rising cost of food and fuel, and by a weaker naira that has made "
    "imports more expensive for traders and manufacturers.",
]


def test_an_agency_credit_line_is_no_jump_to_another_topic(analyzer) -> None:
    """"(Reporting by A; Editing by B)" closes a wire report: names with no topic of their own."""
    paras = LAGOS_RATES + [
        "The governor said the committee would keep watching prices and the exchange rate before its next "
        "meeting in July.",
    ]
    credit = "(Reporting by Abiodun Okafor; Additional reporting by Chinedu Eze and Tunde Bakare; Editing by Martina Kowalski)"
    with_credit = "\n\n".join(paras + [credit])
    assert "topic_break" not in _names(analyzer.analyze(Article(id="c", text=with_credit)))
    # the same closing paragraph about an unrelated matter is a jump
    jump = ("Separately, a Portuguese football club announced a new stadium sponsor after a season of "
            "disappointing league results and falling ticket sales.")
    assert "topic_break" in _names(analyzer.analyze(Article(id="j", text="\n\n".join(paras + [jump]))))



@pytest.mark.parametrize("para", [
    # a quotation: someone the report turns to
    "\u201cEvery morning my customers ask whether bread will cost more tomorrow, and I cannot answer them,\u201d "
    "said Funke Adeyemi, who runs a bakery near Yaba market.",
    # "the" and a general noun name again what the report named
    "The decision now goes to the finance ministry, where officials are weighing subsidies for bakers, "
    "millers and transport unions.",
], ids=["quotation", "general-noun"])
def test_a_paragraph_that_continues_the_report_is_no_jump(analyzer, para: str) -> None:
    text = "\n\n".join(LAGOS_RATES + [para])
    assert "topic_break" not in _names(analyzer.analyze(Article(id="q", text=text)))


def test_a_picture_line_at_the_foot_weighs_less_than_one_pasted_mid_body(analyzer) -> None:  # type: ignore[no-untyped-def]
    paras = ["Thousands of farmers blocked roads in Warsaw on Monday to protest against grain imports.",
             "The agriculture minister said he would meet union leaders on Thursday.",
             "Police said the protest was peaceful and no one was detained."]
    mid = "\n\n".join([paras[0], "A tractor convoy moves along the A2 motorway near Warsaw, March 2, 2024.", *paras[1:]])
    foot = "\n\n".join([*paras, "Photo: Polish Press Agency"])

    def ingested(text: str) -> Article:
        ext = extract_text(text)
        return Article(id="c", text=ext.text, removed=ext.removed)

    at_mid = _signal(analyzer.analyze(ingested(mid)), "pasted_caption")
    at_foot = _signal(analyzer.analyze(ingested(foot)), "pasted_caption")
    assert at_foot.weight < at_mid.weight and at_foot.severity == "low", (at_foot, at_mid)


@pytest.mark.parametrize("para, pasted", [
    # a caption and its credit in brackets pasted into a paragraph, between or inside sentences
    ("Prosecutors said he would knock on doors offering to fix loose tiles. John Reed was jailed for four "
     "years (Image: Cumbria Police) He would then climb on to the roof and demand cash.", True),
    ("Crews plan to burn bushland near A hazard reduction burn near Mount Victoria on Saturday. (Supplied: NSW "
     "RFS) Katoomba, Blackheath and Springwood over the next six weeks.", True),
    ("The site covers 137 square kilometres Offshore turbines in the Baltic Sea (file photo) and lies next to "
     "the first area.", True),
    # brackets of prose name no picture
    ("The council (which met on Monday) said the photo exhibition would open in May.", False),
    ("Residents with credit (or debit) cards can pay online, the council said.", False),
])
def test_a_picture_credit_in_brackets_inside_a_paragraph_is_a_pasted_caption(analyzer, para: str, pasted: bool) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(["Thousands of farmers blocked roads in Warsaw on Monday to protest against grain imports.",
                       para, "Police said the protest was peaceful and no one was detained."])
    assert ("pasted_caption" in _names(analyzer.analyze(Article(id="p", text=text)))) is pasted


@pytest.mark.parametrize("text, found", [
    # a spinner's unresolved alternatives and a template's unfilled slots
    ("A {local|regional} farmer has {found|discovered|uncovered} a rare orchid near Nakuru.", 2),
    ("Residents of [INSERT CITY] may see higher water bills next year, officials said.", 1),
    ("Prices in {{city}} rose by 4 percent, the survey for %%KEYWORD%% found.", 2),
    # braces and brackets of edited text are no residue
    ("The court's ruling [in the 2019 case] set the standard, he said {sic}.", 0),
    ("The bill passed 52-48, with the {amended} clause intact.", 0),
])
def test_spinner_and_template_syntax_left_in_the_text_is_residue(text: str, found: int) -> None:
    from tidings.reliability.residue import template_residue

    got = template_residue(Article(id="t", text=text, title="A headline"))
    assert len(got[0].evidence) == found if found else not got, got
    if found:
        s, e = got[0].spans[0]
        assert text[s:e].startswith(("{", "[", "%"))
