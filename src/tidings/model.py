"""The data model: an ``Article`` goes in, an ``Analysis`` comes out.

Every ``start``/``end`` in an analysis is a character offset into ``Article.text`` (the clean
body), so any consumer can highlight any finding.  ``to_dict`` gives exactly the JSON shape of the
evaluation contract; fields may be added, never renamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuoteKind = Literal["direct", "indirect", "mixed", "unmarked"]
Severity = Literal["low", "medium", "high"]


@dataclass
class Removed:
    """A piece of the input that is not part of the article body, and why it was taken out."""

    text: str
    reason: str  # "boilerplate", "caption", "headline", "byline", "dateline", "junk", ...
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "reason": self.reason}
        if self.note:
            out["note"] = self.note
        return out


@dataclass
class Article:
    """One article: metadata plus the clean body text and what was removed from it."""

    id: str | None
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    removed: list[Removed] = field(default_factory=list)

    def paragraphs(self) -> list[tuple[int, int]]:
        """Character spans of the body's paragraphs (separated by blank lines)."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for chunk in self.text.split("\n\n"):
            start = pos
            end = pos + len(chunk)
            pos = end + 2
            # trim surrounding whitespace/newlines inside the chunk
            while start < end and self.text[start].isspace():
                start += 1
            while end > start and self.text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
        return spans

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "authors": list(self.authors),
            "published": self.published,
            "url": self.url,
            "source": self.source,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
        }


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    actor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # spelled out: dataclasses.asdict deep-copies field by field, a cost per entity
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end, "actor": self.actor}


@dataclass
class Speaker:
    """Who a quote is attributed to: the mention as written, the resolved name, the actor code."""

    text: str
    name: str | None = None
    actor: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "actor": self.actor, "start": self.start, "end": self.end}


@dataclass
class Quote:
    text: str
    start: int
    end: int
    kind: str
    cue: str | None
    speaker: Speaker | None
    confidence: float
    # further content spans when a quote is interrupted ("...," he said, "...")
    spans: list[tuple[int, int]] = field(default_factory=list)
    cue_start: int | None = None
    cue_end: int | None = None
    # attributions reported inside this one's content ("Biden said Trump's claim that ... had
    # imperiled ..."): the article does not make them, this quote's speaker does
    embedded: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "cue": self.cue,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
            "spans": [list(s) for s in self.spans],
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "embedded": [q.to_dict() for q in self.embedded],
        }


@dataclass
class Participant:
    """An event's source or target: the mention, the resolved name, the CAMEO actor code."""

    text: str
    name: str | None = None
    actor: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "actor": self.actor, "start": self.start, "end": self.end}


@dataclass
class PlaceMention:
    """A place the text names or stands for ("Aleppo", "Turkey said", "Syrian forces"), resolved
    in the offline gazetteer: GeoNames' name, ISO3 country, first-level division and point."""

    text: str
    start: int
    end: int
    name: str
    country: str | None
    lat: float
    lon: float
    feature: str  # country / admin / city / other
    confidence: float
    admin1: str | None = None
    geonames_id: int | None = None
    #: the CAMEO actor code when the mention also acts ("Turkey said": TUR)
    actor: str | None = None
    #: how the text names it: ``name``, ``demonym`` ("Syrian" for Syria), ``dateline``, or
    #: ``embedded`` in another name ("Texas" in "University of Texas")
    kind: str = "name"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "start": self.start, "end": self.end, "name": self.name,
            "country": self.country, "admin1": self.admin1, "lat": self.lat, "lon": self.lon,
            "geonames_id": self.geonames_id, "feature": self.feature, "confidence": self.confidence,
            "actor": self.actor, "kind": self.kind,
        }


@dataclass
class Location:
    """Where an event took place: one of the article's place mentions and how it was chosen."""

    place: PlaceMention
    #: locative ("clashes in Kadugli"), sentence (a place its sentence names), dateline,
    #: participant (a side of the event that is a place), focus (the article's main place)
    via: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        p = self.place
        return {
            "text": p.text, "start": p.start, "end": p.end, "name": p.name, "country": p.country,
            "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id,
            "feature": p.feature, "via": self.via, "confidence": self.confidence,
        }


@dataclass
class Event:
    code: str
    root: str
    label: str
    quad_class: int
    goldstein: float
    plover: str | None
    source: Participant | None
    target: Participant | None
    sentence: int
    evidence: str
    negated: bool = False
    confidence: float = 0.5
    start: int | None = None  # evidence span in Article.text
    end: int | None = None
    #: where it took place; None when the text does not say
    location: Location | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "root": self.root,
            "label": self.label,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "negated": self.negated,
            "confidence": round(self.confidence, 3),
            "start": self.start,
            "end": self.end,
            "location": self.location.to_dict() if self.location else None,
        }


@dataclass
class Signal:
    """One reliability signal: a reader-facing message and the spans that triggered it."""

    name: str
    severity: Severity
    message: str
    evidence: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    weight: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "evidence": list(self.evidence),
            "spans": [list(s) for s in self.spans],
            "weight": self.weight,
        }


@dataclass
class Reliability:
    score: int = 50
    signals: list[Signal] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "signals": [s.to_dict() for s in self.signals]}


@dataclass
class SpunFrom:
    """An earlier article this one rewords: its sentences lined up with the original's, and the
    words a spinner swapped (original form first)."""

    article_id: str
    title: str | None = None
    share: float = 0.0  # share of this article's text the aligned sentences cover
    substitutions: list[list[str]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)  # start, end, original

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "title": self.title, "share": self.share,
                "substitutions": [list(p) for p in self.substitutions],
                "sentences": [dict(s) for s in self.sentences]}


@dataclass
class StitchedFrom:
    """A paragraph of this article and the earlier article it came from."""

    paragraph: int
    start: int
    end: int
    article_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"paragraph": self.paragraph, "start": self.start, "end": self.end,
                "article_id": self.article_id}


@dataclass
class Unquoted:
    """A sentence of this article that lines up with an earlier article's sentence which carried
    quotation marks this one lacks: a quote with its marks taken away."""

    article_id: str
    start: int
    end: int
    original: str

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "start": self.start, "end": self.end,
                "original": self.original}


@dataclass
class Provenance:
    """What an article was made from, among the other articles seen (a batch, a store)."""

    spun_from: list[SpunFrom] = field(default_factory=list)
    stitched_from: list[StitchedFrom] = field(default_factory=list)
    unquoted: list[Unquoted] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"spun_from": [s.to_dict() for s in self.spun_from],
                "stitched_from": [s.to_dict() for s in self.stitched_from],
                "unquoted": [u.to_dict() for u in self.unquoted]}


@dataclass
class StageError:
    """A stage that failed on one article: the article keeps what the other stages found."""

    stage: str  # quotes, speakers, events, places, reliability
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"stage": self.stage, "error": self.error}


@dataclass
class Analysis:
    id: str | None
    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    reliability: Reliability = field(default_factory=Reliability)
    places: list[PlaceMention] = field(default_factory=list)
    #: set when a corpus (a batch, a store) held what the article was made from
    provenance: Provenance | None = None
    #: the reliability findings before weighting (kept so a corpus can add its own and re-score;
    #: not part of the output)
    findings: list[Any] = field(default_factory=list, repr=False)
    #: the stages that failed on this article (their part of the output is empty)
    stage_errors: list[StageError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "reliability": self.reliability.to_dict(),
            "places": [p.to_dict() for p in self.places],
        }
        if self.provenance is not None:
            out["provenance"] = self.provenance.to_dict()
        if self.stage_errors:
            out["stage_errors"] = [e.to_dict() for e in self.stage_errors]
        return out
