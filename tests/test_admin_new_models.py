# ruff: noqa: F811 - the fixtures of the apps' conftest modules are imported to be used here
"""The Django admin shows measures, evidence, self-assessment and self-evaluation, read only, with
their history: their services' rules (permissions, locks, signed-off rounds read only) cannot be
bypassed there, and an evidence file is never offered for download around the permission-checked,
audit-logged download view."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.assessments import services as assessment_services
from ilacs.evidence import services as evidence_services
from ilacs.measures import services as measure_services
from tests.assessments.conftest import (  # noqa: F401 - fixtures
    board,
    caras_action,
    cp_audit,
    first_round,
    inspection,
    officers_action,
    plan,
    seen_in_time,
    theme,
)
from tests.evidence.conftest import PDF
from tests.selfevaluation.conftest import this_year  # noqa: F401 - fixture


def _scorecard(request, cast):
    return measure_services.save_scorecard(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children and Families Scorecard",
        measures=[request.getfixturevalue("seen_in_time")],
    )


def _monitoring(request, cast):
    plan = request.getfixturevalue("plan")
    return assessment_services.save_monitoring(
        plan.requirements.get(number=3),
        user=cast.erin_editor,
        item=assessment_services.MonitoringInput(
            forums=[request.getfixturevalue("board")], note="Will be met in 2026"
        ),
    )


def _evidence(request, cast):
    return evidence_services.attach(
        request.getfixturevalue("caras_action"),
        user=cast.cara_contributor,
        data=PDF,
        filename="Board minutes.pdf",
        description="Improvement board minutes",
        effective_date=dt.date(2025, 5, 1),
    )


# "app_model": how to get one object of it
OBJECTS = {
    "measures_measure": lambda r, c: r.getfixturevalue("seen_in_time"),
    "measures_measurevalue": lambda r, c: r.getfixturevalue("seen_in_time").values.first(),
    "measures_scorecard": _scorecard,
    "measures_auditstream": lambda r, c: r.getfixturevalue("cp_audit"),
    "measures_auditresult": lambda r, c: r.getfixturevalue("cp_audit").results.first(),
    "assessments_assessmentround": lambda r, c: r.getfixturevalue("first_round"),
    "assessments_assessmententry": lambda r, c: r.getfixturevalue("first_round").entries.first(),
    "assessments_forum": lambda r, c: r.getfixturevalue("board"),
    "assessments_forummeeting": lambda r, c: r.getfixturevalue("board").meetings.first(),
    "assessments_monitoring": _monitoring,
    "evidence_evidencefile": _evidence,
    "selfevaluation_selfevaluation": lambda r, c: r.getfixturevalue("this_year"),
    "selfevaluation_section": lambda r, c: r.getfixturevalue("this_year").sections.get(kind="know"),
}


@pytest.fixture(params=sorted(OBJECTS))
def named(request, cast):
    """(the admin's "app_model" name, one object of that model)"""
    obj = OBJECTS[request.param](request, cast)
    assert obj is not None
    return request.param, obj


@pytest.fixture
def admin_client(client, cast):
    client.force_login(cast.sam_superuser)
    return client


def snapshot(obj):
    return type(obj).objects.filter(pk=obj.pk).values().get()


def as_post(values):
    """The object's columns as a form would send them, with a note changed."""
    data = {key: "" if value is None else str(value) for key, value in values.items()}
    return {**data, "note": "Changed in the admin", "text": "Changed in the admin"}


def test_a_service_administrator_reads_the_list_the_object_and_its_history(admin_client, named):
    name, obj = named
    changelist = admin_client.get(reverse(f"admin:{name}_changelist"))
    assert changelist.status_code == 200
    change = reverse(f"admin:{name}_change", args=[obj.pk])
    assert f'href="{change}"' in changelist.content.decode()
    assert admin_client.get(change).status_code == 200
    assert admin_client.get(reverse(f"admin:{name}_history", args=[obj.pk])).status_code == 200
    version = type(obj).history.filter(id=obj.pk).first()
    url = reverse(f"admin:{name}_simple_history", args=[obj.pk, version.history_id])
    assert admin_client.get(url).status_code == 200


def test_nothing_is_added_changed_deleted_or_reverted(admin_client, named):
    name, obj = named
    before = snapshot(obj)
    count = type(obj).objects.count()
    add = reverse(f"admin:{name}_add")
    assert admin_client.get(add).status_code == 403
    assert admin_client.post(add, {"note": "x", "name": "x"}).status_code == 403
    change = reverse(f"admin:{name}_change", args=[obj.pk])
    assert admin_client.post(change, as_post(before)).status_code == 403
    delete = reverse(f"admin:{name}_delete", args=[obj.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    version = type(obj).history.filter(id=obj.pk).last()
    revert = reverse(f"admin:{name}_simple_history", args=[obj.pk, version.history_id])
    assert admin_client.post(revert, as_post(before)).status_code == 403
    assert type(obj).objects.count() == count
    assert snapshot(obj) == before


def test_a_council_member_is_sent_to_the_admin_sign_in(client, cast, named):
    name, obj = named
    client.force_login(cast.alice_admin)  # a council's admin, not a service administrator
    for url in (
        reverse(f"admin:{name}_changelist"),
        reverse(f"admin:{name}_change", args=[obj.pk]),
        reverse(f"admin:{name}_history", args=[obj.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_no_link_to_the_stored_evidence_file(admin_client, request, cast):
    evidence = _evidence(request, cast)
    stored = evidence.file.url
    version = evidence.history.first()
    pages = [
        reverse("admin:evidence_evidencefile_changelist"),
        reverse("admin:evidence_evidencefile_change", args=[evidence.pk]),
        reverse("admin:evidence_evidencefile_history", args=[evidence.pk]),
        reverse(
            "admin:evidence_evidencefile_simple_history", args=[evidence.pk, version.history_id]
        ),
    ]
    for url in pages:
        html = admin_client.get(url).content.decode()
        assert stored not in html, url
        assert "Board minutes.pdf" in html
    html = admin_client.get(pages[1]).content.decode()
    assert evidence.file.name in html  # the storage name, as text
    assert "PDF" in html and "Northbrook" in html and "cara_contributor" in html
