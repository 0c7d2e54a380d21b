"""Quote hygiene: quotes with no speaker, quotes whose marks were stripped, cue-less speaker changes.

``unattributed_quotes`` uses the quote extractor's output when it has any; otherwise a small
detector of its own finds sentence-length quotes with no speech cue in their sentence.
``first_person_unquoted`` is computed from the parse alone: in a report written in the third
person, a first-person sentence outside quotation marks is most often a quote whose marks were
stripped.  When the narrator speaks in the first person throughout, that is opinion voice (a style
signal in ``style.py``), not stripped quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.model import Article, Quote
from tidings.parsed import children_of, parsed
from tidings.reliability.findings import Finding, clip, ramp
from tidings.reliability.text import (
    QuoteMask,
    Sentence,
    has_according_to,
    is_first_person,
    is_speech_cue,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})
#: a narrative with at most this share of first-person sentences is a third-person report
THIRD_PERSON_MAX_SHARE = 0.2
#: first-person narrative sentences above this share is a first-person (opinion/blog) narrator
MIN_QUOTE_WORDS = 5
#: above THIRD_PERSON_MAX_SHARE, the first-person sentences are still stripped quotes when at
#: least this share of them is framed by reported speech (a cue beside them)
SPEECH_FRAMED_SHARE = 0.75


@dataclass
class _Q:
    start: int
    end: int
    text: str
    attributed: bool
    continued: bool  # the quote runs on from a quote that opened earlier (floating continuation)


#: nouns that attribute the words that follow or precede them ("in a statement", "his response:")
ATTRIBUTION_NOUNS = frozenset(
    """statement response remark remarks comment comments tweet post interview speech words message
    letter release testimony briefing conference""".split()
)


def _sentence_has_cue(sent: Span, mask: QuoteMask) -> bool:
    for tok in sent:
        if mask.token_inside(tok):
            continue
        if is_speech_cue(tok) or tok.lemma_.lower() in ATTRIBUTION_NOUNS:
            return True
    if sent.text.rstrip().endswith(":"):
        return True
    return has_according_to(sent) and not all(mask.token_inside(t) for t in sent)


def _introduces(sent: Span, mask: QuoteMask) -> bool:
    """A sentence in the neighbouring paragraph that names the speaker of a free-standing quote:
    it ends in a colon, or it is a bare attribution ("Smith said in an interview.") whose speech
    verb carries no content of its own (no clausal complement, no quotation)."""
    if sent.text.rstrip().endswith(":"):
        return True
    if any(mask.token_inside(t) for t in sent):
        return False
    for tok in sent:
        if is_speech_cue(tok) and not any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in tok.children):
            return True
    return False


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return "\n\n" not in text[min(a, b) : max(a, b)]


def _attributed_nearby(text: str, sents: list[Span], mask: QuoteMask, qs: int, qe: int) -> bool:
    """Whether a quote's sentence has a speech cue outside the quotation, or, for a quote that
    is its whole sentence, the sentence before or after it in the paragraph has one (or the
    paragraph before introduces it)."""
    idx = [i for i, s in enumerate(sents) if s.start_char < qe and s.end_char > qs]
    if not idx:
        return False
    if any(_sentence_has_cue(sents[i], mask) for i in idx):
        return True
    for j in (idx[0] - 1, idx[-1] + 1):
        if not 0 <= j < len(sents):
            continue
        if _same_paragraph(text, sents[j].start_char, qs):
            if _sentence_has_cue(sents[j], mask):
                return True
        elif j < idx[0] and _introduces(sents[j], mask):
            return True
    return False


def own_quotes(doc: Doc, mask: QuoteMask) -> list[_Q]:
    """Free-standing quoted sentences (a quote that is the whole sentence), and whether the
    sentence or its neighbours in the paragraph say who speaks.  Quotes embedded in a narrative
    sentence are left to the quote extractor: this fallback stays on the safe side."""
    view = parsed(doc)
    text = view.text
    sents = [s for s in view.sents if text[s.start_char:s.end_char].strip()]
    out: list[_Q] = []
    for qs, qe in mask.spans:
        inner = text[qs + 1 : qe - 1] if qe - qs > 2 else ""
        if len(inner.split()) < MIN_QUOTE_WORDS:
            continue
        idx = [i for i, s in enumerate(sents) if s.start_char < qe and s.end_char > qs]
        if not idx:
            continue
        quoted = doc.char_span(qs, qe, alignment_mode="expand")
        if quoted is None or not any(t.pos_ in ("VERB", "AUX") for t in quoted):
            continue  # a title or a name in quotes, not a statement
        outside = [t for i in idx for t in sents[i] if t.is_alpha and not mask.token_inside(t)]
        if len(outside) > 3:
            continue  # embedded in a narrative sentence
        # a quote running on from the previous paragraph's unclosed quote
        before = text[:qs].rstrip()
        if before and text[len(before) : qs].count("\n") >= 2 and mask.inside(len(before) - 1):
            continue
        attributed = any(_sentence_has_cue(sents[i], mask) for i in idx)
        continued = False
        for j in (idx[0] - 1, idx[-1] + 1):
            if attributed or not 0 <= j < len(sents):
                continue
            if _same_paragraph(text, sents[j].start_char, qs):
                continued = continued or _sentence_has_cue(sents[j], mask)
            else:
                attributed = _introduces(sents[j], mask)
        out.append(_Q(qs, qe, inner, attributed, continued))
    return out


def unattributed_quotes(quotes: list[Quote], doc: Doc, mask: QuoteMask) -> list[Finding]:
    if quotes:
        direct = [q for q in quotes if q.kind == "direct"]
        loose = [q for q in direct if q.speaker is None]
        # the extractor leaves a speaker unresolved now and then; a quote whose own sentence,
        # or a neighbour in its paragraph, has a speech cue is attributed all the same (the
        # sentences are listed only when there is such a quote: spaCy builds them anew each time)
        view = parsed(doc) if loose else None
        sents = [s for s in view.sents if view.text[s.start_char:s.end_char].strip()] if view else []
        bad = [(q.start, q.end, q.text) for q in loose
               if view is not None and not _attributed_nearby(view.text, sents, mask, q.start, q.end)]
    else:
        own = own_quotes(doc, mask)
        direct_n = len(own)
        bad = [(q.start, q.end, q.text) for q in own if not q.attributed and not q.continued]
    if not bad:
        return []
    n = len(bad)
    total = len(direct) if quotes else direct_n
    # a report full of quotes may leave a speaker or two implicit (the extractor misses some
    # attributions too: 31% of reliable dev articles have one); a piece whose quotes float free
    # of any speaker is the pattern: strength grows with the count and the unattributed share
    strength = ramp(n, 0, 2) * ramp(n / max(total, 1), 0.2, 0.5)
    if strength <= 0:
        return []
    return [
        Finding(
            "unattributed_quotes",
            strength,
            f"{n} direct quote{'s have' if n != 1 else ' has'} no speaker: the article does not say who said "
            + ("them" if n != 1 else "it"),
            [clip(t, 100) for _, _, t in bad[:5]],
            [(s, e) for s, e, _ in bad],
        )
    ]


def floating_quotes(quotes: list[Quote], doc: Doc, mask: QuoteMask) -> list[Finding]:
    """Quotes with no cue of their own whose speaker changes from the quote before them."""
    hits: list[tuple[int, int, str]] = []
    if quotes:
        ordered = sorted(quotes, key=lambda q: q.start)
        prev: Quote | None = None
        for q in ordered:
            if (
                q.kind == "direct"
                and q.cue is None
                and q.speaker is not None
                and prev is not None
                and prev.speaker is not None
                and (q.speaker.name or q.speaker.text) != (prev.speaker.name or prev.speaker.text)
            ):
                hits.append((q.start, q.end, q.text))
            prev = q
    if not hits:
        return []
    n = len(hits)
    return [
        Finding(
            "speaker_switch",
            ramp(n, 0, 2),
            f"{n} quote{'s change' if n != 1 else ' changes'} speaker without saying who is now speaking",
            [clip(t, 100) for _, _, t in hits[:5]],
            [(s, e) for s, e, _ in hits],
        )
    ]


def first_person_sentences(sents: list[Sentence], mask: QuoteMask, narrator_only: bool = False
                           ) -> tuple[list[Sentence], int]:
    """Narrative sentences (mostly outside quotes) that speak in the first person, and how many
    narrative sentences there are; with ``narrator_only``, not those that report speech ("we
    will win, she said" is hers, not the narrator's)."""
    hits: list[Sentence] = []
    narrative = 0
    for s in sents:
        length = s.end - s.start
        if length == 0 or s.quoted_chars / length > 0.5 or len(s.outside) < 3:
            continue
        narrative += 1
        if s.first_person and not (narrator_only and _has_cue(s)):
            hits.append(s)
    return hits, narrative


def _has_cue(s: Sentence) -> bool:
    return any(is_speech_cue(t) for t in s.outside) or has_according_to(s.span)


def _speech_context(sents: list[Sentence], i: int, text: str) -> bool:
    """The sentence before or after (same paragraph) reports speech: a cue or a quotation."""
    for j in (i - 1, i + 1):
        if not 0 <= j < len(sents):
            continue
        a, b = sorted((sents[i], sents[j]), key=lambda x: x.start)
        if "\n\n" in text[a.end : b.start + 1]:
            continue
        if _has_cue(sents[j]) or sents[j].quoted_chars > 0:
            return True
    return False


def _paragraph_of(sents: list[Sentence], i: int, text: str) -> tuple[int, int]:
    """The indices [first, last] of the sentences of sentence ``i``'s paragraph."""
    first = i
    while first > 0 and "\n\n" not in text[sents[first - 1].end : sents[first].start + 1]:
        first -= 1
    last = i
    while last + 1 < len(sents) and "\n\n" not in text[sents[last].end : sents[last + 1].start + 1]:
        last += 1
    return first, last


def _introduces_speaker(s: Sentence) -> bool:
    """A sentence that reports speech or names a person as its subject ("Hemi Walker, 58,
    travelled from Kaitaia"): the paragraph after it may be that person's words."""
    if _has_cue(s) or s.quoted_chars > 0:
        return True
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "PERSON" for t in s.span)


def _first_person_paragraph(sents: list[Sentence], i: int, text: str) -> bool:
    """Sentence ``i`` is in a paragraph that speaks in the first person, with no quotation mark
    or cue, right after a paragraph that introduces a speaker: a speaker's words set as a
    paragraph of their own with their marks stripped.  The paragraph opens in the first person
    and at least half its sentences keep it (a speaker's words go on through sentences of no
    person: "We understand the anger. People cannot cook. ... Our teams have been working")."""
    first, last = _paragraph_of(sents, i, text)
    if first == 0 or not _speaks_as_subject(sents[i]):
        return False
    para = sents[first : last + 1]
    if any(p.quoted_chars or _has_cue(p) for p in para):
        return False
    personal = [any(is_first_person(t) for t in p.outside) for p in para]
    if not personal[0] or 2 * sum(personal) < len(para):
        return False
    return _introduces_speaker(sents[first - 1])


def _speaks_as_subject(s: Sentence) -> bool:
    """The first person is the subject of the sentence's main clause ("We will not let our
    treaty be rewritten"), not of a clause inside it (a writer's "the experts I interviewed",
    "the tax code we already have")."""
    return any(is_first_person(t) and t.dep_ in ("nsubj", "nsubjpass")
               and (t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT"))
               for t in s.outside)


def _cued_first_person(s: Sentence) -> bool:
    """A sentence that attributes words to a third person while a first-person subject speaks
    in them ("We are doing everything possible, the manager told a briefing"; "Smith said we
    will never give in"): indirect speech shifts "we" to "they", so the words are the speaker's
    own, a direct quote without its marks."""
    cues = [t for t in s.outside if is_speech_cue(t)]
    speakers = [[c for c in children_of(cue) if c.dep_ in ("nsubj", "nsubjpass")] for cue in cues]
    # every cue needs a speaker of its own, and none of them the first person (the narrator's "I said")
    if not cues or not all(speakers) or any(is_first_person(c) for sp in speakers for c in sp):
        return False
    return any(is_first_person(t) and t.dep_ in ("nsubj", "nsubjpass") and not is_speech_cue(t.head)
               and _said_by(t.head, cues) for t in s.outside)


def _colon_speech(s: Sentence) -> bool:
    """Words set after a speech cue and a colon ("He added: ...") are the speaker's own, a
    direct quote, which news sets in quotation marks; unmarked, with the speaker's first person
    in them ("our", "us"), they are a quote whose marks were stripped (indirect speech takes no
    colon and shifts the person)."""
    toks = list(s.span)
    for k, t in enumerate(toks):
        if t.text != ":" or not any(is_speech_cue(c) for c in toks[max(0, k - 3):k]):
            continue
        after = {x.i for x in toks[k + 1:]}
        if any(is_first_person(x) for x in s.outside if x.i in after):
            return True
    return False


def _said_by(verb: Token, cues: list[Token]) -> bool:
    """Whether ``verb``'s clause is what one of ``cues`` says: the cue's complement ("said we
    will"), or the clause the cue is set into ("We are doing everything, he told a briefing");
    not a clause of its own ("experts I spoke to", "everyone I interviewed")."""
    for cue in cues:
        if verb.head.i == cue.i and verb.dep_ in ("ccomp", "parataxis", "xcomp"):
            return True
        if cue.head.i == verb.i and cue.dep_ in ("ccomp", "parataxis", "advcl"):
            return True
        if cue.dep_ == "conj" and cue.i > verb.i and _trailing(cue) and verb.i in _conjuncts_before(cue):
            return True  # "We did not come back with a deal, but we came back with a method, he said"
    return False


def _trailing(cue: Token) -> bool:
    """A speech cue set after its words by a comma alone, no "and" or "but": the parse made a
    coordinated clause of an attribution ("..., but we came back with a method, Arriaga told
    reporters")."""
    subj = next((c for c in children_of(cue) if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subj is None or subj.left_edge.i == 0 or any(c.dep_ == "cc" for c in children_of(cue)):
        return False
    return cue.doc[subj.left_edge.i - 1].text == ","


def _conjuncts_before(cue: Token) -> set[int]:
    """The verbs the cue is coordinated with: its head, and that head's own heads up the chain."""
    out: set[int] = set()
    node = cue
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        out.add(node.i)
    return out


def stripped_quote_sentences(sents: list[Sentence], text: str) -> list[Sentence]:
    """First-person sentences outside quotes that read as a speaker's words, not the writer's:
    words set after a speech cue and a colon; or the first person is the subject, no quotation
    mark of its own, and either the sentence attributes them to a third person itself, or, with
    no speech cue of its own, the next or previous sentence reports speech, or it is in a
    first-person paragraph after one that introduces a speaker."""
    out: list[Sentence] = []
    for i, s in enumerate(sents):
        if s.quoted_chars or any(c in text[s.start : s.end] for c in ('"', "“", "”", "''")):
            continue
        if _colon_speech(s):
            out.append(s)  # "He added: Diversifying our supply chains is not a slogan for us."
            continue
        if out and out[-1] is sents[i - 1] and s.first_person and _same_paragraph(text, sents[i - 1].end, s.start):
            # the same speaker going on in the paragraph: "We're not against the greenway. But
            # nobody came to my kitchen table."
            out.append(s)
            continue
        # (the first person as the subject or the subject's owner: "We will appeal", "My clients
        # have farmed this valley for generations")
        if not any(is_first_person(t) and (t.dep_ in ("nsubj", "nsubjpass") or (
                t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"))) for t in s.outside):
            continue
        if _has_cue(s):
            if _cued_first_person(s):
                out.append(s)
            continue
        if not (_speech_context(sents, i, text) or _first_person_paragraph(sents, i, text)):
            continue
        out.append(s)
    return out


def reported_first_person(doc: Doc, quotes: list[Quote], mask: QuoteMask) -> list[tuple[int, int, str]]:
    """Reported speech that keeps the speaker's own first person outside quotation marks ("I've
    been on the front lines, said Clinton"; "Smith said we will never give in").  Indirect
    speech shifts the speaker's "I" to "he" or "she"; a first person left in it, with no marks,
    is the speaker's words verbatim: a direct quote whose marks are missing.  The speaker's
    own pronoun as the subject of the cue ("I said", the narrator's voice) does not count."""
    out: list[tuple[int, int, str]] = []
    for q in quotes:
        if q.kind not in ("indirect", "mixed") or q.end <= q.start:
            continue
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is None:
            continue
        if any(is_first_person(t) and t.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj")
               and not mask.token_inside(t) and not is_speech_cue(t.head) for t in span):
            out.append((q.start, q.end, q.text))
    return out


def first_person_unquoted(article: Article, sents: list[Sentence], mask: QuoteMask,
                          doc: Doc | None = None, quotes: list[Quote] | None = None) -> list[Finding]:
    fp, narrative = first_person_sentences(sents, mask)
    if narrative == 0:
        return []
    hits: list[tuple[int, int, str]] = []
    if fp and len(fp) / narrative <= THIRD_PERSON_MAX_SHARE:
        hits = [(s.start, s.end, s.span.text) for s in stripped_quote_sentences(sents, article.text)]
    elif fp:
        # many first-person sentences: a narrator's voice, unless most of them stand beside the
        # speech they belong to (a heavily quoted report whose marks were all stripped)
        stripped = stripped_quote_sentences(sents, article.text)
        if len(stripped) >= SPEECH_FRAMED_SHARE * len(fp):
            hits = [(s.start, s.end, s.span.text) for s in stripped]
    narrator, _ = first_person_sentences(sents, mask, narrator_only=True)
    if doc is not None and quotes and len(narrator) / narrative <= THIRD_PERSON_MAX_SHARE:
        for qs, qe, qt in reported_first_person(doc, quotes, mask):
            if not any(s < qe and qs < e for s, e, _ in hits):
                hits.append((qs, qe, qt))
    if not hits:
        return []
    hits.sort()
    n = len(hits)
    return [
        Finding(
            "first_person_unquoted",
            ramp(n, 0, 2),
            f"{n} passage{'s speak' if n != 1 else ' speaks'} in a speaker's first person outside quotation "
            "marks in a third-person report: quotes whose marks were stripped",
            [clip(t, 100) for _, _, t in hits[:5]],
            [(s, e) for s, e, _ in hits],
        )
    ]


def detect(
    article: Article, doc: Doc, quotes: list[Quote], sents: list[Sentence], mask: QuoteMask
) -> list[Finding]:
    return (
        unattributed_quotes(quotes, doc, mask)
        + first_person_unquoted(article, sents, mask, doc, quotes)
        + floating_quotes(quotes, doc, mask)
    )
