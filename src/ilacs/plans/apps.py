from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ilacs.plans"
    label = "plans"
    verbose_name = "Improvement plans"

    def ready(self) -> None:
        # Plan pages are long tables: GOV.UK components must not be compiled on every call.
        # (Project-wide; see ilacs/frontend.py.)
        from ilacs.frontend import use_cached_components

        use_cached_components()
