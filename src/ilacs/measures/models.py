"""Evidence of progress: performance measures with their values, scorecards, and case audits.

    Measure          a council's performance indicator: unit, direction, frequency, owner,
                     target and amber tolerance; optionally the national framework outcome or the
                     plan theme it serves, the actions that move it and the recommendations it
                     evidences
      MeasureValue   one period's value, with England, statistical neighbours' and regional
                     figures beside it
    Scorecard        a named set of measures ("Children and Families Scorecard")
    AuditStream      a case-audit programme (referrals, child protection plans, supervision ...)
      AuditResult    one period's results: cases audited and how many were graded outstanding,
                     good, requires improvement, inadequate; the themes of learning

Every model keeps its history (django-simple-history): a late correction of a value shows who
changed it, when, and from what. Writes go through ilacs.measures.services; the RAG rule lives
in ilacs.measures.rag (plain Python).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ilacs.localauthorities.models import LocalAuthority
from ilacs.measures import periods
from ilacs.measures.rag import Direction as DirectionRule
from ilacs.measures.units import Unit as UnitRule
from ilacs.measures.units import format_value


class Unit(models.TextChoices):
    PERCENT = UnitRule.PERCENT.value, "Percentage"
    NUMBER = UnitRule.NUMBER.value, "Number"
    DAYS = UnitRule.DAYS.value, "Days"
    RATE_10K = UnitRule.RATE_10K.value, "Rate per 10,000 children"


class Direction(models.TextChoices):
    HIGHER = DirectionRule.HIGHER.value, "Higher is better"
    LOWER = DirectionRule.LOWER.value, "Lower is better"


class Frequency(models.TextChoices):
    MONTHLY = periods.Frequency.MONTHLY.value, "Monthly"
    QUARTERLY = periods.Frequency.QUARTERLY.value, "Quarterly"
    YEARLY = periods.Frequency.YEARLY.value, "Yearly"


class FrameworkOutcome(models.TextChoices):
    """The outcomes of the children's social care national framework (December 2023), which
    inspections from April 2026 cite."""

    FAMILY_HELP = (
        "family_help",
        "Children, young people and families stay together and get the help they need",
    )
    FAMILY_NETWORK = (
        "family_network",
        "Children and young people are supported by their family network",
    )
    SAFE = "safe", "Children and young people are safe in and outside of their homes"
    STABLE_HOMES = (
        "stable_homes",
        "Children in care and care leavers have stable, loving homes",
    )


VALUE_DIGITS = {"max_digits": 12, "decimal_places": 2}


class Measure(models.Model):
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="measures"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.PERCENT)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default="monthly")
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_measures",
        verbose_name="owner",
    )
    owner_role = models.CharField(
        "owner's role",
        max_length=200,
        blank=True,
        help_text='For example, "Head of Performance".',
    )
    target = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    amber_tolerance = models.DecimalField(default=Decimal(0), **VALUE_DIGITS)
    framework_outcome = models.CharField(
        "national framework outcome",
        max_length=30,
        choices=FrameworkOutcome.choices,
        blank=True,
    )
    theme = models.ForeignKey(
        "plans.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name="plan theme",
    )
    actions = models.ManyToManyField("plans.Action", related_name="measures", blank=True)
    requirements = models.ManyToManyField(
        "plans.Requirement",
        related_name="measures",
        blank=True,
        verbose_name="recommendations",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(m2m_fields=[actions, requirements])

    class Meta:
        ordering = ["local_authority", Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "local_authority",
                Lower("name"),
                name="unique_measure_name_per_council",
                violation_error_message="The council already has a measure with this name.",
            ),
            models.CheckConstraint(
                condition=models.Q(amber_tolerance__gte=0),
                name="measure_tolerance_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("measures:detail", args=[self.local_authority.slug, self.pk])

    @property
    def owner_text(self) -> str:
        from ilacs.plans.models import person_name

        name = person_name(self.owner_user) if self.owner_user_id else ""
        return ", ".join(part for part in (name, self.owner_role) if part)

    def format(self, value: Decimal | None) -> str:
        return format_value(self.unit, value)

    @property
    def target_text(self) -> str:
        return self.format(self.target) if self.target is not None else "No target"

    @property
    def tolerance_text(self) -> str:
        """ "5 points", "3 days", "25"."""
        from ilacs.measures.units import format_difference

        return format_difference(self.unit, self.amber_tolerance)

    def period_label(self, start: Any) -> str:
        return periods.period_label(self.frequency, start)


class MeasureValue(models.Model):
    """One period's value of a measure. A correction changes the row; its history keeps the value
    before, who changed it and when."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    period = models.DateField(help_text="The first day of the month, quarter or year.")
    value = models.DecimalField(**VALUE_DIGITS)
    england = models.DecimalField("England", null=True, blank=True, **VALUE_DIGITS)
    statistical_neighbours = models.DecimalField(
        "statistical neighbours", null=True, blank=True, **VALUE_DIGITS
    )
    region = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    note = models.TextField(blank=True)
    entered_at = models.DateTimeField(auto_now_add=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "period"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "period"], name="one_value_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.measure}: {self.period}"


class Scorecard(models.Model):
    """A named set of measures, e.g. "Corporate Parenting Scorecard"."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="scorecards"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    measures = models.ManyToManyField(Measure, related_name="scorecards", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[measures])

    class Meta:
        ordering = ["local_authority", Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "local_authority", Lower("name"), name="unique_scorecard_name_per_council"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("measures:scorecard", args=[self.local_authority.slug, self.pk])


class AuditStream(models.Model):
    """A case-audit programme: "Child protection plans", "Supervision"."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="audit_streams"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default="quarterly")
    target = models.DecimalField(
        "target for % good or better", null=True, blank=True, **VALUE_DIGITS
    )
    requirements = models.ManyToManyField(
        "plans.Requirement",
        related_name="audit_streams",
        blank=True,
        verbose_name="recommendations",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[requirements])

    class Meta:
        ordering = ["local_authority", Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "local_authority", Lower("name"), name="unique_audit_stream_name_per_council"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("measures:audit", args=[self.local_authority.slug, self.pk])

    def period_label(self, start: Any) -> str:
        return periods.period_label(self.frequency, start)


class AuditResult(models.Model):
    stream = models.ForeignKey(AuditStream, on_delete=models.CASCADE, related_name="results")
    period = models.DateField(help_text="The first day of the month, quarter or year.")
    cases_audited = models.PositiveIntegerField()
    outstanding = models.PositiveIntegerField(default=0)
    good = models.PositiveIntegerField(default=0)
    requires_improvement = models.PositiveIntegerField(default=0)
    inadequate = models.PositiveIntegerField(default=0)
    learning = models.TextField("themes of learning", blank=True)
    entered_at = models.DateTimeField(auto_now_add=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["stream", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["stream", "period"], name="one_audit_result_per_period"
            ),
            models.CheckConstraint(
                condition=models.Q(cases_audited__gt=0)
                & models.Q(
                    cases_audited=models.F("outstanding")
                    + models.F("good")
                    + models.F("requires_improvement")
                    + models.F("inadequate")
                ),
                name="audit_grades_add_up",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stream}: {self.period}"

    @property
    def good_or_better(self) -> int:
        return self.outstanding + self.good

    @property
    def percent_good_or_better(self) -> Decimal:
        return (Decimal(self.good_or_better) * 100 / self.cases_audited).quantize(Decimal("0.1"))
