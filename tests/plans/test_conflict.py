"""Two people edit the same action (or plan): the second save is refused, the first is kept, and
the second person is told who changed it, when, what they changed, and what was not saved."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from ilacs.plans import services
from ilacs.plans.models import Action


def _form_data(response) -> dict:
    """The action form as the browser would send it back, from the page's initial values."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name == "requirements":
            data[name] = [str(v) for v in (value or [])]
        elif name == "due_date":
            if value:
                data.update(
                    {
                        "due_date_day": str(value.day),
                        "due_date_month": str(value.month),
                        "due_date_year": str(value.year),
                    }
                )
        elif value is not None:
            data[name] = str(value)
    return data


def test_the_second_save_is_refused_and_the_first_kept(cast, caras_action):
    url = reverse("plans:action_edit", args=["northbrook", caras_action.plan_id, 1])
    erin, alice = Client(), Client()
    erin.force_login(cast.erin_editor)
    alice.force_login(cast.alice_admin)
    # Both open the form.
    erins_form = _form_data(erin.get(url))
    alices_form = _form_data(alice.get(url))
    assert erins_form["version"] == alices_form["version"] == "1"

    # Erin saves first: a new due date.
    erins_form.update({"due_date_day": "30", "due_date_month": "9", "due_date_year": "2025"})
    assert erin.post(url, erins_form).status_code == 302

    # Alice saves second, with a new title: refused, nothing overwritten.
    alices_form["title"] = "Alice's better title"
    response = alice.post(url, alices_form)
    assert response.status_code == 409
    action = Action.objects.get(pk=caras_action.pk)
    assert action.due_date == dt.date(2025, 9, 30)
    assert action.title == "SMART planning workshops"
    assert action.version == 2

    body = response.content.decode()
    assert "Your changes were not saved" in body
    assert "Erin changed this action at " in body
    assert "while you were editing it" in body
    # What Erin changed, before and after.
    assert "What Erin changed" in body
    assert "30 June 2025" in body and "30 September 2025" in body
    # What Alice tried to save, so that she can copy it.
    assert "Alice&#x27;s better title" in body  # escaped, as every value typed by a user
    assert "Reload the form" in body and f'href="{url}"' in body


def test_after_reloading_the_second_person_can_save(cast, caras_action):
    url = reverse("plans:action_edit", args=["northbrook", caras_action.plan_id, 1])
    client = Client()
    client.force_login(cast.alice_admin)
    services.update_action(
        caras_action, user=cast.erin_editor, expected_version=1, changes={"title": "Erin's"}
    )
    data = _form_data(client.get(url))
    assert data["version"] == "2" and data["title"] == "Erin's"
    data["title"] = "Alice's"
    assert client.post(url, data).status_code == 302
    assert Action.objects.get(pk=caras_action.pk).title == "Alice's"


def test_the_service_refuses_a_stale_version(cast, caras_action):
    services.update_action(
        caras_action, user=cast.erin_editor, expected_version=1, changes={"title": "First"}
    )
    with pytest.raises(services.EditConflict) as caught:
        services.update_action(
            caras_action, user=cast.alice_admin, expected_version=1, changes={"title": "Second"}
        )
    conflict = caught.value
    assert conflict.changed_by == "Erin"
    assert conflict.current.title == "First"
    assert conflict.attempted == {"title": "Second"}
    assert Action.objects.get(pk=caras_action.pk).title == "First"


def test_an_update_posted_meanwhile_counts_as_a_change(cast, officers_action):
    # The first update moves a not-started action to in progress: an editor who loaded it
    # before is told rather than putting "not started" back.
    loaded = officers_action.version
    services.post_update(officers_action, user=cast.erin_editor, narrative="Begun", rag="green")
    with pytest.raises(services.EditConflict):
        services.update_action(
            officers_action,
            user=cast.alice_admin,
            expected_version=loaded,
            changes={"status": "not_started"},
        )


def test_plan_details_have_the_same_protection(cast, plan):
    url = reverse("plans:edit", args=["northbrook", plan.pk])
    erin, alice = Client(), Client()
    erin.force_login(cast.erin_editor)
    alice.force_login(cast.alice_admin)
    form = {
        "version": "1",
        "title": "Erin's title",
        "status": "active",
        "owner": "",
        "report_published_day": "26",
        "report_published_month": "4",
        "report_published_year": "2024",
        "submission_deadline_day": "6",
        "submission_deadline_month": "8",
        "submission_deadline_year": "2024",
    }
    assert erin.post(url, form).status_code == 302
    response = alice.post(url, {**form, "title": "Alice's title", "status": "draft"})
    assert response.status_code == 409
    assert "Erin changed this plan at" in response.content.decode()
    plan.refresh_from_db()
    assert (plan.title, plan.status) == ("Erin's title", "active")
