"""Template helpers for plan pages. Cheap on purpose: a plan's tables have hundreds of rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

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


def _rag_cell(row: Any) -> str:
    tag = rag_tag(row.rag)
    if row.rag.is_override:
        return format_html(
            '{}<span class="govuk-body-s ilacs-secondary-text ilacs-block">Set by {}</span>',
            tag,
            row.rag.override.set_by,
        )
    return tag


def _lead_cell(action: Any) -> str:
    if action.lead_user_id:
        if action.lead_role:
            return format_html(
                '{}<span class="ilacs-secondary-text ilacs-block">{}</span>',
                action.lead_name,
                action.lead_role,
            )
        return conditional_escape(action.lead_name)
    return conditional_escape(action.lead_role or "No lead")


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
    """A GOV.UK table of actions (queries.ActionRow): number and title, lead, due date, RAG
    (tag with its word) and status. Built in Python: a plan's dashboard has hundreds of rows."""
    from django.urls import reverse

    from ilacs.inspections.labels import format_date

    plan = context["plan"]
    base = reverse("plans:detail", args=[context["la"].slug, plan.pk]) + "actions/"
    widths = ("34", "20", "12", "12", "10", "12") if show_update else ("44", "22", "12", "10", "12")
    head = [
        "Action",
        "Lead",
        "Due date",
        *(["Last update"] if show_update else []),
        "RAG",
        "Status",
    ]
    out = [
        '<table class="govuk-table ilacs-actions-table">',
        format_html(
            '<caption class="govuk-table__caption govuk-table__caption--s{}">{}</caption>',
            "" if caption_visible else " govuk-visually-hidden",
            caption,
        ),
        "<colgroup>" + "".join(f'<col class="ilacs-w-{w}">' for w in widths) + "</colgroup>",
        '<thead class="govuk-table__head"><tr class="govuk-table__row">',
        *(
            f'<th scope="col" class="govuk-table__header{_NOWRAP.get(h, "")}">{h}</th>'
            for h in head
        ),
        '</tr></thead><tbody class="govuk-table__body">',
    ]
    for row in rows:
        action = row.action
        notes = ""
        if show_theme and action.theme_id and action.theme is not None:
            notes += format_html(
                '<span class="govuk-body-s ilacs-secondary-text ilacs-block">{}</span>',
                action.theme.name,
            )
        if show_match and row.matched_in_update:
            notes += (
                '<span class="govuk-body-s ilacs-secondary-text ilacs-block">'
                "Found in a progress update</span>"
            )
        cells = [
            format_html(
                '<td class="govuk-table__cell"><a class="govuk-link" href="{}{}/">'
                '<span class="ilacs-action-number">{}.</span> {}</a>{}</td>',
                base,
                action.number,
                action.number,
                action.title,
                mark_safe(notes),
            ),
            format_html('<td class="govuk-table__cell govuk-body-s">{}</td>', _lead_cell(action)),
            format_html(
                '<td class="govuk-table__cell govuk-body-s ilacs-nowrap">{}</td>',
                format_date(action.due_date) or "None set",
            ),
        ]
        if show_update:
            cells.append(
                format_html(
                    '<td class="govuk-table__cell govuk-body-s ilacs-nowrap">{}</td>',
                    format_date(row.latest_update_date) or "None yet",
                )
            )
        cells.append(format_html('<td class="govuk-table__cell">{}</td>', _rag_cell(row)))
        cells.append(
            format_html(
                '<td class="govuk-table__cell govuk-body-s">{}</td>', action.get_status_display()
            )
        )
        out.append('<tr class="govuk-table__row">' + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return mark_safe("".join(out))
