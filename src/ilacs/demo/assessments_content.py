"""Northbrook's self-assessment rounds, forums and monitoring arrangements for the
demonstration (all made up, in the shape of a council's annual self-assessment report).

Two rounds: last year's, signed off, and this year's, a draft started from it, in which three of
the four recommendations have been reviewed and their evaluations changed (one got worse).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EntrySpec:
    evaluation: str
    strengths: str
    areas_for_improvement: str
    next_steps: str


@dataclass(frozen=True)
class RecommendationSpec:
    background: str
    first: EntrySpec
    second: EntrySpec | None  # None: carried forward, not yet reviewed this year
    forums: list[int] = field(default_factory=list)  # indexes into FORUMS
    other_evidence: str = ""
    note: str = ""


# (name, kind, description, months between meetings)
FORUMS = [
    (
        "Children's Improvement Board",
        "improvement_board",
        "Chaired by the Chief Executive; partners and the Lead Member attend. Receives the "
        "monthly progress report on the improvement plan.",
        1,
    ),
    (
        "Children and Families Overview and Scrutiny Committee",
        "scrutiny",
        "Elected members scrutinise the plan's progress and the scorecards each quarter.",
        3,
    ),
    (
        "Corporate Parenting Board",
        "corporate_parenting",
        "Councillors, officers and care-experienced young people; meets every two months.",
        2,
    ),
    (
        "Northbrook Safeguarding Children Partnership",
        "safeguarding",
        "The council, police and health partners; its Quality and Outcomes Group reads the "
        "multi-agency audits.",
        3,
    ),
]

RECOMMENDATIONS: dict[int, RecommendationSpec] = {
    1: RecommendationSpec(
        background="Inspectors found plans for children in need and subject to child protection "
        "plans that were too general: actions lacked timescales and contingencies, so families "
        "did not know what needed to change.",
        first=EntrySpec(
            "not_met",
            "A SMART planning workshop has been delivered to 14 of 18 teams.",
            "Audits still find a third of plans without clear timescales or contingencies.",
            "Complete the workshops; team managers to audit two plans a month each.",
        ),
        second=EntrySpec(
            "partly_met",
            "Every team has attended the workshop. Audits show plans graded good or better rising "
            "from 48% to 63% over the year, and families in the feedback survey say they "
            "understand their plans.",
            "Contingency plans are still weak in a quarter of plans audited; timeliness of core "
            "groups has dipped in the Eastern locality.",
            "Practice leads to run contingency-planning clinics; the Quality and Outcomes Group "
            "to re-audit in the spring.",
        ),
        forums=[0, 1, 3],
        other_evidence="Family feedback survey\nCore group timeliness tracker",
    ),
    2: RecommendationSpec(
        background="Supervision was irregular and did not consistently challenge drift and delay "
        "for children.",
        first=EntrySpec(
            "partly_met",
            "A new supervision policy and recording template are in place.",
            "Supervision is not yet monthly in every team; reflective discussion is variable.",
            "Monthly compliance reporting to the Improvement Board; supervision audit each "
            "quarter.",
        ),
        second=EntrySpec(
            "met",
            "Supervision is now monthly for 94% of social workers, and the quarterly supervision "
            "audit finds reflective, challenging supervision in most records.",
            "Keep the gains when new managers join.",
            "Supervision training in the induction of every new team manager.",
        ),
        forums=[0, 1],
    ),
    3: RecommendationSpec(
        background="Too few suitable places to live for care leavers, especially those aged over "
        "21, with some placed in bed and breakfast accommodation.",
        first=EntrySpec(
            "not_met",
            "A joint housing protocol has been agreed with the district councils.",
            "Care leavers aged over 21 still wait too long for suitable accommodation.",
            "Commission a supported lodgings scheme; report monthly on care leavers in "
            "unsuitable accommodation.",
        ),
        second=None,
        forums=[2, 1],
        other_evidence="Care leavers accommodation tracker\nCorporate parenting annual report",
        note="Will be met once the supported lodgings scheme has places for every care leaver "
        "who needs one.",
    ),
    4: RecommendationSpec(
        background="Senior leaders did not use performance information and audit well enough to "
        "understand the quality of practice.",
        first=EntrySpec(
            "met",
            "A monthly performance scorecard and quarterly audit programme report to the "
            "Improvement Board.",
            "Audit findings are not always followed up at team level.",
            "Learning from audits to be tracked to completion.",
        ),
        second=EntrySpec(
            "partly_met",
            "The scorecard is read at every Improvement Board and scrutiny committee.",
            "Fewer audits were completed on time this year, and the learning from them is not "
            "reliably followed through: leaders' view of practice is weaker than a year ago.",
            "Restore the audit timetable; a quarterly learning report to the Quality and Outcomes "
            "Group.",
        ),
        forums=[0, 1, 3],
        note="Evaluation lowered this year: audit completion fell.",
    ),
}

FALLBACK = RecommendationSpec(
    background="",
    first=EntrySpec("not_met", "", "Work has started.", "Agree the actions and measures."),
    second=None,
    forums=[0],
)
