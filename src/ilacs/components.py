"""Components drawn hundreds of times a page (the rows of a plan's action table) are Jinja2
templates: compiled once to Python, they render a 300-action table several times faster than
Django's template language, whose every `a.b` lookup tries a dictionary first.

Escaping is Django's (`conditional_escape` on every `{{ }}`), so the HTML is the same as a Django
template would give, and anything Django marked safe stays as it is. Templates sit beside the
Django ones (`src/ilacs/<app>/templates/`), named `*.jinja`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ilacs.dates import format_date

_ROOT = Path(__file__).resolve().parent

_environment = Environment(
    loader=FileSystemLoader([_ROOT / "templates", *sorted(_ROOT.glob("*/templates"))]),
    autoescape=True,
    finalize=conditional_escape,
    undefined=StrictUndefined,  # a name the caller forgot is an error, not an empty cell
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["govuk_date"] = format_date


def render(name: str, **context: Any) -> SafeString:
    """The HTML of the component template `name` (e.g. "plans/includes/action_table.jinja")."""
    return mark_safe(_environment.get_template(name).render(context))
