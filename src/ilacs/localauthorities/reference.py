"""The project's local authority reference data: built once from a lookup table, loaded into the DB.

`build_reference(csv_path)` reads a lookup CSV (the columns of ../shared/corpus/la_lookup.csv:
DfE LA code, ONS code, Ofsted URN, names, region, statistical neighbours) and returns the records
written to data/local_authorities.json, which is committed. `load_reference()` upserts those
records; a data migration and `ilacs manage load_local_authorities` call it. No Django here except
through the model classes passed in, so the migration can pass its historical models.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.utils.text import slugify

from ilacs.localauthorities.matching import LocalAuthorityIndex

DATA_FILE = Path(__file__).resolve().parent / "data" / "local_authorities.json"

REGIONS = (
    "North East",
    "North West",
    "Yorkshire and the Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)

LA_TYPES = {
    "county": "County council",
    "unitary": "Unitary authority",
    "metropolitan_district": "Metropolitan district",
    "london_borough": "London borough",
}
# The ONS code's entity prefix says what kind of council it is (E10 county, E06 unitary,
# E08 metropolitan district, E09 London borough); the lookup's own type column lags behind
# reorganisations (it still calls Cumberland a county).
_TYPE_BY_ONS_PREFIX = {
    "E10": "county",
    "E06": "unitary",
    "E08": "metropolitan_district",
    "E09": "london_borough",
}

# Names as a council officer writes them, where the lookup's ONS-style name differs.
DISPLAY_NAMES = {
    "801": "Bristol",  # "Bristol, City of"
    "810": "Kingston upon Hull",  # "Kingston Upon Hull, City of"
    "342": "St Helens",  # "St. Helens"
}

# More ways reports, committee papers and Ofsted's site write a council (the lookup's own
# also_known_as is added to these). Each must normalise to a key no other council has.
EXTRA_ALIASES: dict[str, list[str]] = {
    "801": ["Bristol, City of", "City of Bristol"],
    "810": ["Kingston Upon Hull, City of", "Hull", "City of Hull"],
    "342": ["St. Helens", "Saint Helens"],
    "840": ["County Durham"],
    "822": ["Bedford"],
    "201": ["London Corporation", "City of London Corporation", "Corporation of London"],
    "884": ["County of Herefordshire", "Herefordshire, County of"],
    "391": ["Newcastle"],
    "882": ["Southend"],
    "894": ["Telford"],
    "846": ["Brighton"],
    "800": ["Bath and NE Somerset", "BANES"],
    "318": ["Richmond"],
    "212": ["Wandsworth Borough"],
    "839": ["Bournemouth, Christchurch & Poole", "BCP"],
    "811": ["East Riding"],
}

# Councils abolished by reorganisation: kept, because their older reports still name them.
# The lookup gives them no current ONS code; these are their last ones.
HISTORICAL = {
    "909": {"ons_code": "E10000006", "la_type": "county", "replaced_by": ["942", "943"]},
    "928": {"ons_code": "E10000021", "la_type": "county", "replaced_by": ["940", "941"]},
    "836": {"ons_code": "E06000029", "la_type": "unitary", "replaced_by": ["839"]},
}


def _split_codes(value: str) -> list[str]:
    return [code.strip() for code in (value or "").split(",") if code.strip()]


def _parse_aliases(value: str) -> list[str]:
    """The lookup writes aliases as "[BCP, Bournemouth, Christchurch & Poole]"."""
    value = (value or "").strip()
    if not value:
        return []
    inner = value[1:-1] if value.startswith("[") and value.endswith("]") else value
    # Split on ", " only before a capital that starts a new alias: "Bournemouth, Christchurch
    # & Poole" is one alias, so rejoin pieces that continue a name.
    parts = [p.strip() for p in inner.split(",")]
    aliases: list[str] = []
    for part in parts:
        if aliases and part and (" & " in part or " and " in part) and " " not in aliases[-1]:
            aliases[-1] = f"{aliases[-1]}, {part}"
        elif part:
            aliases.append(part)
    return aliases


def build_reference(csv_path: str | Path) -> list[dict[str, Any]]:
    """Reference records from a lookup CSV, sorted by name. Raises ValueError on bad facts."""
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows:
        raise ValueError(f"{csv_path}: no rows")

    records: list[dict[str, Any]] = []
    for row in rows:
        code = row["la_code"].strip()
        ons_name = row["local_authority_ons_name"].strip()
        name = DISPLAY_NAMES.get(code, ons_name)
        historical = HISTORICAL.get(code)
        ons_code = (row.get("la_code_new") or "").strip() or (
            historical["ons_code"] if historical else ""
        )
        la_type = historical["la_type"] if historical else _TYPE_BY_ONS_PREFIX.get(ons_code[:3], "")
        if not la_type:
            raise ValueError(f"{name} ({code}): cannot tell its type from ONS code {ons_code!r}")
        region = (row.get("region_name") or row.get("rgn22nm") or "").strip()
        if region not in REGIONS:
            raise ValueError(f"{name} ({code}): unknown region {region!r}")
        aliases: list[str] = []
        for alias in [ons_name, *_parse_aliases(row.get("also_known_as", ""))]:
            alias = alias.strip()
            if alias and alias != name and alias not in aliases:
                aliases.append(alias)
        for alias in EXTRA_ALIASES.get(code, []):
            if alias != name and alias not in aliases:
                aliases.append(alias)
        records.append(
            {
                "la_code": code,
                "ons_code": ons_code,
                "ofsted_urn": row["urn"].strip(),
                "name": name,
                "slug": slugify(name),
                "ons_name": ons_name,
                "region": region,
                "la_type": la_type,
                "is_current": historical is None,
                "also_known_as": aliases,
                "statistical_neighbours": _split_codes(row.get("stat_neighbours", "")),
                "replaced_by": historical["replaced_by"] if historical else [],
            }
        )

    _check(records)
    return sorted(records, key=lambda r: r["name"])


def _check(records: list[dict[str, Any]]) -> None:
    codes = {r["la_code"] for r in records}
    for field in ("la_code", "ons_code", "ofsted_urn", "name", "slug"):
        values = [r[field] for r in records]
        duplicates = sorted({v for v in values if values.count(v) > 1})
        if duplicates:
            raise ValueError(f"duplicate {field}: {', '.join(duplicates)}")
    for r in records:
        unknown = [c for c in r["statistical_neighbours"] + r["replaced_by"] if c not in codes]
        if unknown:
            raise ValueError(f"{r['name']}: unknown LA codes {', '.join(unknown)}")
        if r["is_current"] and len(r["statistical_neighbours"]) != 10:
            raise ValueError(f"{r['name']}: {len(r['statistical_neighbours'])} neighbours, not 10")
    # Every name and alias must point at one council only.
    LocalAuthorityIndex(([r["name"], *r["also_known_as"]], r["la_code"]) for r in records)


def write_reference(records: list[dict[str, Any]], path: Path = DATA_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # One council per line: readable, and a change to one council is a one-line diff.
    lines = ",\n".join(" " + json.dumps(r, ensure_ascii=False) for r in records)
    path.write_text("[\n" + lines + "\n]\n", encoding="utf-8")


def read_reference(path: Path = DATA_FILE) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def load_reference(
    local_authority_model: Any,
    neighbour_model: Any,
    records: Iterable[dict[str, Any]] | None = None,
) -> tuple[int, int]:
    """Create or update every reference council (matched on DfE LA code). Returns (created,
    updated). Pass the models (the real ones, or a migration's historical ones)."""
    records = list(read_reference() if records is None else records)
    # A migration's historical model may predate fields added later: set only those it has.
    known = {f.name for f in local_authority_model._meta.get_fields()}
    created = updated = 0
    by_code: dict[str, Any] = {}
    for r in records:
        fields = {
            "ons_code": r["ons_code"] or None,
            "ofsted_urn": r["ofsted_urn"] or None,
            "name": r["name"],
            "slug": r["slug"],
            "ons_name": r["ons_name"],
            "region": r["region"],
            "la_type": r["la_type"],
            "is_current": r["is_current"],
            "is_fictional": False,
            "also_known_as": r["also_known_as"],
        }
        obj, was_created = local_authority_model.objects.update_or_create(
            la_code=r["la_code"], defaults={k: v for k, v in fields.items() if k in known}
        )
        created += was_created
        updated += not was_created
        by_code[r["la_code"]] = obj
    for r in records:
        la = by_code[r["la_code"]]
        neighbour_model.objects.filter(local_authority=la).delete()
        neighbour_model.objects.bulk_create(
            neighbour_model(local_authority=la, neighbour=by_code[code], rank=rank)
            for rank, code in enumerate(r["statistical_neighbours"], start=1)
        )
        la.replaced_by.set([by_code[code] for code in r["replaced_by"]])
    return created, updated
