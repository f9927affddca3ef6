"""A write to something another person removed fails in plain words and re-creates nothing;
theme names are unique within a plan whatever their case, in the database (issue 7, items 3
and 4). The same sequences race on PostgreSQL in test_races.py."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from ilacs.plans import services
from ilacs.plans.models import Milestone, Theme


@pytest.fixture
def milestone(cast, caras_action):
    return services.add_milestone(caras_action, user=cast.erin_editor, title="Workshop held")


def test_saving_a_milestone_someone_removed_recreates_nothing(cast, milestone):
    alices_copy = Milestone.objects.get(pk=milestone.pk)
    services.delete_milestone(milestone, user=cast.erin_editor)
    with pytest.raises(services.Removed, match="This milestone was removed by Erin"):
        services.update_milestone(alices_copy, user=cast.alice_admin, done=True)
    with pytest.raises(services.Removed):
        services.update_milestone(alices_copy, user=cast.alice_admin, title="New title")
    with pytest.raises(services.Removed):
        services.delete_milestone(alices_copy, user=cast.alice_admin)
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_renaming_a_theme_someone_removed_recreates_nothing(cast, theme):
    alices_copy = Theme.objects.get(pk=theme.pk)
    services.delete_theme(theme, user=cast.erin_editor)
    with pytest.raises(services.Removed, match="This theme was removed by Erin"):
        services.update_theme(alices_copy, user=cast.alice_admin, name="Renamed")
    with pytest.raises(services.Removed):
        services.move_theme(alices_copy, user=cast.alice_admin, up=True)
    assert not Theme.objects.filter(pk=theme.pk).exists()


def test_an_action_cannot_be_put_under_a_removed_theme(cast, plan, theme, caras_action):
    alices_copy = Theme.objects.get(pk=theme.pk)
    services.delete_theme(theme, user=cast.erin_editor)
    with pytest.raises(services.Removed):
        services.add_action(
            plan, user=cast.alice_admin, title="New", lead_role="AD", theme=alices_copy
        )
    caras_action.refresh_from_db()
    with pytest.raises(services.Removed):
        services.update_action(
            caras_action,
            user=cast.alice_admin,
            expected_version=caras_action.version,
            changes={"theme": alices_copy},
        )


def test_the_milestone_page_says_who_removed_it(client, cast, plan, caras_action, milestone):
    url = reverse("plans:milestone_edit", args=["northbrook", plan.pk, 1, milestone.pk])
    client.force_login(cast.alice_admin)
    assert client.get(url).status_code == 200
    services.delete_milestone(milestone, user=cast.erin_editor)
    response = client.post(url, {"title": "What Alice typed", "done": "on"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "This milestone was removed by Erin. Your changes were not saved." in body
    assert 'value="What Alice typed"' in body
    assert not Milestone.objects.filter(pk=milestone.pk).exists()

    done_url = reverse("plans:milestone_done", args=["northbrook", plan.pk, 1, milestone.pk])
    response = client.post(done_url, {"done": "1"}, follow=True)
    assert response.status_code == 200
    assert "This milestone was removed by Erin" in response.content.decode()
    response = client.post(url, {"delete": "1"}, follow=True)
    assert "This milestone was removed by Erin" in response.content.decode()
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_the_theme_page_says_who_removed_it(client, cast, plan, theme):
    url = reverse("plans:theme_edit", args=["northbrook", plan.pk, theme.pk])
    services.delete_theme(theme, user=cast.erin_editor)
    client.force_login(cast.alice_admin)
    response = client.post(url, {"name": "Alice's name"})
    assert response.status_code == 400
    assert "This theme was removed by Erin" in response.content.decode()
    assert not Theme.objects.filter(pk=theme.pk).exists()


def test_milestones_of_another_council_cannot_be_reached(
    client, cast, plan, caras_action, southmere_plan
):
    other_action = southmere_plan.actions.get()
    other = services.add_milestone(other_action, user=cast.olly_other_la, title="Theirs")
    client.force_login(cast.erin_editor)
    url = reverse("plans:milestone_edit", args=["northbrook", plan.pk, 1, other.pk])
    client.post(url, {"title": "Mine now"})
    client.post(url, {"delete": "1"})
    done_url = reverse("plans:milestone_done", args=["northbrook", plan.pk, 1, other.pk])
    client.post(done_url, {"done": "1"})
    other.refresh_from_db()
    assert (other.title, other.done) == ("Theirs", False)


# --- theme names ---------------------------------------------------------------------------


def test_the_database_refuses_theme_names_differing_only_by_case(plan, theme):
    with pytest.raises(IntegrityError), transaction.atomic():
        Theme.objects.create(plan=plan, name=theme.name.upper(), order=9)


def test_a_theme_name_in_other_case_is_refused_in_plain_words(cast, plan, theme):
    with pytest.raises(services.PlanError, match="already has a theme called"):
        services.add_theme(plan, user=cast.erin_editor, name="PRACTICE excellence")
    other = services.add_theme(plan, user=cast.erin_editor, name="Learning")
    with pytest.raises(services.PlanError, match="already has a theme called"):
        services.update_theme(other, user=cast.erin_editor, name="practice Excellence")
    # a change of case of its own name is allowed
    services.update_theme(theme, user=cast.erin_editor, name="Practice Excellence")


def test_when_the_check_is_passed_the_database_still_refuses_in_plain_words(
    cast, plan, theme, monkeypatch
):
    """What the database does when two people pass the check at once."""
    monkeypatch.setattr(services, "_check_theme_name", lambda plan, name, exclude=None: name)
    with pytest.raises(services.PlanError, match="already has a theme called"):
        services.add_theme(plan, user=cast.erin_editor, name="practice excellence")
    assert Theme.objects.filter(plan=plan).count() == 1


def test_the_themes_page_shows_the_error(client, cast, plan, theme):
    client.force_login(cast.erin_editor)
    response = client.post(
        reverse("plans:themes", args=["northbrook", plan.pk]), {"name": "practice EXCELLENCE"}
    )
    assert response.status_code == 400
    assert "The plan already has a theme called “practice EXCELLENCE”." in response.content.decode()
