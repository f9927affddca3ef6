"""`ilacs plan ...`: the command-line path to the plan pages, with the same permissions."""

import json

import pytest

from ilacs.cli import main
from ilacs.plans.models import Action, ImprovementPlan, ProgressUpdate
from tests.plans.conftest import make_inspection


def run(capsys, *argv):
    status = main(["plan", *map(str, argv)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def unpublished(cast):
    return make_inspection(cast.northbrook, published=None)


def test_the_whole_path_from_inspection_to_dashboard(capsys, cast, unpublished):
    status, out, err = run(capsys, "create", unpublished.pk, "--user", "erin_editor")
    assert status == 1 and "--published" in err
    status, out, _ = run(
        capsys, "create", unpublished.pk, "--user", "erin_editor", "--published", "2025-03-03"
    )
    assert status == 0
    plan = ImprovementPlan.objects.get(inspection=unpublished)
    assert f"Created plan {plan.pk}" in out
    assert "3 recommendations; submission deadline 13 June 2025" in out

    assert run(capsys, "add-theme", plan.pk, "Practice excellence", "--user", "erin_editor")[0] == 0
    status, out, err = run(
        capsys,
        "add-action",
        plan.pk,
        "--user",
        "erin_editor",
        "--title",
        "SMART planning workshops",
        "--theme",
        "practice excellence",
        "--lead",
        "cara_contributor",
        "--lead-role",
        "Head of Service, Children in Need",
        "--due",
        "2025-06-30",
        "--measure",
        "All 18 teams attend",
        "--recommendation",
        "1",
        "--recommendation",
        "2",
    )
    assert status == 0, err
    assert "Added action 1" in out
    action = Action.objects.get(plan=plan)
    assert action.theme.name == "Practice excellence"
    assert action.lead_user == cast.cara_contributor
    assert sorted(r.number for r in action.requirements.all()) == [1, 2]

    status, out, err = run(
        capsys,
        "post-update",
        plan.pk,
        1,
        "--user",
        "cara_contributor",
        "--rag",
        "amber",
        "--narrative",
        "Eight teams done.",
        "--date",
        "2025-05-30",
    )
    assert status == 0, err
    assert ProgressUpdate.objects.get().author == cast.cara_contributor

    status, out, _ = run(capsys, "dashboard", plan.pk, "--today", "2025-06-01")
    assert status == 0
    assert "RAG: Red 0, Amber 1, Green 0, Complete 0, Closed 0" in out
    assert "Due in the next 30 days (1)" in out
    assert "SMART planning workshops" in out
    assert "Recommendations with no action (1)" in out and "Recommendation 3" in out

    status, out, _ = run(capsys, "dashboard", plan.pk, "--today", "2025-06-01", "--json")
    data = json.loads(out)
    assert data["rag_counts"]["amber"] == 1
    assert data["due_soon"][0]["number"] == 1
    assert data["recommendations_without_action"][0]["number"] == 3


def test_contributors_post_only_on_what_they_lead(capsys, cast, plan, officers_action):
    status, _, err = run(
        capsys, "post-update", plan.pk, officers_action.number, "--user", "cara_contributor",
        "--rag", "red",
        "--narrative", "Not mine",
    )  # fmt: skip
    assert status == 1 and "Not allowed" in err
    assert not ProgressUpdate.objects.exists()


@pytest.mark.parametrize("name", ["vic_viewer", "cara_contributor"])
def test_only_editors_change_plans(capsys, cast, plan, name):
    status, _, err = run(capsys, "add-action", plan.pk, "--user", name, "--title", "X",
                         "--lead-role", "AD")  # fmt: skip
    assert status == 1 and "Not allowed" in err
    assert not Action.objects.exists()


def test_another_councils_plan_is_not_found(capsys, cast, plan):
    status, _, err = run(capsys, "add-theme", plan.pk, "T", "--user", "olly_other_la")
    assert status == 2 and "Not found" in err
    status, out, _ = run(capsys, "list", "--user", "olly_other_la")
    assert status == 0 and out == ""
    status, _, err = run(capsys, "dashboard", plan.pk, "--user", "olly_other_la")
    assert status == 2


def test_changes_need_a_user(capsys, plan):
    with pytest.raises(SystemExit):
        main(["plan", "add-theme", str(plan.pk), "T"])
    assert "--user" in capsys.readouterr().err


def test_unknown_things_are_reported(capsys, cast, plan):
    assert run(capsys, "show", 999999)[0] == 2
    assert run(capsys, "add-theme", plan.pk, "T", "--user", "nobody_at_all")[0] == 2
    status, _, err = run(capsys, "post-update", plan.pk, 7, "--user", "erin_editor", "--rag",
                         "red", "--narrative", "x")  # fmt: skip
    assert status == 2 and "has no action 7" in err
    status, _, err = run(capsys, "add-action", plan.pk, "--user", "erin_editor", "--title", "X",
                         "--lead-role", "AD", "--theme", "Nope")  # fmt: skip
    assert status == 1 and "no theme 'Nope'" in err


def test_edit_milestones_overrides_and_history(capsys, cast, plan, caras_action):
    status, out, _ = run(capsys, "edit-action", plan.pk, 1, "--user", "alice_admin",
                         "--due", "2025-09-30", "--status", "in_progress")  # fmt: skip
    assert status == 0 and "version 2" in out
    # A script that says which version it read is refused if someone changed it since.
    status, _, err = run(capsys, "edit-action", plan.pk, 1, "--user", "erin_editor",
                         "--version", "1", "--title", "Stale")  # fmt: skip
    assert status == 1 and "Alice changed this" in err
    status, out, _ = run(capsys, "add-milestone", plan.pk, 1, "Materials agreed", "--user",
                         "erin_editor", "--due", "2025-02-01")  # fmt: skip
    milestone = caras_action.milestones.get()
    assert run(capsys, "milestone-done", plan.pk, 1, milestone.pk, "--user", "erin_editor")[0] == 0
    milestone.refresh_from_db()
    assert milestone.done
    status, out, _ = run(capsys, "set-rag", plan.pk, 1, "--user", "erin_editor", "--rag",
                         "amber", "--reason", "Trainer left")  # fmt: skip
    assert status == 0
    status, out, _ = run(capsys, "show", plan.pk, "--today", "2025-06-01")
    assert "Amber (set by Erin, " in out and "Trainer left" in out
    assert run(capsys, "clear-rag", plan.pk, 1, "--user", "erin_editor")[0] == 0
    status, out, _ = run(capsys, "history", plan.pk, 1)
    assert "Alice changed the action" in out
    assert "Due date: 30 June 2025 -> 30 September 2025" in out
    assert "Erin set the RAG by hand to Amber" in out
    status, out, _ = run(capsys, "edit", plan.pk, "--user", "erin_editor", "--status", "active",
                         "--board-date", "2025-05-20")  # fmt: skip
    assert status == 0
    plan.refresh_from_db()
    assert plan.status == "active" and str(plan.last_board_meeting) == "2025-05-20"
    status, out, _ = run(capsys, "list")
    assert f"{plan.pk}\tNorthbrook\tActive" in out
