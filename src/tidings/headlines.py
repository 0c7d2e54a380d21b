"""Headlinese, parsed as the sentence it stands for.

A news headline drops articles and auxiliaries and reports a past act in the simple present
("Kenya, Uganda ink deal on pipeline", "Putin, Trump discuss Ukraine in phone call").  The
pinned small English model was trained on running prose and reads such lines as one long noun
phrase ("ink" and "discuss" as nouns), so the act is lost.  This component finds a line with no
finite verb that governs a subject, and parses it again as the sentence a subeditor shortened:
each candidate verb (a word after the opening names that is a verb in form) gets the auxiliary
"will" before it, its base form, a full stop at the end, and a comma between the opening names
reads as "and" (headline style for "A and B").  The first reading in which the candidate heads
the sentence with a subject before it is written back onto the line's own tokens (heads,
dependency labels, tags, parts of speech and lemmas); the inserted words leave no token behind,
and the verb keeps a present-tense tag, so nothing downstream reads the line as a future.

It is a spaCy pipeline component, the last of the pipeline, so every path through
``tidings.nlp`` (the analyser, batch runs, Spark executors) sees the same parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from tidings import pipes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: name of the pipeline component
NAME = "tidings_headlines"
#: the longest line treated as a headline or a caption without its full stop (tokens)
MAX_TOKENS = 40
#: how many words after the start a headline's verb may stand
MAX_VERB_POSITION = 8
#: how many readings are tried for one line, at most
MAX_TRIES = 4
#: word classes a headline's verb can never be
_NOT_VERBS = frozenset({"DT", "IN", "CC", "CD", "PRP", "PRP$", "POS", "TO", "WDT", "WP", "RB", "RP", "JJ", "JJR", "JJS",
                        "NNP", "NNPS", ",", ":", "HYPH", "``", "''", "-LRB-", "-RRB-"})
_END = frozenset({".", "!", "?"})
#: nouns English takes as plurals though they have no -s: in a headline, the subject
PLURAL_NOUNS = frozenset({"police", "people", "personnel", "cattle", "clergy"})


def base_form(word: str) -> str:
    """The base form of a present-tense verb ("inks" -> "ink", "torches" -> "torch", "urges" ->
    "urge", "carries" -> "carry"); other forms as they are."""
    w = word.lower()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _may_be_verb(tok: Token, verbs: frozenset[str] | None) -> bool:
    """Whether English has a verb of this word's form (the lemmatizer's table of verb lemmas: the
    word, its base form, or its lemma, "killed" -> "kill"); every word may be one when the table
    is not at hand."""
    word = tok.lower_
    return verbs is None or base_form(word) in verbs or word in verbs or tok.lemma_.lower() in verbs


def misread_verbs(sent: Span, verbs: frozenset[str] | None = None) -> list[int]:
    """Offsets in a headline-length line of verbs the parse misread as proper names, a sign no
    prose parse shows: a lower-case word of a verb's form tagged as a name that agrees as a
    present tense with the noun before it, a bare form after a plural ("opposition cries foul
    as police detain party spokesman"), an -s form after a singular; "coast guard pact" has no
    such agreement and stays a noun."""
    if not 3 <= len(sent) <= MAX_TOKENS or sent[-1].text in _END or sent[-1].tag_ == ".":
        return []
    out = []
    for k, t in enumerate(sent):
        if not k or not (t.is_alpha and t.text.islower() and t.tag_ in ("NNP", "NNPS") and _may_be_verb(t, verbs)):
            continue
        third = base_form(t.text) != t.lower_
        before = sent[k - 1].tag_
        if (before in ("NNS", "NNPS") and not third) or (before in ("NN", "NNP") and third):
            out.append(k)
    return out


def headline_like(sent: Span, verbs: frozenset[str] | None = None) -> bool:
    """A short line with no closing full stop whose parse has no verb governing a subject (none
    of a form English has a verb of, when ``verbs``, the verb lemmas, are given), or one whose
    subject follows a comma ("Vietnam, Philippines sign ...": the first name left out of the
    subject)."""
    if not 3 <= len(sent) <= MAX_TOKENS or sent[-1].text in _END or sent[-1].tag_ == ".":
        return False
    if misread_verbs(sent, verbs):
        return True
    governing = [t for t in sent if t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]
    if not governing:
        return True
    if verbs is not None and not any(_may_be_verb(v, verbs) for v in governing):
        return True  # "Japan shares intelligence with Manila": a noun read as the verb, the verb as a noun
    verb = governing[0]
    if verb.dep_ == "compound":
        return True  # "Houthis claim missile strike on tanker": the verb kept its subject but was hung as a modifier
    after = sent.doc[verb.i + 1] if verb.i + 1 < sent.end else None
    if verb.lower_ in PLURAL_NOUNS and after is not None and after.is_alpha and after.text.islower() \
            and _may_be_verb(after, verbs) and not after.lower_.endswith("s"):
        return True  # "riot police fire tear gas": the plural noun read as the verb
    if verb.tag_ == "VBZ" and after is not None and after.is_alpha and after.text.islower() \
            and after.tag_ in ("NN", "VB", "VBP") and after.dep_ == "compound" and not after.lower_.endswith("s"):
        return True  # "Haiti gangs torch homes": a plural read as the verb, the verb as a noun
    if any(_plural_then_bare(c, verbs) for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")
           for c in s.children if c.dep_ == "compound"):
        return True  # "Bolivian miners block highways as protests spread": the verb inside the subject
    if len(governing) > 1 and _noun_read_as_clause(governing[1], verb, sent):
        return True  # "Armenia recalls envoy from Minsk over Lukashenko remarks"
    # names joined by a comma where the subject begins: "A, B sign ..." with A or B left out
    subject = min(c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    doc = sent.doc
    return any(t.text == "," and sent.start < t.i < verb.i and subject >= t.i - 1
               and _name_like(doc[t.i - 1]) and _name_like(doc[t.i + 1])
               and "conj" not in (doc[t.i - 1].dep_, doc[t.i + 1].dep_) for t in sent)


def _plural_then_bare(tok: Token, verbs: frozenset[str] | None) -> bool:
    """A bare lower-case word of a verb's form read as a noun modifier right after a plural
    modifier of the same noun ("miners block highways"): English compounds seldom put a plural
    before a singular, and a plural subject takes the bare form of its verb."""
    doc = tok.doc
    return tok.i > 0 and tok.is_alpha and tok.text.islower() and tok.tag_ in ("NN", "VB", "VBP") \
        and not tok.lower_.endswith("s") and _may_be_verb(tok, verbs) \
        and doc[tok.i - 1].tag_ == "NNS" and doc[tok.i - 1].dep_ == "compound"


def _noun_read_as_clause(second: Token, first: Token, sent: Span) -> bool:
    """A plural noun ending the line read as the verb of a clause under the line's verb, with the
    verb's object as its subject and a prepositional phrase between them ("recalls envoy from
    Minsk over Lukashenko remarks"): a clause's subject meets its verb without a preposition."""
    if second.dep_ != "ccomp" or second.head.i != first.i or second.i != sent.end - 1 or second.tag_ != "VBZ":
        return False
    if any(c.dep_ in ("mark", "aux", "neg", "dobj") for c in second.children):
        return False
    subjects = [c for c in second.children if c.dep_ == "nsubj"]
    return len(subjects) == 1 and subjects[0].i == first.i + 1 and any(
        t.dep_ == "prep" for t in sent.doc[subjects[0].i + 1:second.i])


def _name_like(tok: Token) -> bool:
    """A proper name, also one the tagger took for a common plural ("Philippines")."""
    return tok.pos_ == "PROPN" or (tok.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "PERSON") and tok.text[:1].isupper())


def _candidates(sent: Span, verbs: frozenset[str] | None = None) -> list[int]:
    """Offsets in the line of words that may be its verb: after a word that can head a subject,
    lower case, alphabetic, of a form English has a verb of, and not of a class no verb is.  Of
    two such words in a row, a plural in -s before a bare form is the subject ("Haiti gangs torch
    homes"), not the verb ("Japan shares intelligence": no verb "intelligence", so "shares" is)."""
    out: list[int] = []
    for k, t in enumerate(sent):
        if k == 0 or k > MAX_VERB_POSITION or not _may_be_verb(t, verbs):
            continue
        if t.is_alpha and t.text.islower() and t.tag_ not in _NOT_VERBS \
                and (sent[k - 1].tag_ in ("NN", "NNS", "NNP", "NNPS", "PRP", "VBZ", "VBP", "VB") or _name_as_determiner(sent[k - 1])):
            out.append(k)
    agreeing = set(out)
    # (a noun English takes as a plural without an -s, "police", "people", is the subject of a
    # bare form after it as a plural in -s is: "riot police fire tear gas")
    return [k for k in out if not (k + 1 in agreeing and (sent[k].lower_.endswith("s") or sent[k].lower_ in PLURAL_NOUNS)
                                   and not sent[k + 1].lower_.endswith("s"))]


#: the words that are determiners, whatever the tagger says of other words
DETERMINERS = frozenset("the a an this that these those some any no every each all both either neither another".split())


def _name_as_determiner(tok: Token) -> bool:
    """A capitalised name the tagger took for a determiner ("Houthis claim missile strike"): it
    can head a subject as any name can."""
    return tok.tag_ == "DT" and tok.is_alpha and tok.text[:1].isupper() and tok.lower_ not in DETERMINERS


def verb_lemmas(nlp: Language) -> frozenset[str] | None:
    """The verb lemmas of the pipeline's rule lemmatizer's tables (WordNet's verbs), or None when
    the pipeline has none (a word is then any part of speech)."""
    try:
        lem = nlp.get_pipe("lemmatizer")
    except KeyError:
        return None
    inner = getattr(lem, "inner", lem)  # (tidings.nlp wraps spaCy's component)
    lookups = getattr(inner, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    table = lookups.get_table("lemma_index")
    return frozenset(table["verb"]) if "verb" in table else None


class HeadlineParser:
    """Re-parses headline lines (see the module's docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.verbs = verb_lemmas(nlp)

    def _parse(self, words: list[str]) -> Doc:
        from spacy.tokens import Doc as _Doc

        doc = _Doc(self.nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
        for name, proc in self.nlp.pipeline:
            if name != NAME:
                doc = proc(doc)
        return doc

    def reading(self, sent: Span) -> tuple[Doc, int] | None:
        """The re-parsed sentence and the candidate verb's offset in the line, or None."""
        words = [t.text for t in sent]
        misread = misread_verbs(sent, self.verbs)
        for k in (misread + [k for k in _candidates(sent, self.verbs) if k not in misread])[:MAX_TRIES]:
            opening = words[:k]
            # "Kenya, Uganda ink": a comma between the opening names is "and"
            opening = ["and" if w == "," and 0 < j < k - 1 else w for j, w in enumerate(opening)]
            variant = opening + ["will", base_form(words[k])] + words[k + 1:] + ["."]
            doc = self._parse(variant)
            verb = doc[k + 1]
            # (a name of the line stays a name: "orders ICRC out" does not make "ICRC" a verb;
            # after the verb the variant's tokens stand one to the right of the line's)
            renamed = any(doc[j + 1 if j > k else j].pos_ in ("VERB", "AUX") for j, t in enumerate(sent)
                          if 0 < j != k and t.text[:1].isupper())
            # (a misread verb may head a clause of its own under the line's verb: "cries foul
            # as police detain party spokesman")
            heads = verb.dep_ == "ROOT" or (k in misread and verb.dep_ in ("advcl", "ccomp", "conj"))
            if heads and verb.pos_ == "VERB" and not renamed and any(
                    c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
                return doc, k
        return None

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

        lines = [s for s in doc.sents if headline_like(s, self.verbs)]
        if not lines:
            return doc
        attrs = [HEAD, DEP, TAG, POS, LEMMA]
        arr = doc.to_array(attrs)
        changed = False
        for sent in lines:
            found = self.reading(sent)
            if found is None:
                continue
            new, k = found
            # the re-parsed words: the line's own up to the verb, "will", then the rest, "."
            to_line = {j: j for j in range(k)} | {j: j - 1 for j in range(k + 1, len(sent) + 1)}
            rows = new.to_array(attrs)
            for j, i in to_line.items():
                head = new[j].head.i
                if head not in to_line:
                    break  # a word hangs on an inserted one: keep the model's own reading
            else:
                for j, i in to_line.items():
                    row = rows[j].copy()
                    row[0] = np.array(to_line[new[j].head.i] - i, dtype=np.int64).astype(np.uint64)
                    arr[sent.start + i] = row
                verb = sent.start + k
                arr[verb][2] = doc.vocab.strings["VBZ" if base_form(sent[k].text) != sent[k].lower_ else "VBP"]
                for j in range(k):  # the comma read as "and" stays a comma in the text
                    if sent[j].text == ",":
                        arr[sent.start + j][2] = doc.vocab.strings[","]
                        arr[sent.start + j][3] = doc.vocab.strings["PUNCT"]
                changed = True
        if changed:
            doc.from_array(attrs, arr)
        return doc


def add_to(nlp: Language) -> None:
    """Append the component to ``nlp`` (once)."""
    pipes.append(nlp, NAME, HeadlineParser)
