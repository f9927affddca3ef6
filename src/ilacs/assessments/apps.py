from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "ilacs.assessments"
    label = "assessments"
    verbose_name = "Self-assessment and monitoring arrangements"

    def ready(self) -> None:
        # The plan's pages know nothing of self-assessment: this app adds its panel to the
        # dashboard and its pages to the plan's navigation through the plans app's hooks.
        from ilacs.assessments import panels

        panels.register()
