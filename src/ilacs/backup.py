"""`ilacs dump` and `ilacs load`: every council's data in one archive, and back.

The archive is a zip file holding

    manifest.json   format version, when and from which database it was made, the migrations
                    applied, the number of rows per model, a SHA-256 checksum per member
    data.json       every row of every model (Django's JSON serialisation, primary keys kept),
                    history tables and the audit trail included
    media/...       every stored file a row names (inspection reports, evidence files, council
                    templates), read through Django's storage so any backend works

Generic over the apps: the models come from Django's app registry and the files from every
FileField, so an app added later is covered without changes here. Content types and
permissions are made by `migrate` and numbered differently in each database: they are not
copied but matched by name, and every reference to them is renumbered on loading. Sessions are
left out (a restore signs everyone out).

A load goes only into an EMPTY, migrated database (no users, nothing but what `migrate` itself
fills) in one transaction: on any error nothing is kept, and the files it wrote are removed.
Tables that migrations fill with reference data (apps whose AppConfig sets
`reference_data = True`, e.g. the list of local authorities) are replaced by the archive's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "ilacs-backup"
FORMAT_VERSION = 1
DATA_NAME = "data.json"
MANIFEST_NAME = "manifest.json"
MEDIA_PREFIX = "media/"
# Made by `migrate` in each database (matched by name on loading), or not worth restoring.
NOT_COPIED = ("contenttypes.ContentType", "auth.Permission", "sessions.Session")


class BackupError(Exception):
    """The archive cannot be made or loaded: the message says why, in plain words."""


@dataclass
class DumpResult:
    path: Path
    rows: int
    files: int
    counts: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # named by a row, not in the file store


@dataclass
class LoadResult:
    rows: int
    files: int
    counts: dict[str, int] = field(default_factory=dict)


def _label(model: type[models.Model]) -> str:
    return model._meta.label


def copied_models() -> list[type[models.Model]]:
    """Every concrete model with a table in this database, except NOT_COPIED."""
    connection = connections[DEFAULT_DB_ALIAS]
    return [
        m
        for m in apps.get_models(include_auto_created=True)
        if not m._meta.proxy
        and m._meta.managed
        and m._meta.can_migrate(connection)
        and _label(m) not in NOT_COPIED
    ]


def reference_models() -> list[type[models.Model]]:
    return [
        m
        for m in copied_models()
        if getattr(apps.get_app_config(m._meta.app_label), "reference_data", False)
    ]


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def stored_files() -> Iterator[tuple[models.FileField, str]]:
    """(field, name) of every stored file a row names, each name once."""
    seen: set[str] = set()
    for model in copied_models():
        for f in _file_fields(model):
            names = (
                model._base_manager.exclude(**{f.attname: ""})
                .exclude(**{f"{f.attname}__isnull": True})
                .values_list(f.attname, flat=True)
                .distinct()
            )
            for name in names.iterator():
                if name not in seen:
                    seen.add(name)
                    yield f, name


def applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connections[DEFAULT_DB_ALIAS])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def manifest_for_rows() -> dict[str, Any]:
    """What a reader of serialised rows needs to know of the database they came from: when,
    which kind, its migrations, and its content type and permission numbers (renumbered on
    loading)."""
    return {
        "made_at": timezone.now().isoformat(),
        "database": connections[DEFAULT_DB_ALIAS].vendor,
        "migrations": applied_migrations(),
        "content_types": {str(ct.pk): [ct.app_label, ct.model] for ct in ContentType.objects.all()},
        "permissions": {
            str(p.pk): [p.content_type.app_label, p.content_type.model, p.codename]
            for p in Permission.objects.select_related("content_type")
        },
    }


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump(path: str | Path) -> DumpResult:
    """Write the whole database and its stored files to the zip archive `path`."""
    path = Path(path)
    labels = [_label(m) for m in copied_models()]
    with tempfile.TemporaryDirectory() as tmp:
        data_file = Path(tmp) / DATA_NAME
        # One read transaction: the rows and the counts agree even while the site is in use
        # (PostgreSQL's REPEATABLE READ is not needed: nothing is written here).
        with transaction.atomic():
            call_command(
                "dumpdata",
                *labels,
                use_base_manager=True,  # withdrawn actions and updates too
                format="ilacs-json",  # times to the microsecond (ilacs.serialisation)
                output=str(data_file),
                verbosity=0,
            )
            counts = {
                _label(m): m._base_manager.count()
                for m in copied_models()
                if m._base_manager.exists()
            }
            about = manifest_for_rows()
            files = list(stored_files())
        checksums: dict[str, str] = {}
        stored: dict[str, list[str]] = {}
        missing: list[str] = []
        tmp_path = path.with_name(path.name + ".part")
        with zipfile.ZipFile(tmp_path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.write(data_file, DATA_NAME)
            checksums[DATA_NAME] = _file_sha256(data_file)
            for f, name in files:
                try:
                    with f.storage.open(name, "rb") as handle:
                        content = handle.read()
                except FileNotFoundError:
                    # the backup goes on (a nightly run must not stop for one lost file); the
                    # manifest and the command's output name it
                    missing.append(name)
                    continue
                archive.writestr(MEDIA_PREFIX + name, content)
                checksums[MEDIA_PREFIX + name] = _sha256(content)
                stored[MEDIA_PREFIX + name] = [_label(f.model), f.name]
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                **about,
                "counts": counts,
                "files": len(stored),
                "stored_files": stored,
                "missing_files": missing,
                "checksums": checksums,
            }
            archive.writestr(MANIFEST_NAME, json.dumps(manifest, indent=2, sort_keys=True))
        tmp_path.replace(path)
    return DumpResult(
        path=path, rows=sum(counts.values()), files=len(stored), counts=counts, missing=missing
    )


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(archive: zipfile.ZipFile) -> dict[str, Any]:
    """The archive's manifest, after checking it is an ilacs backup whose members are intact."""
    try:
        manifest = json.loads(archive.read(MANIFEST_NAME))
    except KeyError:
        raise BackupError("This file is not an ilacs backup: it has no manifest.json.") from None
    except ValueError:
        raise BackupError("This backup's manifest.json cannot be read.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError("This file is not an ilacs backup.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"This backup is in format {manifest.get('format_version')}; this version of ilacs "
            f"reads format {FORMAT_VERSION}."
        )
    names = set(archive.namelist())
    for name, expected in manifest.get("checksums", {}).items():
        if name not in names:
            raise BackupError(f"This backup is incomplete: {name} is missing.")
        digest = hashlib.sha256()
        with archive.open(name) as handle:
            for block in iter(lambda h=handle: h.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != expected:
            raise BackupError(f"This backup is damaged: {name} does not match its checksum.")
    return manifest


def check_migrations(manifest: dict[str, Any]) -> None:
    here = {tuple(m) for m in applied_migrations()}
    there = {tuple(m) for m in manifest["migrations"]}
    missing = sorted(there - here)
    if missing:
        app, name = missing[0]
        raise BackupError(
            f"This backup was made by a newer version of ilacs ({len(missing)} migrations this "
            f"database has not applied, e.g. {app}.{name}): upgrade ilacs, run `ilacs manage "
            "migrate`, then load it."
        )
    apps_there = {app for app, _ in there}
    newer = sorted(m for m in here - there if m[0] in apps_there)
    if newer:
        app, name = newer[0]
        raise BackupError(
            f"This database is at a newer version of ilacs than the backup ({app}.{name} and "
            f"{len(newer) - 1} more migrations were applied since it was made): load it with "
            "the version of ilacs that made it, then upgrade."
        )


def check_empty() -> None:
    """Refuse a database that holds anything beyond what `migrate` itself puts there."""
    reference = set(reference_models())
    held = [
        f"{m._meta.verbose_name_plural} ({m._base_manager.count()})"
        for m in copied_models()
        if m not in reference and m._base_manager.exists()
    ]
    if held:
        raise BackupError(
            "This database is not empty, so nothing was loaded: it already holds "
            + ", ".join(held[:5])
            + (f" and {len(held) - 5} more kinds of record" if len(held) > 5 else "")
            + ". Load a backup only into a new database (create it, run `ilacs manage "
            "migrate`, then `ilacs load`)."
        )


def _renumberer(manifest: dict[str, Any]) -> tuple[dict[int, int], dict[int, int]]:
    """The archive's content type and permission numbers -> this database's."""
    content_types: dict[int, int] = {}
    for old, (app_label, model) in manifest["content_types"].items():
        ct, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        content_types[int(old)] = ct.pk
    here = {
        (p.content_type.app_label, p.content_type.model, p.codename): p.pk
        for p in Permission.objects.select_related("content_type")
    }
    permissions: dict[int, int] = {}
    for old, key in manifest["permissions"].items():
        if tuple(key) in here:
            permissions[int(old)] = here[tuple(key)]
    return content_types, permissions


def renumber(
    objects: list[dict[str, Any]],
    manifest: dict[str, Any],
    more: dict[type[models.Model], dict[Any, Any]] | None = None,
) -> None:
    """Rewrite every reference to a content type or permission (and to the models in `more`,
    old number -> new) in the serialised rows."""
    content_types, permissions = _renumberer(manifest)
    maps: dict[Any, dict[Any, Any]] = {ContentType: content_types, Permission: permissions}
    maps.update(more or {})
    fields_by_model: dict[str, list[tuple[models.Field, dict[int, int]]]] = {}
    for obj in objects:
        label = obj["model"]
        if label not in fields_by_model:
            model = apps.get_model(label)
            fields_by_model[label] = [
                (f, maps[f.related_model])
                for f in model._meta.get_fields()
                if f.concrete and f.related_model in maps
            ]
        for f, mapping in fields_by_model[label]:
            value = obj["fields"].get(f.name)
            if value is None:
                continue
            if f.many_to_many:
                obj["fields"][f.name] = [mapping[v] for v in value if v in mapping]
            else:
                if value not in mapping:
                    raise BackupError(
                        f"A {label} row names {f.related_model._meta.verbose_name} {value}, "
                        "which the backup does not describe."
                    )
                obj["fields"][f.name] = mapping[value]


def load(path: str | Path) -> LoadResult:
    """Load the archive `path` into this (empty, migrated) database and its file store."""
    archive = _open(path)
    written: list[tuple[Any, str]] = []
    with archive:
        manifest = read_manifest(archive)
        check_migrations(manifest)
        try:
            with transaction.atomic():
                check_empty()
                for model in reference_models():
                    model._base_manager.all().delete()
                objects = json.loads(archive.read(DATA_NAME))
                renumber(objects, manifest)
                _write_files(archive, manifest, written)
                load_rows(objects)
                counts = {
                    _label(m): m._base_manager.count()
                    for m in copied_models()
                    if m._base_manager.exists()
                }
                if counts != manifest["counts"]:
                    raise BackupError(
                        "The rows loaded do not match the backup's manifest; nothing was kept."
                    )
        except BaseException:
            for storage, name in written:
                storage.delete(name)
            raise
    ContentType.objects.clear_cache()
    return LoadResult(rows=sum(counts.values()), files=manifest["files"], counts=counts)


def _write_files(
    archive: zipfile.ZipFile, manifest: dict[str, Any], written: list[tuple[Any, str]]
) -> None:
    """Put each archived file back under its own name (rows name files by it), in the storage
    of the field that names it."""
    for member, (label, field_name) in manifest["stored_files"].items():
        storage = apps.get_model(label)._meta.get_field(field_name).storage
        name = member[len(MEDIA_PREFIX) :]
        content = archive.read(member)
        if storage.exists(name):
            with storage.open(name, "rb") as handle:
                if handle.read() == content:
                    continue
            raise BackupError(
                f"The file store already holds a different file called {name!r}: load into an "
                "empty file store (a new ILACS_MEDIA_ROOT)."
            )
        saved = storage.save(name, ContentFile(content))
        written.append((storage, saved))
        if saved != name:
            raise BackupError(f"The file store would not keep the name {name!r}.")


def load_rows(objects: list[dict[str, Any]]) -> None:
    """Save the rows as loaddata does (raw: no signals' side effects, no new history), then
    check every reference and move PostgreSQL's id sequences past the loaded ids."""
    connection = connections[DEFAULT_DB_ALIAS]
    fixture = io.StringIO(json.dumps(objects))
    loaded: set[type[models.Model]] = set()
    with connection.constraint_checks_disabled():
        for item in serializers.deserialize("json", fixture):
            # saving the many-to-many links sends m2m_changed, on which django-simple-history
            # would write a new history row: the archive has the history already
            item.object.skip_history_when_saving = True
            item.save()
            loaded.add(type(item.object))
    connection.check_constraints(table_names=[m._meta.db_table for m in loaded])
    statements = connection.ops.sequence_reset_sql(no_style(), list(loaded))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


def describe(path: str | Path) -> dict[str, Any]:
    """The manifest of the archive at `path` (checked), for `ilacs load --check`."""
    with _open(path) as archive:
        return read_manifest(archive)


def _open(path: str | Path) -> zipfile.ZipFile:
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no file {str(path)!r}.")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise BackupError(f"{path.name} is not an ilacs backup (not a zip archive).") from None


def default_archive_name(today: dt.date | None = None) -> str:
    return f"ilacs-backup-{(today or timezone.localdate()).isoformat()}.zip"
