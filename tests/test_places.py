"""The places stage (tidings.places) on sentences written for these tests."""

from __future__ import annotations

import pytest

from tidings import nlp
from tidings.places.gazetteer import gazetteer, haversine_km, normalise
from tidings.places.resolve import find_places

KEYS = {"text", "start", "end", "name", "country", "admin1", "lat", "lon", "geonames_id",
        "feature", "confidence", "kind"}


def places(text: str, **kw):
    return find_places(text, nlp.parse(text), **kw)


def one(found, surface: str):
    hits = [p for p in found if p["text"] == surface]
    assert hits, f"{surface!r} not found in {[p['text'] for p in found]}"
    return hits[0]


def near(p, lat: float, lon: float, km: float = 161) -> bool:
    return haversine_km(p["lat"], p["lon"], lat, lon) <= km


def test_gazetteer_loads_offline_once_with_countries_states_cities():
    g = gazetteer()
    assert g is gazetteer()
    syria = g.country("SYR")
    assert syria is not None and syria.feature == "country"
    assert any(p.feature == "admin" and p.country == "USA" for p in g.lookup("Texas"))
    assert any(p.feature == "city" and p.country == "KEN" for p in g.lookup("Nairobi"))
    assert g.demonym("Syrian") == "SYR" and g.demonym("American") == "USA"
    assert normalise("The U.S.") == "us"


def test_shape_offsets_and_confidence():
    text = "Ministers met in Berlin on Monday, and the Kenyan delegation flew home to Nairobi."
    found = places(text)
    assert {p["text"] for p in found} >= {"Berlin", "Kenyan", "Nairobi"}
    for p in found:
        assert set(p) == KEYS
        assert text[p["start"]:p["end"]] == p["text"]
        assert 0.0 <= p["confidence"] <= 1.0
        assert len(p["country"]) == 3
    assert one(found, "Berlin")["country"] == "DEU"
    assert near(one(found, "Berlin"), 52.52, 13.41)


def test_paris_resolved_by_its_state():
    found = places("A storm knocked out power in Paris, Texas, on Sunday night.")
    paris = one(found, "Paris")
    assert paris["country"] == "USA" and paris["admin1"] == "Texas"
    assert near(paris, 33.66, -95.56)
    bare = one(places("The summit in Paris ended without a deal."), "Paris")
    assert bare["country"] == "FRA"


def test_georgia_country_or_state_by_context():
    state = one(places("Polls closed in Georgia as Atlanta and Savannah counted ballots."),
                "Georgia")
    assert state["country"] == "USA" and state["feature"] == "admin"
    country = one(places("Georgia accused Russia of moving troops toward Tbilisi."), "Georgia")
    assert country["country"] == "GEO" and country["feature"] == "country"


def test_demonym_stands_for_its_country():
    found = places("Syrian forces and Turkish troops exchanged fire near the border.")
    assert one(found, "Syrian")["country"] == "SYR"
    assert one(found, "Syrian")["feature"] == "country"
    assert one(found, "Turkish")["country"] == "TUR"


def test_metonymy_is_a_place():
    found = places("Turkey said on Friday that it would not accept the terms.")
    assert one(found, "Turkey")["country"] == "TUR"


def test_dateline_is_found_and_steers_resolution():
    text = "PARIS, Texas \u2014 The county jail will be expanded, officials said."
    p = one(places(text), "PARIS")
    assert p["start"] == 0 and p["country"] == "USA"
    k = one(places("NAIROBI \u2014 Heavy rain flooded roads on Tuesday."), "NAIROBI")
    assert k["country"] == "KEN" and k["feature"] == "city"
    # a place written in accented capitals is a dateline too
    b = one(places("BOGOT\u00c1 \u2014 Heavy rain flooded roads on Tuesday."), "BOGOT\u00c1")
    assert b["start"] == 0 and b["country"] == "COL"


def test_one_sense_per_discourse():
    text = ("Springfield, Illinois, will host the fair. Organisers in Springfield expect "
            "thousands of visitors.")
    found = [p for p in places(text) if p["text"] == "Springfield"]
    assert len(found) == 2
    assert {p["geonames_id"] for p in found} == {found[0]["geonames_id"]}
    assert found[0]["admin1"] == "Illinois"


@pytest.mark.parametrize("text", [
    "The committee approved the budget after a long debate on Tuesday.",
    pytest.param("Jordan scored 30 points as the Bulls beat the Knicks.",
                 marks=pytest.mark.xfail(reason="the pinned model tags this Jordan GPE; no "
                                         "sports-context check yet", strict=True)),
    "Kelly Washington, a nurse, said the ward was understaffed.",
])
def test_no_place_in_text_yields_nothing(text):
    assert places(text) == []


def test_countries_hint_breaks_a_tie():
    text = "Officials in Alexandria said the water plant would reopen."
    egy = one(places(text, countries_hint=["EGY"]), "Alexandria")
    usa = one(places(text, countries_hint=["USA"]), "Alexandria")
    assert egy["country"] == "EGY" and usa["country"] == "USA"


def test_regions_islands_and_seas_from_the_regions_file():
    darfur = one(places("Fighting spread across Darfur as the rains began."), "Darfur")
    assert darfur["country"] == "SDN" and darfur["feature"] == "other"
    assert near(darfur, 13.0, 24.0)
    sulawesi = one(places("An earthquake shook Sulawesi early on Friday."), "Sulawesi")
    assert sulawesi["country"] == "IDN" and near(sulawesi, -2.0, 120.5)
    hormuz = one(places("Tankers queued to pass through the Strait of Hormuz."), "Strait of Hormuz")
    assert hormuz["country"] is None and near(hormuz, 26.5, 56.3)
    # a region that is also a small town abroad: the region ("Sinaí" is in Ecuador)
    sinai = one(places("Militants ambushed an army patrol in the Sinai."), "Sinai")
    assert sinai["country"] == "EGY" and near(sinai, 29.5, 33.8, km=250)


def test_region_named_only_by_descriptor_words():
    found = places("Oil prices rose on fears of a wider war in the Middle East.")
    me = one(found, "Middle East")
    assert me["feature"] == "other" and me["country"] is None
    assert near(me, 29.0, 42.0, km=800)
    assert not places("Temperatures will fall across the north and the east tonight.")


def test_island_the_tagger_misreads_after_a_preposition():
    found = places("Villagers on Borneo say the logging roads keep getting longer.")
    assert near(one(found, "Borneo"), 1.0, 114.0)


def test_a_name_the_tagger_cut_before_its_joiner_is_read_whole():
    # the small tagger ends this name at "Rio Grande" (a Puerto Rican division of its own)
    found = places("The governor of Rio Grande do Sul asked the federal government for flood aid.")
    state = one(found, "Rio Grande do Sul")
    assert state["country"] == "BRA" and state["feature"] == "admin"
    assert not any(p["text"] == "Rio Grande" for p in found)


def test_territory_taken_is_a_place_whatever_the_tagger_says():
    # the small tagger reads this "Crimea" as an organisation
    found = places("Relations were damaged by Russia's annexation of Crimea in 2014.")
    crimea = one(found, "Crimea")
    assert crimea["kind"] == "name" and crimea["country"] == "UKR"


def test_city_of_a_region_name_wins_when_context_says_so():
    rhodes = one(places("Firefighters saved two homes in Rhodes, New South Wales."), "Rhodes")
    assert rhodes["country"] == "AUS" and rhodes["feature"] == "city"
    orkney = one(places("The mine near Orkney, South Africa, flooded on Monday."), "Orkney")
    assert orkney["country"] == "ZAF"
    atlantic = one(places("The Atlantic, Iowa, school board met on Tuesday."), "Atlantic")
    assert atlantic["country"] == "USA" and atlantic["feature"] == "city"
    island = one(places("Hotels on Rhodes and Corfu were evacuated as wildfires spread."), "Rhodes")
    assert island["country"] == "GRC"


def test_english_names_of_first_level_divisions():
    ms = one(places("Militants attacked a base in Middle Shabelle on Sunday."), "Middle Shabelle")
    assert ms["country"] == "SOM" and ms["feature"] == "admin" and near(ms, 2.9, 45.6, km=200)
    nk = one(places("Aid trucks reached North Kivu after the road reopened."), "North Kivu")
    assert nk["country"] == "COD" and nk["feature"] == "admin"
    # GeoNames' "Eastern Darfur", written the short way
    ed = one(places("Displaced families arrived in East Darfur this week."), "East Darfur")
    assert ed["country"] == "SDN" and ed["feature"] == "admin"
    g = gazetteer()
    # GeoNames' transliterated forms lose their word for "governorate" / "province"
    assert any(p.country == "YEM" and p.feature == "admin" for p in g.lookup("Hudaydah"))
    assert any(p.country == "CHN" and p.feature == "admin" for p in g.lookup("Anhui"))
    # a region that is already a division or a country lends its names, no second place
    assert [p.feature for p in g.lookup("Sicily")] == ["admin"]
    assert [p.feature for p in g.lookup("Falklands")] == ["country"]


def test_one_national_capital_per_country():
    g = gazetteer()
    capitals = [p for p in g.lookup("Washington") if p.capital and p.country == "USA"]
    assert len(capitals) == 1 and capitals[0].admin1 == "District of Columbia"


def test_a_country_sits_at_the_point_geonames_gives_it():
    # GeoNames' own point for the country feature (data/places/country_points.tsv)
    us = gazetteer().country("USA")
    assert us is not None and abs(us.lat - 39.76) < 0.01 and abs(us.lon + 98.5) < 0.01


def test_capital_and_metropolis_win_over_a_division_of_their_name():
    found = places("Officials in Washington and New York said the talks would resume in the spring.")
    assert near(one(found, "Washington"), 38.9, -77.04)
    assert near(one(found, "New York"), 40.71, -74.01)
    state = places("Wildfires spread across Washington state and Oregon on Monday.")
    assert near(one(state, "Washington"), 47.3, -120.5, km=400)


@pytest.mark.parametrize("text,name", [
    ("The Laurel County Sheriff said the road would stay closed until Monday.", "Laurel County"),
    ("Deputies from Rapides Parish joined the search on Sunday.", "Rapides Parish"),
])
def test_a_name_that_says_it_is_a_county_is_a_place_even_inside_an_organisation(text, name):
    found = places(text)
    assert [p["text"] for p in found] == [name]
    assert found[0]["country"] == "USA"


def test_a_persons_name_tagged_as_a_place_once_stays_the_person():
    from spacy.tokens import Span

    text = ("Secretary of State Mike Pompeo arrived in Sochi on Monday. Pompeo met the foreign "
            "minister there. Later, reporters travelling with Pompeo said the talks had ended.")
    doc = nlp.parse(text)
    last = [t for t in doc if t.text == "Pompeo"][-1]
    ents = [e for e in doc.ents if not (e.start <= last.i < e.end)]
    doc.ents = [*ents, Span(doc, last.i, last.i + 1, label="GPE")]  # the tagger's slip, forced
    found = find_places(text, doc)
    assert "Pompeo" not in [p["text"] for p in found]
    assert "Sochi" in [p["text"] for p in found]


@pytest.mark.parametrize("text,town,lat,lon", [
    ("A Sheboygan woman was charged with fraud on Friday after a long investigation.", "Sheboygan", 43.75, -87.71),
    ("Carla Mendes, 34, of Yakima, Wash., pleaded guilty to the theft.", "Yakima", 46.6, -120.51),
    ("The Kalamazoo Police Department asked drivers to avoid the area.", "Kalamazoo", 42.29, -85.59),
])
def test_a_small_town_the_context_calls_a_place(text, town, lat, lon):
    """A town's name before a person noun, before ", <state>", or in the name of a body that
    serves it is a place however small."""
    p = one(places(text), town)
    assert p["feature"] == "city" and near(p, lat, lon)


def test_names_before_counties_are_counties():
    found = places("Voters in Sheboygan and Manitowoc counties approved the school levy.")
    assert [(p["text"], p["name"], p["feature"]) for p in found] == [
        ("Sheboygan", "Sheboygan County", "admin"), ("Manitowoc", "Manitowoc County", "admin")]
    assert {p["admin1"] for p in found} == {"Wisconsin"}


def test_common_words_and_bodies_named_for_people_are_not_towns():
    """"Police" is a town in Poland and "Council" one in Idaho; a school named for a person
    carries no place."""
    assert places("The city council met the police chief on Tuesday. The Council said it would "
                  "ask the Police to wait.") == []


def test_street_placed_at_its_town_and_address_left_out():
    found = places("A fire destroyed two houses on Cedar Street in Duluth, Minnesota, early on Sunday.")
    street = one(found, "Cedar Street")
    duluth = one(found, "Duluth")
    assert street["kind"] == "street" and street["within"] == "Duluth" and street["feature"] == "other"
    assert (street["lat"], street["lon"]) == (duluth["lat"], duluth["lon"])
    assert street["confidence"] < duluth["confidence"]
    dated = places("BOISE, Idaho (AP) - Crews closed Fairview Avenue for repairs, the city said.")
    assert one(dated, "Fairview Avenue")["within"] == "Boise"
    # an address is a building's point, and a street with no town in the text stays unplaced
    assert places("Police said the man was arrested at his home at 412 Birch Road on Thursday.") == []
    assert places("Crews closed Fairview Avenue for a week of repairs.") == []


def test_a_name_repeated_is_no_evidence_for_its_own_reading():
    """Six mentions of "Paris" do not outvote "Dallas" and "Texas": each name's reading is decided
    by the other places of the article."""
    text = ("Paris police said the crash closed the highway for hours. Paris firefighters freed two drivers, "
            "and a Paris ambulance took them to a hospital in Dallas. Paris had its wettest spring in years, "
            "officials in Texas said.")
    paris = [p for p in places(text) if p["text"] == "Paris"]
    assert paris and all(p["country"] == "USA" and p["admin1"] == "Texas" for p in paris)
    # alone, the name is the famous one
    assert one(places("Paris police said the crash closed the highway for hours."), "Paris")["country"] == "FRA"


def test_a_town_near_the_countries_the_article_names():
    # "Jenin" is a West Bank city and a Polish village of 1,100; only an alternate name of the
    # first, so without context the village wins
    got = {p["text"]: p for p in places("The Egyptian foreign ministry condemned the Israeli raid on Jenin.")}
    assert got["Jenin"]["country"] == "PSE"


@pytest.mark.parametrize("city", ["Odesa", "Zaporizhzhia", "Mariupol", "Kramatorsk"])
def test_a_city_the_tagger_took_for_a_group_or_a_product_is_a_place_after_in(city: str) -> None:
    found = places(f"Russian drones struck energy facilities in {city} overnight.")
    assert one(found, city)["country"] == "UKR"
