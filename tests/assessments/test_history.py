"""Self-assessment changes on the plan's Changes page: rounds started and signed off, entries
reviewed with the evaluation before and after, monitoring changed; who did it, in words."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from ilacs.assessments import services
from ilacs.assessments.services import EntryInput, MonitoringInput
from ilacs.plans.history import plan_history


def _later(model, pk, seconds):
    """Move an object's history rows apart in time, so that they read as separate changes."""
    rows = model.history.filter(id=pk)
    for row in rows:
        row.history_date -= dt.timedelta(seconds=seconds)
        row.save()


def test_plan_history_tells_the_self_assessment_in_words(client, cast, first_round, second_round):
    plan = second_round.plan
    entry = second_round.entries.get(requirement__number=2)
    type(entry).history.filter(id=entry.pk).update(
        history_date=type(entry).history.filter(id=entry.pk).first().history_date
        - dt.timedelta(minutes=5)
    )
    services.save_entry(
        second_round,
        entry.requirement,
        user=cast.alice_admin,
        item=EntryInput(evaluation="partly_met", strengths="Plans are SMART now."),
    )
    services.save_monitoring(
        entry.requirement,
        user=cast.erin_editor,
        item=MonitoringInput(note="Will be met next year"),
    )
    entries = plan_history(plan)
    summaries = [(e.who, e.summary) for e in entries]
    assert ("Erin", "started the self-assessment round “Annual self-assessment, July 2025”") in (
        summaries
    )
    assert (
        "Alice",
        "signed off the self-assessment round “Annual self-assessment, July 2024”",
    ) in (summaries)
    assert ("Erin", "changed the monitoring of Recommendation 2") in summaries
    reviewed = next(
        e
        for e in entries
        if e.who == "Alice"
        and e.summary == "reviewed Recommendation 2 in “Annual self-assessment, July 2025”"
    )
    changes = {c.label: (c.old, c.new) for c in reviewed.changes}
    assert changes["Evaluation"] == ("Not met", "Partly met")
    assert changes["Strengths"] == ("Strengths of 2", "Plans are SMART now.")
    assert reviewed.subject_url.endswith("#recommendation-2")
    client.force_login(cast.vic_viewer)
    page = client.get(reverse("plans:history", args=["northbrook", plan.pk])).content.decode()
    assert "reviewed Recommendation 2" in page
