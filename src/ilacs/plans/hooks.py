"""Where apps above plans add to the plan's pages without the plans app importing them.

    dashboard panels   a template and a function giving its context, rendered on the plan's
                       dashboard after the counts (e.g. the evidence panel of ilacs.assessments)
    plan links         extra tabs in the plan's navigation (label, URL name, section)
    history sources    more entries for the plan's Changes page: a function (plan, limit) ->
                       list of ilacs.plans.history.Entry, newest first

Registered from the other app's AppConfig.ready(); the plan's views ask for them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

# (request, plan, **shared) -> context; `shared` holds what the dashboard has already worked out
# (action_rows: every action with its RAG, when no filter is applied), to save reading it again.
PanelContext = Callable[..., dict[str, Any] | None]


@dataclass(frozen=True)
class Panel:
    template: str
    context: PanelContext


@dataclass(frozen=True)
class PlanLink:
    label: str
    url_name: str  # reversed with (council slug, plan pk)
    section: str  # the value of `section` on its pages, to mark the tab as current


_panels: dict[str, Panel] = {}
_links: dict[str, PlanLink] = {}
_history_sources: dict[str, Callable[[Any, int], list[Any]]] = {}


def register_dashboard_panel(template: str, context: PanelContext) -> None:
    _panels[template] = Panel(template, context)


def register_plan_link(label: str, url_name: str, section: str) -> None:
    _links[url_name] = PlanLink(label, url_name, section)


def register_history_source(name: str, entries: Callable[[Any, int], list[Any]]) -> None:
    _history_sources[name] = entries


def history_entries(plan: Any, limit: int) -> list[Any]:
    """Every registered source's entries for the plan's Changes page."""
    found: list[Any] = []
    for entries in _history_sources.values():
        found.extend(entries(plan, limit))
    return found


def dashboard_panels(request: HttpRequest, plan: Any, **shared: Any) -> list[dict[str, Any]]:
    """Each registered panel's template and context (a panel whose function returns None is
    left out)."""
    found = []
    for panel in _panels.values():
        context = panel.context(request, plan, **shared)
        if context is not None:
            found.append({"template": panel.template, "context": context})
    return found


def plan_links(plan: Any) -> list[dict[str, str]]:
    return [
        {
            "label": link.label,
            "url": reverse(link.url_name, args=[plan.local_authority.slug, plan.pk]),
            "section": link.section,
        }
        for link in _links.values()
    ]
