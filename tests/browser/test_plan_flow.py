"""An improvement plan in a real browser: an editor uploads the report, creates the plan, adds an
action answering two recommendations, posts an update, and sees the dashboard change. Every plan
page is checked with axe (no serious or critical violations) and at phone width, and saved as a
screenshot in /tmp/shots/plans/ (desktop and phone) to be looked at."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ilacs.extraction.sample import sample_report_path
from ilacs.plans.models import Action, ImprovementPlan
from tests.browser.support import DESKTOP, MOBILE, check_page

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots")) / "plans"


def look(page, name: str) -> None:
    """check_page (axe, fits a phone), then full-page screenshots at desktop and phone width."""
    check_page(page, name, mobile=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(MOBILE)
    page.screenshot(path=str(SHOTS / f"{name}-mobile.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def rag_count(page, rag: str) -> str:
    return page.locator(f'tr[data-rag="{rag}"] td').inner_text().split()[0]


def test_from_report_to_dashboard(signed_in_page, cast):
    page = signed_in_page("erin_editor")

    # Upload the sample report.
    page.goto("/la/northbrook/inspections/upload/")
    page.get_by_label("Upload an Ofsted report").set_input_files(sample_report_path())
    page.get_by_role("button", name="Upload and read the report").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("has been added")

    # The report prints no publication date: the plan asks for it.
    page.get_by_role("button", name="Create improvement plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an improvement plan")
    page.get_by_role("button", name="Create the improvement plan").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the date the report was published"
    )
    look(page, "create-plan-error")
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2024")
    page.get_by_role("button", name="Create the improvement plan").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "created with 4 recommendations"
    )
    plan = ImprovementPlan.objects.get()
    look(page, "plan-new")

    # A theme, then an action answering recommendations 1 and 2, due in ten days.
    page.get_by_role("link", name="Themes").click()
    page.get_by_label("Theme").fill("Practice excellence")
    page.get_by_role("button", name="Add the theme").click()
    expect(page.locator("table")).to_contain_text("Practice excellence")
    look(page, "themes")
    page.goto(plan.get_absolute_url())
    page.get_by_role("button", name="Add an action").click()
    page.get_by_role("button", name="Add the action").click()  # empty: errors first
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the action's title")
    look(page, "action-add-error")
    page.get_by_label("Title").fill("SMART planning workshops for every team")
    page.get_by_label("The quality and timeliness of plans").check()
    page.get_by_label("Management oversight and supervision").check()
    page.get_by_label("Theme").select_option(label="Practice excellence")
    page.get_by_label("Lead", exact=True).select_option(label="Cara")
    page.get_by_label("Lead's role").fill("Head of Service, Children in Need")
    due = dt.date.today() + dt.timedelta(days=10)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    page.get_by_label("In progress").check()
    page.get_by_label("SMART target or success measure").fill("All 18 teams attend.")
    page.get_by_role("button", name="Add the action").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "SMART planning workshops for every team"
    )
    action = Action.objects.get()
    assert sorted(r.number for r in action.requirements.all()) == [1, 2]
    look(page, "action")

    # Due within 30 days and never updated: amber on the dashboard.
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    assert (rag_count(page, "amber"), rag_count(page, "green")) == ("1", "0")
    expect(page.locator("#due-soon")).to_contain_text("(1)")
    look(page, "dashboard-before")

    # Post a green update: the dashboard counts change.
    page.goto(action.get_absolute_url())
    page.get_by_role("button", name="Post a progress update").click()
    look(page, "update-form")
    page.get_by_label("Progress").fill("Twelve of eighteen teams have had the workshop.")
    page.get_by_label("Green: on track").check()
    page.get_by_role("button", name="Post the update").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("posted")
    page.get_by_role("link", name="Dashboard").click()
    assert (rag_count(page, "amber"), rag_count(page, "green")) == ("0", "1")
    look(page, "dashboard-after")

    # Filters without JavaScript (folded away until asked for): a search that finds the update.
    page.locator("summary", has_text="Filter actions").click()
    page.get_by_label("Search").fill("eighteen")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("#all-actions")).to_contain_text("(1)")
    expect(page.get_by_text("Found in a progress update")).to_be_visible()

    # Set the RAG by hand, then the rest of the pages.
    page.goto(action.get_absolute_url())
    page.get_by_role("link", name="Set the RAG by hand").click()
    look(page, "rag-form")
    page.get_by_label("Amber").check()
    page.get_by_label("Reason").fill("Two teams cannot release staff until March.")
    page.get_by_role("button", name="Set the RAG").click()
    expect(page.locator(".ilacs-rag-panel")).to_contain_text("Set by hand by Erin")
    page.get_by_role("button", name="Change the action").click()
    look(page, "action-edit")
    page.goto(action.get_absolute_url())
    page.get_by_role("link", name="Add a milestone").click()
    look(page, "milestone-form")
    page.goto(action.get_absolute_url())
    page.get_by_role("link", name="Changes to this action").click()
    expect(page.locator("main")).to_contain_text("Erin set the RAG by hand to Amber")
    look(page, "action-history")
    page.goto(plan.get_absolute_url())
    look(page, "plan")
    page.get_by_role("link", name="Change the plan's details").click()
    look(page, "plan-edit")
    page.get_by_role("link", name="Changes", exact=True).click()
    look(page, "plan-history")
    page.get_by_role("link", name="How RAG is decided").first.click()
    look(page, "rag-help")


def test_a_contributor_updates_only_what_they_lead(signed_in_page, sample_inspection, cast):
    from ilacs.plans import services

    plan = services.create_plan(
        sample_inspection, user=cast.erin_editor, report_published=dt.date(2024, 5, 3)
    )
    mine = services.add_action(
        plan, user=cast.erin_editor, title="Mine", lead_user=cast.cara_contributor
    )
    theirs = services.add_action(plan, user=cast.erin_editor, title="Theirs", lead_role="AD")
    page = signed_in_page("cara_contributor")
    page.goto(mine.get_absolute_url())
    expect(page.get_by_role("button", name="Post a progress update")).to_be_visible()
    expect(page.get_by_role("button", name="Change the action")).to_have_count(0)
    page.goto(theirs.get_absolute_url())
    expect(page.get_by_role("button", name="Post a progress update")).to_have_count(0)
    response = page.goto(theirs.get_absolute_url() + "update/")
    assert response.status == 403


def test_two_editors_one_action(make_page, sample_inspection, cast):
    """Both open the form; the first save is kept, the second is refused and shown."""
    from ilacs.plans import services
    from tests.browser.support import sign_in

    plan = services.create_plan(
        sample_inspection, user=cast.erin_editor, report_published=dt.date(2024, 5, 3)
    )
    action = services.add_action(plan, user=cast.erin_editor, title="Audit", lead_role="AD")
    erin, alice = sign_in(make_page(), "erin_editor"), sign_in(make_page(), "alice_admin")
    for page in (erin, alice):
        page.goto(action.get_absolute_url() + "edit/")
    erin.get_by_label("Title").fill("Audit every quarter")
    erin.get_by_role("button", name="Save the action").click()
    expect(erin.locator(".govuk-notification-banner--success")).to_be_visible()
    alice.get_by_label("Title").fill("Audit twice a year")
    alice.get_by_role("button", name="Save the action").click()
    expect(alice.locator(".govuk-error-summary")).to_contain_text("Erin changed this action at")
    expect(alice.locator("main")).to_contain_text("Audit twice a year")  # hers, not saved
    look(alice, "conflict")
    action.refresh_from_db()
    assert action.title == "Audit every quarter"
