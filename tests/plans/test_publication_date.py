"""Issue 7 item 5: the publication date an editor enters is checked (never in the future, never
before the inspection ended), and the inspection page shows it as entered by the council."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ilacs.plans import services
from ilacs.plans.models import ImprovementPlan
from ilacs.plans.services import PlanError
from tests.plans.conftest import make_inspection


def _date_fields(day: dt.date) -> dict[str, str]:
    return {
        "report_published_day": str(day.day),
        "report_published_month": str(day.month),
        "report_published_year": str(day.year),
    }


@pytest.fixture
def undated(cast):
    # inspected 4 to 15 March 2024; the report does not print when it was published
    return make_inspection(cast.northbrook, published=None)


def test_a_date_before_the_inspection_ended_is_refused(client, cast, undated):
    client.force_login(cast.erin_editor)
    url = reverse("plans:create", args=["northbrook", undated.pk])
    response = client.post(url, _date_fields(dt.date(2020, 1, 6)))
    assert response.status_code == 400
    body = response.content.decode()
    assert (
        "The date the report was published must be after the inspection ended on 15 March 2024"
        in body
    )
    assert 'href="#id_report_published_day"' in body
    assert not ImprovementPlan.objects.filter(inspection=undated).exists()


def test_a_date_in_the_future_is_refused(client, cast, undated):
    client.force_login(cast.erin_editor)
    url = reverse("plans:create", args=["northbrook", undated.pk])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(url, _date_fields(tomorrow))
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()
    assert not ImprovementPlan.objects.filter(inspection=undated).exists()


def test_the_services_refuse_them_too(cast, undated):
    # the command line and any other caller go through the same rule
    with pytest.raises(PlanError, match="after the inspection ended on 15 March 2024"):
        services.create_plan(undated, user=cast.erin_editor, report_published=dt.date(2020, 1, 6))
    with pytest.raises(PlanError, match="today or in the past"):
        services.create_plan(
            undated,
            user=cast.erin_editor,
            report_published=timezone.localdate() + dt.timedelta(days=3),
        )
    assert not ImprovementPlan.objects.exists()


def test_correcting_the_date_on_the_plan_is_checked(client, cast, undated):
    plan = services.create_plan(
        undated, user=cast.erin_editor, report_published=dt.date(2024, 4, 26)
    )
    with pytest.raises(PlanError, match="after the inspection ended"):
        services.update_plan(
            plan,
            user=cast.erin_editor,
            expected_version=plan.version,
            changes={"report_published": dt.date(2024, 3, 1)},
        )
    client.force_login(cast.erin_editor)
    response = client.post(
        reverse("plans:edit", args=["northbrook", plan.pk]),
        {
            "version": plan.version,
            "title": plan.title,
            "status": plan.status,
            "owner": "",
            **_date_fields(dt.date(2024, 3, 1)),
            "submission_deadline_day": "6",
            "submission_deadline_month": "8",
            "submission_deadline_year": "2024",
        },
    )
    assert response.status_code == 400
    assert "must be after the inspection ended on 15 March 2024" in response.content.decode()
    plan.refresh_from_db()
    assert plan.report_published == dt.date(2024, 4, 26)


def test_the_entered_date_is_shown_on_the_inspection_page(client, cast, undated):
    client.force_login(cast.vic_viewer)
    body = client.get(undated.get_absolute_url()).content.decode()
    assert "Not printed in the report" in body.split("Lead inspector")[0]
    services.create_plan(undated, user=cast.erin_editor, report_published=dt.date(2024, 4, 26))
    body = client.get(undated.get_absolute_url()).content.decode()
    published = body.split(">Published<")[1].split("Lead inspector")[0]
    assert "26 April 2024 (entered by the council)" in published
    assert "Not printed in the report" not in published
