from __future__ import annotations

from django import forms

from ilacs.forms import GovUKForm
from ilacs.plans.formfields import GovUKDateField
from ilacs.selfevaluation.services import MAX_YEAR, MIN_YEAR


class StartForm(GovUKForm):
    year = forms.IntegerField(
        label="Year",
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        help_text="The year of the annual engagement meeting it is for. For example, 2026",
        error_messages={
            "required": "Enter the year",
            "invalid": "Year must be a number, like 2026",
        },
    )
    as_at = GovUKDateField(
        label="Date of the self-evaluation",
        help_text="The date it speaks for, such as the date of the annual engagement meeting. "
        "For example, 15 1 2026",
        error_messages={"required": "Enter the date of the self-evaluation"},
    )
    plan = forms.ModelChoiceField(
        label="Improvement plan it sits beside",
        queryset=None,
        required=False,
        empty_label="The newest plan",
        help_text="Its actions' progress and recommendations are shown beside the sections.",
    )
    from_last_year = forms.BooleanField(
        label="Start from last year's text",
        required=False,
        help_text="Each section starts with what last year's self-evaluation said.",
    )

    def __init__(self, *args, plans=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class SectionForm(GovUKForm):
    text = forms.CharField(
        label="Text",
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
