"""GOV.UK Frontend components, rendered fast.

govuk-frontend-django's `gds_component` tag renders each component with Jinja, and (in 0.22.0)
builds a new Jinja environment and compiles the component's macro on every call: about 30 ms
per component, so 60 ms for the header and skip link of every page before any content. This
keeps one environment and each compiled macro for the life of the process. The HTML is
unchanged (same loader, same autoescaping, same data cleaning); tests/test_frontend.py compares
it with the library's own rendering.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.utils.safestring import mark_safe


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader, select_autoescape

    loader = ChoiceLoader(
        [PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")})]
    )
    return Environment(loader=loader, autoescape=select_autoescape())


@lru_cache(maxsize=256)
def _template(source: str) -> Any:
    return _environment().from_string(source)


def _clean(data: Any) -> None:
    """Remove None values at every level, as the library does before rendering."""
    if isinstance(data, list):
        for item in data:
            _clean(item)
    elif isinstance(data, dict):
        for key, value in list(data.items()):
            if value is None:
                del data[key]
            elif isinstance(value, dict | list):
                _clean(value)


def render_component(
    self: Any,
    template_name: Any = None,
    context: Any = None,
    renderer: Any = None,
    component_data: dict[str, Any] | None = None,
) -> str:
    data = self.__dict__.copy()
    if component_data:
        data.update(component_data)
    _clean(data)
    return mark_safe(_template(self.build_jinja_template()).render(data=data))


def use_cached_components() -> None:
    """Install the cached rendering on every component (called once, from an AppConfig)."""
    from govuk_frontend_django.components.base import GovUKComponent

    if getattr(GovUKComponent, "_ilacs_cached", False):
        return
    GovUKComponent._ilacs_original_render = GovUKComponent.render
    GovUKComponent.render = render_component
    GovUKComponent.__str__ = render_component
    GovUKComponent.__html__ = render_component
    GovUKComponent._ilacs_cached = True
