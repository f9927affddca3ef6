# ruff: noqa: F811 - the fixtures of tests/assessments are imported to be used here
"""Self-assessment in a real browser: from the plan page to the latest round, its met
recommendations and their evidence, what changed across rounds, an editor reviewing an entry and
signing the round off, the monitoring arrangements and the dashboard's evidence panel. Each page
is checked with axe and at phone width, and saved as screenshots in /tmp/shots/assessments/
(desktop and phone) to be looked at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ilacs.assessments.models import RoundStatus
from tests.assessments.conftest import (  # noqa: F401 - fixtures
    board,
    caras_action,
    cp_audit,
    first_round,
    inspection,
    officers_action,
    plan,
    review_all,
    second_round,
    seen_in_time,
    theme,
)
from tests.browser.support import DESKTOP, MOBILE, check_page

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots")) / "assessments"


def look(page, name: str) -> None:
    check_page(page, name, mobile=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(MOBILE)
    page.screenshot(path=str(SHOTS / f"{name}-mobile.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def test_a_viewer_finds_what_is_met_and_what_changed(
    signed_in_page, cast, second_round, board, seen_in_time
):
    review_all(
        second_round,
        cast.erin_editor,
        {1: "remains_met", 2: "partly_met", 3: "met"},
        measures=[seen_in_time],
    )
    page = signed_in_page("vic_viewer")
    page.goto(second_round.plan.get_absolute_url())
    page.get_by_role("navigation", name="Improvement plan").get_by_role(
        "link", name="Self-assessment"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Self-assessment")
    look(page, "rounds")
    page.get_by_role(
        "link", name="Every recommendation in Annual self-assessment, July 2025"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual self-assessment, July 2025")
    page.get_by_label("Show").select_option("remains_met")
    page.get_by_role("button", name="Show").click()
    section = page.locator("#recommendation-1")
    expect(section).to_contain_text("Remains met")
    expect(section).to_contain_text("Changed from met")
    expect(section.get_by_role("link", name="Children seen within timescales")).to_be_visible()
    expect(page.locator("#recommendation-2")).to_have_count(0)
    page.goto(second_round.get_absolute_url())
    look(page, "round")
    page.get_by_role("link", name="Evaluations across rounds").first.click()
    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "Changed in Annual self-assessment, July 2025 (3)"
    )
    expect(page.get_by_role("row", name="Recommendation 3")).to_contain_text(
        "Changed from partly met"
    )
    look(page, "across")
    page.get_by_role("navigation", name="Improvement plan").get_by_role(
        "link", name="Monitoring"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Monitoring arrangements")
    look(page, "monitoring")
    page.get_by_role("navigation", name="Improvement plan").get_by_role(
        "link", name="Dashboard"
    ).click()
    expect(page.locator("#evidence-heading")).to_have_text("Evidence of progress")
    look(page, "dashboard")


def test_an_editor_reviews_and_signs_off(signed_in_page, cast, second_round, board):
    page = signed_in_page("erin_editor")
    page.goto(second_round.get_absolute_url())
    page.get_by_role("link", name="Review Recommendation 2").click()
    page.get_by_label("Partly met").check()
    page.get_by_label("Strengths").fill("Every plan audited has a contingency.")
    look(page, "entry-form")
    page.get_by_role("button", name="Save and mark reviewed").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "Recommendation 2 has been saved and marked reviewed"
    )
    page.get_by_role("link", name="Sign off the round").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("2 recommendations are not yet")
    review_all(second_round, cast.erin_editor, {1: "met", 2: "partly_met", 3: "met"})
    page.reload()
    page.get_by_role("button", name="Sign off").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Confirm the self-assessment is complete and agreed"
    )
    look(page, "sign-off-error")
    page.get_by_label("I confirm the self-assessment is complete and agreed").check()
    page.get_by_role("button", name="Sign off").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("signed off")
    second_round.refresh_from_db()
    assert second_round.status == RoundStatus.SIGNED_OFF
    expect(page.get_by_role("link", name="Sign off the round")).to_have_count(0)


def test_forums_and_monitoring_forms(signed_in_page, cast, first_round, board):
    page = signed_in_page("erin_editor")
    page.goto(f"/la/northbrook/forums/{board.pk}/")
    look(page, "forum")
    page.get_by_role("link", name="Add a meeting").click()
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("2")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Add the meeting").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Meeting date must be a real date")
    look(page, "meeting-error")
    page.goto(f"/la/northbrook/plans/{first_round.plan.pk}/monitoring/")
    page.get_by_role("link", name="Change the monitoring of Recommendation 2").click()
    page.get_by_label("Children's Improvement Board").check()
    page.get_by_label("Other evidence (optional)").fill("Missing from home tracker")
    look(page, "monitoring-form")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#recommendation-2")).to_contain_text("Missing from home tracker")
    expect(page.locator("#recommendation-2")).to_contain_text("Children's Improvement Board")
