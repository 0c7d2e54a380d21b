"""Mentions in one article -> CAMEO actors.

A mention is coded from its *frame*: the noun phrase around it (titles, demonyms, possessors,
compounds: "Russian Foreign Minister Sergei Lavrov", "Britain's Jeremy Hunt") and its
appositives ("Kofi Annan, the UN secretary-general"), never from prepositional phrases
("Special Representative for Iran" says nothing about who employs him).  Known officeholders are
coded by the office held on the article's date; the first full mention of a person decides what
later surname-only mentions and he/she mean; bare role words ("government forces") take the
country of their own "in/of" phrase, else the nearest country named before them in the sentence,
else the article's dominant country.  A place that is only a location ("in Brussels") is no actor.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tidings.actors.normalize import key
from tidings.actors.types import WATER_BODIES, ActorMatch, Entry, Role, stance_prefixed
from tidings.datelines import dateline_tokens
from tidings.model import Entity
from tidings.parsed import children_of, lefts_of, parsed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from tidings.actors.knowledge import ActorKnowledge
    from tidings.model import Article

#: prepositions after which a place is where something happens, not who acts
LOC_PREPS = frozenset(
    "in at near inside outside across throughout around within into via through across "
    "toward towards onto beyond along off aboard".split()
)
#: prepositions of aim: after them people are who is aimed at ("fired at protesters")
AIMED_PREPS = frozenset("at toward towards into".split())
#: singular nouns for a body of people
COLLECTIVE_PEOPLE = frozenset("police crowd mob".split())
#: words after which "to"/"from" + place is a destination or origin, not a participant
MOTION = frozenset(
    "travel go fly trip visit return come arrive move head journey tour flee evacuate deploy "
    "leave withdraw pull escape relocate drive sail transfer deport extradite expel migrate "
    "flight route road way border".split()
)
#: dependency labels whose subtree is not part of a mention's frame
CUT = frozenset("prep agent relcl acl advcl cc conj punct appos mark parataxis".split())
#: labels of left modifiers that belong to a mention ("Britain's", "Russian", "Foreign Minister")
MODS = frozenset("compound amod poss nmod det nummod npadvmod case".split())
#: grammatical slots in which a place name can be an actor (subject, object, possessor...)
ACTOR_SLOTS = frozenset("nsubj nsubjpass dobj poss appos conj ROOT attr dative agent pobj "
                        "oprd dep".split())
PRONOUNS = frozenset({"he", "she", "him", "her"})
#: compass words that begin place names ("West Columbia") as well as naming blocs ("the West")
COMPASS = frozenset("west east north south".split())
#: nouns that describe an organisation already named ("the bloc", "the group"), by the kinds of
#: actor they can describe
DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("bloc", "body", "alliance", "grouping"), frozenset({"igo"})),
    # ("ngo": a group whose code is a non-governmental organisation's: "the Norwegian Refugee
    # Council ... forced the agency to suspend", "the charity said")
    **dict.fromkeys(("organisation", "organization", "agency"), frozenset({"igo", "ngo"})),
    **dict.fromkeys(("charity", "ngo"), frozenset({"ngo"})),
    **dict.fromkeys(("group", "movement", "outfit", "faction"), frozenset({"group"})),
}
EX_WORDS = frozenset({"former", "ex", "ex-", "erstwhile", "onetime", "one-time", "then"})
NO_ACTOR_LABELS = frozenset(
    "DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL LAW WORK_OF_ART LANGUAGE EVENT "
    "PRODUCT".split()
)


@dataclass
class _Hit:
    """A name found in the text: tokens [i, j) and the entry it resolves to."""

    i: int
    j: int
    entry: Entry


@dataclass
class _RoleHit:
    i: int
    j: int
    role: Role


class ArticleActors:
    """Actor coding for one parsed article (see the module docstring for the rules)."""

    def __init__(self, knowledge: ActorKnowledge, article: Article, doc: Doc) -> None:
        self.k = knowledge
        self.article = article
        self.doc = doc
        self.date = article.published
        view = self._view = parsed(doc)
        self.text = view.text
        self._cache: dict[tuple[int, int], ActorMatch | None] = {}
        self._frames: dict[tuple[int, int], list[int]] = {}
        self._ents = view.ents
        # (a country's name or demonym the parser took for a person, "Azerbaijani", "Papua New
        # Guinea's", is not one, unless someone of the article bears it as a name: "Jim Jordan
        # ... Jordan said")
        persons = [e for e in self._past_dateline(self._ents) if e.label_ == "PERSON"]
        borne = {e[-1].text for e in persons if len(e) > 1}
        # (nor is a country's adjective before a body's word, as a headline capitalises it:
        # "Bolivian Senate throws out lithium deal")
        self._person_ents = [e for e in persons if not (
            (name := _without_possessive(e)) and (" " in name or name not in borne) and self._names_country(name))
            and not (len(e) == 2 and self._names_country(e[0].text) and self.k.role(e[1].lower_) is not None)]
        # the tokens as the scanners read them, from the doc's attribute columns
        starts, words = view.idx, view.words
        ends = [idx + len(word) for idx, word in zip(starts, words)]
        skip = [punct or space for punct, space in zip(view.is_punct, view.is_space)]
        self._name_toks: list[tuple[int, int, bool, str, str]] = list(
            zip(starts, ends, skip, view.lower, words))
        # (a word with an apostrophe inside is a word: "chargé d'affaires")
        wordlike = [alpha or (w[:1].isalpha() and w.replace("'", "").replace("\u2019", "").isalpha())
                    for alpha, w in zip(view.is_alpha, words)]
        self._role_toks: list[tuple[int, int, str, str, bool]] = list(
            zip(starts, ends, words, view.lemma, wordlike))
        self._person_tokens = {i for e in self._person_ents for i in range(e.start, e.end)}
        #: the start of the first person entity under each name key
        self._first_starts: dict[str, int] = {}
        for ent in self._person_ents:
            for name_key in self._name_keys(self._text_of(ent)):
                self._first_starts.setdefault(name_key, ent.start)
        self.hits = self._scan_names()
        self._named = {t for h in self.hits if h.entry.person is None for t in range(h.i, h.j)}
        self.role_hits = self._scan_roles()
        self._hit_at = {t: h for h in self.hits for t in range(h.i, h.j)}
        self._role_at = {t: h for h in self.role_hits for t in range(h.i, h.j)}
        # by first token (the scans find hits left to right, none overlapping)
        self._hit_from = {h.i: h for h in self.hits}
        self._role_from = {r.i: r for r in self.role_hits}
        self.dominant = self._dominant_country()
        self._coref: dict[str, ActorMatch] = {}
        self._person_matches: list[tuple[int, bool, ActorMatch]] = []
        self._sent_starts: list[int] | None = None
        self._build_coref()

    def _past_dateline(self, ents: tuple[Span, ...]) -> list[Span]:
        """The entities without the dateline words the parser ran into them ("YEREVAN - Armenian"
        read as one person before "Prime Minister Nikol Pashinyan"): what follows the dateline is
        an entity of its own, what lies inside it names no one."""
        dateline = dateline_tokens(self.doc)
        if not dateline:
            return list(ents)
        out = []
        for e in ents:
            if e.start not in dateline:
                out.append(e)
                continue
            rest = [i for i in range(e.start, e.end) if i not in dateline]
            if rest and not self.doc[rest[0]].is_punct:
                from spacy.tokens import Span as SpanType

                out.append(SpanType(self.doc, rest[0], e.end, label=e.label_))
        return out

    def _names_country(self, text: str) -> bool:
        entry = self.k.lookup_entry(text, self.date)
        return entry is not None and entry.kind == "country" and entry.person is None

    # ------------------------------------------------------------------ scanning
    def _scan_names(self) -> list[_Hit]:
        """Longest known names, left to right.  Works on the raw text of the tokens (no Span
        objects) and stops growing a candidate once its key starts no known name."""
        hits: list[_Hit] = []
        text = self.text
        toks = self._name_toks
        n = len(toks)
        width = self.k.max_words
        first_words, prefixes = self.k.first_words, self.k.prefixes
        may_start: dict[str, bool] = {}  # by word: words recur in an article
        shared: list[tuple[int, list[Entry]]] = []  # hits whose name several actors share
        i = 0
        while i < n:
            start, _, skip, low, word = toks[i]
            if skip or low in ("the", "a", "an"):
                i += 1
                continue
            starts = may_start.get(word)
            if starts is None:
                starts = may_start[word] = key(word).split(" ", 1)[0] in first_words
            if not starts:
                i += 1
                continue
            best: tuple[int, list[Entry]] | None = None
            for length in range(1, min(width, n - i) + 1):
                last = toks[i + length - 1]
                surface = text[start:last[1]]
                k = key(surface)
                if last[2] and last[4] != ".":
                    if k in prefixes:
                        continue
                    break
                entries = self.k.entries(k, surface)
                if entries:
                    best = (length, entries)
                if k not in prefixes:
                    break
            found = None
            if best is not None and self._fragment(i, i + best[0]):
                best = None  # "Department of State" in "Nigeria's Department of State Services"
            if best is not None and self._article_missing(i, best[0], key(text[start:toks[i + best[0] - 1][1]])):
                best = None  # "the party States": the name is "the States"
            if best is not None:
                length, entries = best
                entry = self.k.choose(entries, self.date) or self._undated(entries)
                found = _Hit(i, i + length, entry)
            if found is not None and not self._inside_other_person(found):
                valid = [e for e in best[1] if e.person is None and e.valid_on(self.date)] if best else []
                if len({e.code for e in valid}) > 1:
                    shared.append((len(hits), valid))
                hits.append(found)
                i = found.j
            else:
                i += 1
        if shared:
            at_shared = {at for at, _ in shared}
            plain = [h for n, h in enumerate(hits) if n not in at_shared]
            for at, valid in shared:
                hits[at].entry = self._by_context(valid, plain, hits[at].entry)
        return hits

    def _article_missing(self, i: int, length: int, name_key: str) -> bool:
        """A name our data writes only with its article ("the States", "the Gulf") standing
        without it as a noun of its own ("the party States"); as a modifier the bare word is
        the name all the same ("Gulf countries")."""
        if i > 0 and self._name_toks[i - 1][3] == "the":
            return False
        return self.k.needs_article(name_key) and self.doc[i + length - 1].dep_ not in ("compound", "amod", "nmod")

    def _fragment(self, i: int, j: int) -> bool:
        """A known name that is only the start of a longer proper name: a compass word before a
        town's name ("West Columbia" is no "the West"), or a name of the form "X of Y" that runs
        on into a longer name the tagger holds as one entity ("Department of State Services"
        is another body; a role word after it, "Republic of Korea Navy", is the body's own)."""
        if j >= len(self.doc):
            return False
        nxt = self.doc[j]
        if j - i == 1 and self.doc[i].lower_ in COMPASS and nxt.is_alpha and nxt.text[:1].isupper() \
                and nxt.pos_ == "PROPN":
            return True  # "West Columbia", "East Hampton": a town, not "the West"
        if not any(self.doc[t].lower_ == "of" for t in range(i, j)):
            return False
        return (nxt.ent_iob_ == "I" and nxt.is_alpha and nxt.text[:1].isupper()
                and self.doc[j - 1].ent_iob_ in ("B", "I") and not self.k.role(nxt.lower_)
                and not self.k.role(nxt.lemma_.lower()))

    def _by_context(self, valid: list[Entry], plain: list[_Hit], default: Entry) -> Entry:
        """One name, several actors ("RSF": Reporters Without Borders, or Sudan's Rapid Support
        Forces; "SDF": the Syrian Democratic Forces, or Japan's Self-Defense Forces).  A report
        spells an acronym out where it first uses it, so the actor the article names in another
        form wins; failing that, the actor of a country the article names; failing that, the
        default reading.  ``plain`` are the article's names that only one actor has."""
        others = {h.entry.code for h in plain}
        # the countries the article names, and those of its national bodies ("Sudanese army")
        countries = {h.entry.country for h in plain if h.entry.country in self.k.country_names}

        def score(e: Entry) -> int:
            return 2 * (e.code in others) + (e.code[:3] in countries)

        best = max(valid, key=score)
        return best if score(best) > score(default) else default

    def _undated(self, entries: list[Entry]) -> Entry:
        e = entries[0]
        return Entry(code=e.code[:3], name=e.name, kind=e.kind, country=e.code[:3], tier=e.tier,
                     place=e.place)

    def _inside_other_person(self, hit: _Hit) -> bool:
        """A country-like name inside a person's name ("George Washington") is no country."""
        if hit.entry.person is not None:
            return False
        for ent in self._person_ents:
            if ent.start <= hit.i and hit.j <= ent.end and (hit.j - hit.i) < len(ent):
                return True
        return False

    def _scan_roles(self) -> list[_RoleHit]:
        out: list[_RoleHit] = []
        n, i = len(self.doc), 0
        text = self.text
        toks = self._role_toks
        role_of = self.k.role
        may_start: dict[tuple[str, str], bool] = {}  # by (word, lemma): words recur in an article
        while i < n:
            found = None
            start, _, word, lemma, alpha = toks[i]
            if alpha and i not in self._named and self._may_start_role(word, lemma, may_start):
                for length in range(min(4, n - i), 0, -1):
                    last = toks[i + length - 1]
                    if not last[4]:
                        continue  # a role never ends in punctuation ("by police.")
                    role = role_of(key(text[start:last[1]]))
                    if role is None and last[3] != last[2]:
                        lemma_text = " ".join([t[2] for t in toks[i:i + length - 1]] + [last[3]])
                        role = role_of(key(lemma_text))
                    if role is not None:
                        found = _RoleHit(i, i + length, role)
                        break
            if found is not None:
                out.append(found)
                i = found.j
            else:
                i += 1
        return out

    def _may_start_role(self, word: str, lemma: str, memo: dict[tuple[str, str], bool]) -> bool:
        starts = memo.get((word, lemma))
        if starts is None:
            starts = memo[word, lemma] = self.k.may_start_role(key(word).split(" ", 1)[0], key(lemma))
        return starts

    def _dominant_country(self) -> str | None:
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for h in self.hits:
            c = h.entry.country
            # countries, and known officeholders' countries ("Obama ... Congress": the US)
            if (h.entry.kind == "country" or h.entry.person is not None) and c and not self._opposed(h.i):
                counts[c] = counts.get(c, 0) + 1
                first.setdefault(c, h.i)
        if not counts:
            return None
        return max(counts, key=lambda c: (counts[c], -first[c]))

    def _build_coref(self) -> None:
        for ent in self._person_ents:
            match = self._resolve(ent, use_coref=True)
            if match is None:
                continue
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            self._person_matches.append((ent.start, subject, match))
            for name_key in self._name_keys(self._text_of(ent)):
                self._coref.setdefault(name_key, match)

    def _text_of(self, span: Span) -> str:
        """``span.text``, cut from the article's text instead of joining the span's tokens."""
        return self.text[span.start_char:span.end_char]

    @staticmethod
    def _name_keys(text: str) -> list[str]:
        words = key(text).split()
        keys = [" ".join(words)]
        if len(words) >= 2:
            keys.append(words[-1])
            if words[-2] in ("al", "el", "bin", "van", "von", "de"):
                keys.append(" ".join(words[-2:]))
        return keys

    # ------------------------------------------------------------------ public API
    def code_span(self, span: Span) -> ActorMatch | None:
        """The actor of a noun phrase or entity of this article, or None."""
        cache_key = (span.start, span.end)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._code(span)
        return self._cache[cache_key]

    def code_anywhere(self, span: Span) -> ActorMatch | None:
        """The actor a mention names wherever it stands, even where ``code_span`` reads it as a
        place ("died in police firing": the police, not a place)."""
        span = _trim(span)
        if len(span) == 0:
            return None
        return self._resolve(span, use_coref=True)

    def code_text(self, start: int, end: int) -> ActorMatch | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return self.code_span(span)

    def lookup_name(self, text: str) -> ActorMatch | None:
        """A bare name looked up in the knowledge on the article's date ("Montenegro",
        "Beijing", "Lavrov"), without the in-text rules: no frame, no location test."""
        return self.k.lookup(text, self.date)

    def place_country(self, span: Span) -> ActorMatch | None:
        """The country a place mention lies in ("in Montenegro", "in Beijing", "the West
        Bank city of Nablus"), for events whose target is where they happen; None when the
        mention names no known country, capital or seat of government."""
        span = _trim(span)
        if len(span) == 0:
            return None
        cands = [span] if len(span) == 1 else [span, span[-1:]]
        for cand in cands:
            match = self.lookup_name(cand.text)
            if match is not None and match.kind == "country" and match.country:
                return ActorMatch(match.country, self.k.country_name(match.country), "country",
                                  match.country)
        # a place named with its country inside the mention: "the Iraqi city of Basra",
        # "Kenya's capital"; a sea named for a land is not that land ("the South China Sea")
        if span.root.lower_ in WATER_BODIES:
            return None
        for h in self.hits:
            if span.start <= h.i < span.end and h.entry.kind == "country" and h.entry.country:
                c = h.entry.country
                return ActorMatch(c, self.k.country_name(c), "country", c)
        return None

    def entities(self) -> list[Entity]:
        """The doc's entities with their actor codes; a dateline's place and agency ("LONDON
        (Reuters) -") are where and by whom the report was filed, and name no actor."""
        out: list[Entity] = []
        dateline = dateline_tokens(self.doc)
        for ent in self._ents:
            actor = None
            if ent.label_ not in NO_ACTOR_LABELS and ent.start not in dateline and not self.is_location(ent):
                match = self.code_span(ent)
                actor = match.code if match is not None else None
            out.append(Entity(self._text_of(ent), ent.label_, ent.start_char, ent.end_char, actor))
        return out

    # ------------------------------------------------------------------ resolution
    def _code(self, span: Span) -> ActorMatch | None:
        span = _trim(span)
        if len(span) == 0:
            return None
        if len(span) == 1 and span[0].lower_ in PRONOUNS:
            return self._pronoun(span[0])
        match = self._resolve(span, use_coref=True)
        if match is not None and self.is_location(span):
            # a country named as a place is still a country-level participant ("troops in
            # Lebanon"); a city, a capital or an organisation's seat there is only a place
            return match if match.kind == "country" and not self._is_place_hit(span) else None
        return match

    def _is_place_hit(self, span: Span) -> bool:
        hit = self._hit_at.get(span.root.i)
        return hit is None or hit.entry.place or hit.entry.kind != "country"

    def is_location(self, span: Span) -> bool:
        """True when the mention is a place where something happens, not an actor."""
        root = span.root
        # walk up through compound chains: "the State Department in Washington"
        while root.dep_ in ("compound", "flat") and root.head.i != root.i:
            if root.head.i >= span.end or root.head.i < span.start:
                break
            root = root.head
        if root.dep_ == "pobj":
            prep = root.head
            word = prep.lower_
            if word in LOC_PREPS:
                # "fired tear gas at protesters", "drove into the crowd": people aimed at are
                # no place, though the preposition could place them
                return not (word in AIMED_PREPS and self._people(root))
            if word in ("to", "from") and prep.head.lemma_.lower() in MOTION:
                return True
        hit = self._hit_at.get(span.root.i)
        if hit is not None and hit.entry.place and span.root.dep_ not in ACTOR_SLOTS:
            return True  # a capital as a mere modifier: "the Beijing Olympics"
        return False

    def _people(self, tok: Token) -> bool:
        """A role word for people ("protesters", "the police", "the crowd"), not a named place."""
        return tok.i in self._role_at and tok.i not in self._hit_at and (
            tok.tag_ == "NNS" or tok.lemma_.lower() in COLLECTIVE_PEOPLE)

    def _pronoun(self, token: Token) -> ActorMatch | None:
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in parsed(self.doc).sents]
        k = bisect_right(self._sent_starts, token.i) - 1  # this token's sentence
        floor = self._sent_starts[max(0, k - 3)]
        best: ActorMatch | None = None
        best_subject: ActorMatch | None = None
        for start, subject, match in self._person_matches:
            if floor <= start < token.i and match.code:
                best = match
                if subject:
                    best_subject = match
        return best_subject or best

    def _frame(self, span: Span) -> list[int]:
        """Token indices that describe the mention: the span, its left modifiers, appositives;
        made once per span (a mention is resolved again by the entities, the quotes' speakers and
        the events: a third of the calls).  Do not change the list: it is shared."""
        k = (span.start, span.end)
        found = self._frames.get(k)
        if found is None:
            found = self._frames[k] = self._make_frame(span)
        return found

    def _make_frame(self, span: Span) -> list[int]:
        root = span.root
        subtree = self._view.subtree
        idx = set(range(span.start, span.end))
        children = children_of(root)
        for child in children:
            if child.i < root.i and child.dep_ in MODS:
                idx.update(subtree(child.i))
        if root.dep_ == "compound" and root.head.i > root.i:
            head = root.head  # "Putin" in "Putin aide": the compound chain belongs together
            for t in lefts_of(head):
                if t.dep_ in MODS:
                    idx.update(subtree(t.i))
        named = root.pos_ == "PROPN" or root.i in self._person_tokens
        for child in children:
            if child.dep_ == "appos" and (named or child.pos_ == "PROPN"):
                idx.update(subtree(child.i))
        if root.dep_ == "appos" and (named or root.head.pos_ == "PROPN"):
            head = root.head
            idx.add(head.i)
            for c in children_of(head):
                if c.i < head.i and c.dep_ in MODS:
                    idx.update(subtree(c.i))
        return sorted(i for i in idx if not self._cut(i, root, span))

    def _cut(self, i: int, root: Token, span: Span) -> bool:
        dep, head = self._view.dep, self._view.head
        r = root.i
        path = self._path(i, root)
        if span.start <= i < span.end and not any(
            dep[t] in ("prep", "relcl", "acl", "cc", "conj") and t != r
            and span.start <= t < span.end for t in path
        ):
            return False
        root_appos = root.dep_ == "appos"
        for t in path:
            if t != r and dep[t] in CUT and not (dep[t] == "appos" and head[t] == r) \
                    and not (root_appos and t == r):
                return True
        return False

    def _path(self, i: int, root: Token) -> list[int]:
        """Indices of the tokens from ``i`` up the tree towards ``root`` (at most 12 steps)."""
        head = self._view.head
        r = root.i
        path = [i]
        seen = 0
        while i != r and head[i] != i and seen < 12:
            i = head[i]
            path.append(i)
            seen += 1
        if root.dep_ == "appos" and i != r:
            return path[:1]
        return path[:-1] if path and path[-1] == r else path

    def _resolve(self, span: Span, use_coref: bool) -> ActorMatch | None:
        frame = self._frame(span)
        root = span.root
        lower = self._view.lower
        ex = any(lower[i] in EX_WORDS for i in frame)

        # 1. a person: known officeholder, or someone the article already introduced
        person = self._person(span, use_coref)
        if person is not None and person.kind == "person" and person.country is not None:
            return _ex(person) if ex else person

        # 2. names inside the frame; the one that holds the head is the actor itself (the hits
        # and role hits that start in the frame, in text order: the frame is sorted)
        hit_from, role_from = self._hit_from, self._role_from
        hits = [hit_from[i] for i in frame if i in hit_from and hit_from[i].entry.person is None
                and not self._opposed(i)]
        head_hit = next((h for h in hits if h.i <= root.i < h.j), None)
        roles = [role_from[i] for i in frame if i in role_from and self._role_slot(role_from[i], root)]
        head_role = next((r for r in roles if r.i <= root.i < r.j), None)
        role = _pick_role(head_role, roles)

        section = next((h for h in hits if head_hit is not None and head_hit.entry.kind == "country"
                        and h.j == head_hit.i and h.entry.code.startswith(("NGO", "IGO"))), None)
        if section is not None:
            # "Amnesty International Kenya", "Save the Children UK": an organisation's national
            # section is the organisation, whatever country its name ends on
            return self.k.match_entry(section.entry, self.date, key(self.doc[section.i:section.j].text))
        if head_hit is not None and head_hit.entry.kind == "country" and any(
                lower[i] == "ethnic" for i in frame if i < head_hit.i):
            # "ethnic Albanians in Serbia": a people named for a nation, not that nation's state;
            # coded by the country they live in, as a role word would be
            country = self._context_country(span, root)
            if country is None or country == head_hit.entry.country:
                return None
            return ActorMatch(country, self.k.country_name(country), "country", country)
        inner = sorted((h for h in hits if h is not head_hit and span.start <= h.i < span.end
                        and h.entry.kind == "country" and not h.entry.place),
                       key=lambda h: abs(root.i - h.i))
        if head_hit is not None and head_hit.entry.kind == "country" and inner \
                and not head_hit.entry.place:
            # "Bosnian Serbs", "Kurdish Iraqis": a people coded by the country they live in
            entry = inner[0].entry
            return ActorMatch(entry.code, entry.name, entry.kind, entry.country)
        body = head_hit.entry if head_hit is not None else None
        if body is not None and body.kind == "group" and body.country and len(body.code) == 6 \
                and body.code[:3] == body.country:
            owner = next((h for h in hits if h is not head_hit and h.i < head_hit.i and h.entry.kind == "country"
                          and h.entry.country and h.entry.country != body.country and not h.entry.place), None)
            if owner is not None:
                # "Canada's House of Commons", "Kenya's National Assembly": a body named as
                # another country's is the named owner's body of that kind
                c = owner.entry.country
                return ActorMatch(c + body.code[3:], self.k.country_name(c), "role", c)
        if head_hit is not None and not (head_hit.entry.kind == "country" and role is not None
                                          and head_role is not None):
            entry = head_hit.entry
            match = self.k.match_entry(entry, self.date, key(self.doc[head_hit.i:head_hit.j].text))
            if person is not None:  # an unknown person named like a place: keep the person
                return ActorMatch(match.code, person.name, "person", match.country)
            return match

        # the modifier nearest the head inside the mention first ("Russian" in "U.S. and
        # Russian negotiators" when the mention is "Russian negotiators"), then the frame's
        mods = sorted((h for h in hits if h is not head_hit),
                      key=lambda h: (0, abs(root.i - h.i)) if span.start <= h.i < span.end
                      else (1, h.i))  # outside: "[Country] [Title] [Name]" reads left to right
        mods += [head_hit] if head_hit else []
        base = mods[0].entry if mods else None
        name_is_person = root.i in self._person_tokens or (
            person is not None and not self._name_before_body(person, head_role, root))

        if base is not None:
            code = _compose(base, role)
            if ex and name_is_person:
                code = (base.country or code[:3]) + "ELI"
            if name_is_person:
                return ActorMatch(code, person.name if person else span.text, "person",
                                  base.country)
            kind = "role" if role is not None and base.kind == "country" else base.kind
            name = base.name
            return ActorMatch(code, name, kind, base.country)

        if role is None:
            return self._description(span, root, frame) if use_coref else None
        if role.code in ("GOV", "ELI", "BUS") and root.lemma_.lower() not in STATE_BODIES | PLACE_OFFICES:
            firm = self._of_a_known_company(root)
            if firm is not None:  # "the chief executive of Gazprom": the firm's, and its country's
                return ActorMatch(firm.code, span.text, "role", firm.country)
            if role.code != "BUS" and self._of_a_company(root):
                role = Role("BUS")  # "the president of Toyota": a firm's officer, not the state's
        if ex and role.code == "GOV":
            role = Role("ELI")
        country = self._context_country(span, root, own_only=_unknown_doer(root))
        if country is None and role.prefix:
            return ActorMatch(role.prefix + role.code, span.text, "role", role.prefix)
        if country is None:
            if name_is_person:
                return None
            return ActorMatch(role.code, span.text, "role", None)
        name = self.k.country_name(country)
        kind = "person" if name_is_person else "role"
        return ActorMatch(country + role.code, span.text if name_is_person else name, kind,
                          country)

    def _of_a_known_company(self, root: Token) -> Entry | None:
        """The national company the title's of-phrase names, when the dictionaries know it as a
        country's business ("the chairman of Petrobras")."""
        for prep in children_of(root):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in children_of(prep):
                    hit = self._hit_at.get(obj.i) if obj.dep_ == "pobj" else None
                    if hit is not None and hit.entry.code.endswith("BUS") and hit.entry.kind == "group":
                        return hit.entry
        return None

    def _of_a_company(self, root: Token) -> bool:
        """The title's of-phrase names an organisation the actor dictionaries do not know as a
        state body or group, and no country: a company ("the chairman of Samsung")."""
        for prep in children_of(root):
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in children_of(prep):
                    if obj.dep_ == "pobj" and obj.ent_type_ == "ORG" and obj.i not in self._hit_at \
                            and obj.i not in self._role_at:
                        return True
        return False

    def _description(self, span: Span, root: Token, frame: list[int]) -> ActorMatch | None:
        """A definite description of an organisation named before it: "the bloc", "the world
        body", "the continental body" (an intergovernmental body), "the group", "the militant
        outfit" (an armed or political group): the nearest such organisation named in this
        sentence or the two before, when exactly one kind fits."""
        kinds = DESCRIPTIONS.get(root.lemma_.lower())
        if kinds is None or root.tag_ != "NN" or not any(
                self._view.lower[i] == "the" for i in frame if i < root.i):
            return None
        if any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in children_of(root)):
            return None  # "the group of students", "the body that oversees elections"
        if root.lemma_.lower() == "body" and not any(c.dep_ in ("amod", "compound") for c in children_of(root)):
            return None  # "the body was found": only "the world body", "the regional body" describe
        if self._sent_starts is None:
            self._sent_starts = [s.start for s in parsed(self.doc).sents]
        k = bisect_right(self._sent_starts, root.i) - 1
        floor = self._sent_starts[max(0, k - 2)]
        before = [h for h in self.hits if floor <= h.i and h.j <= span.start and h.entry.person is None and not h.entry.place
                  and (h.entry.kind in kinds or ("ngo" in kinds and h.entry.kind == "group"
                                                 and h.entry.code.startswith("NGO")))]
        # (a name in a phrase of place is where, not who: "met in Brussels")
        before = [h for h in before if not (self.doc[h.j - 1].dep_ == "pobj"
                                            and self.doc[h.j - 1].head.lower_ in LOC_PREPS)]
        if not before:
            return None
        entry = before[-1].entry
        return self.k.match_entry(entry, self.date, key(self.doc[before[-1].i:before[-1].j].text))

    def _name_before_body(self, person: ActorMatch, head_role: _RoleHit | None, root: Token) -> bool:
        """An unknown name the tagger took for a person, set before a role noun that heads the
        mention ("the Ahmedabad police", "Madhavpura police"): English names a body by its place
        this way, so the name is where the body serves, not who the actor is."""
        return (person.country is None and not person.code and head_role is not None
                and head_role.i <= root.i < head_role.j and root.i not in self._person_tokens)

    def _opposed(self, i: int) -> bool:
        return stance_prefixed(self._view.lower, i)

    def _role_slot(self, hit: _RoleHit, root: Token) -> bool:
        """A role word counts as the head noun or a noun modifier ("army spokesman"), not inside
        an adjective ("rebel-held") or as an adjective ("an official invitation")."""
        last = self.doc[hit.j - 1]
        if last.pos_ not in ("NOUN", "PROPN"):
            return False
        if last.i == root.i or hit.i <= root.i < hit.j:
            return True
        if root.dep_ == "appos" and last.i == root.head.i:
            return True  # "the Special Representative ..., Brian Hook"
        if last.dep_ == "appos" and last.head.i == root.i:
            return True  # "Kofi Annan, the UN secretary-general"
        return last.dep_ in ("compound", "nmod", "poss")

    def _person(self, span: Span, use_coref: bool) -> ActorMatch | None:
        """A person named in the span: an officeholder, or the article's earlier mention."""
        ents = [e for e in self._person_ents if e.start < span.end and span.start < e.end]
        candidates = ents
        if ents:
            root_i = span.root.i
            candidates = [e for e in ents if e.start <= root_i < e.end] or ents
        if not candidates:
            candidates = [span]
        for ent in candidates:
            text = self._text_of(ent)
            entry = self.k.lookup_entry(text, self.date)
            if entry is not None and entry.person is not None:
                return self.k.person_match(self.k.persons[entry.person], self.date)
            is_person_ent = ent.label_ == "PERSON" if hasattr(ent, "label_") else False
            if use_coref and is_person_ent:
                for name_key in self._name_keys(text):
                    if name_key in self._coref and ent.start > self._first_start(name_key):
                        return self._coref[name_key]
            if is_person_ent or len(ent) == 1:
                found = self.k.surname_person(key(text), self.date)
                if found is not None and (is_person_ent or ent.root.pos_ == "PROPN"):
                    return self.k.person_match(found, self.date)
            if is_person_ent:
                return ActorMatch("", text, "person", None)
        return None

    def _first_start(self, name_key: str) -> int:
        return self._first_starts.get(name_key, len(self.doc))

    def _context_country(self, span: Span, root: Token, own_only: bool = False) -> str | None:
        """The country of a role named without one: its own "in/of/from" phrase, else (unless
        ``own_only``) the last country named before it in the sentence, else the article's."""
        # the role's own "in/of/from" phrase: "police in Pakistan", "the government of Syria",
        # or of a region ("the governments of Western countries"); also on a title before a
        # name ("Prime Minister of the Islamic Republic of Pakistan Mr. Shahid Rana")
        titles = [t for t in span if t.i < root.i and t.head.i == root.i and t.dep_ in ("nmod", "compound", "appos")]
        for child in [c for r in [*titles, root] for c in children_of(r)]:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
                for obj in children_of(child):
                    # the place itself, or the country it is named as part of ("gunmen in
                    # Nigeria's Kaduna state")
                    # (or the nationality of the people it is of: "a delegation of Tanzanian MPs";
                    # or a state's formal name: "the Republic of Uganda")
                    named = [c for c in children_of(obj) if c.dep_ in ("poss", "compound", "amod")]
                    if obj.lower_ in ("republic", "kingdom", "state", "federation", "emirate", "sultanate"):
                        named += [o for p in children_of(obj) if p.dep_ == "prep" and p.lower_ == "of"
                                  for o in children_of(p) if o.dep_ == "pobj"]
                    for name in [obj] + named:
                        hit = self._hit_at.get(name.i)
                        if hit is not None and hit.entry.country and (
                                hit.entry.kind == "country" or (hit.entry.kind == "region" and name.i == obj.i)):
                            return hit.entry.country
        if own_only:
            return None
        sent = span.sent
        before = [h for h in self.hits if sent.start <= h.i < span.start and not self._opposed(h.i)
                  and (h.entry.kind == "country" or h.entry.person is not None)
                  and h.entry.country]
        if before:
            return before[-1].entry.country
        return self.dominant


def _without_possessive(ent: Span) -> str:
    """An entity's text without the possessive ending the parser may take into it."""
    toks = list(ent)
    while toks and toks[-1].tag_ == "POS":
        toks.pop()
    return "".join(t.text_with_ws for t in toks).strip()


#: bodies of the state named by their portfolio: "the Ministry of Labour", "the Department of
#: Trade and Industry" are the government's, whatever the portfolio's name looks like
STATE_BODIES = frozenset("ministry department directorate secretariat".split())
#: offices of a town or a province: their of-phrase is a place, whatever the parser takes it
#: for ("the mayor of Gdansk" is no firm's officer)
PLACE_OFFICES = frozenset("mayor governor".split())
#: doers whom a report names by what they did, not by whom they serve: their country is not
#: the country they acted in ("gunmen killed two soldiers in Niger" are of no known country)
UNKNOWN_DOERS = frozenset("gunman gunmen assailant assailants attacker attackers kidnapper kidnappers "
                          "abductor abductors sniper snipers".split())
#: modifiers that say a doer is not identified: "unidentified armed men", "unknown militants"
UNIDENTIFIED = frozenset("unidentified unknown unnamed masked".split())


def _unknown_doer(root: Token) -> bool:
    """A role named by the act ("gunmen", "assailants") or said to be unidentified."""
    return root.lower_ in UNKNOWN_DOERS or any(
        c.dep_ == "amod" and c.lower_ in UNIDENTIFIED for c in children_of(root))


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    view = parsed(doc)
    punct, space, words = view.is_punct, view.is_space, view.words
    while start < end and (punct[start] or space[start]):
        start += 1
    while end > start and (punct[end - 1] or space[end - 1]) and words[end - 1] != ".":
        end -= 1
    return doc[start:end]


def _pick_role(head: _RoleHit | None, roles: list[_RoleHit]) -> Role | None:
    if head is not None and not head.role.weak:
        return head.role
    strong = [r.role for r in roles if not r.role.weak and r is not head]
    if strong:
        return strong[-1]
    if head is not None:
        return head.role
    return roles[-1].role if roles else None


def _compose(base: Entry, role: Role | None) -> str:
    code = base.code
    if role is None or not role.code:
        return code
    if len(code) == 3 and base.kind in ("country", "region"):
        return code + role.code
    if base.country and code == base.country + "GOV" and not role.weak and (
            (base.place and base.kind == "country") or base.kind == "group"):
        # a seat of government before a body of its own kind is where that body sits ("a
        # Moscow court" is Russia's judiciary); a group that governs a state commands its
        # forces ("Taliban forces" are Afghanistan's military)
        return base.country + role.code
    if code.startswith("IGO") and role.code == "MIL" and not code.endswith("MIL"):
        return code + "MIL"
    return code


def _ex(match: ActorMatch) -> ActorMatch:
    if match.country and match.code.endswith("GOV"):
        return ActorMatch(match.country + "ELI", match.name, match.kind, match.country)
    return match
