"""Places: toponym finding and resolution against an offline GeoNames gazetteer, and event locations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidings.model import Entity, PlaceMention
from tidings.places.locate import locate
from tidings.places.resolve import find_places

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["article_places", "locate"]


def article_places(text: str, doc: Doc, entities: Sequence[Entity] = ()) -> list[PlaceMention]:
    """Every resolved place mention of ``text``, in order; a mention that is also a coded actor
    ("Turkey said", "Syrian forces") carries the actor code of the entity it lies in."""
    coded = [e for e in entities if e.actor]
    out = []
    for r in find_places(text, doc):
        actor = next((e.actor for e in coded if e.start <= r["start"] and r["end"] <= e.end), None)
        out.append(PlaceMention(
            text=r["text"], start=r["start"], end=r["end"], name=r["name"], country=r["country"],
            lat=r["lat"], lon=r["lon"], feature=r["feature"], confidence=r["confidence"],
            admin1=r.get("admin1"), geonames_id=r.get("geonames_id"), actor=actor,
            kind=r.get("kind", "name"),
        ))
    return out
