"""The annual self-evaluation of social work practice a council sends Ofsted before the annual
engagement meeting: one dated document per council and year, in sections that answer ILACS's
three questions (plus an optional summary). Every save of a section is kept in its history
with a version number, so a reader can see what it said before."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ilacs.localauthorities.models import LocalAuthority
from ilacs.plans.models import ImprovementPlan


class SectionKind(models.TextChoices):
    SUMMARY = "summary", "Summary and context"
    KNOW = "know", "What do you know about the quality and impact of social work practice?"
    HOW = "how", "How do you know it?"
    PLANS = "plans", "What are your plans to maintain or improve practice?"


# Page order; the three questions are the ones ILACS asks, the summary is optional.
SECTION_ORDER = [SectionKind.SUMMARY, SectionKind.KNOW, SectionKind.HOW, SectionKind.PLANS]
SECTION_SLUGS = {kind.value: kind for kind in SECTION_ORDER}


def default_title(year: int) -> str:
    return f"Self-evaluation of social work practice, {year}"


class SelfEvaluation(models.Model):
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="self_evaluations"
    )
    year = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    as_at = models.DateField(
        "date of the self-evaluation",
        help_text="The date the self-evaluation speaks for, e.g. the annual engagement meeting.",
    )
    plan = models.ForeignKey(
        ImprovementPlan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="self_evaluations",
        help_text="The improvement plan whose progress it sits beside.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["local_authority", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "year"],
                name="one_self_evaluation_per_council_and_year",
                violation_error_message="The council already has a self-evaluation for this year.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.local_authority}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("selfevaluation:detail", args=[self.local_authority.slug, self.year])


class Section(models.Model):
    """One answer of the self-evaluation. `version` counts its saves (0: never written)."""

    self_evaluation = models.ForeignKey(
        SelfEvaluation, on_delete=models.CASCADE, related_name="sections"
    )
    kind = models.CharField(max_length=10, choices=SectionKind.choices)
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["self_evaluation", "kind"], name="one_section_of_each_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.self_evaluation}: {self.get_kind_display()}"

    @property
    def order(self) -> int:
        return SECTION_ORDER.index(SectionKind(self.kind))

    @property
    def heading(self) -> str:
        return self.get_kind_display()
