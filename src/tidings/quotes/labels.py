"""Speaker labels: a paragraph that opens with its speaker and a colon.

Hearing excerpts, interviews and debate write-ups set a speaker's words after a label instead of a
verb of saying:

    Rep. Dana Price (D-Ore.): "Who told you that the figure was right?"
    HOST: Why not debate?

A label is the paragraph's first words up to a colon: a name (a PERSON, ORG or NORP entity, with
a title before it and a parenthetical such as a party and state after it), or a transcript label
in capitals.  It holds no verb and ends no sentence.  Words after a named label in quotation marks
are a direct quote (``label_before``).  Without marks the words are a speaker's turn only in a
transcript: two labels in capitals or more, one of them coming back, so a lone "UPDATE:" or
"Note:" never makes one (``find_turns``).

A headline set the same way ("Rubio: I still believe Trump can't be trusted", "Poll: Clinton
leads in Ohio") is the headline writer's form of attribution: the words after the colon are the
named source's, marks or not (``find_headline``).  A section label ("BREAKING:", "Exclusive:") names
no source, and a topic before a colon ("Netanyahu and Obama: a tortured relationship") gives no
clause to attribute.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from tidings.model import Quote, Speaker
from tidings.quotes.marks import DOUBLE_MARKS
from tidings.quotes.predicates import INFORMATION_SOURCES
from tidings.quotes.speakers import Resolver, speaker_at
from tidings.quotes.unmarked import FIRST_PERSON_ANY

#: tokens a label may hold at most (title, name, parenthetical)
MAX_LABEL_TOKENS = 12
#: a transcript label: one to three words in capitals
_CAPS_LABEL = re.compile(r"[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}$")
_NAME_LABELS = ("PERSON", "ORG", "NORP")


#: a run-in head set off by a spaced dash before a label ("RED STATES OUTNUMBER BLUE - Jeffrey
#: Jones: "...""), as digests and newsletters set their items
_RUN_IN = re.compile(r".* [-\u2013\u2014]+ ")
#: a label naming where the words come from ("From the report:", "More from Jones:")
_FROM = re.compile(r"(?:[Mm]ore )?[Ff]rom ")


def label_at(text: str, doc: Doc, para_start: int, para_end: int,
             run_in: bool = False) -> tuple[Span, Span, int] | None:
    """The label opening the paragraph [para_start, para_end) (characters of ``text``, the text of
    ``doc``): (the whole label before the colon, the speaker in it, where the words after the
    colon start), or None.  With ``run_in`` the label may follow a run-in head and a dash."""
    colon = text.find(":", para_start, min(para_end, para_start + 240 if run_in else para_start + 120))
    if run_in and colon > 0:
        para_start = _after_run_in(text, para_start, colon)
    if colon < 0 or colon + 1 >= para_end or any(c in text[para_start:colon] for c in "!?\n") or not (
            text[colon + 1].isspace() or text[colon + 1] in DOUBLE_MARKS):
        return None
    label = doc.char_span(para_start, colon, alignment_mode="contract")
    if label is None or not 0 < len(label) <= MAX_LABEL_TOKENS or label.end_char > colon:
        return None
    if any(t.pos_ in ("VERB", "AUX") and not t.is_upper for t in label) or any(
            t.text in (".", "!", "?") for t in label):
        return None
    start = colon + 1
    while start < para_end and text[start].isspace():
        start += 1
    if _CAPS_LABEL.match(label.text):
        return label, label, start
    names = _names_in(label)
    people = [e for e in names if e.label_ == "PERSON"]
    if not names and run_in and _unrecognised_source(label):
        return label, label, start
    if not names:
        return None
    return label, (people or names)[-1], start


def _after_run_in(text: str, start: int, colon: int) -> int:
    """Where the label before ``colon`` starts once a run-in head and its dash, and a "More from"
    or "From", are passed over."""
    for prefix in (_RUN_IN, _FROM):
        found = prefix.match(text, start, colon)
        if found is not None:
            start = found.end()
    return start


def _unrecognised_source(label: Span) -> bool:
    """A label before a quotation that names its source though the model found no entity in it:
    two proper nouns or more ("Philip Bump"), or a document ("the report")."""
    words = [t for t in label if t.is_alpha]
    if len(words) >= 2 and all(t.pos_ == "PROPN" for t in words):
        return True
    return label.root.lemma_.lower() in INFORMATION_SOURCES and label.root.pos_ == "NOUN"


def _names_in(label: Span) -> list[Span]:
    """The PERSON, ORG and NORP entities inside a short span, from its tokens (``Span.ents``
    walks the whole document); one that runs into the span from before it counts from the span's
    start (the model may join a run-in head to the name after its dash)."""
    doc = label.doc
    out: list[Span] = []
    i = label.start
    while i < label.end:
        t = doc[i]
        if t.ent_type_ in _NAME_LABELS and (t.ent_iob_ == "B" or i == label.start):
            j = i + 1
            while j < label.end and doc[j].ent_iob_ == "I":
                j += 1
            out.append(Span(doc, i, j, label=t.ent_type_))
            i = j
        else:
            i += 1
    return out


def caps_label(label: Span) -> bool:
    return bool(_CAPS_LABEL.match(label.text))


def find_turns(text: str, doc: Doc, in_quote: list[bool], taken: list[tuple[int, int]],
               paragraphs: list[tuple[int, int]], resolver: Resolver) -> list[Quote]:
    """Unmarked turns of a transcript: each paragraph after a capitals label, to its end."""
    turns: list[tuple[Span, int, int]] = []
    for ps, pe in paragraphs:
        found = label_at(text, doc, ps, pe)
        if found is None or not caps_label(found[0]):
            continue
        label, _, start = found
        end = pe
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            turns.append((label, start, end))
    # "KATE BOULDUAN:" then "BOULDUAN:" is one speaker coming back
    names = [label.text.split()[-1] for label, _, _ in turns]
    if len(set(names)) < 2 or len(set(names)) == len(names):
        return []
    out: list[Quote] = []
    for label, start, end in turns:
        a = doc.char_span(start, end, alignment_mode="expand")
        if a is None or any(in_quote[a.start:a.end]):
            continue  # quotation marks: the marked passes own it
        if any(not (end <= ts or start >= te) for ts, te in taken):
            continue
        name = resolver.canonical(label.text.title())
        speaker = Speaker(text=label.text, name=name, actor=None, start=label.start_char,
                          end=label.end_char)
        out.append(Quote(text=text[start:end], start=start, end=end, kind="unmarked", cue=None,
                         speaker=speaker, confidence=0.7))
    return out


#: words that label a headline's section or genre, never its source
SECTION_LABELS = frozenset(
    "breaking exclusive update updated watch look wow boom revealed busted video photos photo "
    "leaked bombshell opinion analysis commentary review explainer live alert editorial "
    "byline correction".split()
)
#: common nouns that are a headline's source: documents that report and groups that speak
#: ("Poll: ...", "Insiders: ...", "Historians: ...")
HEADLINE_SOURCES = INFORMATION_SOURCES | frozenset(
    "insider historian expert official analyst economist source aide critic lawmaker voter "
    "strategist adviser advisor ally editorial memo filing lawsuit".split()
)
#: tokens a headline may hold at most
MAX_HEADLINE_TOKENS = 40


def _headline_source(label: Span) -> Span | None:
    """The source a headline's label names: a name in it, or a reporting document or group."""
    words = [t for t in label if t.is_alpha]
    if not words or any(t.lower_ in SECTION_LABELS for t in words) and len(words) == 1:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in label):
        return None
    names = _names_in(label)
    if names:
        return names[-1]
    head = words[-1]
    if head.lemma_.lower() in HEADLINE_SOURCES or head.lower_ in HEADLINE_SOURCES:
        return label
    if all(t.pos_ == "PROPN" for t in words) and not caps_label(label):
        return label
    return None


def find_headline(text: str, doc: Doc, in_quote: list[bool], taken: list[tuple[int, int]],
                  paragraphs: list[tuple[int, int]], resolver: Resolver) -> list[Quote]:
    """The attribution of a headline in the form "Source: words" (the text's first paragraph)."""
    if len(paragraphs) < 2:
        return []  # a headline stands over a body
    ps, pe = paragraphs[0]
    colon = text.find(":", ps, pe)
    line = doc.char_span(ps, pe, alignment_mode="expand")
    if colon < 0 or line is None or len(line) > MAX_HEADLINE_TOKENS or "\n" in text[ps:pe].strip():
        return []
    label = doc.char_span(ps, colon, alignment_mode="contract")
    if label is None or not 0 < len(label) <= 5:
        return []
    source = _headline_source(label)
    if source is None:
        return []
    start, end = colon + 1, pe
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;"):
        end -= 1
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or any(not (end <= ts or start >= te) for ts, te in taken):
        return []
    alpha = [t for t in words if t.is_alpha]
    quoted = [t for t in alpha if in_quote[t.i]]
    clause = any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ == "to" and t.head.pos_ == "VERB"
                 for t in words)
    if not alpha or not (quoted or clause) or (text[start:end].rstrip().endswith("?") and not quoted):
        return []
    if len(quoted) == len(alpha):
        kind = "direct"
        while start < end and not text[start].isalnum():
            start += 1  # the marks and the comma or full stop inside them
        while end > start and not text[end - 1].isalnum() and text[end - 1] not in "!?":
            end -= 1
    elif quoted:
        kind = "mixed"
    elif not FIRST_PERSON_ANY.isdisjoint(t.lower_ for t in alpha):
        kind = "unmarked"  # the source's own words, the marks left out
    else:
        kind = "indirect"
    speaker, factor = speaker_at(text, source.root, resolver)
    if speaker is not None and source is label:
        speaker.text, speaker.start, speaker.end = label.text, label.start_char, label.end_char
    return [Quote(text=text[start:end], start=start, end=end, kind=kind, cue=":", speaker=speaker,
                  confidence=0.6 * factor, cue_start=colon, cue_end=colon + 1)]
