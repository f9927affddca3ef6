"""A plan on a page: one landscape A4 PDF page for the board.

Whatever the size of the plan, it stays one page: the lists are capped (the page says how many
more there are) and the whole is shrunk to fit if it must be.
"""

from __future__ import annotations

from collections import Counter

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm
from reportlab.platypus import KeepInFrame, Table, TableStyle

from ilacs.dates import format_date
from ilacs.exports import pdf_kit
from ilacs.exports.charts import rag_bar_chart
from ilacs.exports.data import ActionEntry, PlanData
from ilacs.plans.rag import RAG_ORDER, Rag

MARGIN_CM = 1.2
ATTENTION_LIMIT = 10


def title(data: PlanData) -> str:
    return f"{data.council}: improvement plan on a page"


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def theme_rows(data: PlanData) -> list[list[str]]:
    rows = []
    for group in data.themes:
        counts = Counter(a.rag.rag for a in group.actions)
        rows.append(
            [group.name, *[str(counts.get(r, 0)) for r in RAG_ORDER], str(len(group.actions))]
        )
    totals = dict(data.rag_counts)
    rows.append(["All themes", *[str(totals[r]) for r in RAG_ORDER], str(len(data.actions))])
    return rows


def recommendation_rows(data: PlanData) -> list[list[str]]:
    by_number = {a.number: a for a in data.actions}
    rows = []
    for r in data.requirements:
        actions = [by_number[n] for n in r.actions if n in by_number]
        if not actions:
            progress = "No action yet"
        else:
            done = sum(a.rag.rag in (Rag.COMPLETE, Rag.CLOSED) for a in actions)
            counts = Counter(a.rag.rag for a in actions if a.rag.rag in (Rag.RED, Rag.AMBER))
            progress = f"{done} of {len(actions)} done"
            flags = [f"{counts[rag]} {rag.label}" for rag in (Rag.RED, Rag.AMBER) if counts[rag]]
            if flags:
                progress += "; " + ", ".join(flags)
        rows.append([str(r.number), _short(r.text), progress])
    return rows


def needs_attention(data: PlanData) -> list[ActionEntry]:
    """Red first, then Amber; the earliest due first."""
    flagged = [a for a in data.actions if a.rag.rag in (Rag.RED, Rag.AMBER)]
    return sorted(
        flagged,
        key=lambda a: (RAG_ORDER.index(a.rag.rag), a.due_date or data.today, a.number),
    )


def pdf(data: PlanData) -> bytes:
    P = pdf_kit
    page_w, page_h = landscape(A4)
    width = page_w / cm - 2 * MARGIN_CM
    height = page_h / cm - 2 * MARGIN_CM - 0.6
    half = (width - 0.6) / 2

    header = [
        P.para(title(data), "h1"),
        P.para(
            f"{data.title}. As at {format_date(data.today)}. Plan status: {data.status}. "
            f"Sent to Ofsted by: {format_date(data.submission_deadline)}. "
            + (
                f"Last board meeting: {format_date(data.last_board_meeting)}."
                if data.last_board_meeting
                else ""
            ),
            "body",
        ),
    ]
    judgements = (
        P.table(
            ["Judgement", "Grade"],
            [[j.label, j.grade] for j in data.judgements],
            [half * 0.62, half * 0.38],
        )  # fmt: skip
        if data.judgements
        else P.para("The inspection gave no graded judgements.")
    )
    chart = rag_bar_chart(data.rag_counts, title="Actions by RAG")
    chart_image = P.image(chart.png, half * 0.9, half * 0.9 * 2.6 / 6.4)

    theme_table = P.table(
        ["Theme", *[r.label for r in RAG_ORDER], "Total"],
        theme_rows(data),
        [half * 0.28] + [half * 0.72 / 6] * 6,
    )
    theme_table.setStyle(
        TableStyle([("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold")])
    )  # the totals row
    for i, rag in enumerate(RAG_ORDER, start=1):
        theme_table.setStyle(
            TableStyle([("BACKGROUND", (i, 0), (i, 0), colors.HexColor("#" + P.RAG_FILL[rag]))])
        )

    recs = P.table(
        ["No.", data.improvement_heading, "Progress"],
        recommendation_rows(data),
        [0.9, half - 0.9 - 3.6, 3.6],
    )
    flagged = needs_attention(data)
    shown = flagged[:ATTENTION_LIMIT]
    attention_rows = [
        [f"{a.number}. {_short(a.title, 70)}", _short(a.lead, 40), a.timescale, a.rag.label]
        for a in shown
    ]
    attention = [P.heading("Needs attention", 2)]
    if attention_rows:
        attention.append(
            P.table(
                ["Action", "Key lead", "Due", "RAG"],
                attention_rows,
                [half * 0.46, half * 0.26, half * 0.16, half * 0.12],
                rag_column=3,
                rags=[a.rag.rag for a in shown],
            )
        )
        if len(flagged) > len(shown):
            attention.append(
                P.para(
                    f"And {len(flagged) - len(shown)} more Red or Amber actions: see the "
                    "written action plan.",
                    "note",
                )
            )
    else:
        attention.append(P.para("No action is Red or Amber."))

    left = [P.heading("The inspection", 2), judgements, P.spacer(0.2),
            P.heading("Progress by theme", 2), theme_table, P.spacer(0.2),
            P.heading(data.improvement_heading, 2), recs]  # fmt: skip
    right = [P.heading("RAG summary", 2), chart_image, P.para(chart.alt_text, "note"),
             P.spacer(0.2), *attention]  # fmt: skip
    body = Table(
        [[left, right]],
        colWidths=[half * cm + 0.3 * cm, half * cm + 0.3 * cm],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0.3 * cm),
            ]  # fmt: skip
        ),
    )
    frame = KeepInFrame(width * cm, height * cm, [*header, body], mode="shrink")
    return P.build(
        [frame],
        title=title(data),
        subject=data.title,
        landscape_page=True,
        margin_cm=MARGIN_CM,
    )
