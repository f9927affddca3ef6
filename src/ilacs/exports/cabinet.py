"""A Cabinet report on a new inspection: a first draft in Word, in the shape councils use
(summary, recommendations to Cabinet, grades against the previous inspection, strengths, areas
for improvement with their paragraph references, what needs to improve, the plan's deadline).
What only the council can write (meeting date, portfolio holder, officers) is left in square
brackets."""

from __future__ import annotations

from ilacs.dates import format_date
from ilacs.exports import docx_kit
from ilacs.exports.action_plan import lower_first
from ilacs.exports.data import CabinetData

TO_ADD = "[to be added]"


def title(data: CabinetData) -> str:
    return f"Outcome of the Ofsted inspection of {data.plan.council} children's services"


def docx(data: CabinetData) -> bytes:
    plan = data.plan
    doc = docx_kit.new_document(title(data), subject=f"Cabinet report: {plan.council}")
    doc.add_heading(title(data), level=0)
    note = doc.add_paragraph()
    note.add_run(
        "Draft drawn from the inspection report and the improvement plan by ilacs. Check every "
        "statement against the report before it goes to Cabinet, and fill in the parts in "
        "square brackets."
    ).italic = True
    docx_kit.table(
        doc,
        ["Report to", "Cabinet"],
        [
            ["Date of meeting", TO_ADD],
            ["Report title", title(data)],
            ["Portfolio holder", TO_ADD],
            ["Senior officer", TO_ADD],
            ["Key decision", "No"],
        ],
        widths_cm=[5, 12],
    )

    published = format_date(data.published) if data.published else TO_ADD
    doc.add_heading("1. Report summary", level=1)
    doc.add_paragraph(
        "1.1 This report tells Cabinet the outcome of Ofsted's "
        f"{lower_first(data.inspection_title)} of {plan.council}'s children's services, "
        f"carried out {data.inspection_dates}"
        + (f" and led by {data.lead_inspector}" if data.lead_inspector else "")
        + f". Ofsted published its report on {published}."
    )
    doc.add_heading("2. Recommendations", level=1)
    doc.add_paragraph("2.1 Cabinet is recommended to:")
    for text in (
        "note the contents of the Ofsted report, both its strengths and its areas for improvement;",
        f"note that the council's written action plan must be sent to Ofsted by "
        f"{format_date(plan.submission_deadline)};",
        "confirm the council's commitment to the improvements the plan sets out.",
    ):
        doc.add_paragraph(text, style="List Bullet")

    doc.add_heading("3. The inspection's judgements", level=1)
    if data.grades:
        previous = (
            f"Previous inspection ({data.previous_dates})"
            if data.previous_title
            else "Previous inspection"
        )
        doc.add_paragraph(
            "3.1 The inspection made the judgements below"
            + (
                f", set beside those of the {lower_first(data.previous_title)} of "
                f"{data.previous_dates}."
                if data.previous_title
                else ". ilacs holds no earlier graded inspection of the council to compare."
            )
        )
        if data.previous_title:
            docx_kit.table(
                doc,
                ["Judgement", f"This inspection ({data.inspection_dates})", previous],
                [[g.judgement, g.grade, g.previous or "Not judged"] for g in data.grades],
                widths_cm=[7, 5, 5],
            )
        else:
            docx_kit.table(
                doc,
                ["Judgement", f"This inspection ({data.inspection_dates})"],
                [[g.judgement, g.grade] for g in data.grades],
                widths_cm=[10, 7],
            )
    else:
        doc.add_paragraph("3.1 The inspection gave no graded judgements.")

    doc.add_heading("4. Strengths", level=1)
    doc.add_paragraph("4.1 Inspectors found, among other things, that:")
    if data.strengths:
        for f in data.strengths:
            doc.add_paragraph(f"{f.text} ({f.reference})", style="List Bullet")
    else:
        doc.add_paragraph(TO_ADD)

    doc.add_heading("5. Areas for improvement", level=1)
    doc.add_paragraph("5.1 Inspectors found, among other things, that:")
    if data.improvements:
        for f in data.improvements:
            doc.add_paragraph(f"{f.text} ({f.reference})", style="List Bullet")
    else:
        doc.add_paragraph(TO_ADD)

    doc.add_heading(f"6. {plan.improvement_heading}", level=1)
    doc.add_paragraph("6.1 The report sets out what the council needs to improve:")
    for r in plan.requirements:
        page = f" (page {r.page})" if r.page else ""
        doc.add_paragraph(f"{r.text}{page}", style="List Number")

    doc.add_heading("7. The action plan", level=1)
    actions = plan.actions
    doc.add_paragraph(
        f"7.1 The council must send Ofsted a written action plan within 70 working days of the "
        f"report's publication: by {format_date(plan.submission_deadline)}."
    )
    if actions:
        unanswered = [r.number for r in plan.requirements if not r.actions]
        doc.add_paragraph(
            f"7.2 The plan so far has {len(actions)} actions in {len(plan.themes)} themes."
            + (
                " Every recommendation has at least one action."
                if not unanswered
                else " Recommendations still without an action: "
                + ", ".join(str(n) for n in unanswered)
                + "."
            )
        )
    doc.add_paragraph(
        "7.3 Progress will be monitored by [the improvement board] and reported to "
        "[scrutiny committee]."
    )
    doc.add_heading("8. Background papers", level=1)
    doc.add_paragraph(
        f"8.1 Ofsted's report: {data.inspection_title}, {plan.council}, {data.inspection_dates}."
    )
    doc.add_paragraph(f"Contact officer: {TO_ADD}")
    return docx_kit.to_bytes(doc)
