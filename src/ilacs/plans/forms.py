"""Forms for the plan pages. They only check what a person typed; writes go through services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.accounts.models import Role
from ilacs.forms import GovUKForm
from ilacs.inspections.models import Inspection
from ilacs.plans import topics as topics_module
from ilacs.plans.formfields import GovUKDateField
from ilacs.plans.models import (
    ActionStatus,
    ImprovementPlan,
    JudgedRag,
    PlanStatus,
    Requirement,
    Theme,
    person_name,
)
from ilacs.plans.services import publication_date_problem


def members_of(la: Any) -> Any:
    """People who may lead an action or own a plan: members of the council."""
    return (
        get_user_model()
        .objects.filter(memberships__local_authority=la, is_active=True)
        .order_by("first_name", "last_name", "username")
        .distinct()
    )


def possible_leads(la: Any) -> Any:
    """Members who may lead an action: leads post progress updates, so contributors, editors
    and admins (not viewers)."""
    return members_of(la).filter(
        memberships__local_authority=la,
        memberships__role__in=[
            role
            for role in Role
            if permissions.role_allows(role, permissions.Action.POST_UPDATE_OWN)
        ],
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return person_name(obj)


class RequirementChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Requirement) -> str:
        return f"{obj.number}. {obj.text}"


class CreatePlanForm(GovUKForm):
    report_published = GovUKDateField(
        label="Date the report was published",
        help_text="The report does not print this date. You can find it on the report's page "
        "on the Ofsted website. For example, 26 4 2024",
        error_messages={"required": "Enter the date the report was published"},
    )

    def __init__(self, *args: Any, inspection: Inspection, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.inspection = inspection

    def clean_report_published(self) -> dt.date:
        published = self.cleaned_data["report_published"]
        problem = publication_date_problem(self.inspection, published)
        if problem:
            raise forms.ValidationError(problem)
        return published


class PlanForm(GovUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter the plan's title"}
    )
    status = forms.ChoiceField(label="Status", choices=PlanStatus.choices)
    owner = PersonChoiceField(
        label="Owner",
        queryset=None,
        required=False,
        empty_label="No owner",
        help_text="Who is accountable for the plan, usually the improvement lead.",
    )
    report_published = GovUKDateField(
        label="Date the report was published",
        help_text="For example, 26 4 2024",
        error_messages={"required": "Enter the date the report was published"},
    )
    submission_deadline = GovUKDateField(
        label="Submission deadline",
        help_text="When the written action plan is due to Ofsted. Leave it as it is to keep 70 "
        "working days after publication.",
        error_messages={"required": "Enter the submission deadline"},
    )
    last_board_meeting = GovUKDateField(
        label="Date of the last improvement board meeting",
        required=False,
        help_text="The dashboard lists actions with no progress update since this date. For "
        "example, 3 3 2025",
    )

    def __init__(self, *args: Any, plan: ImprovementPlan, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["owner"].queryset = members_of(plan.local_authority)

    def clean_report_published(self) -> dt.date:
        published = self.cleaned_data["report_published"]
        if published != self.plan.report_published:
            problem = publication_date_problem(self.plan.inspection, published)
            if problem:
                raise forms.ValidationError(problem)
        return published


class ThemeForm(GovUKForm):
    name = forms.CharField(
        label="Theme", max_length=120, error_messages={"required": "Enter the theme's name"}
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What this workstream is for, in a sentence or two.",
    )


class RequirementForm(GovUKForm):
    text = forms.CharField(
        label="What needs to improve",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="A requirement of the council's own, for example from its self-assessment.",
        error_messages={"required": "Enter what needs to improve"},
    )


class ActionForm(GovUKForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="What will be done, in a line. For example, “Launch the quality assurance "
        "framework”.",
        error_messages={"required": "Enter the action's title"},
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The steps, and anything the lead needs to know.",
    )
    requirements = RequirementChoiceField(
        label="Which recommendations does it answer?",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages={"invalid_choice": "Select recommendations of this plan from the list"},
    )
    theme = forms.ModelChoiceField(
        label="Theme", queryset=None, required=False, empty_label="No theme"
    )
    lead_user = PersonChoiceField(
        label="Lead",
        queryset=None,
        required=False,
        empty_label="Choose a member of the council",
        help_text="A member of the council who leads the action: they can post progress "
        "updates on it. Only contributors, editors and admins are listed, as viewers cannot post "
        "updates: for anyone else, enter their role below.",
        error_messages={
            "invalid_choice": "Choose a lead who can post progress updates: a contributor, "
            "editor or admin of the council"
        },
    )
    lead_role = forms.CharField(
        label="Lead's role",
        max_length=200,
        required=False,
        help_text="For example, “Head of Service, Children in Care”. Needed when the lead is "
        "not a member of ilacs.",
    )
    due_date = GovUKDateField(label="Due date", required=False, help_text="For example, 31 3 2025")
    status = forms.ChoiceField(
        label="Status",
        choices=ActionStatus.choices,
        initial=ActionStatus.NOT_STARTED,
        widget=forms.RadioSelect,
    )
    success_measure = forms.CharField(
        label="SMART target or success measure",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="How the board will know it has worked. For example, “80% of child in need "
        "plans audited as good or better by March 2025”.",
    )

    def __init__(self, *args: Any, plan: ImprovementPlan, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["requirements"].queryset = plan.requirements.order_by("number")
        self.fields["theme"].queryset = Theme.objects.filter(plan=plan).order_by("order", "pk")
        self.fields["lead_user"].queryset = possible_leads(plan.local_authority)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("lead_user") and not (data.get("lead_role") or "").strip():
            self.add_error("lead_user", "Choose the lead, or enter the lead's role")
        return data

    def changes(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        data["requirements"] = list(data.get("requirements") or [])
        return data


class MilestoneForm(GovUKForm):
    title = forms.CharField(
        label="Milestone",
        max_length=300,
        help_text="A step on the way, for example “Practice standards agreed by senior leaders”.",
        error_messages={"required": "Enter the milestone"},
    )
    due_date = GovUKDateField(label="Due date", required=False, help_text="For example, 31 3 2025")
    done = forms.BooleanField(label="This milestone is done", required=False)
    done_on = GovUKDateField(
        label="Date it was done",
        required=False,
        help_text="Only when it is done. Leave it empty for today. For example, 14 5 2025",
    )

    def clean_done_on(self) -> dt.date | None:
        done_on = self.cleaned_data.get("done_on")
        if done_on is not None and done_on > timezone.localdate():
            raise forms.ValidationError("Date it was done must be today or in the past")
        return done_on


class UpdateForm(GovUKForm):
    date = GovUKDateField(
        label="Date of this update",
        help_text="The date the progress is described at. For example, 30 4 2025",
        error_messages={"required": "Enter the date of this update"},
    )
    narrative = forms.CharField(
        label="Progress",
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What has happened since the last update, and what happens next.",
        error_messages={"required": "Enter the progress made"},
    )

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError("The date of this update must be today or in the past")
        return date

    rag = forms.ChoiceField(
        label="How is the action going?",
        choices=[
            (JudgedRag.GREEN, "Green: on track"),
            (JudgedRag.AMBER, "Amber: some risk to the due date or the target"),
            (JudgedRag.RED, "Red: will not be met without help"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select red, amber or green",
            "invalid_choice": "Select red, amber or green",
        },
    )
    evidence = forms.CharField(
        label="Evidence (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, an audit, a performance report or minutes, and where to find it.",
    )


class WithdrawForm(GovUKForm):
    """Why something added by mistake is being withdrawn: kept with it, for everyone to read."""

    reason = forms.CharField(
        label="Why is it being withdrawn?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example, “Added twice by mistake”. Kept in the history with your name.",
        error_messages={"required": "Enter why it is being withdrawn"},
    )


class OverrideForm(GovUKForm):
    rag = forms.ChoiceField(
        label="RAG",
        choices=[
            (JudgedRag.RED, "Red"),
            (JudgedRag.AMBER, "Amber"),
            (JudgedRag.GREEN, "Green"),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select red, amber or green",
            "invalid_choice": "Select red, amber or green",
        },
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown beside the RAG wherever it appears, until the override is cleared.",
        error_messages={"required": "Enter why the RAG is being set by hand"},
    )


class DashboardForm(GovUKForm):
    """GET filters. Invalid values are ignored rather than shown as errors."""

    q = forms.CharField(label="Search", required=False, max_length=200)
    theme = forms.TypedChoiceField(label="Theme", required=False, coerce=int, empty_value=None)
    lead = forms.ChoiceField(label="Lead", required=False)
    requirement = forms.TypedChoiceField(
        label="Recommendation", required=False, coerce=int, empty_value=None
    )
    rag = forms.ChoiceField(label="RAG", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    review = forms.BooleanField(
        label="Only RAGs set by hand that a later progress update judges worse (to review)",
        required=False,
    )
    since = GovUKDateField(
        label="Not updated since",
        required=False,
        help_text="Usually the date of the last board meeting. For example, 3 3 2025",
    )


class TopicsForm(GovUKForm):
    """An editor's choice of improvement topics: up to three from the fixed list, one of them
    the chief. (Not the plan's own themes: those are the council's workstreams.)"""

    topics = forms.MultipleChoiceField(
        label="Improvement topics",
        choices=topics_module.TOPIC_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=f"Select up to {topics_module.MAX_TOPICS}.",
        error_messages={"invalid_choice": "Select improvement topics from the list"},
    )
    chief = forms.ChoiceField(
        label="Chief topic",
        choices=[("", "Choose the chief topic"), *topics_module.TOPIC_CHOICES],
        required=False,
        help_text="The topic it is mostly about. Needed when you select more than one.",
        error_messages={"invalid_choice": "Select the chief topic from the list"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = list(data.get("topics") or [])
        chief = data.get("chief") or ""
        if "topics" in self.errors:
            return data
        if not chosen:
            self.add_error("topics", "Select at least one improvement topic")
        elif len(chosen) > topics_module.MAX_TOPICS:
            self.add_error("topics", f"Select up to {topics_module.MAX_TOPICS} improvement topics")
        elif len(chosen) == 1:
            chief = chief or chosen[0]
            if chief != chosen[0]:
                self.add_error("chief", "The chief topic must be one of the topics you selected")
        elif not chief:
            self.add_error("chief", "Choose the chief topic")
        elif chief not in chosen:
            self.add_error("chief", "The chief topic must be one of the topics you selected")
        if not self.errors:
            data["ordered"] = [chief, *[t for t in chosen if t != chief]]
        return data


class ImportUploadForm(GovUKForm):
    file = forms.FileField(
        label="Upload the action plan",
        help_text="An Excel workbook (.xlsx), a CSV file, or a Word document (.docx) whose "
        "tables hold the plan: one row per action.",
        error_messages={
            "required": "Select the action plan file",
            "empty": "The selected file is empty",
        },
    )


class ImportMappingForm(GovUKForm):
    """One choice per column heading of the file: which of the plan's fields it fills."""

    def __init__(
        self,
        *args: Any,
        headings: list[str],
        initial_mapping: dict[str, str],
        tables: list[list[str]] | None = None,
        **kw: Any,
    ):
        super().__init__(*args, **kw)
        self.tables = tables if tables is not None else [headings]
        from ilacs.plans.imports import FIELDS, LEAVE_OUT, heading_key

        choices = [(LEAVE_OUT, "Leave out"), *FIELDS.items()]
        self.headings = headings
        for i, heading in enumerate(headings):
            self.fields[f"column_{i}"] = forms.ChoiceField(
                label=f"“{heading}”",
                choices=choices,
                required=False,
                initial=initial_mapping.get(heading_key(heading), LEAVE_OUT),
                error_messages={"invalid_choice": "Select a field from the list"},
            )

    def mapping(self) -> dict[str, str]:
        from ilacs.plans.imports import heading_key

        return {
            heading_key(h): self.cleaned_data.get(f"column_{i}") or ""
            for i, h in enumerate(self.headings)
        }

    def clean(self) -> dict[str, Any]:
        from ilacs.plans.imports import mapping_problems

        data = super().clean()
        for problem in mapping_problems(self.mapping(), self.tables):
            self.add_error(None, problem)
        return data
