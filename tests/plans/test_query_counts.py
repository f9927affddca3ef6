"""The number of queries a plan page makes does not grow with the number of actions, updates or
milestones: RAG is computed in bulk from annotations, related rows are prefetched."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ilacs.plans.models import Action, Milestone, ProgressUpdate, RagOverride, Theme


def grow(cast, plan, count: int) -> None:
    """Actions of every kind until the plan has `count`: with updates, milestones, themes,
    leads, linked recommendations, and an override on some."""
    themes = [Theme.objects.get_or_create(plan=plan, name=f"Theme {i}")[0] for i in range(3)]
    requirements = list(plan.requirements.all())
    start = plan.actions.count()
    for i in range(start, count):
        action = Action.objects.create(
            plan=plan,
            number=i + 1,
            title=f"Action {i + 1} about audits",
            theme=themes[i % 3],
            lead_user=cast.cara_contributor if i % 2 else None,
            lead_role="Head of Service" if i % 3 else "",
            due_date=dt.date(2025, 1, 1) + dt.timedelta(days=7 * i),
            status=["not_started", "in_progress", "complete", "closed"][i % 4],
        )
        action.requirements.set(requirements[: 1 + i % len(requirements)])
        ProgressUpdate.objects.bulk_create(
            ProgressUpdate(
                action=action,
                date=dt.date(2024, 6, 1) + dt.timedelta(days=30 * k),
                narrative=f"Update {k}",
                rag=["green", "amber", "red"][k % 3],
                author=cast.erin_editor,
            )
            for k in range(3)
        )
        Milestone.objects.create(action=action, title="Step", due_date=dt.date(2025, 3, 1))
        if i % 5 == 0:
            RagOverride.objects.create(
                action=action,
                rag="amber",
                reason="Board's view",
                set_by=cast.erin_editor,
                set_at="2025-01-01T10:00:00Z",
            )


def pages(plan, inspection):
    base = ("northbrook", plan.pk)
    return {
        "plan": reverse("plans:detail", args=base),
        "dashboard": reverse("plans:dashboard", args=base),
        "dashboard_filtered": reverse("plans:dashboard", args=base)
        + "?q=audits&rag=amber&since=2025-01-01&lead=role:Head+of+Service",
        "action": reverse("plans:action", args=[*base, 1]),
        "history": reverse("plans:history", args=base),
        "inspection": inspection.get_absolute_url(),
        "la": reverse("localauthorities:detail", args=["northbrook"]),
    }


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize(
    "page", ["plan", "dashboard", "dashboard_filtered", "action", "history", "inspection", "la"]
)
def test_queries_do_not_grow_with_the_number_of_actions(client, cast, plan, inspection, page):
    client.force_login(cast.erin_editor)
    grow(cast, plan, 10)
    url = pages(plan, inspection)[page]
    count_queries(client, url)  # warm-up: session, caches
    with_10 = count_queries(client, url)
    grow(cast, plan, 60)
    with_60 = count_queries(client, url)
    assert with_10 == with_60, f"{page}: {with_10} queries with 10 actions, {with_60} with 60"
    # The dashboard carries the evidence panel (measures off target, audits, the latest
    # evaluations: ilacs.assessments) and the history the self-assessment's changes, a fixed
    # number of queries each.
    cap = {"history": 30, "dashboard": 30, "dashboard_filtered": 30}.get(page, 15)
    assert with_60 <= cap, f"{page}: {with_60} queries"
