from __future__ import annotations

from django import forms
from django.conf import settings

from ilacs.forms import GovUKForm
from ilacs.units import mb_to_bytes

ACCEPTED = ".pdf,.docx,.html,.htm,.txt"


class UploadReportForm(GovUKForm):
    report = forms.FileField(
        label="Upload an Ofsted report",
        error_messages={
            "required": "Select a report file",
            "empty": "The selected file is empty",
            "invalid": "Select a report file",
        },
    )

    not_yet_published = forms.BooleanField(
        label="Ofsted has not published this report yet (only the council's members will see it)",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        max_mb = settings.ILACS_MAX_UPLOAD_MB
        self.fields["report"].help_text = (
            "The report as Ofsted published it (PDF), or a Word, web page or text copy. "
            f"A committee paper that includes the report also works. Up to {max_mb:g} MB."
        )

    @staticmethod
    def too_large_message() -> str:
        return f"The selected file must be smaller than {settings.ILACS_MAX_UPLOAD_MB:g} MB"

    def clean_report(self):
        report = self.cleaned_data["report"]
        if report.size > mb_to_bytes(settings.ILACS_MAX_UPLOAD_MB):
            raise forms.ValidationError(self.too_large_message())
        return report


class WithdrawReportForm(GovUKForm):
    reason = forms.CharField(
        label="Why is it being withdrawn?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, “Another council's report, uploaded by mistake”. Kept with the "
        "report, with your name.",
        error_messages={"required": "Enter why the report is being withdrawn"},
    )
