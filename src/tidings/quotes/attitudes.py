"""Attribution without quotation marks: reported speech acts, stances, beliefs and intentions.

Quotation marks and verbs of saying with a that-clause cover only part of what news attributes.
Reporters also write that someone *criticised* a policy, *endorsed* a candidate, *plans* to run,
*believes* the race is close, is *critical of* a decision, or voiced *support for* a bill; a poll
*shows* a lead.  Each is an attribution relation: a source, a cue and a content.  This pass finds
them from the predicate classes of English (see ``tidings.quotes.predicates``):

* a verb of one of the classes, with its content as a clausal complement (``ccomp``, a ``to``
  infinitive), its object, or the object of the preposition that verb takes ("spoke about X",
  "called for X", "voted against X"); the source is the verb's subject;
* a predicative adjective of attitude ("critical of", "confident that", "eager to");
* a noun of the classes with a that-clause, an infinitive or its preposition ("his claim that",
  "support for"), whose source is its possessor or the subject of the light verb it is the object
  of ("voiced concern that");
* the impersonal passive of hearsay ("X is expected to", "is believed to") and its adverbs ("X
  reportedly fled", "allegedly took bribes"), which name no source: those are kept with
  ``speaker: null``, as a fact-checker wants unattributed claims marked.

A relation needs a content with a word in it and, except for the impersonal passive, a source.
Kinds: ``indirect`` for acts of communication and judgement and for evidence (a poll "shows"),
``belief`` for attitudes and intentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.model import Quote
from tidings.parsed import children_of, parsed, subtree_range
from tidings.quotes.context import before_colon_quotation, before_second_act, hung_quotation_end, within_paragraph
from tidings.quotes.cues import Cue, is_verb
from tidings.quotes.predicates import (
    ADJECTIVES,
    APPEARANCE_VERBS,
    CHARACTERIZING,
    CHARACTERIZING_BELIEF,
    NAMING,
    EVIDENTIALS,
    EXPLETIVES,
    FINDING_NOUNS,
    HEARSAY_ADVERBS,
    HEARSAY_PASSIVES,
    HELD_NOUNS,
    HOLDING_VERBS,
    INFORMATION_SOURCES,
    INTENT,
    LIGHT_VERBS,
    MESSAGE_NOUNS,
    NOUNS,
    SETTING_NOUNS,
    STANCE,
    VERB_FORMS,
    VERBS,
    Predicate,
    repaired_lemma,
    verb_lemma,
)
from tidings.quotes.speakers import Resolver, passive_participle, speaker_at, subject_of

_CLAUSE_DEPS = frozenset(("ccomp", "xcomp"))
_OBJECT_DEPS = frozenset(("dobj",))
#: the parts of speech a cue can have (verbs, attitude adjectives, noun cues, "in" a poll,
#: hearsay adverbs)
_CUE_POS = frozenset(("VERB", "ADJ", "NOUN", "ADP", "ADV"))
_FIRST_SECOND = frozenset("i we you me us".split())
_PRONOUN_CONTENT = frozenset("it this that these those them him her me us you one which what whom".split())
#: dependents of a cue that are clauses of its own, which end its content
_OWN_CLAUSE = frozenset(("advcl", "parataxis", "relcl", "npadvmod", "mark"))
#: confidence of each way of finding a relation, before the speaker's resolution
BASE = {"finding": 0.5, "clause": 0.6, "object": 0.5, "prep": 0.45, "noun": 0.45, "adjective": 0.5,
        "hearsay": 0.4, "unnamed": 0.4}


@dataclass
class _Relation:
    cue: tuple[int, int]  # token range of the cue words
    content: tuple[int, int]  # token range of the content
    source: Token | None
    kind: str
    how: str


def _trim(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Tokens [a, b) without punctuation (quotation marks kept) or spaces at either edge, nor a
    coordinator left at the end when the parse hung what it joins elsewhere."""
    view = parsed(doc)
    punct, space, dep = view.is_punct, view.is_space, view.dep
    while a < b and (punct[a] or space[a]) and not doc[a].is_quote:
        a += 1
    while b > a and ((punct[b - 1] or space[b - 1]) and not doc[b - 1].is_quote or dep[b - 1] == "cc"):
        b -= 1
    return a, b


def _worthy(doc: Doc, a: int, b: int) -> bool:
    """Content that says something: a word that is not a lone pronoun, a date or a number."""
    words = [t for t in doc[a:b] if t.is_alpha]
    if not words:
        return False
    if len(words) == 1 and (words[0].lower_ in _PRONOUN_CONTENT or words[0].pos_ == "PRON"):
        return False
    return not all(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") for t in words)


def _source(tok: Token, referring_it: bool = False) -> Token | None:
    """The subject of ``tok`` as for any cue (followed up through infinitives and coordination,
    "went on to endorse", or the agent of a passive), unless it is an expletive ("it is feared").
    With ``referring_it`` (acts of saying and showing: "it announced", "it shows"), "it" names the
    organisation or the document it refers to; with states of mind it is mostly a dummy ("it feels
    like ...")."""
    s = subject_of(Cue(head=tok, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), speech=False))
    if s is None or s.dep_ == "expl":
        return None
    if s.lower_ in EXPLETIVES and not (referring_it and s.lower_ == "it"):
        return None
    return s


def _clause(tok: Token) -> Token | None:
    for c in children_of(tok):
        if c.dep_ in _CLAUSE_DEPS and c.i > tok.i:
            return c
    return None


def _prep_object(tok: Token, preps: frozenset[str]) -> tuple[Token, Token] | None:
    """(preposition, its object or clause) of the first allowed preposition after ``tok``."""
    for c in children_of(tok):
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in preps:
            for g in children_of(c):
                if g.dep_ in ("pobj", "pcomp"):
                    return c, g
    return None


def _to_end(cue: Token, content: Token, a: int, b: int) -> tuple[int, int]:
    """The content runs on over what the parser hung on the cue after it ("to ban all Muslims --
    1.6 billion people -- from entering", "praised the efforts of a donor to Sen. X to attack
    Y"), up to a clause of the cue's own: a coordinated verb, an adverbial clause ("..., adding
    that"), an aside."""
    for c in children_of(cue):
        if c.i <= content.i or c.i < b:
            continue
        if c.dep_ in _OWN_CLAUSE or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            break
        if c.dep_ == "cc":
            continue
        if _circumstance(c):
            break
        if c.dep_ == "punct":
            if c.text in ".;:!?":
                break
            continue
        b = max(b, c.right_edge.i + 1)
    return a, b


#: prepositions that set the scene of an act (when, or against what), never what it is about
_SCENE_PREPS = frozenset(
    "during after before since until amid amidst despite throughout following".split())
#: prepositions that set the scene when their object is a time, a place or an occasion ("in
#: June", "in Ohio", "at a rally"), and else may carry the content ("in support of", "at Dow")
_PLACE_PREPS = frozenset("in at on".split())
_SETTING_ENTS = frozenset("DATE TIME GPE LOC FAC EVENT".split())


def _circumstance(c: Token) -> bool:
    """A dependent of the cue that says when, where or how the act happened ("endorsed Trump in
    early June", "boasts about them constantly", "praised him at a rally"), not what it was about."""
    if c.dep_ in ("advmod", "npadvmod"):
        return True
    if c.dep_ != "prep":
        return False
    if c.lower_ in _SCENE_PREPS:
        return True
    if c.lower_ not in _PLACE_PREPS:
        return False
    obj = next((g for g in children_of(c) if g.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in _SETTING_ENTS or obj.lemma_.lower() in SETTING_NOUNS)


def _call_for(tok: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'calling for the United States to step up its efforts' (parsed as a for-to clause) and
    'called on Sanders and Trump to do the same': (cue, content) token ranges, the content being
    who is called on and what to do."""
    kids = children_of(tok)
    for c in kids:
        if c.dep_ == "advcl" and c.i > tok.i and any(
                g.dep_ == "mark" and g.lower_ == "for" for g in children_of(c)):
            a, b = subtree_range(c)
            return (tok.i, a + 1), (a + 1, b)
    on = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "on" and c.i > tok.i), None)
    inf = next((c for c in kids if c.dep_ == "xcomp" and c.i > tok.i), None)
    if on is not None and inf is not None and inf.i > on.i and not any(
            g.ent_type_ in ("DATE", "TIME") for g in children_of(on)):  # "called on Monday to"
        return (tok.i, on.i + 1), (on.i + 1, inf.right_edge.i + 1)
    return None


def _message(tok: Token) -> _Relation | None:
    """'Rubio offered an emotional evaluation of ...', 'paid tribute to the victims': a light verb
    whose object names a message; the object is the content."""
    obj = next((c for c in children_of(tok) if c.dep_ in _OBJECT_DEPS and c.i > tok.i), None)
    if obj is None or obj.lemma_.lower() not in MESSAGE_NOUNS:
        return None
    a, b = _to_end(tok, obj, *subtree_range(obj))
    return _Relation((tok.i, tok.i + 1), (a, b), _source(tok, True), "indirect", "object")


def _acts(pred: Predicate) -> bool:
    """Acts of saying and showing, and intentions: their "it" refers ("it plans to raise rates" is
    the bank's plan), where with states of mind it is mostly a dummy ("it feels like")."""
    return pred.kind == "indirect" or pred is INTENT


def _verb_relation(tok: Token, pred: Predicate) -> _Relation | None:
    if pred is STANCE and tok.tag_ == "VBG" and (tok.dep_ == "pcomp" or tok.dep_ == "advcl" and not any(
            c.dep_ in ("nsubj", "aux") for c in children_of(tok))):
        # "faulted her for supporting the war", "..., supporting faster growth": the act judged
        # or a consequence, not a stance the text reports
        return None
    head_cue = (tok.i, tok.i + 1)
    if pred.preps >= {"for", "against"}:  # the verbs of advocacy
        found = _call_for(tok)
        if found is not None:
            return _Relation(found[0], found[1], _source(tok), pred.kind, "prep")
    clause = _clause(tok) if pred.clause else None
    if clause is not None:
        a, b = _to_end(tok, clause, *subtree_range(clause))
        b = before_second_act(tok.doc, a, b, tok)
        return _Relation(head_cue, (a, b), _source(tok, _acts(pred)), pred.kind, "clause")
    if pred.object:
        obj = next((c for c in children_of(tok) if c.dep_ in _OBJECT_DEPS and c.i > tok.i), None)
        if obj is not None and tok.lemma_.lower() in LIGHT_VERBS and obj.lemma_.lower() in NOUNS:
            return None  # "expressed concern that ...": the noun's own relation says it
        if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
            a, b = subtree_range(obj)
            # "accused him of X", "criticised Y for Z", "described it as W": the phrase that says
            # what the judgement is about belongs to the content
            tail = _prep_object(tok, pred.with_object)
            if tail is not None and tail[0].i >= b:
                b = tail[1].right_edge.i + 1
            a, b = _to_end(tok, obj, a, b)
            b = before_second_act(tok.doc, a, b, tok)
            return _Relation(head_cue, (a, b), _source(tok, _acts(pred)), pred.kind, "object")
    if pred.preps:
        found = _prep_object(tok, pred.preps)
        if found is not None:
            prep, obj = found
            if obj.ent_type_ in ("DATE", "TIME"):
                return None
            a, b = _to_end(tok, prep, *subtree_range(obj))
            return _Relation((tok.i, prep.i + 1), (a, b), _source(tok, _acts(pred)), pred.kind,
                             "prep")
    return None


def _lemma(tok: Token) -> str:
    return repaired_lemma(tok.lemma_, tok.lower_, VERB_FORMS, VERBS, CHARACTERIZING, CHARACTERIZING_BELIEF)


def _characterizing(tok: Token) -> _Relation | None:
    """'called the plan a disaster', 'described the program as a waste': the object and its label
    (an object complement, a second object, or an "as" phrase)."""
    kids = [c for c in children_of(tok) if c.i > tok.i]
    objs = [c for c in kids if c.dep_ in ("dobj", "dative", "oprd")]
    if not objs:
        return None
    # the "as" phrase hangs on the verb or, as often, on its object; "as unfair" or "as captured
    # by ..." come parsed as a clause of the verb that "as" opens (with a subject of its own, "as
    # we expected", it compares)
    label = next((c for c in [*kids, *children_of(objs[0])] if c.i > objs[0].i and (
        (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ == "advcl" and c.left_edge.lower_ == "as"
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in children_of(c))))), None)
    if label is None and len(objs) >= 2 and _lemma(tok) in NAMING:
        label = objs[-1]
    if label is None:
        return None
    a, b = _to_end(tok, label, objs[0].left_edge.i, label.right_edge.i + 1)
    kind = "belief" if _lemma(tok) in CHARACTERIZING_BELIEF else "indirect"
    return _Relation((tok.i, tok.i + 1), (a, b), _source(tok), kind, "object")


def _adjective_relation(tok: Token, pred: Predicate) -> _Relation | None:
    """'X was critical of Y', 'X is confident that Y', 'X is eager to Y', and after its noun
    ('officials angry about the cuts', 'the group, wary of the plan,'): there the noun holds it."""
    if tok.head.i == tok.i:
        return None
    after_noun = tok.dep_ == "amod" and tok.i > tok.head.i and tok.head.pos_ in ("NOUN", "PROPN", "PRON")
    if tok.dep_ not in ("acomp", "oprd") and not after_noun:
        return None
    clause = _clause(tok)
    if clause is not None:
        content = subtree_range(clause)
        cue_end = tok.i + 1
    else:
        found = _prep_object(tok, pred.preps)
        if found is None:
            return None
        prep, obj = found
        content = subtree_range(obj)
        cue_end = prep.i + 1
    source = tok.head if after_noun else _source(tok.head)
    return _Relation((tok.i, cue_end), content, source, pred.kind, "adjective")


def _noun_source(tok: Token) -> Token | None:
    """Whose claim, support or fear: the possessor, "by"/"from" X, or the subject of the light
    verb the noun is the object of ("expressed support for", "voiced concern that")."""
    for c in children_of(tok):
        if c.dep_ == "poss":
            return c
    for c in children_of(tok):
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for g in children_of(c):
                if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN"):
                    return g
    head = tok.head
    if tok.dep_ == "dobj" and (head.lemma_.lower() in LIGHT_VERBS or (
            head.lemma_.lower() in HOLDING_VERBS and tok.lemma_.lower() in HELD_NOUNS)):
        return _source(head)
    return None


def _noun_relation(tok: Token, pred: Predicate) -> _Relation | None:
    content: tuple[int, int] | None = None
    cue_end = tok.i + 1
    for c in children_of(tok):
        if c.i <= tok.i:
            continue
        if c.dep_ in ("acl", "ccomp") and pred.clause and (
                any(g.lower_ in ("that", "whether", "to") and g.i < c.i for g in children_of(c))):
            content = subtree_range(c)
            break
    if content is None and pred.preps:
        found = _prep_object(tok, pred.preps) or _light_verb_prep(tok, pred.preps)
        if found is not None:
            prep, obj = found
            content = subtree_range(obj)
            cue_end = prep.i + 1
    if content is None:
        return None
    return _Relation((tok.i, cue_end), content, _noun_source(tok), pred.kind, "noun")


def _light_verb_prep(noun: Token, preps: frozenset[str]) -> tuple[Token, Token] | None:
    """'took a swipe at Bush', 'made no mention of Iraq': the parser hangs the noun's preposition on
    the light verb whose object the noun is."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    found = _prep_object(verb, preps)
    return found if found is not None and found[0].i > noun.i else None


def _finding(tok: Token) -> _Relation | None:
    """'In the latest poll, Smith trails by nine points': the clause the phrase opens is what the
    poll (the object of "in") shows.  At the clause's end the phrase is mostly a standing ("mired
    in single digits in the polls"), not a report of one poll."""
    if tok.dep_ != "prep" or tok.lower_ != "in":
        return None
    host = tok.head
    if host.pos_ not in ("VERB", "AUX") or host.i == tok.i:
        return None
    if _lemma(host) in VERBS:
        return None  # "in the poll, 4 in 10 said ...": where they said it; the saying attributes
    obj = next((c for c in children_of(tok) if c.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in FINDING_NOUNS:
        return None
    a, b = host.left_edge.i, host.right_edge.i + 1
    pa, pb = subtree_range(tok)
    if pa > a + 1:
        return None
    a = pb
    return _Relation((tok.i, tok.i + 1), (a, b), obj, "indirect", "finding")


def _hearsay(tok: Token) -> _Relation | None:
    """'X is expected to win', 'X is believed to have fled': the content is X and the infinitive."""
    kids = children_of(tok)
    subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
    if subj is None or any(c.dep_ == "agent" for c in kids):
        return None
    inf = next((c for c in kids if c.dep_ == "xcomp" and c.i > tok.i), None)
    if inf is None:
        return None
    a = subj.left_edge.i
    b = inf.right_edge.i + 1
    if subj.lower_ in EXPLETIVES:
        a = inf.left_edge.i
    return _Relation((tok.i, tok.i + 1), (a, b), None, "belief", "hearsay")


#: dependents that open a clause before what it says
_CLAUSE_OPENERS = frozenset(("mark", "cc", "punct"))


def _hearsay_adverb(tok: Token) -> _Relation | None:
    """'X reportedly fled', 'Reportedly, X fled': the clause the adverb modifies, whole, is what
    someone unnamed reports (an adverb on an adjective, "a supposedly neutral referee", is not)."""
    head = tok.head
    if tok.dep_ != "advmod" or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
        head = head.head  # "who reportedly has been itching": the clause is the verb's
    a, b = _in_brackets(tok, *subtree_range(head))
    doc = tok.doc
    # what opens the clause ("With", "and", the adverb itself) is not what is reported
    while a < head.i and (a == tok.i or (doc[a].head.i == head.i and doc[a].dep_ in _CLAUSE_OPENERS)):
        a += 1
    return _Relation((tok.i, tok.i + 1), (a, b), None, "indirect", "hearsay")


def _in_brackets(tok: Token, a: int, b: int) -> tuple[int, int]:
    """Tokens [a, b) cut to the brackets around ``tok`` when it stands in an aside "( ... )" (the
    parser may make the aside the head of its sentence)."""
    words = parsed(tok.doc).words
    opened = next((i for i in range(tok.i - 1, a - 1, -1) if words[i] in ("(", ")")), None)
    if opened is None or words[opened] != "(":
        return a, b
    closed = next((i for i in range(tok.i + 1, b) if words[i] == ")"), b)
    return opened + 1, closed


def _appearance(tok: Token) -> _Relation | None:
    """'X seems to Y', 'X appeared ready to Y', 'it appears (that) X': an impression the text
    reports without naming whose it is, kept like hearsay with no source."""
    kids = children_of(tok)
    clause = next((c for c in kids if c.dep_ == "ccomp" and c.i > tok.i), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "expl")), None)
    if subj is None:
        return None
    if subj.lower_ == "it" and clause is not None:
        return _Relation((tok.i, tok.i + 1), subtree_range(clause), None, "belief", "hearsay")
    if subj.lower_ in EXPLETIVES or subj.dep_ == "expl" or subj.tag_ in ("WDT", "WP"):
        return None  # a dummy, or a relative pronoun whose antecedent is outside the clause
    comp = next((c for c in kids if c.i > tok.i and (
        (c.dep_ == "xcomp" and any(g.lower_ == "to" for g in children_of(c)))
        or (c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ"))), None)
    if comp is None:
        return None
    a, _ = within_paragraph(tok.doc, tok.i, (subj.left_edge.i, tok.i))
    return _Relation((tok.i, tok.i + 1), (a, comp.right_edge.i + 1), None, "belief", "hearsay")


def _relations(doc: Doc, in_quote: list[bool], skip: set[int]) -> Iterable[_Relation]:
    view = parsed(doc)
    tags = view.pos
    for i, tok in enumerate(view.tokens):
        pos = tags[i]
        if pos not in _CUE_POS or in_quote[i] or i in skip:
            continue
        lemma = view.lemma[i].lower()
        if pos == "NOUN" and is_verb(tok):
            pos = "VERB"  # "the candidate plans to be back": a verb the tagger took for a noun
        if pos == "VERB":
            lemma = repaired_lemma(lemma, view.lower[i], VERB_FORMS, VERBS)
        rel: _Relation | None = None
        if pos == "VERB":
            if tok.tag_ == "VBN" and lemma in HEARSAY_PASSIVES and any(
                    c.dep_ == "auxpass" for c in children_of(tok)):
                rel = _hearsay(tok)
            if rel is None and lemma in APPEARANCE_VERBS:
                rel = _appearance(tok)
            if rel is None and (lemma in CHARACTERIZING or lemma in CHARACTERIZING_BELIEF) and not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in children_of(tok)):
                rel = _characterizing(tok)
            if rel is None and lemma in LIGHT_VERBS and lemma not in VERBS:
                rel = _message(tok)
            if rel is None and lemma in VERBS and not _inside_attitude(tok):
                rel = _verb_relation(tok, VERBS[lemma])
                if rel is not None and (passive_participle(tok) or (
                        rel.source is None and rel.kind == "indirect" and _agentless_passive(tok))):
                    # "Asked about the donations, she ...", "she was asked if ...", "it was argued
                    # that ...": a speech act by someone the text does not name ("is supposed to"
                    # or "was designed to" report nobody's attitude)
                    rel.source, rel.how = None, "unnamed"
                if rel is not None and lemma in EVIDENTIALS and rel.how != "clause" and not (
                        rel.source is not None and rel.source.lemma_.lower() in INFORMATION_SOURCES):
                    rel = None
        elif pos == "ADJ" and lemma in ADJECTIVES:
            rel = _adjective_relation(tok, ADJECTIVES[lemma])
        elif pos == "NOUN" and lemma in NOUNS:
            rel = _noun_relation(tok, NOUNS[lemma])
        elif pos == "ADP" and view.lower[i] == "in":
            rel = _finding(tok)
        elif pos == "ADV" and view.lower[i] in HEARSAY_ADVERBS:
            rel = _hearsay_adverb(tok)
        if rel is not None:
            yield rel


def _agentless_passive(tok: Token) -> bool:
    """'was asked', 'was argued': a passive participle with its auxiliary and no 'by' phrase."""
    deps = {c.dep_ for c in children_of(tok)}
    return tok.tag_ == "VBN" and "auxpass" in deps and "agent" not in deps


def _inside_attitude(tok: Token) -> bool:
    """The infinitive of another attribution ("plans to back X", "refused to endorse Y"): the
    outer relation's content holds it, and it is not a second relation."""
    if tok.dep_ != "xcomp" or tok.head.i == tok.i:
        return False
    lemma = verb_lemma(tok.head)
    return lemma in VERBS or lemma in ADJECTIVES


def _overlaps_quote(in_quote: list[bool], a: int, b: int) -> bool:
    return any(in_quote[a:b])


def _cuts(doc: Doc, in_quote: list[bool], a: int, b: int) -> bool:
    """True when [a, b) starts or ends inside a quotation, leaving words of it outside (the
    full stop a quotation ends with does not count)."""
    def words(indices: range) -> bool:
        for i in indices:
            if not in_quote[i]:
                return False
            if doc[i].is_alpha or doc[i].is_digit:
                return True
        return False
    return (a > 0 and in_quote[a] and words(range(a - 1, -1, -1))) or (
        b < len(in_quote) and in_quote[b - 1] and words(range(b, len(in_quote))))


def find_attributions(text: str, doc: Doc, in_quote: list[bool], taken: list[tuple[int, int]],
                      used_cues: set[int], resolver: Resolver) -> list[Quote]:
    """Attribution relations beyond quotation marks and clausal speech: see the module doc.
    ``taken``: character spans of the attributed quotes found already (a relation with the same
    content is not repeated, a quotation they hold is theirs); ``used_cues``: token indices of cues that already gave a quote."""
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for rel in _relations(doc, in_quote, used_cues):
        a, b = _trim(doc, *within_paragraph(doc, rel.cue[0], rel.content))
        if b <= a or not _worthy(doc, a, b):
            continue
        b = hung_quotation_end(doc, in_quote, rel.cue[0], before_colon_quotation(doc, a, b))
        a, b = _trim(doc, a, b)
        kind = rel.kind
        if rel.source is None and rel.how not in ("hearsay", "unnamed"):
            continue
        if _overlaps_quote(in_quote, a, b):
            # a quotation inside ('called Palin a "clown"'): a mixed quote, unless a quote found
            # already owns the quotation or the content cuts a quotation in two
            if rel.source is None or _cuts(doc, in_quote, a, b) or any(
                    ts <= t.idx < te for t in doc[a:b] if in_quote[t.i] and t.is_alpha
                    for ts, te in taken):
                continue
            kind = "mixed"
            while b < len(in_quote) and in_quote[b - 1] and in_quote[b]:
                b += 1  # through the quotation's own full stop and closing mark
        if rel.source is not None and (in_quote[rel.source.i] or a <= rel.source.i < b
                                       or rel.source.lower_ in _FIRST_SECOND):
            # "we hope" outside quotation marks is the writer's voice or a quote stripped of its
            # marks (the unmarked pass's business), not a reported attitude
            continue
        s, e = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if (s, e) in seen or any(abs(s - ts) + abs(e - te) <= 2 for ts, te in taken):
            continue
        seen.add((s, e))
        speaker, factor = speaker_at(text, rel.source, resolver)
        cue = doc[rel.cue[0]: rel.cue[1]]
        conf = BASE[rel.how] * factor
        out.append(Quote(text=text[s:e], start=s, end=e, kind=kind, cue=cue.text,
                         speaker=speaker, confidence=max(0.0, min(1.0, conf)),
                         cue_start=cue.start_char, cue_end=cue.end_char))
    return out
