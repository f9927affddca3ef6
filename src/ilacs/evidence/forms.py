from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone

from ilacs.evidence import services
from ilacs.evidence.kinds import ACCEPTED_WORDS
from ilacs.forms import GovUKForm
from ilacs.plans.formfields import GovUKDateField


class EvidenceForm(GovUKForm):
    file = forms.FileField(
        label="File",
        error_messages={
            "required": "Select a file",
            "empty": "The selected file is empty",
            "invalid": "Select a file",
        },
    )
    description = forms.CharField(
        label="What the file shows",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, “Quarter 2 case audit report for child protection plans”.",
        error_messages={"required": "Enter what the file shows"},
    )
    effective_date = GovUKDateField(
        label="Date the evidence is for",
        help_text="The date of the meeting, audit or report, not today's. For example, 30 6 2025",
        error_messages={"required": "Enter the date the evidence is for"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        max_mb = settings.ILACS_EVIDENCE_MAX_MB
        self.fields["file"].help_text = f"It must be {ACCEPTED_WORDS}, up to {max_mb:g} MB."

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > services.max_bytes():
            raise forms.ValidationError(services.too_large_message())
        return upload

    def clean_effective_date(self) -> dt.date:
        date = self.cleaned_data["effective_date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date the evidence is for must be today or in the past")
        return date
