"""A participle before a name, parsed as the name's modifier.

News writes an office-holder's state before the name as a bare participle: "held talks with
visiting Kazakh Prime Minister X", "met ousted Syrian President Y".  English grammar reads the
participle as a modifier of the noun phrase (the visiting prime minister); the pinned small model
often reads it as a verb that takes the name as its object ("with [visiting X]", "met [ousted
Y]"), so the talks have no partner and the meeting no guest.  This component rewrites such a
reading on the tokens themselves: the name takes the participle's place in the sentence (object
of the preposition or of the verb before it), and the participle becomes its modifier.

Only a participle of a person's state (``STATES``: a visit, a term of office, custody) that
stands right after the word it hangs on, has neither subject nor auxiliary, and whose object is a
phrase starting right after it with a capitalised word is rewritten, or a participle of what a
group is doing (``GROUP_STATES``: "protesting", "striking") before a plural noun, also where the
parse made it a gerund subject ("Striking mineworkers were warned"): "the army is visiting
villages" (an auxiliary) and "Visiting Paris, the minister said" (an opening clause) are verbs and
stay verbs.

A spaCy pipeline component, after the headline component, so every path through ``tidings.nlp``
sees the same parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from tidings import pipes

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: name of the pipeline component
NAME = "tidings_premodifiers"
#: the participle's relations a misread premodifier takes
_MISREAD = frozenset({"pcomp", "advcl", "xcomp", "ccomp", "conj"})
#: participles that, before a name, tell the person's state: a visit, a term of office, custody
#: ("visiting", "outgoing", "jailed"); a participle of any other verb before a name is its verb
#: ("considering sending Taurus missiles")
STATES = frozenset("""visiting touring outgoing incoming departing retiring sitting serving acting ailing
ousted deposed toppled jailed imprisoned detained arrested exiled slain murdered embattled indicted
convicted elected reelected re-elected newly-elected""".split())
#: participles of what a group is doing, before a plural noun ("met protesting farmers",
#: "appealed to striking miners"): the group's state, whether or not its name is capitalised
GROUP_STATES = frozenset("protesting striking demonstrating rioting marching fleeing returning".split())
#: a subject's relations: "Striking mineworkers were warned" read as a gerund subject
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
#: relations that make the participle a verb of its own clause
_CLAUSE = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg", "csubj"})


def misread_premodifier(tok: Token) -> Token | None:
    """The object of a participle the parse read as a verb where it modifies a name (see the
    module's docstring), or None."""
    group = tok.lower_ in GROUP_STATES
    if group and tok.tag_ == "VBG" and tok.dep_ in _SUBJECT:
        return _misread_subject(tok)
    if tok.tag_ not in ("VBG", "VBN") or not (group or tok.lower_ in STATES) or tok.dep_ not in _MISREAD \
            or tok.i == 0:
        return None
    head = tok.head
    if head.i != tok.i - 1 or head.pos_ not in ("VERB", "ADP") or head.dep_ in ("prt",):
        return None
    if any(c.dep_ in _CLAUSE for c in tok.children):
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objs) != 1:
        return None
    obj = objs[0]
    first = obj.left_edge
    if first.i != tok.i + 1:
        return None
    if group and obj.tag_ == "NNS":
        pass  # "protesting farmers": a group doing it
    elif not first.text[:1].isupper() or first.pos_ not in ("PROPN", "ADJ"):
        return None
    if obj.pos_ not in ("PROPN", "NOUN"):
        return None
    if head.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in head.children):
        return None  # the verb has an object already: the participle is no stand-in for it
    return obj


def _misread_subject(tok: Token) -> Token | None:
    """"Striking mineworkers were warned": the plural noun right after a group's participle that
    the parse read as a gerund subject with that noun as its object, or None."""
    if any(c.dep_ in _CLAUSE for c in tok.children):
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objs) != 1 or objs[0].left_edge.i != tok.i + 1 or objs[0].tag_ != "NNS":
        return None
    return objs[0]


class PremodifierParser:
    """Rewrites misread premodifying participles (see the module's docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, HEAD, POS

        found = [(t, obj) for t in doc if (obj := misread_premodifier(t)) is not None]
        if not found:
            return doc
        attrs = [HEAD, DEP, POS]
        arr = doc.to_array(attrs)
        heads = [t.head.i for t in doc]
        deps = [t.dep_ for t in doc]
        for part, obj in found:
            head = part.head
            # the name takes the participle's place: the preposition's object, or the verb's
            # (its subject, when the participle was read as one)
            heads[obj.i] = head.i
            deps[obj.i] = part.dep_ if part.dep_ in _SUBJECT else "pobj" if head.pos_ == "ADP" else "dobj"
            # the participle modifies the name
            heads[part.i] = obj.i
            deps[part.i] = "amod"
            arr[part.i][2] = doc.vocab.strings["ADJ"]
            # what else hung on the participle ("in Beijing") hangs on the clause's word
            clause = head if head.pos_ in ("VERB", "AUX") else head.head
            for c in part.children:
                if c.i != obj.i:
                    heads[c.i] = clause.i
        for t in doc:
            arr[t.i][0] = np.array(heads[t.i] - t.i, dtype=np.int64).astype(np.uint64)
            arr[t.i][1] = doc.vocab.strings[deps[t.i]]
        doc.from_array(attrs, arr)
        return doc


def add_to(nlp: Language) -> None:
    """Append the component to ``nlp`` (once)."""
    pipes.append(nlp, NAME, PremodifierParser)
