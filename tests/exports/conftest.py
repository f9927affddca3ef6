"""A plan with something in every part of every document, as at 31 March 2025.

Northbrook's ILACS inspection (4 to 15 March 2024, published 26 April 2024) with its judgements,
three recommendations and findings paragraphs (paragraph 37 on page 9 praises, paragraph 38
criticises), after a 2019 inspection judged inadequate. Its plan, made on 1 June 2024:

action 1  SMART planning workshops: Cara leads, recommendations 1 and 2, theme "Practice
          excellence"; Green in January, Amber on 10 March 2025 (a RAG change in March)
action 2  Performance scorecard for the board: Head of Performance, recommendation 3, no theme;
          due 28 February 2025, so overdue (Red) in March
action 3  Quarterly practice audit: completed on 15 March 2025
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ilacs.inspections.models import Judgement, Paragraph
from ilacs.plans import services
from ilacs.plans.models import Action, ImprovementPlan
from tests.factories import InspectionFactory
from tests.plans.conftest import make_inspection

TODAY = dt.date(2025, 3, 31)
PERIOD = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))


def _at(day: dt.date):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def _redate_history(action: Action, day: dt.date, latest_only: bool = False) -> None:
    rows = Action.history.filter(id=action.pk).order_by("-history_date", "-history_id")
    if latest_only:
        rows = rows[:1]
    Action.history.filter(history_id__in=[r.history_id for r in rows]).update(history_date=_at(day))


@pytest.fixture
def doc_plan(cast) -> ImprovementPlan:
    previous = InspectionFactory(
        local_authority=cast.northbrook,
        inspection_start=dt.date(2019, 1, 7),
        inspection_end=dt.date(2019, 1, 18),
        published=dt.date(2019, 3, 1),
        ofsted_published=True,
        overall_effectiveness="inadequate",
    )
    Judgement.objects.create(
        inspection=previous,
        printed="The impact of leaders on social work practice with children and families",
        key="impact_of_leaders",
        grade="inadequate",
        order=1,
    )
    inspection = make_inspection(cast.northbrook)
    inspection.overall_effectiveness = "requires_improvement"
    inspection.lead_inspector = "Jane Example"
    inspection.save()
    Judgement.objects.create(
        inspection=inspection,
        printed="The impact of leaders on social work practice with children and families",
        key="impact_of_leaders",
        grade="requires_improvement",
        order=1,
    )
    Paragraph.objects.create(
        inspection=inspection,
        section="The experiences and progress of children who need help and protection",
        number=37,
        page=9,
        order=1,
        text="Children and families benefit from a strong and well-established early help "
        "offer in every locality.",
    )
    Paragraph.objects.create(
        inspection=inspection,
        section="The experiences and progress of children in care",
        number=38,
        page=9,
        order=2,
        text="Too many pathway plans for care leavers are not updated when their "
        "circumstances change.",
    )
    erin, cara = cast.erin_editor, cast.cara_contributor
    plan = services.create_plan(inspection, user=erin)
    r1, r2, r3 = plan.requirements.order_by("number")
    theme = services.add_theme(plan, user=erin, name="Practice excellence")
    workshops = services.add_action(
        plan,
        user=erin,
        title="SMART planning workshops",
        description="Half-day workshops for every team.",
        theme=theme,
        lead_user=cara,
        lead_role="Head of Service, Children in Need",
        due_date=dt.date(2025, 6, 30),
        success_measure="All 18 teams attend.",
        requirements=[r1, r2],
    )
    services.add_milestone(
        workshops, user=erin, title="Materials ready", due_date=dt.date(2025, 5, 1)
    )
    scorecard = services.add_action(
        plan,
        user=erin,
        title="Performance scorecard for the board",
        lead_role="Head of Performance",
        due_date=dt.date(2025, 2, 28),
        success_measure="The board sees the scorecard every month.",
        requirements=[r3],
    )
    audit = services.add_action(
        plan,
        user=erin,
        title="Quarterly practice audit",
        theme=theme,
        lead_role="Head of Quality Assurance",
        due_date=dt.date(2025, 4, 30),
        success_measure="60 plans audited a quarter.",
        requirements=[r1],
    )
    for action in (workshops, scorecard, audit):
        _redate_history(action, dt.date(2024, 6, 1))
    services.post_update(
        workshops, user=cara, narrative="Workshops booked.", rag="green", date=dt.date(2025, 1, 31)
    )
    services.post_update(
        workshops,
        user=cara,
        narrative="Two teams postponed their workshop.",
        rag="amber",
        date=dt.date(2025, 3, 10),
        evidence="Attendance log",
    )
    services.post_update(
        scorecard,
        user=erin,
        narrative="Data team short-staffed; first scorecard late.",
        rag="amber",
        date=dt.date(2025, 3, 5),
    )
    services.post_update(
        audit, user=erin, narrative="First audit reported.", rag="green", date=dt.date(2025, 2, 1)
    )
    for action in (workshops, scorecard, audit):
        _redate_history(action, dt.date(2024, 6, 1))  # the first update's "in progress"
    audit.refresh_from_db()
    services.update_action(
        audit, user=erin, expected_version=audit.version, changes={"status": "complete"}
    )
    _redate_history(audit, dt.date(2025, 3, 15), latest_only=True)
    services.post_update(
        audit, user=erin, narrative="Audit cycle complete.", rag="green", date=dt.date(2025, 3, 15)
    )
    return plan
