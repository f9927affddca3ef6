"""The RAG rules, each with dates (ilacs/plans/rag.py). No database: facts in, RAG out."""

import datetime as dt

import pytest

from ilacs.plans.rag import ActionFacts, Override, Rag, Rule, derive_rag

TODAY = dt.date(2025, 6, 1)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def rag(**facts) -> tuple[Rag, Rule]:
    facts.setdefault("status", "in_progress")
    result = derive_rag(ActionFacts(**facts), TODAY)
    return result.rag, result.rule


def test_closed_is_not_rated_even_when_overdue():
    assert rag(status="closed", due_date=days(-100), latest_update_rag="red",
               latest_update_date=days(-1)) == (Rag.CLOSED, Rule.CLOSED)  # fmt: skip


def test_complete_is_complete_even_when_past_its_due_date():
    assert rag(status="complete", due_date=days(-10)) == (Rag.COMPLETE, Rule.COMPLETE)


def test_complete_beats_an_override():
    override = Override(Rag.RED, "concerns", "Erin Editor", days(-3))
    assert rag(status="complete", override=override) == (Rag.COMPLETE, Rule.COMPLETE)


def test_overdue_and_not_complete_is_red():
    # Due yesterday, latest update said green: overdue wins.
    result = rag(due_date=days(-1), latest_update_date=days(-2), latest_update_rag="green")
    assert result == (Rag.RED, Rule.OVERDUE)


def test_due_today_is_not_overdue():
    result = rag(due_date=TODAY, latest_update_date=days(-2), latest_update_rag="green")
    assert result == (Rag.GREEN, Rule.LATEST_UPDATE)


def test_not_started_and_overdue_is_red():
    assert rag(status="not_started", due_date=days(-30)) == (Rag.RED, Rule.OVERDUE)


def test_due_within_30_days_without_a_recent_update_is_amber():
    # Due in 19 days, last update 47 days ago.
    result = rag(due_date=days(19), latest_update_date=days(-47), latest_update_rag="green")
    assert result == (Rag.AMBER, Rule.DUE_SOON_NO_UPDATE)


def test_due_within_30_days_and_never_updated_is_amber():
    assert rag(due_date=days(30)) == (Rag.AMBER, Rule.DUE_SOON_NO_UPDATE)


def test_due_soon_with_an_update_in_the_last_30_days_keeps_the_updates_rag():
    result = rag(due_date=days(10), latest_update_date=days(-30), latest_update_rag="green")
    assert result == (Rag.GREEN, Rule.LATEST_UPDATE)


def test_due_in_31_days_is_not_due_soon():
    assert rag(due_date=days(31)) == (Rag.GREEN, Rule.NO_UPDATE)


def test_an_overdue_milestone_makes_it_amber():
    result = rag(
        due_date=days(200),
        open_milestone_due=days(-1),
        latest_update_date=days(-5),
        latest_update_rag="green",
    )
    assert result == (Rag.AMBER, Rule.MILESTONE_OVERDUE)


def test_a_milestone_due_today_is_not_overdue():
    assert rag(due_date=days(200), open_milestone_due=TODAY) == (Rag.GREEN, Rule.NO_UPDATE)


def test_the_latest_updates_rag_stands_when_no_rule_is_worse():
    for judged in ("red", "amber", "green"):
        result = rag(due_date=days(90), latest_update_date=days(-3), latest_update_rag=judged)
        assert result == (Rag(judged), Rule.LATEST_UPDATE)


def test_the_rules_never_make_it_look_better_than_its_lead_judged():
    # Due soon with no recent update gives amber, but the author said red: red.
    result = rag(due_date=days(5), latest_update_date=days(-60), latest_update_rag="red")
    assert result == (Rag.RED, Rule.LATEST_UPDATE)


def test_no_update_no_due_date_is_green():
    assert rag() == (Rag.GREEN, Rule.NO_UPDATE)


def test_an_override_wins_over_every_rule_and_says_who_when_and_why():
    override = Override(Rag.AMBER, "partner data not yet shared", "Erin Editor", days(-29))
    result = derive_rag(
        ActionFacts(status="in_progress", due_date=days(-10), override=override), TODAY
    )
    assert result.rag == Rag.AMBER and result.rule == Rule.OVERRIDE and result.is_override
    assert result.text == "Amber (set by Erin Editor, 3 May 2025: partner data not yet shared)"


def test_reasons_are_plain_words():
    result = derive_rag(ActionFacts(status="in_progress", due_date=dt.date(2025, 5, 31)), TODAY)
    assert result.reason == "Overdue: it was due on 31 May 2025."
    facts = ActionFacts(status="in_progress", due_date=days(12), latest_update_date=days(-61))
    result = derive_rag(facts, TODAY)
    assert result.reason == "Due in 12 days, with no progress update since 1 April 2025."
    assert result.text == "Amber"


@pytest.mark.parametrize(
    ("value", "label", "tag"),
    [
        (Rag.RED, "Red", "govuk-tag--red"),
        (Rag.AMBER, "Amber", "govuk-tag--orange"),
        (Rag.GREEN, "Green", "govuk-tag--green"),
        (Rag.COMPLETE, "Complete", "govuk-tag--blue"),
        (Rag.CLOSED, "Closed", "govuk-tag--grey"),
    ],
)
def test_every_rag_has_a_word_and_a_colour(value, label, tag):
    assert value.label == label
    assert value.tag_class == tag
