"""Importing an existing action plan (ilacs.plans.imports, its pages and `ilacs plan import`):
a Word document laid out like a council's written plan (a heading per workstream, then a table
whose heading wraps onto a second row), Excel and CSV files; columns guessed and remembered per
council; row-level errors in plain words; all or nothing; bad files refused with nothing stored.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from functools import partial

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ilacs.plans import imports
from ilacs.plans.models import Action, ImportMapping, ImprovementPlan, ProgressUpdate, Theme
from ilacs.tables import ImportFileError
from tests.races import needs_postgresql, race

HEADINGS = [
    "Requirement",
    "Links to Ofsted Recommendations",
    "Early Actions",
    "Key Lead",
    "Timescale",
    "Progress to date",
    "Smart Targets",
]


def _word_plan(
    rows_by_theme: dict[str, list[list[str]]],
    wrapped_heading: bool = True,
    renamed: dict[str, str] | None = None,
) -> bytes:
    """A Word document like seed 004's appendix C: per theme a heading, then a table; the
    tables after the first with the headings `renamed` ("Timescale" -> "Timescales")."""
    document = docx.Document()
    document.add_heading("DRAFT OFSTED ACTION PLAN 2024-2026", level=1)
    for index, (theme, rows) in enumerate(rows_by_theme.items()):
        names = [(renamed or {}).get(h, h) if index else h for h in HEADINGS]
        document.add_heading(theme, level=2)
        table = document.add_table(rows=0, cols=len(HEADINGS))
        if wrapped_heading:
            top = [
                h if h != "Links to Ofsted Recommendations" else "Links to Ofsted" for h in names
            ]
            second = [
                "" if h != "Links to Ofsted Recommendations" else "Recommendations" for h in names
            ]
            for values in (top, second):
                cells = table.add_row().cells
                for cell, value in zip(cells, values, strict=True):
                    cell.text = value
        else:
            cells = table.add_row().cells
            for cell, value in zip(cells, names, strict=True):
                cell.text = value
        for row in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SEED_LIKE = {
    "Learning Organisation": [
        [
            "Develop a quality assurance framework",
            "1,3,",
            "Agree a quality assurance framework to govern all work.",
            "Cara Jones, Head of Service",
            "May 25",
            "Draft framework written.",
            "All audits follow the framework by June 2025.",
        ],
        [
            "Strong leadership to create a learning culture",
            "1 – 3",
            "Senior managers set the standard.",
            "AD, Children's Social Care",
            "Ongoing June 2025",
            "",
            "Staff survey shows learning culture.",
        ],
    ],
    "Practice Excellence": [
        [
            "Application of the practice framework",
            "2",
            "Embed the practice framework in day to day business.",
            "Head of Service, Practice Workforce Development Lead",
            "31/03/2026",
            "",
            "Audits show consistent application.",
        ],
    ],
}


@pytest.fixture
def cara_named(cast):
    cast.cara_contributor.last_name = "Jones"
    cast.cara_contributor.save()
    return cast.cara_contributor


def _guessed(found):
    return imports.guess_mapping(found.headings)


def test_a_word_plan_like_appendix_c_is_read_guessed_and_imported(cast, inspection, cara_named):
    found = imports.read(_word_plan(SEED_LIKE), "plan.docx")
    mapping = _guessed(found)
    assert mapping == {
        "requirement": "title",
        "links to ofsted recommendations": "recommendations",
        "early actions": "description",
        "key lead": "lead",
        "timescale": "due_date",
        "progress to date": "progress",
        "smart targets": "success_measure",
    }
    parsed = imports.parse(inspection, found, mapping)
    assert parsed.errors == []
    assert [r.theme for r in parsed.rows] == [
        "Learning Organisation",
        "Learning Organisation",
        "Practice Excellence",
    ]
    first, second, third = parsed.rows
    assert first.recommendations == [1, 3]
    assert second.recommendations == [1, 2, 3]
    assert first.lead_user == cara_named.pk and first.lead_role == "Head of Service"
    assert second.lead_user is None and second.lead_role == "AD, Children's Social Care"
    assert first.due == dt.date(2025, 5, 31)
    assert second.due == dt.date(2025, 6, 30)
    assert third.due == dt.date(2026, 3, 31)

    outcome = imports.apply(inspection, parsed, user=cast.erin_editor, filename="plan.docx")

    plan = ImprovementPlan.objects.get(inspection=inspection)
    assert outcome.created_plan and outcome.actions == 3 and outcome.themes == 2
    actions = list(Action.objects.filter(plan=plan).order_by("number"))
    assert [a.title for a in actions] == [r.title for r in parsed.rows]
    assert actions[0].lead_user == cara_named
    assert sorted(actions[1].requirements.values_list("number", flat=True)) == [1, 2, 3]
    assert "Timescale: Ongoing" in actions[1].description
    assert "Progress to date: Draft framework written." in actions[0].description
    assert actions[2].theme.name == "Practice Excellence"
    assert actions[0].history.first().history_user == cast.erin_editor


def test_tables_that_name_a_column_differently_both_fill_it(cast, inspection):
    renamed = {"Timescale": "Timescales", "Progress to date": "Progress"}
    found = imports.read(_word_plan(SEED_LIKE, renamed=renamed), "plan.docx")
    mapping = _guessed(found)
    assert mapping["timescale"] == mapping["timescales"] == "due_date"
    assert mapping["progress to date"] == mapping["progress"] == "progress"
    assert imports.mapping_problems(mapping, found.headings) == []
    parsed = imports.parse(inspection, found, mapping)
    assert parsed.errors == [] and parsed.rows[2].due == dt.date(2026, 3, 31)
    both = {**mapping, "key lead": "due_date"}
    assert imports.mapping_problems(both, found.headings) == [
        "Only one column can be the due date or timescale: “Key Lead” and “Timescale” are both "
        "chosen.",
        "Only one column can be the due date or timescale: “Key Lead” and “Timescales” are both "
        "chosen.",
    ]


def _xlsx(rows: list[list], merge: str = "", formula: bool = False) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    if formula:
        sheet["A3"] = "=A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


XLSX_ROWS = [
    ["Rec no.", "Workstream", "Action", "Lead", "Due date", "RAG", "Update", "Success measure"],
    [
        "1",
        "Voice of the child",
        "Audit return-home interviews",
        "erin_editor",
        dt.date(2025, 1, 31),
        "Amber",
        "Half done.",
        "90%",
    ],
    [
        "2, 3",
        "Voice of the child",
        "Publish the practice standards",
        "Head of Quality",
        "2025-02-28",
        "Green",
        "",
        "",
    ],
    [3, "", "Close the old tracker", "Head of Quality", "", "Complete", "", ""],
]


def test_an_excel_plan_with_rag_posts_updates_and_adds_to_an_existing_plan(cast, plan):
    services_plan_actions = Action.all_objects.filter(plan=plan).count()
    found = imports.read(_xlsx(XLSX_ROWS), "plan.xlsx")
    mapping = _guessed(found)
    assert mapping["rec no."] == "recommendations"
    assert mapping["workstream"] == "theme"
    assert mapping["rag"] == "rag"
    assert mapping["update"] == "progress"
    parsed = imports.parse(plan.inspection, found, mapping)
    assert parsed.errors == []
    outcome = imports.apply(plan.inspection, parsed, user=cast.erin_editor)
    assert not outcome.created_plan
    assert outcome.updates == 2
    actions = list(Action.objects.filter(plan=plan).order_by("number"))[services_plan_actions:]
    assert actions[0].lead_user == cast.erin_editor
    update = ProgressUpdate.objects.get(action=actions[0])
    assert update.rag == "amber" and update.narrative == "Half done."
    assert actions[2].status == "complete"
    assert Theme.objects.filter(plan=plan, name="Voice of the child").count() == 1


def test_row_errors_name_the_row_in_plain_words_and_nothing_is_written(cast, inspection):
    data = (
        b"Action,Recommendations,Lead,Timescale,RAG\n"
        b"Good row,1,Head of Service,31/03/2026,Red\n"
        b"Bad date,2,Head of Service,31/13/2026,Red\n"
        b"Unknown recommendation,12,Head of Service,March 2026,Amber\n"
        b"No lead,3,,March 2026,Green\n"
        b"Odd RAG,3,Head of Service,March 2026,Purple\n"
    )
    found = imports.read(data, "plan.csv")
    parsed = imports.parse(inspection, found, _guessed(found))
    assert [e.message for e in parsed.errors] == [
        "Row 3: 31/13/2026 is not a date. Write dates as 31/03/2026 or March 2026.",
        "Row 4: recommendation 12 is not in this inspection's list (1 to 3).",
        "Row 5: there is no lead. Name the lead or their role.",
        "Row 6: “Purple” is not a RAG. Use Red, Amber, Green, or Complete (Blue).",
    ]
    assert not parsed.ok
    assert not ImprovementPlan.objects.filter(inspection=inspection).exists()


def test_a_row_refused_while_writing_undoes_the_whole_import(cast, plan):
    before = Action.all_objects.filter(plan=plan).count()
    data = b"Action,Lead\nFine,Head of Service\nAlso fine,Head of Service\n"
    found = imports.read(data, "plan.csv")
    parsed = imports.parse(plan.inspection, found, _guessed(found))
    parsed.rows[1].title = " "  # the plan's own rule (an action needs a title) refuses it
    with pytest.raises(imports.services.PlanError, match="Row 3"):
        imports.apply(plan.inspection, parsed, user=cast.erin_editor)
    assert Action.all_objects.filter(plan=plan).count() == before


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty"),
        (b"%PDF-1.7 not a plan", "PDF"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "Excel 97-2003"),
        (b"PK\x03\x04 not really a zip", "damaged"),
        ("x" * 6_000_001, "MB cannot be imported"),
    ],
)
def test_bad_files_are_refused_with_a_clear_error(data, expected, settings):
    settings.ILACS_MAX_IMPORT_MB = 5
    if isinstance(data, str):
        data = data.encode()
    with pytest.raises(ImportFileError, match=expected):
        imports.read(data, "plan.xlsx")


def test_merged_cells_formulas_and_empty_sheets_are_refused():
    with pytest.raises(ImportFileError, match="merged cells"):
        imports.read(_xlsx(XLSX_ROWS, merge="A2:A3"), "plan.xlsx")
    with pytest.raises(ImportFileError, match="formula"):
        imports.read(_xlsx(XLSX_ROWS, formula=True), "plan.xlsx")
    with pytest.raises(ImportFileError, match="no rows"):
        imports.read(_xlsx([]), "plan.xlsx")
    with pytest.raises(ImportFileError, match="no tables"):
        document = docx.Document()
        document.add_paragraph("No table here.")
        out = io.BytesIO()
        document.save(out)
        imports.read(out.getvalue(), "plan.docx")
    fake = io.BytesIO()
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFileError, match="not an Excel workbook"):
        imports.read(fake.getvalue(), "plan.xlsx")


def test_the_browser_steps_remember_the_columns_per_council(client, cast, inspection, cara_named):
    client.force_login(cast.erin_editor)
    slug = cast.northbrook.slug
    upload_url = reverse("plans:import", args=[slug, inspection.pk])
    response = client.post(
        upload_url,
        {"file": SimpleUploadedFile("plan.docx", _word_plan(SEED_LIKE, wrapped_heading=False))},
    )
    columns_url = reverse("plans:import_columns", args=[slug, inspection.pk])
    assert response.status_code == 302 and response["Location"] == columns_url
    page = client.get(columns_url).content.decode()
    assert "“Key Lead”" in page
    # each column's guess is chosen already
    assert re.findall(r'<option value="([a-z_]*)" selected', page) == [
        "title",
        "recommendations",
        "description",
        "lead",
        "due_date",
        "progress",
        "success_measure",
    ]
    # the council calls its action column "Requirement": keep that, but leave progress out
    choices = {
        f"column_{i}": v
        for i, v in enumerate(
            ["title", "recommendations", "description", "lead", "due_date", "", "success_measure"]
        )
    }
    response = client.post(columns_url, choices)
    preview_url = reverse("plans:import_preview", args=[slug, inspection.pk])
    assert response.status_code == 302 and response["Location"] == preview_url
    assert (
        ImportMapping.objects.get(local_authority=cast.northbrook).columns["progress to date"] == ""
    )
    page = client.get(preview_url).content.decode()
    assert "Develop a quality assurance framework" in page
    assert "Cara Jones (member)" in page
    assert not ImprovementPlan.objects.filter(inspection=inspection).exists()
    response = client.post(preview_url)
    plan = ImprovementPlan.objects.get(inspection=inspection)
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.actions.count() == 3
    assert "Progress to date" not in plan.actions.get(number=1).description
    # next time, the council's choice is the starting point
    found = imports.read(_word_plan(SEED_LIKE), "plan.docx")
    remembered = imports.guess_mapping(found.headings, imports.saved_mapping(cast.northbrook))
    assert remembered["progress to date"] == ""


def test_the_preview_lists_the_problems_and_imports_nothing(client, cast, inspection):
    client.force_login(cast.erin_editor)
    slug = cast.northbrook.slug
    client.post(
        reverse("plans:import", args=[slug, inspection.pk]),
        {"file": SimpleUploadedFile("plan.csv", b"Action,Lead,Due\nA,Head,31/13/2026\n")},
    )
    client.post(
        reverse("plans:import_columns", args=[slug, inspection.pk]),
        {"column_0": "title", "column_1": "lead", "column_2": "due_date"},
    )
    preview_url = reverse("plans:import_preview", args=[slug, inspection.pk])
    response = client.get(preview_url)
    assert response.status_code == 400
    assert "Row 2: 31/13/2026 is not a date" in response.content.decode()
    assert client.post(preview_url).status_code == 400
    assert not ImprovementPlan.objects.filter(inspection=inspection).exists()


def test_a_mapping_without_the_action_column_is_refused(client, cast, inspection):
    client.force_login(cast.erin_editor)
    slug = cast.northbrook.slug
    client.post(
        reverse("plans:import", args=[slug, inspection.pk]),
        {"file": SimpleUploadedFile("plan.csv", b"Action,Lead\nA,Head\n")},
    )
    response = client.post(
        reverse("plans:import_columns", args=[slug, inspection.pk]),
        {"column_0": "", "column_1": "lead"},
    )
    assert response.status_code == 400
    assert "Choose the column that holds the action." in response.content.decode()


def test_the_command_line_imports_the_same_way(cast, inspection, tmp_path, cara_named, capsys):
    from ilacs.cli import main

    path = tmp_path / "plan.docx"
    path.write_bytes(_word_plan(SEED_LIKE))
    status = main(
        [
            "plan",
            "import",
            str(path),
            "--inspection",
            str(inspection.pk),
            "--user",
            "erin_editor",
            "--mapping",
            "Progress to date=",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0, out
    assert "Created plan" in out and "3 actions, 2 new themes" in out
    plan = ImprovementPlan.objects.get(inspection=inspection)
    assert "Progress to date" not in plan.actions.get(number=1).description
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"Action,Lead,Recommendation\nA,Head,12\n")
    status = main(
        ["plan", "import", str(bad), "--inspection", str(inspection.pk), "--user", "erin_editor"]
    )
    captured = capsys.readouterr()
    assert status == 1
    assert "Row 2: recommendation 12 is not in this inspection's list (1 to 3)." in captured.out
    assert "Nothing was imported" in captured.err
    status = main(
        ["plan", "import", str(bad), "--inspection", str(inspection.pk), "--user", "vic_viewer"]
    )
    assert status == 1
    assert plan.actions.count() == 3


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_imports_at_once_make_one_plan_with_both_files_actions(cast, inspection):
    """create_plan locks the inspection: the second import waits, then adds to the first's
    plan; the plan's lock numbers the actions without a gap or a clash."""
    found = imports.read(b"Action,Lead\nOne,Head\nTwo,Head\n", "plan.csv")
    parsed = imports.parse(inspection, found, _guessed(found))
    results = race(
        partial(imports.apply, inspection, parsed, user=cast.erin_editor),
        partial(imports.apply, inspection, parsed, user=cast.alice_admin),
    )
    assert all(isinstance(r, imports.Outcome) for r in results), results
    assert sorted(r.created_plan for r in results) == [False, True]
    plan = ImprovementPlan.objects.get(inspection=inspection)
    numbers = sorted(Action.all_objects.filter(plan=plan).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4]
