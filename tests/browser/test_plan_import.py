"""Importing an existing action plan in a real browser: a CSV with a bad row (the problems
listed, nothing imported), then a Word document laid out like a council's written plan, its
columns, its preview and the confirmation. Each page is checked with axe and at phone width."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from ilacs.plans.models import ImprovementPlan
from tests.browser.support import check_page
from tests.plans.conftest import make_inspection
from tests.plans.test_import import SEED_LIKE, _word_plan

pytestmark = pytest.mark.browser


def test_import_flow(signed_in_page, cast, tmp_path):
    inspection = make_inspection(cast.northbrook)
    page = signed_in_page("erin_editor")
    page.goto(inspection.get_absolute_url())
    page.get_by_role("link", name="Import an existing action plan").click()
    check_page(page, "plan-import-upload")
    bad = tmp_path / "plan.csv"
    bad.write_text("Action,Lead,Timescale\nAudit plans,Head of Service,31/13/2026\n")
    page.get_by_label("Upload the action plan").set_input_files(str(bad))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What each column holds")
    check_page(page, "plan-import-columns")
    page.get_by_role("button", name="Check the rows").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Row 2: 31/13/2026 is not a date")
    check_page(page, "plan-import-errors")
    page.get_by_role("link", name="upload the file again").click()
    good = tmp_path / "plan.docx"
    good.write_bytes(_word_plan(SEED_LIKE))
    page.get_by_label("Upload the action plan").set_input_files(str(good))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("“Key Lead”")).to_have_value("lead")
    page.get_by_role("button", name="Check the rows").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the actions before importing")
    check_page(page, "plan-import-preview")
    page.get_by_role("button", name="Import these actions").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("3 actions")
    assert ImprovementPlan.objects.get(inspection=inspection).actions.count() == 3
