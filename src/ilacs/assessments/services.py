"""Writes to self-assessment rounds, forums and monitoring arrangements. The pages, the demo and
`ilacs` all call these; nothing else writes this data.

- Every write takes the person making it (`user`), checks their role (editors and admins write
  self-assessments, forums and monitoring; everyone in the council reads them) and is recorded in
  the history.
- A signed-off round is read only. Every write to a round or its entries, and the sign-off
  itself, first locks the round's row (SELECT ... FOR UPDATE) and reads its status inside that
  transaction, so an edit racing a sign-off either lands before it or is refused: never after.
- Uniqueness (one entry per requirement per round, one draft round per plan, a forum's name in
  a council) is kept by the database; a clash becomes an AssessmentError in plain words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.assessments.models import (
    AssessmentEntry,
    AssessmentRound,
    Evaluation,
    Forum,
    ForumKind,
    ForumMeeting,
    Monitoring,
    RoundStatus,
)
from ilacs.localauthorities.models import LocalAuthority
from ilacs.measures.models import AuditStream, Measure, Scorecard
from ilacs.plans.models import Action, ImprovementPlan, Requirement


class AssessmentError(ValueError):
    """A write that cannot be done, with the reason in plain words."""


class RoundSignedOff(AssessmentError):
    """The round was signed off (perhaps a moment ago): it is read only."""


ENTRY_TEXT_FIELDS = ("background", "strengths", "areas_for_improvement", "next_steps")


def _as(user: Any, *objects: Any) -> None:
    for obj in objects:
        obj._history_user = user


def require_edit(user: Any, la: LocalAuthority) -> None:
    if not permissions.can_edit_plan(user, la):
        raise PermissionDenied("Only editors and admins can change the self-assessment.")


def _locked_round(round_: AssessmentRound) -> AssessmentRound:
    """The round's row, locked until the transaction ends, as it is now."""
    try:
        locked = AssessmentRound.objects.select_for_update().get(pk=round_.pk)
    except AssessmentRound.DoesNotExist:
        raise AssessmentError("This self-assessment round no longer exists.") from None
    if locked.status == RoundStatus.SIGNED_OFF:
        raise RoundSignedOff(
            f"“{locked.title}” has been signed off, so it can no longer be changed. Start the "
            "next round to record a new assessment."
        )
    return locked


# --- Rounds ----------------------------------------------------------------------------------


def latest_round(plan: ImprovementPlan) -> AssessmentRound | None:
    return plan.assessment_rounds.order_by("-date", "-pk").first()


def start_round(
    plan: ImprovementPlan,
    *,
    user: Any,
    title: str,
    date: dt.date,
) -> AssessmentRound:
    """A new draft round of the plan. With an earlier round, every entry is copied from the
    latest one (text, evaluation and evidence), marked not yet reviewed; requirements the
    earlier round did not have start blank."""
    require_edit(user, plan.local_authority)
    title = " ".join(title.split())
    if not title:
        raise AssessmentError("Enter the round's title")
    try:
        with transaction.atomic():
            # Lock the plan so two people starting a round at once queue up.
            ImprovementPlan.objects.select_for_update().filter(pk=plan.pk).first()
            previous = latest_round(plan)
            if previous is not None and previous.status == RoundStatus.DRAFT:
                raise AssessmentError(
                    f"“{previous.title}” is still a draft. Sign it off before starting the next "
                    "round."
                )
            round_ = AssessmentRound(
                plan=plan, title=title, date=date, created_by=user, started_from=previous
            )
            _as(user, round_)
            round_.save()
            _copy_entries(round_, previous, user)
    except IntegrityError as exc:
        text = str(exc).lower()
        if "title" in text:
            raise AssessmentError(f"The plan already has a round called “{title}”.") from None
        raise AssessmentError(
            "Another round was started at the same time. Sign it off before starting the next."
        ) from None
    round_.plan = plan
    return round_


def _copy_entries(round_: AssessmentRound, previous: AssessmentRound | None, user: Any) -> None:
    earlier: dict[int, AssessmentEntry] = {}
    if previous is not None:
        for entry in previous.entries.prefetch_related("measures", "audit_streams", "actions"):
            earlier[entry.requirement_id] = entry
    for requirement in round_.plan.requirements.order_by("number"):
        old = earlier.get(requirement.pk)
        entry = AssessmentEntry(round=round_, requirement=requirement)
        if old is not None:
            for name in ENTRY_TEXT_FIELDS:
                setattr(entry, name, getattr(old, name))
            entry.evaluation = old.evaluation
        _as(user, entry)
        entry.save()
        if old is not None:
            entry.measures.set(old.measures.all())
            entry.audit_streams.set(old.audit_streams.all())
            entry.actions.set(old.actions.all())


def rename_round(round_: AssessmentRound, *, user: Any, title: str, date: dt.date) -> None:
    require_edit(user, round_.plan.local_authority)
    title = " ".join(title.split())
    if not title:
        raise AssessmentError("Enter the round's title")
    try:
        with transaction.atomic():
            locked = _locked_round(round_)
            locked.title, locked.date = title, date
            _as(user, locked)
            locked.save(update_fields=["title", "date"])
    except IntegrityError:
        raise AssessmentError(f"The plan already has a round called “{title}”.") from None
    round_.title, round_.date = title, date


@dataclass
class EntryInput:
    evaluation: str
    background: str = ""
    strengths: str = ""
    areas_for_improvement: str = ""
    next_steps: str = ""
    measures: Iterable[Measure] = field(default_factory=list)
    audit_streams: Iterable[AuditStream] = field(default_factory=list)
    actions: Iterable[Action] = field(default_factory=list)


def save_entry(
    round_: AssessmentRound, requirement: Requirement, *, user: Any, item: EntryInput
) -> AssessmentEntry:
    """Save a requirement's entry in a draft round and mark it reviewed. Refused once the round
    is signed off, even if the sign-off lands a moment before this save."""
    plan = round_.plan
    la = plan.local_authority
    require_edit(user, la)
    if requirement.plan_id != plan.pk:
        raise AssessmentError("That recommendation is not part of this plan.")
    if item.evaluation not in Evaluation.values:
        raise AssessmentError(f"“{item.evaluation}” is not an evaluation ilacs knows")
    measures = list(item.measures)
    streams = list(item.audit_streams)
    actions = list(item.actions)
    if any(m.local_authority_id != la.pk for m in measures) or any(
        s.local_authority_id != la.pk for s in streams
    ):
        raise AssessmentError("Evidence can only be this council's measures and audits.")
    if any(a.plan_id != plan.pk for a in actions):
        raise AssessmentError("Evidence can only be actions of this plan.")
    with transaction.atomic():
        _locked_round(round_)
        entry, _created = AssessmentEntry.objects.select_for_update().get_or_create(
            round=round_, requirement=requirement
        )
        for name in ENTRY_TEXT_FIELDS:
            setattr(entry, name, getattr(item, name).strip())
        entry.evaluation = item.evaluation
        entry.reviewed = True
        entry.reviewed_by = user
        entry.reviewed_at = timezone.now()
        _as(user, entry)
        entry.save()
        entry.measures.set(measures)
        entry.audit_streams.set(streams)
        entry.actions.set(actions)
    entry.round = round_
    entry.requirement = requirement
    return entry


def unreviewed_count(round_: AssessmentRound) -> int:
    """Requirements of the plan with no reviewed entry in the round."""
    reviewed = round_.entries.filter(reviewed=True).values("requirement_id")
    return round_.plan.requirements.exclude(pk__in=reviewed).count()


def sign_off(round_: AssessmentRound, *, user: Any) -> AssessmentRound:
    """Sign the round off: from now on it and its entries are read only. Every requirement must
    have been reviewed in this round first."""
    if not permissions.can_edit_plan(user, round_.plan.local_authority):
        raise PermissionDenied("Only editors and admins can sign off a self-assessment.")
    with transaction.atomic():
        locked = _locked_round(round_)
        locked.plan = round_.plan
        left = unreviewed_count(locked)
        if left:
            raise AssessmentError(
                f"{left} recommendation{'s are' if left != 1 else ' is'} not yet reviewed in "
                "this round. Review every recommendation before signing it off."
            )
        locked.status = RoundStatus.SIGNED_OFF
        locked.signed_off_by = user
        locked.signed_off_at = timezone.now()
        _as(user, locked)
        locked.save(update_fields=["status", "signed_off_by", "signed_off_at"])
    round_.status = locked.status
    round_.signed_off_by = user
    round_.signed_off_at = locked.signed_off_at
    return round_


# --- Forums and monitoring -------------------------------------------------------------------


def save_forum(
    la: LocalAuthority,
    *,
    user: Any,
    name: str,
    kind: str,
    description: str = "",
    forum: Forum | None = None,
) -> Forum:
    require_edit(user, la)
    name = " ".join(name.split())
    if not name:
        raise AssessmentError("Enter the forum's name")
    if kind not in ForumKind.values:
        raise AssessmentError(f"“{kind}” is not a kind of forum ilacs knows")
    if forum is None:
        forum = Forum(local_authority=la)
    elif forum.local_authority_id != la.pk:
        raise AssessmentError("That forum belongs to another council.")
    forum.name, forum.kind, forum.description = name, kind, description.strip()
    _as(user, forum)
    try:
        with transaction.atomic():
            forum.save()
    except IntegrityError:
        raise AssessmentError(f"The council already has a forum called “{name}”.") from None
    return forum


def add_meeting(forum: Forum, *, user: Any, date: dt.date, note: str = "") -> ForumMeeting:
    require_edit(user, forum.local_authority)
    meeting = ForumMeeting(forum=forum, date=date, note=note.strip())
    _as(user, meeting)
    try:
        with transaction.atomic():
            meeting.save()
    except IntegrityError:
        raise AssessmentError(f"{forum.name} already has a meeting on that date.") from None
    return meeting


def remove_meeting(meeting: ForumMeeting, *, user: Any) -> None:
    require_edit(user, meeting.forum.local_authority)
    _as(user, meeting)
    meeting.delete()


@dataclass
class MonitoringInput:
    forums: Iterable[Forum] = field(default_factory=list)
    measures: Iterable[Measure] = field(default_factory=list)
    audit_streams: Iterable[AuditStream] = field(default_factory=list)
    scorecards: Iterable[Scorecard] = field(default_factory=list)
    other_evidence: str = ""
    note: str = ""


def save_monitoring(requirement: Requirement, *, user: Any, item: MonitoringInput) -> Monitoring:
    """Set how a requirement is monitored (one row of the appendix)."""
    la = requirement.plan.local_authority
    require_edit(user, la)
    forums, measures = list(item.forums), list(item.measures)
    streams, cards = list(item.audit_streams), list(item.scorecards)
    if any(x.local_authority_id != la.pk for x in (*forums, *measures, *streams, *cards)):
        raise AssessmentError("Monitoring can only name this council's forums and evidence.")
    with transaction.atomic():
        monitoring, _ = Monitoring.objects.select_for_update().get_or_create(
            requirement=requirement
        )
        monitoring.other_evidence = item.other_evidence.strip()
        monitoring.note = item.note.strip()
        _as(user, monitoring)
        monitoring.save()
        monitoring.forums.set(forums)
        monitoring.measures.set(measures)
        monitoring.audit_streams.set(streams)
        monitoring.scorecards.set(cards)
    return monitoring
