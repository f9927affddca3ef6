"""Template helpers for plan pages. Cheap on purpose: a plan's tables have hundreds of rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.html import format_html

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
