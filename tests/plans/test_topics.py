"""Improvement topics of requirements and actions: assigned from the words (or the report's
recommendation), shown with the why, corrected by editors with the correction in the history."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ilacs.extraction.theme_examples import Example, ExampleIndex
from ilacs.extraction.themes import themes_for
from ilacs.plans import services
from ilacs.plans.models import Action, Requirement
from tests.plans.conftest import make_inspection

SUPERVISION = (
    "Improve the quality and frequency of supervision and management oversight of social work "
    "practice"
)
CARE_LEAVERS = "Care leavers should have suitable accommodation and help to find work"


def test_a_councils_own_requirement_gets_topics_from_its_words(cast, plan):
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=SUPERVISION)
    assert requirement.topics == themes_for(SUPERVISION)
    assert requirement.topics[0] == "management_oversight"
    assert not requirement.topics_set_by_hand


def test_requirements_from_the_report_take_the_recommendations_themes(cast):
    inspection = make_inspection(cast.northbrook)
    first = inspection.recommendations.get(number=1, is_lscb=False)
    first.themes = ["care_leavers", "health"]
    first.save()
    plan = services.create_plan(inspection, user=cast.erin_editor)
    assert plan.requirements.get(number=1).topics == ["care_leavers", "health"]
    # a recommendation stored before themes were kept: read from its words instead
    assert plan.requirements.get(number=2).topics == themes_for("Improve area 2.")


def test_an_action_gets_topics_from_title_and_description_and_again_when_they_change(
    cast, plan, officers_action
):
    action = services.add_action(
        plan, user=cast.erin_editor, title=CARE_LEAVERS, lead_role="Head of Service"
    )
    assert action.topics[0] == "care_leavers"
    action = services.update_action(
        action, user=cast.erin_editor, expected_version=action.version,
        changes={"title": SUPERVISION},
    )  # fmt: skip
    assert action.topics[0] == "management_oversight"
    # a change of something else leaves the topics alone
    services.set_topics(action, user=cast.erin_editor, chosen=["workforce"])
    action.refresh_from_db()
    action = services.update_action(
        action, user=cast.erin_editor, expected_version=action.version,
        changes={"title": CARE_LEAVERS},
    )  # fmt: skip
    assert action.topics == ["workforce"]  # chosen by hand: kept


def test_an_editors_correction_is_kept_in_the_history_and_can_be_handed_back(cast, plan):
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=SUPERVISION)
    automatic = list(requirement.topics)
    services.set_topics(
        requirement, user=cast.erin_editor, chosen=["workforce", "management_oversight"]
    )
    requirement.refresh_from_db()
    assert requirement.topics == ["workforce", "management_oversight"]
    assert requirement.topics_set_by_hand
    latest = requirement.history.order_by("-history_date").first()
    assert latest.topics == ["workforce", "management_oversight"]
    assert latest.history_user == cast.erin_editor
    services.set_topics(requirement, user=cast.erin_editor, chosen=None)
    requirement.refresh_from_db()
    assert requirement.topics == automatic
    assert not requirement.topics_set_by_hand
    assert requirement.history.count() == 3


@pytest.mark.parametrize(
    ("chosen", "message"),
    [
        (["workforce", "health", "education", "plans"], "up to 3"),
        (["workforce", "workforce"], "once"),
        (["not_a_topic"], "from the list"),
    ],
)
def test_a_correction_outside_the_rules_is_refused(cast, plan, chosen, message):
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=SUPERVISION)
    with pytest.raises(services.PlanError, match=message):
        services.set_topics(requirement, user=cast.erin_editor, chosen=chosen)


def test_only_editors_correct_topics(cast, plan, caras_action):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.set_topics(caras_action, user=cast.cara_contributor, chosen=["workforce"])


# --- pages ---------------------------------------------------------------------------------------


def _url(name, plan, number):
    return reverse(f"plans:{name}", args=[plan.local_authority.slug, plan.pk, number])


def test_requirement_page_shows_topics_and_why(client, cast, plan):
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=SUPERVISION)
    client.force_login(cast.vic_viewer)
    body = client.get(_url("requirement", plan, requirement.number)).content.decode()
    assert "Improvement topics" in body
    assert "Management oversight and supervision</strong> (chief topic)" in body
    assert "“management oversight”" in body  # the phrase that decided it
    assert "Read by ilacs from its words." in body
    assert _url("requirement_topics", plan, requirement.number) not in body  # a viewer
    plan_page = client.get(plan.get_absolute_url()).content.decode()
    assert "Improvement topics: Management oversight and supervision" in plan_page


def test_requirement_page_says_when_the_classifier_read_a_text_with_no_listed_phrase(
    client, cast, plan
):
    text = "Ensure that there are enough social workers so that children have a consistent worker."
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=text)
    assert requirement.topics == ["workforce"]
    client.force_login(cast.vic_viewer)
    body = client.get(_url("requirement", plan, requirement.number)).content.decode()
    assert (
        "No phrase listed for any topic occurs in it, and the classifier trained on the written "
        "examples reads it as this one." in body
    )
    assert "Worded like: “" in body


def test_requirement_page_shows_the_written_examples_that_decided(client, cast, plan, monkeypatch):
    close = "Improve the quality of assessments and case records so that they are up to date."
    index = ExampleIndex(
        Example(text, ("recording", "assessment"))
        for text in (
            "Assessments and case records are not always up to date.",
            "Ensure that assessments and other records are kept up to date.",
            "The quality of assessments and case records for children in need.",
        )
    )
    monkeypatch.setattr("ilacs.extraction.themes.default_index", lambda: index)
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=close)
    assert requirement.topics == ["recording", "assessment"]
    client.force_login(cast.vic_viewer)
    body = client.get(_url("requirement", plan, requirement.number)).content.decode()
    assert "the most similar written examples put it first" in body
    example = "The quality of assessments and case records for children in need."
    assert f"Worded like: “{example}”" in body


def test_action_page_shows_topics_and_the_change_link_for_editors(client, cast, plan):
    action = services.add_action(plan, user=cast.erin_editor, title=CARE_LEAVERS, lead_role="AD")
    client.force_login(cast.erin_editor)
    body = client.get(action.get_absolute_url()).content.decode()
    assert "Care leavers</strong> (chief topic)" in body
    assert _url("action_topics", plan, action.number) in body


def test_editor_corrects_an_actions_topics_with_the_form(client, cast, plan):
    action = services.add_action(plan, user=cast.erin_editor, title=CARE_LEAVERS, lead_role="AD")
    client.force_login(cast.erin_editor)
    url = _url("action_topics", plan, action.number)
    page = client.get(url).content.decode()
    assert 'value="care_leavers" checked' in page
    response = client.post(url, {"topics": ["health", "care_leavers"], "chief": "health"})
    assert response.status_code == 302
    action = Action.objects.get(pk=action.pk)
    assert action.topics == ["health", "care_leavers"]
    assert action.topics_set_by_hand
    body = client.get(action.get_absolute_url()).content.decode()
    assert "Chosen by hand by an editor" in body
    # and handed back to ilacs
    client.post(url, {"automatic": "1"})
    action = Action.objects.get(pk=action.pk)
    assert action.topics[0] == "care_leavers" and not action.topics_set_by_hand


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Select at least one improvement topic"),
        (
            {"topics": ["health", "workforce", "education", "plans"], "chief": "health"},
            "Select up to 3 improvement topics",
        ),
        ({"topics": ["health", "workforce"]}, "Choose the chief topic"),
        (
            {"topics": ["health", "workforce"], "chief": "education"},
            "The chief topic must be one of the topics you selected",
        ),
    ],
)
def test_form_errors_in_plain_words(client, cast, plan, data, error):
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=SUPERVISION)
    client.force_login(cast.erin_editor)
    response = client.post(_url("requirement_topics", plan, requirement.number), data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert Requirement.objects.get(pk=requirement.pk).topics_set_by_hand is False


def test_topics_form_is_for_editors_only(client, cast, plan, southmere_plan):
    requirement = services.add_requirement(plan, user=cast.erin_editor, text=SUPERVISION)
    client.force_login(cast.cara_contributor)
    assert client.get(_url("requirement_topics", plan, requirement.number)).status_code == 403
    client.force_login(cast.olly_other_la)
    assert client.get(_url("requirement", plan, requirement.number)).status_code == 404


def test_the_correction_reads_as_words_in_the_actions_history(client, cast, plan):
    action = services.add_action(plan, user=cast.erin_editor, title=CARE_LEAVERS, lead_role="AD")
    services.set_topics(action, user=cast.erin_editor, chosen=["health", "care_leavers"])
    client.force_login(cast.vic_viewer)
    body = client.get(_url("action_history", plan, action.number)).content.decode()
    assert "Improvement topics" in body
    assert "Health and emotional wellbeing, Care leavers" in body
    assert "[&#x27;" not in body and "['" not in body


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_existing_requirements_and_actions_their_topics(cast):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    inspection = make_inspection(cast.northbrook, recommendations=1)
    rec = inspection.recommendations.get(is_lscb=False)
    rec.themes = ["workforce"]
    rec.save()
    before = [("plans", "0005_import_mapping")]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    plan = old.get_model("plans", "ImprovementPlan").objects.create(
        local_authority_id=cast.northbrook.pk, inspection_id=inspection.pk, title="Plan",
        report_published="2024-04-26", submission_deadline="2024-08-09",
    )  # fmt: skip
    old_requirement = old.get_model("plans", "Requirement")
    old_requirement.objects.create(plan=plan, number=1, text=rec.text, recommendation_id=rec.pk)
    old_requirement.objects.create(plan=plan, number=2, text=SUPERVISION)
    old.get_model("plans", "Action").objects.create(plan=plan, number=1, title=CARE_LEAVERS)

    MigrationExecutor(connection).migrate(latest)
    topics = {r.number: r.topics for r in Requirement.objects.filter(plan_id=plan.pk)}
    assert topics == {1: ["workforce"], 2: themes_for(SUPERVISION)}
    assert Action.objects.get(plan_id=plan.pk).topics[0] == "care_leavers"
