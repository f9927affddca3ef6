"""Northbrook's demonstration self-evaluations: last year's and this year's, with versions."""

import pytest
from django.urls import reverse

from ilacs.demo.load import load_demo, load_demo_evidence, load_demo_self_evaluations
from ilacs.evidence.models import EvidenceFile
from ilacs.selfevaluation import services
from ilacs.selfevaluation.models import Section, SelfEvaluation


def test_demo_self_evaluations(client):
    context = load_demo()
    la = context.local_authority
    this_year, last_year = SelfEvaluation.objects.filter(local_authority=la).order_by("-year")
    assert this_year.year == last_year.year + 1
    assert this_year.plan is not None
    assert all(s.text for s in this_year.sections.all())
    know = this_year.sections.get(kind="know")
    versions = services.versions(know)
    assert [v.number for v in versions] == [2, 1]
    assert versions[0].saved_at > versions[1].saved_at
    assert versions[0].saved_at.date() < this_year.as_at

    # Loaded once: a second run adds nothing.
    count = Section.history.count()
    load_demo_self_evaluations(context)
    assert Section.history.count() == count
    assert EvidenceFile.objects.filter(local_authority=la).count() == 2
    load_demo_evidence(context, this_year.plan)
    assert EvidenceFile.objects.filter(local_authority=la).count() == 2

    client.force_login(context.user("viewer"))
    page = client.get(this_year.get_absolute_url())
    assert page.status_code == 200
    body = page.content.decode()
    assert "Re-referrals within 12 months" in body  # a measure beside the text
    assert "Supervision" in body  # an audit stream
    assert f"Compare with {last_year.year}" in body
    assert "cin-cp-plans-audit.csv" in body  # an evidence file of the year
    compare = client.get(reverse("selfevaluation:compare", args=[la.slug, this_year.year]))
    assert "practice was inconsistent" not in compare.content.decode()  # the demo's own words
    assert "safe but inconsistent" in compare.content.decode()


@pytest.fixture(autouse=True)
def _db(db):
    return db
