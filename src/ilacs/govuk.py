"""GOV.UK components render once-compiled templates.

govuk-frontend-django (0.22.0, the latest) builds a new Jinja environment for every component it
renders, so each tag, button or banner on every page compiles GOV.UK Frontend's macro templates
again: about 35 ms a component. The service administrator's list of councils, with a grade tag per
council, took about 3 seconds to render. One shared environment (made with the library's own
settings, on first use) caches the compiled macros, and the small template that calls each macro is
compiled once; the HTML is the same.

`install()` is called from ilacs.accounts.apps (the header on every page is a component).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment


class SharedEnvironment(Environment):
    """Stands in for jinja2.Environment in govuk_frontend_django.components.base: the first call
    makes the environment, every later call returns it."""

    _shared: SharedEnvironment | None = None

    def __new__(cls, *args: Any, **kwargs: Any) -> SharedEnvironment:
        if cls._shared is None:
            environment = super().__new__(cls)
            Environment.__init__(environment, *args, **kwargs)
            environment._compiled = {}
            cls._shared = environment
        return cls._shared

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Already set up by __new__."""

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            template = self._compiled[source] = super().from_string(source)
        return template


def install() -> None:
    from govuk_frontend_django.components import base

    base.Environment = SharedEnvironment
