"""Documents in a real browser: the Documents page (checked with axe and at phone width), a
progress report with a mistake in its dates, then downloaded; the action plan downloaded from the
plan page's Download section."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import check_page
from tests.exports.conftest import doc_plan  # noqa: F401 (the fixture)
from tests.exports.reading import docx_headings, pdf_pages

pytestmark = pytest.mark.browser


def test_documents_page_and_downloads(signed_in_page, cast, doc_plan):  # noqa: F811
    page = signed_in_page("erin_editor")
    page.goto(f"/la/northbrook/plans/{doc_plan.pk}/")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("link", name="Word (written action plan)").click(timeout=60_000)
    path = download.value.path()
    assert download.value.suggested_filename.startswith("northbrook-action-plan-")
    with open(path, "rb") as f:
        assert ("Title", "Northbrook: written action plan") in docx_headings(f.read())

    page.goto(f"/la/northbrook/plans/{doc_plan.pk}/documents/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")
    check_page(page, "documents")
    page.locator("#id_start_day").fill("1")
    page.locator("#id_start_month").fill("4")
    page.locator("#id_start_year").fill("2025")
    page.locator("#id_end_day").fill("1")
    page.locator("#id_end_month").fill("3")
    page.locator("#id_end_year").fill("2025")
    page.get_by_role("button", name="Download the progress report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("From must be on or before To")
    check_page(page, "documents-error")
    page.locator("#id_start_month").fill("3")
    page.locator("#id_end_month").fill("3")
    page.locator("#id_end_day").fill("31")
    page.get_by_label("PDF").check()
    # Making the PDF takes a few seconds on a busy machine: wait for it longer than for a page.
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the progress report").click(timeout=60_000)
    with open(download.value.path(), "rb") as f:
        assert "Progress from 1 March 2025 to 31 March 2025" in " ".join(pdf_pages(f.read()))
