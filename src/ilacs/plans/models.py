"""An improvement plan: the council's answer to an inspection's "What needs to improve?".

    ImprovementPlan (one per inspection)
      Requirement   one per recommendation of the report (its text and page kept), plus any the
                    council adds
      Theme         ordered workstreams ("Learning organisation", "Practice excellence")
      Action        what will be done: lead, due date, status, SMART target / success measure,
                    linked to one or more requirements
        Milestone       dated steps, each done or not
        ProgressUpdate  dated narrative with the author's RAG and evidence
        RagOverride     an editor's RAG with a reason, until cleared

Every model keeps its history (django-simple-history): who, when, and the values before and
after. Writes go through ilacs.plans.services, which records the user on each change. How a
RAG is decided lives in ilacs.plans.rag.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ilacs.extraction.themes_lexicon import THEMES as IMPROVEMENT_TOPICS
from ilacs.inspections.models import Inspection, Recommendation
from ilacs.localauthorities.models import LocalAuthority
from ilacs.plans import rag as rag_rules
from ilacs.plans.rag import Rag
from ilacs.plans.topics import topic_name


def person_name(user: Any) -> str:
    """How a person is named on pages: their full name, else their username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class NotWithdrawnManager(models.Manager):
    """Leaves out what was withdrawn as a mistake (kept in the database and its history)."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(withdrawn_at__isnull=True)


class PlanStatus(models.TextChoices):
    DRAFT = rag_rules.DRAFT, "Draft"
    SUBMITTED = rag_rules.SUBMITTED, "Submitted to Ofsted"
    ACTIVE = rag_rules.ACTIVE, "Active"
    CLOSED = rag_rules.CLOSED, "Closed"


PLAN_STATUS_TAG_CLASSES = {
    PlanStatus.DRAFT: "govuk-tag--grey",
    PlanStatus.SUBMITTED: "govuk-tag--light-blue",
    PlanStatus.ACTIVE: "govuk-tag--green",
    PlanStatus.CLOSED: "govuk-tag--grey",
}


class ActionStatus(models.TextChoices):
    NOT_STARTED = rag_rules.NOT_STARTED, "Not started"
    IN_PROGRESS = rag_rules.IN_PROGRESS, "In progress"
    COMPLETE = rag_rules.COMPLETE, "Complete"
    CLOSED = rag_rules.CLOSED, "Closed or superseded"


class JudgedRag(models.TextChoices):
    """The RAG a person chooses: in a progress update, or in an editor's override."""

    RED = Rag.RED.value, "Red"
    AMBER = Rag.AMBER.value, "Amber"
    GREEN = Rag.GREEN.value, "Green"


class ImprovementPlan(models.Model):
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="improvement_plans"
    )
    inspection = models.OneToOneField(
        Inspection, on_delete=models.PROTECT, related_name="improvement_plan"
    )
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    report_published = models.DateField(
        "report published",
        help_text="Ofsted's publication date: the deadline counts from it.",
    )
    submission_deadline = models.DateField(
        help_text="Action plan due to Ofsted: 70 working days after publication."
    )
    last_board_meeting = models.DateField(
        null=True,
        blank=True,
        help_text="The dashboard lists actions not updated since then.",
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["local_authority__name", "-report_published", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("plans:detail", args=[self.local_authority.slug, self.pk])

    @property
    def status_tag_class(self) -> str:
        return PLAN_STATUS_TAG_CLASSES.get(self.status, "govuk-tag--grey")


class Theme(models.Model):
    """A workstream of the plan, e.g. "Learning organisation"."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order", "pk"]
        constraints = [
            # "Practice excellence" and "practice Excellence" are one theme (any database)
            models.UniqueConstraint(
                "plan",
                Lower("name"),
                name="unique_theme_name_per_plan",
                violation_error_message="The plan already has a theme with this name.",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Requirement(models.Model):
    """An item the plan must answer: a recommendation of the report ("What needs to improve?"),
    with its wording and page kept, or one the council adds itself."""

    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="requirements")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    page = models.PositiveIntegerField(null=True, blank=True)
    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requirements",
    )
    # Improvement topics (ilacs.extraction.themes keys, the chief first): see plans/topics.py.
    # Not plans.Theme, which is a council's own workstream.
    topics = models.JSONField("improvement topics", default=list, blank=True)
    topics_set_by_hand = models.BooleanField("improvement topics chosen by hand", default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="unique_requirement_number_per_plan"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text}"

    @property
    def short_text(self) -> str:
        text = self.text
        return text if len(text) <= 90 else text[:87].rsplit(" ", 1)[0] + "…"

    @property
    def topic_names(self) -> list[str]:
        """The improvement topics' names, the chief first."""
        return [topic_name(key) for key in self.topics or []]

    @property
    def label(self) -> str:
        """ "Recommendation 2" for one from the report, "Requirement 5" for the council's own."""
        word = "Recommendation" if self.recommendation_id else "Requirement"
        return f"{word} {self.number}"

    @property
    def chief_topic(self) -> str:
        """The improvement topic (extraction/themes.py key, not a plan theme) the requirement is
        chiefly about: its own topics' chief (as an editor may have corrected it), else the
        report's recommendation's; "" when it has none."""
        themes = self.topics or (self.recommendation.themes if self.recommendation_id else [])
        return themes[0] if themes and themes[0] in IMPROVEMENT_TOPICS else ""

    @property
    def chief_topic_name(self) -> str:
        return IMPROVEMENT_TOPICS.get(self.chief_topic, "")


class Action(models.Model):
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.CASCADE, related_name="actions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    # The key lead: a member of the council, or an officer named by role, or both.
    lead_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_actions",
        verbose_name="lead",
    )
    lead_role = models.CharField(
        "lead's role",
        max_length=200,
        blank=True,
        help_text='For example, "Head of Service, Children in Care".',
    )
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    success_measure = models.TextField(
        "SMART target or success measure",
        blank=True,
    )
    requirements = models.ManyToManyField(Requirement, related_name="actions", blank=True)
    # Improvement topics, as on Requirement (plans/topics.py).
    topics = models.JSONField("improvement topics", default=list, blank=True)
    topics_set_by_hand = models.BooleanField("improvement topics chosen by hand", default=False)
    # Withdrawn (added by mistake): kept, with who and why, but left out of pages and counts.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords(m2m_fields=[requirements])

    # `objects` (the default, and so `plan.actions`) leaves withdrawn actions out of every page
    # and count; `all_objects` has them too (numbering, the withdrawn action's own page).
    objects = NotWithdrawnManager()
    all_objects: models.Manager = models.Manager()

    class Meta:
        base_manager_name = "all_objects"
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_action_number_per_plan")
        ]
        indexes = [
            models.Index(fields=["plan", "status"]),
            models.Index(fields=["plan", "due_date"]),
        ]

    def __str__(self) -> str:
        return f"Action {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:action", args=[self.plan.local_authority.slug, self.plan_id, self.number]
        )

    # For ilacs.accounts.permissions.can_post_update (a contributor posts on what they lead).
    @property
    def local_authority(self) -> LocalAuthority:
        return self.plan.local_authority

    def is_led_by(self, user: Any) -> bool:
        return bool(
            user is not None
            and user.is_authenticated
            and self.lead_user_id is not None
            and self.lead_user_id == user.pk
        )

    @property
    def topic_names(self) -> list[str]:
        """The improvement topics' names, the chief first."""
        return [topic_name(key) for key in self.topics or []]

    @property
    def lead_name(self) -> str:
        return person_name(self.lead_user) if self.lead_user_id else ""

    @property
    def lead_text(self) -> str:
        """ "Cara Jones, Head of Service, Children in Care", or either part alone."""
        return ", ".join(part for part in (self.lead_name, self.lead_role) if part)

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def is_finished(self) -> bool:
        return self.status in (ActionStatus.COMPLETE, ActionStatus.CLOSED)


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    due_date = models.DateField(null=True, blank=True)
    done = models.BooleanField(default=False)
    done_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", models.F("due_date").asc(nulls_last=True), "pk"]

    def __str__(self) -> str:
        return self.title


class ProgressUpdate(models.Model):
    """A dated progress narrative, with the RAG as its author judged it that day."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(help_text="The date the update describes progress at.")
    narrative = models.TextField()
    rag = models.CharField("RAG", max_length=10, choices=JudgedRag.choices)
    evidence = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Corrected after posting (the history keeps what it said before).
    corrected_at = models.DateTimeField(null=True, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Withdrawn (posted by mistake): kept in the history, left out of pages and the RAG.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    objects = NotWithdrawnManager()
    all_objects: models.Manager = models.Manager()

    class Meta:
        base_manager_name = "all_objects"
        ordering = ["action", "-date", "-pk"]
        indexes = [models.Index(fields=["action", "-date", "-id"])]

    def __str__(self) -> str:
        return f"Update of {self.date} ({self.rag})"


class RagOverride(models.Model):
    """An editor's RAG for an action, with the reason, until someone clears it."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="rag_overrides")
    rag = models.CharField("RAG", max_length=10, choices=JudgedRag.choices)
    reason = models.TextField()
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    set_at = models.DateTimeField()
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cleared_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-set_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["action"],
                condition=models.Q(cleared_at__isnull=True),
                name="one_standing_rag_override_per_action",
            )
        ]

    def __str__(self) -> str:
        return f"{self.rag}: {self.reason}"


class ImportMapping(models.Model):
    """How a council's existing action plans' column headings map to the plan's fields, as last
    chosen on import (ilacs.plans.imports): {"timescale": "due_date", "key lead": "lead"}."""

    local_authority = models.OneToOneField(
        LocalAuthority, on_delete=models.CASCADE, related_name="plan_import_mapping"
    )
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"Plan import columns of {self.local_authority}"
