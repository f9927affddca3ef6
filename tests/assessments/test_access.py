"""Every self-assessment, monitoring and forum address as every person: members of another
council and people who belong to none get 404; everyone in Northbrook reads; only editors and
admins write (403 for contributors and viewers)."""

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.assessments.models import AssessmentEntry, Forum, ForumMeeting
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
EDIT = {**VIEW, "cara_contributor": FORBIDDEN, "vic_viewer": FORBIDDEN}


def addresses(plan, round_, forum):
    s, p = plan.local_authority.slug, plan.pk
    return {
        "rounds": (reverse("assessments:rounds", args=[s, p]), VIEW),
        "round": (reverse("assessments:round", args=[s, p, round_.pk]), VIEW),
        "across": (reverse("assessments:across", args=[s, p]), VIEW),
        "monitoring": (reverse("assessments:monitoring", args=[s, p]), VIEW),
        "forums": (reverse("assessments:forums", args=[s]), VIEW),
        "forum": (reverse("assessments:forum", args=[s, forum.pk]), VIEW),
        "dashboard": (reverse("plans:dashboard", args=[s, p]), VIEW),
        "round_start": (reverse("assessments:round_start", args=[s, p]), EDIT),
        "sign_off": (reverse("assessments:sign_off", args=[s, p, round_.pk]), EDIT),
        "round_edit": (reverse("assessments:round_edit", args=[s, p, round_.pk]), EDIT),
        "entry_edit": (reverse("assessments:entry_edit", args=[s, p, round_.pk, 1]), EDIT),
        "monitoring_edit": (reverse("assessments:monitoring_edit", args=[s, p, 1]), EDIT),
        "forum_add": (reverse("assessments:forum_add", args=[s]), EDIT),
        "forum_edit": (reverse("assessments:forum_edit", args=[s, forum.pk]), EDIT),
        "meeting_add": (reverse("assessments:meeting_add", args=[s, forum.pk]), EDIT),
    }


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_every_address_as_every_person(client, cast, second_round, board, name):
    if name is not None:
        client.force_login(cast.user(name))
    got, expected = {}, {}
    for key, (url, rule) in addresses(second_round.plan, second_round, board).items():
        got[key] = client.get(url).status_code
        expected[key] = rule[name]
    assert got == expected


@pytest.mark.parametrize("name", ["cara_contributor", "vic_viewer", "olly_other_la"])
def test_posts_are_refused_and_change_nothing(client, cast, second_round, board, name):
    client.force_login(cast.user(name))
    plan = second_round.plan
    s, p = plan.local_authority.slug, plan.pk
    expected = NOT_FOUND if name == "olly_other_la" else FORBIDDEN
    meeting = board.meetings.first()
    posts = [
        (reverse("assessments:entry_edit", args=[s, p, second_round.pk, 1]), {"evaluation": "met"}),
        (reverse("assessments:sign_off", args=[s, p, second_round.pk]), {"confirm": "on"}),
        (reverse("assessments:round_start", args=[s, p]), {"title": "X"}),
        (reverse("assessments:monitoring_edit", args=[s, p, 1]), {"note": "x"}),
        (reverse("assessments:forum_add", args=[s]), {"name": "X", "kind": "other"}),
        (reverse("assessments:meeting_remove", args=[s, board.pk, meeting.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == expected, url
    assert not AssessmentEntry.objects.filter(reviewed=True, round=second_round).exists()
    assert Forum.objects.count() == 1
    assert ForumMeeting.objects.filter(pk=meeting.pk).exists()


def test_another_councils_round_is_not_found_through_its_own_address(client, cast, second_round):
    client.force_login(cast.olly_other_la)
    url = reverse("assessments:round", args=["southmere", second_round.plan.pk, second_round.pk])
    assert client.get(url).status_code == NOT_FOUND


def test_a_round_of_another_plan_is_not_found(client, cast, second_round, southmere_plan):
    from ilacs.assessments import services

    theirs = services.start_round(
        southmere_plan, user=cast.olly_other_la, title="Theirs", date=dt.date(2025, 1, 1)
    )
    client.force_login(cast.sam_superuser)
    url = reverse("assessments:round", args=["northbrook", second_round.plan.pk, theirs.pk])
    assert client.get(url).status_code == NOT_FOUND
