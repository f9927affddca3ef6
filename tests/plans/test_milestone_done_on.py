"""The day a milestone was done is the day the person gives (today by default, never in the
future), on the page and with `ilacs plan milestone-done --on` (issue 7, item 12); adding a
milestone already done is one write (item 35)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ilacs.cli import main
from ilacs.plans import services
from ilacs.plans.models import Milestone

TODAY = timezone.localdate


@pytest.fixture
def milestone(cast, caras_action):
    return services.add_milestone(
        caras_action, user=cast.erin_editor, title="Workshops booked", due_date=dt.date(2025, 1, 31)
    )


def test_ticked_done_on_the_day_given(cast, milestone):
    services.update_milestone(
        milestone, user=cast.erin_editor, done=True, done_on=dt.date(2025, 1, 20)
    )
    milestone.refresh_from_db()
    assert (milestone.done, milestone.done_on) == (True, dt.date(2025, 1, 20))
    # the day can be corrected later, and is forgotten when it is marked not done
    services.update_milestone(milestone, user=cast.erin_editor, done_on=dt.date(2025, 1, 21))
    milestone.refresh_from_db()
    assert milestone.done_on == dt.date(2025, 1, 21)
    services.update_milestone(milestone, user=cast.erin_editor, done=False)
    milestone.refresh_from_db()
    assert (milestone.done, milestone.done_on) == (False, None)


def test_without_a_day_it_is_today_and_never_the_future(cast, milestone):
    services.update_milestone(milestone, user=cast.erin_editor, done=True)
    milestone.refresh_from_db()
    assert milestone.done_on == TODAY()
    with pytest.raises(services.PlanError, match="today or in the past"):
        services.update_milestone(
            milestone, user=cast.erin_editor, done_on=TODAY() + dt.timedelta(days=1)
        )


def test_leaving_out_the_due_date_keeps_it_and_none_removes_it(cast, milestone):
    services.update_milestone(milestone, user=cast.erin_editor, title="Renamed")
    milestone.refresh_from_db()
    assert milestone.due_date == dt.date(2025, 1, 31)
    services.update_milestone(milestone, user=cast.erin_editor, due_date=None)
    milestone.refresh_from_db()
    assert milestone.due_date is None


def test_added_done_in_one_write(cast, caras_action):
    milestone = services.add_milestone(
        caras_action, user=cast.erin_editor, title="Held", done=True, done_on=dt.date(2025, 2, 3)
    )
    assert (milestone.done, milestone.done_on) == (True, dt.date(2025, 2, 3))
    assert Milestone.history.filter(id=milestone.pk).count() == 1
    with pytest.raises(services.PlanError):
        services.add_milestone(
            caras_action,
            user=cast.erin_editor,
            title="Tomorrow",
            done=True,
            done_on=TODAY() + dt.timedelta(days=2),
        )
    assert not caras_action.milestones.filter(title="Tomorrow").exists()


def _date(prefix, day):
    return {f"{prefix}_day": day.day, f"{prefix}_month": day.month, f"{prefix}_year": day.year}


def test_the_milestone_page_takes_the_day(client, cast, plan, milestone):
    url = reverse("plans:milestone_edit", args=["northbrook", plan.pk, 1, milestone.pk])
    client.force_login(cast.erin_editor)
    body = client.get(url).content.decode()
    assert "Date it was done" in body
    tomorrow = TODAY() + dt.timedelta(days=1)
    response = client.post(
        url, {"title": "Workshops booked", "done": "on", **_date("done_on", tomorrow)}
    )
    assert response.status_code == 400
    assert "Date it was done must be today or in the past" in response.content.decode()
    response = client.post(
        url, {"title": "Workshops booked", "done": "on", **_date("done_on", dt.date(2025, 1, 20))}
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on == dt.date(2025, 1, 20)
    body = client.get(reverse("plans:action", args=["northbrook", plan.pk, 1])).content.decode()
    assert "20 January 2025" in body


def test_adding_a_milestone_done_on_a_day(client, cast, plan, caras_action):
    url = reverse("plans:milestone_add", args=["northbrook", plan.pk, 1])
    client.force_login(cast.erin_editor)
    response = client.post(
        url, {"title": "Board agreed", "done": "on", **_date("done_on", dt.date(2025, 3, 3))}
    )
    assert response.status_code == 302
    assert caras_action.milestones.get(title="Board agreed").done_on == dt.date(2025, 3, 3)


def test_the_command_line_takes_the_day(capsys, cast, plan, milestone):
    argv = ["plan", "milestone-done", plan.pk, 1, milestone.pk, "--user", "erin_editor"]
    assert main([*map(str, argv), "--on", "2025-01-19"]) == 0
    assert "done (on 2025-01-19)" in capsys.readouterr().out
    milestone.refresh_from_db()
    assert milestone.done_on == dt.date(2025, 1, 19)
    future = (TODAY() + dt.timedelta(days=3)).isoformat()
    assert main([*map(str, argv), "--on", future]) == 1
    assert "today or in the past" in capsys.readouterr().err
    milestone.refresh_from_db()
    assert milestone.done_on == dt.date(2025, 1, 19)
