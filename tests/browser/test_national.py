"""The national pages in a real browser, at desktop and phone width: grades over time, topics,
inspections due and a council's record, reached from the header, each checked with axe and for
sideways scrolling on a phone, and saved as screenshots in /tmp/shots/national/ to be looked at.
A member of another council sees Northbrook's published record and not its plan."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ilacs.plans.models import Requirement
from tests.browser.support import DESKTOP, MOBILE, check_page, open_header_menu
from tests.factories import ImprovementPlanFactory
from tests.national.conftest import TODAY, council, inspect, neighbours

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots")) / "national"


def look(page, name: str) -> None:
    check_page(page, name, mobile=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(MOBILE)
    check_page(page, f"{name}-phone", mobile=False)
    page.screenshot(path=str(SHOTS / f"{name}-mobile.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


@pytest.fixture
def country(cast, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    regions = ["South West", "London", "North West", "East of England"]
    grades = ["good", "requires_improvement", "inadequate", "outstanding", "good"]
    topics = [
        ["workforce"],
        ["management_oversight", "plans"],
        ["care_leavers"],
        ["voice_participation"],
    ]
    others = []
    for n in range(12):
        la = council(f"Shire {n + 1}", regions[n % 4])
        others.append(la)
        for j, year in enumerate((2014, 2018, 2022)):
            inspect(
                la,
                dt.date(year, 1 + n % 12, 6),
                grades[(n + j) % 5],
                report_type="sif" if year == 2014 else "ilacs",
                judgements={"help_and_protection": grades[(n + 2 * j) % 5]},
                recommendations=topics[(n + j) % 4 :] + topics[: (n + j) % 2],
            )
    inspect(others[0], dt.date(2024, 2, 5), "good")  # its window is open on TODAY
    cast.northbrook.region = "South West"
    cast.northbrook.save()
    neighbours(cast.northbrook, *others[:10])
    inspect(
        cast.northbrook,
        dt.date(2019, 3, 4),
        "requires_improvement",
        recommendations=[["voice_participation"], ["management_oversight"]],
    )
    latest = inspect(
        cast.northbrook,
        dt.date(2024, 3, 4),
        "good",
        judgements={"help_and_protection": "good", "impact_of_leaders": "good"},
        recommendations=[["management_oversight"], ["care_leavers"]],
    )
    plan = ImprovementPlanFactory(inspection=latest, title="Northbrook improvement plan")
    for recommendation in latest.recommendations.all():
        Requirement.objects.create(
            plan=plan,
            number=recommendation.number,
            recommendation=recommendation,
            text=recommendation.text,
        )
    return others


def test_national_pages(signed_in_page, country):
    page = signed_in_page("olly_other_la")  # not a member of Northbrook
    page.goto("/")
    if page.get_by_role("link", name="National picture").is_hidden():
        open_header_menu(page)
    page.get_by_role("link", name="National picture").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("National picture")
    look(page, "index")

    page.get_by_role("link", name="Grades over time").first.click()
    expect(
        page.get_by_role("img", name="Overall effectiveness: inspections by grade and year")
    ).to_be_visible()
    expect(page.get_by_role("row", name="2018")).to_contain_text(
        "ILACS framework from January 2018"
    )
    look(page, "grades")
    page.get_by_label("Judgement").select_option("help_and_protection")
    page.get_by_role("button", name="Show grades").click()
    expect(page.get_by_role("heading", name="Help and protection, by year")).to_be_visible()

    page.goto("/national/topics/")
    expect(
        page.get_by_role("table", name="The three most frequent improvement topics each year")
    ).to_be_visible()
    look(page, "topics")

    page.goto("/national/due/")
    expect(page.get_by_text("As at 30 November 2026")).to_be_visible()
    shire_1 = page.get_by_role("rowheader", name="Shire 1", exact=True)
    expect(page.locator("#table-due tr", has=shire_1)).to_contain_text("Window open")
    look(page, "due")

    page.goto("/la/northbrook/")
    expect(
        page.get_by_text("Published inspection data: visible to everyone signed in")
    ).to_be_visible()
    expect(page.get_by_text("Northbrook improvement plan")).to_have_count(0)
    expect(page.locator("#recurring").locator("xpath=following-sibling::ul[1]")).to_contain_text(
        "Management oversight and supervision"
    )
    look(page, "council-page")
    page.get_by_role("link", name="Northbrook's full record").click()
    expect(
        page.get_by_role(
            "table", name="Northbrook and its statistical neighbours: latest graded inspection"
        )
    ).to_be_visible()
    look(page, "council-record")


def test_plan_page_says_what_was_asked_for_before(signed_in_page, country):
    page = signed_in_page("erin_editor")
    page.goto("/la/northbrook/")
    page.get_by_role("link", name="View improvement plan").click()
    expect(page.locator("#requirement-1")).to_contain_text(
        "Also asked for in 2019: recommendation 2"
    )
    expect(page.locator(".ilacs-next-inspection")).to_contain_text("The window is open now")
    look(page, "plan")
