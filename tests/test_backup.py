"""`ilacs dump` and `ilacs load` (ilacs.backup): the demo council's pages are the same, as each
demo user sees them, after its data goes through an archive into an empty database and file
store; a restore refuses a database that is not empty and an archive that is damaged; and an
archive loads into a database of the other kind (SQLite <-> PostgreSQL) unchanged."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse

from ilacs import backup
from ilacs.demo.load import load_demo
from ilacs.inspections.models import Inspection
from ilacs.plans.models import Action, ImprovementPlan

pytestmark = pytest.mark.django_db(transaction=True)


def _urls() -> list[str]:
    plan = ImprovementPlan.objects.get()
    slug = plan.local_authority.slug
    inspection = Inspection.objects.get()
    actions = Action.all_objects.filter(plan=plan).order_by("number")
    urls = [
        reverse("home"),
        plan.local_authority.get_absolute_url(),
        inspection.get_absolute_url(),
        plan.get_absolute_url(),
        reverse("plans:dashboard", args=[slug, plan.pk]),
        reverse("plans:history", args=[slug, plan.pk]),
        reverse("plans:themes", args=[slug, plan.pk]),
        reverse("measures:index", args=[slug]),
    ]
    for action in actions[:4]:
        urls.append(action.get_absolute_url())
        urls.append(reverse("plans:action_history", args=[slug, plan.pk, action.number]))
    return urls


_VARYING = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r'nonce="[^"]+"'), 'nonce=""'),
]


def _pages(users: list[str], urls: list[str]) -> dict[tuple[str, str], tuple[int, str]]:
    from django.contrib.auth import get_user_model

    pages = {}
    for username in users:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        for url in urls:
            response = client.get(url)
            text = response.content.decode()
            for pattern, replacement in _VARYING:
                text = pattern.sub(replacement, text)
            pages[(username, url)] = (response.status_code, text)
    return pages


def _empty_the_database(settings, tmp_path: Path) -> None:
    """A new, migrated database and a new file store: flush leaves only what migrate makes
    (content types and permissions, numbered afresh)."""
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    settings.MEDIA_ROOT = tmp_path / "new-media"


def test_pages_are_the_same_after_dump_and_load(settings, tmp_path):
    load_demo()
    users = ["admin", "editor", "contributor", "viewer"]
    urls = _urls()
    before = _pages(users, urls)
    assert all(status == 200 for (user, _), (status, _) in before.items() if user == "admin")
    archive = tmp_path / "backup.zip"
    stored = sorted(name for _, name in backup.stored_files())
    result = backup.dump(archive)
    # the sample inspection report, and the demo's evidence files when the evidence app is there
    assert result.files == len(stored) >= 1
    with zipfile.ZipFile(archive) as z:
        manifest = json.loads(z.read("manifest.json"))
        names = z.namelist()
    assert manifest["counts"]["plans.Action"] == Action.all_objects.count()
    assert manifest["counts"]["plans.HistoricalAction"] > 0  # history is kept
    assert any(name.startswith("media/inspections/") for name in names)
    _empty_the_database(settings, tmp_path)
    # content types are numbered afresh in a new database: they must be matched by name
    ContentType.objects.get(app_label="plans", model="action").delete()
    ContentType.objects.create(app_label="plans", model="action")
    assert not ImprovementPlan.objects.exists()

    loaded = backup.load(archive)

    assert loaded.rows == result.rows
    inspection = Inspection.objects.get()
    assert inspection.source_file.read()  # the report is back in the file store
    assert sorted(name for _, name in backup.stored_files()) == stored
    for field, name in backup.stored_files():
        assert field.storage.exists(name), name  # every file, whichever app's, is back
    after = _pages(users, urls)
    for key, (status, text) in before.items():
        assert after[key][0] == status, key
        assert after[key][1] == text, f"{key} differs after the restore"
    # the ids go on from the loaded ones (PostgreSQL's sequences are reset)
    plan = ImprovementPlan.objects.get()
    from ilacs.plans import services

    editor = plan.local_authority.memberships.get(user__username="editor").user
    action = services.add_action(plan, user=editor, title="After the restore", lead_role="Head")
    assert action.pk > max(a.pk for a in Action.all_objects.exclude(pk=action.pk))


def test_load_refuses_a_database_that_is_not_empty(tmp_path, cast):
    archive = tmp_path / "backup.zip"
    backup.dump(archive)
    with pytest.raises(backup.BackupError, match="not empty, so nothing was loaded"):
        backup.load(archive)


def test_load_refuses_a_damaged_archive_and_writes_nothing(settings, tmp_path, cast):
    archive = tmp_path / "backup.zip"
    backup.dump(archive)
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(damaged, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "data.json":
                data = data.replace(b"northbrook", b"northbrooc")
            dst.writestr(name, data)
    _empty_the_database(settings, tmp_path)
    with pytest.raises(backup.BackupError, match="data.json does not match its checksum"):
        backup.load(damaged)
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("hello")
    with pytest.raises(backup.BackupError, match="not a zip archive"):
        backup.load(not_zip)
    assert not Action.all_objects.exists()


def test_load_refuses_a_backup_from_a_newer_version(settings, tmp_path, cast):
    archive = tmp_path / "backup.zip"
    backup.dump(archive)
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(newer, "w") as dst:
        manifest = json.loads(src.read("manifest.json"))
        manifest["migrations"].append(["plans", "9999_from_the_future"])
        for name in src.namelist():
            if name != "manifest.json":
                dst.writestr(name, src.read(name))
        dst.writestr("manifest.json", json.dumps(manifest))
    _empty_the_database(settings, tmp_path)
    with pytest.raises(backup.BackupError, match="newer version of ilacs"):
        backup.load(newer)


def _ilacs(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ilacs.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _normalised(archive: Path) -> dict[str, list]:
    """The archive's rows by model, content type numbers replaced by their names."""
    with zipfile.ZipFile(archive) as z:
        manifest = json.loads(z.read("manifest.json"))
        rows = json.loads(z.read("data.json"))
    names = manifest["content_types"]
    out: dict[str, list] = {}
    for row in rows:
        fields = row["fields"]
        for key in ("content_type",):
            if key in fields and fields[key] is not None:
                fields[key] = names[str(fields[key])]
        out.setdefault(row["model"], []).append((row["pk"], fields))
    for items in out.values():
        items.sort(key=lambda item: json.dumps(item[0]))
    return out


def test_an_archive_loads_into_a_database_of_the_other_kind(tmp_path, cast):
    """From this test database (SQLite or PostgreSQL) to a new SQLite file, and back out: the
    same rows. With ILACS_TEST_SECOND_PG (a PostgreSQL URL of an empty database), PostgreSQL
    too."""
    from tests.factories import InspectionFactory

    InspectionFactory(local_authority=cast.northbrook)
    archive = tmp_path / "from-test-db.zip"
    result = backup.dump(archive)
    assert len(result.missing) == 1  # the factory's report was never stored: named, and skipped
    targets = {"sqlite": f"sqlite:///{tmp_path / 'second.sqlite3'}"}
    if os.environ.get("ILACS_TEST_SECOND_PG"):
        targets["postgresql"] = os.environ["ILACS_TEST_SECOND_PG"]
    for vendor, url in targets.items():
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "ILACS_DATA_DIR": str(tmp_path / f"data-{vendor}"),
            "DJANGO_SETTINGS_MODULE": "ilacs.settings",
        }
        migrated = _ilacs(["manage", "migrate", "-v0"], env)
        assert migrated.returncode == 0, migrated.stderr
        loaded = _ilacs(["load", str(archive)], env)
        assert loaded.returncode == 0, loaded.stderr
        again = _ilacs(["load", str(archive)], env)
        assert again.returncode == 1
        assert "not empty" in again.stderr
        round_trip = tmp_path / f"from-{vendor}.zip"
        dumped = _ilacs(["dump", str(round_trip)], env)
        assert dumped.returncode == 0, dumped.stderr
        assert _normalised(round_trip) == _normalised(archive), (
            f"{connection.vendor} -> {vendor} changed rows"
        )


def test_the_commands_print_what_they_did(tmp_path, cast, capsys):
    from ilacs.cli import main

    archive = tmp_path / "nightly.zip"
    assert main(["dump", str(archive)]) == 0
    assert f"Wrote {archive}" in capsys.readouterr().out
    assert main(["load", str(archive), "--check"]) == 0
    assert "checksums agree" in capsys.readouterr().out
    assert main(["load", str(archive)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert main(["load", str(tmp_path / "missing.zip")]) == 1
    assert "There is no file" in capsys.readouterr().err
