"""The progress report carries the council's evidence as it stood at the end of the period:
measures off target with the rule in words and trend charts, and the latest case audits."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ilacs.exports.documents import generate
from ilacs.measures import services
from tests.exports.conftest import PERIOD
from tests.exports.reading import docx_alt_texts, docx_headings, docx_tables, pdf_pages

pytestmark = pytest.mark.django_db


def _value(period: dt.date, number, england=None) -> services.ValueInput:
    return services.ValueInput(
        period=period,
        value=Decimal(str(number)),
        england=Decimal(str(england)) if england is not None else None,
    )


@pytest.fixture
def evidence(cast):
    seen = services.create_measure(
        cast.northbrook,
        user=cast.erin_editor,
        name="Children seen within timescales",
        unit="percent",
        direction="higher",
        frequency="monthly",
        target=Decimal(85),
        amber_tolerance=Decimal(5),
    )
    # below target from December; April (after the period) recovers and must not count
    for period, number in (
        (dt.date(2024, 11, 1), 86),
        (dt.date(2024, 12, 1), 74),
        (dt.date(2025, 1, 1), 73),
        (dt.date(2025, 2, 1), 72),
        (dt.date(2025, 3, 1), 73),
        (dt.date(2025, 4, 1), 90),
    ):
        services.record_value(seen, user=cast.erin_editor, item=_value(period, number, 84))
    on_target = services.create_measure(
        cast.northbrook,
        user=cast.erin_editor,
        name="Assessments within 45 working days",
        unit="percent",
        direction="higher",
        frequency="monthly",
        target=Decimal(80),
        amber_tolerance=Decimal(5),
    )
    services.record_value(on_target, user=cast.erin_editor, item=_value(dt.date(2025, 3, 1), 91))
    stream = services.save_audit_stream(
        cast.northbrook,
        user=cast.erin_editor,
        name="Child protection plans",
        frequency="quarterly",
        target=Decimal(60),
    )
    for period, good, learning in (
        (dt.date(2024, 10, 1), 4, "Plans lack timescales."),
        (dt.date(2025, 1, 1), 12, "Plans are SMARTer."),
        (dt.date(2025, 4, 1), 18, "After the period."),
    ):
        services.record_audit_result(
            stream,
            user=cast.erin_editor,
            item=services.AuditInput(period, 20, 0, good, 20 - good, 0, learning),
        )


def test_word_report_lists_measures_off_target_as_they_stood(doc_plan, evidence):
    start, end = PERIOD
    document = generate("progress-report", doc_plan, "docx", start=start, end=end)
    headings = [t for _, t in docx_headings(document.content)]
    assert "Measures off target" in headings and "Case audits" in headings
    tables = docx_tables(document.content)
    measures = next(t for t in tables if t[0][0] == "Measure")
    assert [r[0] for r in measures[1:]] == ["Children seen within timescales"]
    row = measures[1]
    assert row[1] == "73% (March 2025)"  # April's 90% is after the period
    assert "12 points below target of 85%" in row[3]
    assert "since December 2024" in row[3]
    assert row[4] == "Red"
    # the trend chart has alt text saying the same numbers
    alts = docx_alt_texts(document.content)
    assert any(a.startswith("Line chart of Children seen within timescales") for a in alts)
    assert any("against a target of 85" in a for a in alts)
    audits = next(t for t in tables if t[0][0] == "Audit")
    assert audits[1] == [
        "Child protection plans",
        "Q4 2024-25",
        "20",
        "60%",
        "20%",
        "Plans are SMARTer.",
    ]


def test_pdf_report_says_the_same(doc_plan, evidence):
    start, end = PERIOD
    document = generate("progress-report", doc_plan, "pdf", start=start, end=end)
    text = " ".join(pdf_pages(document.content))
    for words in ("Measures off target", "Children seen within timescales", "Case audits",
                  "Plans are SMARTer.", "Line chart of Children seen"):  # fmt: skip
        assert words in text, words
    assert "After the period." not in text


def test_no_measures_says_so(doc_plan):
    start, end = PERIOD
    document = generate("progress-report", doc_plan, "pdf", start=start, end=end)
    text = " ".join(pdf_pages(document.content))
    assert "No measure was off target at the end of the period." in text


def test_house_style_template_can_place_the_evidence(doc_plan, evidence):
    from ilacs.exports.data import progress_data
    from ilacs.exports.templates import render_bytes
    from tests.exports.reading import docx_text
    from tests.exports.templates import word_template

    template = word_template(
        "{% for m in measures_off_target %}{{ m.name }}: {{ m.latest }} in {{ m.period }}, "
        "{{ m.rule }} ({{ m.rag }}). {% endfor %}",
        "{% for a in audits %}{{ a.name }} {{ a.good_or_better }} (was {{ a.before }}). "
        "{% endfor %}",
    )
    start, end = PERIOD
    content = render_bytes(template, "progress-report", progress_data(doc_plan, start, end))
    _, text = docx_text(content)
    assert (
        "Children seen within timescales: 73% in March 2025, 12 points below target of 85% (Red)."
        in text
    )
    assert "Child protection plans 60% (was 20%)." in text


def test_each_recommendation_s_latest_evaluation_beside_its_actions(doc_plan, cast):
    from ilacs.assessments import services as assessment_services

    def assess(title, day, evaluations, sign_off):
        round_ = assessment_services.start_round(
            doc_plan, user=cast.erin_editor, title=title, date=day
        )
        for requirement in doc_plan.requirements.order_by("number"):
            assessment_services.save_entry(
                round_,
                requirement,
                user=cast.erin_editor,
                item=assessment_services.EntryInput(evaluation=evaluations[requirement.number]),
            )
        if sign_off:
            assessment_services.sign_off(round_, user=cast.alice_admin)

    assess("Annual self-assessment, January 2025", dt.date(2025, 1, 20),
           {1: "not_met", 2: "partly_met", 3: "met"}, sign_off=True)  # fmt: skip
    # after the period: not in a report for March
    assess("Annual self-assessment, May 2025", dt.date(2025, 5, 20),
           {1: "met", 2: "met", 3: "met"}, sign_off=False)  # fmt: skip
    start, end = PERIOD
    document = generate("progress-report", doc_plan, "docx", start=start, end=end)
    headings = [t for _, t in docx_headings(document.content)]
    assert "Self-assessment of each recommendation" in headings
    table = next(
        t
        for t in docx_tables(document.content)
        if t[0][1:] == ["Evaluation", "Round", "Actions' RAG"]
    )
    rows = {r[0].split(":")[0]: r[1:] for r in table[1:]}
    assert rows["Recommendation 1"] == [
        "Not met",
        "Annual self-assessment, January 2025",
        "1 Amber, 1 Complete",
    ]
    assert rows["Recommendation 3"][0] == "Met"
    assert rows["Recommendation 3"][2] == "1 Red"  # action 2, overdue


def test_no_round_no_evaluation_section(doc_plan):
    start, end = PERIOD
    document = generate("progress-report", doc_plan, "docx", start=start, end=end)
    assert "Self-assessment of each recommendation" not in [
        t for _, t in docx_headings(document.content)
    ]
