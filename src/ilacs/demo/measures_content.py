"""Northbrook's measures, scorecards and case audits for the demonstration (all made up).

Each measure runs from a value two years ago to today's value, with a small fixed wobble, so
that the pages show measures on target, off target for a while, and improving. Periods end with
the last full month (or quarter) before the day the demo is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MeasureSpec:
    name: str
    description: str
    unit: str
    direction: str
    frequency: str
    start: float  # the first period's value
    end: float  # the latest period's value
    target: float | None = None
    tolerance: float = 0
    england: float | None = None
    neighbours: float | None = None
    region: float | None = None
    owner_role: str = ""
    outcome: str = ""
    theme: int | None = None  # index into plan_content.THEMES
    actions: list[int] = field(default_factory=list)  # action numbers in the demo plan
    recommendations: list[int] = field(default_factory=list)


MEASURES = [
    MeasureSpec(
        "Re-referrals within 12 months",
        "Referrals in the month about a child referred in the previous 12 months, as a "
        "percentage of all referrals (children in need census definition).",
        "percent",
        "lower",
        "monthly",
        start=27.5,
        end=23.4,
        target=20,
        tolerance=2,
        england=22.4,
        neighbours=23.9,
        region=21.8,
        owner_role="Head of Service, Front Door",
        outcome="family_help",
        theme=2,
        actions=[11],
        recommendations=[4],
    ),
    MeasureSpec(
        "Assessments completed within 45 working days",
        "Children and family assessments completed in the month within 45 working days of "
        "the referral.",
        "percent",
        "higher",
        "monthly",
        start=71,
        end=87.5,
        target=90,
        tolerance=5,
        england=82.1,
        neighbours=80.4,
        region=83.0,
        owner_role="Head of Service, Assessment",
        outcome="family_help",
        theme=0,
        actions=[1],
        recommendations=[1],
    ),
    MeasureSpec(
        "Children on a child protection plan seen within timescales",
        "Visits to children on a child protection plan made within 10 working days.",
        "percent",
        "higher",
        "monthly",
        start=84,
        end=96.2,
        target=95,
        tolerance=3,
        owner_role="Head of Service, Child Protection",
        outcome="safe",
        theme=0,
        actions=[6],
        recommendations=[1, 2],
    ),
    MeasureSpec(
        "Child in need cases open for more than 12 months",
        "Children on a child in need plan for more than 12 months at the end of the month.",
        "number",
        "lower",
        "monthly",
        start=460,
        end=292,
        target=250,
        tolerance=25,
        owner_role="Head of Service, Children in Need",
        outcome="family_help",
        theme=0,
        actions=[4],
        recommendations=[1, 2],
    ),
    MeasureSpec(
        "Repeat child protection plans",
        "Children becoming the subject of a child protection plan for a second or subsequent "
        "time, as a percentage of new plans.",
        "percent",
        "lower",
        "monthly",
        start=26,
        end=17.1,
        target=18,
        tolerance=3,
        england=23.8,
        neighbours=24.5,
        region=22.9,
        owner_role="Head of Service, Child Protection",
        outcome="safe",
        theme=0,
    ),
    MeasureSpec(
        "Children in need rate per 10,000 children",
        "Children in need at the end of the month per 10,000 children under 18. Context: no "
        "target is set.",
        "rate_10k",
        "lower",
        "monthly",
        start=402,
        end=371.3,
        england=334.3,
        neighbours=381.0,
        region=352.6,
        owner_role="Head of Performance",
    ),
    MeasureSpec(
        "Care leavers in suitable accommodation",
        "Care leavers aged 19 to 21 in accommodation judged suitable.",
        "percent",
        "higher",
        "quarterly",
        start=82,
        end=91.5,
        target=90,
        tolerance=4,
        england=88,
        neighbours=86.5,
        region=89.1,
        owner_role="Head of Service, Children in Care",
        outcome="stable_homes",
    ),
    MeasureSpec(
        "Children in care with three or more placements in the year",
        "Placement stability: children in care with three or more placements in the last 12 "
        "months.",
        "percent",
        "lower",
        "quarterly",
        start=12.4,
        end=10.6,
        target=9,
        tolerance=1,
        england=10,
        neighbours=10.8,
        region=9.6,
        owner_role="Head of Service, Children in Care",
        outcome="stable_homes",
    ),
]

SCORECARDS = [
    (
        "Children and Families Scorecard",
        "Seen by the Children and Families Overview and Scrutiny Committee every quarter.",
        [0, 1, 2, 3, 4, 5],
    ),
    (
        "Corporate Parenting Scorecard",
        "Seen by the Corporate Parenting Board every quarter.",
        [6, 7],
    ),
]


@dataclass(frozen=True)
class AuditSpec:
    name: str
    description: str
    target: float
    cases: int
    start_good: float  # share good or better in the first quarter
    end_good: float
    learning: list[str]
    recommendations: list[int] = field(default_factory=list)


AUDITS = [
    AuditSpec(
        "Child in need and child protection plans",
        "Team managers audit a sample of plans each quarter; a senior manager moderates one in "
        "five.",
        target=65,
        cases=40,
        start_good=0.38,
        end_good=0.58,
        learning=[
            "Plans list services rather than the changes the family needs to make.",
            "Contingency plans are missing from a third of plans.",
            "Better: outcomes are written with families in their own words in most new plans.",
            "Timescales are clearer; the child's lived experience is not always recorded.",
        ],
        recommendations=[1],
    ),
    AuditSpec(
        "Supervision",
        "Supervision records of a sample of social workers in every team.",
        target=60,
        cases=24,
        start_good=0.35,
        end_good=0.62,
        learning=[
            "Supervision is regular but mostly case management, with little reflection.",
            "Managers trained in reflective supervision record hypotheses and challenge.",
            "Personal development plans are in place for 81% of social workers.",
        ],
        recommendations=[2],
    ),
    AuditSpec(
        "Pathway plans",
        "Themed audits of pathway plans for young people aged 16 and over.",
        target=70,
        cases=16,
        start_good=0.5,
        end_good=0.69,
        learning=[
            "Young people's views are clear; health and housing actions lack dates.",
            "Plans reviewed after a move of accommodation are now updated within a month.",
        ],
    ),
]

# A small fixed wobble, so that lines are not straight (the same every time the demo loads).
WOBBLE = (0.0, 0.6, -0.4, 0.9, -0.7, 0.3, -0.2, 0.8, -0.9, 0.4, 0.1, -0.5)
