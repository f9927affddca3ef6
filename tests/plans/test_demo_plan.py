"""Northbrook's demonstration plan (`ilacs demo`): believable, complete, and loaded once."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ilacs.accounts.models import Role
from ilacs.demo.load import load_demo
from ilacs.plans import queries
from ilacs.plans.models import Action, ImprovementPlan, ProgressUpdate, RagOverride
from ilacs.plans.rag import Rag


def test_the_demo_plan(db):
    context = load_demo()
    plan = ImprovementPlan.objects.get(inspection=context.inspection)
    today = timezone.localdate()
    assert plan.status == "active"
    assert plan.last_board_meeting < today
    # The sample report prints no publication date: one was entered, the deadline follows it.
    assert context.inspection.published is None
    assert plan.submission_deadline > plan.report_published
    assert [t.name for t in plan.themes.all()] == [
        "Practice excellence",
        "Learning organisation",
        "Leadership, performance and quality assurance",
    ]
    actions = list(plan.actions.all())
    assert 12 <= len(actions) <= 20
    assert all(a.lead_role or a.lead_user for a in actions)
    assert all(a.success_measure for a in actions if a.status != "closed")
    assert sum(a.milestones.count() for a in actions) >= 20
    # The contributor leads some actions and wrote their updates.
    cara = context.user(Role.CONTRIBUTOR)
    assert Action.objects.filter(plan=plan, lead_user=cara).count() >= 2
    assert ProgressUpdate.objects.filter(author=cara).exists()

    # A year of monthly updates with a mix of RAG.
    updates = ProgressUpdate.objects.filter(action__plan=plan)
    dates = sorted(updates.values_list("date", flat=True))
    assert (dates[-1] - dates[0]).days >= 320
    assert len({(d.year, d.month) for d in dates}) >= 12
    assert {u.rag for u in updates} == {"red", "amber", "green"}

    board = queries.build_dashboard(plan, today, since=plan.last_board_meeting)
    counts = dict(board.rag_counts)
    assert counts[Rag.RED] >= 2 and counts[Rag.AMBER] >= 2 and counts[Rag.GREEN] >= 2
    assert counts[Rag.COMPLETE] >= 2 and counts[Rag.CLOSED] == 1
    assert len(board.overdue) == 2
    assert board.due_soon and board.not_updated
    assert [r.number for r in board.requirements_without_action] == [3]
    # One RAG set by hand, with a reason.
    override = RagOverride.objects.get(action__plan=plan, cleared_at__isnull=True)
    assert override.reason and override.set_by == context.user(Role.EDITOR)
    rows = {row.action.pk: row for row in board.rows}
    assert rows[override.action_id].rag.is_override


def test_the_demo_history_reads_like_a_year_of_work(db):
    context = load_demo()
    plan = ImprovementPlan.objects.get(inspection=context.inspection)
    history_dates = list(
        ProgressUpdate.history.filter(action__plan=plan).values_list("history_date", flat=True)
    )
    assert min(history_dates) < timezone.now() - dt.timedelta(days=300)


def test_loading_the_demo_twice_keeps_one_plan(db):
    load_demo()
    counts = (Action.objects.count(), ProgressUpdate.objects.count())
    load_demo()
    assert ImprovementPlan.objects.count() == 1
    assert (Action.objects.count(), ProgressUpdate.objects.count()) == counts


def test_the_demo_pages_show(client, db):
    context = load_demo()
    plan = ImprovementPlan.objects.get()
    client.force_login(context.user(Role.VIEWER))
    for url in (
        plan.get_absolute_url(),
        reverse("plans:dashboard", args=["northbrook", plan.pk]),
        reverse("plans:history", args=["northbrook", plan.pk]),
        reverse("plans:action", args=["northbrook", plan.pk, 3]),
        reverse("plans:action_history", args=["northbrook", plan.pk, 4]),
    ):
        assert client.get(url).status_code == 200, url
    body = client.get(context.inspection.get_absolute_url()).content.decode()
    assert "View improvement plan" in body


@pytest.mark.parametrize("today", ["2026-12-13", "2027-03-01", "2027-05-31", "2028-02-29"])
def test_the_demo_tells_the_same_story_whatever_the_day(db, monkeypatch, today):
    today = dt.date.fromisoformat(today)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: today)
    context = load_demo()
    plan = ImprovementPlan.objects.get(inspection=context.inspection)
    board = queries.build_dashboard(plan, today, since=plan.last_board_meeting)
    rags = {row.action.number: row.rag.rag for row in board.rows}
    assert [row.action.number for row in board.overdue] == [13, 4]
    assert rags[2] == Rag.AMBER  # workshops: due soon, no update for over a month
    assert rags[16] == Rag.GREEN  # due soon, but updated recently
    assert rags[8] == Rag.AMBER  # a milestone is overdue
    assert (
        rags[3] == Rag.AMBER and next(r for r in board.rows if r.action.number == 3).rag.is_override
    )
    assert rags[10] == Rag.GREEN  # not started, nothing due yet
    assert {row.action.number for row in board.not_updated} == {2, 10}
    dates = sorted(ProgressUpdate.objects.values_list("date", flat=True))
    assert len({(d.year, d.month) for d in dates}) == 12


def test_ilacs_demo_prints_where_the_plan_is(db, monkeypatch):
    import io

    from ilacs.demo import run

    monkeypatch.setattr(run, "call_command", lambda *a, **k: None)
    out = io.StringIO()
    assert run.run_demo(port=8000, start_server=False, national=False, out=out) == 0
    plan = ImprovementPlan.objects.get()
    assert f"Its improvement plan: http://127.0.0.1:8000{plan.get_absolute_url()}" in out.getvalue()
