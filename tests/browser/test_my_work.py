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
