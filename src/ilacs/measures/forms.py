"""Forms for the measures pages. They check what a person typed; writes go through services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from ilacs.measures import periods
from ilacs.measures.models import (
    AuditStream,
    Direction,
    FrameworkOutcome,
    Frequency,
    Measure,
    Unit,
)
from ilacs.measures.services import MeasureError, to_decimal
from ilacs.plans.forms import PersonChoiceField, members_of
from ilacs.plans.models import Action, Requirement, Theme


class NumberField(forms.CharField):
    """A number typed as text ("85", "85.5", "1,234", "85%"), to two decimal places."""

    def __init__(self, *args: Any, what: str = "The value", **kwargs: Any) -> None:
        self.what = what
        super().__init__(*args, **kwargs)

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return to_decimal(text, self.what)
        except MeasureError as exc:
            raise forms.ValidationError(str(exc)) from None


class PeriodField(forms.CharField):
    """A month, quarter or year typed as councils write it ("March 2025", "Q1 2025-26")."""

    frequency = Frequency.MONTHLY

    def clean(self, value: Any) -> dt.date | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return periods.parse_period(self.frequency, text)
        except periods.PeriodError as exc:
            raise forms.ValidationError(str(exc)) from None


PERIOD_HINTS = {
    Frequency.MONTHLY: "For example, March 2025 or 2025-03",
    Frequency.QUARTERLY: "Financial quarters: Q1 is April to June. For example, Q1 2025-26",
    Frequency.YEARLY: "Financial years, April to March. For example, 2025-26",
}


class ActionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Action) -> str:
        return f"Action {obj.number}: {obj.title}"


class RequirementChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Requirement) -> str:
        return f"{obj.label}: {obj.short_text}"


class ThemeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Theme) -> str:
        return obj.name


class MeasureForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="As your scorecards name it. For example, Re-referrals within 12 months",
        error_messages={"required": "Enter the measure's name"},
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What is counted, and where the figure comes from.",
    )
    unit = forms.ChoiceField(
        label="Unit",
        choices=Unit.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the unit"},
    )
    direction = forms.ChoiceField(
        label="Which way is better?",
        choices=Direction.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether higher or lower is better"},
    )
    frequency = forms.ChoiceField(
        label="How often is it reported?",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how often it is reported"},
    )
    target = NumberField(
        label="Target (optional)",
        required=False,
        what="The target",
        help_text="Without a target the measure is not rated red, amber or green.",
    )
    amber_tolerance = NumberField(
        label="Amber tolerance",
        required=False,
        what="The amber tolerance",
        help_text="How far from the target a value is still amber rather than red, in the "
        "measure's unit (points for a percentage). 0 means anything off target is red.",
    )
    owner_user = PersonChoiceField(
        label="Owner", queryset=None, required=False, empty_label="No member chosen"
    )
    owner_role = forms.CharField(
        label="Owner's role (optional)",
        max_length=200,
        required=False,
        help_text="For example, Head of Performance",
    )
    framework_outcome = forms.ChoiceField(
        label="National framework outcome (optional)",
        choices=[("", "None")] + list(FrameworkOutcome.choices),
        required=False,
    )
    theme = ThemeChoiceField(
        label="Plan theme (optional)", queryset=None, required=False, empty_label="None"
    )
    actions = ActionChoiceField(
        label="Actions that move this measure",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The actions whose SMART target this measure shows.",
    )
    requirements = RequirementChoiceField(
        label="Recommendations it gives evidence for",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, la: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = members_of(la)
        self.fields["theme"].queryset = Theme.objects.filter(plan__local_authority=la).order_by(
            "plan", "order"
        )
        self.fields["actions"].queryset = Action.objects.filter(plan__local_authority=la).order_by(
            "plan", "number"
        )
        self.fields["requirements"].queryset = Requirement.objects.filter(
            plan__local_authority=la
        ).order_by("plan", "number")

    @staticmethod
    def initial_for(measure: Measure) -> dict[str, Any]:
        from ilacs.measures.units import plain_number

        return {
            "name": measure.name,
            "description": measure.description,
            "unit": measure.unit,
            "direction": measure.direction,
            "frequency": measure.frequency,
            "target": "" if measure.target is None else plain_number(measure.target),
            "amber_tolerance": plain_number(measure.amber_tolerance),
            "owner_user": measure.owner_user_id,
            "owner_role": measure.owner_role,
            "framework_outcome": measure.framework_outcome,
            "theme": measure.theme_id,
            "actions": list(measure.actions.values_list("pk", flat=True)),
            "requirements": list(measure.requirements.values_list("pk", flat=True)),
        }


class ValueForm(forms.Form):
    period = PeriodField(label="Period", error_messages={"required": "Enter the period"})
    value = NumberField(label="Value", error_messages={"required": "Enter the value"})
    england = NumberField(label="England (optional)", required=False, what="England's figure")
    statistical_neighbours = NumberField(
        label="Statistical neighbours' average (optional)",
        required=False,
        what="The statistical neighbours' figure",
    )
    region = NumberField(label="Region (optional)", required=False, what="The region's figure")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For a correction, say why the figure changed.",
    )

    def __init__(self, *args: Any, frequency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].frequency = Frequency(frequency)
        self.fields["period"].help_text = PERIOD_HINTS[Frequency(frequency)]


class ScorecardForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="For example, Corporate Parenting Scorecard",
        error_messages={"required": "Enter the scorecard's name"},
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Who it is for and when they see it.",
    )
    measures = forms.ModelMultipleChoiceField(
        label="Measures",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, la: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = la.measures.all()


class AuditStreamForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="For example, Child protection plans",
        error_messages={"required": "Enter the audit stream's name"},
    )
    description = forms.CharField(
        label="Description (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    frequency = forms.ChoiceField(
        label="How often are results reported?",
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how often results are reported"},
    )
    target = NumberField(
        label="Target for % good or better (optional)", required=False, what="The target"
    )

    @staticmethod
    def initial_for(stream: AuditStream) -> dict[str, Any]:
        from ilacs.measures.units import plain_number

        return {
            "name": stream.name,
            "description": stream.description,
            "frequency": stream.frequency,
            "target": "" if stream.target is None else plain_number(stream.target),
        }


class WholeNumberField(forms.IntegerField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)
        self.error_messages["invalid"] = f"{self.label} must be a whole number"
        self.error_messages["min_value"] = f"{self.label} cannot be negative"


class AuditResultForm(forms.Form):
    period = PeriodField(label="Period", error_messages={"required": "Enter the period"})
    cases_audited = WholeNumberField(
        label="Cases audited", error_messages={"required": "Enter the number of cases audited"}
    )
    outstanding = WholeNumberField(label="Outstanding", required=False)
    good = WholeNumberField(label="Good", required=False)
    requires_improvement = WholeNumberField(label="Requires improvement", required=False)
    inadequate = WholeNumberField(label="Inadequate", required=False)
    learning = forms.CharField(
        label="Themes of learning (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the audits found, good and bad, and what will change.",
    )

    def __init__(self, *args: Any, frequency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].frequency = Frequency(frequency)
        self.fields["period"].help_text = PERIOD_HINTS[Frequency(frequency)]


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV file or an Excel workbook (.xlsx) laid out like the template.",
        error_messages={
            "required": "Select a CSV file or an Excel workbook",
            "empty": "The selected file is empty",
        },
    )
