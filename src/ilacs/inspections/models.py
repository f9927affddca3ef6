from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse

from ilacs import dates
from ilacs.extraction.model import GRADES, JUDGEMENT_KEYS, REPORT_TYPES
from ilacs.inspections import labels
from ilacs.localauthorities.models import LocalAuthority


def _choices(keys: tuple[str, ...], names: dict[str, str]) -> list[tuple[str, str]]:
    return [(key, names.get(key, key)) for key in keys]


# What a stored report is served as, by the format the reader found in its content (never by the
# name it was sent under: "r.exe" holding a PDF is a PDF).
FORMAT_CONTENT_TYPES = {
    "pdf": ("application/pdf", ".pdf"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
    ),
    "html": ("text/html; charset=utf-8", ".html"),
    "text": ("text/plain; charset=utf-8", ".txt"),
}


def format_suffix(file_format: str) -> str:
    """ ".pdf" for a PDF; "" for a format ilacs does not serve by type."""
    return FORMAT_CONTENT_TYPES.get(file_format, ("", ""))[1]


def source_upload_to(instance: Inspection, filename: str) -> str:
    """Content-addressed: the same file is stored once, whatever it was called. The suffix comes
    from the format found in the content, when known, not from the sender's file name."""
    suffix = format_suffix(instance.format)
    if not suffix and "." in filename:
        suffix = "." + filename.rsplit(".", 1)[1].lower()[:10]
    return f"inspections/{instance.sha256[:2]}/{instance.sha256}{suffix}"


class InspectionQuerySet(models.QuerySet["Inspection"]):
    def public(self) -> InspectionQuerySet:
        """Published inspections: see `Inspection.is_public`."""
        return self.filter(withdrawn_at__isnull=True, ofsted_published=True)


class Inspection(models.Model):
    """One Ofsted inspection report of a council's children's services, as extracted.

    "Published" (`is_public`) is defined here and only here: a report Ofsted has published
    (`ofsted_published`) that nobody has withdrawn. Published reports and what is drawn from them
    are public information, visible to everyone signed in. Reports added by the service (the
    command line, the national dataset) are Ofsted's published reports; a council uploading a
    report it holds before publication (a draft sent for factual accuracy checks, a committee
    paper) says so on the upload form, and it stays with its members. ILACS reports do not print
    their publication date, so the date cannot decide it.
    """

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="inspections"
    )
    report_type = models.CharField(
        max_length=30, choices=_choices(REPORT_TYPES, labels.REPORT_TYPE_NAMES)
    )
    title = models.CharField(max_length=300, blank=True)
    inspection_start = models.DateField(null=True, blank=True)
    inspection_end = models.DateField(null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    lead_inspector = models.CharField(max_length=200, blank=True)
    overall_effectiveness = models.CharField(
        max_length=30, choices=_choices(GRADES, labels.GRADE_NAMES), blank=True
    )

    # Where it came from. A committee paper may embed a report on some of its pages: the file's
    # sha256 and that page (or, for text, line) range identify the report (`source_key`).
    # Uploaded reports keep their file; inspections from the national dataset (published Ofsted
    # reports, Open Government Licence) have none: pages offer no download and say where from.
    UPLOADED = "uploaded"
    NATIONAL_DATASET = "national_dataset"
    SOURCES = [(UPLOADED, "Uploaded"), (NATIONAL_DATASET, "National dataset")]
    source = models.CharField(max_length=20, choices=SOURCES, default=UPLOADED)
    source_file = models.FileField(upload_to=source_upload_to, max_length=200, blank=True)
    source_filename = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64, db_index=True)
    source_key = models.CharField(max_length=120, unique=True)
    format = models.CharField(max_length=10)
    pages = models.PositiveIntegerField(null=True, blank=True)
    first_page = models.PositiveIntegerField(null=True, blank=True)
    last_page = models.PositiveIntegerField(null=True, blank=True)
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)

    ingested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # people who wrote anything are deactivated, not deleted
        null=True,
        blank=True,
        related_name="+",
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    # Withdrawn (uploaded by mistake): kept with who and why, left out of pages and lists.
    # Uploading the same report again brings it back.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_reason = models.TextField(blank=True)
    ofsted_published = models.BooleanField(
        "published by Ofsted",
        default=True,
        help_text="False for a report a council uploaded before Ofsted published it (a draft).",
    )

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["local_authority__name", "-inspection_start", "-pk"]
        indexes = [models.Index(fields=["local_authority", "inspection_start"])]

    def __str__(self) -> str:
        return f"{self.local_authority}: {self.get_report_type_display()} ({self.date_range})"

    def get_absolute_url(self) -> str:
        return reverse("inspections:detail", args=[self.local_authority.slug, self.pk])

    @property
    def is_public(self) -> bool:
        """Published and not withdrawn: every signed-in user may see it (InspectionQuerySet.public
        is the same rule in the database)."""
        return self.withdrawn_at is None and self.ofsted_published

    @property
    def date_range(self) -> str:
        return dates.date_range(self.inspection_start, self.inspection_end)

    @property
    def overall_effectiveness_label(self) -> str:
        return labels.grade_name(self.overall_effectiveness)

    @property
    def overall_effectiveness_tag_class(self) -> str:
        return labels.grade_tag_class(self.overall_effectiveness)

    @property
    def format_label(self) -> str:
        return labels.FORMAT_NAMES.get(self.format, self.format.upper())

    @property
    def report_type_label(self) -> str:
        return labels.report_type_name(self.report_type)

    @property
    def improvement_heading(self) -> str:
        """What the report calls its list ("What needs to improve", "Recommendations"...)."""
        if self.report_type in ("ilacs", "focused_visit", "monitoring_visit"):
            return "What needs to improve"
        if self.report_type in (
            "looked_after_children",
            "child_protection",
            "safeguarding_and_lac",
        ):
            return "Areas for improvement"
        return "Recommendations"

    @property
    def from_national_dataset(self) -> bool:
        """True for a published report loaded from the national dataset: no file to download."""
        return self.source == self.NATIONAL_DATASET

    @property
    def has_file(self) -> bool:
        return bool(self.source_file.name)

    @property
    def is_embedded(self) -> bool:
        """True when the report is a part of a longer document (a committee paper)."""
        return self.first_page is not None or self.first_line is not None

    @property
    def heading(self) -> str:
        return labels.report_heading(self.report_type, self.local_authority.name)

    @property
    def short_type_label(self) -> str:
        """ "ILACS inspection", "SIF inspection"."""
        return labels.REPORT_TYPE_SHORT_NAMES.get(self.report_type, self.report_type)

    @property
    def download_content_type(self) -> str:
        return FORMAT_CONTENT_TYPES.get(self.format, ("application/octet-stream", ""))[0]

    @property
    def download_filename(self) -> str:
        """The name the file was sent under, made safe (no path, quotes or control characters,
        at most 100 characters) and ending in the suffix of its real format: "r.exe" holding a
        PDF downloads as "r.pdf"."""
        stem = Path(self.source_filename).stem if "." in self.source_filename else ""
        stem = stem or self.source_filename
        stem = re.sub(r"[^\w .,()-]+", "_", stem).strip(" ._")[:100] or "report"
        suffix = format_suffix(self.format)
        if suffix and stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)] or "report"
        return stem + suffix


class Judgement(models.Model):
    """A graded judgement as printed in the report's judgement table."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="judgements")
    printed = models.CharField(max_length=300)
    key = models.CharField(
        max_length=40, choices=_choices(JUDGEMENT_KEYS, labels.JUDGEMENT_KEY_NAMES)
    )
    grade = models.CharField(max_length=30, choices=_choices(GRADES, labels.GRADE_NAMES))
    # The grade's words as the report prints them: a SIF report's "Requires improvement".
    grade_printed = models.CharField(max_length=60, blank=True)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["inspection", "order"]

    def __str__(self) -> str:
        return f"{self.name}: {self.grade_as_printed}"

    @property
    def name(self) -> str:
        """The row label as printed, read as a name (without a sentence's trailing "is")."""
        return labels.judgement_name(self.printed, self.key)

    @property
    def grade_label(self) -> str:
        return labels.grade_name(self.grade)

    @property
    def grade_as_printed(self) -> str:
        """ "Requires improvement" where the report prints that; the full grade name for reports
        added before the printed words were kept."""
        return self.grade_printed or self.grade_label

    @property
    def grade_tag_class(self) -> str:
        return labels.grade_tag_class(self.grade)

    @property
    def short_label(self) -> str:
        """ "Help and protection" for the long printed row label; the printed label for others."""
        return labels.JUDGEMENT_KEY_NAMES.get(self.key, self.printed)


class Recommendation(models.Model):
    """An item of "What needs to improve?" (older reports: "Recommendations"), or of a SIF
    report's LSCB review (`is_lscb`)."""

    inspection = models.ForeignKey(
        Inspection, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    # Reports from April 2026 cite the national framework: "(outcome 1, national framework)".
    framework_reference = models.CharField(max_length=200, blank=True)
    framework_outcome = models.PositiveSmallIntegerField(null=True, blank=True)
    is_lscb = models.BooleanField(default=False)
    # Improvement themes (extraction/themes.py keys, the chief first) as `ilacs extract` gives them.
    themes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["inspection", "is_lscb", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "is_lscb", "number"], name="unique_recommendation_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:60]}"

    @property
    def framework_label(self) -> str:
        """ "National framework outcome 4", "National framework enabler 2": the part of the
        national framework a 2026 item cites, or ""."""
        return labels.framework_label(self.framework_reference)


class Paragraph(models.Model):
    """A numbered paragraph of the report's findings, with the page it starts on."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="paragraphs")
    section = models.CharField(max_length=300, blank=True)
    number = models.PositiveIntegerField()
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    order = models.PositiveIntegerField()
    # Improvement themes by the same method as recommendations' (none when no theme stands out).
    themes = models.JSONField(default=list, blank=True)
    # The judgement whose section the paragraph sits under (inspections/sections.py): its grade
    # is the paragraph's for search. None when the report has no judgement for the section.
    judgement = models.ForeignKey(
        Judgement, on_delete=models.SET_NULL, null=True, blank=True, related_name="paragraphs"
    )

    class Meta:
        ordering = ["inspection", "order"]

    def __str__(self) -> str:
        return f"paragraph {self.number}"

    @property
    def reference(self) -> str:
        """How a council paper cites it: "paragraph 37, page 9"."""
        if self.page:
            return f"paragraph {self.number}, page {self.page}"
        return f"paragraph {self.number}"
