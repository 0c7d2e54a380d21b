"""Places: toponym finding and resolution against an offline GeoNames gazetteer, and event locations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tidings.model import Entity, PlaceMention
from tidings.places.gazetteer import gazetteer
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
        within = next((e for e in coded if e.start <= r["start"] and r["end"] <= e.end), None)
        actor = within.actor if within is not None else None
        if within is not None and _names_another_country(text, r, within):
            country = gazetteer().country(str(actor)[:3])
            if country is not None:  # "Republic of Korea" inside "Democratic People's Republic of Korea"
                r = {**r, **country.as_dict(), "text": r["text"], "start": r["start"], "end": r["end"]}
        out.append(PlaceMention(
            text=r["text"], start=r["start"], end=r["end"], name=r["name"], country=r["country"],
            lat=r["lat"], lon=r["lon"], feature=r["feature"], confidence=r["confidence"],
            admin1=r.get("admin1"), geonames_id=r.get("geonames_id"), actor=actor,
            kind=r.get("kind", "name"),
        ))
    return out


def _names_another_country(text: str, r: dict, entity: Entity) -> bool:
    """A country's name that is the tail of a longer capitalised name the actor coder knows as
    another country's ("Republic of Korea" in "Democratic People's Republic of Korea", "Republic
    of China" in "the Government of the People's Republic of China"): the longer name is meant.
    After a lower-case word or "The" it is a name of its own ("the ambassador to the Republic of
    Korea")."""
    code = (entity.actor or "")[:3]
    if r.get("feature") != "country" or not (code.isalpha() and code.isupper()) or r.get("country") == code:
        return False
    before = text[entity.start:r["start"]].split()
    return bool(before) and before[-1][:1].isupper() and before[-1] not in ("The", "A", "An")
