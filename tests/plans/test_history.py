"""Every change to plan data keeps who, when and the values before and after; the history pages
say it in plain words, field by field."""

import datetime as dt

from django.urls import reverse

from ilacs.plans import history, services
from ilacs.plans.models import (
    Action,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    RagOverride,
    Theme,
)


def test_every_model_records_who_changed_it(cast, plan, theme, caras_action):
    milestone = services.add_milestone(caras_action, user=cast.alice_admin, title="Agreed")
    services.post_update(caras_action, user=cast.cara_contributor, narrative="Done", rag="green")
    services.set_rag_override(caras_action, user=cast.alice_admin, rag="amber", reason="Risk")
    services.update_plan(
        plan, user=cast.alice_admin, expected_version=1, changes={"status": "active"}
    )
    assert ImprovementPlan.history.filter(id=plan.pk).latest().history_user == cast.alice_admin
    assert Theme.history.get(id=theme.pk).history_user == cast.erin_editor
    created = Action.history.get(id=caras_action.pk, history_type="+")
    assert created.history_user == cast.erin_editor
    # Cara's first update moved the action from not started to in progress: hers.
    assert Action.history.filter(id=caras_action.pk).latest().history_user == cast.cara_contributor
    assert Milestone.history.get(id=milestone.pk).history_user == cast.alice_admin
    assert ProgressUpdate.history.get().history_user == cast.cara_contributor
    assert RagOverride.history.get().history_user == cast.alice_admin


def test_the_web_records_the_signed_in_user(client, cast, caras_action):
    client.force_login(cast.alice_admin)
    url = reverse("plans:action_rag", args=["northbrook", caras_action.plan_id, 1])
    client.post(url, {"rag": "red", "reason": "Funding withdrawn"})
    assert RagOverride.history.get().history_user == cast.alice_admin


def test_an_actions_history_field_by_field(cast, caras_action, theme):
    other_theme = services.add_theme(caras_action.plan, user=cast.erin_editor, name="Learning")
    services.update_action(
        caras_action,
        user=cast.alice_admin,
        expected_version=1,
        changes={
            "due_date": dt.date(2025, 9, 30),
            "status": "complete",
            "theme": other_theme,
            "lead_user": None,
            "requirements": list(caras_action.plan.requirements.filter(number=3)),
        },
    )
    entries = history.action_history(caras_action)
    latest = entries[0]
    assert latest.who == "Alice" and latest.summary == "changed the action"
    changes = {c.label: (c.old, c.new) for c in latest.changes}
    assert changes["Due date"] == ("30 June 2025", "30 September 2025")
    assert changes["Status"] == ("Not started", "Complete")  # the fixture adds it not started
    assert changes["Theme"] == ("Practice excellence", "Learning")
    assert changes["Lead"] == ("Cara", "none")
    assert changes["Recommendations"] == (
        "Recommendation 1, Recommendation 2",
        "Recommendation 3",
    )
    # Bookkeeping fields are not shown.
    assert "Version" not in changes and "Updated at" not in changes
    created = entries[-1]
    assert created.who == "Erin" and created.summary == "added the action"
    assert {c.label for c in created.changes} >= {"Title", "Lead", "Due date", "Recommendations"}


def test_milestones_updates_and_overrides_appear_in_the_actions_history(cast, caras_action):
    milestone = services.add_milestone(
        caras_action, user=cast.erin_editor, title="Materials agreed", due_date=dt.date(2025, 2, 1)
    )
    services.update_milestone(
        milestone, user=cast.alice_admin, done=True, done_on=dt.date(2025, 2, 3)
    )
    services.post_update(
        caras_action,
        user=cast.cara_contributor,
        narrative="Four workshops held.",
        rag="amber",
        date=dt.date(2025, 2, 28),
    )
    services.set_rag_override(caras_action, user=cast.alice_admin, rag="red", reason="Trainer left")
    services.clear_rag_override(caras_action, user=cast.erin_editor)
    summaries = [(e.who, e.summary) for e in history.action_history(caras_action)]
    assert ("Erin", "cleared the RAG set by hand (Red)") in summaries
    assert ("Alice", "set the RAG by hand to Red") in summaries
    assert ("Cara", "posted a progress update (Amber) dated 28 February 2025") in summaries
    assert ("Alice", "changed the milestone “Materials agreed”") in summaries
    assert ("Erin", "added the milestone “Materials agreed”") in summaries
    assert summaries.index(("Erin", "cleared the RAG set by hand (Red)")) == 0


def test_the_action_history_page(client, cast, caras_action):
    services.update_action(
        caras_action, user=cast.alice_admin, expected_version=1, changes={"title": "Renamed"}
    )
    client.force_login(cast.vic_viewer)
    url = reverse("plans:action_history", args=["northbrook", caras_action.plan_id, 1])
    body = client.get(url).content.decode()
    assert "Alice changed the action" in body
    assert "SMART planning workshops" in body and "Renamed" in body
    assert '<th scope="col" class="govuk-table__header">Before</th>' in body
    assert "Erin added the action" in body


def test_the_plan_history_page_lists_changes_across_the_plan(client, cast, caras_action):
    services.update_plan(
        caras_action.plan,
        user=cast.alice_admin,
        expected_version=1,
        changes={"status": "submitted"},
    )
    services.post_update(caras_action, user=cast.cara_contributor, narrative="x", rag="green")
    client.force_login(cast.vic_viewer)
    body = client.get(reverse("plans:history", args=["northbrook", caras_action.plan_id])).content
    body = body.decode()
    assert "Alice changed the plan&#x27;s details" in body  # Django escapes the apostrophe
    assert "Submitted to Ofsted" in body
    assert "Cara posted a progress update (Green)" in body
    assert "Erin added the theme “Practice excellence”" in body
    assert "Erin created the plan" in body
    assert 'href="/la/northbrook/plans/' in body  # entries link to their action


def test_history_pages_cost_a_fixed_number_of_queries(
    client, cast, caras_action, django_assert_max_num_queries
):
    # 10 of each: the 20 changes fit on a history page's first page (25 a page).
    for i in range(10):
        services.post_update(caras_action, user=cast.erin_editor, narrative=f"n{i}", rag="green")
        services.add_milestone(caras_action, user=cast.erin_editor, title=f"m{i}")
    client.force_login(cast.vic_viewer)
    with django_assert_max_num_queries(25):
        plan_page = client.get(reverse("plans:history", args=["northbrook", caras_action.plan_id]))
    with django_assert_max_num_queries(25):
        action_page = client.get(
            reverse("plans:action_history", args=["northbrook", caras_action.plan_id, 1])
        )
    # Counted on the real pages, not on a refusal or an error page.
    assert plan_page.status_code == 200 and action_page.status_code == 200
    assert plan_page.content.decode().count("added the milestone") == 10
    assert action_page.content.decode().count("posted a progress update") == 10
