"""Northbrook's improvement plan, for the demonstration: themes, actions, milestones and a year
of progress updates. All fictional, written for ilacs; no real council, person or child.

Dates are days from the day the demonstration is loaded (negative: in the past), so that the
dashboard always has something due soon, something overdue and something not updated since the
last board meeting. Recommendations are numbered as in the sample report:

    1  plans for children in need of help and protection
    2  management oversight and supervision
    3  accommodation for care leavers (deliberately without an action yet: the dashboard flags it)
    4  performance information and audit used by senior leaders
"""

from __future__ import annotations

from dataclasses import dataclass, field

THEMES = [
    (
        "Practice excellence",
        "Plans that families understand and that change children's lives without delay.",
    ),
    (
        "Learning organisation",
        "Supervision, development and learning that improve practice.",
    ),
    (
        "Leadership, performance and quality assurance",
        "Leaders who know the quality of practice from data, audit and what families say.",
    ),
]

# Who leads: "contributor" and "editor" are demo users; anything else is a role in words.
CARA_ROLE = "Head of Service, Children in Need and Protection"
ERIN_ROLE = "Improvement Programme Manager"


@dataclass
class DemoAction:
    theme: int  # index into THEMES
    title: str
    description: str
    lead: str  # "contributor", "editor" or "" (named by role only)
    lead_role: str
    due: int  # days from today
    status: str
    success_measure: str
    recommendations: list[int]
    milestones: list[tuple[str, int, bool]] = field(default_factory=list)  # title, due, done
    # Progress updates, oldest first: (slot, RAG, narrative[, evidence]); see `months`.
    updates: list[tuple] = field(default_factory=list)
    author: str = "editor"  # who posts the updates
    override: tuple[str, str, int] | None = None  # RAG, reason, days ago
    due_changed_from: tuple[int, int] | None = None  # (earlier due date, days ago it moved)


def monthly(slots: list[int], items: list[tuple]) -> list[tuple]:
    """Pair update slots (see `months`) with (RAG, narrative[, evidence])."""
    return [(k, *item) for k, item in zip(slots, items, strict=True)]


def months(first: int, last: int) -> list[int]:
    """Monthly update slots, oldest first. Slot 1 is the latest update (about 12 days before the
    demonstration is loaded); slot k is the 20th of the (k - 1)th month before it."""
    return list(range(first, last - 1, -1))


ACTIONS: list[DemoAction] = [
    DemoAction(
        theme=0,
        title="Introduce practice standards for child in need and child protection plans",
        description=(
            "Write, with practitioners and parents, what a good plan looks like: outcomes the "
            "family understands, who does what by when, and what happens if things do not "
            "change. Launch the standards in every team and build them into the case "
            "management system's plan template."
        ),
        lead="contributor",
        lead_role=CARA_ROLE,
        due=-150,
        status="complete",
        success_measure=(
            "Plans audited as good or better rise from 38% (March 2024) to 65% by March 2026. "
            "Every plan has outcomes, timescales and a contingency."
        ),
        recommendations=[1],
        milestones=[
            ("Standards drafted with practitioners and the parents' panel", -330, True),
            ("Standards agreed by the senior leadership team", -270, True),
            ("Launch sessions held with all 18 teams", -200, True),
            ("Plan template changed in the case management system", -160, True),
        ],
        author="contributor",
        updates=monthly(
            months(12, 5),
            [
                (
                    "amber",
                    "Drafting group of twelve practitioners met twice. Parents' panel "
                    "asked for plans without jargon; their examples are in the draft.",
                ),
                (
                    "green",
                    "Draft standards shared with team managers for comment. 64 comments "
                    "received, mostly on contingency planning.",
                ),
                (
                    "green",
                    "Standards agreed by the senior leadership team on the 14th. Launch "
                    "sessions booked for every team.",
                ),
                (
                    "green",
                    "Launch sessions held with 11 of 18 teams. Practitioners asked for "
                    "worked examples: three added to the practice guide.",
                ),
                (
                    "amber",
                    "Remaining launch sessions slipped by two weeks because of "
                    "sickness in the principal social worker's team. No change to the due date.",
                ),
                (
                    "green",
                    "All 18 teams have had a launch session. The plan template change is "
                    "with the systems team for testing.",
                ),
                (
                    "green",
                    "New plan template live from the 3rd. Early dip sample of 20 plans: "
                    "17 have a contingency, compared with 9 in the same sample last year.",
                ),
                (
                    "green",
                    "Complete. The standards are in place and used. Their impact is "
                    "measured through the quarterly plan audit (action 3).",
                    "Dip sample of 20 plans, performance and quality assurance team.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=0,
        title="SMART planning workshops for every social work team",
        description=(
            "Half-day workshops, co-delivered with a parent from the parents' panel, on "
            "writing plans that are specific, measurable and time-bound."
        ),
        lead="contributor",
        lead_role=CARA_ROLE,
        due=20,
        status="in_progress",
        success_measure=(
            "All 18 social work teams attend by the due date; 90% of those attending say the "
            "workshop will change how they write plans."
        ),
        recommendations=[1],
        milestones=[
            ("Workshop materials co-produced with the parents' panel", -240, True),
            ("Workshops delivered to 12 of 18 teams", -90, True),
            ("Workshops delivered to all 18 teams", 20, False),
        ],
        author="contributor",
        updates=monthly(
            months(11, 3),
            [
                (
                    "green",
                    "Workshop materials drafted. Two parents from the panel will co-deliver.",
                ),
                (
                    "green",
                    "Pilot workshop with the Northbrook East team. Feedback positive; "
                    "timing shortened to fit a team meeting slot.",
                ),
                (
                    "green",
                    "Four workshops delivered. 94% of attendees say they will write plans "
                    "differently.",
                ),
                ("green", "Eight teams done. Dates booked for the rest."),
                (
                    "amber",
                    "Two workshops cancelled because of court work in the Children in "
                    "Care teams. Rebooked for next month.",
                ),
                ("green", "Twelve teams done: milestone met."),
                (
                    "amber",
                    "Fourteen teams done. The last four teams are the hardest to release; "
                    "exploring evening sessions.",
                ),
                (
                    "amber",
                    "No workshops this month because of the school holidays. Four teams remain.",
                ),
                (
                    "amber",
                    "Dates agreed with three of the last four teams. The fourth, the "
                    "disabled children's team, has asked for an adapted session.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=0,
        title="Quarterly audit of child in need and child protection plans, with learning fed "
        "back to teams",
        description=(
            "Audit 60 plans a quarter against the practice standards. Each auditor talks the "
            "findings through with the social worker and their manager; themes go to the "
            "practice and performance meeting."
        ),
        lead="",
        lead_role="Head of Quality Assurance and Safeguarding",
        due=200,
        status="in_progress",
        success_measure=(
            "Plans audited as good or better: 50% by September 2025, 60% by March 2026, 65% "
            "by September 2026. Moderation agrees with the auditor's grade in 9 out of 10 "
            "audits."
        ),
        recommendations=[1, 4],
        milestones=[
            ("First quarterly audit reported to the improvement board", -270, True),
            ("Moderation of one audit in ten in place", -230, True),
            ("65% of plans good or better", 120, False),
        ],
        updates=monthly(
            months(12, 1),
            [
                ("green", "Audit tool agreed with the practice standards. Auditors trained."),
                ("green", "First quarter: 60 plans audited, 41% good or better."),
                (
                    "green",
                    "Findings discussed with every social worker concerned. Main theme: "
                    "contingency plans missing.",
                ),
                ("green", "Moderation of 10% of audits: auditors' grades confirmed in 8 of 10."),
                ("green", "Second quarter: 60 plans audited, 47% good or better."),
                ("green", "Learning bulletin on contingency planning sent to all staff."),
                ("green", "Third quarter audits under way."),
                ("green", "Third quarter: 60 plans audited, 52% good or better."),
                ("green", "Audit sample widened to include disabled children's plans."),
                (
                    "green",
                    "Fourth quarter audits under way; auditors report better plans in "
                    "the teams that had the SMART workshop.",
                ),
                (
                    "green",
                    "Fourth quarter: 60 plans audited, 48% good or better: a fall, "
                    "mainly in the teams with most agency staff.",
                ),
                (
                    "green",
                    "Audit programme running to schedule. Next quarter's sample "
                    "weighted towards the teams with the lowest grades.",
                    "Quarterly audit report, quality assurance team.",
                ),
            ],
        ),
        override=(
            "amber",
            "The audits run to schedule, but the latest found 48% of plans good or better, "
            "against the 60% expected by March 2026. Amber until the next quarter's results.",
            20,
        ),
    ),
    DemoAction(
        theme=0,
        title="Review every child in need case open for more than 12 months, to end drift",
        description=(
            "Team managers and an independent reviewing officer review each case together: "
            "step down, close or escalate, with the reasons recorded."
        ),
        lead="",
        lead_role="Service Manager, Children in Need",
        due=-35,
        status="in_progress",
        success_measure=(
            "Every case open for more than 12 months reviewed, with a recorded decision. Cases "
            "open for more than 12 months fall from 460 to under 250."
        ),
        recommendations=[1, 2],
        milestones=[
            ("List of cases and review schedule agreed", -300, True),
            ("Half of the cases reviewed", -150, True),
            ("All cases reviewed", -35, False),
        ],
        due_changed_from=(-100, 205),
        updates=monthly(
            months(11, 1),
            [
                (
                    "green",
                    "460 cases open for more than 12 months. Review schedule agreed "
                    "with team managers.",
                ),
                ("green", "62 cases reviewed: 18 stepped down to early help, 9 closed."),
                ("green", "131 cases reviewed."),
                (
                    "amber",
                    "Reviews slowed: two team managers' posts vacant. Agency managers "
                    "start next month.",
                ),
                (
                    "amber",
                    "197 cases reviewed. The due date has been moved to allow for the vacancies.",
                ),
                ("green", "240 reviewed: half way, a month later than planned."),
                (
                    "green",
                    "296 reviewed. 61 cases stepped down, 48 closed, 11 escalated to "
                    "child protection.",
                ),
                (
                    "amber",
                    "331 reviewed. The disabled children's team's cases take longer to "
                    "review; extra reviewing officer time agreed.",
                ),
                ("amber", "368 reviewed."),
                ("amber", "396 reviewed. The remaining 64 are the most complex."),
                (
                    "red",
                    "412 of 460 reviewed. The due date has passed. The remaining 48 will "
                    "take until the end of next month; the board is asked to agree a new date.",
                    "Weekly tracker of reviews, children in need service.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=0,
        title="Families receive their plan in plain language within five working days",
        description=(
            "A family version of every child in need and child protection plan, written with "
            "the family and sent within five working days of the meeting."
        ),
        lead="contributor",
        lead_role=CARA_ROLE,
        due=75,
        status="in_progress",
        success_measure=(
            "90% of families receive their plan within five working days; 8 in 10 families "
            "asked say they understand what needs to change."
        ),
        recommendations=[1],
        milestones=[
            ("Family plan template tested with the parents' panel", -120, True),
            ("Timeliness reported monthly", -30, True),
        ],
        author="contributor",
        updates=monthly(
            months(6, 1),
            [
                ("green", "Family plan template drafted with the parents' panel."),
                (
                    "green",
                    "Template tested with six families. Changes made to the wording of "
                    "the contingency section.",
                ),
                (
                    "amber",
                    "Timeliness cannot yet be reported: the date sent is not recorded in "
                    "the system. Workaround agreed with the performance team.",
                ),
                ("green", "Timeliness now reported monthly: 71% sent within five working days."),
                ("green", "78% sent within five working days."),
                (
                    "green",
                    "84% within five working days. Family survey under way.",
                    "Monthly performance report, table 4.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=0,
        title="Independent reviewing officers escalate drift in plans, and report the themes",
        description=(
            "Reviewing officers use the escalation process whenever a plan drifts, and report "
            "the themes to senior leaders every quarter."
        ),
        lead="",
        lead_role="Service Manager, Independent Reviewing Service",
        due=45,
        status="in_progress",
        success_measure=(
            "Escalations resolved within 20 working days in 90% of cases; quarterly themes "
            "report to the practice and performance meeting."
        ),
        recommendations=[1, 2],
        updates=monthly(
            [8, 5, 3, 1],
            [
                ("green", "Escalation process relaunched with all reviewing officers."),
                ("amber", "Escalations are made but only 62% resolved within 20 working days."),
                ("amber", "71% resolved within 20 working days. First themes report written."),
                (
                    "amber",
                    "76% resolved in time. Heads of service now see every escalation "
                    "over 15 working days.",
                    "Reviewing service quarterly report.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=1,
        title="Reflective supervision training for all team and practice managers",
        description=(
            "Two-day course on reflective supervision, followed by three action learning "
            "sets. Part of the mandatory offer for new managers."
        ),
        lead="",
        lead_role="Principal Social Worker",
        due=-100,
        status="complete",
        success_measure=(
            "All 42 team and practice managers trained. Supervision records audited as good "
            "or better rise from 35% to 60%."
        ),
        recommendations=[2],
        milestones=[
            ("Training commissioned", -320, True),
            ("Cohort 1 and 2 trained", -200, True),
            ("All managers trained", -110, True),
        ],
        updates=monthly(
            months(12, 4),
            [
                ("green", "Training commissioned from the regional teaching partnership."),
                ("green", "Cohort 1 (14 managers) trained. Evaluations very positive."),
                ("green", "Cohort 2 (14 managers) trained."),
                ("amber", "Cohort 3 postponed by a month: trainer unavailable."),
                ("green", "Action learning sets running for cohorts 1 and 2."),
                (
                    "green",
                    "Cohort 3 trained. Four managers who missed sessions will join the "
                    "next new-manager course.",
                ),
                ("green", "The four remaining managers trained."),
                (
                    "green",
                    "Complete: all 42 managers trained. Impact is measured by the "
                    "supervision audit (action 8).",
                    "Training register, workforce development team.",
                ),
                ("green", "Course now part of the mandatory offer for every new manager."),
            ],
        ),
    ),
    DemoAction(
        theme=1,
        title="Audit supervision every quarter and report the results to the improvement board",
        description=(
            "Audit 40 supervision records a quarter, and ask the social workers concerned "
            "what supervision is like. Change the supervision recording template so that "
            "reflection and decisions are recorded separately."
        ),
        lead="",
        lead_role="Head of Quality Assurance and Safeguarding",
        due=160,
        status="in_progress",
        success_measure=(
            "Supervision records audited as good or better: 60% by March 2026, 70% by "
            "December 2026. 85% of social workers say supervision helps them reflect."
        ),
        recommendations=[2, 4],
        milestones=[
            ("Supervision audit tool agreed", -280, True),
            ("Supervision recording template changed in the case management system", -25, False),
            ("70% of supervision records good or better", 160, False),
        ],
        updates=monthly(
            [10, 7, 4, 1],
            [
                (
                    "green",
                    "First supervision audit: 36% good or better. Social workers say "
                    "supervision is regular but mostly about tasks.",
                ),
                ("green", "Second audit: 49% good or better."),
                (
                    "green",
                    "Third audit: 57% good or better. New recording template agreed; "
                    "the systems team will build it.",
                ),
                (
                    "green",
                    "Fourth audit: 61% good or better. The new template is waiting for a "
                    "system release slot.",
                    "Quarterly supervision audit report.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=1,
        title="Development programme for new team managers",
        description=(
            "A six-month programme for team managers in their first year: coaching, "
            "shadowing a senior manager, and a project on a team's practice."
        ),
        lead="",
        lead_role="Workforce Development Manager",
        due=250,
        status="in_progress",
        success_measure=(
            "Every new team manager completes the programme within their first year; "
            "retention of new managers at 12 months rises from 70% to 85%."
        ),
        recommendations=[2],
        milestones=[
            ("Programme designed", -240, True),
            ("First cohort completes", 60, False),
        ],
        updates=monthly(
            [8, 6, 4, 2, 1],
            [
                ("green", "Programme designed with the regional teaching partnership."),
                ("green", "First cohort of seven managers started."),
                (
                    "amber",
                    "Two of the seven have left the programme: one promoted, one left the council.",
                ),
                ("green", "Coaching under way; practice projects chosen."),
                ("green", "Five managers on track to complete next quarter."),
            ],
        ),
    ),
    DemoAction(
        theme=1,
        title="Practice week: senior leaders observe practice and give feedback",
        description=(
            "Twice a year, every senior leader spends a week with a team: joins visits and "
            "meetings, reads case records and feeds back what they found."
        ),
        lead="",
        lead_role="Assistant Director, Children's Social Care",
        due=300,
        status="not_started",
        success_measure=(
            "Two practice weeks a year, each with a report to the improvement board and "
            "actions followed up within three months."
        ),
        recommendations=[2, 4],
        milestones=[("First practice week held", 150, False)],
    ),
    DemoAction(
        theme=1,
        title="Quarterly learning bulletin from audits, complaints and reviews",
        description="Two pages for every practitioner: what we found, what good looks like.",
        lead="",
        lead_role="Learning and Development Lead",
        due=100,
        status="in_progress",
        success_measure=(
            "A bulletin every quarter; 70% of practitioners asked say they have used it in "
            "their practice."
        ),
        recommendations=[4],
        updates=monthly(
            [9, 6, 3, 1],
            [
                ("green", "First bulletin published: contingency planning."),
                ("green", "Second bulletin: recording management decisions."),
                ("green", "Third bulletin: the voice of the child in plans."),
                (
                    "green",
                    "Practitioner survey: 64% have used a bulletin. Fourth bulletin "
                    "being written with practitioners.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=2,
        title="Performance scorecard for the improvement board, with targets and comparisons",
        description=(
            "One scorecard for the board: each measure with its target, direction, trend, "
            "England average and statistical neighbours."
        ),
        lead="",
        lead_role="Head of Performance and Business Intelligence",
        due=-200,
        status="complete",
        success_measure=(
            "The board receives the scorecard before every meeting; every measure has a "
            "target and comparators."
        ),
        recommendations=[4],
        milestones=[
            ("Measures and targets agreed by the board", -290, True),
            ("First scorecard to the board", -210, True),
        ],
        updates=monthly(
            months(12, 6),
            [
                ("green", "Draft list of 24 measures shared with the board."),
                ("amber", "Board asked for fewer measures: list cut to 16."),
                ("green", "Targets agreed. Statistical neighbour data loaded."),
                ("green", "First scorecard to the board."),
                (
                    "green",
                    "Complete. Scorecard goes to every board meeting.",
                    "Improvement board papers.",
                ),
                ("green", "Scorecard now also goes to the scrutiny committee each quarter."),
                ("green", "No further work: closed as complete."),
            ],
        ),
    ),
    DemoAction(
        theme=2,
        title="Team performance reports every month, used in performance challenge sessions",
        description=(
            "A report for each team manager on their team's timeliness, caseloads and audit "
            "grades, discussed monthly with their head of service."
        ),
        lead="",
        lead_role="Head of Performance and Business Intelligence",
        due=-70,
        status="in_progress",
        success_measure=(
            "Every team manager receives a report each month; performance challenge sessions "
            "held monthly in every service area."
        ),
        recommendations=[2, 4],
        milestones=[
            ("Report designed with team managers", -250, True),
            ("Reports produced automatically from the new reporting platform", -70, False),
        ],
        due_changed_from=(-160, 235),
        updates=monthly(
            months(11, 1),
            [
                ("green", "Report designed with six team managers."),
                ("green", "Reports produced by hand for the front door teams."),
                (
                    "amber",
                    "Producing reports by hand takes three days a month. Automation "
                    "depends on the reporting platform upgrade.",
                ),
                ("amber", "Platform upgrade delayed by the supplier. Due date moved."),
                ("amber", "Challenge sessions running in two of four service areas."),
                ("amber", "Upgrade now scheduled. Reports for children in care teams built."),
                ("red", "Upgrade failed testing and was rolled back."),
                (
                    "red",
                    "Supplier fix expected next month. Reports continue by hand for the "
                    "front door only.",
                ),
                ("red", "Fix delivered but data for the disabled children's team is wrong."),
                ("red", "Data corrected for three of four service areas."),
                (
                    "red",
                    "Overdue. Reports produced for three of four areas. The board is asked "
                    "to agree support from the corporate data team.",
                    "Performance team's project log.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=2,
        title="Buy a separate performance dashboard product",
        description=(
            "Superseded: the council's own reporting platform will be used instead (see action 13)."
        ),
        lead="",
        lead_role="Head of Performance and Business Intelligence",
        due=-240,
        status="closed",
        success_measure="",
        recommendations=[4],
        updates=monthly(
            [11, 10],
            [
                ("green", "Market testing under way with three suppliers."),
                (
                    "green",
                    "Closed: the corporate reporting platform can do what is needed at "
                    "no extra cost. The work moves to action 13.",
                ),
            ],
        ),
    ),
    DemoAction(
        theme=2,
        title="Self-assessment against every recommendation, reported to Cabinet and scrutiny",
        description=(
            "Each year: the background, strengths, areas for improvement, next steps and an "
            "evaluation (met, partly met, not met) for each recommendation."
        ),
        lead="editor",
        lead_role=ERIN_ROLE,
        due=130,
        status="in_progress",
        success_measure=(
            "Self-assessment agreed by the improvement board and reported to Cabinet and the "
            "scrutiny committee every year."
        ),
        recommendations=[1, 2, 4],
        milestones=[
            ("First annual self-assessment to Cabinet", -180, True),
            ("Second annual self-assessment to Cabinet", 130, False),
        ],
        updates=monthly(
            [9, 7, 6, 3, 1],
            [
                ("green", "Evidence gathered for each recommendation."),
                ("green", "Draft self-assessment to the improvement board."),
                (
                    "green",
                    "Reported to Cabinet and scrutiny. Recommendations 1, 2 and 4 judged "
                    "partly met.",
                ),
                ("green", "Evidence log kept up to date each month."),
                ("green", "Timetable for the second self-assessment agreed."),
            ],
        ),
    ),
    DemoAction(
        theme=2,
        title="Monthly practice and performance meeting for senior leaders",
        description=(
            "Senior leaders review the scorecard, audit findings and what families say, "
            "and agree what to do about it."
        ),
        lead="",
        lead_role="Assistant Director, Children's Social Care",
        due=10,
        status="in_progress",
        success_measure=(
            "Held every month with a record of decisions; every decision followed up at the "
            "next meeting."
        ),
        recommendations=[2, 4],
        updates=monthly(
            [7, 5, 3, 1],
            [
                ("green", "Terms of reference agreed. First meeting held."),
                ("green", "Meetings held monthly. Decisions log in place."),
                ("green", "Parents' panel representative joins each quarter."),
                (
                    "green",
                    "All meetings held; every decision followed up. To be closed as "
                    "complete at the next board.",
                    "Decisions log.",
                ),
            ],
        ),
    ),
]
