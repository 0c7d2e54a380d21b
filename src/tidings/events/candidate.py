"""A candidate event while it is being coded, and actors the coder derives from context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tidings.events.lexicon import Entry
    from tidings.events.participants import Side


@dataclass(frozen=True)
class DerivedMatch:
    """An actor the coder infers from context (a place, the source's own country)."""

    code: str
    name: str
    kind: str
    country: str | None


@dataclass
class Candidate:
    entry: Entry
    code: str
    trigger: Token
    sources: list[Side]
    targets: list[Side]
    recip: bool
    negated: bool = False
    confidence: float = 0.8
    modality: str = "asserted"
    consumed: set[int] = field(default_factory=set)
    span_tokens: set[int] = field(default_factory=set)
    #: a material act the text asserts without naming who did it ("110 people were arrested",
    #: "an air strike on the market"): reported with its target and a null source
    standalone: bool = False
    #: "the ministry said that Y had shelled Z": the sides who report the act, who by saying
    #: so accuse its doer (CAMEO 112); the act itself is coded as reported
    reported_by: list[Side] = field(default_factory=list)
    #: "Iran denied Israel's accusations that ...": the sides whose accusation a denial or
    #: rejection names; they accused the denier (CAMEO 112), coded besides the denial
    accused_by: list[Side] = field(default_factory=list)
