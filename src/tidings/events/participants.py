"""Who is on each side of an event: mention spans over the parse, actor lookup, pronouns, quotes."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from tidings.actors.types import WATER_BODIES, country_part, stance_prefixed
from tidings.datelines import dateline_tokens
from tidings.events.syntax import opening_order, preps
from tidings.parsed import children_of, lefts_of, parsed

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

    from tidings.model import Quote


class ActorLookup(Protocol):
    """What the coder needs from ``tidings.actors.ArticleActors``."""

    def code_span(self, span: Span) -> Any: ...


SPEECH_LEMMAS = frozenset(
    "say tell announce declare state add insist stress reiterate claim report confirm warn "
    "assert affirm note argue explain write conclude believe think hope indicate reply respond "
    "signal suggest maintain complain allege acknowledge admit".split()
)
#: verbs of calling someone up, whose infinitive the parse may hang as a complement though it
#: is the call's purpose ("telephoned the president-elect to congratulate him")
CALLING_VERBS = frozenset("telephone phone call ring".split())

#: forms of address that stand before a ruler's or an envoy's name ("His Majesty King Abdullah")
HONORIFICS = frozenset("highness majesty excellency holiness eminence".split())
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my", "ours"})
THIRD_PERSON_HUMAN = frozenset({"he", "him", "his", "she", "her"})
OTHER_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
_PRONOUNS = FIRST_PERSON | THIRD_PERSON_HUMAN | OTHER_PRONOUNS
# prepositions of where something is or goes: what they govern is a place, not people
_WHERE_TO = frozenset("in near at outside inside from to into towards toward".split())
#: nouns for a body of people that takes its actor from its of-phrase ("companies of troops")
UNIT_NOUNS = frozenset("company battalion contingent column platoon unit detachment squad regiment "
                       "brigade division team group".split())
#: units, posts and vehicles of a force: "a police patrol" is the police
FORCE_PARTS = frozenset("patrol convoy station post checkpoint base camp headquarters barracks "
                        "outpost unit vehicle position garrison".split())
#: entity types of times and amounts, which name no actor
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: role nouns that are buildings: they stand where they are ("a hospital in Aleppo")
SITE_NOUNS = frozenset("hospital clinic school university college church mosque temple synagogue "
                       "market factory embassy consulate prison".split())
#: one private person named only as such: the doer of a crime, not a political actor
PRIVATE_PERSONS = frozenset("man woman boy girl teenager teen youth burglar thief robber motorist "
                            "driver neighbour neighbor pensioner shopper customer tenant landlord "
                            "passenger fan".split())
#: people named only as a crowd of private persons ("people were travelling to Mombasa for
#: treatment", "residents huddled indoors as the storm passed"): no body that meets, visits, promises, agrees or gives as a party
GENERIC_PEOPLE = frozenset("people person resident villager citizen local inhabitant".split())
#: callings of private and cultural life: people of these callings meeting, visiting, joining
#: forces or clashing with each other are no states' business, whatever their nationality
#: ("a Nigerian singer and an American rapper", "astronomers from Chile and Japan")
PRIVATE_CALLINGS = frozenset(
    "star superstar singer rapper musician actor actress artist painter novelist poet filmmaker "
    "comedian celebrity influencer model designer chef athlete player footballer cricketer runner "
    "cyclist swimmer boxer golfer tennis fan tourist traveller traveler holidaymaker backpacker "
    "astronomer scientist researcher physicist biologist chemist archaeologist mathematician "
    "climber mountaineer collector".split())
#: people named by their tie to another ("his wife", "the minister's son"): the other is not them
PERSONAL_TIES = frozenset("wife husband son daughter father mother brother sister child children "
                          "parent parents family relative relatives cousin uncle aunt nephew niece "
                          "grandson granddaughter friend friends girlfriend boyfriend partner "
                          "neighbour neighbor colleague".split())
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "flat", "case", "det",
                            "quantmod", "punct"})


@dataclass
class Side:
    """One participant: the mention as written and the actor it resolved to (None: unresolved)."""

    text: str
    start: int
    end: int
    match: Any | None  # ActorMatch
    head: int  # token index of the mention's head
    factor: float = 1.0  # confidence factor for how it was found
    via: str = "direct"

    @property
    def key(self) -> str:
        """Who the side is: a named actor by its name, a role by its code as well ("police"
        and "protesters" in Dhaka are both named Bangladesh, and are two sides)."""
        if self.match is not None:
            name = getattr(self.match, "name", None) or ""
            return f"{name}|{getattr(self.match, 'code', '')}"
        return self.text.lower()


def named_keys(sides: Iterable[Side | None]) -> set[str]:
    """The distinct named actors among ``sides`` (two or more: an act of several parties)."""
    return {s.key for s in sides if s is not None and s.match is not None}


def mention_span(tok: Token) -> Span:
    """The noun phrase headed by ``tok`` without relative clauses, appositions or PPs."""
    doc = tok.doc
    left = tok.i
    if coordinated_modifier(tok):
        # "Thailand's army and Cambodian forces": the first conjunct takes what the parse hung
        # on the head before it
        left = min([tok.left_edge.i] + [c.left_edge.i for c in lefts_of(tok.head)
                                        if c.i < tok.i and c.dep_ in _MODIFIER_DEPS])
    for c in lefts_of(tok):
        if c.dep_ in _MODIFIER_DEPS and not coordinated_modifier(c):
            left = min(left, c.left_edge.i)
    for c in lefts_of(tok):
        if coordinated_modifier(c):  # the second conjunct starts after the "and"
            left = max([left] + [k.i + 1 for k in children_of(c) if k.dep_ == "cc"])
    right = tok.i
    dep = parsed(doc).dep
    while left < tok.i and dep[left] in ("det", "punct", "case", "cc", "preconj"):
        left += 1
    return doc[left: right + 1]


#: those who speak for a body, named by their for-phrase
SPOKES_NOUNS = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())


def coordinated_modifier(c: Token) -> bool:
    """A noun the parse hung before a head as its modifier, with the "and" that joins it to
    the head but nothing of its own to be joined with: a conjunct ("Thailand's army and
    Cambodian forces" read as one army-forces; not "army and police officers", whose "and"
    joins two modifiers)."""
    return (c.dep_ in ("nmod", "compound") and c.pos_ in ("NOUN", "PROPN") and c.i < c.head.i
            and any(k.dep_ == "cc" and k.i > c.i for k in children_of(c))
            and not any(k.dep_ == "conj" for k in children_of(c)))


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the heads coordinated with it ("A, B and C")."""
    out = [tok]
    for c in children_of(tok):
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            out.extend(conjuncts(c))
        elif coordinated_modifier(c):
            out.append(c)
        elif (c.dep_ == "appos" and c.pos_ == "PROPN" and tok.pos_ == "PROPN"
              and any(g.dep_ == "conj" for g in children_of(c))):
            out.extend(conjuncts(c))  # "The US, Russia, and Switzerland": a list parsed as appos
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.i >= 2 and tok.doc[tok.i - 1].text == ",":
        # a headline's comma for "and" the parse left unattached: "Sudan army, RSF agree to truce"
        left = tok.doc[tok.i - 2]
        while left.dep_ in ("compound", "amod") and left.head.i < tok.i and left.head.i != left.i:
            left = left.head
        if left.dep_ == "dep" and left.head.i == tok.head.i and left.pos_ in ("NOUN", "PROPN") \
                and left.left_edge.i == tok.sent.start:
            out.append(left)
    return out


#: nouns "the two ..." or "both ..." may stand for two parties named before: "the two leaders",
#: "both sides", "the two countries"
TWO_PARTY_NOUNS = frozenset("leader side country nation government minister president premier "
                            "delegation party neighbour neighbor counterpart state capital".split())


class Resolver:
    """Resolves tokens to sides; holds the per-article caches."""

    def __init__(self, doc: Doc, actors: ActorLookup, quotes: list[Quote] | None) -> None:
        self.doc = doc
        self.actors = actors
        self.quotes = quotes or []
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._sent_starts: list[int] | None = None
        self._persons: list[Any] | None = None
        self._datelines: set[int] | None = None

    def code(self, span: Span) -> Any | None:
        key = (span.start, span.end)
        if key not in self._cache:
            try:
                self._cache[key] = self.actors.code_span(span) if len(span) else None
            except Exception:  # an actor-lookup failure must not lose the article's events
                self._cache[key] = None
        return self._cache[key]

    # ------------------------------------------------------------------ nouns
    def side(self, tok: Token, depth: int = 0, anywhere: bool = False) -> Side | None:
        if tok.i in self.datelines:
            # "JAKARTA — Indonesia's foreign minister met ...": where the story was filed is
            # never an actor; a parse that made it the subject has the actor as apposition
            for c in children_of(tok):
                if c.dep_ == "appos" and c.i not in self.datelines:
                    return self.side(c, depth + 1)
            return None
        if tok.lemma_.lower() in HONORIFICS and depth < 3:
            # "His Highness the Amir Sheikh Mishal ...": the form of address stands before the
            # person, whom the parser holds as its apposition
            named = next((c for c in children_of(tok) if c.dep_ == "appos"), None)
            if named is not None:
                return self.side(named, depth + 1)
        if tok.lower_ in _PRONOUNS:
            return self.pronoun(tok, depth)
        if tok.pos_ == "PRON" or tok.pos_ not in ("PROPN", "NOUN", "ADJ", "NUM", "X"):
            return None  # "that", "which", "those": no participant
        if tok.ent_type_ in _TIME_ENTITIES:
            return None  # "May Day rallies": a day named for no one
        span = mention_span(tok)
        if span.start > 0 and span.end < len(self.doc) and self.doc[span.start - 1].text == "(" \
                and self.doc[span.end].text == ")" and str(getattr(self.code(span), "code", "")).endswith("MED"):
            return None  # "Ottawa, Apr 14 (AFP) Canada announced ...": the wire's credit, no actor
        match = self.code(span)
        if match is None and tok.dep_ == "dobj" and opening_order(tok.head):
            # "Save the Children called on ...": a name that opens with a verb, which the parse
            # read as an order with this word its object
            whole = self.doc[tok.head.i: span.end]
            match = self.code(whole)
            if match is not None:
                span = whole
        if match is None and anywhere:
            code_anywhere = getattr(self.actors, "code_anywhere", None)
            match = code_anywhere(span) if code_anywhere is not None else None
        factor, via = 1.0, "direct"
        if match is not None and getattr(match, "kind", "") == "role" and not self.own_nationality(tok):
            # a role word is placed by its own of/from phrase before the article's context:
            # "leaders of ECOWAS", "officers from Guinea-Bissau" (not "Ukrainian children from
            # Russia", whose nationality is their own)
            named = self.named_by_phrase(tok, match)
            if named is not None:
                match, factor, via = named, 0.9, "of-phrase"
        if match is None and tok.pos_ == "PROPN" and not any(
                c.dep_ in ("compound", "flat") and c.pos_ == "PROPN" and c.i < tok.i for c in children_of(tok)):
            # the head word alone, unless it ends a longer name nobody knows ("Lockheed Martin"
            # is no one called Martin)
            match = self.code(self.doc[tok.i: tok.i + 1])
        if match is None and tok.pos_ == "PROPN":
            match = self.described_name(tok, span)
            if match is not None:
                factor, via = 0.85, "description"
        if match is None:
            # "the US commander in Iraq, General David Petraeus": the apposition names him
            for c in children_of(tok):
                if c.dep_ == "appos":
                    m = self.code(mention_span(c))
                    if m is not None:
                        match, via = m, "appos"
                        break
        if match is None:
            # "Iran's supreme leader", "leaders of the opposition coalition"
            for c in children_of(tok):
                if c.dep_ == "poss" and c.pos_ != "PRON":
                    m = self.code(mention_span(c))
                    if m is not None:
                        match, factor, via = m, 0.85, "possessor"
                        break
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    for p in children_of(c):
                        if p.dep_ == "pobj":
                            m = self.code(mention_span(p))
                            if m is not None:
                                match, factor, via = m, 0.85, f"{c.lower_}-phrase"
                                break
                if match is not None:
                    break
        if match is None and tok.lemma_.lower() in FORCE_PARTS:
            # "a police patrol", "an army convoy", "the military base": a force's unit, post or
            # vehicle is that force
            for c in lefts_of(tok):
                if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ"):
                    m = self.code(mention_span(c))
                    if m is not None and getattr(m, "kind", "") == "role":
                        match, factor, via = m, 0.85, "force's unit"
                        break
        if match is None and tok.lower_ not in WATER_BODIES:
            # an actor modifier ("Israeli soldiers", "U.S. negotiators") the actors did not join;
            # a sea named for a land is not that land ("the South China Sea")
            for c in lefts_of(tok):
                if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN") and not (
                        stance_prefixed(parsed(self.doc).lower, c.i)):  # "anti-Syria": against it
                    m = self.code(mention_span(c))
                    if m is not None:
                        match, factor, via = m, 0.85, "modifier"
                        break
        return Side(span.text, span.start_char, span.end_char, match, tok.i, factor, via)

    def described_name(self, tok: Token, span: Span) -> Any | None:
        """A name nobody knows, with the description written before it ("rebel leader Katumba
        Dhlakama", "Jinxi police chief Tom Baro"): who the description says, the longest of its
        endings that names an actor."""
        nouns = [t for t in span if t.i < tok.i and t.pos_ == "NOUN" and t.dep_ in ("compound", "nmod")]
        if not nouns:
            return None
        last = nouns[-1].i
        for start in range(span.start, last + 1):
            m = self.code(self.doc[start:last + 1])
            if m is not None:
                return m
        return None

    def own_nationality(self, tok: Token) -> bool:
        """A role noun with a country's adjective or name before it ("Ukrainian children")."""
        for c in lefts_of(tok):
            if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN"):
                m = self.code(mention_span(c))
                if m is not None and getattr(m, "kind", "") == "country":
                    return True
        return False

    def named_by_phrase(self, tok: Token, role: Any) -> Any | None:
        """The actor an of/from phrase names for a role noun, with the role kept for a country
        ("officers from Guinea-Bissau" = GNBMIL) and dropped for an organisation ("leaders of
        ECOWAS" = the organisation); a building stands in the country of its in-phrase ("a
        hospital in Aleppo" is Syria's, whoever struck it)."""
        role_code = str(getattr(role, "code", ""))
        if tok.lemma_.lower() in SITE_NOUNS and len(role_code) >= 3:
            holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "nsubjpass") else [])
            for p in (p for h in holders for p in preps(h, ("in",))):
                # (the parser may hang the place on the verb: "destroyed a hospital | in Aleppo")
                where = self.place(p)
                code = str(getattr(where.match, "code", "")) if where is not None else ""
                if len(code) == 3:
                    return _Derived(code + role_code[-3:], str(getattr(where.match, "name", code)), "role", code)
        # (a spokesperson speaks "for" the body: "a spokesman for the Houthi armed forces")
        naming = ("of", "from", "for") if tok.lemma_.lower() in SPOKES_NOUNS else ("of", "from")
        for c in children_of(tok):
            if c.dep_ != "prep" or c.lower_ not in naming:
                continue
            for p in children_of(c):
                if p.dep_ != "pobj":
                    continue
                m = self.code(mention_span(p))
                if m is not None and getattr(m, "kind", "") == "role" and tok.lemma_.lower() in UNIT_NOUNS:
                    return m  # "fourteen companies of police": the units are the force
                if m is None or getattr(m, "kind", "") not in ("country", "igo", "group"):
                    continue
                role_code = str(getattr(role, "code", ""))
                code = str(getattr(m, "code", ""))
                if getattr(m, "kind", "") == "country" and len(code) == 3 and len(role_code) >= 3:
                    return _Derived(code + role_code[-3:], str(getattr(m, "name", code)), "role", code)
                return m
        return None

    def sides(self, tok: Token | None) -> list[Side]:
        if tok is None:
            return []
        pair = self.the_two(tok)
        if pair:
            return pair
        out = []
        first: Side | None = None
        for t in conjuncts(tok):
            s = self.side(t)
            if s is not None:
                if first is None:
                    first = s
                elif s.match is None and first.match is not None and not any(True for _ in t.lefts):
                    # "Israeli helicopters and tanks": a bare noun coordinated with a modified
                    # one shares its modifier
                    s.match, s.factor, s.via = first.match, s.factor * 0.9, "shared modifier"
                out.append(s)
                out.extend(self.coordinated_modifiers(t, s))
                out.extend(self.coordinated_phrase(t, s))
        return out

    def the_two(self, tok: Token) -> list[Side]:
        """"the two", "the two leaders", "both sides" as a subject: the two parties named
        before it in its sentence or the one before, each a side ("hosted his Lao counterpart in
        Hanoi, and the two signed three agreements"); nothing when fewer than two distinct
        parties came before."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return []
        words = {c.lower_ for c in children_of(tok) if c.i < tok.i} | {tok.lower_}
        if not ({"two", "both"} & words) or (tok.lower_ != "two" and not any(
                c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in children_of(tok))):
            return []
        if tok.lower_ not in ("two", "both") and tok.lemma_.lower() not in TWO_PARTY_NOUNS:
            return []
        found: list[Side] = []
        # this sentence before the subject, then the sentence before it ("Kenya and Uganda met
        # in Nairobi. Both sides agreed to reopen the border.")
        start = tok.sent.start
        before = self.doc[start - 1].sent.start if start > 0 else start
        for word in reversed(list(self.doc[before: tok.i])):
            if word.dep_ not in ("nsubj", "dobj", "pobj", "appos", "conj") or word.pos_ not in ("NOUN", "PROPN"):
                continue
            side = self.side(word, 1)
            if side is None or side.match is None:
                continue
            country = getattr(side.match, "country", None) or getattr(side.match, "code", None)
            if all((getattr(f.match, "country", None) or getattr(f.match, "code", None)) != country for f in found):
                found.append(side)
            if len(found) == 2:
                return list(reversed(found))
        return []

    def coordinated_phrase(self, tok: Token, side: Side) -> list[Side]:
        """ "diplomats from Japan and South Korea": one more side per coordinated country or
        named body of the head's of/from phrase (a portfolio is no side: "the Ministry of Trade
        and Industry")."""
        extra: list[Side] = []
        if side.via not in ("of-phrase", "from-phrase", "of-phrase"):
            return extra
        for c in children_of(tok):
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                for p in children_of(c):
                    if p.dep_ != "pobj":
                        continue
                    for g in conjuncts(p)[1:]:
                        m = self.code(mention_span(g))
                        if m is not None and getattr(m, "kind", None) != "role" \
                                and getattr(m, "code", None) != getattr(side.match, "code", None):
                            extra.append(Side(side.text, side.start, side.end, m, tok.i,
                                              side.factor * 0.9, "coordinated phrase"))
        return extra

    @property
    def datelines(self) -> set[int]:
        if self._datelines is None:
            self._datelines = dateline_tokens(self.doc)
        return self._datelines

    def coordinated_modifiers(self, tok: Token, side: Side) -> list[Side]:
        """ "US and British activists": one more side per coordinated actor modifier."""
        extra: list[Side] = []
        others: list[Token] = []
        for c in lefts_of(tok):
            if c.dep_ in ("amod", "compound", "nmod") and any(g.dep_ == "conj" for g in children_of(c)):
                others += conjuncts(c)[1:]
        # "Indian, Pakistani security advisers" (a headline's comma for "and"): modifiers set
        # side by side with a comma, on the head or on its compound
        mods = [c for c in lefts_of(tok) if c.dep_ in ("amod", "compound", "nmod")]
        mods += [g for c in mods if c.dep_ == "compound" for g in lefts_of(c) if g.dep_ in ("amod", "nmod")]
        if any(c.dep_ == "punct" and c.lower_ == "," for h in [tok] + mods for c in lefts_of(h)):
            others += [c for c in mods if c.pos_ in ("ADJ", "PROPN") and c.i != side.head]
        # (the parse may hang the first of them on the verb: the words before the phrase)
        i = min([tok.i] + [m.i for m in mods])
        while i >= 2 and self.doc[i - 1].lower_ == "," and self.doc[i - 2].pos_ in ("ADJ", "PROPN") \
                and self.doc[i - 2].head.i != tok.i and self.doc[i - 2].dep_ in ("amod", "advcl", "compound", "nmod"):
            others.append(self.doc[i - 2])
            i -= 2
        for g in others:
            m = self._as_modifier(self.code(self.doc[g.i: g.i + 1]), side)
            if m is not None and (side.match is None or getattr(m, "name", None) != getattr(side.match, "name", None)) \
                    and all(getattr(m, "name", None) != getattr(x.match, "name", None) for x in extra):
                extra.append(Side(side.text, side.start, side.end, m, tok.i, side.factor * 0.9, "coordinated modifier"))
        return extra

    @staticmethod
    def _as_modifier(m: Any | None, side: Side) -> Any | None:
        """A coordinated country modifier takes the head's role: "Indian and Chinese troops"
        are INDMIL and CHNMIL (a demonym the parser took for a person is still its country)."""
        country = country_part(str(getattr(m, "code", ""))) if m is not None else None
        if m is None or country is None or getattr(m, "kind", "") not in ("country", "person"):
            return m
        head = str(getattr(side.match, "code", "")) if side.match is not None else ""
        home = side_country(side)
        if getattr(side.match, "kind", "") == "role" and home and head.startswith(home) and len(head) > len(home):
            return _Derived(country + head[len(home):], str(getattr(m, "name", country)), "role", country)
        if getattr(m, "kind", "") == "person" and str(getattr(m, "code", "")) == country:
            return _Derived(country, country, "country", country)
        return m

    def place(self, tok: Token) -> Side | None:
        """The country of a place mention ("in Montenegro", "in Beijing", "the Iraqi city of
        Basra"), for events whose participant is where they happen, through the actors'
        public ``place_country`` (the article coder treats such places as locations, not
        actors).  Actor lookups without it (test stand-ins) fall back to ``code_span``."""
        span = mention_span(tok)
        if tok.lower_ in WATER_BODIES and any(c.dep_ == "prep" and c.lower_ == "of" for c in children_of(tok)):
            return None  # "the Sea of Japan", "the Gulf of Aden": water named for a land is not it
        place_country = getattr(self.actors, "place_country", None)
        key = (span.start, span.end, "place")
        if key not in self._cache:
            m = None
            try:
                if place_country is not None:
                    m = place_country(span)
                    if m is None:
                        # "the city of Nablus", "the town of X": the of-object is the place
                        for c in children_of(tok):
                            if c.dep_ == "prep" and c.lower_ == "of":
                                for p in children_of(c):
                                    if p.dep_ == "pobj":
                                        m = place_country(mention_span(p))
                else:
                    m = self.code(span)
            except Exception:
                m = None
            if m is not None and getattr(m, "kind", "") != "country":
                m = None
            self._cache[key] = m
        m = self._cache[key]
        if m is None:
            return None
        return Side(span.text, span.start_char, span.end_char, m, tok.i, 0.8, "place")

    # ------------------------------------------------------------------ pronouns
    def quote_at(self, char: int) -> Quote | None:
        for q in self.quotes:
            spans = [(q.start, q.end), *q.spans]
            if any(s <= char < e for s, e in spans):
                return q
        return None

    def pronoun(self, tok: Token, depth: int) -> Side | None:
        low = tok.lower_
        text, start, end = tok.text, tok.idx, tok.idx + len(tok.text)
        if depth > 3:
            return Side(text, start, end, None, tok.i, 1.0, "pronoun")
        if low in FIRST_PERSON:
            q = self.quote_at(tok.idx)
            if q is not None and q.speaker is not None and q.speaker.actor:
                sp = q.speaker

                class _M:  # a minimal ActorMatch built from the quote's resolved speaker
                    code = sp.actor
                    name = sp.name
                    kind = "speaker"
                    country = (sp.actor or "")[:3] or None

                return Side(text, start, end, _M(), tok.i, 0.9, "quote speaker")
        if low in ("it", "they") and tok.dep_ == "nsubj" and tok.head.dep_ == "relcl":
            # "Venezuela has not freed the journalists it arrested": the subject of a relative
            # clause on the main clause's object is the main clause's subject, since a pronoun
            # cannot name the noun its own clause describes
            main = tok.head.head
            main = main.head if main.dep_ in ("dobj", "pobj") else None
            if main is not None and main.dep_ == "prep":
                main = main.head
            subj = next((c for c in children_of(main) if c.dep_ == "nsubj"), None) if main is not None else None
            if subj is not None and subj.i < tok.i and subj.lower_ not in _PRONOUNS:
                s = self.side(subj, depth + 1)
                if s is not None and s.match is not None:
                    return Side(text, start, end, s.match, tok.i, 0.8 * s.factor, "antecedent")
        if low in ("him", "her", "them") and tok.dep_ == "dobj" and (tok.head.dep_ == "advcl" or (
                tok.head.dep_ == "xcomp" and tok.head.head.lemma_.lower() in CALLING_VERBS)) \
                and tok.head.head.i != tok.head.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok.head)):
            # "telephoned Uruguay's president-elect to congratulate him": the object of an
            # infinitive of purpose on a verb with an object of its own is that object, whoever
            # reports it (not so a complement's: in "urged X to free him" X frees; the parse may
            # hang a call's purpose as a complement)
            main_obj = next((c for c in children_of(tok.head.head) if c.dep_ == "dobj"), None)
            if main_obj is not None and main_obj.lower_ not in _PRONOUNS and (low == "them") == (
                    main_obj.tag_ in ("NNS", "NNPS")):
                s = self.side(main_obj, depth + 1)
                if s is not None and s.match is not None:
                    return Side(text, start, end, s.match, tok.i, 0.85 * s.factor, "antecedent")
        speaker = self.reporting_subject(tok)
        if speaker is not None and speaker.i != tok.i:
            s = self.side(speaker, depth + 1)
            if s is not None and s.match is not None:
                return Side(text, start, end, s.match, tok.i, 0.9 * s.factor, "reported speaker")
        m = self.code(self.doc[tok.i: tok.i + 1])
        if m is not None:
            return Side(text, start, end, m, tok.i, 0.8, "actors' pronoun")
        if low in THIRD_PERSON_HUMAN:
            m = self.previous_person(tok)
            if m is not None:
                return Side(text, start, end, m, tok.i, 0.75, "nearest person")
        if low in ("it", "them", "him", "her") and tok.dep_ in ("dobj", "pobj", "dative"):
            before = self.object_antecedent(tok, depth)
            if before is not None:
                return Side(text, start, end, before.match, tok.i, 0.8 * before.factor, "antecedent")
        return Side(text, start, end, None, tok.i, 1.0, "pronoun")

    def object_antecedent(self, tok: Token, depth: int) -> Side | None:
        """What "it", "them", "him" or "her" as an object stands for, as an actor (see
        ``antecedent_word``)."""
        word = self.antecedent_word(tok)
        if word is None:
            return None
        # the nearest that agrees is the antecedent, an actor or not ("threaten witnesses ...,
        # and the state cannot protect them": the witnesses, whom no actor code names)
        side = self.side(word, depth + 1)
        return side if side is not None and side.match is not None else None

    def antecedent_word(self, tok: Token) -> Token | None:
        """The noun an object pronoun stands for: the nearest noun before it in the sentence
        ("expelled seven UN officials and accused them of meddling", "ordered the ambassador to
        leave, accusing him of ..."), agreeing in number ("them" a plural or a body, the others a
        singular), and not the subject of the pronoun's own verb, which a pronoun object never
        names (it would be "itself", "themselves")."""
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        # the verb's subject, and the subject an infinitive or participle takes from the clause
        # it hangs on ("the police burst shells to disperse them": not the police)
        # A finite clause with a subject of its own takes none from the clause it hangs on: in
        # "the workers arrived home after Malaysia released them" the workers are who is freed.
        has_own = any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(verb))
        clauses = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i
                            and not (has_own and verb.dep_ == "advcl") else [])
        own_subjects = {c.i for v in clauses for c in children_of(v) if c.dep_ in ("nsubj", "nsubjpass")}
        plural = tok.lower_ == "them"
        if (verb.dep_ == "conj" or (verb.dep_ == "dep" and verb.head.pos_ == "VERB")) and tok.dep_ == "dobj" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(verb)):
            # parallel objects: "detained four herders who had driven their flocks across the
            # frontier, then released them" frees the herders, whatever nouns come between
            first = next((c for c in children_of(verb.head) if c.dep_ == "dobj"), None)
            if (first is not None and first.pos_ in ("NOUN", "PROPN") and first.i < tok.i
                    and plural == (first.tag_ in ("NNS", "NNPS"))):
                side = self.side(first)  # (people or a body named there: not "granted bail ...
                # but barred him", nor "delivered a message from the prime minister ... and
                # persuaded him")
                if side is not None and side.match is not None and side.head == first.i \
                        and side.via == "direct":
                    return first
        for word in reversed(list(self.doc[tok.sent.start: tok.i])):
            if word.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "appos", "conj") or word.i in own_subjects:
                continue
            if word.pos_ not in ("NOUN", "PROPN") or word.lower_ in _PRONOUNS:
                continue
            if word.ent_type_ in ("DATE", "TIME"):
                continue  # "detained them on Monday and released them": no day is released
            if (plural or tok.lower_ in ("him", "her")) and word.ent_type_ in ("GPE", "LOC", "FAC"):
                continue  # "detained fishermen off Nouadhibou and released them": a place is no "them",
                # nor "him" ("a flight to Miami, where prosecutors charged him")
            if plural and word.tag_ == "NNP" and word.dep_ == "pobj" and word.head.lower_ in _WHERE_TO \
                    and getattr(self.side(word), "match", None) is None:
                continue  # "returned home to Sfax ... released them": a name one goes to, no actor, is a place
            if plural != (word.tag_ in ("NNS", "NNPS")) and word.pos_ != "PROPN":
                continue  # "them" of a plural, "it" of a singular (a name may be either: a body)
            if tok.lower_ in ("him", "her") and word.pos_ == "NOUN" and word.ent_type_ != "PERSON" \
                    and getattr(getattr(self.side(word), "match", None), "kind", None) not in ("person", "role"):
                continue  # "him" is a person: not "a flight to Miami, where prosecutors charged him"
            return word
        return None

    def reporting_subject(self, tok: Token) -> Token | None:
        """For a pronoun inside "X said (that) it/he/we ...": X."""
        node = tok
        for _ in range(6):
            head = node.head
            if head.i == node.i:
                return None
            if node.dep_ in ("ccomp", "parataxis") and head.lemma_ in SPEECH_LEMMAS:
                for c in children_of(head):
                    if c.dep_ in ("nsubj",) and c.i != tok.i:
                        return c
                if head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.i != head.i and tok.dep_ in ("nsubj", "nsubjpass"):
                    # "Berlin rejected the calls, saying it was withholding aid": the speaker of
                    # a participle is the subject of the clause it hangs on (a subject pronoun
                    # only: "arguing that Berlin's exports breached its obligations" is Berlin's)
                    speaker = next((c for c in children_of(head.head) if c.dep_ == "nsubj" and c.i != tok.i), None)
                    if speaker is not None and ((tok.lower_ == "they" and speaker.tag_ == "NN")
                                                or (tok.lower_ == "it" and speaker.tag_ == "NNS")):
                        # a pronoun agrees in number with whom it stands for: "a police officer
                        # said, adding they were arrested", "factions rejected the plan, saying
                        # it ignored their demands"
                        return None
                    return speaker
                return None
            node = head
        return None

    def previous_person(self, tok: Token) -> Any | None:
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in parsed(self.doc).sents]
        idx = bisect_right(self._sent_starts, tok.i) - 1
        first = self._sent_starts[max(0, idx - 2)]
        best = None
        if self._persons is None:
            self._persons = [e for e in parsed(self.doc).ents if e.label_ == "PERSON"]
        for ent in self._persons:
            if ent.start < first or ent.end > tok.i:
                continue
            m = self.code(ent)
            if m is not None and getattr(m, "kind", "person") == "person":
                best = m
        return best


def side_country(side: Side | None) -> str | None:
    """The country of a resolved side (None for a role with no country: "police" is COP)."""
    if side is None or side.match is None:
        return None
    return country_part(str(getattr(side.match, "code", "") or ""))


def side_role(side: Side | None) -> str | None:
    """The role block of a resolved side's code ("GOV" of "GEOGOV", "COP" of "COP"), or None."""
    if side is None or side.match is None:
        return None
    code = str(getattr(side.match, "code", "") or "")
    rest = code[3:] if country_part(code) else code
    return rest[:3] or None


def side_kind(side: Side | None) -> str | None:
    """What kind of actor a resolved side names ("country", "person", "role" ...), or None."""
    if side is None or side.match is None:
        return None
    return str(getattr(side.match, "kind", "") or "") or None


@dataclass(frozen=True)
class _Derived:
    """An actor composed from a role word and the country its phrase names."""

    code: str
    name: str
    kind: str
    country: str | None


