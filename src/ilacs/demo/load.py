"""Demonstration data for `ilacs demo`. Idempotent: a second run reuses what the first made.

Northbrook is fictional: the project wrote its report (ilacs/extraction/data/sample_report.txt)
and it describes no real council. Real councils come from the reference data.

To add more demonstration data (the improvement plan, measures, board papers...), extend
`load_demo_improvement_plan()` below, or add a function like it and call it from `load_demo()`.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ilacs.accounts.models import ROLE_DESCRIPTIONS, Role
from ilacs.accounts.services import ensure_user, grant_membership
from ilacs.extraction.sample import sample_report_path
from ilacs.inspections.models import Inspection
from ilacs.inspections.services import ingest_path
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.services import (
    create_fictional_local_authority,
    load_local_authorities,
)

DEMO_LA_NAME = "Northbrook"
DEMO_LA_SLUG = "northbrook"

# One user per role. The admin is also a service administrator (Django superuser), so that the
# demonstration can show /admin/, where users and memberships are managed.
DEMO_USERS: list[dict[str, Any]] = [
    {"username": "admin", "first_name": "Alex", "last_name": "Admin", "role": Role.ADMIN},
    {"username": "editor", "first_name": "Erin", "last_name": "Editor", "role": Role.EDITOR},
    {
        "username": "contributor",
        "first_name": "Cara",
        "last_name": "Contributor",
        "role": Role.CONTRIBUTOR,
    },
    {"username": "viewer", "first_name": "Vic", "last_name": "Viewer", "role": Role.VIEWER},
]


# Letters and digits only, easy to copy from a terminal (no look-alikes: 0/O, 1/l/I).
_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class DemoError(RuntimeError):
    pass


@dataclass
class DemoUser:
    username: str
    password: str
    role: Role
    user: Any

    @property
    def description(self) -> str:
        """ "editor: can upload inspection reports and edit the improvement plan"."""
        text = ROLE_DESCRIPTIONS[self.role].rstrip(".")
        text = f"{self.role.label.lower()}: {text[0].lower()}{text[1:]}"
        if self.role == Role.ADMIN:
            text += "; also a service administrator, who sees every council and /admin/"
        return text


@dataclass
class DemoContext:
    """What the demonstration holds; passed to every loader so that later ones build on it."""

    local_authority: LocalAuthority
    inspection: Inspection
    users: list[DemoUser] = field(default_factory=list)

    def user(self, role: Role) -> Any:
        return next(u.user for u in self.users if u.role == role)


def passwords_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-passwords.json"


def demo_passwords() -> dict[str, str]:
    """One random password per demo user, made on first use and kept (mode 600) in the data
    folder, never in the repository."""
    path = passwords_file()
    try:
        stored = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        stored = {}
    changed = False
    for spec in DEMO_USERS:
        if not stored.get(spec["username"]):
            stored[spec["username"]] = "".join(secrets.choice(_ALPHABET) for _ in range(16))
            changed = True
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stored, indent=1) + "\n")
        path.chmod(0o600)
    return stored


def _refuse_to_take_over_real_users(northbrook: LocalAuthority) -> None:
    """The demo users' names (admin, editor ...) may belong to real people in a database the
    demo was pointed at by mistake: never change a user the demo did not create."""
    from django.contrib.auth import get_user_model

    from ilacs.accounts.models import Membership

    names = [spec["username"] for spec in DEMO_USERS]
    ours = set(
        Membership.objects.filter(local_authority=northbrook, user__username__in=names).values_list(
            "user__username", flat=True
        )
    )
    taken = sorted(
        set(get_user_model().objects.filter(username__in=names).values_list("username", flat=True))
        - ours
    )
    if taken:
        raise DemoError(
            f"this database already has users called {', '.join(taken)} who are not demo users; "
            "the demo will not change them. Run it with its own data folder (ILACS_DATA_DIR) "
            "and without DATABASE_URL."
        )


def load_demo() -> DemoContext:
    """Reference data, Northbrook, its inspection (read by the real extractor) and the users."""
    load_local_authorities()
    with transaction.atomic():
        northbrook = create_fictional_local_authority(DEMO_LA_NAME, DEMO_LA_SLUG)
    result = ingest_path(sample_report_path())
    if not result.ok:
        raise DemoError(f"the sample report could not be added: {result.summary()}")
    context = DemoContext(local_authority=northbrook, inspection=result.inspections[0])
    passwords = demo_passwords()
    _refuse_to_take_over_real_users(northbrook)
    for spec in DEMO_USERS:
        is_admin = spec["role"] == Role.ADMIN
        user = ensure_user(
            spec["username"],
            passwords[spec["username"]],
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        grant_membership(user, northbrook, spec["role"])
        context.users.append(
            DemoUser(spec["username"], passwords[spec["username"]], spec["role"], user)
        )
    plan = load_demo_improvement_plan(context)
    load_demo_measures(context, plan)
    load_demo_evidence(context, plan)
    load_demo_assessments(context, plan)
    load_demo_self_evaluations(context, plan)
    return context


def load_demo_improvement_plan(context: DemoContext, today: dt.date | None = None) -> Any:
    """Northbrook's improvement plan (see plan_content.py): three themes, sixteen actions with
    milestones, a year of progress updates, one RAG set by hand and one recommendation with no
    action yet. Written through the plan services, as the demo users, then dated: each history
    row gets the date it describes, so the history pages read like a year of work.

    Idempotent: if the inspection already has a plan, it is returned untouched.
    """
    from ilacs.plans.models import ImprovementPlan

    existing = ImprovementPlan.objects.filter(inspection=context.inspection).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        return _build_demo_plan(context, today or timezone.localdate())


def _when(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _working_day_on_or_before(day: dt.date) -> dt.date:
    from ilacs.plans.workingdays import is_working_day

    while not is_working_day(day):
        day -= dt.timedelta(days=1)
    return day


def _update_day(today: dt.date, slot: int) -> dt.date:
    """When a demo progress update was written (see plan_content.months): slot 1 about 12 days
    ago, each earlier slot the 20th of the month before, so there is one update a month."""
    latest = _working_day_on_or_before(today - dt.timedelta(days=12))
    if slot <= 1:
        return latest
    months = latest.year * 12 + latest.month - 1 - (slot - 1)
    return _working_day_on_or_before(dt.date(months // 12, months % 12 + 1, 20))


def _redate(model: Any, pk: int, when: dt.datetime, **fields: Any) -> None:
    """Give an object's history rows (and the listed fields) the date they describe."""
    rows = list(model.history.filter(id=pk).order_by("history_date", "history_id"))
    for i, row in enumerate(rows):
        model.history.filter(history_id=row.history_id).update(
            history_date=when + dt.timedelta(seconds=i)
        )
    if fields:
        model.objects.filter(pk=pk).update(**fields)


def _build_demo_plan(context: DemoContext, today: dt.date) -> Any:
    from ilacs.demo.plan_content import ACTIONS, THEMES
    from ilacs.plans import services
    from ilacs.plans.models import (
        Action,
        ImprovementPlan,
        Milestone,
        PlanStatus,
        ProgressUpdate,
        RagOverride,
        Requirement,
        Theme,
    )
    from ilacs.plans.workingdays import add_working_days

    erin = context.user(Role.EDITOR)
    alex = context.user(Role.ADMIN)
    users = {"editor": erin, "contributor": context.user(Role.CONTRIBUTOR), "": None}

    def day(offset: int) -> dt.date:
        return today + dt.timedelta(days=offset)

    # The sample report prints no publication date: the editor entered it.
    inspection = context.inspection
    published = add_working_days(inspection.inspection_end or today, 35)
    created = add_working_days(published, 10)
    plan = services.create_plan(
        inspection,
        user=erin,
        report_published=published,
        title="Northbrook children's services improvement plan 2024 to 2027",
    )
    _redate(ImprovementPlan, plan.pk, _when(created), created_at=_when(created))
    for requirement in plan.requirements.all():
        _redate(Requirement, requirement.pk, _when(created))

    themes = []
    for name, description in THEMES:
        theme = services.add_theme(plan, user=erin, name=name, description=description)
        _redate(Theme, theme.pk, _when(created, 11))
        themes.append(theme)

    # The plan was agreed, sent to Ofsted by the deadline, then run by the improvement board.
    submitted = _working_day_on_or_before(plan.submission_deadline - dt.timedelta(days=3))
    plan = services.update_plan(
        plan, user=alex, expected_version=plan.version, changes={"status": PlanStatus.SUBMITTED}
    )
    board = _working_day_on_or_before(today - dt.timedelta(days=45))
    plan = services.update_plan(
        plan,
        user=erin,
        expected_version=plan.version,
        changes={"status": PlanStatus.ACTIVE, "last_board_meeting": board},
    )
    rows = list(ImprovementPlan.history.filter(id=plan.pk).order_by("history_date", "history_id"))
    for row, when in zip(
        rows, [_when(created), _when(submitted, 16), _when(board, 17)], strict=True
    ):
        ImprovementPlan.history.filter(history_id=row.history_id).update(history_date=when)
    ImprovementPlan.objects.filter(pk=plan.pk).update(updated_at=_when(board, 17))

    requirements = {r.number: r for r in plan.requirements.all()}
    # This year's actions were set when the plan was refreshed after the first annual review.
    refreshed = max(created + dt.timedelta(days=14), today - dt.timedelta(days=400))
    for spec in ACTIONS:
        lead = users[spec.lead]
        first_due = spec.due_changed_from[0] if spec.due_changed_from else spec.due
        action = services.add_action(
            plan,
            user=erin,
            title=spec.title,
            description=spec.description,
            theme=themes[spec.theme],
            lead_user=lead,
            lead_role=spec.lead_role,
            due_date=day(first_due),
            status="in_progress" if spec.updates else "not_started",
            success_measure=spec.success_measure,
            requirements=[requirements[n] for n in spec.recommendations if n in requirements],
        )
        _redate(Action, action.pk, _when(refreshed, 9, 30), created_at=_when(refreshed, 9, 30))
        for title, due, done in spec.milestones:
            milestone = services.add_milestone(action, user=erin, title=title, due_date=day(due))
            if done:
                done_on = _working_day_on_or_before(day(min(due, -1)))
                services.update_milestone(milestone, user=erin, done=True, done_on=done_on)
                _redate(Milestone, milestone.pk, _when(refreshed, 9, 45))
                Milestone.history.filter(id=milestone.pk, done=True).update(
                    history_date=_when(done_on, 15)
                )
            else:
                _redate(Milestone, milestone.pk, _when(refreshed, 9, 45))
        author = users[spec.author]
        for slot, rag, narrative, *evidence in spec.updates:
            on = _update_day(today, slot)
            update = services.post_update(
                action,
                user=author,
                narrative=narrative,
                rag=rag,
                date=on,
                evidence=evidence[0] if evidence else "",
            )
            _redate(ProgressUpdate, update.pk, _when(on, 14), created_at=_when(on, 14))
        if spec.due_changed_from:
            _, moved_ago = spec.due_changed_from
            action = services.update_action(
                action,
                user=erin,
                expected_version=action.version,
                changes={"due_date": day(spec.due)},
            )
            latest = Action.history.filter(id=action.pk).order_by("-history_date").first()
            Action.history.filter(history_id=latest.history_id).update(
                history_date=_when(day(-moved_ago), 12)
            )
        if spec.status != action.status:
            last_update = _update_day(today, spec.updates[-1][0] if spec.updates else 1)
            action = services.update_action(
                action, user=erin, expected_version=action.version, changes={"status": spec.status}
            )
            latest = Action.history.filter(id=action.pk).order_by("-history_date").first()
            Action.history.filter(history_id=latest.history_id).update(
                history_date=_when(last_update, 16)
            )
        if spec.override:
            rag, reason, days_ago = spec.override
            override = services.set_rag_override(action, user=erin, rag=rag, reason=reason)
            set_at = _when(_working_day_on_or_before(day(-days_ago)), 11)
            RagOverride.objects.filter(pk=override.pk).update(set_at=set_at)
            _redate(RagOverride, override.pk, set_at)
        last_change = Action.history.filter(id=action.pk).order_by("-history_date").first()
        Action.objects.filter(pk=action.pk).update(updated_at=last_change.history_date)
    return plan


def load_demo_measures(
    context: DemoContext, plan: Any = None, today: dt.date | None = None
) -> None:
    """Northbrook's measures (two years of monthly or quarterly values with comparators), two
    scorecards and three case-audit streams (see measures_content.py), through the measures
    services, as the demo users. One value is corrected late, so its history shows a
    correction. Idempotent: nothing is added if Northbrook already has measures."""
    la = context.local_authority
    if la.measures.exists():
        return
    with transaction.atomic():
        _build_demo_measures(context, plan, today or timezone.localdate())


def _demo_series(start: float, end: float, n: int, scale: float) -> list[Decimal]:
    from ilacs.demo.measures_content import WOBBLE

    values = []
    for i in range(n):
        trend = start + (end - start) * i / max(n - 1, 1)
        wobble = 0 if i == n - 1 else WOBBLE[i % len(WOBBLE)] * scale
        values.append(Decimal(str(round(max(trend + wobble, 0), 1))))
    return values


def _build_demo_measures(context: DemoContext, plan: Any, today: dt.date) -> None:
    from ilacs.demo.measures_content import AUDITS, MEASURES, SCORECARDS
    from ilacs.demo.plan_content import THEMES
    from ilacs.measures import services
    from ilacs.measures.periods import add_periods, period_start

    la = context.local_authority
    erin = context.user(Role.EDITOR)
    cara = context.user(Role.CONTRIBUTOR)
    themes = {t.name: t for t in plan.themes.all()} if plan is not None else {}
    actions = {a.number: a for a in plan.actions.all()} if plan is not None else {}
    requirements = {r.number: r for r in plan.requirements.all()} if plan is not None else {}
    measures = []
    for spec in MEASURES:
        measure = services.create_measure(
            la,
            user=erin,
            name=spec.name,
            description=spec.description,
            unit=spec.unit,
            direction=spec.direction,
            frequency=spec.frequency,
            target=None if spec.target is None else Decimal(str(spec.target)),
            amber_tolerance=Decimal(str(spec.tolerance)),
            owner_role=spec.owner_role,
            framework_outcome=spec.outcome,
            theme=themes.get(THEMES[spec.theme][0]) if spec.theme is not None else None,
        )
        services.link_measure(
            measure,
            user=erin,
            actions=[actions[n] for n in spec.actions if n in actions],
            requirements=[requirements[n] for n in spec.recommendations if n in requirements],
        )
        count = 24 if spec.frequency == "monthly" else 8
        last = add_periods(spec.frequency, period_start(spec.frequency, today), -1)
        scale = abs(spec.end - spec.start) / 8 or 1
        series = _demo_series(spec.start, spec.end, count, scale)
        for i, number in enumerate(series):
            period = add_periods(spec.frequency, last, i - count + 1)
            # Comparators move a little over the two years, and lag by one period.
            drift = Decimal(str(round((i - count) * 0.02, 1)))

            def near(x: float | None, drift: Decimal = drift) -> Decimal | None:
                return None if x is None else Decimal(str(x)) + drift

            services.record_value(
                measure,
                user=cara,
                item=services.ValueInput(
                    period=period,
                    value=number,
                    england=near(spec.england),
                    statistical_neighbours=near(spec.neighbours),
                    region=near(spec.region),
                ),
            )
        measures.append(measure)
    # A late correction, so the first measure's history shows one.
    first = measures[0]
    latest = first.values.order_by("-period")[2]
    services.record_value(
        first,
        user=erin,
        item=services.ValueInput(
            period=latest.period,
            value=latest.value + Decimal("1.2"),
            england=latest.england,
            statistical_neighbours=latest.statistical_neighbours,
            region=latest.region,
            note="Corrected: referrals recorded late by the front door were added.",
        ),
    )
    for name, description, indexes in SCORECARDS:
        services.save_scorecard(
            la,
            user=erin,
            name=name,
            description=description,
            measures=[measures[i] for i in indexes],
        )
    last_quarter = add_periods("quarterly", period_start("quarterly", today), -1)
    for spec in AUDITS:
        stream = services.save_audit_stream(
            la,
            user=erin,
            name=spec.name,
            description=spec.description,
            frequency="quarterly",
            target=Decimal(str(spec.target)),
            requirements=[requirements[n] for n in spec.recommendations if n in requirements],
        )
        for i in range(8):
            share = spec.start_good + (spec.end_good - spec.start_good) * i / 7
            good_or_better = round(spec.cases * share)
            outstanding = good_or_better // 8
            inadequate = max(1, round(spec.cases * (1 - share) * 0.2))
            requires_improvement = spec.cases - good_or_better - inadequate
            learning = spec.learning[i * len(spec.learning) // 8] if i % 2 == 1 else ""
            services.record_audit_result(
                stream,
                user=cara,
                item=services.AuditInput(
                    period=add_periods("quarterly", last_quarter, i - 7),
                    cases_audited=spec.cases,
                    outstanding=outstanding,
                    good=good_or_better - outstanding,
                    requires_improvement=requires_improvement,
                    inadequate=inadequate,
                    learning=learning,
                ),
            )


def load_demo_self_evaluations(
    context: DemoContext, plan: Any = None, today: dt.date | None = None
) -> None:
    """Last year's and this year's self-evaluation of social work practice (see
    selfevaluation_content.py), written through the services as the demo users and dated in
    January of each year, before the annual engagement meeting. Idempotent: nothing is added
    if Northbrook already has a self-evaluation."""
    from ilacs.selfevaluation.models import SelfEvaluation

    if SelfEvaluation.objects.filter(local_authority=context.local_authority).exists():
        return
    with transaction.atomic():
        _build_demo_self_evaluations(context, plan, today or timezone.localdate())


def _build_demo_self_evaluations(context: DemoContext, plan: Any, today: dt.date) -> None:
    from ilacs.demo.selfevaluation_content import LAST_YEAR, THIS_YEAR
    from ilacs.selfevaluation import services
    from ilacs.selfevaluation.models import Section, SelfEvaluation

    users = {u.username: u.user for u in context.users}
    this_year = today.year if today.month >= 2 else today.year - 1
    for year, content in ((this_year - 1, LAST_YEAR), (this_year, THIS_YEAR)):
        as_at = dt.date(year, 1, 20)
        se = services.start(
            context.local_authority, user=users["editor"], year=year, as_at=as_at, plan=plan
        )
        _redate(SelfEvaluation, se.pk, _when(as_at - dt.timedelta(days=28)))
        for kind, saves in content.items():
            section = se.sections.get(kind=kind)
            for who, text in saves:
                section = services.save_section(
                    section, user=users[who], text=text, loaded_version=section.version
                )
            # Each save a few days apart, the last a week before the meeting.
            records = list(
                Section.history.filter(id=section.pk, version__gt=0).order_by("history_id")
            )
            when = None
            for i, record in enumerate(records):
                when = _when(as_at - dt.timedelta(days=7 + 4 * (len(records) - 1 - i)), 15)
                Section.history.filter(history_id=record.history_id).update(
                    history_date=when, updated_at=when
                )
            Section.objects.filter(pk=section.pk).update(updated_at=when)


# Evidence files for the demo: (action number, file name, what it shows, the file's text). Each
# goes on the action's latest progress update, dated as the update is.
DEMO_EVIDENCE = [
    (
        3,
        "cin-cp-plans-audit.csv",
        "Quarterly audit of child in need and child protection plans: grades by team",
        "Team,Cases audited,Outstanding,Good,Requires improvement,Inadequate\n"
        "Children in Need North,10,0,6,4,0\nChildren in Need South,10,1,5,3,1\n"
        "Child Protection East,10,0,6,4,0\nChild Protection West,10,1,4,4,1\n",
    ),
    (
        8,
        "supervision-audit-summary.txt",
        "Supervision audit: summary of findings for the improvement board",
        "Supervision audit, summary of findings\n\nRecords of 24 social workers were audited. "
        "Supervision is regular in every team. Managers who have completed the reflective "
        "supervision training record hypotheses and challenge; others still record mostly case "
        "management. Personal development plans are in place for most social workers.\n",
    ),
]


def load_demo_evidence(context: DemoContext, plan: Any = None) -> None:
    """A few evidence files on the plan's progress updates (an audit spreadsheet as CSV, a
    summary as text), attached through the evidence services as the editor. Idempotent:
    nothing is added if Northbrook already has evidence files."""
    from ilacs.evidence import services
    from ilacs.evidence.models import EvidenceFile

    if (
        plan is None
        or EvidenceFile.objects.filter(local_authority=context.local_authority).exists()
    ):
        return
    erin = context.user(Role.EDITOR)
    for number, filename, description, text in DEMO_EVIDENCE:
        action = plan.actions.filter(number=number).first()
        update = action.updates.order_by("-date", "-pk").first() if action else None
        if update is None:
            continue
        evidence = services.attach(
            update,
            user=erin,
            data=text.encode(),
            filename=filename,
            description=description,
            effective_date=update.date,
        )
        when = _when(update.date + dt.timedelta(days=1), 11)
        _redate(EvidenceFile, evidence.pk, when, uploaded_at=when)


def load_demo_assessments(context: DemoContext, plan: Any, today: dt.date | None = None) -> None:
    """Northbrook's forums with a year of meetings, two self-assessment rounds of the plan (last
    year's signed off, this year's a draft in which evaluations changed) and each
    recommendation's monitoring arrangements (see assessments_content.py), through the
    assessments services. Idempotent: nothing is added if the plan already has a round."""
    if plan is None or plan.assessment_rounds.exists():
        return
    with transaction.atomic():
        _build_demo_assessments(context, plan, today or timezone.localdate())


def _build_demo_assessments(context: DemoContext, plan: Any, today: dt.date) -> None:
    from ilacs.assessments import services
    from ilacs.assessments.models import AssessmentRound
    from ilacs.demo.assessments_content import FALLBACK, FORUMS, RECOMMENDATIONS
    from ilacs.measures.periods import add_periods

    la = context.local_authority
    erin = context.user(Role.EDITOR)
    alex = context.user(Role.ADMIN)
    this_month = today.replace(day=1)
    forums = []
    for name, kind, description, every in FORUMS:
        forum = la.forums.filter(name=name).first() or services.save_forum(
            la, user=erin, name=name, kind=kind, description=description
        )
        forums.append(forum)
        for back in range(-12, 3, every):  # a year of meetings and the next ones planned
            day = add_periods("monthly", this_month, back) + dt.timedelta(days=14)
            if not forum.meetings.filter(date=day).exists():
                services.add_meeting(forum, user=erin, date=day)
    requirements = list(plan.requirements.order_by("number"))
    evidence = {
        r.pk: {
            "measures": list(r.measures.all()),
            "audit_streams": list(r.audit_streams.all()),
            "actions": list(r.actions.all()),
        }
        for r in requirements
    }
    first_day = add_periods("monthly", this_month, -12) + dt.timedelta(days=20)
    first = services.start_round(
        plan, user=erin, title=f"Annual self-assessment, {first_day:%B %Y}", date=first_day
    )
    for requirement in requirements:
        spec = RECOMMENDATIONS.get(requirement.number, FALLBACK)
        entry = spec.first
        services.save_entry(
            first,
            requirement,
            user=erin,
            item=services.EntryInput(
                evaluation=entry.evaluation,
                background=spec.background,
                strengths=entry.strengths,
                areas_for_improvement=entry.areas_for_improvement,
                next_steps=entry.next_steps,
                **evidence[requirement.pk],
            ),
        )
    services.sign_off(first, user=alex)
    AssessmentRound.objects.filter(pk=first.pk).update(
        signed_off_at=_when(first_day + dt.timedelta(days=10))
    )
    second_day = min(today, this_month + dt.timedelta(days=20))
    second = services.start_round(
        plan, user=erin, title=f"Annual self-assessment, {second_day:%B %Y}", date=second_day
    )
    scorecards = list(la.scorecards.prefetch_related("measures"))
    for requirement in requirements:
        spec = RECOMMENDATIONS.get(requirement.number, FALLBACK)
        if spec.second is not None:
            entry = spec.second
            services.save_entry(
                second,
                requirement,
                user=erin,
                item=services.EntryInput(
                    evaluation=entry.evaluation,
                    background=spec.background,
                    strengths=entry.strengths,
                    areas_for_improvement=entry.areas_for_improvement,
                    next_steps=entry.next_steps,
                    **evidence[requirement.pk],
                ),
            )
        linked = set(evidence[requirement.pk]["measures"])
        services.save_monitoring(
            requirement,
            user=erin,
            item=services.MonitoringInput(
                forums=[forums[i] for i in spec.forums],
                measures=evidence[requirement.pk]["measures"],
                audit_streams=evidence[requirement.pk]["audit_streams"],
                scorecards=[c for c in scorecards if linked & set(c.measures.all())],
                other_evidence=spec.other_evidence,
                note=spec.note,
            ),
        )
