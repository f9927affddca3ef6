"""Components drawn hundreds of times a page (the rows of a plan's action table) are Jinja2
templates: compiled once to Python, they render a 300-action table several times faster than
Django's template language, whose every `a.b` lookup tries a dictionary first.

Every `{{ }}` is escaped as Django escapes (quotes as &quot; and &#x27;), so the HTML is the same
as a Django template would give; anything marked safe (Django's or Jinja's) stays as it is.
Templates sit beside the Django ones (`src/ilacs/<app>/templates/`), named `*.jinja`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ilacs.dates import format_date

_ROOT = Path(__file__).resolve().parent


def _escape(value: Any) -> str:
    """Every `{{ }}` goes through this (Jinja's `finalize`): Django's conditional_escape, without
    its lazy-string wrapper and Jinja's second pass (thousands of calls a table)."""
    if value.__class__ is str:
        return html.escape(value)
    if value.__class__ is int:
        return str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


_environment = Environment(
    loader=FileSystemLoader([_ROOT / "templates", *sorted(_ROOT.glob("*/templates"))]),
    # escaping is done by _escape on every output, as Django does: not twice
    autoescape=False,
    finalize=_escape,
    undefined=StrictUndefined,  # a name the caller forgot is an error, not an empty cell
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["govuk_date"] = format_date


def render(name: str, **context: Any) -> SafeString:
    """The HTML of the component template `name` (e.g. "plans/includes/action_table.jinja")."""
    return mark_safe(_environment.get_template(name).render(context))
