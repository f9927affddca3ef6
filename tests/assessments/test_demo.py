"""Northbrook's demonstration self-assessment: two rounds whose evaluations change, forums with
meetings, monitoring arrangements; the pages a new user needs, in a few clicks from the plan."""

import html
import re

import pytest
from django.urls import reverse

from ilacs.assessments import queries
from ilacs.assessments.models import AssessmentRound, Forum, Monitoring, RoundStatus
from ilacs.demo.load import load_demo, load_demo_assessments


def _text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode())))


@pytest.mark.django_db
def test_demo_rounds_forums_and_monitoring(client):
    context = load_demo()
    la = context.local_authority
    plan = context.inspection.improvement_plan
    rounds = list(plan.assessment_rounds.order_by("date"))
    assert [r.status for r in rounds] == [RoundStatus.SIGNED_OFF, RoundStatus.DRAFT]
    assert rounds[0].signed_off_at.date() < rounds[1].date
    table = queries.across_rounds(plan)
    changes = {
        row.requirement.number: row.cells[-1].change_text for row in table.changes_since_last
    }
    assert changes == {
        1: "Changed from not met",
        2: "Changed from partly met",
        4: "Changed from met",
    }
    assert rounds[1].entries.filter(reviewed=False).count() >= 1  # carried forward
    assert Forum.objects.filter(local_authority=la).count() == 4
    assert all(f.meetings.count() >= 4 for f in la.forums.all())
    assert Monitoring.objects.filter(requirement__plan=plan).count() == plan.requirements.count()
    evidence = queries.round_sheet(rounds[0], rounds[1].date).rows[0].evidence
    assert {item.kind for item in evidence} == {"measure", "audit", "action"}

    load_demo_assessments(context, plan)  # loaded once
    assert AssessmentRound.objects.filter(plan=plan).count() == 2

    # A viewer, from the plan page: which recommendations are met, and what says so.
    client.force_login(context.user("viewer"))
    plan_page = client.get(plan.get_absolute_url()).content.decode()
    rounds_url = reverse("assessments:rounds", args=[la.slug, plan.pk])
    assert rounds_url in plan_page
    rounds_page = client.get(rounds_url).content.decode()
    met_url = f"{rounds[1].get_absolute_url()}?evaluation=met"
    assert met_url.replace("&", "&amp;") in rounds_page
    met = _text(client.get(met_url))
    assert "Recommendation 2" in met and "Supervision" in met
    # ... and what changed since the last round.
    across = _text(client.get(reverse("assessments:across", args=[la.slug, plan.pk])))
    assert "Changed from met" in across
    monitoring = _text(client.get(reverse("assessments:monitoring", args=[la.slug, plan.pk])))
    assert "Children's Improvement Board" in monitoring
    assert "Care leavers accommodation tracker" in monitoring
    dashboard = _text(client.get(reverse("plans:dashboard", args=[la.slug, plan.pk])))
    assert "Evidence of progress" in dashboard and "Measures off target" in dashboard
