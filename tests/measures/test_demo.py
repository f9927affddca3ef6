"""Northbrook's demonstration measures: full pages on a fresh machine, loaded once."""

import pytest
from django.urls import reverse

from ilacs.demo.load import load_demo, load_demo_measures
from ilacs.measures import queries
from ilacs.measures.models import AuditResult, Measure, MeasureValue


def test_demo_measures_scorecards_and_audits(client):
    context = load_demo()
    la = context.local_authority
    measures = list(Measure.objects.filter(local_authority=la))
    assert len(measures) >= 6
    monthly = [m for m in measures if m.frequency == "monthly"]
    assert all(m.values.count() == 24 for m in monthly)
    assert MeasureValue.objects.filter(measure__local_authority=la, england__isnull=False).exists()
    rags = {s.assessment.rag for s in queries.summaries(measures)}
    assert {"red", "amber", "green", "not_rated"} <= rags
    assert queries.off_target(la)[0].assessment.periods_off_target > 1
    assert [c.name for c in la.scorecards.all()] == [
        "Children and Families Scorecard",
        "Corporate Parenting Scorecard",
    ]
    assert la.audit_streams.count() == 3
    assert AuditResult.objects.filter(stream__local_authority=la).count() == 24
    linked = [m for m in measures if m.actions.exists()]
    assert linked and all(m.requirements.exists() for m in linked)
    # A late correction shows in the history.
    corrected = Measure.objects.get(local_authority=la, name="Re-referrals within 12 months")
    assert MeasureValue.history.filter(measure_id=corrected.pk, history_type="~").exists()

    # Loaded once: a second run adds nothing.
    count = MeasureValue.objects.count()
    load_demo_measures(context)
    assert MeasureValue.objects.count() == count

    client.force_login(context.user("viewer"))
    for card in la.scorecards.all():
        page = client.get(card.get_absolute_url())
        assert page.status_code == 200
        assert page.content.decode().count("pygal-sparkline") == card.measures.count()
    page = client.get(reverse("measures:index", args=[la.slug])).content.decode()
    assert "Off target for" in page


@pytest.fixture(autouse=True)
def _db(db):
    return db
