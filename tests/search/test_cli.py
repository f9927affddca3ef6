"""`ilacs search`: the page's search from the command line, and --reindex."""

from __future__ import annotations

import io

from ilacs.cli import build_parser
from ilacs.inspections.models import Paragraph
from ilacs.search import cli


def run(*argv: str) -> tuple[int, str]:
    args = build_parser().parse_args(["search", *argv])
    out = io.StringIO()
    status = cli.run(args, setup=lambda: None, out=out)
    return status, out.getvalue()


def test_search_prints_each_result_with_its_grade_and_address(reports):
    status, out = run("personal", "advisers", "--grade", "good", "--grade", "outstanding")
    assert status == 0
    assert out.startswith("1 result, 1 to 1 shown (page 1 of 1;")
    assert "Northbrook, 2024: Paragraph 41, page 9 (Care leavers: Good)" in out
    assert "[personal] [advisers]" in out
    assert f"/la/northbrook/inspections/{reports['northbrook'].pk}/#paragraph-41" in out


def test_filters_alone(reports):
    status, out = run("--theme", "care_leavers", "--region", "London", "--to", "2019")
    assert status == 0 and out.startswith("3 results")
    assert "Southmere, 2019" in out and "Eastwick, 2015" in out and "Northbrook" not in out


def test_reindex_puts_paragraphs_back_under_their_judgement(reports):
    paragraph = reports["northbrook"].paragraphs.get(number=41)
    Paragraph.objects.filter(pk=paragraph.pk).update(judgement=None)
    status, out = run("--reindex")
    assert status == 0 and out.startswith("1 paragraphs linked")
    paragraph.refresh_from_db()
    assert paragraph.judgement.key == "care_leavers"
