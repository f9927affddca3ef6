"""Each document, opened with its reading library: headings, a requirement's text, the RAG in
words, the lead, and what each document exists to say."""

from __future__ import annotations

import datetime as dt

import pytest

from ilacs.exports import data
from ilacs.exports.documents import ExportError, generate
from ilacs.plans.rag import Rag
from tests.exports.conftest import PERIOD, TODAY
from tests.exports.reading import (
    docx_alt_texts,
    docx_header_rows_repeat,
    docx_headings,
    docx_tables,
    docx_text,
    pdf_metadata,
    pdf_pages,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db


def test_action_plan_word(doc_plan):
    document = generate("action-plan", doc_plan, "docx", today=TODAY)
    assert document.filename == "northbrook-action-plan-2025-03-31.docx"
    headings = docx_headings(document.content)
    assert ("Title", "Northbrook: written action plan") in headings
    assert ("Heading 1", "The inspection's judgements") in headings
    assert ("Heading 1", "What needs to improve") in headings
    assert ("Heading 2", "Practice excellence") in headings
    assert ("Heading 2", "Other actions") in headings  # the scorecard has no theme
    assert docx_header_rows_repeat(document.content)
    tables = docx_tables(document.content)
    judgements = next(t for t in tables if t[0] == ["Judgement", "Grade"])
    assert [
        "The impact of leaders on social work practice with children and families",
        "Requires improvement to be good",
    ] in judgements
    improve = next(t for t in tables if t[0][1] == "What Ofsted said needs to improve")
    assert ["1", "Improve area 1.", "1", "1, 3"] in improve
    theme = next(t for t in tables if any("SMART planning workshops" in c for c in t[1]))
    assert theme[0][0] == "Action" and theme[0][-1] == "RAG"
    row = next(r for r in theme if r[0] == "1. SMART planning workshops")
    assert row[1] == "1, 2"
    assert "Cara" in row[3] and "Head of Service, Children in Need" in row[3]
    assert row[4] == "30 June 2025"
    assert row[5] == "10 March 2025: Two teams postponed their workshop."
    assert row[6] == "All 18 teams attend."
    assert row[7] == "Amber"
    assert "Materials ready (1 May 2025)" in row[2]
    audit = next(r for r in theme if r[0] == "3. Quarterly practice audit")
    assert audit[7] == "Complete"
    other = next(t for t in tables if any("Performance scorecard" in c for c in t[1]))
    assert other[1][7] == "Red"


def test_action_plan_pdf(doc_plan):
    document = generate("action-plan", doc_plan, "pdf", today=TODAY)
    pages = pdf_pages(document.content)
    text = " ".join(pages)
    assert text.startswith("Northbrook: written action plan")
    for words in (
        "The inspection's judgements",
        "Requires improvement to be good",
        "Improve area 2.",
        "Practice excellence",
        "SMART planning workshops",
        "Head of Performance",
        "Two teams postponed their workshop.",
        "All 18 teams attend.",
        "Amber",
        "Red",
        "Complete",
    ):
        assert words in text, words
    assert pdf_metadata(document.content)["Title"] == "Northbrook: written action plan"
    assert b"/Lang (en-GB)" in document.content


def test_action_plan_excel(doc_plan):
    document = generate("action-plan", doc_plan, "xlsx", today=TODAY)
    rows = xlsx_rows(document.content, "Action plan")
    header = rows[0]
    assert header[:4] == ("Action", "Theme", "Title", "Recommendations")
    by_number = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    workshops = by_number[1]
    assert workshops["Theme"] == "Practice excellence"
    assert workshops["Recommendations"] == "1, 2"
    assert "Head of Service, Children in Need" in workshops["Key lead"]
    assert workshops["Due date"].date() == dt.date(2025, 6, 30)  # a real date, sortable
    assert workshops["RAG"] == "Amber"
    assert workshops["Progress to date"] == "Two teams postponed their workshop."
    assert by_number[2]["RAG"] == "Red" and "Overdue" in by_number[2]["Why this RAG"]
    recommendations = xlsx_rows(document.content, "Recommendations")
    assert recommendations[1] == (1, "Improve area 1.", 1, "1, 3")


def test_words_that_look_like_formulas_stay_words_in_excel(doc_plan):
    # A title or update typed as "=..." must not become a live formula in the file the board
    # opens (formula injection), nor stop the file being imported back.
    import io

    from openpyxl import load_workbook

    from ilacs.plans.models import Action, ProgressUpdate
    from ilacs.tables import read_file

    title = '=HYPERLINK("http://example.org","Open the evidence")'
    action = doc_plan.actions.get(number=1)
    Action.objects.filter(pk=action.pk).update(title=title)
    ProgressUpdate.objects.filter(action=action).update(narrative="=1+1 teams done")
    document = generate("action-plan", doc_plan, "xlsx", today=TODAY)
    book = load_workbook(io.BytesIO(document.content))
    assert not [
        c.coordinate for s in book for row in s.iter_rows() for c in row if c.data_type == "f"
    ]
    rows = xlsx_rows(document.content, "Action plan")
    first = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == 1), strict=True))
    assert first["Title"] == title and first["Progress to date"] == "=1+1 teams done"
    assert read_file(document.content, "plan.xlsx")  # no "holds a formula" refusal


def test_progress_report_word(doc_plan):
    start, end = PERIOD
    document = generate(
        "progress-report", doc_plan, "docx", start=start, end=end, forum="Improvement board"
    )
    assert document.filename == "northbrook-progress-report-2025-03-31.docx"
    paragraphs, text = docx_text(document.content)
    assert "Report to Improvement board." in text
    headings = [t for s, t in docx_headings(document.content)]
    assert headings[:1] == ["Northbrook: improvement plan progress report"]
    for heading in ("RAG summary", "RAG changes", "Actions completed", "Overdue actions",
                    "Progress updates in the period"):  # fmt: skip
        assert heading in headings
    # The chart has alt text giving the same numbers as the table.
    (alt,) = docx_alt_texts(document.content)
    assert "At 1 March 2025" in alt and "Amber 1" in alt
    tables = docx_tables(document.content)
    summary = next(t for t in tables if t[0][0] == "RAG")
    assert summary[0] == ["RAG", "At 1 March 2025", "At 31 March 2025"]
    changes = next(t for t in tables if t[0] == ["Action", "Key lead", "Why", "Before", "Now"])
    rows = {r[0]: r for r in changes[1:]}
    assert rows["1. SMART planning workshops"][3:] == ["Green", "Amber"]
    # Due on the last day before the period, with no update: Amber then, Red (overdue) now.
    assert rows["2. Performance scorecard for the board"][3:] == ["Amber", "Red"]
    assert rows["3. Quarterly practice audit"][3:] == ["Green", "Complete"]
    completed = next(t for t in tables if t[0] == ["Action", "Key lead", "Progress to date", "RAG"])
    assert completed[1][0] == "3. Quarterly practice audit"
    assert "Audit cycle complete." in completed[1][2]
    overdue = next(t for t in tables if t[0][:3] == ["Action", "Key lead", "Due"])
    assert overdue[1][0] == "2. Performance scorecard for the board"
    assert "Data team short-staffed" in overdue[1][3]
    updates = next(t for t in tables if t[0] == ["Action", "Date", "By", "Progress", "RAG"])
    narratives = [r[3] for r in updates[1:]]
    assert "Workshops booked." not in narratives  # January: before the period
    assert "Two teams postponed their workshop.\nEvidence: Attendance log" in narratives


def test_progress_report_pdf(doc_plan):
    start, end = PERIOD
    document = generate("progress-report", doc_plan, "pdf", start=start, end=end)
    text = " ".join(pdf_pages(document.content))
    for words in ("RAG summary", "RAG changes", "Overdue actions", "Head of Performance",
                  "Data team short-staffed", "Complete", "Red", "Amber"):  # fmt: skip
        assert words in text, words


def test_progress_report_period_must_run_forwards(doc_plan):
    with pytest.raises(ExportError, match="start date must be on or before"):
        generate(
            "progress-report", doc_plan, "pdf", start=dt.date(2025, 4, 1), end=dt.date(2025, 3, 1)
        )


def test_rag_as_of_a_date_reads_the_history(doc_plan):
    numbers = dict(doc_plan.actions.values_list("pk", "number"))
    before = {
        numbers[pk]: rag for pk, rag in data.rags_as_of(doc_plan, dt.date(2025, 2, 28)).items()
    }
    # The scorecard was due that day with no update yet: Amber by the due-soon rule.
    assert before == {1: Rag.GREEN, 2: Rag.AMBER, 3: Rag.GREEN}
    at_end = data.rags_as_of(doc_plan, dt.date(2025, 3, 31))
    assert {numbers[pk]: rag for pk, rag in at_end.items()} == {
        1: Rag.AMBER,
        2: Rag.RED,
        3: Rag.COMPLETE,
    }
    assert data.rags_as_of(doc_plan, dt.date(2024, 5, 1)) == {}  # before the plan's actions


def test_plan_on_a_page(doc_plan):
    document = generate("plan-on-a-page", doc_plan, "pdf", today=TODAY)
    pages = pdf_pages(document.content)
    assert len(pages) == 1
    text = pages[0]
    for words in ("Northbrook: improvement plan on a page", "Progress by theme",
                  "Practice excellence", "Needs attention", "Performance scorecard for the board",
                  "Head of Performance", "Improve area 3.", "Red", "Amber"):  # fmt: skip
        assert words in text, words


def test_the_cabinet_reports_previous_inspection_is_a_published_one(doc_plan):
    # A Cabinet paper is public: a report withdrawn as uploaded by mistake, or a draft Ofsted has
    # not published, is never "the previous inspection".
    import datetime as dt

    from django.utils import timezone

    from ilacs.exports.data import previous_graded_inspection
    from tests.factories import InspectionFactory

    current = doc_plan.inspection
    previous = previous_graded_inspection(current)
    assert previous is not None
    la = current.local_authority
    later = previous.inspection_start + dt.timedelta(days=30)
    for hidden in (
        InspectionFactory(
            local_authority=la, inspection_start=later, overall_effectiveness="outstanding",
            ofsted_published=True, withdrawn_at=timezone.now(),
        ),
        InspectionFactory(
            local_authority=la, inspection_start=later + dt.timedelta(days=30),
            overall_effectiveness="outstanding", ofsted_published=False,
        ),
    ):  # fmt: skip
        assert previous_graded_inspection(current) == previous, hidden


def test_cabinet_report(doc_plan):
    document = generate("cabinet-report", doc_plan, "docx", today=TODAY)
    assert document.filename == "northbrook-cabinet-report-2025-03-31.docx"
    paragraphs, text = docx_text(document.content)
    headings = [t for s, t in docx_headings(document.content)]
    assert "3. The inspection's judgements" in headings
    assert "4. Strengths" in headings and "5. Areas for improvement" in headings
    grades = next(t for t in docx_tables(document.content) if t[0][0] == "Judgement")
    assert grades[0][1:] == ["This inspection (4 to 15 March 2024)",
                             "Previous inspection (7 to 18 January 2019)"]  # fmt: skip
    assert grades[1] == [
        "The impact of leaders on social work practice with children and families",
        "Requires improvement to be good",
        "Inadequate",
    ]
    bullets = [t for s, t in paragraphs if s == "List Bullet"]
    assert (
        "Children and families benefit from a strong and well-established early help offer in "
        "every locality. (paragraph 37, page 9)"
    ) in bullets
    assert (
        "Too many pathway plans for care leavers are not updated when their circumstances "
        "change. (paragraph 38, page 9)"
    ) in bullets
    strengths = headings.index("4. Strengths")
    assert [t for s, t in paragraphs if s == "List Number"][0] == "Improve area 1. (page 1)"
    assert f"by {doc_plan.submission_deadline.day}" in text
    assert "ilacs holds no earlier" not in text and strengths


def test_unknown_kind_and_wrong_format_are_refused(doc_plan):
    with pytest.raises(ExportError, match="made as PDF, not docx"):
        generate("plan-on-a-page", doc_plan, "docx")
    with pytest.raises(ExportError, match="no document called"):
        generate("annual-report", doc_plan, "pdf")


def test_plan_on_a_page_stays_one_page_for_a_big_plan(cast, doc_plan):
    from ilacs.plans.models import Action, Requirement

    Requirement.objects.bulk_create(
        Requirement(plan=doc_plan, number=n, text=f"Council requirement {n} " + "words " * 20)
        for n in range(4, 30)
    )
    Action.objects.bulk_create(
        Action(
            plan=doc_plan,
            number=n,
            title=f"Bulk action {n}",
            lead_role="Head of Service",
            due_date=dt.date(2025, 1, 1),
            status="in_progress",
        )
        for n in range(4, 64)
    )
    document = generate("plan-on-a-page", doc_plan, "pdf", today=TODAY)
    pages = pdf_pages(document.content)
    assert len(pages) == 1
    assert "Council requirement 29" in pages[0]
    # 60 overdue actions and the scorecard are Red, the workshops Amber: 10 shown.
    assert "And 52 more Red or Amber actions: see the written action plan." in pages[0]


def test_a_rag_set_by_hand_keeps_its_reason_out_of_the_narrow_rag_column(doc_plan, cast):
    from ilacs.plans import services as plan_services

    action = doc_plan.actions.get(number=2)
    plan_services.set_rag_override(
        action, user=cast.erin_editor, rag="amber", reason="The data team is back to strength."
    )
    document = generate("action-plan", doc_plan, "docx", today=TODAY)
    rows = [r for t in docx_tables(document.content) for r in t]
    row = next(r for r in rows if r[0] == "2. Performance scorecard for the board")
    assert row[7] == "Amber (set by hand)"
    assert "RAG set to Amber by" in row[5]
    assert row[5].endswith(": The data team is back to strength.")
