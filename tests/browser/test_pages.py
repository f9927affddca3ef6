"""The pages that exist today, as a council officer sees them in a browser."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ilacs.extraction.sample import sample_report_path
from tests.browser.support import (
    MOBILE,
    SIGN_OUT_BUTTON,
    check_page,
    open_header_menu,
    overflow_x,
    sign_in,
)

pytestmark = pytest.mark.browser

GRADES = [
    ("The impact of leaders on social work practice with children and families",
     "Requires improvement to be good"),
    ("The experiences and progress of children who need help and protection",
     "Requires improvement to be good"),
    ("The experiences and progress of children in care", "Good"),
    ("The experiences and progress of care leavers", "Requires improvement to be good"),
    ("Overall effectiveness", "Requires improvement to be good"),
]  # fmt: skip


def test_home(signed_in_page, sample_inspection):
    page = signed_in_page("vic_viewer")
    expect(page).to_have_title("Your work – ilacs")
    row = page.get_by_role("row", name="Northbrook")
    expect(row).to_contain_text("Your role: viewer")
    expect(row.get_by_role("link", name="4 to 15 March 2024")).to_be_visible()
    expect(row.locator(".govuk-tag")).to_have_text("Requires improvement to be good")
    page.get_by_text("What each role can do").click()
    expect(page.get_by_text("Posts progress updates on the actions they lead.")).to_be_visible()
    check_page(page, "home")


def test_home_for_someone_in_no_council(signed_in_page, cast):
    page = signed_in_page("nora_nobody")
    expect(page.locator("main")).to_contain_text("You are not a member of any local authority yet.")
    check_page(page, "home-no-council", mobile=False)


def test_local_authority_list(signed_in_page, sample_inspection, reference_councils):
    page = signed_in_page("sam_superuser")
    page.get_by_role("link", name="All local authorities", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Local authorities")
    expect(page.locator("main")).to_contain_text("158 local authorities, by region.")
    expect(page.locator("caption").first).to_have_text("North East")
    fictional = page.get_by_role("table", name="Fictional councils")
    expect(fictional.get_by_role("row", name="Northbrook")).to_contain_text(
        "Requires improvement to be good"
    )
    expect(page.get_by_role("link", name="Kent", exact=True)).to_be_visible()
    check_page(page, "la-list")


def test_local_authority_list_shows_every_council_to_everyone(signed_in_page, cast):
    # Published inspections are public: every signed-in person sees every council's record.
    page = signed_in_page("erin_editor")
    page.goto("/la/")
    expect(page.locator("main")).to_contain_text("2 local authorities, by region.")
    expect(page.get_by_role("link", name="Southmere")).to_be_visible()


def test_local_authority_page(signed_in_page, sample_inspection):
    page = signed_in_page("erin_editor")
    page.get_by_role("link", name="Northbrook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Northbrook")
    expect(page.locator(".govuk-caption-l")).to_have_text("Fictional council")
    expect(page.locator(".govuk-inset-text")).to_contain_text("This council is fictional.")
    row = page.get_by_role("row", name="4 to 15 March 2024")
    expect(row).to_contain_text("Inspection of local authority children’s services (ILACS)")
    expect(row).to_contain_text("Care leavers: Requires improvement to be good")
    expect(page.get_by_role("button", name="Add an inspection report")).to_be_visible()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Editor")
    check_page(page, "la-page")

    # A viewer has no upload button.
    sign_in(page, "vic_viewer")
    page.goto("/la/northbrook/")
    expect(page.get_by_role("button", name="Add an inspection report")).to_have_count(0)


def test_inspection_page(signed_in_page, sample_inspection):
    page = signed_in_page("vic_viewer")
    page.get_by_role("link", name="4 to 15 March 2024").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inspection of local authority children’s services (ILACS)"
    )
    expect(page.locator(".govuk-summary-list")).to_contain_text("Jane Example")

    # Judgements, with grades as Ofsted prints them.
    judgements = page.get_by_role("table", name="Ofsted's judgements, as printed in the report")
    rows = judgements.locator("tbody tr")
    expect(rows).to_have_count(len(GRADES))
    for row, (judgement, grade) in zip(rows.all(), GRADES, strict=True):
        expect(row.get_by_role("rowheader")).to_have_text(judgement)
        expect(row.locator(".govuk-tag")).to_have_text(grade)

    # What needs to improve, with page references.
    improve = page.locator("ol.ilacs-recommendations > li")
    expect(improve).to_have_count(4)
    expect(improve.first).to_contain_text("The quality and timeliness of plans")
    expect(improve.first).to_contain_text("Page 1")

    # Findings: 15 numbered paragraphs in their sections, each with its citation.
    expect(page.locator(".ilacs-paragraph")).to_have_count(15)
    expect(page.locator("#paragraph-13")).to_contain_text("Paragraph 13, page 4")
    page.get_by_role("link", name="The experiences and progress of care leavers").click()
    assert page.url.endswith("#section-3")
    expect(page.locator("#section-3")).to_be_in_viewport()
    check_page(page, "inspection")


def test_the_report_downloads_for_a_member(signed_in_page, sample_inspection):
    page = signed_in_page("vic_viewer")
    page.goto(sample_inspection.get_absolute_url())
    with page.expect_download() as info:
        page.get_by_role("link", name="Download sample_report.txt").click()
    download = info.value
    assert download.failure() is None
    assert download.suggested_filename == "sample_report.txt"
    assert open(download.path(), "rb").read() == sample_report_path().read_bytes()


def test_another_councils_member_sees_page_not_found(signed_in_page, sample_inspection):
    # A published report is everyone's; a draft Ofsted has not published yet is the council's.
    from ilacs.inspections.models import Inspection

    page = signed_in_page("olly_other_la")
    url = reverse("inspections:source", args=["northbrook", sample_inspection.pk])
    assert page.request.get(url).status == 200
    Inspection.objects.filter(pk=sample_inspection.pk).update(ofsted_published=False)
    assert page.request.get(url).status == 404
    response = page.goto(sample_inspection.get_absolute_url())
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    check_page(page, "not-found", mobile=False)


def test_a_viewer_cannot_upload(signed_in_page, cast):
    page = signed_in_page("vic_viewer")
    response = page.goto(reverse("inspections:upload", args=["northbrook"]))
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    check_page(page, "forbidden", mobile=False)


def test_inspection_page_on_a_phone(mobile_page, sample_inspection):
    page = sign_in(mobile_page, "vic_viewer")
    page.goto(sample_inspection.get_absolute_url())
    assert page.viewport_size == MOBILE
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # Nothing is wider than the phone: no sideways scrolling.
    assert overflow_x(page) == 0
    for element in page.locator("main table, main .govuk-tag").all():
        box = element.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"], box
    # The header's links and the sign-out button fit on the phone, under GOV.UK's Menu button.
    header = page.get_by_role("banner")
    open_header_menu(page)
    for item in (
        header.get_by_role("link", name="Your local authorities"),
        header.get_by_role("button", name=SIGN_OUT_BUTTON),
    ):
        expect(item).to_be_visible()
        box = item.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= MOBILE["width"], box
    check_page(page, "inspection-phone")
