"""Measures in a real browser: the measure page with its chart and table, a scorecard, an audit
stream, and the import flow (a file with a bad row, then a good one, its preview, confirmation).
Each page is checked with axe and at phone width, and saved as screenshots in
/tmp/shots/measures/ (desktop and phone) to be looked at."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ilacs.measures import services
from ilacs.measures.models import MeasureValue
from tests.browser.support import DESKTOP, MOBILE, check_page
from tests.measures.conftest import value

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots")) / "measures"


def look(page, name: str) -> None:
    check_page(page, name, mobile=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(MOBILE)
    page.screenshot(path=str(SHOTS / f"{name}-mobile.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


@pytest.fixture
def measure(cast):
    from decimal import Decimal

    m = services.create_measure(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children seen within timescales",
        unit="percent",
        direction="higher",
        frequency="monthly",
        target=Decimal(85),
        amber_tolerance=Decimal(5),
    )
    numbers = [
        70,
        72,
        71,
        75,
        74,
        78,
        77,
        80,
        79,
        81,
        82,
        80,
        83,
        84,
        82,
        85,
        86,
        84,
        83,
        82,
        81,
        80,
        79,
        78,
    ]
    for i, n in enumerate(numbers):
        period = dt.date(2024 + (i // 12), i % 12 + 1, 1)
        services.record_value(
            m,
            user=cast.erin_editor,
            item=value(period, n, england=82 + i * 0.1, statistical_neighbours=80, region=81.5),
        )
    services.record_value(m, user=cast.erin_editor, item=value(dt.date(2025, 12, 1), 77.5))
    return m


def test_measure_scorecard_and_audit_pages(signed_in_page, cast, measure):
    from decimal import Decimal

    services.save_scorecard(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children and Families Scorecard",
        measures=[measure],
    )
    stream = services.save_audit_stream(
        cast.northbrook, user=cast.erin_editor, name="Supervision", target=Decimal(60)
    )
    for i, good in enumerate((7, 9, 11, 12)):
        services.record_audit_result(
            stream,
            user=cast.erin_editor,
            item=services.AuditInput(
                dt.date(2025, 1 + 3 * i, 1), 20, 1, good - 1, 18 - good, 2, "Reflection improving."
            ),
        )
    page = signed_in_page("vic_viewer")
    page.goto("/la/northbrook/")
    page.get_by_role("link", name="Measures, scorecards and case audits").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Measures and audits")
    look(page, "index")
    page.get_by_role("link", name="Children seen within timescales").click()
    expect(page.get_by_role("img", name="Children seen within timescales: trend")).to_be_visible()
    expect(page.get_by_text("Red 7.5 points below target of 85%, in December 2025")).to_be_visible()
    expect(page.get_by_role("row", name="December 2025")).to_contain_text("77.5%")
    look(page, "measure")
    page.goto("/la/northbrook/measures/")
    page.get_by_role("link", name="Children and Families Scorecard").click()
    expect(page.get_by_role("img", name="Children seen within timescales: trend")).to_be_visible()
    look(page, "scorecard")
    page.goto("/la/northbrook/measures/")
    page.get_by_role("link", name="Supervision").click()
    expect(page.get_by_role("row", name="Q3 2025-26")).to_contain_text("60.0%")
    look(page, "audit")


def test_import_flow(signed_in_page, cast, measure, tmp_path):
    page = signed_in_page("cara_contributor")
    page.goto(measure.get_absolute_url())
    page.get_by_role("link", name="Import values").click()
    bad = tmp_path / "values.csv"
    bad.write_text("Measure,Period,Value\nChildren seen in timescales,13/2025,80\n")
    page.get_by_label("Upload a file").set_input_files(str(bad))
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Nothing was imported")
    expect(page.locator("#problems")).to_contain_text(
        "Did you mean “Children seen within timescales”?"
    )
    look(page, "import-errors")
    good = tmp_path / "good.csv"
    good.write_text(
        "Measure,Period,Value,England\nChildren seen within timescales,January 2026,84,83\n"
        "Children seen within timescales,December 2025,78,\n"
    )
    page.get_by_label("Upload a file").set_input_files(str(good))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check the import")
    expect(page.get_by_role("row", name="December 2025")).to_contain_text("Correction")
    look(page, "import-preview")
    page.get_by_role("button", name="Import these values").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "1 new, 1 corrected"
    )
    assert MeasureValue.objects.get(period=dt.date(2026, 1, 1)).value == 84


def test_enter_a_value_form(signed_in_page, cast, measure):
    page = signed_in_page("cara_contributor")
    page.goto(measure.get_absolute_url())
    page.get_by_role("link", name="Enter a value").click()
    page.get_by_label("Value", exact=True).fill("-3")
    page.get_by_role("button", name="Save the value").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("A percentage cannot be negative")
    look(page, "value-error")
