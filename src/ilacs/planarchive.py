"""One plan, whole, as a JSON file or an Excel workbook, and back into an empty database:
`ilacs dump --plan ID FILE.json|FILE.xlsx` and `ilacs load FILE`.

What is in it is found by following the database's own links, so that what other apps hang on a
plan (self-assessment rounds, evidence) comes too without this module knowing them:

  down  the plan and its inspection, and every row that belongs to them (a foreign key that
        deletes with its parent: themes, requirements, actions, milestones, progress updates,
        RAG overrides, the report's recommendations, judgements and paragraphs...), again and
        again down the tree
  up    every row those point to (the council, the people who wrote, lead or own something),
        again and again up, without taking those rows' other children
  the history of every row taken, and the people's memberships of the plan's council
  the council's evidence the plan's pages show: its measures (with their values), case-audit
        streams (with their results), scorecards and forums (`COUNCIL_EVIDENCE`)

Rows keep their ids, so the pages are the same after loading. The council (reference data) is
matched by its unique fields (slug, codes) and renumbered when the database numbers it
differently. Stored files (the report's PDF) are not included: `ilacs dump` backs up everything.

The Excel workbook has one sheet per kind of row (the sheet's first row names the model, the
second the fields, then one row per record, each cell its value as JSON) and a sheet "Manifest".
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core import serializers
from django.db import models, transaction
from django.utils import timezone

from ilacs import backup
from ilacs.backup import BackupError
from ilacs.serialisation import PreciseJSONEncoder
from ilacs.tables import append_row

FORMAT = "ilacs-plan"
FORMAT_VERSION = 1
MAX_CELL = 32_767  # Excel's limit on a cell's text


# The council's rows (by their related name on LocalAuthority) that the plan's pages read:
# the dashboard's measures off target and audits, the self-assessment's forums.
COUNCIL_EVIDENCE = ("measures", "audit_streams", "scorecards", "forums")


def _council_evidence(local_authority: models.Model) -> list[models.Model]:
    found: list[models.Model] = []
    for name in COUNCIL_EVIDENCE:
        manager = getattr(local_authority, name, None)
        if manager is not None:
            found.extend(manager.all())
    return found


def _key(obj: models.Model) -> tuple[type[models.Model], Any]:
    return (obj._meta.concrete_model, obj.pk)


def _history_model(model: type[models.Model]) -> type[models.Model] | None:
    manager = getattr(model, "history", None)
    history = getattr(manager, "model", None)
    return history if history is not None and history is not model else None


def collect(roots: Iterable[models.Model]) -> list[models.Model]:
    """The roots, what belongs to them, what they point to, and the history of all of it."""
    skipped = {apps.get_model(label) for label in backup.NOT_COPIED}
    found: dict[tuple, models.Model] = {}
    down = list(roots)
    up: list[models.Model] = []

    def add(obj: models.Model, queue: list[models.Model]) -> None:
        key = _key(obj)
        if key not in found and key[0] not in skipped:
            found[key] = obj
            queue.append(obj)

    for obj in down:
        found[_key(obj)] = obj
    while down:
        obj = down.pop()
        up.append(obj)
        for rel in obj._meta.related_objects:
            # rows that belong to it, and rows linked to it many-to-many (a measure that
            # tracks an action)
            if rel.many_to_many or rel.on_delete is models.CASCADE:
                if not rel.field.concrete or rel.related_model._meta.auto_created:
                    continue
                for child in rel.related_model._base_manager.filter(**{rel.field.name: obj.pk}):
                    add(child, down)
    while up:
        _walk_up(up, found, add)
        before = set(found)
        _add_memberships(found)
        _add_history(found)
        up = [found[key] for key in set(found) - before]
    return list(found.values())


def _walk_up(up: list[models.Model], found: dict[tuple, models.Model], add: Any) -> None:
    while up:
        obj = up.pop()
        for m2m in obj._meta.many_to_many:
            if m2m.remote_field.through._meta.auto_created:
                for target in getattr(obj, m2m.attname).all():
                    if _key(target) not in found:
                        add(target, up)
        for f in obj._meta.concrete_fields:
            if f.is_relation and f.related_model is not None:
                value = getattr(obj, f.attname)
                if value is not None and (f.related_model._meta.concrete_model, value) not in found:
                    target = f.related_model._base_manager.filter(pk=value).first()
                    if target is not None:
                        add(target, up)


def _add_memberships(found: dict[tuple, models.Model]) -> None:
    """People's roles in the councils taken (a page depends on who may see it)."""
    from django.contrib.auth import get_user_model

    from ilacs.accounts.models import Membership
    from ilacs.localauthorities.models import LocalAuthority

    users = [pk for (model, pk) in found if model is get_user_model()]
    councils = [pk for (model, pk) in found if model is LocalAuthority]
    for m in Membership.objects.filter(user__in=users, local_authority__in=councils):
        found.setdefault(_key(m), m)


def _add_history(found: dict[tuple, models.Model]) -> None:
    by_model: dict[type[models.Model], list[Any]] = {}
    for model, pk in list(found):
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        history = _history_model(model)
        if history is None:
            continue
        rows = list(history._base_manager.filter(id__in=pks))
        for row in rows:
            found.setdefault(_key(row), row)
        # the history rows' own rows: which requirements an action answered, as it was then
        for rel in history._meta.related_objects:
            if rel.many_to_many or not rel.field.concrete:
                continue
            lookup = {f"{rel.field.name}__in": [r.pk for r in rows]}
            for child in rel.related_model._base_manager.filter(**lookup):
                found.setdefault(_key(child), child)


def _ordered(objects: list[models.Model]) -> list[models.Model]:
    order = {m: i for i, m in enumerate(backup.copied_models())}
    return sorted(objects, key=lambda o: (order.get(o._meta.concrete_model, 0), str(o.pk)))


def export_rows(plan: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The plan's manifest and rows (Django's serialisation, ids kept)."""
    with transaction.atomic():
        roots = [plan, plan.inspection, *_council_evidence(plan.local_authority)]
        objects = _ordered(collect(roots))
        rows = serializers.serialize("python", objects)
        manifest = backup.manifest_for_rows()
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["model"]] = counts.get(row["model"], 0) + 1
    manifest.update(
        {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "plan": plan.pk,
            "plan_title": plan.title,
            "local_authority": plan.local_authority.slug,
            "counts": counts,
        }
    )
    return manifest, json.loads(json.dumps(rows, cls=PreciseJSONEncoder))


def write(plan: Any, path: str | Path) -> tuple[Path, int]:
    """Write the plan to `path`: JSON, or an Excel workbook when the name ends .xlsx."""
    path = Path(path)
    manifest, rows = export_rows(plan)
    if path.suffix.lower() == ".xlsx":
        path.write_bytes(_to_xlsx(manifest, rows))
    else:
        path.write_text(
            json.dumps({"manifest": manifest, "rows": rows}, ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return path, len(rows)


def _to_xlsx(manifest: dict[str, Any], rows: list[dict[str, Any]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Manifest"
    append_row(sheet, ["manifest", json.dumps(manifest, ensure_ascii=False)])
    by_model: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_model.setdefault(row["model"], []).append(row)
    for number, (label, items) in enumerate(by_model.items(), start=1):
        sheet = book.create_sheet(f"{number} {label.split('.')[-1]}"[:31])
        names = list(items[0]["fields"])
        append_row(sheet, ["model", label])
        append_row(sheet, ["pk", *names])
        for item in items:
            cells = [json.dumps(item["pk"])]
            for name in names:
                text = json.dumps(item["fields"].get(name), ensure_ascii=False)
                if len(text) > MAX_CELL:
                    raise BackupError(
                        f"A {label} value is longer than an Excel cell holds: export to JSON."
                    )
                cells.append(text)
            append_row(sheet, cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _from_xlsx(data: bytes) -> dict[str, Any]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception:
        raise BackupError("The Excel workbook could not be opened.") from None
    if "Manifest" not in book.sheetnames:
        raise BackupError("This workbook is not a plan exported by ilacs: no Manifest sheet.")
    first = next(book["Manifest"].iter_rows(values_only=True))
    manifest = json.loads(first[1])
    rows: list[dict[str, Any]] = []
    for sheet in book.worksheets[1:]:
        lines = sheet.iter_rows(values_only=True)
        label = next(lines)[1]
        names = next(lines)[1:]
        for line in lines:
            if line[0] is None:
                continue
            fields = {
                n: json.loads(v) if v is not None else None
                for n, v in zip(names, line[1:], strict=False)
            }
            rows.append({"model": label, "pk": json.loads(line[0]), "fields": fields})
    return {"manifest": manifest, "rows": rows}


def read(path: str | Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no file {str(path)!r}.")
    data = path.read_bytes()
    try:
        content = _from_xlsx(data) if data.startswith(b"PK\x03\x04") else json.loads(data)
    except (ValueError, StopIteration, IndexError, TypeError):
        raise BackupError(f"{path.name} is not a plan exported by ilacs.") from None
    manifest = content.get("manifest") if isinstance(content, dict) else None
    if not manifest or manifest.get("format") != FORMAT:
        raise BackupError(f"{path.name} is not a plan exported by ilacs.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This plan file is in format {manifest.get('format_version')}; this version of "
            f"ilacs reads format {FORMAT_VERSION}."
        )
    return manifest, content["rows"]


def is_plan_file(path: str | Path) -> bool:
    """A plan export (JSON or Excel) rather than a whole-database backup (zip)?"""
    path = Path(path)
    return path.suffix.lower() in (".json", ".xlsx")


def load(path: str | Path) -> int:
    """Load a plan file into this empty, migrated database; the number of rows loaded."""
    manifest, rows = read(path)
    backup.check_migrations(manifest)
    with transaction.atomic():
        backup.check_empty()
        maps = _match_reference_rows(rows)
        backup.renumber(rows, manifest, maps)
        rows = [r for r in rows if not r.pop("_matched", False)]
        backup.load_rows(rows)
    return len(rows)


def _match_reference_rows(rows: list[dict[str, Any]]) -> dict[type[models.Model], dict]:
    """A council already in this database (the list of councils is made by `migrate`) is the
    same council when a unique field agrees: its number here is used, its row kept. Returns
    the old number -> new number of each reference model."""
    reference = {backup._label(m): m for m in backup.reference_models()}
    maps: dict[type[models.Model], dict[Any, Any]] = {}
    for row in rows:
        model = reference.get(row["model"])
        if model is None:
            continue
        mapping = maps.setdefault(model, {})
        unique = [f for f in model._meta.concrete_fields if f.unique and not f.primary_key]
        existing = None
        for f in unique:
            value = row["fields"].get(f.name)
            if value not in (None, ""):
                existing = model._base_manager.filter(**{f.name: value}).first()
                if existing is not None:
                    break
        if existing is not None:
            mapping[row["pk"]] = existing.pk
            row["_matched"] = True
        elif model._base_manager.filter(pk=row["pk"]).exists():
            new = model._base_manager.order_by("-pk").values_list("pk", flat=True).first() + 1
            mapping[row["pk"]] = new
            row["pk"] = new
        else:
            mapping[row["pk"]] = row["pk"]
    return maps


def default_name(plan: Any, fmt: str = "json") -> str:
    return f"{plan.local_authority.slug}-plan-{plan.pk}-{timezone.localdate().isoformat()}.{fmt}"
