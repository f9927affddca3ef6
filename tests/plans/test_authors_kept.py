"""People who have written anything are deactivated, never deleted: their updates and history
keep their name (issue 7, item 15)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse

from ilacs.plans import history, services
from ilacs.plans.models import ProgressUpdate
from tests.factories import UserFactory

User = get_user_model()


@pytest.fixture
def caras_update(cast, caras_action):
    return services.post_update(
        caras_action,
        user=cast.cara_contributor,
        narrative="Done",
        rag="green",
        date=dt.date(2025, 1, 10),
    )


def test_the_author_of_an_update_cannot_be_deleted(cast, caras_update):
    with pytest.raises(ProtectedError):
        cast.cara_contributor.delete()
    caras_update.refresh_from_db()
    assert caras_update.author == cast.cara_contributor


def test_someone_whose_only_trace_is_history_cannot_be_deleted(cast, plan):
    editor = UserFactory(username="temp_editor")
    from ilacs.accounts.services import grant_membership

    grant_membership(editor, cast.northbrook, "editor")
    services.add_theme(plan, user=editor, name="Learning")  # themes record no author but history
    with pytest.raises(ProtectedError, match="deactivate the account"), transaction.atomic():
        editor.delete()
    entries = history.plan_history(plan)
    assert any("Temp" in entry.who for entry in entries if "Learning" in entry.summary)


def test_someone_who_wrote_nothing_can_be_deleted(cast):
    cast.nora_nobody.delete()
    assert not User.objects.filter(username="nora_nobody").exists()


def test_the_admin_offers_deactivation_instead(client, cast, caras_update):
    client.force_login(cast.sam_superuser)
    url = reverse("admin:auth_user_delete", args=[cast.cara_contributor.pk])
    response = client.post(url, {"post": "yes"}, follow=True)
    body = response.content.decode()
    assert "cannot be deleted" in body and "deactivate" in body
    assert User.objects.filter(pk=cast.cara_contributor.pk).exists()

    changelist = reverse("admin:auth_user_changelist")
    response = client.post(
        changelist,
        {
            "action": "delete_selected",
            "_selected_action": [cast.cara_contributor.pk],
            "post": "yes",
        },
    )
    assert User.objects.filter(pk=cast.cara_contributor.pk).exists()

    client.post(
        changelist, {"action": "deactivate", "_selected_action": [cast.cara_contributor.pk]}
    )
    cara = User.objects.get(pk=cast.cara_contributor.pk)
    assert not cara.is_active
    assert ProgressUpdate.objects.get(pk=caras_update.pk).author == cara
