"""Issue 7 item 20: correcting mistakes. A progress update is corrected or withdrawn by its
author or an editor (the history keeps the original); an action added by mistake is withdrawn
(kept in the history with who and why, left out of pages and counts); a long plan history is
read page by page."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from ilacs.plans import history, queries, services
from ilacs.plans.models import Action, ProgressUpdate
from ilacs.plans.services import PlanError


def _url(name, action, *extra):
    return reverse(f"plans:{name}", args=["northbrook", action.plan_id, action.number, *extra])


@pytest.fixture
def red_update(cast, caras_action):
    # due in three months: only the update makes it red
    services.update_action(
        caras_action,
        user=cast.erin_editor,
        expected_version=caras_action.version,
        changes={"due_date": timezone.localdate() + dt.timedelta(days=90)},
    )
    update = services.post_update(
        caras_action, user=cast.cara_contributor, narrative="Wrong action, sorry", rag="red"
    )
    # posted a minute ago (rows by one person within seconds read as one change)
    ProgressUpdate.history.update(history_date=timezone.now() - dt.timedelta(minutes=1))
    caras_action.refresh_from_db()
    return update


# --- progress updates ----------------------------------------------------------------------------


def test_the_author_corrects_an_update_and_the_history_keeps_the_original(
    client, cast, caras_action, red_update
):
    client.force_login(cast.cara_contributor)
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert f'href="{_url("update_correct", caras_action, red_update.pk)}"' in body
    today = timezone.localdate()
    response = client.post(
        _url("update_correct", caras_action, red_update.pk),
        {
            "date_day": today.day,
            "date_month": today.month,
            "date_year": today.year,
            "narrative": "Workshops booked for all teams",
            "rag": "green",
        },  # fmt: skip
    )
    assert response.status_code == 302
    red_update.refresh_from_db()
    assert red_update.narrative == "Workshops booked for all teams" and red_update.rag == "green"
    assert red_update.corrected_by == cast.cara_contributor
    entry = history.action_history(caras_action)[0]
    assert entry.summary.startswith("corrected the progress update dated")
    progress = next(c for c in entry.changes if c.label == "Narrative")
    assert progress.old == "Wrong action, sorry"
    assert progress.new == "Workshops booked for all teams"
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert "corrected by" in body


def test_only_the_author_or_an_editor_may_correct(client, cast, caras_action, red_update):
    services.update_action(
        caras_action,
        user=cast.erin_editor,
        expected_version=caras_action.version,
        changes={"lead_user": cast.alice_admin},
    )
    # an editor may; a viewer and another contributor may not
    services.correct_update(
        red_update, user=cast.erin_editor, narrative="Fixed", rag="amber", date=red_update.date
    )
    with pytest.raises(PermissionDenied):
        services.withdraw_update(red_update, user=cast.vic_viewer, reason="No")
    client.force_login(cast.vic_viewer)
    assert client.get(_url("update_correct", caras_action, red_update.pk)).status_code == 403
    assert client.post(_url("update_withdraw", caras_action, red_update.pk)).status_code == 403
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert "update_correct" not in body and "/updates/" not in body


def test_a_withdrawn_update_leaves_the_page_and_the_rag(
    client, cast, plan, caras_action, red_update
):
    today = timezone.localdate()
    assert queries.action_rows(plan, today)[0].rag.rag == "red"
    client.force_login(cast.cara_contributor)
    response = client.post(_url("update_withdraw", caras_action, red_update.pk), {"reason": ""})
    assert response.status_code == 400
    assert "Enter why it is being withdrawn" in response.content.decode()
    response = client.post(
        _url("update_withdraw", caras_action, red_update.pk),
        {"reason": "Posted on the wrong action"},
    )
    assert response.status_code == 302
    assert ProgressUpdate.objects.count() == 0 and ProgressUpdate.all_objects.count() == 1
    assert queries.action_rows(plan, today)[0].rag.rag != "red"
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert "Wrong action, sorry" not in body
    entry = history.action_history(caras_action)[0]
    assert entry.who == "Cara" and entry.summary.startswith("withdrew the progress update")
    assert [(c.label, c.new) for c in entry.changes] == [("Reason", "Posted on the wrong action")]
    with pytest.raises(PlanError, match="already been withdrawn"):
        services.withdraw_update(red_update, user=cast.erin_editor, reason="Again")


# --- actions -------------------------------------------------------------------------------------


def test_a_withdrawn_action_leaves_pages_and_counts_and_keeps_its_number(
    client, cast, plan, caras_action, officers_action
):
    client.force_login(cast.cara_contributor)
    assert client.get(_url("action_withdraw", caras_action)).status_code == 403
    client.force_login(cast.erin_editor)
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert f'href="{_url("action_withdraw", caras_action)}"' in body
    response = client.post(_url("action_withdraw", caras_action), {"reason": "Added twice"})
    assert response["Location"] == plan.get_absolute_url()
    today = timezone.localdate()
    assert [r.action.number for r in queries.action_rows(plan, today)] == [2]
    board = queries.build_dashboard(plan, today)
    assert sum(n for _, n in board.rag_counts) == 1
    # recommendations 1 and 2 were answered only by the withdrawn action
    assert [r.number for r in board.requirements_without_action] == [1, 2]
    assert queries.home_for(cast.cara_contributor, today).to_update == []
    body = client.get(plan.get_absolute_url()).content.decode()
    assert "1 action withdrawn as added by mistake" in body
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert "Withdrawn by Erin" in body and "Reason: Added twice" in body
    assert client.get(_url("action_edit", caras_action)).status_code == 404
    assert client.get(_url("action_update", caras_action)).status_code == 404
    # the history keeps it, with who and why; numbers are never reused
    entries = history.plan_history(plan)
    assert entries[0].summary == "withdrew the action"
    assert entries[0].subject == "Action 1: SMART planning workshops"
    new = services.add_action(plan, user=cast.erin_editor, title="Another", lead_role="AD")
    assert new.number == 3
    assert Action.all_objects.filter(plan=plan).count() == 3


def test_a_withdrawn_action_cannot_be_changed(cast, caras_action):
    services.withdraw_action(caras_action, user=cast.erin_editor, reason="Mistake")
    with pytest.raises(PlanError, match="withdrawn"):
        services.update_action(
            caras_action, user=cast.erin_editor, expected_version=caras_action.version + 1,
            changes={"title": "Back"},
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.withdraw_action(caras_action, user=cast.cara_contributor, reason="x")


# --- long history --------------------------------------------------------------------------------


def test_a_long_plan_history_is_read_page_by_page(client, cast, plan, caras_action):
    start = dt.date(2024, 1, 1)
    for n in range(60):
        services.add_milestone(
            caras_action, user=cast.erin_editor, title=f"Step {n:02}", due_date=start
        )
    client.force_login(cast.vic_viewer)
    url = reverse("plans:history", args=["northbrook", plan.pk])
    first = client.get(url).content.decode()
    assert 'class="govuk-pagination"' in first
    assert "Step 59" in first and "Step 00" not in first
    assert 'href="?page=2" rel="next"' in first
    last = client.get(url + "?page=3").content.decode()
    assert "created the plan" in last
    assert "Step 59" not in last
    assert client.get(url + "?page=99").status_code == 404
    assert client.get(url + "?page=x").status_code == 404


# --- inspections ---------------------------------------------------------------------------------


def test_an_inspection_uploaded_by_mistake_is_withdrawn_and_kept(client, cast, inspection):
    from ilacs.inspections import services as inspection_services
    from ilacs.inspections.models import Inspection

    la_page = reverse("localauthorities:detail", args=["northbrook"])
    withdraw = reverse("inspections:withdraw", args=["northbrook", inspection.pk])
    client.force_login(cast.vic_viewer)
    assert f'href="{withdraw}"' not in client.get(inspection.get_absolute_url()).content.decode()
    assert client.post(withdraw, {"reason": "x"}).status_code == 403
    client.force_login(cast.erin_editor)
    assert f'href="{withdraw}"' in client.get(inspection.get_absolute_url()).content.decode()
    response = client.post(withdraw, {"reason": ""})
    assert response.status_code == 400
    assert "Enter why the report is being withdrawn" in response.content.decode()
    response = client.post(withdraw, {"reason": "Southmere's report, not ours"})
    assert response["Location"] == la_page
    inspection.refresh_from_db()
    assert inspection.withdrawn_by == cast.erin_editor
    # hidden from the council's pages and lists, kept with who and why
    body = client.get(la_page).content.decode()
    assert "1 report withdrawn as uploaded by mistake" in body
    assert "Reason: Southmere&#x27;s report, not ours" in body
    assert inspection.date_range not in body.split("withdrawn as uploaded by mistake")[0]
    assert inspection.date_range not in client.get(reverse("home")).content.decode()
    body = client.get(inspection.get_absolute_url()).content.decode()
    assert "This report was withdrawn" in body
    # no plan for a withdrawn report
    with pytest.raises(PlanError, match="withdrawn"):
        services.create_plan(inspection, user=cast.erin_editor)
    assert client.get(reverse("plans:create", args=["northbrook", inspection.pk])).status_code == (
        404
    )
    assert Inspection.objects.filter(pk=inspection.pk).exists()
    with pytest.raises(inspection_services.WithdrawError, match="already been withdrawn"):
        inspection_services.withdraw_inspection(inspection, user=cast.erin_editor, reason="x")


def test_an_inspection_with_a_plan_cannot_be_withdrawn(client, cast, plan):
    from ilacs.inspections import services as inspection_services

    with pytest.raises(inspection_services.WithdrawError, match="has an improvement plan"):
        inspection_services.withdraw_inspection(
            plan.inspection, user=cast.erin_editor, reason="Mistake"
        )
    client.force_login(cast.erin_editor)
    url = reverse("inspections:withdraw", args=["northbrook", plan.inspection_id])
    response = client.post(url, {"reason": "Mistake"})
    assert response.status_code == 400
    assert "has an improvement plan, so it cannot be withdrawn" in response.content.decode()


def test_uploading_a_withdrawn_report_again_brings_it_back(cast):
    from ilacs.inspections import services as inspection_services
    from ilacs.inspections.models import Inspection
    from tests.factories import FakeExtractor, report_record

    data = b"%PDF-1.7 a report"
    extractor = FakeExtractor(report_record("Northbrook"))
    first = inspection_services.ingest_file(
        data, "a.pdf", user=cast.erin_editor, extractor=extractor
    )
    inspection = first.inspections[0]
    inspection_services.withdraw_inspection(inspection, user=cast.erin_editor, reason="Oops")
    # a viewer's upload does not bring it back (they may not add reports)
    inspection_services.ingest_file(data, "a.pdf", user=cast.vic_viewer, extractor=extractor)
    assert Inspection.objects.get().withdrawn_at is not None
    again = inspection_services.ingest_file(
        data, "a.pdf", user=cast.erin_editor, extractor=extractor
    )
    assert again.status == "already_held" and again.inspections == [inspection]
    restored = Inspection.objects.get()
    assert restored.withdrawn_at is None and restored.withdrawn_reason == ""
