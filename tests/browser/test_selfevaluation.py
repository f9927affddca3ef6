"""The annual self-evaluation and evidence files in a real browser: the self-evaluation beside
the evidence, changing a section and reading an earlier version, last year beside this year,
and attaching a file to an action. Each page is checked with axe at desktop and phone width
and saved as screenshots in /tmp/shots/selfevaluation/ (desktop and phone) to be looked at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ilacs.evidence.models import EvidenceFile
from ilacs.plans import services as plan_services
from tests.browser.support import DESKTOP, MOBILE, check_page
from tests.selfevaluation.conftest import (  # noqa: F401 - fixtures
    caras_action,
    cp_audit,
    inspection,
    last_year,
    officers_action,
    plan,
    seen_in_time,
    theme,
    this_year,
)

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots")) / "selfevaluation"


def look(page, name: str) -> None:
    check_page(page, name, mobile=False)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(MOBILE)
    check_page(page, f"{name}-phone", mobile=False)  # axe at phone width too
    page.screenshot(path=str(SHOTS / f"{name}-mobile.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


@pytest.mark.usefixtures("this_year", "last_year", "seen_in_time", "cp_audit", "officers_action")
def test_self_evaluation_beside_the_evidence(signed_in_page, cast, caras_action):  # noqa: F811
    plan_services.post_update(
        caras_action, user=cast.cara_contributor, narrative="Going well.", rag="green"
    )
    page = signed_in_page("erin_editor")
    page.goto("/la/northbrook/")
    page.get_by_role("link", name="Self-evaluations of social work practice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Self-evaluations of social work practice"
    )
    look(page, "index")
    page.get_by_role("link", name="Self-evaluation of social work practice, 2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Self-evaluation of social work practice, 2026"
    )
    expect(page.locator("#section-know")).to_contain_text("Children seen within timescales")
    expect(page.locator("#section-know")).to_contain_text("12 points below target of 85%")
    expect(page.locator("#section-how")).to_contain_text("Plans are SMARTer.")
    expect(page.locator("#section-plans")).to_contain_text("Not yet evaluated")
    look(page, "detail")

    page.get_by_role("link", name="Write How do you know it?").click()
    page.get_by_label("Text").fill("Through quarterly audits moderated by senior managers.")
    page.get_by_role("button", name="Save a new version").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("version 1")
    expect(page.locator("#section-how")).to_contain_text("Version 1, saved by")

    page.get_by_role("link", name="Earlier versions of What do you know").click()
    look(page, "versions")
    page.get_by_role("link", name="Version 1").click()
    expect(page.get_by_text("Practice is improving: first draft.")).to_be_visible()
    look(page, "version")

    page.goto("/la/northbrook/self-evaluations/2026/")
    page.get_by_role("link", name="Compare with 2025").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("2026 beside 2025")
    look(page, "compare")


def test_attach_evidence_to_an_action(signed_in_page, cast, caras_action, tmp_path):  # noqa: F811
    page = signed_in_page("cara_contributor")
    page.goto(caras_action.get_absolute_url())
    page.get_by_text("Attach a file to this action").click()
    pdf = tmp_path / "attendance.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.get_by_label("File", exact=True).set_input_files(str(pdf))
    page.get_by_label("What the file shows").fill("Workshop attendance register")
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Attach the file").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text(
        "attendance.pdf has been attached"
    )
    expect(page.get_by_role("link", name="attendance.pdf")).to_be_visible()
    assert EvidenceFile.objects.get().description == "Workshop attendance register"
    look(page, "action-with-evidence")

    bad = tmp_path / "values.xlsx"
    bad.write_bytes(b"MZ\x90\x00 a program")
    page.get_by_text("Attach a file to this action").click()
    page.get_by_label("File", exact=True).set_input_files(str(bad))
    page.get_by_label("What the file shows").fill("Values")
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("5")
    page.get_by_label("Year").fill("2025")
    page.get_by_role("button", name="Attach the file").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The selected file is a program")
    look(page, "attach-error")
