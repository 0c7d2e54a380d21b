"""The cue lexicon: words that introduce reported speech ("said", "sighed", "made clear",
"told reporters", "according to") and the matcher that finds them on a spaCy token."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tidings.parsed import children_of
from tidings.quotes.predicates import inflections, repaired_lemma

#: verbs of saying: introduce direct, mixed and indirect quotes
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell speak add state claim argue explain note insist warn write tweet post declare announce assert
    suggest ask reply respond answer continue conclude acknowledge admit concede confirm deny recall
    remark report reveal stress emphasize emphasise predict promise vow pledge urge joke quip sigh
    shout scream yell whisper murmur mutter exclaim cry complain lament boast brag charge contend
    counter retort maintain observe opine posit proclaim reiterate repeat recount comment describe
    dismiss allege accuse blast slam criticize criticise mock scoff snap fume thunder gush laugh
    chuckle muse wonder speculate reason testify inform assure caution advise recommend demand plead
    beg tout hail praise quote read text email message blog elaborate clarify interject interrupt
    mention signal indicate disclose divulge concur object protest grumble gripe rail rant sneer
    taunt tease marvel exult rejoice concur surmise theorize theorise hypothesize assert aver affirm
    attest certify swear vouch decry denounce condemn lambast castigate chide scold rebuke berate
    deride ridicule lampoon dispute rebut refute contradict question
    pronounce preach lecture implore entreat exhort chant sing tweet retweet
    recount narrate characterize characterise
    summarize summarise forecast threaten
    insinuate imply hint intimate agree disagree
    encourage
    """.split()
)

#: verbs of the manner of speaking (Levin's class 37.3), of complaining (37.8: groused, carped)
#: and of a face's expression used to say something (40.2: '"This is fantastic!" he beamed')
MANNER_OF_SPEAKING: frozenset[str] = frozenset(
    """babble bark bawl bellow bleat boom bray cackle chatter croak croon crow drawl gabble groan
    growl grunt hiss holler hoot howl jabber moan mumble purr rasp roar screech shriek snarl
    splutter sputter squawk squeal stammer stutter trumpet wail whimper whine whoop yelp
    grouse carp kvetch beam grin smile snort sniff""".split()
)

#: verbs of thinking and feeling: a quotation in their complement is attributed to the subject,
#: but without a quotation they are not reported speech
BELIEF_VERBS: frozenset[str] = frozenset(
    """think believe feel fear hope expect doubt suspect know understand consider reckon guess
    figure imagine worry wish want""".split()
)

#: verbs that attribute words only when a quotation stands in their complement
#: (called him a "liar", described it as "a disgrace")
LABEL_VERBS: frozenset[str] = frozenset(
    """call describe label dub brand term refer characterize characterise deem
    praise thank hail rate liken compare cast portray paint depict attack""".split()
)

#: prepositions whose object carries what is said ("accused him of 'recklessness'", "blasted the
#: press for being 'dishonest'", "rated it as 'false'")
CONTENT_PREPS: frozenset[str] = frozenset("as about of for".split())
#: verbs of comparison, whose "to" phrase carries the words ("likened them to a 'snake'")
COMPARE_VERBS: frozenset[str] = frozenset("liken compare".split())

#: particle or adjective that turns a verb into a cue: (verb lemma, word) -> cue
PHRASAL_CUES: dict[tuple[str, str], bool] = {
    ("make", "clear"): True,
    ("make", "plain"): True,
    ("make", "known"): True,
    ("point", "out"): True,
    ("weigh", "in"): True,
    ("chime", "in"): True,
    ("fire", "back"): True,
    ("hit", "back"): True,
    ("shoot", "back"): True,
    ("push", "back"): True,
    ("lash", "out"): True,
    ("speak", "out"): True,
    ("speak", "up"): True,
    ("cry", "out"): True,
    ("call", "out"): True,
    ("spell", "out"): True,
    ("sum", "up"): True,
    ("open", "up"): True,
    ("put", "it"): True,
    ("let", "slip"): True,
    ("hold", "forth"): True,
    ("go", "on"): True,  # '"...," he went on' (not "went on to win": see ``cue_at``)
    ("break", "down"): False,
}

#: objects of "tell"/"say to" that make a multi-word cue ("told reporters")
AUDIENCE_NOUNS: frozenset[str] = frozenset(
    """reporters journalists press media newsmen correspondents crowd audience supporters
    interviewer viewers listeners readers lawmakers senators delegates voters students""".split()
)

#: nouns that name a statement ("in a statement", "his statement read")
STATEMENT_NOUNS: frozenset[str] = frozenset(
    """statement interview remarks speech tweet post letter memo release email message
    testimony address op-ed editorial column announcement briefing""".split()
)


@dataclass(frozen=True)
class Cue:
    """A cue as found in the text: the token that carries its syntax and its character span."""

    head: Token  # the verb (or "according") whose dependents give the speaker and the content
    text: str
    start: int
    end: int
    speech: bool  # a verb of saying (or "according to"); False for thinking and labelling verbs
    according: bool = False  # "according to X": the speaker is the object of "to"


def is_verb(tok: Token) -> bool:
    """A verb, or a word the tagger took for a noun that the parser gave a subject and an
    auxiliary or a clause, as only a verb has ("Trump did post on Twitter that ...", "the
    candidate plans to be back")."""
    if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        return True
    if tok.pos_ != "NOUN":
        return False
    deps = {c.dep_ for c in children_of(tok)}
    return "nsubj" in deps and not deps.isdisjoint(("aux", "ccomp", "xcomp"))


def may_cue(lower: str, lemma: str) -> bool:
    """False when ``cue_at`` is sure to return None for a token of this form and lemma (a cheap
    test before the full one: most tokens of an article are no cue)."""
    return lower == "according" or lemma.lower() in _CUE_LEMMAS or lower in _CUE_FORMS


def _cue_lemma(tok: Token) -> str:
    """The token's lemma, or the cue verb it is a form of when the lemmatizer erred ("rated" ->
    "rat")."""
    return repaired_lemma(tok.lemma_, tok.lower_, _CUE_FORMS, _CUE_LEMMAS)


def cue_at(tok: Token) -> Cue | None:
    """The cue headed by ``tok``, or None."""
    doc = tok.doc
    low = tok.lower_
    if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        nxt = doc[tok.i + 1]
        return Cue(head=tok, text=f"{tok.text} {nxt.text}", start=tok.idx,
                   end=nxt.idx + len(nxt.text), speech=True, according=True)
    if not is_verb(tok):
        return None
    lemma = _cue_lemma(tok)
    if lemma == "quote" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in children_of(tok)):
        return None  # "said, and I quote,": the writer vouching for the words of another cue's speaker
    # multi-word cues: verb + particle/adjective/object
    for child in tok.rights:
        if child.i > tok.i + 3:
            break
        key = (lemma, child.lower_)
        if key in PHRASAL_CUES and child.dep_ in ("prt", "acomp", "oprd", "ccomp", "xcomp", "dobj",
                                                   "advmod", "prep"):
            if not PHRASAL_CUES[key] or (key == ("go", "on") and _goes_on_to_something(tok)):
                return None
            return Cue(head=tok, text=doc[tok.i: child.i + 1].text, start=tok.idx,
                       end=child.idx + len(child.text), speech=True)
        if lemma == "tell" and child.dep_ in ("dobj", "dative") and child.lower_ in AUDIENCE_NOUNS:
            return Cue(head=tok, text=doc[tok.i: child.i + 1].text, start=tok.idx,
                       end=child.idx + len(child.text), speech=True)
    if lemma in SPEECH_VERBS or lemma in MANNER_OF_SPEAKING:
        return Cue(head=tok, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), speech=True)
    if lemma in BELIEF_VERBS or lemma in LABEL_VERBS:
        return Cue(head=tok, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text), speech=False)
    return None



def _goes_on_to_something(go: Token) -> bool:
    """"went on to win", "went on for hours": going on to an act or for a time, not speaking on."""
    return any(c.dep_ in ("xcomp", "prep") or (c.dep_ == "advcl" and c.left_edge.lower_ == "to")
               for c in go.children)


#: every lemma ``cue_at`` can return a cue for (besides "according to")
_CUE_LEMMAS = frozenset({k[0] for k in PHRASAL_CUES} | {"tell"} | set(SPEECH_VERBS) | set(MANNER_OF_SPEAKING)
                        | set(BELIEF_VERBS) | set(LABEL_VERBS))
#: inflected form -> cue lemma
_CUE_FORMS: dict[str, str] = {f: base for base in _CUE_LEMMAS for f in inflections(base)}


def colon_after(cue: Cue) -> int | None:
    """Index of the colon right after the cue's words ("said:", "told reporters:"), else None."""
    doc = cue.head.doc
    j = cue.head.i + 1
    while j < len(doc) and doc[j].idx < cue.end:
        j += 1
    return j if j < len(doc) and doc[j].text == ":" else None
