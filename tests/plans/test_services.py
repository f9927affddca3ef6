"""Writes to plans (ilacs/plans/services.py): what they do, what they refuse."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from ilacs.plans import services
from ilacs.plans.models import ActionStatus, PlanStatus, ProgressUpdate, RagOverride
from ilacs.plans.services import PlanError
from tests.plans.conftest import make_inspection


def test_a_plan_starts_with_one_requirement_per_recommendation(cast, inspection):
    plan = services.create_plan(inspection, user=cast.erin_editor)
    assert plan.local_authority == cast.northbrook
    assert plan.status == PlanStatus.DRAFT
    assert plan.owner == cast.erin_editor
    assert plan.title == "Northbrook improvement plan: inspection of 4 to 15 March 2024"
    requirements = list(plan.requirements.order_by("number"))
    # The LSCB review's own recommendation is the board's, not the council's.
    assert [(r.number, r.text, r.page) for r in requirements] == [
        (1, "Improve area 1.", 1),
        (2, "Improve area 2.", 2),
        (3, "Improve area 3.", 3),
    ]
    assert all(r.recommendation.inspection == inspection for r in requirements)
    assert requirements[0].label == "Recommendation 1"


def test_the_deadline_is_70_working_days_after_publication(cast, inspection):
    # Published Friday 26 April 2024: 70 weekdays later is Friday 2 August; the early May (6th)
    # and spring (27th) bank holidays push it two working days on, to Tuesday 6 August 2024.
    plan = services.create_plan(inspection, user=cast.erin_editor)
    assert plan.report_published == dt.date(2024, 4, 26)
    assert plan.submission_deadline == dt.date(2024, 8, 6)


def test_a_report_without_a_publication_date_needs_one_entered(cast):
    inspection = make_inspection(cast.northbrook, published=None)
    with pytest.raises(PlanError, match="does not print the date it was published"):
        services.create_plan(inspection, user=cast.erin_editor)
    plan = services.create_plan(
        inspection, user=cast.erin_editor, report_published=dt.date(2025, 3, 3)
    )
    assert plan.report_published == dt.date(2025, 3, 3)
    assert plan.submission_deadline == dt.date(2025, 6, 13)


def test_one_plan_per_inspection(cast, plan, inspection):
    with pytest.raises(PlanError, match="already has an improvement plan"):
        services.create_plan(inspection, user=cast.erin_editor)


@pytest.mark.parametrize("name", ["cara_contributor", "vic_viewer", "olly_other_la", "nora_nobody"])
def test_only_editors_and_admins_create_plans(cast, inspection, name):
    with pytest.raises(PermissionDenied):
        services.create_plan(inspection, user=cast.user(name))


def test_admins_and_service_administrators_create_plans(cast, inspection):
    assert services.create_plan(inspection, user=cast.alice_admin)
    other = make_inspection(cast.southmere)
    assert services.create_plan(other, user=cast.sam_superuser)


def test_changing_the_publication_date_moves_a_default_deadline(cast, plan):
    plan = services.update_plan(
        plan,
        user=cast.erin_editor,
        expected_version=plan.version,
        changes={"report_published": dt.date(2025, 3, 3)},
    )
    assert plan.submission_deadline == dt.date(2025, 6, 13)
    # A deadline the editor set themselves is kept.
    plan = services.update_plan(
        plan,
        user=cast.erin_editor,
        expected_version=plan.version,
        changes={"submission_deadline": dt.date(2025, 7, 1)},
    )
    plan = services.update_plan(
        plan,
        user=cast.erin_editor,
        expected_version=plan.version,
        changes={"report_published": dt.date(2025, 3, 10)},
    )
    assert plan.submission_deadline == dt.date(2025, 7, 1)


def test_the_owner_must_be_a_member(cast, plan):
    with pytest.raises(PlanError, match="not a member of Northbrook"):
        services.update_plan(
            plan, user=cast.erin_editor, expected_version=1, changes={"owner": cast.olly_other_la}
        )


def test_themes_are_ordered_named_once_and_can_move(cast, plan):
    first = services.add_theme(plan, user=cast.erin_editor, name="Learning organisation")
    second = services.add_theme(plan, user=cast.erin_editor, name="Practice excellence")
    with pytest.raises(PlanError, match="already has a theme"):
        services.add_theme(plan, user=cast.erin_editor, name="practice excellence")
    assert [t.name for t in plan.themes.all()] == ["Learning organisation", "Practice excellence"]
    services.move_theme(second, user=cast.erin_editor, up=True)
    assert [t.name for t in plan.themes.all()] == ["Practice excellence", "Learning organisation"]
    services.move_theme(second, user=cast.erin_editor, up=True)  # already first: no change
    assert plan.themes.first() == second
    assert first.pk


def test_removing_a_theme_keeps_its_actions(cast, plan, theme, caras_action):
    services.delete_theme(theme, user=cast.erin_editor)
    caras_action.refresh_from_db()
    assert caras_action.theme is None
    assert plan.actions.count() == 1


def test_actions_are_numbered_and_linked_to_requirements(cast, plan, caras_action, officers_action):
    assert (caras_action.number, officers_action.number) == (1, 2)
    assert [r.number for r in caras_action.requirements.order_by("number")] == [1, 2]
    assert caras_action.is_led_by(cast.cara_contributor)
    assert not officers_action.is_led_by(cast.cara_contributor)
    assert caras_action.lead_text == "Cara, Head of Service, Children in Need"
    assert officers_action.lead_text == "Head of Performance"


def test_an_action_needs_a_title_and_a_lead(cast, plan):
    with pytest.raises(PlanError, match="title"):
        services.add_action(plan, user=cast.erin_editor, title=" ", lead_role="AD")
    with pytest.raises(PlanError, match="Choose the lead"):
        services.add_action(plan, user=cast.erin_editor, title="Something")


def test_a_lead_must_be_a_member_of_the_council(cast, plan):
    with pytest.raises(PlanError, match="not a member of Northbrook"):
        services.add_action(plan, user=cast.erin_editor, title="X", lead_user=cast.olly_other_la)


def test_requirements_and_themes_must_belong_to_the_plan(cast, plan, southmere_plan):
    other_theme = services.add_theme(southmere_plan, user=cast.olly_other_la, name="Elsewhere")
    with pytest.raises(PlanError):
        services.add_action(
            plan, user=cast.erin_editor, title="X", lead_role="AD", theme=other_theme
        )
    with pytest.raises(PlanError):
        services.add_action(
            plan,
            user=cast.erin_editor,
            title="X",
            lead_role="AD",
            requirements=list(southmere_plan.requirements.all()),
        )


def test_editing_an_action(cast, caras_action):
    action = services.update_action(
        caras_action,
        user=cast.alice_admin,
        expected_version=1,
        changes={"due_date": dt.date(2025, 9, 30), "requirements": []},
    )
    assert action.version == 2
    assert action.updated_by == cast.alice_admin
    assert action.due_date == dt.date(2025, 9, 30)
    assert action.requirements.count() == 0


def test_milestones(cast, caras_action):
    milestone = services.add_milestone(
        caras_action, user=cast.erin_editor, title="Materials agreed", due_date=dt.date(2025, 2, 1)
    )
    services.update_milestone(
        milestone, user=cast.erin_editor, done=True, done_on=dt.date(2025, 2, 3)
    )
    milestone.refresh_from_db()
    assert milestone.done and milestone.done_on == dt.date(2025, 2, 3)
    services.update_milestone(milestone, user=cast.erin_editor, done=False)
    milestone.refresh_from_db()
    assert not milestone.done and milestone.done_on is None
    with pytest.raises(PermissionDenied):
        services.add_milestone(caras_action, user=cast.cara_contributor, title="Mine")
    services.delete_milestone(milestone, user=cast.erin_editor)
    assert caras_action.milestones.count() == 0


def test_a_lead_posts_updates_on_their_own_action_only(cast, caras_action, officers_action):
    update = services.post_update(
        caras_action,
        user=cast.cara_contributor,
        narrative="Four workshops held.",
        rag="green",
        date=dt.date(2025, 1, 31),
        evidence="Attendance register",
    )
    assert update.author == cast.cara_contributor
    with pytest.raises(PermissionDenied):
        services.post_update(officers_action, user=cast.cara_contributor, narrative="x", rag="red")
    with pytest.raises(PermissionDenied):
        services.post_update(caras_action, user=cast.vic_viewer, narrative="x", rag="red")
    # Editors post on any action (often on behalf of a named officer).
    services.post_update(officers_action, user=cast.erin_editor, narrative="Draft", rag="amber")
    assert ProgressUpdate.objects.count() == 2


def test_the_first_update_marks_a_not_started_action_in_progress(cast, officers_action):
    assert officers_action.status == ActionStatus.NOT_STARTED
    services.post_update(officers_action, user=cast.erin_editor, narrative="Begun", rag="green")
    officers_action.refresh_from_db()
    assert officers_action.status == ActionStatus.IN_PROGRESS
    assert officers_action.version == 2


def test_an_update_needs_words_and_a_rag(cast, caras_action):
    with pytest.raises(PlanError, match="Enter the progress"):
        services.post_update(caras_action, user=cast.erin_editor, narrative=" ", rag="green")
    with pytest.raises(PlanError, match="red, amber or green"):
        services.post_update(caras_action, user=cast.erin_editor, narrative="x", rag="blue")


def test_an_update_cannot_be_dated_in_the_future(cast, caras_action):
    # it would stay "the latest" and hide every later judgement (a later red update included)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(PlanError, match="today or in the past"):
        services.post_update(
            caras_action, user=cast.erin_editor, narrative="x", rag="green", date=tomorrow
        )
    assert not ProgressUpdate.objects.filter(action=caras_action).exists()


def test_two_requirements_added_in_turn_get_the_next_numbers(cast, plan):
    first = services.add_requirement(plan, user=cast.erin_editor, text="Our own aim.")
    second = services.add_requirement(plan, user=cast.erin_editor, text="Another aim.")
    assert (first.number, second.number) == (4, 5)


def test_an_override_needs_a_reason_and_replaces_the_last(cast, caras_action):
    with pytest.raises(PlanError, match="Enter why"):
        services.set_rag_override(caras_action, user=cast.erin_editor, rag="amber", reason="")
    services.set_rag_override(caras_action, user=cast.erin_editor, rag="amber", reason="One")
    services.set_rag_override(caras_action, user=cast.alice_admin, rag="red", reason="Two")
    standing = services.standing_override(caras_action)
    assert (standing.rag, standing.reason, standing.set_by) == ("red", "Two", cast.alice_admin)
    assert RagOverride.objects.filter(cleared_at__isnull=False).count() == 1
    assert services.clear_rag_override(caras_action, user=cast.erin_editor)
    assert services.standing_override(caras_action) is None
    assert not services.clear_rag_override(caras_action, user=cast.erin_editor)
    with pytest.raises(PermissionDenied):
        services.set_rag_override(caras_action, user=cast.cara_contributor, rag="green", reason="x")


def test_a_council_requirement_of_its_own(cast, plan):
    requirement = services.add_requirement(plan, user=cast.erin_editor, text="Early help offer")
    assert requirement.number == 4
    assert requirement.label == "Requirement 4"
