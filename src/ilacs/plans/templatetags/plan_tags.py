"""Template helpers for plan pages. Cheap on purpose: a plan's tables have hundreds of rows."""

from __future__ import annotations

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
def absolute(value: int | None) -> int | None:
    return None if value is None else abs(value)
