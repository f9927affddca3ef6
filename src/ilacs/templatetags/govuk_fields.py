"""Filters for the GOV.UK form components in templates/includes/ (every app's forms use them):
`{% load govuk_fields %}`. Registered in settings.TEMPLATES, as ilacs itself is not an app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms, template

register = template.Library()


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
def error_anchor(field: Any) -> str:
    """Where the error summary links for a field: the first radio or checkbox, else what the
    field's label points at (a date's day box: see plans.formfields.DateInputWidget)."""
    widget = field.field.widget
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return f"{field.auto_id}_0"
    return field.id_for_label
