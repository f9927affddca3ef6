"""Forms for the self-assessment and monitoring pages. They check what a person typed; writes go
through ilacs.assessments.services."""

from __future__ import annotations

from typing import Any

from django import forms

from ilacs.assessments.models import Evaluation, ForumKind
from ilacs.forms import GovUKForm
from ilacs.plans.formfields import GovUKDateField
from ilacs.plans.models import Action


class ActionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Action) -> str:
        return f"Action {obj.number}: {obj.title}"


class RoundForm(GovUKForm):
    title = forms.CharField(
        label="Title",
        max_length=200,
        help_text="For example, Annual self-assessment, August 2025",
        error_messages={"required": "Enter the round's title"},
    )
    date = GovUKDateField(
        label="Date of the self-assessment",
        help_text="For example, 31 8 2025",
        error_messages={"required": "Enter the date of the self-assessment"},
    )


class EntryForm(GovUKForm):
    evaluation = forms.ChoiceField(
        label="Evaluation",
        choices=Evaluation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select an evaluation"},
        help_text="Has the recommendation been met?",
    )
    background = forms.CharField(
        label="Background to the recommendation",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Why the recommendation was made and the issues at the time of the inspection.",
    )
    strengths = forms.CharField(
        label="Strengths",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Where practice is strong and arrangements are robust and effective.",
    )
    areas_for_improvement = forms.CharField(
        label="Areas for improvement",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Where practice still needs to improve or arrangements need strengthening.",
    )
    next_steps = forms.CharField(
        label="Next steps",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="How you will keep improving towards good and outstanding practice.",
    )
    measures = forms.ModelMultipleChoiceField(
        label="Measures that show it",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audit_streams = forms.ModelMultipleChoiceField(
        label="Case audits that show it",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actions = ActionChoiceField(
        label="Actions that answer it",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        la = plan.local_authority
        self.fields["measures"].queryset = la.measures.all()
        self.fields["audit_streams"].queryset = la.audit_streams.all()
        self.fields["actions"].queryset = Action.objects.filter(plan=plan).order_by("number")


class SignOffForm(GovUKForm):
    confirm = forms.BooleanField(
        label="I confirm the self-assessment is complete and agreed",
        error_messages={"required": "Confirm the self-assessment is complete and agreed"},
    )


class ForumForm(GovUKForm):
    name = forms.CharField(
        label="Name",
        max_length=200,
        help_text="For example, Children's Improvement Board",
        error_messages={"required": "Enter the forum's name"},
    )
    kind = forms.ChoiceField(
        label="Kind of forum",
        choices=ForumKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of forum"},
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Who chairs it, who attends, how often it meets.",
    )


class MeetingForm(GovUKForm):
    date = GovUKDateField(
        label="Meeting date",
        help_text="For example, 14 10 2025",
        error_messages={"required": "Enter the meeting date"},
    )
    note = forms.CharField(
        label="Note (optional)",
        max_length=300,
        required=False,
        help_text="For example, the papers it will consider.",
    )


class MonitoringForm(GovUKForm):
    forums = forms.ModelMultipleChoiceField(
        label="Monitored through",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The forums that check progress on this recommendation.",
    )
    scorecards = forms.ModelMultipleChoiceField(
        label="Scorecards",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    measures = forms.ModelMultipleChoiceField(
        label="Measures",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audit_streams = forms.ModelMultipleChoiceField(
        label="Case audits",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_evidence = forms.CharField(
        label="Other evidence (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Reports, trackers and dashboards that ilacs does not hold, one a line.",
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example, Will be met once timeliness is restored.",
    )

    def __init__(self, *args: Any, la: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forums"].queryset = la.forums.all()
        self.fields["scorecards"].queryset = la.scorecards.all()
        self.fields["measures"].queryset = la.measures.all()
        self.fields["audit_streams"].queryset = la.audit_streams.all()
