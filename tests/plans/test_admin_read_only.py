"""The Django admin shows plan data but cannot change it: the plan services' rules (no update
dated in the future, versions, locks, history of who did what) cannot be bypassed there
(issue 7, item 9)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.plans import services
from ilacs.plans.models import ProgressUpdate

MODELS = ["improvementplan", "action", "progressupdate", "ragoverride"]


@pytest.fixture
def update(cast, caras_action):
    return services.post_update(
        caras_action,
        user=cast.cara_contributor,
        narrative="On track",
        rag="green",
        date=dt.date(2025, 1, 10),
    )


@pytest.fixture
def admin_client(client, cast):
    client.force_login(cast.sam_superuser)
    return client


def test_a_progress_update_cannot_be_redated_in_the_admin(admin_client, update):
    url = reverse("admin:plans_progressupdate_change", args=[update.pk])
    assert admin_client.get(url).status_code == 200  # to read
    response = admin_client.post(
        url,
        {
            "action": update.action_id,
            "date": "2030-01-01",
            "narrative": "From the future",
            "rag": "green",
            "author": update.author_id,
        },
    )
    assert response.status_code == 403
    update.refresh_from_db()
    assert (update.date, update.narrative) == (dt.date(2025, 1, 10), "On track")


@pytest.mark.parametrize("model", MODELS)
def test_nothing_can_be_added_or_deleted_in_the_admin(
    admin_client, plan, caras_action, update, model
):
    assert admin_client.get(reverse(f"admin:plans_{model}_add")).status_code == 403
    obj = {
        "improvementplan": plan,
        "action": caras_action,
        "progressupdate": update,
        "ragoverride": services.set_rag_override(
            caras_action, user=plan.created_by, rag="amber", reason="Waiting"
        ),
    }[model]
    url = reverse(f"admin:plans_{model}_delete", args=[obj.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_no_revert_to_an_old_version_in_the_admin(admin_client, cast, update):
    services_update = ProgressUpdate.history.filter(id=update.pk).first()
    url = reverse(
        "admin:plans_progressupdate_simple_history", args=[update.pk, services_update.history_id]
    )
    response = admin_client.post(
        url, {"action": update.action_id, "date": "2030-01-01", "narrative": "x", "rag": "red"}
    )
    assert response.status_code == 403
    update.refresh_from_db()
    assert update.date == dt.date(2025, 1, 10)
