"""Template helpers for plan pages. Cheap on purpose: a plan's tables have hundreds of rows."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ilacs.plans.models import ActionStatus
from ilacs.plans.rag import Rag, RagStatus

register = template.Library()


@register.simple_tag
def rag_tag(value: RagStatus | Rag | str | None, extra_classes: str = "") -> str:
    """A GOV.UK tag that says the RAG in words ("Amber"): colour is never the only signal."""
    if value is None or value == "":
        return ""
    rag = value.rag if isinstance(value, RagStatus) else Rag(value)
    classes = f"govuk-tag {rag.tag_class} ilacs-rag-tag {extra_classes}".strip()
    return format_html('<strong class="{}">{}</strong>', classes, rag.label)


@register.filter
def date_parts(value: Any) -> list[Any]:
    """A date input's [day, month, year], from a bound field's value or a date."""
    if isinstance(value, dt.date):
        return [value.day, value.month, value.year]
    if isinstance(value, list | tuple) and len(value) == 3:
        return ["" if v is None else v for v in value]
    if isinstance(value, str) and value:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return ["", "", ""]
        return [day.day, day.month, day.year]
    return ["", "", ""]


@register.filter
def days_until(value: dt.date | None, today: dt.date) -> int | None:
    if value is None:
        return None
    return (value - today).days


@register.filter
def error_anchor(field: Any) -> str:
    """Where the error summary links for a field: the first radio or checkbox, the day box of a
    date, else the field itself."""
    from django import forms

    from ilacs.plans.formfields import DateInputWidget

    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    if isinstance(widget, DateInputWidget):
        return f"{field.auto_id}_day"
    return field.id_for_label


@register.filter
def absolute(value: int | None) -> int | None:
    return None if value is None else abs(value)


_NOWRAP = {"Due date": " ilacs-nowrap", "Last update": " ilacs-nowrap"}
_STATUS_LABELS = {value: html.escape(str(label)) for value, label in ActionStatus.choices}


def _e(value: Any) -> str:
    """HTML-escaped text (the same escaping as Django's, without its per-call overhead)."""
    return html.escape(str(value), quote=True)


def _row_html(row: Any, base: str, show_theme: bool, show_update: bool, show_match: bool) -> str:
    from ilacs.inspections.labels import format_date

    action = row.action
    notes = ""
    theme = action.theme if action.theme_id else None
    if show_theme and theme is not None:
        notes += (
            f'<span class="govuk-body-s ilacs-secondary-text ilacs-block">{_e(theme.name)}</span>'
        )
    if show_match and row.matched_in_update:
        notes += (
            '<span class="govuk-body-s ilacs-secondary-text ilacs-block">'
            "Found in a progress update</span>"
        )
    if action.lead_user_id:
        lead = _e(action.lead_name)
        if action.lead_role:
            lead += f'<span class="ilacs-secondary-text ilacs-block">{_e(action.lead_role)}</span>'
    else:
        lead = _e(action.lead_role or "No lead")
    rag = row.rag
    rag_cell = f'<strong class="govuk-tag {rag.tag_class} ilacs-rag-tag">{rag.label}</strong>'
    if rag.is_override:
        rag_cell += (
            '<span class="govuk-body-s ilacs-secondary-text ilacs-block">'
            f"Set by {_e(rag.override.set_by)}</span>"
        )
    status = _STATUS_LABELS.get(action.status, action.status)
    cells = [
        f'<td class="govuk-table__cell"><a class="govuk-link" href="{base}{action.number}/">'
        f'<span class="ilacs-action-number">{action.number}.</span> {_e(action.title)}</a>'
        f"{notes}</td>",
        f'<td class="govuk-table__cell">{rag_cell}</td>',
        f'<td class="govuk-table__cell govuk-body-s">{status}</td>',
        f'<td class="govuk-table__cell govuk-body-s">{lead}</td>',
        '<td class="govuk-table__cell govuk-body-s">'
        f"{format_date(action.due_date) or 'None set'}</td>",
    ]
    if show_update:
        cells.append(
            '<td class="govuk-table__cell govuk-body-s">'
            f"{format_date(row.latest_update_date) or 'None yet'}</td>"
        )
    return '<tr class="govuk-table__row">' + "".join(cells) + "</tr>"


@register.simple_tag(takes_context=True)
def action_table(
    context: Any,
    rows: list[Any],
    caption: str,
    show_theme: bool = False,
    show_update: bool = False,
    show_match: bool = False,
    caption_visible: bool = False,
) -> str:
    """A GOV.UK table of actions (queries.ActionRow): number and title, RAG (a tag that says the
    word), status, lead, due date. RAG and status come straight after the title, so that on a
    phone they are on the screen without scrolling the table sideways. Built in Python, and each
    row once per page however many tables show it: a plan's dashboard has hundreds of rows."""
    from django.urls import reverse

    plan = context["plan"]
    base = reverse("plans:detail", args=[context["la"].slug, plan.pk]) + "actions/"
    widths = ("30", "12", "14", "18", "13", "13") if show_update else ("42", "12", "12", "22", "12")
    head = ["Action", "RAG", "Status", "Lead", "Due date"]
    if show_update:
        head.append("Last update")
    hidden = "" if caption_visible else " govuk-visually-hidden"
    out = [
        '<div class="ilacs-table-container">'
        '<table class="govuk-table govuk-table--small-text-until-tablet ilacs-actions-table">',
        f'<caption class="govuk-table__caption govuk-table__caption--s{hidden}">{_e(caption)}'
        "</caption>",
        "<colgroup>" + "".join(f'<col class="ilacs-w-{w}">' for w in widths) + "</colgroup>",
        '<thead class="govuk-table__head"><tr class="govuk-table__row">',
        *(
            f'<th scope="col" class="govuk-table__header{_NOWRAP.get(h, "")}">{h}</th>'
            for h in head
        ),
        '</tr></thead><tbody class="govuk-table__body">',
    ]
    key = (base, show_theme, show_update, show_match)
    for row in rows:
        cache = row.__dict__.setdefault("_html", {})
        html_row = cache.get(key)
        if html_row is None:
            html_row = cache[key] = _row_html(row, base, show_theme, show_update, show_match)
        out.append(html_row)
    out.append("</tbody></table></div>")
    return mark_safe("".join(out))
