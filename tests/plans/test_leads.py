"""Issue 7 item 7: a lead posts progress updates, so only members who may post (contributors,
editors, admins) can lead an action; a viewer is refused with the reason, on the page and on
the command line."""

import pytest
from django.urls import reverse

from ilacs.cli import main
from ilacs.plans import services
from ilacs.plans.models import Action
from ilacs.plans.services import PlanError


def test_the_form_lists_only_members_who_may_post(client, cast, plan):
    client.force_login(cast.erin_editor)
    body = client.get(reverse("plans:action_add", args=["northbrook", plan.pk])).content.decode()
    lead_select = body.split('name="lead_user"')[1].split("</select>")[0]
    for member in (cast.alice_admin, cast.erin_editor, cast.cara_contributor):
        assert f'value="{member.pk}"' in lead_select
    assert f'value="{cast.vic_viewer.pk}"' not in lead_select
    assert "viewers cannot post updates" in body


def test_choosing_a_viewer_is_refused_with_the_reason(client, cast, plan):
    client.force_login(cast.erin_editor)
    response = client.post(
        reverse("plans:action_add", args=["northbrook", plan.pk]),
        {"title": "Audit", "lead_user": str(cast.vic_viewer.pk), "status": "not_started"},
    )
    assert response.status_code == 400
    assert (
        "Choose a lead who can post progress updates: a contributor, editor or admin"
        in response.content.decode()
    )
    assert not Action.objects.exists()


def test_the_services_refuse_a_viewer_as_lead(cast, plan, caras_action):
    with pytest.raises(PlanError, match="viewers cannot post progress updates"):
        services.add_action(plan, user=cast.erin_editor, title="A", lead_user=cast.vic_viewer)
    with pytest.raises(PlanError, match="viewers cannot post progress updates"):
        services.update_action(
            caras_action,
            user=cast.erin_editor,
            expected_version=caras_action.version,
            changes={"lead_user": cast.vic_viewer},
        )
    caras_action.refresh_from_db()
    assert caras_action.lead_user == cast.cara_contributor


def test_the_command_line_says_why(capsys, cast, plan):
    status = main(["plan", "add-action", str(plan.pk), "--user", "erin_editor",
                   "--title", "Audit", "--lead", "vic_viewer"])  # fmt: skip
    err = capsys.readouterr().err
    assert status == 1
    assert "is a viewer of Northbrook, and viewers cannot post progress updates" in err
    assert not Action.objects.exists()
