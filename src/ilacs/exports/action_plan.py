"""The written action plan for Ofsted and Cabinet (the shape of a council's appendix: requirements
by theme, with the recommendations each answers, actions, key lead, timescale, progress to date,
SMART targets and RAG), in Word, PDF and Excel."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from ilacs.dates import format_date
from ilacs.exports import docx_kit, pdf_kit
from ilacs.exports.data import ActionEntry, PlanData
from ilacs.exports.docx_kit import RAG_FILL
from ilacs.plans.rag import RAG_ORDER
from ilacs.tables import append_row

COLUMNS = (
    "Action",
    "Links to Ofsted recommendations",
    "What we will do",
    "Key lead",
    "Timescale",
    "Progress to date",
    "SMART target",
    "RAG",
)


def title(data: PlanData) -> str:
    return f"{data.council}: written action plan"


def intro(data: PlanData) -> str:
    return (
        f"{data.title}. In response to Ofsted's {lower_first(data.inspection_heading)} "
        f"of {data.inspection_dates}, published {format_date(data.report_published)}. "
        f"To be sent to Ofsted by {format_date(data.submission_deadline)}. "
        f"Plan status: {data.status}. Progress as at {format_date(data.today)}."
    )


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def what_we_will_do(action: ActionEntry) -> str:
    parts = [action.description] if action.description else []
    if action.milestones:
        parts.append("Milestones:")
        parts += [f"• {m.text}" for m in action.milestones]
    return "\n".join(parts) or "—"


def rag_cell(action: ActionEntry) -> str:
    """The RAG in words for the narrow RAG column: "Amber (set by hand)" for an override, whose
    who, when and why go to the progress column (`progress_cell`)."""
    rag = action.rag
    if rag.is_override and rag.override is not None:
        return f"{rag.label} (set by hand{'; to review' if rag.to_review else ''})"
    return rag.label


def progress_cell(action: ActionEntry) -> str:
    rag = action.rag
    if rag.is_override and rag.override is not None:
        o = rag.override
        why = f"RAG set to {rag.label} by {o.set_by}, {format_date(o.set_on)}: {o.reason}"
        if rag.to_review:
            why += " (to review: a later progress update judges it worse)"
        return f"{action.progress_text}\n{why}"
    return action.progress_text


def row(action: ActionEntry) -> list[str]:
    return [
        f"{action.number}. {action.title}",
        action.recommendations_text,
        what_we_will_do(action),
        action.lead,
        action.timescale,
        progress_cell(action),
        action.success_measure or "—",
        rag_cell(action),
    ]


def rag_key() -> str:
    return (
        "RAG: Red, Amber or Green as the plan's published rules decide (the latest progress "
        "update's judgement, made worse when the action is overdue, a milestone is late, or it "
        "is due within 30 days with no recent update; or set by hand with a reason). Complete: "
        "the action is done. Closed: closed or superseded, not rated."
    )


def summary_rows(data: PlanData) -> list[list[str]]:
    return [[rag.label, str(n)] for rag, n in data.rag_counts]


# --- Word ---------------------------------------------------------------------------------------


def docx(data: PlanData) -> bytes:
    doc = docx_kit.new_document(title(data), landscape=True, subject=data.title)
    doc.add_heading(title(data), level=0)
    doc.add_paragraph(intro(data))

    doc.add_heading("The inspection's judgements", level=1)
    if data.judgements:
        docx_kit.table(
            doc,
            ["Judgement", "Grade"],
            [[j.label, j.grade] for j in data.judgements],
            widths_cm=[16, 9],
        )
    else:
        doc.add_paragraph("This inspection gave no graded judgements.")

    doc.add_heading(data.improvement_heading, level=1)
    docx_kit.table(
        doc,
        ["No.", "What Ofsted said needs to improve", "Page", "Answered by actions"],
        [
            [
                str(r.number),
                r.text,
                str(r.page or ""),
                ", ".join(str(n) for n in r.actions) or "No action yet",
            ]
            for r in data.requirements
        ],
        widths_cm=[1.3, 17, 1.5, 5],
    )

    doc.add_heading("Summary of progress", level=1)
    docx_kit.table(
        doc,
        ["RAG", "Actions"],
        summary_rows(data),
        widths_cm=[5, 3],
        rag_column=0,
        rags=list(RAG_ORDER),
    )

    doc.add_heading("The plan", level=1)
    for group in data.themes:
        doc.add_heading(group.name, level=2)
        if group.description:
            doc.add_paragraph(group.description).paragraph_format.keep_with_next = True
        docx_kit.table(
            doc,
            COLUMNS,
            [row(a) for a in group.actions],
            widths_cm=[3.6, 3.0, 4.3, 2.6, 2.0, 4.4, 3.2, 2.0],
            rag_column=7,
            rags=[a.rag.rag for a in group.actions],
            size=8.5,
        )
    doc.add_heading("About RAG", level=2)
    doc.add_paragraph(rag_key())
    return docx_kit.to_bytes(doc)


# --- PDF ----------------------------------------------------------------------------------------


def pdf(data: PlanData) -> bytes:
    P = pdf_kit
    story: list[Any] = [P.para(title(data), "title"), P.para(intro(data), "lead")]
    story.append(P.heading("The inspection's judgements"))
    if data.judgements:
        story.append(P.table(["Judgement", "Grade"], [[j.label, j.grade] for j in data.judgements],
                             [16, 9], style="body"))  # fmt: skip
    else:
        story.append(P.para("This inspection gave no graded judgements."))
    story.append(P.heading(data.improvement_heading))
    story.append(
        P.table(
            ["No.", "What Ofsted said needs to improve", "Page", "Answered by actions"],
            [
                [
                    str(r.number),
                    r.text,
                    str(r.page or ""),
                    ", ".join(str(n) for n in r.actions) or "No action yet",
                ]
                for r in data.requirements
            ],  # fmt: skip
            [1.3, 18, 1.5, 5.5],
            style="body",
        )
    )
    story.append(P.heading("Summary of progress"))
    story.append(
        P.table(["RAG", "Actions"], summary_rows(data), [5, 3], rag_column=0, rags=list(RAG_ORDER))
    )
    story.append(P.heading("The plan"))
    for group in data.themes:
        story.append(P.heading(group.name, 2))
        if group.description:
            story.append(P.para(group.description))
        story.append(
            P.table(
                COLUMNS,
                [row(a) for a in group.actions],
                [3.9, 3.0, 4.3, 2.8, 2.0, 4.8, 3.4, 2.1],
                rag_column=7,
                rags=[a.rag.rag for a in group.actions],
            )
        )
    story.append(P.heading("About RAG", 2))
    story.append(P.para(rag_key()))
    return P.build(story, title=title(data), subject=data.title, landscape_page=True)


# --- Excel --------------------------------------------------------------------------------------

XLSX_COLUMNS = (
    ("Action", 8),
    ("Theme", 22),
    ("Title", 40),
    ("Recommendations", 16),
    ("What we will do", 50),
    ("Milestones", 40),
    ("Key lead", 28),
    ("Due date", 12),
    ("Status", 14),
    ("Progress to date", 60),
    ("Progress update date", 14),
    ("SMART target", 40),
    ("RAG", 10),
    ("Why this RAG", 40),
)


WRAPPED = "ilacs wrapped"


def _register_wrapped_style(wb: Workbook) -> None:
    if WRAPPED not in wb.named_styles:
        style = NamedStyle(name=WRAPPED)
        style.alignment = Alignment(wrap_text=True, vertical="top")
        wb.add_named_style(style)


def _sheet(ws, headers: list[tuple[str, int]], rows: list[list[Any]], name: str) -> None:
    append_row(ws, [h for h, _ in headers])
    for values in rows:
        append_row(ws, values)
    for i, (_, width) in enumerate(headers, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for cell in ws[1]:
        cell.font = Font(bold=True)
    # One named style for every body cell: building an Alignment per cell and looking it up in
    # the workbook's style list took most of the time for a plan of 300 actions.
    _register_wrapped_style(ws.parent)
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.style = WRAPPED
    ws.freeze_panes = "A2"
    if rows:
        ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
        table = Table(displayName=name, ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        ws.add_table(table)


def xlsx(data: PlanData) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Action plan"
    rows = []
    for a in data.actions:
        rows.append(
            [
                a.number,
                a.theme,
                a.title,
                a.recommendations_text,
                a.description,
                "\n".join(m.text for m in a.milestones),
                a.lead,
                a.due_date,
                a.status,
                a.latest_update.narrative if a.latest_update else "",
                a.latest_update.date if a.latest_update else None,
                a.success_measure,
                a.rag.label,
                a.rag.reason,
            ]
        )
    _sheet(ws, list(XLSX_COLUMNS), rows, "ActionPlan")
    rag_col = [h for h, _ in XLSX_COLUMNS].index("RAG") + 1
    for line, a in zip(ws.iter_rows(min_row=2), data.actions, strict=False):
        line[rag_col - 1].fill = PatternFill("solid", fgColor=RAG_FILL[a.rag.rag])
        for i in (8, 11):
            line[i - 1].number_format = "d mmmm yyyy"

    ws2 = wb.create_sheet("Recommendations")
    _sheet(
        ws2,
        [("Number", 9), ("Recommendation", 90), ("Page", 7), ("Answered by actions", 20)],
        [
            [r.number, r.text, r.page, ", ".join(str(n) for n in r.actions)]
            for r in data.requirements
        ],
        "Recommendations",
    )
    ws3 = wb.create_sheet("About")
    for line in (
        ["Council", data.council],
        ["Plan", data.title],
        ["Inspection", f"{data.inspection_heading}, {data.inspection_dates}"],
        ["Report published", data.report_published],
        ["Submission deadline", data.submission_deadline],
        ["Plan status", data.status],
        ["As at", data.today],
        *[[f"Judgement: {j.label}", j.grade] for j in data.judgements],
        *[[f"Actions {rag.label}", n] for rag, n in data.rag_counts],
    ):
        append_row(ws3, line)
    ws3.column_dimensions["A"].width = 45
    ws3.column_dimensions["B"].width = 60
    for cell in ws3["B"]:
        if hasattr(cell.value, "year"):
            cell.number_format = "d mmmm yyyy"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
