"""Local authority reference data: the builder, the committed file and the loader."""

import csv
from pathlib import Path

import pytest

from ilacs.localauthorities.models import LocalAuthority, StatisticalNeighbour
from ilacs.localauthorities.reference import (
    DATA_FILE,
    REGIONS,
    build_reference,
    load_reference,
    read_reference,
)

SHARED_LOOKUP = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "la_lookup.csv"
COLUMNS = [
    "urn",
    "la_code",
    "la_code_new",
    "stat_neighbours",
    "local_authority_ons_name",
    "also_known_as",
    "region_name",
]


def _write_lookup(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def _ring(codes: list[str], i: int) -> str:
    """Ten neighbours for council i: the other councils in a ring."""
    others = [c for c in codes if c != codes[i]]
    return ", ".join((others * 2)[i : i + 10])


@pytest.fixture
def lookup(tmp_path):
    names = [
        ("801", "E06000023", "Bristol, City of", "[Bristol]"),
        ("810", "E06000010", "Kingston Upon Hull, City of", "[Kingston Upon Hull, Hull]"),
        ("839", "E06000058", "Bournemouth, Christchurch and Poole",
         "[BCP, Bournemouth, Christchurch & Poole]"),
        ("342", "E08000013", "St. Helens", ""),
        ("201", "E09000001", "City of London", ""),
        ("855", "E10000018", "Leicestershire", ""),
        ("856", "E06000016", "Leicester", ""),
        ("302", "E09000003", "Barnet", ""),
        ("303", "E09000004", "Bexley", ""),
        ("304", "E09000005", "Brent", ""),
        ("305", "E09000006", "Bromley", ""),
    ]  # fmt: skip
    codes = [n[0] for n in names]
    rows = [
        {
            "urn": str(80000 + i),
            "la_code": code,
            "la_code_new": ons,
            "stat_neighbours": _ring(codes, i),
            "local_authority_ons_name": ons_name,
            "also_known_as": aka,
            "region_name": "London",
        }
        for i, (code, ons, ons_name, aka) in enumerate(names)
    ]
    rows.append(
        {
            "urn": "137316",
            "la_code": "836",
            "la_code_new": "",
            "stat_neighbours": "",
            "local_authority_ons_name": "Poole",
            "region_name": "South West",
        }
    )
    return _write_lookup(tmp_path / "lookup.csv", rows)


def test_builder_uses_officers_names_and_keeps_the_printed_ones_as_aliases(lookup):
    records = {r["la_code"]: r for r in build_reference(lookup)}
    assert records["801"]["name"] == "Bristol"
    assert "Bristol, City of" in records["801"]["also_known_as"]
    assert records["810"]["name"] == "Kingston upon Hull"
    assert "Hull" in records["810"]["also_known_as"]
    assert records["342"]["name"] == "St Helens"
    assert records["839"]["also_known_as"][:2] == ["BCP", "Bournemouth, Christchurch & Poole"]
    assert records["801"]["slug"] == "bristol"


def test_builder_types_councils_by_ons_code(lookup):
    records = {r["la_code"]: r for r in build_reference(lookup)}
    assert records["855"]["la_type"] == "county"
    assert records["856"]["la_type"] == "unitary"
    assert records["342"]["la_type"] == "metropolitan_district"
    assert records["302"]["la_type"] == "london_borough"


def test_builder_keeps_abolished_councils_with_their_successors(lookup):
    records = {r["la_code"]: r for r in build_reference(lookup)}
    poole = records["836"]
    assert poole["is_current"] is False
    assert poole["ons_code"] == "E06000029"
    assert poole["replaced_by"] == ["839"]
    assert poole["statistical_neighbours"] == []


def test_builder_rejects_unknown_neighbours(tmp_path):
    rows = [
        {"urn": "1", "la_code": "302", "la_code_new": "E09000003",
         "stat_neighbours": "999", "local_authority_ons_name": "Barnet",
         "region_name": "London"},
    ]  # fmt: skip
    with pytest.raises(ValueError, match="unknown LA codes 999"):
        build_reference(_write_lookup(tmp_path / "bad.csv", rows))


def test_builder_rejects_unknown_regions(tmp_path):
    rows = [{"urn": "1", "la_code": "302", "la_code_new": "E09000003",
             "local_authority_ons_name": "Barnet", "region_name": "Wales"}]  # fmt: skip
    with pytest.raises(ValueError, match="unknown region"):
        build_reference(_write_lookup(tmp_path / "bad.csv", rows))


def test_committed_reference_file_covers_every_english_council():
    records = read_reference()
    current = [r for r in records if r["is_current"]]
    assert len(current) == 153
    assert {r["name"] for r in records if not r["is_current"]} == {
        "Cumbria",
        "Northamptonshire",
        "Poole",
    }
    for r in current:
        assert len(r["la_code"]) == 3 and r["la_code"].isdigit()
        assert r["ons_code"][:3] in {"E06", "E08", "E09", "E10"}
        assert r["ofsted_urn"].isdigit()
        assert r["region"] in REGIONS
        assert len(r["statistical_neighbours"]) == 10
    names = {r["name"] for r in records}
    for officer_name in ("Kensington and Chelsea", "Bournemouth, Christchurch and Poole",
                         "Bristol", "Kingston upon Hull", "St Helens", "Herefordshire",
                         "Durham", "Telford and Wrekin", "City of London"):  # fmt: skip
        assert officer_name in names
    assert "Northbrook" not in names  # fictional: created only with the demo data


@pytest.mark.skipif(not SHARED_LOOKUP.exists(), reason="../shared/corpus/la_lookup.csv is absent")
def test_committed_reference_file_is_what_the_builder_makes_from_the_lookup():
    assert build_reference(SHARED_LOOKUP) == read_reference(DATA_FILE)


@pytest.mark.django_db
def test_migration_loaded_the_reference_data():
    assert LocalAuthority.objects.filter(is_current=True).count() == 153
    leics = LocalAuthority.objects.get(la_code="855")
    assert leics.name == "Leicestershire"
    assert leics.get_la_type_display() == "County council"
    assert leics.region == "East Midlands"
    neighbours = leics.ordered_neighbours()
    assert len(neighbours) == 10
    assert neighbours[0].name == "Gloucestershire"
    cumbria = LocalAuthority.objects.get(name="Cumbria")
    assert sorted(la.name for la in cumbria.replaced_by.all()) == [
        "Cumberland",
        "Westmorland and Furness",
    ]


@pytest.mark.django_db
def test_loading_again_changes_nothing():
    before = StatisticalNeighbour.objects.count()
    created, updated = load_reference(LocalAuthority, StatisticalNeighbour)
    assert created == 0
    assert updated == 156
    assert StatisticalNeighbour.objects.count() == before


@pytest.mark.django_db
def test_load_command_reports_counts(capsys):
    from django.core.management import call_command

    call_command("load_local_authorities")
    assert "0 created, 156 updated" in capsys.readouterr().out
