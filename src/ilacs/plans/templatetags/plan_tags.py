"""Template helpers for plan pages. Cheap on purpose: a plan's tables have hundreds of rows."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ilacs import components
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
def absolute(value: int | None) -> int | None:
    return None if value is None else abs(value)


_STATUS_LABELS = dict(ActionStatus.choices)


@register.simple_tag(takes_context=True)
def action_table(
    context: Any,
    rows: list[Any],
    caption: str,
    show_theme: bool = False,
    show_update: bool = False,
    show_match: bool = False,
    caption_visible: bool = False,
) -> SafeString:
    """The table of actions (queries.ActionRow) in plans/includes/action_table.jinja: number and
    title, lead, due date, [last update,] RAG and status. With show_theme each action names its
    theme; show_match says when a search matched a progress update."""
    plan = context["plan"]
    return components.render(
        "plans/includes/action_table.jinja",
        rows=rows,
        caption=caption,
        caption_visible=caption_visible,
        show_theme=show_theme,
        show_update=show_update,
        show_match=show_match,
        actions_url=reverse("plans:detail", args=[context["la"].slug, plan.pk]) + "actions/",
        status_labels=_STATUS_LABELS,
    )
