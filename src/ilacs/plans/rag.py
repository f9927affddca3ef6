"""The RAG rules: every action's red / amber / green status is decided here, and only here.

Plain Python (no Django, no database, no clock): the caller passes the facts about an action
and "today", so every rule is tested with dates. The rules are written out for users on the
help page (/plans/help/rag/) and in docs/web.md; keep all three in step.

In order:

1. Closed or superseded: **Closed** (grey). Not rated.
2. Complete: **Complete** (blue, the "B" of BRAG).
3. A manual override, while it stands: the RAG an editor chose, shown with who set it, when and
   why ("Amber (set by Erin Editor, 3 May 2025: ...)"). It lasts until it is cleared. When a
   progress update posted after the override was set judges the action worse than the override
   (the latest update says Red, the override Amber), the override is flagged **to review**:
   the override still decides, but every page shows the newer judgement beside it, and the
   dashboard lists these actions, until an editor sets the RAG again or clears it.
4. Otherwise the worst of:
   - the latest progress update's RAG, as its author judged it (Green when there is no update);
   - **Red** when the action is overdue: its due date has passed and it is not complete;
   - **Amber** when a milestone's due date has passed and the milestone is not done;
   - **Amber** when the action is due within 30 days and has had no progress update in the
     last 30 days.

The rules can make an action look worse than its lead judged it, never better: only an editor's
override (with a reason) can do that.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from ilacs.dates import format_date

DUE_SOON_DAYS = 30
RECENT_UPDATE_DAYS = 30


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"
    COMPLETE = "complete"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return RAG_LABELS[self]

    @property
    def tag_class(self) -> str:
        return RAG_TAG_CLASSES[self]


# Worst first: counts, filters and tables list them in this order.
RAG_ORDER = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.COMPLETE, Rag.CLOSED)
RAG_LABELS = {
    Rag.RED: "Red",
    Rag.AMBER: "Amber",
    Rag.GREEN: "Green",
    Rag.COMPLETE: "Complete",
    Rag.CLOSED: "Closed",
}
# GOV.UK tag colours. The tag always says the word too: colour is never the only signal.
RAG_TAG_CLASSES = {
    Rag.RED: "govuk-tag--red",
    Rag.AMBER: "govuk-tag--orange",
    Rag.GREEN: "govuk-tag--green",
    Rag.COMPLETE: "govuk-tag--blue",
    Rag.CLOSED: "govuk-tag--grey",
}
# What an update's author, or an editor overriding, may choose.
JUDGED_RAGS = (Rag.RED, Rag.AMBER, Rag.GREEN)

# Action statuses (the model's choices and the command line use the same values).
NOT_STARTED, IN_PROGRESS, COMPLETE, CLOSED = "not_started", "in_progress", "complete", "closed"
ACTION_STATUSES = (NOT_STARTED, IN_PROGRESS, COMPLETE, CLOSED)
# Plan statuses (likewise); a closed plan uses the same word as a closed action.
DRAFT, SUBMITTED, ACTIVE = "draft", "submitted", "active"
PLAN_STATUSES = (DRAFT, SUBMITTED, ACTIVE, CLOSED)


class Rule(StrEnum):
    """Which rule decided: shown to users as the reason, and testable."""

    CLOSED = "closed"
    COMPLETE = "complete"
    OVERRIDE = "override"
    OVERDUE = "overdue"
    MILESTONE_OVERDUE = "milestone_overdue"
    DUE_SOON_NO_UPDATE = "due_soon_no_update"
    LATEST_UPDATE = "latest_update"
    NO_UPDATE = "no_update"


@dataclass(frozen=True)
class Override:
    rag: Rag
    reason: str
    set_by: str  # a person's name
    set_on: dt.date
    set_at: dt.datetime | None = None  # the moment, to tell which updates came after it


@dataclass(frozen=True)
class ActionFacts:
    """What the rules look at. Built in bulk by the dashboard (one query for every action)."""

    status: str
    due_date: dt.date | None = None
    latest_update_date: dt.date | None = None
    latest_update_rag: str | None = None
    # The earliest due date among milestones not yet done.
    open_milestone_due: dt.date | None = None
    override: Override | None = None
    # When the latest update was posted (an override set before it may be "to review").
    latest_update_posted: dt.datetime | None = None


@dataclass(frozen=True)
class RagStatus:
    rag: Rag
    rule: Rule
    reason: str
    override: Override | None = None
    # An override that a later, worse progress update calls into question (rule 3).
    to_review: bool = False
    review_reason: str = ""

    @property
    def label(self) -> str:
        return self.rag.label

    @property
    def tag_class(self) -> str:
        return self.rag.tag_class

    @property
    def is_override(self) -> bool:
        return self.rule == Rule.OVERRIDE

    @property
    def text(self) -> str:
        """The RAG in words, with who set it when it is an override:
        "Amber (set by Erin Editor, 3 May 2025: partner data not yet shared)"."""
        if self.override is not None and self.is_override:
            o = self.override
            review = (
                "; to review: a later progress update judges it worse" if self.to_review else ""
            )
            return f"{self.label} (set by {o.set_by}, {format_date(o.set_on)}: {o.reason}{review})"
        return self.label


def _severity(rag: Rag) -> int:
    return RAG_ORDER.index(rag)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def override_review(facts: ActionFacts) -> str:
    """Why the standing override is to review, or "": the latest progress update was posted
    after the override was set and judges the action worse than the override does."""
    o = facts.override
    if (
        o is None
        or o.set_at is None
        or not facts.latest_update_rag
        or facts.latest_update_posted is None
        or facts.latest_update_date is None
        or facts.latest_update_posted <= o.set_at
    ):
        return ""
    judged = Rag(facts.latest_update_rag)
    if _severity(judged) >= _severity(o.rag):
        return ""
    return (
        f"The progress update of {format_date(facts.latest_update_date)} judges it "
        f"{judged.label}, and was posted after the RAG was set by hand to {o.rag.label}. "
        "An editor can set the RAG again or clear it."
    )


def derive_rag(facts: ActionFacts, today: dt.date) -> RagStatus:
    """The action's RAG on `today`, and the rule (with its reason in plain words) that set it."""
    if facts.status == CLOSED:
        return RagStatus(Rag.CLOSED, Rule.CLOSED, "Closed or superseded: not rated.")
    if facts.status == COMPLETE:
        return RagStatus(Rag.COMPLETE, Rule.COMPLETE, "The action is complete.")
    if facts.override is not None:
        o = facts.override
        review = override_review(facts)
        return RagStatus(
            o.rag,
            Rule.OVERRIDE,
            f"Set by {o.set_by} on {format_date(o.set_on)}: {o.reason}",
            override=o,
            to_review=bool(review),
            review_reason=review,
        )

    # Candidates in priority order: on a tie, the earlier one gives the reason.
    candidates: list[tuple[Rag, Rule, str]] = []
    due = facts.due_date
    if due is not None and due < today:
        candidates.append((Rag.RED, Rule.OVERDUE, f"Overdue: it was due on {format_date(due)}."))
    milestone = facts.open_milestone_due
    if milestone is not None and milestone < today:
        candidates.append(
            (
                Rag.AMBER,
                Rule.MILESTONE_OVERDUE,
                f"A milestone due on {format_date(milestone)} is not done.",
            )
        )
    last = facts.latest_update_date
    recent = last is not None and last >= today - dt.timedelta(days=RECENT_UPDATE_DAYS)
    if due is not None and today <= due <= today + dt.timedelta(days=DUE_SOON_DAYS) and not recent:
        when = "today" if due == today else f"in {_days((due - today).days)}"
        since = (
            "no progress update yet"
            if last is None
            else f"no progress update since {format_date(last)}"
        )
        candidates.append((Rag.AMBER, Rule.DUE_SOON_NO_UPDATE, f"Due {when}, with {since}."))
    if facts.latest_update_rag and last is not None:
        judged = Rag(facts.latest_update_rag)
        candidates.append(
            (
                judged,
                Rule.LATEST_UPDATE,
                f"As judged in the progress update of {format_date(last)}.",
            )
        )
    else:
        candidates.append((Rag.GREEN, Rule.NO_UPDATE, "No progress update yet, and no concerns."))

    rag, rule, reason = min(candidates, key=lambda c: _severity(c[0]))
    return RagStatus(rag, rule, reason)
