"""Self-assessment of an improvement plan, in rounds, and how each recommendation is monitored.

    AssessmentRound     a dated self-assessment of one plan ("Annual self-assessment, August
                        2017"): draft, then signed off (read only) by an editor or admin
      AssessmentEntry   one requirement (recommendation) in a round: background, strengths,
                        areas for improvement, next steps, the evaluation (met, partly met ...),
                        whether it has been reviewed in this round, and the evidence: measures,
                        audit streams and actions
    Forum               a council's improvement board, scrutiny committee, corporate parenting
                        board ... with its meeting dates (ForumMeeting)
    Monitoring          per requirement: the forums that monitor it and the measures, audit
                        streams and scorecards that support it (seed 003's appendix)

Every model keeps its history (django-simple-history). Writes go through
ilacs.assessments.services, which enforces "a signed-off round is read only" in a locked
transaction.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from ilacs.localauthorities.models import LocalAuthority
from ilacs.measures.models import AuditStream, Measure, Scorecard
from ilacs.plans.models import Action, ImprovementPlan, Requirement


class Evaluation(models.TextChoices):
    NOT_EVALUATED = "not_evaluated", "Not yet evaluated"
    MET = "met", "Met"
    REMAINS_MET = "remains_met", "Remains met"
    PARTLY_MET = "partly_met", "Partly met"
    NOT_MET = "not_met", "Not met"
    NOT_APPLICABLE = "not_applicable", "No longer applicable"


# Order of the summary counts, and the GOV.UK tag colour beside the words.
EVALUATION_ORDER = [
    Evaluation.MET,
    Evaluation.REMAINS_MET,
    Evaluation.PARTLY_MET,
    Evaluation.NOT_MET,
    Evaluation.NOT_APPLICABLE,
    Evaluation.NOT_EVALUATED,
]
EVALUATION_TAG_CLASSES = {
    Evaluation.MET: "govuk-tag--green",
    Evaluation.REMAINS_MET: "govuk-tag--green",
    Evaluation.PARTLY_MET: "govuk-tag--yellow",
    Evaluation.NOT_MET: "govuk-tag--red",
    Evaluation.NOT_APPLICABLE: "govuk-tag--grey",
    Evaluation.NOT_EVALUATED: "govuk-tag--grey",
}
MET_EVALUATIONS = frozenset({Evaluation.MET, Evaluation.REMAINS_MET})


class RoundStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED_OFF = "signed_off", "Signed off"


class AssessmentRound(models.Model):
    plan = models.ForeignKey(
        ImprovementPlan, on_delete=models.CASCADE, related_name="assessment_rounds"
    )
    title = models.CharField(max_length=200)
    date = models.DateField(help_text="The date the self-assessment describes.")
    status = models.CharField(max_length=20, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    started_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "date", "pk"]
        constraints = [
            # One draft at a time: the next round starts from a signed-off one.
            models.UniqueConstraint(
                fields=["plan"],
                condition=models.Q(status="draft"),
                name="one_draft_assessment_round_per_plan",
            ),
            models.UniqueConstraint(
                "plan", Lower("title"), name="unique_assessment_round_title_per_plan"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "assessments:round", args=[self.plan.local_authority.slug, self.plan_id, self.pk]
        )

    @property
    def is_signed_off(self) -> bool:
        return self.status == RoundStatus.SIGNED_OFF

    @property
    def status_tag_class(self) -> str:
        return "govuk-tag--green" if self.is_signed_off else "govuk-tag--grey"


class AssessmentEntry(models.Model):
    """One requirement's self-assessment in a round."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="entries")
    requirement = models.ForeignKey(
        Requirement, on_delete=models.CASCADE, related_name="assessment_entries"
    )
    background = models.TextField(
        "background to the recommendation",
        blank=True,
        help_text="Why the recommendation was made and the issues at the time of the inspection.",
    )
    strengths = models.TextField(blank=True)
    areas_for_improvement = models.TextField("areas for improvement", blank=True)
    next_steps = models.TextField("next steps", blank=True)
    evaluation = models.CharField(
        max_length=20, choices=Evaluation.choices, default=Evaluation.NOT_EVALUATED
    )
    reviewed = models.BooleanField(
        default=False, help_text="Saved by someone in this round (not only carried forward)."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    measures = models.ManyToManyField(Measure, related_name="assessment_entries", blank=True)
    audit_streams = models.ManyToManyField(
        AuditStream, related_name="assessment_entries", blank=True
    )
    actions = models.ManyToManyField(Action, related_name="assessment_entries", blank=True)
    history = HistoricalRecords(m2m_fields=[measures, audit_streams, actions])

    class Meta:
        ordering = ["round", "requirement__number"]
        verbose_name_plural = "assessment entries"
        constraints = [
            models.UniqueConstraint(
                fields=["round", "requirement"], name="one_entry_per_requirement_per_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.requirement.label}"

    @property
    def evaluation_label(self) -> str:
        return Evaluation(self.evaluation).label

    @property
    def evaluation_tag_class(self) -> str:
        return EVALUATION_TAG_CLASSES[Evaluation(self.evaluation)]

    @property
    def is_met(self) -> bool:
        return self.evaluation in MET_EVALUATIONS


class ForumKind(models.TextChoices):
    IMPROVEMENT_BOARD = "improvement_board", "Improvement board"
    SCRUTINY = "scrutiny", "Scrutiny committee"
    CORPORATE_PARENTING = "corporate_parenting", "Corporate parenting board"
    SAFEGUARDING = "safeguarding", "Safeguarding partnership"
    OTHER = "other", "Other"


class Forum(models.Model):
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="forums"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=ForumKind.choices, default=ForumKind.OTHER)
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["local_authority", Lower("name")]
        constraints = [
            models.UniqueConstraint(
                "local_authority", Lower("name"), name="unique_forum_name_per_council"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:forum", args=[self.local_authority.slug, self.pk])


class ForumMeeting(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["forum", "date"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "date"], name="one_forum_meeting_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.forum}: {self.date}"


class Monitoring(models.Model):
    """How one requirement is monitored: a row of the monitoring-arrangements appendix."""

    requirement = models.OneToOneField(
        Requirement, on_delete=models.CASCADE, related_name="monitoring"
    )
    forums = models.ManyToManyField(Forum, related_name="monitored", blank=True)
    measures = models.ManyToManyField(Measure, related_name="monitoring", blank=True)
    audit_streams = models.ManyToManyField(AuditStream, related_name="monitoring", blank=True)
    scorecards = models.ManyToManyField(Scorecard, related_name="monitoring", blank=True)
    other_evidence = models.TextField(
        "other evidence",
        blank=True,
        help_text="Reports, trackers and dashboards that ilacs does not hold, one a line.",
    )
    note = models.TextField(
        blank=True, help_text='For example, "Will be met once timeliness is restored".'
    )
    history = HistoricalRecords(m2m_fields=[forums, measures, audit_streams, scorecards])

    def __str__(self) -> str:
        return f"Monitoring of {self.requirement.label}"
