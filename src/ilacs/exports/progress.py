"""A progress report to a forum (improvement board, scrutiny) for a date range.

Built from sections, in order (`SECTIONS`). Each section writes itself to Word and to PDF from
the same `ProgressData`; a new section (measures off target, self-assessment) is one more class
added to the list, with nothing else to change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from ilacs.dates import format_date
from ilacs.exports import docx_kit, pdf_kit
from ilacs.exports.charts import Chart, rag_bar_chart, trend_chart
from ilacs.exports.data import ActionEntry, ProgressData, UpdateEntry
from ilacs.measures.queries import AuditSummary, MeasureSummary
from ilacs.plans.rag import RAG_ORDER


def title(data: ProgressData) -> str:
    return f"{data.plan.council}: improvement plan progress report"


def intro(data: ProgressData) -> str:
    forum = f"Report to {data.forum}. " if data.forum else ""
    return (
        f"{forum}{data.plan.title}. Progress from {format_date(data.start)} to "
        f"{format_date(data.end)}, with each action's RAG as at {format_date(data.end)}."
    )


class Section(Protocol):
    heading: str

    def applies(self, data: ProgressData) -> bool: ...
    def docx(self, doc: Any, data: ProgressData, chart: Chart) -> None: ...
    def pdf(self, story: list, data: ProgressData, chart: Chart) -> None: ...


def _action_label(action: ActionEntry) -> str:
    return f"{action.number}. {action.title}"


def _update_text(update: UpdateEntry | None) -> str:
    if update is None:
        return "No progress update yet."
    who = f" ({update.author})" if update.author else ""
    return f"{format_date(update.date)}{who}: {update.narrative}"


class RagSummary:
    heading = "RAG summary"

    def applies(self, data: ProgressData) -> bool:
        return True

    def rows(self, data: ProgressData) -> list[list[str]]:
        before = dict(data.rag_before)
        return [[rag.label, str(before.get(rag, 0)), str(n)] for rag, n in data.plan.rag_counts]

    def headers(self, data: ProgressData) -> list[str]:
        return ["RAG", f"At {format_date(data.start)}", f"At {format_date(data.end)}"]

    def docx(self, doc: Any, data: ProgressData, chart: Chart) -> None:
        docx_kit.picture(doc, chart.png, width_cm=15, alt_text=chart.alt_text, title=chart.title)
        doc.add_paragraph(
            "The chart shows the number of actions of each RAG at the start and at the end of "
            "the period; the table gives the same numbers."
        )
        docx_kit.table(
            doc,
            self.headers(data),
            self.rows(data),
            widths_cm=[5, 4, 4],
            rag_column=0,
            rags=list(RAG_ORDER),
        )

    def pdf(self, story: list, data: ProgressData, chart: Chart) -> None:
        story.append(pdf_kit.image(chart.png, 15, 15 * 2.6 / 6.4))
        story.append(pdf_kit.para(chart.alt_text, "note"))
        story.append(
            pdf_kit.table(
                self.headers(data), self.rows(data), [5, 4, 4], rag_column=0, rags=list(RAG_ORDER)
            )
        )


class ListSection:
    """A table of actions, or a sentence when there are none."""

    heading = ""
    empty = ""
    headers: tuple[str, ...] = ()
    widths: tuple[float, ...] = ()

    def items(self, data: ProgressData) -> list[Any]:
        raise NotImplementedError

    def row(self, item: Any) -> list[str]:
        raise NotImplementedError

    def rag(self, item: Any):
        return None

    def applies(self, data: ProgressData) -> bool:
        return True

    def _table_args(self, data: ProgressData) -> tuple[list[list[str]], dict[str, Any]]:
        items = self.items(data)
        rows = [self.row(i) for i in items]
        rags = [self.rag(i) for i in items]
        extra: dict[str, Any] = {}
        if items and rags[0] is not None:
            extra = {"rag_column": len(self.headers) - 1, "rags": rags}
        return rows, extra

    def docx(self, doc: Any, data: ProgressData, chart: Chart) -> None:
        rows, extra = self._table_args(data)
        if not rows:
            doc.add_paragraph(self.empty)
            return
        docx_kit.table(doc, self.headers, rows, widths_cm=self.widths, size=9, **extra)

    def pdf(self, story: list, data: ProgressData, chart: Chart) -> None:
        rows, extra = self._table_args(data)
        if not rows:
            story.append(pdf_kit.para(self.empty))
            return
        story.append(pdf_kit.table(self.headers, rows, self.widths, **extra))


class RagChanges(ListSection):
    heading = "RAG changes"
    empty = "No action changed RAG in the period."
    headers = ("Action", "Key lead", "Why", "Before", "Now")
    widths = (5.5, 3.5, 4.8, 1.9, 2.0)

    def items(self, data: ProgressData) -> list[Any]:
        return data.rag_changes

    def row(self, change: Any) -> list[str]:
        before = change.before.label if change.before else "New"
        return [
            _action_label(change.action),
            change.action.lead,
            change.action.rag.reason,
            before,
            change.action.rag.label,
        ]

    def rag(self, change: Any):
        return change.after


class Completed(ListSection):
    heading = "Actions completed"
    empty = "No action was completed in the period."
    headers = ("Action", "Key lead", "Progress to date", "RAG")
    widths = (5.0, 3.5, 7.4, 1.8)

    def items(self, data: ProgressData) -> list[Any]:
        return data.completed

    def row(self, action: ActionEntry) -> list[str]:
        return [_action_label(action), action.lead, _update_text(action.latest_update), "Complete"]

    def rag(self, action: ActionEntry):
        return action.rag.rag


class Overdue(ListSection):
    heading = "Overdue actions"
    empty = "No action is overdue."
    headers = ("Action", "Key lead", "Due", "Progress to date", "RAG")
    widths = (4.6, 3.0, 2.2, 6.2, 1.8)

    def items(self, data: ProgressData) -> list[Any]:
        return data.overdue

    def row(self, action: ActionEntry) -> list[str]:
        return [
            _action_label(action),
            action.lead,
            action.timescale,
            _update_text(action.latest_update),
            action.rag.text,
        ]

    def rag(self, action: ActionEntry):
        return action.rag.rag


class NewActions(ListSection):
    heading = "Actions added"
    empty = "No action was added in the period."
    headers = ("Action", "Key lead", "Due", "SMART target")
    widths = (5.5, 3.5, 2.4, 6.4)

    def applies(self, data: ProgressData) -> bool:
        return bool(data.new_actions)

    def items(self, data: ProgressData) -> list[Any]:
        return data.new_actions

    def row(self, action: ActionEntry) -> list[str]:
        return [_action_label(action), action.lead, action.timescale, action.success_measure]


class NewUpdates(ListSection):
    heading = "Progress updates in the period"
    empty = "No progress update was posted for the period."
    headers = ("Action", "Date", "By", "Progress", "RAG")
    widths = (4.0, 2.3, 2.5, 7.0, 1.8)

    def items(self, data: ProgressData) -> list[Any]:
        return data.new_updates

    def row(self, item: Any) -> list[str]:
        action, update = item
        text = update.narrative
        if update.evidence:
            text += f"\nEvidence: {update.evidence}"
        return [_action_label(action), format_date(update.date), update.author, text,
                update.rag.label]  # fmt: skip

    def rag(self, item: Any):
        return item[1].rag


class MeasuresOffTarget(ListSection):
    """The council's measures that were red or amber at the end of the period, worst first,
    with the rule in words, how long each has been off target, and a trend chart for the ones
    furthest off (a board paper, not an appendix of every chart)."""

    heading = "Measures off target"
    empty = "No measure was off target at the end of the period."
    headers = ("Measure", "Latest", "Target", "Off target", "RAG")
    widths = (5.0, 3.2, 2.3, 5.5, 1.8)
    charts = 6
    # The RAG column holds the words (Red, Amber): the tints of the kit are plans' RAG.

    def items(self, data: ProgressData) -> list[Any]:
        return data.measures_off_target

    def row(self, item: MeasureSummary) -> list[str]:
        latest = f"{item.latest_text} ({item.latest.label})" if item.latest else "No data"
        a = item.assessment
        return [
            item.measure.name,
            latest,
            item.measure.target_text,
            "; ".join(t for t in (a.rule, a.off_target_text) if t) if a else "",
            a.label if a else "",
        ]

    def trend_charts(self, data: ProgressData) -> list[Chart]:
        out = []
        since = dt.date(data.end.year - 2, data.end.month, 1)  # the two years the note says
        for item in data.measures_off_target[: self.charts]:
            points = [p for p in item.points if p.period >= since]
            out.append(
                trend_chart(
                    item.measure.name,
                    [p.label for p in points],
                    [float(p.value) for p in points],
                    target=float(item.measure.target) if item.measure.target is not None else None,
                    england=[float(p.england) if p.england is not None else None for p in points],
                    unit_words=item.measure.get_unit_display(),
                )
            )
        return out

    def _charts_note(self, data: ProgressData) -> str:
        n = len(data.measures_off_target)
        shown = min(n, self.charts)
        if n <= shown:
            return "Each measure's trend over the last two years, against its target."
        return (
            f"The trends of the {shown} measures furthest off target over the last two years; "
            f"the table lists all {n}."
        )

    def docx(self, doc: Any, data: ProgressData, chart: Chart) -> None:
        super().docx(doc, data, chart)
        charts = self.trend_charts(data)
        if charts:
            doc.add_paragraph(self._charts_note(data))
        for c in charts:
            docx_kit.picture(doc, c.png, width_cm=14, alt_text=c.alt_text, title=c.title)

    def pdf(self, story: list, data: ProgressData, chart: Chart) -> None:
        super().pdf(story, data, chart)
        charts = self.trend_charts(data)
        if charts:
            story.append(pdf_kit.para(self._charts_note(data), "note"))
        for c in charts:
            story.append(pdf_kit.image(c.png, 14, 14 * 2.2 / 6.4))
            story.append(pdf_kit.para(c.alt_text, "note"))


class CaseAudits(ListSection):
    """Each audit stream's latest result at the end of the period beside the one before,
    with what the audits taught."""

    heading = "Case audits"
    empty = "No case-audit results were recorded by the end of the period."
    headers = ("Audit", "Latest", "Cases", "Good or better", "Before", "Learning")
    widths = (3.4, 2.4, 1.4, 2.0, 1.8, 6.8)

    def items(self, data: ProgressData) -> list[Any]:
        return data.audits

    def row(self, item: AuditSummary) -> list[str]:
        latest = item.points[-1]
        before = f"{item.points[-2].percent:.0f}%" if len(item.points) > 1 else "–"
        return [
            item.stream.name,
            latest.label,
            str(latest.result.cases_audited),
            f"{latest.percent:.0f}%",
            before,
            latest.result.learning,
        ]


class Evaluations(ListSection):
    """Each recommendation's latest self-assessment evaluation beside its actions' RAG: whether
    the actions being on track is matched by the council's own judgement of the change."""

    heading = "Self-assessment of each recommendation"
    empty = ""
    headers = ("Recommendation", "Evaluation", "Round", "Actions' RAG")
    widths = (7.2, 2.6, 4.4, 3.6)

    def applies(self, data: ProgressData) -> bool:
        return bool(data.evaluations)

    def items(self, data: ProgressData) -> list[Any]:
        return data.evaluations

    def row(self, item: Any) -> list[str]:
        r = item.requirement
        return [f"{r.label}: {r.text}", item.evaluation, item.round_title, item.rags]


SECTIONS: list[Section] = [
    RagSummary(),
    RagChanges(),
    Completed(),
    Overdue(),
    NewActions(),
    NewUpdates(),
    MeasuresOffTarget(),
    CaseAudits(),
    Evaluations(),
]


def chart(data: ProgressData) -> Chart:
    return rag_bar_chart(
        data.plan.rag_counts,
        title="Actions by RAG",
        before=data.rag_before,
        before_label=f"At {format_date(data.start)}",
        after_label=f"At {format_date(data.end)}",
    )


def docx(data: ProgressData) -> bytes:
    doc = docx_kit.new_document(title(data), subject=data.plan.title)
    doc.add_heading(title(data), level=0)
    doc.add_paragraph(intro(data))
    picture = chart(data)
    for section in SECTIONS:
        if section.applies(data):
            doc.add_heading(section.heading, level=1)
            section.docx(doc, data, picture)
    return docx_kit.to_bytes(doc)


def pdf(data: ProgressData) -> bytes:
    story: list = [pdf_kit.para(title(data), "title"), pdf_kit.para(intro(data), "lead")]
    picture = chart(data)
    for section in SECTIONS:
        if section.applies(data):
            story.append(pdf_kit.heading(section.heading))
            section.pdf(story, data, picture)
    return pdf_kit.build(story, title=title(data), subject=data.plan.title)
