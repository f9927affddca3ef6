"""Every Ofsted layout, in every input format, gives the fields a council officer relies on."""

import re

import pytest

from ilacs.extraction import extract_file

from . import layouts

FORMATS = ["pdf", "docx", "html", "text"]


def extract_layout(layout, fmt, tmp_path):
    path = layouts.WRITERS[fmt](layout, tmp_path / f"{layout.name}{layouts.SUFFIX[fmt]}")
    records = extract_file(path)
    assert len(records) == 1, records
    assert "error" not in records[0], records[0]
    return records[0]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("build", layouts.ALL, ids=lambda b: b.__name__)
def test_front_matter_and_judgements(build, fmt, tmp_path):
    layout = build()
    rec = extract_layout(layout, fmt, tmp_path)
    exp = layout.expected
    for key in (
        "report_type",
        "local_authority",
        "inspection_start",
        "inspection_end",
        "published",
        "lead_inspector",
    ):
        assert rec[key] == exp[key], key
    assert [(j["key"], j["grade"]) for j in rec["judgements"]] == exp["judgements"]
    assert rec["source"]["format"] == fmt


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("build", layouts.ALL, ids=lambda b: b.__name__)
def test_recommendations_exact_and_in_order(build, fmt, tmp_path):
    layout = build()
    rec = extract_layout(layout, fmt, tmp_path)
    assert [r["text"] for r in rec["recommendations"]] == layout.expected["recommendations"]
    assert [r["text"] for r in rec["lscb_recommendations"]] == layout.expected.get(
        "lscb_recommendations", []
    )


@pytest.mark.parametrize("fmt", ["pdf", "text"])
@pytest.mark.parametrize("build", layouts.ALL, ids=lambda b: b.__name__)
def test_numbered_paragraphs_with_pages_and_sections(build, fmt, tmp_path):
    layout = build()
    rec = extract_layout(layout, fmt, tmp_path)
    assert [p["number"] for p in rec["paragraphs"]] == layout.expected["paragraphs"]
    by_number = {p["number"]: p for p in rec["paragraphs"]}
    for number, section in layout.expected.get("sections", {}).items():
        assert by_number[number]["section"] == section
    # every paragraph cites the page its number stands on, and keeps its whole text
    for page_no, lines in enumerate(layouts.printed_lines(layout), start=1):
        for line in lines:
            m = re.match(r"^(\d+)\. ", line)
            if m and int(m[1]) in by_number:
                assert by_number[int(m[1])]["page"] == page_no
    for p in rec["paragraphs"]:
        assert p["text"].endswith((".", "action."))
        assert "Inspection of" not in p["text"]  # running headers are not part of the text


def test_ilacs_2026_keeps_framework_reference_and_has_no_overall(tmp_path):
    layout = layouts.ilacs_2026()
    rec = extract_layout(layout, "pdf", tmp_path)
    assert rec["overall_effectiveness"] is None
    assert [r["framework_outcome"] for r in rec["recommendations"]] == [1, 4]
    assert rec["recommendations"][0]["framework_reference"] == "outcome 1, national framework"
    # the footnote under the list is not part of any item or paragraph
    assert all("cross-referenced" not in r["text"] for r in rec["recommendations"])
    assert all("cross-referenced" not in p["text"] for p in rec["paragraphs"])


@pytest.mark.parametrize("fmt", ["pdf", "text"])
def test_topic_lines_and_strengths_are_not_part_of_the_actions(fmt, tmp_path):
    layout = layouts.sif_2014()
    rec = extract_layout(layout, fmt, tmp_path)
    # the topic line printed like the items does not end the item above it
    assert [r["text"] for r in rec["recommendations"]] == layout.expected["recommendations"]
    assert [r["text"] for r in rec["lscb_recommendations"]] == layout.expected[
        "lscb_recommendations"
    ]
    # "The local authority has the following strengths:" ends the list: they are findings
    assert [p["number"] for p in rec["paragraphs"]] == layout.expected["paragraphs"]
    by_number = {p["number"]: p["text"] for p in rec["paragraphs"]}
    assert [by_number[4], by_number[5]] == layout.expected["strengths"]


@pytest.mark.parametrize("fmt", ["pdf", "text"])
def test_a_graded_heading_in_the_texts_font_ends_the_list(fmt, tmp_path):
    layout = layouts.ilacs_2024_plain_headings()
    rec = extract_layout(layout, fmt, tmp_path)
    assert [r["text"] for r in rec["recommendations"]] == layout.expected["recommendations"]
    assert [p["number"] for p in rec["paragraphs"]] == layout.expected["paragraphs"]


def test_recommendations_cite_their_page(tmp_path):
    layout = layouts.sif_2016()
    rec = extract_layout(layout, "pdf", tmp_path)
    assert {r["page"] for r in rec["recommendations"]} == {2}
    assert {r["page"] for r in rec["lscb_recommendations"]} == {4}
    assert [r["number"] for r in rec["recommendations"]] == [1, 2, 3]


def test_cabinet_paper_gives_one_record_with_its_page_range(tmp_path):
    layout = layouts.cabinet_paper()
    path = layouts.write_pdf(layout, tmp_path / "cabinet.pdf")
    records = extract_file(path)
    assert len(records) == 1
    rec = records[0]
    assert rec["local_authority"] == "Exampleshire"
    assert rec["source"]["first_page"] == 2
    assert rec["source"]["last_page"] == 5
    assert rec["source"]["pages"] == 6
    assert len(rec["recommendations"]) == 3
    # the paper's own "Recommendations" to Cabinet are not the council's improvement list
    assert all("Cabinet" not in r["text"] for r in rec["recommendations"])


def test_cabinet_paper_as_text_gives_a_line_range(tmp_path):
    layout = layouts.cabinet_paper()
    text = "\n".join("\n".join(lines) for lines in layouts.printed_lines(layout))
    path = tmp_path / "cabinet.txt"
    path.write_text(text)
    (rec,) = extract_file(path)
    assert rec["source"]["first_line"] > 5
    assert rec["source"]["last_line"] < len(text.splitlines())
    assert rec["inspection_start"] == "2021-09-27"


def test_two_reports_in_one_paper_give_two_records(tmp_path):
    first, second = layouts.ilacs_2019(), layouts.ilacs_2023()
    paper = layouts.Layout(
        "two", [[("line", "Scrutiny committee, 3 May 2023")]] + first.pages + second.pages
    )
    (a, b) = extract_file(layouts.write_pdf(paper, tmp_path / "two.pdf"))
    assert (a["local_authority"], b["local_authority"]) == ("Exampleshire", "Westfield")
    assert a["source"]["last_page"] < b["source"]["first_page"]
    assert a["source"]["sha256"] == b["source"]["sha256"]
