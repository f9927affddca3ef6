"""`ilacs export`: the same files as the Download links, written whole or not at all."""

from __future__ import annotations

import pytest

from ilacs.cli import main
from ilacs.exports.models import CouncilTemplate
from tests.exports import templates
from tests.exports.reading import docx_text, pdf_pages, xlsx_rows

pytestmark = pytest.mark.django_db


def run(capsys, *argv):
    status = main(["export", *map(str, argv)])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_export_each_document(capsys, doc_plan, tmp_path):
    target = tmp_path / "plan.xlsx"
    status, out, _ = run(capsys, "action-plan", doc_plan.pk, "--format", "xlsx", "-o", target)
    assert status == 0 and f"Wrote {target}" in out
    assert xlsx_rows(target.read_bytes(), "Action plan")[1][2] == "SMART planning workshops"
    target = tmp_path / "progress.pdf"
    status, _, _ = run(
        capsys, "progress-report", doc_plan.pk, "--format", "pdf", "-o", target,
        "--start", "2025-03-01", "--end", "2025-03-31", "--forum", "Improvement board",
    )  # fmt: skip
    assert status == 0
    assert "Report to Improvement board." in " ".join(pdf_pages(target.read_bytes()))
    target = tmp_path / "page.pdf"
    assert run(capsys, "plan-on-a-page", doc_plan.pk, "--format", "pdf", "-o", target)[0] == 0
    assert len(pdf_pages(target.read_bytes())) == 1


def test_default_file_name(capsys, doc_plan, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(
        capsys, "cabinet-report", doc_plan.pk, "--format", "docx", "--today", "2025-03-31"
    )
    assert status == 0
    written = tmp_path / "northbrook-cabinet-report-2025-03-31.docx"
    assert "5. Areas for improvement" in docx_text(written.read_bytes())[1]
    assert not list(tmp_path.glob("*.part"))  # the file is written whole, under its name


def test_refusals(capsys, doc_plan, tmp_path):
    status, _, err = run(capsys, "plan-on-a-page", doc_plan.pk, "--format", "docx")
    assert status == 1 and "made as PDF, not docx" in err
    status, _, err = run(capsys, "action-plan", 9999, "--format", "pdf")
    assert status == 2 and "There is no plan 9999" in err
    status, _, err = run(
        capsys, "action-plan", doc_plan.pk, "--format", "pdf", "--user", "olly_other_la"
    )
    assert status == 2 and "Not found" in err
    status, _, err = run(
        capsys, "progress-report", doc_plan.pk, "--format", "pdf",
        "--start", "2025-04-01", "--end", "2025-03-01",
    )  # fmt: skip
    assert status == 1 and "start date must be on or before the end date" in err


def test_a_broken_council_template_writes_nothing(capsys, cast, doc_plan, tmp_path):
    CouncilTemplate.objects.create(
        local_authority=cast.northbrook,
        kind="action-plan",
        content=templates.SYNTAX_ERROR,
        filename="old.docx",
    )
    target = tmp_path / "plan.docx"
    status, _, err = run(capsys, "action-plan", doc_plan.pk, "--format", "docx", "-o", target)
    assert status == 1 and "mistake in a placeholder" in err
    assert not target.exists() and not list(tmp_path.glob("*.part"))
    status, _, _ = run(
        capsys, "action-plan", doc_plan.pk, "--format", "docx", "-o", target, "--built-in"
    )
    assert status == 0 and "Northbrook: written action plan" in docx_text(target.read_bytes())[1]
