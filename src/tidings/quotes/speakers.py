"""Speakers: find the mention that a cue attributes speech to, and resolve it to a canonical name.

* the mention as written: the cue's subject noun phrase ("Britain's Jeremy Hunt", "he", "a homeless
  man", "Iran's supreme leader"), or the object of "according to", without appositives or relative
  clauses;
* the resolved name: the fullest form of the person's name the article gives ("Pompeo" -> "Mike
  Pompeo"), titles stripped; appositives ("Hugh Hill, a doctor," / "a doctor, Hugh Hill,"); relative
  "who" -> the noun it hangs on; pronouns -> an antecedent chosen by recency, grammatical role
  (earlier speakers and subjects first) and gender, across sentences and paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.model import Speaker
from tidings.parsed import children_of, lefts_of, parsed
from tidings.quotes.cues import Cue
from tidings.quotes.predicates import SETTING_NOUNS

TITLES: frozenset[str] = frozenset(
    """mr mrs ms miss dr prof sen senator rep representative gov governor president vice
    secretary gen general adm admiral col colonel lt maj capt sgt minister premier chancellor
    mayor judge justice chief sir dame lord lady rev reverend father sister brother pope king
    queen prince princess sheikh ayatollah former late then acting deputy state foreign prime
    defense defence attorney house speaker leader chairman chairwoman chair commissioner
    ambassador director candidate nominee congressman congresswoman councilman councilwoman
    professor coach officer detective inspector sheriff special envoy representative""".split()
)
SUFFIXES: frozenset[str] = frozenset("jr jr. sr sr. ii iii iv".split())
MALE_PRONOUNS: frozenset[str] = frozenset("he him his himself".split())
FEMALE_PRONOUNS: frozenset[str] = frozenset("she her hers herself".split())
PERSON_PRONOUNS: frozenset[str] = MALE_PRONOUNS | FEMALE_PRONOUNS
PLURAL_PRONOUNS: frozenset[str] = frozenset("they them their we us our".split())
MALE_TITLES: frozenset[str] = frozenset("mr mr. sir king prince father brother congressman "
                                        "councilman chairman lord".split())
FEMALE_TITLES: frozenset[str] = frozenset("mrs mrs. ms ms. miss queen princess sister dame lady "
                                          "congresswoman councilwoman chairwoman".split())
#: a small list of common first names, used only to keep "she" away from men and "he" from women
MALE_NAMES: frozenset[str] = frozenset(
    """aaron adam alan albert alex alexander andrew anthony antonio ben benjamin bernie bill bob
    boris brad brandon brian bruce carl carlos charles chris christopher chuck dan daniel david
    dennis dick don donald doug douglas ed edward emmanuel eric frank fred gary george gerald greg
    harry henry hugh ian jack jacob james jared jason jean jeff jeffrey jeremy jerry jim jimmy joe
    john jon jonathan jose joseph josh juan justin keith ken kevin larry lee luis marco mark martin
    matt matthew michael mike mitch mohammed muhammad nathan neil nick nicolas nigel olaf omar
    patrick paul pete peter phil rand raymond reince richard rick rob robert roger ron ronald rudy
    rudolph ryan sam samuel scott sean sergei sergey stephen steve steven ted thomas tim timothy tom
    tony vladimir walter wayne william xi""".split()
)
FEMALE_NAMES: frozenset[str] = frozenset(
    """alice amy andrea angela ann anna anne barbara betsy betty brenda carly carol caroline
    catherine chelsea christine cindy claire debbie deborah diana diane donna dorothy elizabeth
    ellen emily emma gennifer gina hannah heather helen hillary huma ivanka jane janet jennifer
    jessica jill joan joyce judy julia julie karen kate katherine kathleen kathy kellyanne kelly
    kim kimberly laura lisa linda liz lori lynn margaret maria marie marine martha mary megyn
    melania michelle nancy nicola nikki olivia pam pamela patricia rachel rebecca rose ruth sandra
    sarah sharon sheryl stephanie susan susana theresa tulsi virginia wendy""".split()
)

_WORD = re.compile(r"[A-Za-z][\w'.-]*")


@dataclass
class Mention:
    """A mention of a named person in the article (outside quotations)."""

    start: int
    end: int
    sent: int
    key: str  # cluster key: the surname, lower-cased
    role: float  # 3 speaker, 2 subject, 1 other
    gender: str | None


@dataclass
class Resolution:
    name: str | None
    confidence: float


def _clean_name_tokens(words: list[str]) -> list[str]:
    while words and (words[0].lower().rstrip(".") in TITLES or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    while words and (words[-1].lower() in SUFFIXES or words[-1] in ("'s", "’s", "'", "’")):
        if words[-1].lower() in SUFFIXES and len(words) > 2:
            break
        words = words[:-1]
    out: list[str] = []
    for w in words:
        w = re.sub(r"['’]s$", "", w)
        if w:
            out.append(w)
    return out


def clean_name(text: str) -> str:
    """'Secretary of State Mike Pompeo' -> 'Mike Pompeo'; "Putin's" -> 'Putin'."""
    words = text.replace("\n", " ").strip(" -\u2014\u2013\u2015\u2012").split()
    # "Britain's Jeremy Hunt" -> "Jeremy Hunt": a possessive before the name is not part of it
    for i in range(len(words) - 2, -1, -1):
        if re.search(r"['’]s?$", words[i]) and words[i] not in ("'", "’"):
            words = words[i + 1:]
            break
        if words[i] in ("'s", "’s"):
            words = words[i + 1:]
            break
    # "Secretary of State X": drop everything up to the last title-cased run after an "of" title
    words = _clean_name_tokens(words)
    # "Charlotte Mayor Jennifer Roberts": a title inside the name ends what comes before it
    for i in range(len(words) - 2, 0, -1):
        if words[i][:1].isupper() and words[i].lower().rstrip(".") in TITLES - {"state", "house"}:
            words = _clean_name_tokens(words[i + 1:])
            break
    if len(words) >= 3 and words[1].lower() in ("of", "for"):
        rest = words[2:]
        while rest and rest[0].lower().rstrip(".") in TITLES | {"state", "defense", "homeland"}:
            rest = rest[1:]
        if rest and len(rest) < len(words):
            words = _clean_name_tokens(rest)
    return " ".join(words)


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in SUFFIXES]
    return words[-1].lower() if words else name.lower()


def _gender_of(words: list[str]) -> str | None:
    for w in words:
        lw = w.lower()
        if lw in MALE_TITLES:
            return "m"
        if lw in FEMALE_TITLES:
            return "f"
    cleaned = _clean_name_tokens(words)
    if len(cleaned) >= 2:
        first = cleaned[0].lower()
        if first in MALE_NAMES:
            return "m"
        if first in FEMALE_NAMES:
            return "f"
    return None


#: entity labels of a when, never a who
TIME_ENTS = frozenset(("DATE", "TIME"))


def is_when(tok: Token) -> bool:
    """A day, a date or an hour, which is when something was said and never who said it. An age
    is tagged as a date too, but "the 46-year-old" is a who."""
    if tok.ent_type_ not in TIME_ENTS:
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is None or ent[-1].lower_ != "old"


#: tags of the finite word of a verb group
FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP", "MD"))


def finite_form(verb: Token) -> str | None:
    """The tag of the finite word of a verb group: its own, or its auxiliary's ("has championed")."""
    for c in children_of(verb):
        if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.tag_ in FINITE_TAGS:
            return c.tag_
    return verb.tag_ if verb.tag_ in FINITE_TAGS else None


def agrees_above(conj: Token, above: Token) -> bool:
    """A conjunct in the tense of ``above`` (a verb over the clause it hangs in) where the verb it
    is coordinated with has another: "denies that the camp was full and refuses ..." ("refuses"
    goes with "denies", not with "was")."""
    own = finite_form(conj)
    return own is not None and own == finite_form(above) and finite_form(conj.head) not in (None, own)


def _past_time(subj: Token) -> Token | None:
    """``subj``, or when it is a day or an hour, the noun the parser set in apposition to it."""
    if not is_when(subj):
        return subj
    return next((c for c in children_of(subj) if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                 and not is_when(c)), None)


def _verb_above(conj: Token) -> Token | None:
    """A finite verb the parser coordinated with a noun or an adjective ('called it "shameful"
    and called on leaders ...'): the verb that governs that word, whose subject acts again."""
    if conj.tag_ not in FINITE_TAGS or conj.head.pos_ not in ("NOUN", "PROPN", "ADJ", "PRON"):
        return None
    up = conj.head
    for _ in range(4):
        if up.head.i == up.i:
            return None
        up = up.head
        if up.pos_ in ("VERB", "AUX"):
            return up
    return None


def _reporting_verb_of(conj: Token) -> Token | None:
    """The verb above the clause a subjectless conjunct hangs in, when the conjunct is that verb's
    subject's next act (``agrees_above``)."""
    clause = conj.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    return clause.head if agrees_above(conj, clause.head) else None


def subject_of(cue: Cue, allowed: Callable[[Token], bool] = lambda t: True) -> Token | None:
    """The token naming who speaks for a cue: its subject, found through xcomp/conj/advcl chains
    ("went on to say", "paused and added", "..., adding"), the agent of a passive, or the object
    of "according to"."""
    head = cue.head
    if cue.according:
        to = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if to is None:
            return None
        for c in children_of(to):
            if c.dep_ == "pobj" and allowed(c):
                return c
        return None
    if passive_participle(head):
        return None
    tok: Token | None = head
    for _ in range(4):
        if tok is None:
            break
        here = tok
        # a day or an hour is when it was said, whatever the parser made of it; a subject it
        # took for its apposition ("2:40 p.m. <para> Trump's campaign manager says") is the one
        subjects = [_past_time(c) for c in children_of(tok) if c.dep_ in ("nsubj", "csubj")]
        subjects = [c for c in subjects if c is not None and allowed(c)]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - here.i))
        for c in children_of(tok):
            if c.dep_ == "nsubjpass" and tok.lemma_ in ("quote", "cite") and allowed(c):
                return c
            if c.dep_ == "agent":
                for g in children_of(c):
                    if g.dep_ == "pobj" and allowed(g):
                        return g
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") \
                and tok.head.i < tok.i:
            # "Democrats hoping to retain the House", "a poll showing a tie": the noun the
            # participle modifies does it; a message someone issued ("put out a statement
            # saying") speaks for them
            noun = tok.head
            if noun.lemma_.lower() in SETTING_NOUNS and noun.dep_ == "dobj" and noun.head.i != noun.i:
                tok = noun.head
                continue
            return noun if allowed(noun) else None
        if tok.head.i != tok.i and (tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") or (
                # "Trump gestured ..., then leaned in and said": a verb of a sequence the parser
                # left unlabelled shares the subject of the verb it hangs on
                tok.dep_ == "dep" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" and tok.head.is_alpha)):
            nxt = tok.head
            if tok.dep_ == "conj":
                nxt = _reporting_verb_of(tok) or _verb_above(tok) or nxt
            if tok.dep_ == "conj" and _dash_between(nxt, tok):
                break  # "... wasn't an accident -- Buck told Politico": a new clause
            if nxt.dep_ == "prep" and nxt.head.i != nxt.i:  # "quoted as saying"
                nxt = nxt.head
            tok = nxt
            continue
        break
    # a subject the parser hung elsewhere: "Alarmed by the unrest in Nevada, Senator Harry Reid,
    # the minority leader, said" (Reid taken as a conjunct of Nevada)
    stray = _stray_subject(head)
    if stray is not None and allowed(stray):
        return stray
    # inverted order with a misparse: '"...," said Lavrov.' parsed with Lavrov as object
    nxt_i = head.i + 1
    if nxt_i < len(head.doc) and head.lemma_ == "say":
        nt = head.doc[nxt_i]
        if nt.pos_ == "PROPN" and nt.head.i == head.i and not is_when(nt) and allowed(nt):
            return nt
    return None


#: dashes that set off a clause or an aside, as the tokenizer leaves them
CLAUSE_DASHES = ("\u2014", "\u2013", "--")


def passive_participle(verb: Token) -> bool:
    """'Asked whether ..., 75 percent said yes': a bare passive participle opening the clause;
    whoever asked is unnamed, and the subject of the main clause is the one asked, not the source."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children_of(verb))


def _dash_between(a: Token, b: Token) -> bool:
    """A dash between two verbs with no coordinator after it: a new clause ("-- Buck told"),
    unlike "-- and thinks"."""
    lo, hi = sorted((a.i, b.i))
    between = list(a.doc[lo + 1:hi])
    dashes = [n for n, t in enumerate(between) if t.text in CLAUSE_DASHES]
    return bool(dashes) and not any(t.dep_ == "cc" for t in between[dashes[-1]:])


def _stray_subject(verb: Token) -> Token | None:
    """The noun just before a verb that has no subject, when the parser attached it elsewhere
    (as a conjunct or an appositive of a noun before it): an apposition after it ("Reid, the
    minority leader, said") is skipped.  Only a name or a noun phrase that is not part of the
    verb's own clause qualifies."""
    doc = verb.doc
    j = verb.i - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0:
        return None
    # the last word of an apposition ("Buck, a spokesman for Ryan, told"): climb to the noun it
    # describes; else the noun just before the verb
    tok = doc[j]
    up = tok
    for _ in range(6):
        if up.dep_ == "appos" and up.head.i < up.i:
            tok = up.head
            break
        if up.head.i == up.i or up.head.i > verb.i:
            break
        up = up.head
    tok = _head_noun(tok)
    if tok.pos_ not in ("PROPN", "NOUN") or is_when(tok):
        return None
    if tok.dep_ not in ("conj", "appos") or tok.head.i >= tok.i:
        return None
    # it stands at a clause boundary: a comma or a dash before its phrase
    left = tok.left_edge.i
    if left == 0 or doc[left - 1].text not in (",", *CLAUSE_DASHES):
        return None
    return tok


def _head_noun(tok: Token) -> Token:
    """The head of the noun phrase ``tok`` ends (the name for "Harry Reid", itself otherwise)."""
    while tok.dep_ in ("compound", "flat", "amod", "det", "poss") and tok.head.i > tok.i:
        tok = tok.head
    return tok


#: modifiers that do not tell two holders of a title apart ("the top official", "the senior aide")
_LOOSE_MODIFIERS: frozenset[str] = frozenset("top senior former then current new chief".split())


def _role_words(ent: Span) -> frozenset[str]:
    """The title words of a named person: the compounds before the name ("Police Chief", "Foreign
    Minister") and the noun phrase it stands in apposition with, lower-cased lemmas."""
    doc = ent.doc
    words: set[str] = set()
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i].ent_type_ != "PERSON" and (
            doc[i].dep_ == "compound" or doc[i].lower_ in TITLES):
        words.add(doc[i].lemma_.lower())
        i -= 1
    root = ent.root
    other: Token | None = None
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        other = root.head
    else:
        other = next((c for c in children_of(root) if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
    if other is not None:
        words.add(other.lemma_.lower())
        words.update(c.lemma_.lower() for c in children_of(other)
                     if c.dep_ in ("compound", "amod") and c.i < other.i)
    return frozenset(words)


_KEEP_LEFT = frozenset("compound det amod poss nmod nummod quantmod case flat advmod npadvmod "
                       "predet prep".split())


def mention_span(tok: Token) -> Span:
    """The noun phrase headed by ``tok`` as written, without appositives, relative clauses and
    trailing punctuation ("Hugh Hill, a doctor, who ..." -> "Hugh Hill")."""
    doc = tok.doc
    if tok.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS or tok.pos_ == "PRON":
        return doc[tok.i: tok.i + 1]
    start = tok.i
    for c in lefts_of(tok):
        if (c.dep_ in _KEEP_LEFT or c.dep_.startswith("compound")) and not is_when(c):
            start = min(start, c.left_edge.i)
    # the mention stays in its paragraph
    while start < tok.i and any("\n" in t.text for t in doc[start:tok.i]):
        start += 1
    end = tok.i + 1
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "from", "with", "to", "in", "on"):
            sub_end = c.right_edge.i + 1
            if sub_end - tok.i <= 8 and not any(t.is_quote for t in doc[tok.i: sub_end]):
                end = max(end, sub_end)
            else:
                break
        elif c.dep_ in ("compound", "flat", "nummod") and c.i == end:
            end = c.right_edge.i + 1
        elif c.dep_ in ("cc", "conj") and c.i <= end + 1:
            if c.dep_ == "conj":
                cs = mention_span(c)
                end = max(end, cs.end)
        else:
            break
    view = parsed(doc)
    punct, space = view.is_punct, view.is_space
    while start < end and (punct[start] or space[start]):
        start += 1
    while end > start and (punct[end - 1] or space[end - 1]):
        end -= 1
    return doc[start:end]


class Resolver:
    """Canonical names for the people of one article, and pronoun antecedents."""

    def __init__(self, doc: Doc, in_quote: list[bool], speaker_subjects: list[Token]) -> None:
        self.doc = doc
        self.in_quote = in_quote
        view = self._view = parsed(doc)
        self.sent_starts: list[int] = [s.start for s in view.sents]
        self.mentions: list[Mention] = []
        self.fullest: dict[str, str] = {}
        self._count: dict[str, int] = {}
        self.gender: dict[str, str] = {}
        speaker_heads = {t.i for t in speaker_subjects}
        seen: set[tuple[int, int]] = set()
        self.ents = view.ents
        self.persons = [e for e in self.ents if e.label_ == "PERSON"]
        for ent in self.persons:
            self._add(ent, speaker_heads)
            seen.add((ent.start, ent.end))
        # named speakers that the NER missed or mislabelled ("Pompeo" as ORG)
        for t in speaker_subjects:
            if t.pos_ != "PROPN" or t.ent_type_ in ("GPE", "NORP", "LOC", "FAC"):
                continue
            if t.ent_type_ == "ORG" and _surname(t.text) not in self._count:
                continue
            span = mention_span(t)
            names = [w for w in span if w.pos_ == "PROPN"]
            if not names:
                continue
            s = doc[names[0].i: names[-1].i + 1]
            if (s.start, s.end) in seen or any(a <= s.start and s.end <= b for a, b in seen):
                continue
            self._add(s, speaker_heads)
            seen.add((s.start, s.end))
        # any other proper noun whose surname is a known person (mislabelled mentions)
        pos, lower = view.pos, view.lower
        for i, t in enumerate(view.tokens):
            if pos[i] == "PROPN" and lower[i] in self._count and t.ent_type_ != "PERSON" \
                    and not any(a <= i < b for a, b in seen):
                self._add(doc[i: i + 1], speaker_heads)
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        # what each named person is called besides the name: "Foreign Minister Hugh Todd",
        # "the foreign minister, Hugh Todd," / "Hugh Todd, the foreign minister,"
        self.roles: list[tuple[int, str, frozenset[str]]] = []
        for ent in self.persons:
            if any(self.in_quote[ent.start: ent.end]):
                continue
            words = _role_words(ent)
            name = clean_name(" ".join(self._view.words[ent.start: ent.end]))
            if words and name:
                self.roles.append((ent.start, _surname(name), words))

    def _add(self, span: Span, speaker_heads: set[int]) -> None:
        in_q = any(self.in_quote[span.start : span.end])
        words = self._view.words[span.start : span.end]
        name = clean_name(" ".join(words))
        if not name or not name[0].isalpha():
            return
        key = _surname(name)
        cur = self.fullest.get(key)
        if cur is None or len(name.split()) > len(cur.split()):
            self.fullest[key] = name
        self._count[key] = self._count.get(key, 0) + 1
        g = _gender_of(words)
        if g and key not in self.gender:
            self.gender[key] = g
        if in_q:
            return
        root = span.root
        # an appositive takes the role of the noun it names ("The foreign minister, Hugh Todd,
        # warned")
        head = root.head if root.dep_ == "appos" else root
        if root.i in speaker_heads or head.i in speaker_heads or any(
                i in speaker_heads for i in range(span.start, span.end)):
            role = 3.0
        elif head.dep_ in ("nsubj", "nsubjpass"):
            role = 2.0
        elif root.dep_ == "poss":
            role = 1.2
        else:
            role = 1.0
        sent = bisect.bisect_right(self.sent_starts, span.start) - 1
        self.mentions.append(Mention(span.start_char, span.end_char, sent, key, role, g))

    # ------------------------------------------------------------------ names

    def canonical(self, name: str) -> str:
        cleaned = clean_name(name)
        if not cleaned:
            return name
        return self.fullest.get(_surname(cleaned), cleaned)

    def name_of_span(self, span: Span) -> Resolution:
        """Resolve a non-pronoun mention: a person's name in it, its appositive, else None."""
        doc = self.doc
        # a person named as a possessor is someone else ("Trump's campaign manager")
        persons = [e for e in self.persons if e.start >= span.start and e.end <= span.end
                   and not (e.root.dep_ == "poss" and e.root.i != span.root.i)]
        if persons:
            return Resolution(self.canonical(persons[-1].text), 0.95)
        root = span.root
        # "a doctor, Hugh Hill," / "Hugh Hill, a doctor,"
        for c in children_of(root):
            if c.dep_ == "appos" and root.pos_ != "PROPN":
                ap = mention_span(c)
                if c.pos_ == "PROPN":
                    return Resolution(self.canonical(" ".join(t.text for t in ap if t.pos_ == "PROPN")),
                                      0.9)
        described = self.described(span)
        if described is not None:
            return described
        propn = [t for t in span if t.pos_ == "PROPN"]
        if propn and root.pos_ == "PROPN":
            run = doc[propn[0].i: propn[-1].i + 1]
            if root.ent_type_ in ("ORG", "GPE", "NORP") and _surname(run.text) not in self.fullest:
                text = run.text
                ents = [e for e in self.ents if e.start <= root.i < e.end]
                if ents:
                    text = ents[0].text
                return Resolution(clean_name(text) or text, 0.85)
            return Resolution(self.canonical(run.text), 0.85)
        return Resolution(None, 0.8)

    def described(self, span: Span) -> Resolution | None:
        """A definite description of a person named earlier ("the minister", "the foreign
        minister" after "Foreign Minister Hugh Todd"): the latest person before it whose title
        has the description's noun and every one of its modifiers.  An indefinite description ("a
        senior police officer") introduces someone new and stays unresolved."""
        root = span.root
        if root.pos_ != "NOUN" or not self.roles:
            return None
        first = span[0]
        if first.lower_ != "the" and not (first.dep_ == "poss" and first.pos_ != "PRON"):
            return None
        noun = root.lemma_.lower()
        mods = {c.lemma_.lower() for c in children_of(root)
                if c.dep_ in ("compound", "amod") and c.i < root.i} - _LOOSE_MODIFIERS
        best: tuple[int, str] | None = None
        for at, key, words in self.roles:
            if at >= span.start:
                break
            if noun in words and mods <= words:
                best = (at, key)
        if best is None:
            return None
        key = best[1]
        self._note(span, key)
        return Resolution(self.fullest.get(key), 0.8)

    def _note(self, span: Span, key: str) -> None:
        """A resolved description counts as a speaker's mention of that person, so that a later
        "she" can reach it."""
        sent = bisect.bisect_right(self.sent_starts, span.start) - 1
        m = Mention(span.start_char, span.end_char, sent, key, 3.0, self.gender.get(key))
        k = bisect.bisect_left(self._starts, m.start)
        self.mentions.insert(k, m)
        self._starts.insert(k, m.start)

    def resolve(self, tok: Token, exclude_after: int | None = None) -> Resolution:
        """Resolve the speaker token of a cue (a name, a pronoun, "who", a description)."""
        low = tok.lower_
        if low in ("who", "that", "which") and tok.dep_.startswith("nsubj"):
            verb = tok.head
            antecedent = verb.head if verb.dep_ == "relcl" else None
            if antecedent is not None and antecedent.i != verb.i:
                return self.name_of_span(mention_span(antecedent))
            return Resolution(None, 0.7)
        if low in PERSON_PRONOUNS:
            return self.pronoun(tok)
        if low in ("its", "their") and tok.dep_ == "poss":
            # "The union repeated its concerns": a possessive in a clause is its subject's
            subj = _clause_subject(tok)
            if subj is not None:
                return self.name_of_span(mention_span(subj))
        if tok.pos_ == "PRON":
            return Resolution(None, 0.7)
        return self.name_of_span(mention_span(tok))

    def pronoun(self, tok: Token) -> Resolution:
        """Antecedent of he/she: the best-scoring person mention before it (outside quotes)."""
        gender = "m" if tok.lower_ in MALE_PRONOUNS else "f"
        pos = tok.idx
        sent = bisect.bisect_right(self.sent_starts, tok.i) - 1
        hi = bisect.bisect_left(self._starts, pos)
        best: dict[str, float] = {}
        for k in range(hi - 1, -1, -1):
            m = self.mentions[k]
            dist = sent - m.sent
            if dist > 8:
                break
            g = self.gender.get(m.key)
            if g is not None and g != gender:
                continue
            score = m.role - 0.9 * dist - 0.01 * (hi - k)
            if dist == 0 and m.role < 2:
                score -= 0.5  # "he told Lavrov": the object of the same clause is rarely "he"
            if score > best.get(m.key, -1e9):
                best[m.key] = score
        if not best:
            return Resolution(None, 0.5)
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        key, top = ranked[0]
        name = self.fullest.get(key)
        if len(ranked) == 1:
            conf = 0.92
        else:
            margin = top - ranked[1][1]
            conf = 0.9 if margin >= 1.5 else 0.8 if margin >= 0.8 else 0.6
        if self.gender.get(key) is None:
            conf -= 0.05
        return Resolution(name, conf)


def _clause_subject(tok: Token) -> Token | None:
    """The noun subject before ``tok`` of the verb whose clause holds it."""
    verb = tok
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


def speaker_at(text: str, tok: Token | None, resolver: Resolver) -> tuple[Speaker | None, float]:
    """The speaker of a quote whose source token is ``tok`` (the mention as written and its
    resolved name), with the factor its resolution puts on the quote's confidence."""
    if tok is None:
        return None, 0.8
    span = mention_span(tok)
    if len(span) == 0:
        span = tok.doc[tok.i: tok.i + 1]
    res = resolver.resolve(tok)
    s, e = span.start_char, span.end_char
    return Speaker(text=text[s:e], name=res.name, actor=None, start=s, end=e), 0.55 + 0.45 * res.confidence
