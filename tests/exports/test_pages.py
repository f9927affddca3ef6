"""The Download links and the Documents page: who gets which file, and errors as pages."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document

from ilacs.exports.models import CouncilTemplate
from tests.base import EVERYONE
from tests.exports import templates
from tests.exports.reading import docx_text, pdf_pages

pytestmark = pytest.mark.django_db

OK, NOT_FOUND, FORBIDDEN, SIGN_IN = 200, 404, 403, 302
VIEW = {
    "alice_admin": OK,
    "erin_editor": OK,
    "cara_contributor": OK,
    "vic_viewer": OK,
    "olly_other_la": NOT_FOUND,
    "nora_nobody": NOT_FOUND,
    "sam_superuser": OK,
    None: SIGN_IN,
}
EDIT = {**VIEW, "cara_contributor": FORBIDDEN, "vic_viewer": FORBIDDEN}


def _url(plan, name, *args):
    return reverse(f"exports:{name}", args=[plan.local_authority.slug, plan.pk, *args])


@pytest.mark.parametrize("who", EVERYONE)
def test_members_download_every_document(client, cast, doc_plan, who):
    user = cast.user(who)
    if user is not None:
        client.force_login(user)
    urls = [
        _url(doc_plan, "documents"),
        _url(doc_plan, "download", "action-plan", "xlsx"),
        _url(doc_plan, "download", "plan-on-a-page", "pdf"),
        _url(doc_plan, "progress_report") + "?format=pdf",
    ]
    for url in urls:
        assert client.get(url).status_code == VIEW[who], (who, url)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_editors_and_admins_change_templates(client, cast, doc_plan, who):
    user = cast.user(who)
    if user is not None:
        client.force_login(user)
    response = client.post(
        _url(doc_plan, "house_style"),
        {
            "kind": "action-plan",
            "template": SimpleUploadedFile("house.docx", templates.GOOD),
        },
    )
    expected = {OK: 302}.get(EDIT[who], EDIT[who])
    assert response.status_code == expected, who
    assert CouncilTemplate.objects.exists() == (expected == 302)


def test_download_is_the_file_with_its_name(client, cast, doc_plan):
    client.force_login(cast.vic_viewer)
    response = client.get(_url(doc_plan, "download", "action-plan", "docx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    name = response["Content-Disposition"]
    assert name.startswith('attachment; filename="northbrook-action-plan-')
    assert name.endswith('.docx"')
    headings = [p.text for p in Document(io.BytesIO(response.content)).paragraphs[:1]]
    assert headings == ["Northbrook: written action plan"]


def test_a_format_a_document_is_not_made_in_is_not_found(client, cast, doc_plan):
    client.force_login(cast.erin_editor)
    assert client.get(_url(doc_plan, "download", "plan-on-a-page", "docx")).status_code == 404
    assert client.get(_url(doc_plan, "download", "annual-report", "pdf")).status_code == 404


def test_progress_report_for_a_chosen_period_and_forum(client, cast, doc_plan):
    client.force_login(cast.cara_contributor)
    query = (
        "?forum=Scrutiny+committee&start_day=1&start_month=3&start_year=2025"
        "&end_day=31&end_month=3&end_year=2025&format=pdf"
    )
    response = client.get(_url(doc_plan, "progress_report") + query)
    assert response.status_code == 200
    assert 'filename="northbrook-progress-report-2025-03-31.pdf"' in response["Content-Disposition"]
    text = " ".join(pdf_pages(response.content))
    assert "Report to Scrutiny committee." in text
    assert "Progress from 1 March 2025 to 31 March 2025" in text


def test_progress_report_form_errors_are_shown_on_the_page(client, cast, doc_plan):
    client.force_login(cast.erin_editor)
    query = (
        "?start_day=1&start_month=4&start_year=2025&end_day=1&end_month=3&end_year=2025&format=docx"
    )
    response = client.get(_url(doc_plan, "progress_report") + query)
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "From must be on or before To" in response.text
    response = client.get(_url(doc_plan, "progress_report") + "?start_day=40&format=docx")
    assert response.status_code == 400
    assert "From must include a month and a year" in response.text


def test_plan_page_and_dashboard_offer_every_document(client, cast, doc_plan):
    client.force_login(cast.vic_viewer)
    for name in ("detail", "dashboard"):
        page = client.get(reverse(f"plans:{name}", args=["northbrook", doc_plan.pk])).text
        assert 'id="downloads-heading">Download</h2>' in page
        for kind, fmt in (("action-plan", "docx"), ("action-plan", "pdf"),
                          ("action-plan", "xlsx"), ("plan-on-a-page", "pdf"),
                          ("cabinet-report", "docx")):  # fmt: skip
            assert _url(doc_plan, "download", kind, fmt) in page
        assert _url(doc_plan, "progress_report") + "?format=docx" in page


def test_a_council_template_is_used_for_word(client, cast, doc_plan):
    client.force_login(cast.erin_editor)
    response = client.post(
        _url(doc_plan, "house_style"),
        {"kind": "action-plan", "template": SimpleUploadedFile("house.docx", templates.GOOD)},
    )
    assert response.status_code == 302
    page = client.get(_url(doc_plan, "documents")).text
    assert "house.docx" in page
    response = client.get(_url(doc_plan, "download", "action-plan", "docx"))
    _, text = docx_text(response.content)
    assert "Northbrook Council house style" in text
    assert f"Northbrook: {doc_plan.title}, as at" in text
    assert "Action 1 SMART planning workshops led by Cara" in text
    assert "Action 2 Performance scorecard for the board led by Head of Performance is Red." in text
    assert "Bar chart of 3 actions by RAG" in text
    assert len(Document(io.BytesIO(response.content)).inline_shapes) == 1  # the chart
    # PDF is still the built-in layout; removing the template brings back the built-in Word.
    client.post(_url(doc_plan, "house_style"), {"remove": "action-plan"})
    response = client.get(_url(doc_plan, "download", "action-plan", "docx"))
    assert "Northbrook Council house style" not in docx_text(response.content)[1]


@pytest.mark.parametrize(
    "content, filename, message",
    [
        (templates.SYNTAX_ERROR, "bad.docx", "The template has a mistake in a placeholder"),
        (
            templates.UNKNOWN_PLACEHOLDER,
            "bad.docx",
            "The template uses a placeholder ilacs does not have: &#x27;chief_executive&#x27;",
        ),
        (b"%PDF-1.4 not word", "bad.docx", "The file is not a Word document (.docx)"),
        (templates.GOOD, "house.pdf", "The template must be a Word document (.docx)"),
    ],
)
def test_a_template_that_cannot_be_used_is_refused_with_the_reason(
    client, cast, doc_plan, content, filename, message
):
    client.force_login(cast.alice_admin)
    response = client.post(
        _url(doc_plan, "house_style"),
        {"kind": "progress-report", "template": SimpleUploadedFile(filename, content)},
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert message in response.text
    assert not CouncilTemplate.objects.exists()


def test_a_template_that_breaks_later_gives_a_page_not_a_500(client, cast, doc_plan):
    # Kept before a placeholder was renamed, say: the download explains instead of failing.
    CouncilTemplate.objects.create(
        local_authority=cast.northbrook,
        kind="cabinet-report",
        content=templates.UNKNOWN_PLACEHOLDER,
        filename="old.docx",
    )
    client.force_login(cast.vic_viewer)
    response = client.get(_url(doc_plan, "download", "cabinet-report", "docx"))
    assert response.status_code == 400
    assert "placeholder ilacs does not have" in response.text
