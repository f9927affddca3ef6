"""Issue 7 item 8: a RAG set by hand never hides a newer, worse progress update. The override
is flagged "to review" on the action, plan and dashboard pages, and the dashboard filters on it."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from ilacs.plans import queries, services
from ilacs.plans.models import RagOverride
from ilacs.plans.rag import ActionFacts, Override, Rag, Rule, derive_rag

TODAY = dt.date(2025, 5, 10)
SET_AT = dt.datetime(2025, 5, 3, 10, 0, tzinfo=dt.UTC)


def _facts(update_rag, posted, override_rag=Rag.AMBER):
    return ActionFacts(
        status="in_progress",
        due_date=dt.date(2025, 12, 31),
        latest_update_date=posted.date() if posted else None,
        latest_update_rag=update_rag,
        latest_update_posted=posted,
        override=Override(override_rag, "Partner data late", "Erin Editor", SET_AT.date(), SET_AT),
    )


def test_a_later_worse_update_puts_the_override_to_review():
    later = SET_AT + dt.timedelta(days=2)
    status = derive_rag(_facts("red", later), TODAY)
    assert status.rag == Rag.AMBER and status.rule == Rule.OVERRIDE  # the override still shows
    assert status.to_review
    assert status.review_reason == (
        "The progress update of 5 May 2025 judges it Red, and was posted after the RAG was set "
        "by hand to Amber. An editor can set the RAG again or clear it."
    )


def test_no_review_when_the_update_came_first_or_is_not_worse():
    before = SET_AT - dt.timedelta(hours=1)
    later = SET_AT + dt.timedelta(days=2)
    # the editor set Amber knowing of the Red update: that is what an override is for
    assert not derive_rag(_facts("red", before), TODAY).to_review
    assert not derive_rag(_facts("amber", later), TODAY).to_review
    assert not derive_rag(_facts("green", later), TODAY).to_review
    assert not derive_rag(_facts("amber", later, override_rag=Rag.RED), TODAY).to_review
    assert not derive_rag(_facts(None, None), TODAY).to_review


def _override_then_red_update(cast, action):
    services.set_rag_override(action, user=cast.erin_editor, rag="amber", reason="Data late")
    RagOverride.objects.update(set_at=timezone.now() - dt.timedelta(days=1))
    services.post_update(action, user=cast.cara_contributor, narrative="Stalled", rag="red")


def test_the_pages_flag_it_and_the_dashboard_filters_on_it(
    client, cast, plan, caras_action, officers_action
):
    _override_then_red_update(cast, caras_action)
    client.force_login(cast.vic_viewer)
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert "To review: The progress update of" in body
    assert "judges it Red, and was posted after the RAG was set by hand to Amber" in body
    body = client.get(plan.get_absolute_url()).content.decode()
    assert body.count("ilacs-review-tag") == 1
    dashboard = reverse("plans:dashboard", args=["northbrook", plan.pk])
    body = client.get(dashboard).content.decode()
    assert "RAG set by hand, to review (1)" in body
    body = client.get(dashboard + "?review=on").content.decode()
    assert "Actions matching your filters (1)" in body
    assert "SMART planning workshops" in body.split('id="all-actions"')[1]
    assert "Performance scorecard" not in body.split('id="all-actions"')[1]
    rows = queries.action_rows(plan, timezone.localdate(), queries.Filters(to_review=True))
    assert [r.action.pk for r in rows] == [caras_action.pk]


def test_setting_the_rag_again_ends_the_review(client, cast, plan, caras_action):
    _override_then_red_update(cast, caras_action)
    services.set_rag_override(caras_action, user=cast.erin_editor, rag="amber", reason="Seen it")
    rows = queries.action_rows(plan, timezone.localdate())
    assert not rows[0].rag.to_review
    client.force_login(cast.vic_viewer)
    body = client.get(reverse("plans:dashboard", args=["northbrook", plan.pk])).content.decode()
    assert "to review (" not in body


def test_the_help_page_explains_the_rule(client, cast):
    client.force_login(cast.vic_viewer)
    body = client.get(reverse("help:rag")).content.decode()
    assert 'id="to-review"' in body
    assert "a newer judgement is never hidden" in body


def test_the_command_line_shows_it(capsys, cast, plan, caras_action):
    import json

    from ilacs.cli import main

    _override_then_red_update(cast, caras_action)
    assert main(["plan", "dashboard", str(plan.pk), "--user", "vic_viewer", "--json"]) == 0
    out = capsys.readouterr().out
    action = json.loads(out)["to_review"][0]
    assert action["rag_to_review"] is True
    assert "to review: a later progress update judges it worse" in action["rag_text"]
