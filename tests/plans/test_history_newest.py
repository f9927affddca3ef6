"""The plan's history always shows its newest changes, even when the row before the newest
change of an object is older than what the page reads (issue 7, item 28)."""

from __future__ import annotations

import datetime as dt

from ilacs.plans import history, services
from ilacs.plans.models import Milestone


def test_the_newest_change_of_a_milestone_is_shown_with_limit_one(cast, caras_action):
    milestone = services.add_milestone(caras_action, user=cast.erin_editor, title="Draft ready")
    services.update_milestone(milestone, user=cast.alice_admin, title="Final draft ready")
    Milestone.history.filter(id=milestone.pk, history_type="~").update(
        history_date=Milestone.history.get(id=milestone.pk, history_type="+").history_date
        + dt.timedelta(minutes=5)
    )
    (entry,) = history.plan_history(caras_action.plan, limit=1)
    assert entry.summary == "changed the milestone “Final draft ready”"
    assert entry.who == "Alice"
    assert [(c.label, c.old, c.new) for c in entry.changes] == [
        ("Title", "Draft ready", "Final draft ready")
    ]


def test_the_newest_entries_are_those_of_the_full_history(cast, caras_action, officers_action):
    """With a small limit the page lists exactly the newest entries the full history has."""
    for n in range(4):
        milestone = services.add_milestone(caras_action, user=cast.erin_editor, title=f"Step {n}")
        services.update_milestone(
            milestone, user=cast.erin_editor, done=True, done_on=dt.date(2025, 1, 1 + n)
        )
        services.update_milestone(milestone, user=cast.alice_admin, title=f"Step {n} (renamed)")
    for n in range(3):
        action = caras_action if n % 2 else officers_action
        action.refresh_from_db()
        services.update_action(
            action,
            user=cast.erin_editor,
            expected_version=action.version,
            changes={"due_date": dt.date(2026, 1, 1 + n)},
        )
    # rows written within seconds by one person merge; space them out as real edits are
    for model in (Milestone,):
        for i, row in enumerate(model.history.order_by("history_id")):
            model.history.filter(history_id=row.history_id).update(
                history_date=row.history_date + dt.timedelta(minutes=10 * i)
            )
    full = [(e.summary, e.subject, [(c.label, c.old, c.new) for c in e.changes])
            for e in history.plan_history(caras_action.plan, limit=1000)]  # fmt: skip
    for limit in (1, 2, 3, 5):
        short = [(e.summary, e.subject, [(c.label, c.old, c.new) for c in e.changes])
                 for e in history.plan_history(caras_action.plan, limit=limit)]  # fmt: skip
        assert short == full[:limit], limit
