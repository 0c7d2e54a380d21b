"""Finding toponym mentions in an article: where the text names or stands for a place.

A mention is found from the spaCy parse and the gazetteer:

- GPE and LOC entities ("Aleppo", "the Middle East"), split at commas ("Kadugli, South Kordofan");
  FAC entities only when the gazetteer knows the name;
- NORP entities and capitalised adjectives that are a country's demonym ("Syrian forces" -> Syria,
  "Turkish" -> Turkey), also in the plural ("Syrians");
- toponyms embedded in the name of an organisation, a facility or an event ("Manchester" in
  "Manchester United", "Texas" in "University of Texas"), when they name a country, a first-level
  division, a city of 100,000+ people, or are a demonym;
- the dateline ("NAIROBI —", "PARIS, Texas (AP) —") at the start of the text;
- country and first-level division names spaCy did not tag, when capitalised and not inside a
  person's name.

Mentions inside PERSON entities are never taken ("Michael Jordan").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from wordfreq import zipf_frequency

from tidings.datelines import CAPITALS, SMALLS
from tidings.parsed import parsed
from tidings.places.gazetteer import Gazetteer, normalise

#: embedded toponyms must name a place at least this big (or a country/admin1, or be a demonym)
EMBEDDED_MIN_POPULATION = 100_000

_DATELINE = re.compile(
    rf"\s*(?P<city>[{CAPITALS}][{CAPITALS}.'\-]+(?:\s[{CAPITALS}][{CAPITALS}.'\-]+){{0,3}})"
    rf"(?:\s*,\s*(?P<region>[{CAPITALS}][{CAPITALS}{SMALLS}.'\-]+(?:\s(?:(?:of|and|the|de|del|du|la|el)\s)?[{CAPITALS}][{CAPITALS}{SMALLS}.'\-]+){{0,3}}))?"
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:\u2014|\u2013|--|-|:)\s"
)


#: words that describe a part of the world without naming one; a mention made only of them
#: ("the West", "Central", "the Gulf", "North") is not resolved on its own
DESCRIPTORS = frozenset("""
north south east west northern southern eastern western central middle upper lower
northeast northwest southeast southwest northeastern northwestern southeastern southwestern
gulf capital federal metro centre center coast coastal bay valley island islands river lake
mountain mountains city town county state province region district border interior
""".split())


def is_descriptor(text: str) -> bool:
    words = normalise(text).split()
    return bool(words) and all(w in DESCRIPTORS for w in words)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name / demonym / dateline / street
    label: str = ""  # spaCy label it came from, "" when none
    country: str | None = None  # for demonyms: the ISO3 country
    embedded: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """What the gazetteer is asked for: the text, or the full name the context gives it
        ("Barrow" in "Jackson and Barrow counties" is Barrow County)."""
        return str(self.extra.get("lookup") or self.text)


#: a dateline opens one of the first paragraphs (after a byline or date line left in the body)
DATELINE_PARAGRAPHS = 3
DATELINE_WITHIN = 400


def find_dateline(text: str) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Spans of the dateline's place and region ("PARIS, Texas —"), or None."""
    at = 0
    for _ in range(DATELINE_PARAGRAPHS):
        if at > DATELINE_WITHIN:
            break
        m = _DATELINE.match(text, at, at + 160)
        if m:
            city = m.group("city")
            if len(city) >= 3 and city.replace(" ", "").replace(".", "").isupper():
                reg = (m.start("region"), m.end("region")) if m.group("region") else None
                return (m.start("city"), m.end("city")), reg
        nxt = text.find("\n\n", at)
        if nxt < 0:
            break
        at = nxt + 2
    return None, None


#: a street's name: up to four capitalised words (or an ordinal, an initial) before a street word
_STREET = re.compile(
    r"(?<![\w.'’])((?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th)|[NSEW]\.(?:[NSEW]\.)?)"
    r"(?:\s+(?:[A-Z][\w'’-]*|\d+(?:st|nd|rd|th)|[NSEW]\.(?:[NSEW]\.)?)){0,3}"
    r"\s+(?:Street|Avenue|Road|Drive|Boulevard|Highway|Lane|Parkway|Trail|Pike|Blvd\.|Ave\.|St\.|Rd\.))(?![\w-])"
)
#: what makes it an address, a building's point rather than a place's name: a house number or a
#: block ("1935 Orchard St.", "the 500 block of Taylor Street")
_ADDRESS_BEFORE = re.compile(r"(?:\d+[A-Za-z]?|block of)\s+$")
_NOT_A_NAME = frozenset("The A An This That In On At Of And Or For From To By With".split())


def find_streets(text: str) -> list[tuple[int, int]]:
    """Spans of street names ("Gillis Street", "South Main St."), addresses left out."""
    out = []
    for m in _STREET.finditer(text):
        a, b = m.start(1), m.end(1)
        words = text[a:b].split()
        if words[0] in _NOT_A_NAME:  # "The Wall Street firm": the name starts after it
            if len(words) < 3:
                continue
            a += len(words[0])
            while text[a].isspace():
                a += 1
        if _ADDRESS_BEFORE.search(text[max(0, a - 12):a]):
            continue
        out.append((a, b))
    return out


def _strip_the(text: str, start: int, end: int) -> tuple[int, int]:
    s = text[start:end]
    m = re.match(r"(?i)the\s+", s)
    if m:
        start += m.end()
    s = text[start:end]
    for suf in ("'s", "\u2019s"):
        if s.endswith(suf):
            end -= len(suf)
    return start, end


def _split_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in re.finditer(r",\s*", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


#: a name that says it is a division ("Walker County", "Rapides Parish")
_DIVISION_NAME = re.compile(r"\s(County|Parish|Borough)$")


def _known(gaz: Gazetteer, s: str, big: bool) -> bool:
    if _DIVISION_NAME.search(s) and any(p.feature == "admin" for p in gaz.lookup(s, alternates=False)):
        return True  # the name itself says what it is, however small
    for p in gaz.lookup(s, alternates=False):
        if p.feature == "country" or (p.feature == "admin" and p.level == 1):
            return True
        if p.feature == "other" and not p.rank:  # continents, not seas and islands
            return True
        if not big and p.feature == "city":
            return True
        if big and p.feature == "city" and p.population >= EMBEDDED_MIN_POPULATION:
            return True
    return False


#: nouns for people that a town's name premodifies in local news ("a Gainesville woman",
#: "two Dayton teens"); a person's name does not stand there
RESIDENT_NOUNS = frozenset("""man men woman women boy boys girl girls teen teens teenager teenagers
youth youths resident residents native natives couple""".split())

#: words of a body that serves a town, county or district and is named for it ("Oakdale Fire
#: Department", "Crestwood School Board", "DeKalb Police"): the name in it is a place however
#: small (bodies named for people, "Lincoln High School", carry none of these words)
JURISDICTION_WORDS = frozenset("""police sheriff sheriff's fire council commission commissioners
selectmen aldermen township municipal schools""".split()) | frozenset({"board of education",
                                                                         "school board", "school district"})

#: a plural division noun after a list of names ("Jackson and Barrow counties")
_DIVISION_PLURALS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}


def _serves_jurisdiction(words: str) -> bool:
    low = words.lower()
    return any((w in low) if " " in w else (w in low.split()) for w in JURISDICTION_WORDS)


#: a word this frequent in English (Zipf scale) is a word before it is a small town's name
#: ("Police", Poland; "Council", Idaho; "Young", Uruguay)
COMMON_WORD_ZIPF = 4.8


def _local(gaz: Gazetteer, s: str) -> bool:
    """Whether the name is a town or a division of any size, and not a common word."""
    words = s.lower().split()
    if len(words) == 1 and (words[0] in JURISDICTION_WORDS or words[0] in RESIDENT_NOUNS
                            or zipf_frequency(words[0], "en") >= COMMON_WORD_ZIPF):
        return False
    return any(p.feature in ("city", "admin") for p in gaz.lookup(s, alternates=False))


def _region(gaz: Gazetteer, s: str, divisions: bool = False) -> bool:
    """Whether the name is that of a region, island, sea... of ``regions.tsv`` (or, with
    ``divisions``, of a first-level division or a country)."""
    return any((p.rank and p.feature == "other") or (divisions and p.feature in ("admin", "country"))
               for p in gaz.lookup(s, alternates=False))


def _demonym(gaz: Gazetteer, word: str) -> str | None:
    c = gaz.demonym(word)
    if c is None and len(word) > 4 and word.endswith("s"):
        c = gaz.demonym(word[:-1])
    return c


#: prepositions whose object is a place when it can be one ("fled to Goma", "north of Goma")
_PLACE_PREPOSITIONS = frozenset("in near at outside inside around across from to toward towards into".split())
_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())
#: nouns of taking or holding land, whose of-object is a place ("the annexation of Crimea")
_TERRITORY_ACTS = frozenset("annexation occupation invasion liberation capture seizure siege fall "
                            "recapture control".split())


def _after_place_preposition(tok: Any, on: bool = False) -> bool:
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in _PLACE_PREPOSITIONS or (on and prep.lower_ == "on"):
        return True
    return prep.lower_ == "of" and prep.head.lower_ in _COMPASS


#: bodies that serve a place and are named after it ("the Kharkiv police", "a Hamburg court");
#: not a government or administration, which English names after its leader ("the Obama
#: administration")
_BODY_NOUNS = frozenset("police court council municipality prison jail hospital airport".split())


def _names_a_body(tok: Any) -> bool:
    """A name in compound position before a body noun: "the Kharkiv police"."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_.lower() in _BODY_NOUNS and tok.i < tok.head.i


def _of_territory_act(tok: Any) -> bool:
    """The of-object of a noun of taking or holding land: "the annexation of Crimea"."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _TERRITORY_ACTS


#: lower-case words that join the parts of Romance place names ("Mato Grosso do Sul")
_NAME_JOINERS = frozenset("do da dos das de del della di du des".split())


def _joined_name(toks: list[Any], ent: Any) -> tuple[int, int] | None:
    """The character span of ``ent`` run on across a joiner and the capitalised words after it
    ("Rio Grande" + "do Sul"), or None when no joiner follows."""
    i = ent.end
    if i + 1 >= len(toks) or toks[i].text not in _NAME_JOINERS:
        return None
    j = i + 1
    while j < len(toks) and toks[j].text[:1].isupper() and toks[j].is_alpha:
        j += 1
    if j == i + 1:
        return None
    return ent.start_char, toks[j - 1].idx + len(toks[j - 1].text)


def find_mentions(text: str, doc: Any, gaz: Gazetteer, dateline: str | None = None) -> list[Mention]:
    mentions: list[Mention] = []
    taken = [False] * (len(text) + 1)
    view = parsed(doc)
    ents = view.ents

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def add(m: Mention) -> None:
        if m.end <= m.start or not free(m.start, m.end):
            return
        if m.kind != "demonym" and is_descriptor(m.text) and not gaz.region(m.text):
            return
        for i in range(m.start, m.end):
            taken[i] = True
        mentions.append(m)

    # the dateline
    city, region = find_dateline(text)
    if city and gaz.lookup(text[city[0]:city[1]]):
        add(Mention(city[0], city[1], text[city[0]:city[1]], "dateline"))
        if region and gaz.lookup(text[region[0]:region[1]]):
            add(Mention(region[0], region[1], text[region[0]:region[1]], "name", "GPE"))

    for a, b in find_streets(text):
        add(Mention(a, b, text[a:b], "street"))

    person = [False] * (len(text) + 1)
    for ent in ents:
        if ent.label_ == "PERSON":
            for i in range(ent.start_char, ent.end_char):
                person[i] = True
    dl_key = normalise(text[city[0]:city[1]]) if city else (normalise(dateline.split(",")[0]) if dateline else "")

    # one name, one referent per article: a bare name the tagger calls a person more often than a
    # place, or the surname of a person named in full ("Mike Pompeo"), is that person even where
    # it is tagged as a place
    as_person: Counter[str] = Counter()
    as_place: Counter[str] = Counter()
    for ent in ents:
        if ent.label_ == "PERSON":
            as_person[ent.text] += 1
            if len(ent) >= 2 and ent[-1].text[:1].isupper():
                as_person[ent[-1].text] += 2
        elif ent.label_ in ("GPE", "LOC"):
            as_place[ent.text] += 1
    surnames = {name for name, n in as_person.items() if n > as_place[name]}

    def embedded(toks: list[Any], label: str) -> None:
        """Toponyms inside the name of an organisation, facility or event; any town or division
        when the name is that of a body serving one, else only big or well-known places."""
        local = _serves_jurisdiction(" ".join(t.text for t in toks))
        i = 0
        while i < len(toks):
            hit = False
            for n in (3, 2, 1):
                if i + n > len(toks):
                    continue
                span = toks[i:i + n]
                if not span[0].text[:1].isupper() or not span[-1].text[:1].isupper() or (
                        span[0].pos_ == "DET"):
                    continue
                s, e = span[0].idx, span[-1].idx + len(span[-1].text)
                word = text[s:e]
                if n == len(toks) and label == "ORG":
                    # an organisation named only a place's name ("Toyota") is the
                    # organisation, unless the name is a country's or a state's (metonymy)
                    if not any(p.feature == "country" or p.level == 1
                               for p in gaz.lookup(word, alternates=False)):
                        continue
                if _known(gaz, word, big=True) or (local and n < len(toks) and _local(gaz, word)):
                    add(Mention(s, e, word, "name", label, embedded=True))
                    i += n
                    hit = True
                    break
                if n == 1:
                    d = _demonym(gaz, word)
                    if d:
                        add(Mention(s, e, word, "demonym", label, country=d, embedded=True))
                        i += 1
                        hit = True
                        break
            if not hit:
                i += 1

    # a name the tagger cut before a connector of Portuguese, Spanish, Italian or French place
    # names ("Rio Grande | do Sul", "Santiago | del Estero"): the whole name, when the gazetteer
    # knows it, before the cut one is taken for another place
    for ent in ents:
        whole = _joined_name(view.tokens, ent)
        if whole is not None and gaz.lookup(text[whole[0]:whole[1]], alternates=False):
            add(Mention(whole[0], whole[1], text[whole[0]:whole[1]], "name", ent.label_))

    for ent in ents:
        label = ent.label_
        if label in ("GPE", "LOC") and len(ent) == 1 and ent.text in surnames and not any(
                p.feature in ("country", "admin") for p in gaz.lookup(ent.text, alternates=False)):
            continue
        if label in ("GPE", "LOC") or (label == "FAC" and gaz.lookup(ent.text, alternates=False)):
            a, b = _strip_the(text, ent.start_char, ent.end_char)
            for s, e in _split_commas(text, a, b):
                s, e = _strip_the(text, s, e)
                word = text[s:e]
                known = bool(gaz.lookup(word))
                dem = _demonym(gaz, word) if not known else None
                if dem:
                    add(Mention(s, e, word, "demonym", label, country=dem))
                elif not known and len(sub := [t for t in ent if s <= t.idx < e]) > 1:
                    embedded(sub, label)  # a body taken for a place ("Alachua County Sheriff")
                else:
                    add(Mention(s, e, word, "name", label))
        elif label == "PERSON" and _DIVISION_NAME.search(ent.text) and _known(gaz, ent.text, big=True):
            # "Rapides Parish" taken for a person: the name says it is a division
            add(Mention(ent.start_char, ent.end_char, ent.text, "name", ""))
        elif label in ("PERSON", "ORG", "PRODUCT", "LANGUAGE", "WORK_OF_ART", "EVENT") and len(ent) == 1 and (
                (label == "PERSON" and normalise(ent.text) == dl_key) or _after_place_preposition(ent[0])) and any(
                p.feature == "city" and (label == "PERSON" or p.population >= EMBEDDED_MIN_POPULATION)
                for p in gaz.lookup(ent.text, alternates=_after_place_preposition(ent[0]))):
            # a lone name the tagger took for a person (or, for a city of 100,000 or more, a group,
            # a product, a language), where the dateline or a preposition of place says it is a
            # place ("north of Goma", "fled to Goma", "struck facilities in Odesa"); after the
            # preposition a town's other spelling counts too ("near Avdiivka", the gazetteer's
            # "Avdiyivka")
            add(Mention(ent.start_char, ent.end_char, ent.text, "name", ""))
        elif label == "PERSON" and len(ent) == 1 and _names_a_body(ent[0]) and any(
                p.feature == "city" for p in gaz.lookup(ent.text, alternates=False)):
            # a town the tagger took for a person, set before a body that serves it ("the
            # Kharkiv police", "a Hamburg court"): no person's name modifies "police"
            add(Mention(ent.start_char, ent.end_char, ent.text, "name", ""))
        elif label in ("PERSON", "ORG") and len(ent) == 1 and (
                _after_place_preposition(ent[0], on=True) or _of_territory_act(ent[0])) and _region(
                    gaz, ent.text, divisions=True):
            # an island, region or division the tagger took for a person or a group ("on
            # Borneo", "sent to Mindanao", "the annexation of Crimea")
            add(Mention(ent.start_char, ent.end_char, ent.text, "name", ""))
        elif label == "NORP":
            dem = _demonym(gaz, ent.text)
            if dem:
                add(Mention(ent.start_char, ent.end_char, ent.text, "demonym", label, country=dem))
            elif _known(gaz, ent.text, big=True):  # a place spaCy took for a group ("Aleppo")
                add(Mention(ent.start_char, ent.end_char, ent.text, "name", label))
            else:
                # "South Korean" may come as part of a longer NORP span: try its tokens
                for tok in ent:
                    d = _demonym(gaz, tok.text)
                    if d and tok.text[:1].isupper():
                        add(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "demonym", label,
                                    country=d))
        elif label in ("ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"):
            embedded(list(ent), label)

    # demonyms and country / division names spaCy left untagged
    ent_cover = [False] * (len(text) + 1)
    for ent in ents:
        for i in range(ent.start_char, ent.end_char):
            ent_cover[i] = True
    toks = view.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        if not t.text[:1].isupper() or ent_cover[t.idx] or person[t.idx]:
            i += 1
            continue
        hit = False
        if t.text in gaz.abbreviations and i >= 2 and toks[i - 1].text == ",":
            add(Mention(t.idx, t.idx + len(t.text), t.text, "name", ""))
            i += 1
            continue
        for n in (3, 2, 1):
            span = toks[i:i + n]
            if len(span) < n or any(ent_cover[x.idx] or person[x.idx] for x in span):
                continue
            if not span[-1].text[:1].isupper():
                continue
            s, e = span[0].idx, span[-1].idx + len(span[-1].text)
            word = text[s:e]
            if n == 1 and t.pos_ in ("ADJ", "PROPN", "NOUN") and _demonym(gaz, word):
                add(Mention(s, e, word, "demonym", "", country=_demonym(gaz, word)))
                hit = True
            elif n > 1 and _DIVISION_NAME.search(word) and _known(gaz, word, big=True):
                add(Mention(s, e, word, "name", ""))
                hit = True
            elif t.pos_ == "PROPN" and any(
                p.feature == "country" or (p.feature == "admin" and p.level == 1)
                for p in gaz.lookup(word, alternates=False)
            ) and not (i > 0 and toks[i - 1].text[:1].isupper() and toks[i - 1].pos_ == "PROPN"):
                add(Mention(s, e, word, "name", ""))
                hit = True
            if hit:
                i += n
                break
        if not hit:
            i += 1

    _cued_names(text, toks, gaz, surnames, mentions, add)

    mentions.sort(key=lambda m: m.start)
    if dateline and not any(m.kind == "dateline" for m in mentions):
        key = normalise(dateline.split(",")[0])
        for m in mentions:
            if normalise(m.text) == key and m.start < 200:
                m.kind = "dateline"
                break
    return mentions


def _cued_names(text: str, toks: list[Any], gaz: Gazetteer, surnames: set[str], mentions: list[Mention],
                add: Any) -> None:
    """Town and county names the tagger missed or took for a person or a group, where the words
    around them say they are places:

    - a division after it: "Alexandria, Va.", "Vanderburgh, Ind." (a name followed by a state
      or country is a place in it);
    - a noun for a person after it: "a Gainesville woman", "Dayton teens" (``RESIDENT_NOUNS``);
    - a plural division noun after a list of names: "Jackson and Barrow counties" (each name is
      looked up as "... County").
    Only names the gazetteer holds as a town or division are taken, never a part of a longer
    person's name, nor a name the article uses for a person named in full."""
    n = len(toks)

    def single(t: Any) -> bool:
        """A capitalised proper noun alone: untagged, or a one-word person, group or place."""
        if not t.text[:1].isupper() or t.pos_ != "PROPN" or t.text in surnames:
            return False
        if not t.ent_type_:
            return True
        return t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") and t.ent_iob_ == "B" and (
            t.i + 1 >= n or toks[t.i + 1].ent_iob_ != "I")

    for t in toks:
        low = t.lower_
        if low in _DIVISION_PLURALS and t.i > 0:
            # walk back over "A, B and C"
            j = t.i - 1
            while j >= 0 and (toks[j].text in (",", "and", "&") or single(toks[j])):
                if toks[j].text not in (",", "and", "&"):
                    full = f"{toks[j].text} {_DIVISION_PLURALS[low]}"
                    if any(p.feature == "admin" for p in gaz.lookup(full, alternates=False)):
                        a, b = toks[j].idx, toks[j].idx + len(toks[j].text)
                        for m in mentions:  # already found as a bare name: it is the county
                            if (m.start, m.end) == (a, b) and m.kind == "name":
                                m.extra["lookup"] = full
                        add(Mention(a, b, toks[j].text, "name", "", extra={"lookup": full}))
                j -= 1
            continue
        if not single(t) or not _local(gaz, t.text):
            continue
        cue = False
        if t.i + 2 < n and toks[t.i + 1].text == ",":
            nxt = toks[t.i + 2]
            after = text[nxt.idx:nxt.idx + 40].split(",")[0].strip(" .;:")
            cue = nxt.text in gaz.abbreviations or (nxt.text[:1].isupper() and any(
                p.feature == "country" or (p.feature == "admin" and p.level == 1)
                for p in gaz.lookup(after, alternates=False)))
        if not cue and t.i + 1 < n and toks[t.i + 1].lower_ in RESIDENT_NOUNS and t.dep_ in ("compound", "amod", "nmod"):
            cue = True
        if cue:
            add(Mention(t.idx, t.idx + len(t.text), t.text, "name", ""))
