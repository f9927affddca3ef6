from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from ilacs.dates import format_date
from ilacs.inspections import labels

register = template.Library()


@register.filter(expects_localtime=True)
def govuk_date(value: dt.date | dt.datetime | None) -> str:
    """4 March 2024 (GOV.UK style, no leading zero); a moment is shown on its local day."""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return format_date(value)


@register.filter
def grade_name(value: str | None) -> str:
    return labels.grade_name(value)
