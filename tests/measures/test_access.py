"""Every measures address as every person: members of another council (a Southmere editor) and
people who belong to none get 404; viewers read; contributors enter values and results and
import; editors and admins define measures, scorecards and audit streams."""

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.measures import services
from ilacs.measures.models import MeasureValue
from tests.base import EVERYONE

OK, FORBIDDEN, NOT_FOUND, SIGN_IN = 200, 403, 404, 302

VIEW = {
    "alice_admin": OK,
    "erin_editor": OK,
    "cara_contributor": OK,
    "vic_viewer": OK,
    "olly_other_la": NOT_FOUND,
    "nora_nobody": NOT_FOUND,
    "sam_superuser": OK,
    None: SIGN_IN,
}
ENTER = {**VIEW, "vic_viewer": FORBIDDEN}
DEFINE = {**ENTER, "cara_contributor": FORBIDDEN}


@pytest.fixture
def scorecard(cast, seen_in_time):
    return services.save_scorecard(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children and Families Scorecard",
        measures=[seen_in_time],
    )


def addresses(la, measure, stream, card):
    s = la.slug
    return {
        "index": (reverse("measures:index", args=[s]), VIEW),
        "detail": (reverse("measures:detail", args=[s, measure.pk]), VIEW),
        "scorecard": (reverse("measures:scorecard", args=[s, card.pk]), VIEW),
        "audit": (reverse("measures:audit", args=[s, stream.pk]), VIEW),
        "value_add": (reverse("measures:value_add", args=[s, measure.pk]), ENTER),
        "audit_result_add": (reverse("measures:audit_result_add", args=[s, stream.pk]), ENTER),
        "import": (reverse("measures:import", args=[s]), ENTER),
        "template": (reverse("measures:import_template", args=[s, "values", "csv"]), ENTER),
        "add": (reverse("measures:add", args=[s]), DEFINE),
        "edit": (reverse("measures:edit", args=[s, measure.pk]), DEFINE),
        "scorecard_add": (reverse("measures:scorecard_add", args=[s]), DEFINE),
        "scorecard_edit": (reverse("measures:scorecard_edit", args=[s, card.pk]), DEFINE),
        "audit_add": (reverse("measures:audit_add", args=[s]), DEFINE),
        "audit_edit": (reverse("measures:audit_edit", args=[s, stream.pk]), DEFINE),
    }


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_every_address_as_every_person(client, cast, seen_in_time, cp_audit, scorecard, name):
    if name is not None:
        client.force_login(cast.user(name))
    got = {}
    expected = {}
    for key, (url, rule) in addresses(cast.northbrook, seen_in_time, cp_audit, scorecard).items():
        got[key] = client.get(url).status_code
        expected[key] = rule[name]
    assert got == expected


def test_a_southmere_editor_cannot_reach_northbrooks_measure_through_southmere(
    client, cast, seen_in_time
):
    client.force_login(cast.olly_other_la)
    url = reverse("measures:detail", args=["southmere", seen_in_time.pk])
    assert client.get(url).status_code == NOT_FOUND
    post = client.post(
        reverse("measures:value_add", args=["southmere", seen_in_time.pk]),
        {"period": "July 2025", "value": "1"},
    )
    assert post.status_code == NOT_FOUND
    assert not MeasureValue.objects.filter(period=dt.date(2025, 7, 1)).exists()


def test_a_viewer_cannot_post_a_value(client, cast, seen_in_time):
    client.force_login(cast.vic_viewer)
    response = client.post(
        reverse("measures:value_add", args=["northbrook", seen_in_time.pk]),
        {"period": "July 2025", "value": "90"},
    )
    assert response.status_code == FORBIDDEN
    assert not MeasureValue.objects.filter(period=dt.date(2025, 7, 1)).exists()
