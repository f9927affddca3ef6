"""Issue 7 item 6: history names related things in words ("Action 1: SMART planning
workshops"), never by their database id ("Action | 18")."""

import re

from django.db import models
from django.urls import reverse

from ilacs.plans import history, services
from ilacs.plans.models import (
    Action,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    RagOverride,
    Requirement,
    Theme,
)


def _values(entries):
    return [(c.label, c.old, c.new) for e in entries for c in e.changes]


def test_a_milestone_entry_names_its_action(client, cast, caras_action):
    services.add_milestone(caras_action, user=cast.erin_editor, title="Workshops booked")
    services.post_update(caras_action, user=cast.cara_contributor, narrative="Going", rag="red")
    for entries in (history.plan_history(caras_action.plan), history.action_history(caras_action)):
        values = _values(entries)
        assert ("Action", "", "Action 1: SMART planning workshops") in values
        for label, _old, new in values:
            assert label == "Number" or not re.fullmatch(r"\d+", new), (label, new)
    client.force_login(cast.vic_viewer)
    body = client.get(
        reverse("plans:history", args=["northbrook", caras_action.plan_id])
    ).content.decode()
    assert "Action 1: SMART planning workshops" in body.split("added the milestone")[1]


def test_every_related_field_of_every_plan_model_is_named(cast, plan, caras_action, theme):
    """Walk every foreign key of every plan model: none is shown as a bare number."""
    names = history.Names(plan).load([type("Row", (), {"action_id": caras_action.pk})()])
    requirement = plan.requirements.get(number=1)
    samples = {
        "action": caras_action.pk,
        "recommendation": requirement.recommendation_id,
        "local_authority": plan.local_authority_id,
        "inspection": plan.inspection_id,
        "plan": plan.pk,
        "theme": theme.pk,
    }
    names.themes[theme.pk] = theme.name
    names.users[cast.erin_editor.pk] = "Erin"
    for model in (ImprovementPlan, Theme, Requirement, Action, Milestone, ProgressUpdate,
                  RagOverride):  # fmt: skip
        for field in model._meta.fields:
            if not isinstance(field, models.ForeignKey):
                continue
            value = samples.get(field.name, cast.erin_editor.pk)
            shown = history._display(model, field.name, value, names)
            assert not re.fullmatch(r"\d+", shown), (model.__name__, field.name, shown)
    assert history._display(Milestone, "action", caras_action.pk, names) == (
        "Action 1: SMART planning workshops"
    )
    assert history._display(
        Requirement, "recommendation", requirement.recommendation_id, names
    ) == ("Recommendation 1 of the report")
