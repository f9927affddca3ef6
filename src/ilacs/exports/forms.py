from __future__ import annotations

from typing import Any

from django import forms

from ilacs.exports.models import KIND_CHOICES
from ilacs.plans.formfields import GovUKDateField


class ProgressReportForm(forms.Form):
    """The progress report's period and forum (GET: the form's submit downloads the file)."""

    forum = forms.CharField(
        label="Which meeting is it for? (optional)",
        required=False,
        max_length=200,
        help_text="For example, Improvement board, or Children's scrutiny committee",
    )
    start = GovUKDateField(
        label="From",
        required=False,
        help_text="Usually the date of the last report. Leave empty for the last board meeting.",
    )
    end = GovUKDateField(label="To", required=False, help_text="Leave empty for today.")
    format = forms.ChoiceField(
        label="Format",
        choices=[("docx", "Word (.docx)"), ("pdf", "PDF")],
        initial="docx",
        widget=forms.RadioSelect,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("start", "From must be on or before To")
        return data


class HouseStyleForm(forms.Form):
    kind = forms.ChoiceField(
        label="Which document is the template for?", choices=KIND_CHOICES, widget=forms.RadioSelect
    )
    template = forms.FileField(
        label="Upload a Word template (.docx)",
        help_text="Placeholders are filled in from the plan: see docs/exports.md.",
    )
