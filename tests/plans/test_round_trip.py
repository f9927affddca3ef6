"""A whole plan exported (`ilacs dump --plan`, ilacs.planarchive) to JSON and to Excel, then
loaded into an empty database: the same plan, so the same plan page, dashboard and action pages
for the people in it."""

from __future__ import annotations

import json
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from ilacs import planarchive
from ilacs.backup import BackupError
from ilacs.demo.load import load_demo
from ilacs.localauthorities.services import load_local_authorities
from ilacs.plans.models import Action, ImprovementPlan, ProgressUpdate, RagOverride

pytestmark = pytest.mark.django_db(transaction=True)

_VARYING = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r'nonce="[^"]+"'), 'nonce=""'),
]


def _pages(plan_pk: int) -> dict[tuple[str, str], str]:
    plan = ImprovementPlan.objects.get(pk=plan_pk)
    slug = plan.local_authority.slug
    urls = [
        plan.get_absolute_url(),
        reverse("plans:dashboard", args=[slug, plan.pk]),
        reverse("plans:history", args=[slug, plan.pk]),
    ]
    for action in Action.objects.filter(plan=plan).order_by("number")[:3]:
        urls.append(action.get_absolute_url())
        urls.append(reverse("plans:action_history", args=[slug, plan.pk, action.number]))
    pages = {}
    for username in ("admin", "editor"):
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            text = response.content.decode()
            for pattern, replacement in _VARYING:
                text = pattern.sub(replacement, text)
            pages[(username, url)] = text
    return pages


def _new_database() -> None:
    """What `ilacs manage migrate` leaves in a new database: content types, permissions and
    the list of councils."""
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    load_local_authorities()


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_the_demo_plan_round_trips_with_the_same_pages(tmp_path, fmt):
    context = load_demo()
    plan = ImprovementPlan.objects.get(inspection=context.inspection)
    counts = {
        "actions": Action.all_objects.filter(plan=plan).count(),
        "updates": ProgressUpdate.all_objects.filter(action__plan=plan).count(),
        "overrides": RagOverride.objects.filter(action__plan=plan).count(),
    }
    assert counts["overrides"] >= 1
    before = _pages(plan.pk)
    path, rows = planarchive.write(plan, tmp_path / f"plan.{fmt}")
    if fmt == "xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        assert "Manifest" in book.sheetnames and len(book.sheetnames) > 10
    else:
        data = json.loads(path.read_text())
        assert data["manifest"]["plan"] == plan.pk
        assert any(r["model"] == "plans.historicalaction" for r in data["rows"])
    _new_database()
    assert not ImprovementPlan.objects.exists()

    loaded = planarchive.load(path)

    assert loaded > 0
    plan = ImprovementPlan.objects.get()
    assert counts == {
        "actions": Action.all_objects.filter(plan=plan).count(),
        "updates": ProgressUpdate.all_objects.filter(action__plan=plan).count(),
        "overrides": RagOverride.objects.filter(action__plan=plan).count(),
    }
    after = _pages(plan.pk)
    for key, text in before.items():
        assert after[key] == text, f"{key} differs after the round trip"


def test_a_plan_file_goes_only_into_an_empty_database(tmp_path):
    context = load_demo()
    plan = ImprovementPlan.objects.get(inspection=context.inspection)
    path, _ = planarchive.write(plan, tmp_path / "plan.json")
    with pytest.raises(BackupError, match="not empty"):
        planarchive.load(path)
    other = tmp_path / "other.json"
    other.write_text('{"manifest": {"format": "something else"}, "rows": []}')
    with pytest.raises(BackupError, match="not a plan exported by ilacs"):
        planarchive.load(other)


def test_the_commands_write_and_check_a_plan_file(tmp_path, capsys):
    from ilacs.cli import main

    context = load_demo()
    plan = ImprovementPlan.objects.get(inspection=context.inspection)
    path = tmp_path / "plan.xlsx"
    assert main(["dump", "--plan", str(plan.pk), str(path)]) == 0
    assert f"plan {plan.pk}" in capsys.readouterr().out
    assert main(["load", str(path), "--check"]) == 0
    assert "of northbrook" in capsys.readouterr().out
    assert main(["load", str(path)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert main(["dump", "--plan", "999999", str(path)]) == 2
