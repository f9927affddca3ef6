"""Northbrook's annual self-evaluations of social work practice for the demonstration: last
year's, written soon after the inspection, and this year's, which answers the same three
questions a year on (all made up, in the voice of a council's own papers). The measures, audits
and actions they mention are the demo's (measures_content.py, plan_content.py).

Each section is a list of saves, oldest first: (who saved it, the text). A section with two
saves shows a version history.
"""

from __future__ import annotations

LAST_YEAR: dict[str, list[tuple[str, str]]] = {
    "summary": [
        (
            "editor",
            "Northbrook's children's services were judged to require improvement to be good "
            "at the ILACS inspection. We agree with the inspectors' findings: we know where "
            "practice is not yet good enough, and our improvement plan, agreed by Cabinet and "
            "overseen by the Improvement Board, sets out what we are doing about it.\n\n"
            "This is our first self-evaluation since the inspection. It is honest about a "
            "service that is safe but inconsistent.",
        )
    ],
    "know": [
        (
            "editor",
            "Children who need protection are identified and protected: audits found the right "
            "action taken at the right time in almost every case. But the quality of practice "
            "is not yet consistently good.\n\n"
            "- Only around four in ten child in need and child protection plans audited were "
            "good or better. Plans too often list services rather than the changes a family "
            "needs to make, and a third have no contingency plan.\n"
            "- Supervision is regular but is mostly case management, with little reflection "
            "or challenge.\n"
            "- More than a quarter of referrals are re-referrals within 12 months, above "
            "England and our statistical neighbours: some families are not getting the help "
            "they need the first time.\n"
            "- Too many children stay on a child in need plan for more than a year without "
            "a clear reason.",
        )
    ],
    "how": [
        (
            "editor",
            "We know this from a quarterly audit programme carried out by every team manager, "
            "with one audit in five moderated by a senior manager, and from the monthly "
            "performance information each team receives. Independent reviewing officers' "
            "practice alerts tell us where plans drift. We have started to hear directly from "
            "families through feedback calls after each child protection conference.\n\n"
            "We do not yet bring this together well enough: audit findings are reported but "
            "the learning does not always reach the teams.",
        )
    ],
    "plans": [
        (
            "editor",
            "Our improvement plan answers each of Ofsted's recommendations. In the coming year "
            "we will:\n\n"
            "- introduce practice standards for child in need and child protection plans, with "
            "SMART planning workshops for every team;\n"
            "- train every team and practice manager in reflective supervision and audit "
            "supervision every quarter;\n"
            "- review every child in need case open for more than 12 months;\n"
            "- give the Improvement Board a performance scorecard with targets and comparisons "
            "with England and our statistical neighbours.",
        )
    ],
}

THIS_YEAR: dict[str, list[tuple[str, str]]] = {
    "summary": [
        (
            "admin",
            "A year on from our first self-evaluation, practice in Northbrook is better, and "
            "we can show it. More plans are good, supervision is more reflective, and fewer "
            "children come back to us within a year. Practice is not yet consistently good in "
            "every team, and we say below where it is not.",
        )
    ],
    "know": [
        (
            "editor",
            "The quality of practice has improved over the year. Plans are better: more than "
            "half of the child in need and child protection plans audited are now good or "
            "better. Supervision is more reflective.",
        ),
        (
            "admin",
            "The quality of practice has improved over the year, and the improvement is "
            "sustained rather than a single good quarter.\n\n"
            "- More than half of the child in need and child protection plans audited are now "
            "good or better, against around four in ten a year ago. Outcomes are increasingly "
            "written with families in their own words.\n"
            "- Supervision audits show managers who have been trained recording hypotheses and "
            "challenge; six in ten records are now good or better.\n"
            "- Re-referrals within 12 months have fallen, though they remain above our target "
            "and close to our statistical neighbours.\n"
            "- Assessments are more timely, but the child's lived experience is not yet "
            "recorded consistently, and contingency planning is still the weakest part of "
            "plans.",
        ),
    ],
    "how": [
        (
            "editor",
            "We know this from our quarterly audits (plans, supervision and pathway plans), "
            "moderated by senior managers; from the Children and Families and Corporate "
            "Parenting scorecards, seen every quarter by elected members; from practice week, "
            "when senior leaders observed practice in every team; and from what families told "
            "us in feedback calls.\n\n"
            "The learning from audits now reaches teams through the quarterly learning "
            "bulletin and the monthly practice and performance meeting, and our self-assessment "
            "against each recommendation goes to Cabinet and scrutiny.",
        )
    ],
    "plans": [
        (
            "editor",
            "To keep improving we will:\n\n"
            "- make contingency planning and the child's lived experience the focus of the next "
            "two rounds of SMART planning workshops and audit;\n"
            "- finish the review of child in need cases open for more than 12 months, and keep "
            "the number below target through monthly performance challenge sessions;\n"
            "- extend reflective supervision to the remaining managers through the new team "
            "manager development programme;\n"
            "- improve placement stability for children in care with three or more placements "
            "in the year, which has not moved enough.",
        )
    ],
}
