"""What a board member reads first, on a phone and on paper: Northbrook's demonstration plan
(sixteen actions, overdue ones, a RAG set by hand) on the plan, dashboard and action pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ilacs.accounts.models import Role
from tests.browser.support import overflow_x, sign_in

pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots")) / "phone-and-print"


@pytest.fixture
def demo_plan(sample_inspection, cast):
    """The demonstration plan (src/ilacs/demo/plan_content.py) on the sample inspection, written
    by the people of tests/base.py."""
    from ilacs.demo.load import DemoContext, DemoUser, load_demo_improvement_plan

    people = [
        (cast.alice_admin, Role.ADMIN),
        (cast.erin_editor, Role.EDITOR),
        (cast.cara_contributor, Role.CONTRIBUTOR),
        (cast.vic_viewer, Role.VIEWER),
    ]
    context = DemoContext(
        local_authority=cast.northbrook,
        inspection=sample_inspection,
        users=[DemoUser(user.username, "", role, user) for user, role in people],
    )
    return load_demo_improvement_plan(context)


def _pages(plan) -> dict[str, str]:
    return {
        "plan": plan.get_absolute_url(),
        "dashboard": plan.get_absolute_url() + "dashboard/",
    }


@pytest.mark.parametrize(("width", "height"), [(320, 568), (375, 667)])
def test_on_a_phone_the_first_actions_rag_is_on_the_first_screens(
    make_page, demo_plan, width, height
):
    page = make_page(
        viewport={"width": width, "height": height},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    sign_in(page, "vic_viewer")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, url in _pages(demo_plan).items():
        page.goto(url)
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
        first_row = page.locator(".ilacs-actions-table tbody tr").first
        rag = first_row.locator(".ilacs-rag-tag").bounding_box()
        row = first_row.bounding_box()
        assert overflow_x(page) == 0, name  # the page itself does not scroll sideways
        # The first action's RAG, without scrolling its table sideways ...
        assert rag["x"] >= 0 and rag["x"] + rag["width"] <= width, (name, rag)
        if name == "dashboard":  # ... and its first result on the first screen or two
            assert row["y"] + rag["height"] <= 2 * height, (name, row)


def _printed_text(page, name: str) -> str:
    """The page printed to PDF (A4) as the browser prints it, and the text of that PDF; the PDF
    and a PNG of its first page are kept in /tmp/shots/phone-and-print/ to be looked at."""
    import pypdfium2

    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"print-{name}.pdf"
    page.pdf(path=str(path), format="A4", print_background=True)
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        pdf[0].render(scale=1.5).to_pil().save(SHOTS / f"print-{name}.png")
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def test_printing_the_plan_the_dashboard_and_an_action(signed_in_page, demo_plan):
    page = signed_in_page("erin_editor")  # an editor: the pages have buttons and edit links
    action = demo_plan.actions.get(number=1)
    pages = {**_pages(demo_plan), "action": action.get_absolute_url()}
    printed = {}
    for name, url in pages.items():
        page.goto(url)
        page.emulate_media(media="print")
        hidden = page.evaluate(
            """() => Array.from(document.querySelectorAll(
                '.govuk-skip-link, header, .govuk-breadcrumbs, .ilacs-subnav, form, .govuk-button,'
                + ' footer')).filter(e => e.offsetParent !== null || e.getClientRects().length)
                .map(e => e.outerHTML.slice(0, 80))"""
        )
        assert hidden == [], (name, hidden)  # nothing of these is printed
        tag = page.locator(".ilacs-rag-tag").first
        assert tag.evaluate("e => getComputedStyle(e).printColorAdjust") == "exact"
        text = _printed_text(page, name)
        page.emulate_media(media="screen")
        assert "/la/northbrook/" not in text, name  # no link addresses
        for words in ("Sign out", "Your local authorities", "Filter actions", "Apply filters",
                      "Post a progress update", "Change the action", "Skip to main content",
                      "Open Government Licence"):  # fmt: skip
            assert words not in text, (name, words)
        assert "CompleteComplete" not in text, name  # the RAG tag and the status stay apart
        printed[name] = " ".join(text.split())
    # What the board reads is all there: RAG words, and the action's own page.
    assert all(word in printed["dashboard"] for word in ("Red", "Amber", "Green", "Overdue"))
    assert "Practice excellence" in printed["plan"]
    assert " ".join(action.title.split()[:3]) in printed["action"]
