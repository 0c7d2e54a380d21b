"""Where each event took place, chosen from the article's place mentions, with the reason.

The order follows how news writes location (and GDELT's ActionGeo):

1. ``locative``: a place the event's own clause puts it in: the object of a locative preposition
   ("in", "near", "outside", "across"...) attached to a word of the event's evidence or to the verb
   that governs it, reached through "of" ("in the city of Aleppo") and lists ("in Kadugli, South
   Kordofan" takes the first, most specific name);
2. ``sentence``: a place the sentence names that is not a side of the event; for material
   conflict (quad class 4) the target's place counts too, since an attack on a place happens there;
3. ``dateline``: the place the article was filed from;
4. ``participant``: a side of the event that is itself a place ("Turkey said");
5. ``focus``: the place the article names most, when one clearly leads.

Last, a place named inside another name or a demonym in the sentence, with a lower confidence.
None of these: the location is null. A demonym ("Syrian forces") says whose, not where, so it is
never a locative or a sentence place, only a participant one.
"""

from __future__ import annotations

import re

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidings.actors.types import ROLE_CODES
from tidings.events.codebook import lookup
from tidings.events.conventions import SUPRANATIONAL, VIOLENT_ROOTS
from tidings.model import Event, Location, Participant, PlaceMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: prepositions that put an act at a place (not "from", "to": origin and destination)
LOCATIVE_PREPOSITIONS = frozenset(
    "in near at outside inside around across throughout within into off along".split()
)

#: how much a location's confidence keeps of its place's, by how it was chosen
VIA_FACTOR = {"locative": 1.0, "sentence": 0.8, "dateline": 0.7, "participant": 0.6, "focus": 0.5}

#: and of that, when the only place is a name inside another name or a demonym off the sides
WEAK_FACTOR = 0.6

#: more specific places first when several qualify
_SPECIFIC = {"city": 0, "other": 1, "admin": 2, "country": 3}


def _is_name(p: PlaceMention) -> bool:
    """A place named for itself: not a demonym ("Syrian") or a name inside another name
    ("Plaza de Bolívar", "University of Texas")."""
    return p.kind in ("name", "dateline")


#: a place named as who backs, leads or runs something ("Iran-backed militias", "Hamas-run
#: ministry"): a sponsor, not where the act is
_SPONSOR = re.compile(r"[-‐–]\s?(?:backed|led|supported|funded|sponsored|allied|aligned|linked|armed|trained|made|"
                      r"built|owned|run|controlled|installed|brokered|mediated)\b", re.I)


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _locative_head(tok: Token) -> Token | None:
    """The word a locative phrase holding ``tok`` attaches to, or None when it is not one."""
    for _ in range(6):
        if tok.dep_ in ("conj", "appos", "compound", "amod", "nmod") and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
            tok = tok.head.head  # "the city of Aleppo", "the outskirts of Kyiv"
            continue
        break
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPOSITIONS and tok.head.dep_ == "prep":
        return tok.head.head
    return None


def _governs(head: Token, lo: int, hi: int, sides: list[tuple[int, int]]) -> bool:
    """``head`` is a word of the evidence span outside the event's sides (its trigger: "clashes
    in Kadugli", not "partners in the USA"), or the verb that governs the evidence."""
    if any(a <= head.idx < b for a, b in sides):
        return False
    if lo <= head.idx < hi:
        return True
    return head.pos_ in ("VERB", "AUX") and any(lo <= t.idx < hi for t in head.subtree)


def _overlaps(p: PlaceMention, start: int | None, end: int | None) -> bool:
    return start is not None and end is not None and p.start < end and start < p.end


def _most_specific(cands: list[PlaceMention], near: int) -> PlaceMention:
    return min(cands, key=lambda p: (_SPECIFIC.get(p.feature, 1), abs(p.start - near)))


def focus_place(places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The article's main place, when one clearly leads: the country its places (names, demonyms
    and names inside names, cities and divisions by the country that holds them) point to most, named at least
    twice and more often than any other; then, within it, the place named most when that one is
    named at least twice and more often than any other in the country; else the country."""
    by_country = Counter(p.country for p in places if p.country)
    ranked = by_country.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    country = ranked[0][0]
    inside = [p for p in places if p.country == country and _is_name(p)]
    named = Counter((p.name, p.feature) for p in inside if p.feature != "country")
    top = named.most_common(2)
    if top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1]):
        key = top[0][0]
        return next(p for p in inside if (p.name, p.feature) == key)
    return next((p for p in places if p.country == country and p.feature == "country"
                 and _is_name(p)), None) or next(p for p in places if p.country == country)


def locate(
    events: Sequence[Event],
    places: Sequence[PlaceMention],
    doc: Doc,
) -> None:
    """Set ``location`` on each event (left None when the text does not say where)."""
    if not events:
        return
    sents = list(doc.sents)
    text = doc.text
    dateline = next((p for p in places if p.kind == "dateline"), None)
    focus = focus_place(places)
    # the word each named place's locative phrase attaches to, found once for all the events
    heads: dict[int, Token | None] = {}
    for p in places:
        if _is_name(p):
            root = _span_root(doc, p.start, p.end)
            heads[p.start] = _locative_head(root) if root is not None else None
    for ev in events:
        if not 0 <= ev.sentence < len(sents):
            continue
        sent = sents[ev.sentence]
        lo = ev.start if ev.start is not None else sent.start_char
        hi = ev.end if ev.end is not None else sent.end_char
        in_sent = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char
                   and not p.kind == "dateline"]
        names = [p for p in in_sent if _is_name(p) and not _SPONSOR.match(text, p.end)]
        sides = [s for s in (ev.source, ev.target) if s is not None]

        side_spans = [(s.start, s.end) for s in sides if s.start is not None and s.end is not None]

        def is_side(p: PlaceMention) -> bool:
            return any(_overlaps(p, s.start, s.end) for s in sides)

        for side in sides:
            _placed_by_its_town(side, in_sent, doc)
            _region_as_actor(side, in_sent)

        chosen: tuple[PlaceMention, str] | None = None
        loc = [p for p in names if (head := heads.get(p.start)) is not None
               and _governs(head, lo, hi, side_spans)]
        if loc:
            chosen = (_most_specific(loc, lo), "locative")
        if chosen is None:
            target = ev.target
            free = [p for p in names if not is_side(p) or (
                ev.quad_class == 4 and target is not None and _overlaps(p, target.start, target.end))]
            if free:
                chosen = (_most_specific(free, lo), "sentence")
        if chosen is None and dateline is not None:
            chosen = (dateline, "dateline")
        if chosen is None:
            side_places = [p for p in in_sent if is_side(p)]
            if side_places:
                chosen = (_most_specific(side_places, lo), "participant")
        if chosen is None and focus is not None:
            chosen = (focus, "focus")
        if chosen is None and in_sent:
            # only a place named inside another name ("the University of Texas") or a demonym off
            # the event's sides: the nearest says where, weakly
            chosen = (min(in_sent, key=lambda p: abs(p.start - lo)), "sentence")
            weak = True
        else:
            weak = False
        if chosen is not None:
            place, via = chosen
            factor = VIA_FACTOR[via] * (WEAK_FACTOR if weak else 1.0)
            ev.location = Location(place, via, round(place.confidence * factor, 3))
            if via in ("locative", "sentence") and not weak:
                _struck_where(ev, place, in_sent)
            if not weak:
                _place_as_target(ev, place)
            if not weak and not _in_topic(heads.get(place.start)):
                # (a place in what the meeting was about is not where it was: "spoke about the
                # situation in Gaza")
                _third_location(ev, place)
            if not weak and (via == "locative" or (via == "sentence" and len({p.country for p in names}) == 1)):
                # (a place merely named in the sentence counts when it is the only country there)
                for side in sides:
                    _role_of_the_place(side, place)
            elif via == "participant":
                for side in sides:  # "government positions in Taiz": the side the place is in
                    if side.start is not None and side.end is not None and _overlaps(place, side.start, side.end):
                        _role_of_the_place(side, place)


def _placed_by_its_town(side: Participant, in_sent: Sequence[PlaceMention], doc: Doc) -> None:
    """A body named by the town or region it serves ("a Hamburg court", "the Kharkiv police")
    is of that town's country.  The actor coder, which has no gazetteer, gives an unknown town's
    body the country of the article's context; the gazetteer corrects it, unless the mention also
    names the context's country ("a Russian-run court in Crimea")."""
    code = side.actor or ""
    if side.start is None or side.end is None:
        return
    inside = [p for p in in_sent if side.start <= p.start and p.end <= side.end]
    root = _span_root(doc, side.start, side.end)
    if code in ROLE_CODES:
        # a role the actor coder found no country for, with its town or region: "the Chief
        # Minister of Kerala", "the Governor of Kebbi State" (GOV)
        hi = side.end
        if root is not None:
            for prep in root.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    hi = max(hi, max(t.idx + len(t) for t in prep.subtree))
        towns = [p for p in in_sent if side.start <= p.start and p.end <= hi and p.kind in ("name", "embedded")
                 and p.feature in ("city", "admin") and p.country]
        if len({p.country for p in towns}) == 1 and code in _BODY_ROLES:
            side.actor = towns[0].country + code
        return
    if len(code) < 6:
        return
    country, role = code[:3], code[3:]
    if any(p.country == country for p in inside):
        return
    # the body's own "in" phrase, up to the noun it names (no clause or phrase after it), which
    # the mention's text leaves out: "police in Mombasa", "soldiers in the Ixil region"
    hi = side.end
    if root is not None:
        for prep in root.children:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > root.i and obj is not None:
                hi = max(hi, obj.idx + len(obj))
    # (a country or name in the mention itself stands: "Russian police in Crimea", "Togo's
    # president in Accra"; so does the country the sentence named before the body, which the
    # actor coder took: "Guatemala's attorney general ... soldiers in the Ixil region")
    mention = doc.char_span(side.start, side.end, alignment_mode="expand")
    named_country = any(p.feature == "country" or p.kind == "demonym" for p in inside) or (
        mention is None or any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP") for t in mention)) or any(
        p.country == country and p.end <= side.start for p in in_sent)
    towns = [p for p in in_sent if side.start <= p.start and p.end <= (side.end if named_country else hi)
             and (p.kind == "name" or (p.kind == "embedded" and p.start >= side.end))
             and p.feature in ("city", "admin") and p.country and p.actor is None]
    if len({p.country for p in towns}) == 1 and role[:3] in _BODY_ROLES:
        side.actor = towns[0].country + role


def _region_as_actor(side: Participant, in_sent: Sequence[PlaceMention]) -> None:
    """A state, province or city that acts ("Texas sued the administration", "Kerala urged the
    Centre") stands for its government, which CAMEO codes as its country's (GOV).  The actor
    coder, which has no gazetteer, leaves such a side uncoded."""
    if side.actor or side.start is None or side.end is None:
        return
    named = [p for p in in_sent if p.start == side.start and p.end == side.end and p.kind == "name"
             and p.feature in ("admin", "city") and p.country]
    if named:
        side.actor = named[0].country + "GOV"


def _role_of_the_place(side: Participant, place: PlaceMention) -> None:
    """A side the actor coder could give only a role ("security forces" COP, "government
    positions" GOV, "militants" REB) in an act done in a named place of one country is of that
    country: "security forces killed six militants in Balochistan" are Pakistan's.  Armed men
    of no known affiliation (UAF: "gunmen", "unidentified attackers") are of no known country
    either, wherever they struck, as the actor coder holds too."""
    code = side.actor or ""
    if code in ROLE_CODES and code != UNAFFILIATED and place.country and place.kind == "name":
        side.actor = place.country + code


#: the role of armed men of no known affiliation
UNAFFILIATED = "UAF"
#: roles of bodies that serve a place, named after it
_BODY_ROLES = frozenset({"JUD", "COP", "GOV", "LEG", "MIL", "HLH", "EDU", "MED", "BUS"})


def _struck_where(ev: Event, place: PlaceMention, in_sent: Sequence[PlaceMention]) -> None:
    """Violence in a place of another country than its doer's hit that country, not the doer's
    own.  The event coder, which has no gazetteer, guesses such targets from the doer: a
    domestic target ("Russia shelled Kherson" as RUS against RUS), or victims given the
    country named nearest before them ("Israeli strikes killed 30 people in Rafah" as ISRCVL).
    The place the act happened in corrects either, and a domestic guess says so."""
    target = ev.target
    if ev.root not in VIOLENT_ROOTS or target is None or not target.actor:
        return
    if ev.code.startswith(("174", "201")):
        return  # people driven "into Bangladesh" were sent there, not hit there
    src = (ev.source.actor or "")[:3] if ev.source is not None else ""
    if not place.country or not src or place.country == src or not target.actor.startswith(src):
        return
    inferred = getattr(ev, "inferred", "")
    if "target: domestic" in inferred:
        target.actor = target.name = place.country
        ev.inferred = inferred.replace("target: domestic", "target: place of the attack")  # type: ignore[attr-defined]
        return
    role = target.actor[3:]
    named = target.start is not None and target.end is not None and any(
        _overlaps(p, target.start, target.end) for p in in_sent)
    if role in _CIVILIAN_ROLES and not named:  # "30 people" names no country of its own
        target.actor = place.country + role


#: the head words of a target that is a place ("surrounded the town of Bakhmut")
_PLACE_TARGETS = frozenset("town city village district area region province territory enclave "
                           "neighbourhood neighborhood suburb settlement outskirts".split())


def _place_as_target(ev: Event, place: PlaceMention) -> None:
    """Coercion or violence against a place the event coder could not resolve ("the town", "the village
    of Kafr Nabl", whose name only the gazetteer knows) is against the country the event
    happened in: CAMEO codes a place attacked by its country."""
    target = ev.target
    if ev.root not in ("17", "18", "19", "20") or target is None or target.actor or not place.country:
        return
    words = target.text.lower().split()
    if place.kind == "name" and words and words[-1] in _PLACE_TARGETS:
        target.actor = target.name = place.country


#: prepositions that say what a talk or a statement is about ("on" is also where: "met on the
#: sidelines of the summit in New York")
_TOPIC_PREPS = frozenset("about over regarding concerning".split())


def _in_topic(head: Token | None) -> bool:
    """The word a place's in-phrase hangs on is inside an about/over/regarding phrase."""
    t = head
    for _ in range(8):
        if t is None:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in _TOPIC_PREPS:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _third_location(ev: Event, place: PlaceMention) -> None:
    """A meeting of two countries' people held in a third country is CAMEO's 044 ("meet at a
    'third' location"), not 040; the event coder knows few towns, the gazetteer knows where
    "Almaty" is."""
    src, tgt = ev.source, ev.target
    if ev.code != "040" or src is None or tgt is None or not place.country:
        return
    parties = {a[:3] for a in (src.actor, tgt.actor) if a and len(a) >= 3}
    if len(parties) == 2 and not parties & SUPRANATIONAL and place.country not in parties:
        info = lookup("044")
        ev.code, ev.label, ev.goldstein, ev.quad_class, ev.plover = (
            info.code, info.name, info.goldstein, info.quad_class, info.plover)


#: roles of victims who take the country of where they were hit when the text names none
_CIVILIAN_ROLES = frozenset({"CVL", "REF", "MED", "EDU", "HLH", "LAB", "AGR", "REL"})
