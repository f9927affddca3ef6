"""Template helpers for measures pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html

from ilacs.measures.rag import Assessment, MeasureRag
from ilacs.measures.units import format_value

register = template.Library()


@register.simple_tag
def measure_rag(value: Assessment | MeasureRag | str | None) -> str:
    """A GOV.UK tag saying the RAG in words ("Amber"): colour is never the only signal."""
    if value is None or value == "":
        return ""
    rag = value.rag if isinstance(value, Assessment) else MeasureRag(value)
    return format_html(
        '<strong class="govuk-tag {} ilacs-rag-tag">{}</strong>', rag.tag_class, rag.label
    )


@register.filter
def in_unit(value: Any, unit: str) -> str:
    """85 -> "85%" for a percentage; blank stays blank."""
    if value is None or value == "":
        return ""
    return format_value(unit, value)
