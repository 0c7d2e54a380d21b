"""Resolving toponym mentions to gazetteer places, and the public entry point.

Each candidate place of a mention gets a score, the sum of

- a prior: feature class (countries and first-level divisions are what a bare name usually means
  in news), population (log scale) or, for the hand-written regions, islands and seas, their
  importance, national capitals, a penalty for names known only as an
  alternate name and for second-level divisions not written as such ("Cook County" is, "Cook" is
  not);
- the article's countries: a vote over the mentions that are unambiguous (one candidate, a
  demonym, or a clear prior winner), plus the caller's ``countries_hint``;
- the dateline: its place's country and first-level division;
- containment: "Kadugli, South Kordofan", "Paris, Texas": a place followed by a comma and a
  division or country that contains it;
- co-occurring places: the same first-level division as a division the article names, and
  nearness to the article's unambiguous places;

and one sense per discourse: every mention of the same name in one article gets the place with the
highest summed score.  ``confidence`` is the chosen place's share of the softmax over candidates,
scaled by how sure the mention is a place at all.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from typing import Any

from tidings.places.find import Mention, find_mentions
from tidings.places.gazetteer import Gazetteer, Place, gazetteer, haversine_km, normalise

W_COUNTRY = 3.0
W_ADMIN1 = 2.0
W_ADMIN2 = -1.0
W_OTHER = 2.5
#: importance 1-3 of a region, island, sea... from ``data/places/regions.tsv`` (its population is
#: unknown): rank 3 ("Middle East", "Darfur") weighs like a country, rank 1 like a small division
W_RANK = (0.0, 1.0, 2.5, 4.0)
W_POP = 0.6
W_CAPITAL = 2.5
W_ADMIN_OF_CITY = -2.5
W_ALT = -2.0
W_VOTE = 3.0
W_HINT = 1.0
W_DATELINE_COUNTRY = 1.5
W_DATELINE_ADMIN1 = 1.5
W_CONTAINED = 5.0
W_NOT_CONTAINED = -2.0
W_SAME_ADMIN1 = 2.0
W_NEAR = 1.5
NEAR_KM = 250.0
#: a place near a country the article names (within NEAR_COUNTRY_KM of its point) is likelier
#: than a namesake far from all of them ("Jenin" beside "Israeli" is in the West Bank)
W_NEAR_NAMED_COUNTRY = 1.25
NEAR_COUNTRY_KM = 500.0
#: a place this close to a region of its country is taken to lie in it
REGION_KM = 800.0
CLEAR_MARGIN = 2.0

_ADMIN1_WORDS = re.compile(r"(?i)\b(state|province|region|governorate|county|oblast|prefecture)\b")
_ADMIN2_WORDS = re.compile(r"(?i)\b(county|parish|borough|district|municipality)\b")


_DIVISION_AFTER = re.compile(r"(?i)\s+(state|province|region|governorate|oblast|prefecture)\b")
_DIVISION_BEFORE = re.compile(r"(?i)\b(state|province|region|governorate|oblast|prefecture) of\s+$")


def _said_division(text: str, m: Mention) -> bool:
    """The text says the division: "Washington state", "the province of Quebec"."""
    return bool(_DIVISION_AFTER.match(text, m.end) or _DIVISION_BEFORE.search(text[max(0, m.start - 30):m.start]))


def _prior(m: Mention, p: Place, gaz: Gazetteer) -> float:
    s = W_POP * math.log10(p.population + 10)
    if p.feature == "country":
        s += W_COUNTRY
    elif p.feature == "admin":
        if p.level == 1:
            s += W_ADMIN1
        else:
            s += W_ADMIN2
    elif p.feature == "other":
        s += W_OTHER
    if p.capital:
        s += W_CAPITAL
    s += W_RANK[p.rank]
    if not gaz.is_primary(m.name, p):
        s += W_ALT
    return s


def _contains(outer: Place, inner: Place) -> bool:
    if outer is inner or outer.country is None:
        return False
    if outer.feature == "country":
        return inner.country == outer.country
    if outer.feature == "admin" and outer.level == 1:
        return inner.country == outer.country and inner.admin1 == outer.name
    if outer.feature == "admin":
        return inner.country == outer.country and inner.feature == "city" and (
            haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) < 80)
    if outer.feature == "other" and outer.rank:  # "Palu, Sulawesi": a region has no outline
        return inner.country == outer.country and inner.feature in ("city", "admin") and (
            haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) < REGION_KM)
    return False


def _softmax(xs: list[float]) -> list[float]:
    mx = max(xs)
    es = [math.exp(x - mx) for x in xs]
    t = sum(es)
    return [e / t for e in es]


def resolve(
    text: str,
    mentions: list[Mention],
    gaz: Gazetteer,
    countries_hint: list[str] | None = None,
    keep_unresolved: bool = False,
) -> list[dict[str, Any]]:
    cands: list[list[Place]] = []
    priors: list[list[float]] = []
    for m in mentions:
        if m.kind == "demonym":
            p = gaz.country(m.country or "")
            cs = [p] if p is not None else []
        elif m.kind == "street":
            cs = []  # located by the town it is in, below
        else:
            cs = gaz.lookup(m.name)
        cands.append(cs)
        ps = [_prior(m, p, gaz) for p in cs]
        # a division named after its own city ("Mombasa", "New York") or sharing its name with
        # the national capital ("Washington"): the bare name is the city
        if not _ADMIN1_WORDS.search(m.name) and not _said_division(text, m):
            for j, p in enumerate(cs):
                if p.feature == "admin" and p.level == 1 and any(
                        q.feature == "city" and q.country == p.country
                        and (q.admin1 == p.name or q.capital) and q.population >= 50_000 for q in cs):
                    ps[j] += W_ADMIN_OF_CITY
        # a second-level division and a city of one name, next to each other, are one place:
        # the city ("Paris", "Sligo")
        for j, p in enumerate(cs):
            if p.feature == "admin" and p.level == 2 and not _ADMIN2_WORDS.search(m.name) and any(
                    q.feature == "city" and q.country == p.country
                    and haversine_km(p.lat, p.lon, q.lat, q.lon) < 80 for q in cs):
                ps[j] += W_ADMIN_OF_CITY
        priors.append(ps)

    # first pass: the unambiguous mentions and their countries / divisions
    votes: Counter[str] = Counter()
    # what each name voted: a name is no evidence for its own reading ("Paris" six times does not
    # outvote "Texas" and "Dallas" for the Paris it is)
    own_votes: dict[str, Counter[str]] = defaultdict(Counter)
    held_in: dict[tuple[str | None, str], set[int]] = defaultdict(set)
    anchors: list[Place | None] = [None] * len(mentions)
    for i, (m, cs, ps) in enumerate(zip(mentions, cands, priors)):
        if not cs:
            continue
        order = sorted(range(len(cs)), key=lambda j: -ps[j])
        clear = len(cs) == 1 or ps[order[0]] - ps[order[1]] >= CLEAR_MARGIN
        if clear:
            anchors[i] = cs[order[0]]
        # the country counts when every candidate near the top is in it ("Atlanta")
        near_top = {cs[j].country for j in order if ps[order[0]] - ps[j] < CLEAR_MARGIN}
        if len(near_top) == 1 and None not in near_top:
            c = near_top.pop()
            votes[c] += 1
            own_votes[normalise(m.name)][c] += 1
        # the divisions the top candidates of this mention lie in
        for j in order:
            if ps[order[0]] - ps[j] < 1.0 and cs[j].feature == "city" and cs[j].admin1:
                held_in[(cs[j].country, cs[j].admin1)].add(i)
    for c in countries_hint or []:
        votes[c] += W_HINT
    total_votes = sum(votes.values()) or 1.0

    dl = next((i for i, m in enumerate(mentions) if m.kind == "dateline"), None)
    dl_place: Place | None = None
    if dl is not None and cands[dl]:
        j = max(range(len(cands[dl])), key=lambda j: priors[dl][j] + W_VOTE * votes[
            cands[dl][j].country or ""] / total_votes)
        dl_place = cands[dl][j]

    admin1_named = {(p.country, p.name) for p in anchors if p is not None
                    and p.feature == "admin" and p.level == 1}
    # a named town or county is near the towns it is named with
    anchor_pts = [(i, p) for i, p in enumerate(anchors) if p is not None and (
        p.feature == "city" or (p.feature == "admin" and p.level == 2))]

    # mentions of one name do not support each other's division ("Tianjin" thrice is no reason
    # to read it as the municipality rather than the city)
    same: dict[str, set[int]] = defaultdict(set)
    for i, m in enumerate(mentions):
        same[normalise(m.name)].add(i)
    # the points of the countries the article names (by a vote)
    named_points = [gaz.country(c) for c in votes if c]
    scores: list[list[float]] = []
    for i, (m, cs, ps) in enumerate(zip(mentions, cands, priors)):
        key = normalise(m.name)
        row = []
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        container: list[Place] = []
        if nxt is not None and re.fullmatch(r"\s*,\s*", text[m.end:nxt.start]):
            container = cands[i + 1]
        for p, prior in zip(cs, ps):
            s = prior
            if p.country:
                own = own_votes.get(key)
                others = total_votes - (sum(own.values()) if own else 0)
                if others > 0:
                    s += W_VOTE * (votes[p.country] - (own[p.country] if own else 0)) / others
            if dl_place is not None and i != dl:
                if p.country == dl_place.country:
                    s += W_DATELINE_COUNTRY
                    if p.admin1 and p.admin1 == dl_place.admin1:
                        s += W_DATELINE_ADMIN1
            if container and p.feature != "country":
                if any(_contains(o, p) for o in container):
                    s += W_CONTAINED
                else:
                    s += W_NOT_CONTAINED
            if (p.feature == "city" or p.level == 2) and (p.country, p.admin1) in admin1_named:
                s += W_SAME_ADMIN1
            if p.feature == "admin" and p.level == 1 and held_in.get((p.country, p.name), set()) - same[key]:
                s += W_SAME_ADMIN1
            if p.feature == "city" and len(cs) > 1:
                if any(k != i and q is not p and haversine_km(p.lat, p.lon, q.lat, q.lon) < NEAR_KM
                       for k, q in anchor_pts):
                    s += W_NEAR
            if p.feature != "country" and len(cs) > 1 and not votes.get(p.country or "") and any(
                    pt is not None and haversine_km(p.lat, p.lon, pt.lat, pt.lon) < NEAR_COUNTRY_KM
                    for pt in named_points):
                s += W_NEAR_NAMED_COUNTRY  # near a country the article names (in it has its vote)
            row.append(s)
        scores.append(row)

    # containment the other way: "Paris, Texas" also makes Texas the container of Paris
    for i in range(1, len(mentions)):
        prev = mentions[i - 1]
        if re.fullmatch(r"\s*,\s*", text[prev.end:mentions[i].start]) and cands[i - 1]:
            for j, p in enumerate(cands[i]):
                if p.feature in ("country", "admin") and any(_contains(p, q) for q in cands[i - 1]):
                    scores[i][j] += 1.0

    # one sense per discourse
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if cands[i]:
            key = ("d:" + (m.country or "")) if m.kind == "demonym" else "n:" + normalise(m.name)
            groups[key].append(i)
    choice: dict[int, tuple[Place, float]] = {}
    for idx in groups.values():
        summed: dict[int, float] = defaultdict(float)
        by_id: dict[int, Place] = {}
        for i in idx:
            for p, s in zip(cands[i], scores[i]):
                summed[id(p)] += s / len(idx)
                by_id[id(p)] = p
        keys = list(summed)
        probs = _softmax([summed[k] for k in keys])
        best = max(range(len(keys)), key=lambda j: probs[j])
        place = by_id[keys[best]]
        for i in idx:
            m = mentions[i]
            sure = 0.95
            if m.kind != "demonym" and not m.label:
                sure = 0.75
            if m.embedded:
                sure = 0.7
            if place.feature == "city" and place.population < 10_000:
                sure *= 0.8
            choice[i] = (place, round(min(1.0, max(0.0, probs[best] * sure)), 3))

    for i, within in _streets_within(text, mentions, choice).items():
        place, conf = within
        choice[i] = (Place(name=mentions[i].text, geonames_id=None, country=place.country,
                           admin1=place.admin1, lat=place.lat, lon=place.lon, population=0,
                           feature="other"), round(conf * STREET_FACTOR, 3))
        mentions[i].extra["within"] = place.name

    out: list[dict[str, Any]] = []
    for i, m in enumerate(mentions):
        kind = "embedded" if m.embedded and m.kind == "name" else m.kind
        rec: dict[str, Any] = {"text": m.text, "start": m.start, "end": m.end, "kind": kind}
        if i in choice:
            place, conf = choice[i]
            rec.update(place.as_dict())
            rec["confidence"] = conf
            if "within" in m.extra:
                rec["within"] = m.extra["within"]
        elif keep_unresolved:
            rec.update({"name": None, "country": None, "admin1": None, "lat": None, "lon": None,
                        "geonames_id": None, "feature": None, "confidence": 0.1})
        else:
            continue
        out.append(rec)
    return out


#: a street's confidence keeps this much of the town's it is placed at
STREET_FACTOR = 0.6


def _streets_within(text: str, mentions: list[Mention], choice: dict[int, tuple[Place, float]]
                    ) -> dict[int, tuple[Place, float]]:
    """The town each street is in, as the text says: the town named right after it ("Gillis
    Street in Alton", "Main Street, Alton"), else the dateline's town, else the one town the
    article names most (none when two tie).  A street with none of these stays unresolved."""
    towns = Counter(id(choice[i][0]) for i in choice if choice[i][0].feature == "city")
    by_id = {id(choice[i][0]): choice[i] for i in choice}
    top = towns.most_common(2)
    focus = by_id[top[0][0]] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
    dateline = next((choice[i] for i, m in enumerate(mentions) if m.kind == "dateline" and i in choice
                     and choice[i][0].feature == "city"), None)
    out: dict[int, tuple[Place, float]] = {}
    for i, m in enumerate(mentions):
        if m.kind != "street":
            continue
        nxt = i + 1
        if nxt < len(mentions) and nxt in choice and choice[nxt][0].feature in ("city", "admin") and re.fullmatch(
                r"\s*(?:,|in|of)\s*", text[m.end:mentions[nxt].start]):
            out[i] = choice[nxt]
        elif dateline is not None:
            out[i] = dateline
        elif focus is not None:
            out[i] = focus
    return out


def find_places(
    text: str,
    doc: Any,
    dateline: str | None = None,
    countries_hint: list[str] | None = None,
    keep_unresolved: bool = False,
) -> list[dict[str, Any]]:
    """The places an article names, one dict per mention, in the contract's ``places`` shape.

    ``doc`` is ``nlp(text)`` with the pinned spaCy model; ``dateline`` the article's dateline
    place when known (else it is read from the start of the text); ``countries_hint`` ISO3 codes
    the article is known to be about.  Mentions the gazetteer cannot resolve are left out unless
    ``keep_unresolved`` (then they come with null coordinates).
    """
    gaz = gazetteer()
    mentions = find_mentions(text, doc, gaz, dateline)
    return resolve(text, mentions, gaz, countries_hint, keep_unresolved)
