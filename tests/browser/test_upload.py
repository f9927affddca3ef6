"""Adding an inspection report through the upload form."""

import pytest
from playwright.sync_api import expect

from ilacs.extraction.sample import sample_report_path
from ilacs.inspections.models import Inspection
from tests.browser.support import check_page

pytestmark = pytest.mark.browser

UPLOAD = "/la/northbrook/inspections/upload/"

# What a browser saves when the "PDF" link led to an error page instead.
HTML_ERROR_PAGE = b"""<!DOCTYPE html>
<html lang="en"><head><title>403 Forbidden</title></head>
<body><h1>Forbidden</h1><p>You don't have permission to access this resource.</p></body></html>
"""


def _upload(page, files):
    page.get_by_label("Upload an Ofsted report").set_input_files(files)
    page.get_by_role("button", name="Upload and read the report").click()


def test_upload_the_sample_report_then_the_same_file_again(signed_in_page, cast):
    page = signed_in_page("erin_editor")
    page.goto("/la/northbrook/")
    page.get_by_role("button", name="Add an inspection report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add an inspection report")
    check_page(page, "upload")

    _upload(page, sample_report_path())
    banner = page.locator(".govuk-notification-banner--success")
    expect(banner).to_contain_text("sample_report.txt has been added.")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inspection of local authority children’s services (ILACS)"
    )
    expect(page.locator(".ilacs-paragraph")).to_have_count(15)
    check_page(page, "inspection-added", mobile=False)
    added = page.url

    page.goto(UPLOAD)
    _upload(page, sample_report_path())
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "sample_report.txt was already held: this is its page."
    )
    assert page.url == added
    check_page(page, "inspection-already-held", mobile=False)
    assert Inspection.objects.count() == 1


def test_an_error_page_saved_as_pdf_is_explained(signed_in_page, cast):
    page = signed_in_page("erin_editor")
    page.goto(UPLOAD)
    # No file chosen.
    page.get_by_role("button", name="Upload and read the report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a report file")

    _upload(page, {"name": "report.pdf", "mimeType": "application/pdf", "buffer": HTML_ERROR_PAGE})
    expect(page).to_have_title("Error: Add an inspection report for Northbrook – ilacs")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    message = "The file is named as a PDF but is not one: it may be a web page saved with the wrong"
    expect(summary).to_contain_text(message)
    expect(page.locator("#id_report-error")).to_contain_text(message)
    expect(page.locator("#id_report-error")).to_contain_text(
        "Download the report again from the Ofsted website."
    )
    check_page(page, "upload-error")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Upload an Ofsted report")).to_be_focused()
    assert Inspection.objects.count() == 0
