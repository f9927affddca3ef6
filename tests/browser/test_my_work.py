"""The first page per person (issue 7 item 18) and correcting mistakes (item 20), in a real
browser: each page checked with axe and at phone width, with screenshots in /tmp/shots/plans/."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ilacs.plans import services
from tests.browser.test_plan_flow import look
from tests.plans.conftest import make_inspection

pytestmark = pytest.mark.browser


@pytest.fixture
def northbrook_plan(cast):
    """A plan with an overdue action Cara leads (never updated) and one a named officer leads."""
    plan = services.create_plan(make_inspection(cast.northbrook), user=cast.erin_editor)
    theme = services.add_theme(plan, user=cast.erin_editor, name="Practice excellence")
    today = timezone.localdate()
    services.add_action(
        plan,
        user=cast.erin_editor,
        title="SMART planning workshops",
        theme=theme,
        lead_user=cast.cara_contributor,
        due_date=today - dt.timedelta(days=5),
        requirements=list(plan.requirements.filter(number=1)),
    )
    officers = services.add_action(
        plan,
        user=cast.erin_editor,
        title="Performance scorecard for the board",
        lead_role="Head of Performance",
        due_date=today + dt.timedelta(days=60),
    )
    services.post_update(officers, user=cast.erin_editor, narrative="Draft shared", rag="amber")
    return plan


def test_a_leads_first_page(signed_in_page, northbrook_plan):
    page = signed_in_page("cara_contributor")
    expect(page).to_have_title("Your work – ilacs")
    to_update = page.locator("#to-update + p + .ilacs-table-container")
    expect(to_update).to_contain_text("SMART planning workshops")
    expect(to_update).to_contain_text("None yet")
    expect(page.get_by_role("heading", name="Overdue (1)")).to_be_visible()
    expect(page.get_by_role("row", name="Northbrook: inspection of")).to_be_visible()
    look(page, "home-contributor")
    page.get_by_role("link", name="Post an update on action 1").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Post a progress update")


def test_an_editors_first_page(signed_in_page, northbrook_plan):
    page = signed_in_page("erin_editor")
    expect(
        page.get_by_role("heading", name="Actions you lead that need an update (0)")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Overdue (1)")).to_be_visible()
    look(page, "home-editor")


def test_correcting_and_withdrawing(signed_in_page, northbrook_plan, cast):
    page = signed_in_page("erin_editor")
    page.goto(northbrook_plan.get_absolute_url() + "actions/2/")
    # correct the progress update
    page.get_by_role("link", name="Correct the update of").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Correct a progress update")
    page.get_by_label("Progress").fill("Draft scorecard shared with the board's chair")
    look(page, "update-correct")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("corrected")
    expect(page.locator("#updates ~ .ilacs-update").first).to_contain_text("corrected by")
    # withdraw it: the reason is needed
    page.get_by_role("link", name="Withdraw the update of").click()
    page.get_by_role("button", name="Withdraw the update").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter why it is being withdrawn")
    look(page, "update-withdraw-error")
    page.get_by_label("Why is it being withdrawn?").fill("Posted on the wrong action")
    page.get_by_role("button", name="Withdraw the update").click()
    expect(page.locator("main")).to_contain_text("No progress updates yet.")
    # withdraw action 1, added by mistake
    page.goto(northbrook_plan.get_absolute_url() + "actions/1/")
    page.get_by_role("link", name="Withdraw the action").click()
    look(page, "action-withdraw")
    page.get_by_label("Why is it being withdrawn?").fill("Added twice")
    page.get_by_role("button", name="Withdraw the action").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Action 1 has been withdrawn"
    )
    page.get_by_text("1 action withdrawn as added by mistake").click()
    look(page, "plan-with-withdrawn")
    page.get_by_role("link", name="Action 1: SMART planning workshops").click()
    expect(page.locator("main")).to_contain_text("Reason: Added twice")
    look(page, "action-withdrawn")
    page.get_by_role("link", name="Changes", exact=True).click()
    expect(page.locator("main")).to_contain_text("withdrew the action")
    look(page, "plan-history")


def test_withdrawing_a_report(signed_in_page, cast):
    inspection = make_inspection(cast.northbrook)
    page = signed_in_page("erin_editor")
    page.goto(inspection.get_absolute_url())
    page.get_by_role("link", name="Withdraw this report").click()
    look(page, "inspection-withdraw")
    page.get_by_label("Why is it being withdrawn?").fill("The wrong council's report")
    page.get_by_role("button", name="Withdraw the report").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("withdrawn")
    page.get_by_text("1 report withdrawn as uploaded by mistake").click()
    expect(page.locator("main")).to_contain_text("Reason: The wrong council's report")
    look(page, "council-with-withdrawn")
