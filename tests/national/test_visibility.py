"""Who sees what: published inspections and the national pages for everyone signed in; a
council's plans, evidence, unpublished uploads and members for its members only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ImprovementPlanFactory
from tests.national.conftest import council, inspect

pytestmark = pytest.mark.django_db


@pytest.fixture
def northbrook(cast):
    published = inspect(
        cast.northbrook, dt.date(2023, 3, 6), "good", recommendations=[["workforce"]]
    )
    draft = inspect(cast.northbrook, dt.date(2025, 3, 3), "inadequate", published=False)
    plan = ImprovementPlanFactory(inspection=published, title="Northbrook's secret plan")
    return published, draft, plan


def test_non_member_sees_a_published_inspection(client, cast, northbrook):
    published, _, _ = northbrook
    client.force_login(cast.olly_other_la)
    response = client.get(published.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Published inspection data: visible to everyone signed in" in body
    assert "Open Government Licence v3.0" in body
    assert "secret plan" not in body and "Improvement plan" not in body
    assert "Withdraw this report" not in body


def test_non_member_does_not_see_unpublished_upload_plans_measures_members(
    client, cast, northbrook
):
    published, draft, plan = northbrook
    client.force_login(cast.nora_nobody)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert (
        client.get(reverse("inspections:source", args=["northbrook", draft.pk])).status_code == 404
    )
    assert client.get(reverse("plans:detail", args=["northbrook", plan.pk])).status_code == 404
    assert client.get(reverse("measures:index", args=["northbrook"])).status_code == 404
    assert client.get(reverse("members:list", args=["northbrook"])).status_code == 404
    body = client.get(reverse("localauthorities:detail", args=["northbrook"])).content.decode()
    assert published.date_range in body
    assert draft.date_range not in body
    assert "secret plan" not in body and "View improvement plan" not in body
    assert "Measures, scorecards and case audits" not in body
    assert "Manage Northbrook" not in body
    assert "Not a member" in body


def test_member_sees_their_unpublished_upload_and_plans(client, cast, northbrook):
    published, draft, plan = northbrook
    client.force_login(cast.vic_viewer)
    assert client.get(draft.get_absolute_url()).status_code == 200
    body = client.get(reverse("localauthorities:detail", args=["northbrook"])).content.decode()
    assert draft.date_range in body and "Not published" in body
    assert "View improvement plan" in body
    assert "Measures, scorecards and case audits" in body


def test_national_pages_leave_out_unpublished_data(client, cast):
    la = council("Realshire")
    inspect(la, dt.date(2023, 3, 6), "good")
    inspect(la, dt.date(2025, 3, 3), "inadequate", published=False)
    client.force_login(cast.vic_viewer)
    body = client.get(reverse("national:council", args=[la.slug])).content.decode()
    assert "6 to 17 March 2023" in body
    assert "3 to 14 March 2025" not in body
    rows = client.get(reverse("national:grades_download", args=["by-year", "csv"]))
    assert "2023,1,1," in rows.content.decode()  # good: 1, total: 1
    assert "2025" not in rows.content.decode()


def test_the_fictional_demonstration_council_is_left_out_of_national_figures(
    client, cast, northbrook
):
    client.force_login(cast.vic_viewer)
    rows = client.get(reverse("national:grades_download", args=["by-year", "csv"]))
    assert rows.content.decode("utf-8-sig").splitlines()[1:] == []


def test_upload_says_whether_ofsted_has_published_the_report(
    client, cast, monkeypatch, public_when_created
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ilacs.inspections import services
    from ilacs.inspections.models import Inspection
    from tests.factories import FakeExtractor, report_record

    monkeypatch.setattr(services, "default_extractor", FakeExtractor(report_record("Northbrook")))
    client.force_login(cast.erin_editor)
    url = reverse("inspections:upload", args=["northbrook"])
    draft = SimpleUploadedFile("draft.pdf", b"%PDF-1.7 draft", content_type="application/pdf")
    client.post(url, {"report": draft, "not_yet_published": "on"})
    inspection = Inspection.objects.get(source_filename="draft.pdf")
    assert not inspection.ofsted_published and not inspection.is_public
    assert public_when_created == [False]  # a draft from the first moment, not made one after
    client.force_login(cast.olly_other_la)
    assert client.get(inspection.get_absolute_url()).status_code == 404

    client.force_login(cast.erin_editor)
    final = SimpleUploadedFile("final.pdf", b"%PDF-1.7 final", content_type="application/pdf")
    client.post(url, {"report": final})
    inspection = Inspection.objects.get(source_filename="final.pdf")
    assert inspection.is_public
    client.force_login(cast.olly_other_la)
    assert client.get(inspection.get_absolute_url()).status_code == 200


def test_a_draft_marked_as_published_becomes_visible_to_everyone(client, cast):
    draft = inspect(cast.northbrook, dt.date(2025, 3, 3), "good", published=False)
    client.force_login(cast.olly_other_la)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(cast.erin_editor)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Ofsted has published this report" in page and "Members of Northbrook only" in page
    client.post(reverse("inspections:published", args=["northbrook", draft.pk]))
    client.force_login(cast.olly_other_la)
    assert client.get(draft.get_absolute_url()).status_code == 200


@pytest.fixture
def oldshire_draft(cast):
    """A draft of Oldshire, which Northbrook replaced: Northbrook's members are not Oldshire's."""
    from ilacs.localauthorities.models import LocalAuthority

    oldshire = LocalAuthority.objects.create(
        name="Oldshire", slug="oldshire", is_fictional=True, is_current=False
    )
    oldshire.replaced_by.add(cast.northbrook)
    draft = inspect(
        oldshire,
        dt.date(2017, 5, 1),
        "inadequate",
        recommendations=[["workforce"]],
        published=False,
    )
    published = inspect(
        cast.northbrook, dt.date(2021, 5, 3), "good", recommendations=[["workforce"]]
    )
    return draft, published


def test_a_replaced_councils_draft_is_not_shown_to_its_successors_members(
    client, cast, oldshire_draft
):
    draft, published = oldshire_draft
    client.force_login(cast.vic_viewer)  # a member of Northbrook, not of Oldshire
    assert client.get(draft.get_absolute_url()).status_code == 404
    council_page = client.get(reverse("localauthorities:detail", args=["northbrook"]))
    inspection_page = client.get(published.get_absolute_url())
    plan = ImprovementPlanFactory(inspection=published)
    plan_page = client.get(plan.get_absolute_url())
    for page in (council_page, inspection_page, plan_page):
        assert page.status_code == 200
        assert draft.get_absolute_url() not in page.content.decode()
    # Northbrook's own draft is its members' to see, as before
    own = inspect(cast.northbrook, dt.date(2025, 3, 3), "inadequate", published=False)
    council_page = client.get(reverse("localauthorities:detail", args=["northbrook"]))
    assert own.get_absolute_url() in council_page.content.decode()
