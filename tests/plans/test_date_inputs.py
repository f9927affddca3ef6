"""Every date typed as day, month and year: nonsense is a form error naming the field, never a
server error, and what was typed stays in the boxes (issue 7, item 1)."""

from __future__ import annotations

import pytest
from django import forms
from django.urls import reverse

from ilacs.plans.formfields import GovUKDateField

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "parts",
    [
        (HUGE, "3", "2025"),
        ("1", HUGE, "2025"),
        ("1", "3", HUGE),
        ("-1", "3", "2025"),
        ("1", "-99999999999999999999", "2025"),
        ("1" * 5000, "3", "2025"),  # longer than Python converts to an int
    ],
)
def test_any_number_in_any_box_is_a_form_error(parts):
    field = GovUKDateField(label="Due date")
    with pytest.raises(forms.ValidationError):
        field.clean(list(parts))


def _date(prefix, day, month, year):
    return {f"{prefix}_day": day, f"{prefix}_month": month, f"{prefix}_year": year}


def test_action_edit_due_day_too_big(client, cast, plan, caras_action):
    client.force_login(cast.erin_editor)
    url = reverse("plans:action_edit", args=["northbrook", plan.pk, caras_action.number])
    data = {
        "version": caras_action.version,
        "title": "Changed title",
        "lead_user": cast.cara_contributor.pk,
        "status": "in_progress",
        **_date("due_date", HUGE, "6", "2025"),
    }
    response = client.post(url, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Due date must be a real date" in body
    assert f'value="{HUGE}"' in body  # what was typed is kept
    assert 'value="Changed title"' in body


def test_update_form_month_too_big(client, cast, caras_action):
    client.force_login(cast.cara_contributor)
    url = reverse("plans:action_update", args=["northbrook", caras_action.plan_id, 1])
    response = client.post(
        url, {"narrative": "Going well", "rag": "green", **_date("date", "1", HUGE, "2025")}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Date of this update must be a real date" in body
    assert "Going well" in body


def test_dashboard_since_day_too_big(client, cast, plan, caras_action):
    client.force_login(cast.vic_viewer)
    url = reverse("plans:dashboard", args=["northbrook", plan.pk])
    response = client.get(url, {"since_day": HUGE, "since_month": "3", "since_year": "2025"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Not updated since must be a real date" in body
    assert f'value="{HUGE}"' in body


@pytest.mark.parametrize(
    "name,url_name,extra",
    [
        ("report_published", "plans:edit", {}),
        ("submission_deadline", "plans:edit", {}),
        ("last_board_meeting", "plans:edit", {}),
    ],
)
def test_plan_edit_dates_too_big(client, cast, plan, name, url_name, extra):
    client.force_login(cast.erin_editor)
    url = reverse(url_name, args=["northbrook", plan.pk])
    data = {
        "version": plan.version,
        "title": plan.title,
        "status": plan.status,
        **_date("report_published", "26", "4", "2024"),
        **_date("submission_deadline", "1", "8", "2024"),
        **_date(name, "1", HUGE, "2024"),
        **extra,
    }
    response = client.post(url, data)
    assert response.status_code == 400
    assert "must be a real date" in response.content.decode()


def test_milestone_due_day_too_big(client, cast, plan, caras_action):
    client.force_login(cast.erin_editor)
    url = reverse("plans:milestone_add", args=["northbrook", plan.pk, 1])
    response = client.post(url, {"title": "Step", **_date("due_date", HUGE, "1", "2025")})
    assert response.status_code == 400
    assert "Due date must be a real date" in response.content.decode()


def test_create_plan_published_day_too_big(client, cast):
    from tests.plans.conftest import make_inspection

    inspection = make_inspection(cast.northbrook, published=None)
    client.force_login(cast.erin_editor)
    url = reverse("plans:create", args=["northbrook", inspection.pk])
    response = client.post(url, _date("report_published", HUGE, "4", "2024"))
    assert response.status_code == 400
    assert "must be a real date" in response.content.decode()
