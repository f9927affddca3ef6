"""The annual self-assessment report in Word and PDF: opened with python-docx and pypdfium2, its
content checked; the same file from the Download link and `ilacs export`."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from ilacs.assessments import services
from ilacs.cli import main
from ilacs.exports.documents import ExportError, generate
from tests.assessments.conftest import review_all
from tests.exports.reading import docx_header_rows_repeat, docx_headings, docx_text, pdf_pages

TODAY = dt.date(2025, 8, 1)


def _ready(cast, second_round, board, seen_in_time):
    review_all(
        second_round,
        cast.erin_editor,
        {1: "remains_met", 2: "partly_met", 3: "not_met"},
        measures=[seen_in_time],
    )
    services.save_monitoring(
        second_round.plan.requirements.get(number=3),
        user=cast.erin_editor,
        item=services.MonitoringInput(
            forums=[board], other_evidence="Care leavers tracker", note="Will be met in 2026"
        ),
    )


def test_word_report(cast, second_round, board, seen_in_time):
    _ready(cast, second_round, board, seen_in_time)
    document = generate("self-assessment-report", second_round.plan, "docx", today=TODAY)
    assert document.filename == "northbrook-self-assessment-report-2025-07-31.docx"
    headings = docx_headings(document.content)
    assert ("Title", "Annual self-assessment, July 2025") in headings
    assert ("Heading 2", "Met (1)") in headings
    assert ("Heading 2", "Not met (1)") in headings
    assert ("Heading 2", "Recommendation 2: Improve area 2.") in headings
    assert ("Heading 1", "Appendix: monitoring arrangements") in headings
    _, text = docx_text(document.content)
    assert "Evaluation: Partly met (changed from not met)" in text
    assert "Evaluation: Remains met (changed from met)" in text
    assert "Strengths of 2" in text and "To improve on 3" in text and "Next for 1" in text
    assert "Children seen within timescales: Red" in text
    assert "Children's Improvement Board" in text and "Care leavers tracker" in text
    assert "Will be met in 2026" in text
    assert "Draft: not yet signed off." in text
    assert docx_header_rows_repeat(document.content)


def test_pdf_report_of_a_chosen_round(cast, first_round, second_round, board, seen_in_time):
    _ready(cast, second_round, board, seen_in_time)
    document = generate(
        "self-assessment-report", first_round.plan, "pdf", today=TODAY, round_id=first_round.pk
    )
    text = " ".join(pdf_pages(document.content))
    assert "Annual self-assessment, July 2024" in text
    assert "Met (1): Recommendation 1" in text
    assert "Not met (1): Recommendation 2" in text
    assert "Partly met (1): Recommendation 3" in text
    assert "Signed off by Alice on" in text
    assert "Appendix: monitoring arrangements" in text


def test_no_round_yet_is_said_in_words(cast, plan):
    try:
        generate("self-assessment-report", plan, "docx", today=TODAY)
    except ExportError as exc:
        assert "no self-assessment round yet" in str(exc)
    else:
        raise AssertionError("a report without a round")


def test_download_links_and_cli(client, cast, second_round, board, seen_in_time, capsys, tmp_path):
    _ready(cast, second_round, board, seen_in_time)
    client.force_login(cast.vic_viewer)
    plan = second_round.plan
    page = client.get(second_round.get_absolute_url()).content.decode()
    url = reverse(
        "exports:download", args=["northbrook", plan.pk, "self-assessment-report", "docx"]
    )
    assert f"{url}?round={second_round.pk}" in page
    response = client.get(f"{url}?round={second_round.pk}")
    assert response.status_code == 200
    assert "Strengths of 2" in docx_text(response.content)[1]
    assert client.get(f"{url}?round=999999").status_code == 400
    client.force_login(cast.olly_other_la)
    assert client.get(url).status_code == 404
    target = tmp_path / "sa.pdf"
    status = main(
        ["export", "self-assessment-report", str(plan.pk), "--format", "pdf", "-o", str(target),
         "--round", str(second_round.pk)]
    )  # fmt: skip
    assert status == 0
    assert "Annual self-assessment, July 2025" in " ".join(pdf_pages(target.read_bytes()))


def test_a_recommendation_with_many_actions_still_fits_the_appendix(cast, plan, caras_action):
    from ilacs.plans import services as plan_services

    requirement = plan.requirements.get(number=1)
    for n in range(30):
        plan_services.add_action(
            plan, user=cast.erin_editor, title=f"Step {n} " + "with a long title " * 6,
            lead_role="Head of Service",
            requirements=[requirement],
        )  # fmt: skip
    round_ = services.start_round(plan, user=cast.erin_editor, title="R", date=TODAY)
    text = " ".join(pdf_pages(generate("self-assessment-report", plan, "pdf", today=TODAY).content))
    assert "and 23 more actions (see the written action plan)" in text
    assert round_.title in text
