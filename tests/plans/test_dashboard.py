"""The dashboard: counts by RAG and status, overdue, due soon, not updated since the board,
recommendations with no action; filters and search (GET, no JavaScript)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ilacs.plans import queries, services
from ilacs.plans.queries import Filters

TODAY = dt.date(2025, 6, 1)


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.fixture
def board_plan(cast, plan, theme):
    """Five actions, one of each kind, on 1 June 2025."""
    erin = cast.erin_editor
    r1, r2, r3 = plan.requirements.order_by("number")
    learning = services.add_theme(plan, user=erin, name="Learning organisation")

    def add(title, **kw):
        kw.setdefault("lead_role", "Head of Service")
        return services.add_action(plan, user=erin, title=title, **kw)

    overdue = add("Review long open cases", due_date=days(-10), theme=theme, requirements=[r1])
    soon = add(
        "Workshops for every team",
        due_date=days(12),
        theme=theme,
        lead_user=cast.cara_contributor,
        requirements=[r1, r2],
    )
    fine = add("Supervision audit", due_date=days(120), theme=learning, requirements=[r2])
    done = add("Practice standards", due_date=days(-40), status="complete", requirements=[r1])
    add("Old approach", status="closed", requirements=[r3])
    services.post_update(
        fine, user=erin, narrative="Third audit: 57% good.", rag="green", date=days(-5)
    )
    services.post_update(
        soon, user=erin, narrative="Agency staff hard to release.", rag="green", date=days(-45)
    )
    services.post_update(
        overdue, user=erin, narrative="Reviews slowed.", rag="amber", date=days(-20)
    )
    services.post_update(done, user=erin, narrative="Launched.", rag="green", date=days(-41))
    return plan


def numbers(rows):
    return [row.action.number for row in rows]


def test_counts_and_lists(board_plan):
    board = queries.build_dashboard(board_plan, TODAY, since=days(-30))
    assert dict((rag.value, n) for rag, n in board.rag_counts) == {
        "red": 1,
        "amber": 1,
        "green": 1,
        "complete": 1,
        "closed": 1,
    }
    assert {value: n for value, _, n in board.status_counts} == {
        "not_started": 0,
        "in_progress": 3,
        "complete": 1,
        "closed": 1,
    }
    assert numbers(board.overdue) == [1]
    assert numbers(board.due_soon) == [2]
    # Not updated since 2 May: the overdue action (20 days ago counts as since) is fine, the
    # workshops (45 days ago) are not; complete and closed actions are left out.
    assert numbers(board.not_updated) == [2]
    # Recommendation 3's only action is closed: it has no action.
    assert [r.number for r in board.requirements_without_action] == [3]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(rag="red"), [1]),
        (Filters(rag="amber"), [2]),
        (Filters(status="complete"), [4]),
        (Filters(lead="role:Head of Service"), [1, 3, 4, 5]),
        (Filters(q="agency"), [2]),  # found in a progress update's narrative
        (Filters(q="AUDIT"), [3]),  # title, any case
        (Filters(q="nothing like this"), []),
    ],
)
def test_filters(board_plan, filters, expected):
    assert numbers(queries.action_rows(board_plan, TODAY, filters)) == expected


def test_filter_by_theme_lead_and_recommendation(cast, board_plan):
    theme = board_plan.themes.get(name="Practice excellence")
    assert numbers(queries.action_rows(board_plan, TODAY, Filters(theme=theme.pk))) == [1, 2]
    lead = Filters(lead=f"user:{cast.cara_contributor.pk}")
    assert numbers(queries.action_rows(board_plan, TODAY, lead)) == [2]
    r2 = board_plan.requirements.get(number=2)
    assert numbers(queries.action_rows(board_plan, TODAY, Filters(requirement=r2.pk))) == [2, 3]
    both = Filters(requirement=r2.pk, theme=theme.pk)
    assert numbers(queries.action_rows(board_plan, TODAY, both)) == [2]


def test_lead_choices(cast, board_plan):
    assert queries.lead_choices(board_plan) == [
        (f"user:{cast.cara_contributor.pk}", "Cara"),
        ("role:Head of Service", "Head of Service"),
    ]


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)
    return TODAY


def _page(client, cast, plan, query=""):
    client.force_login(cast.vic_viewer)
    url = reverse("plans:dashboard", args=["northbrook", plan.pk]) + query
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page(client, cast, board_plan, today):
    body = _page(client, cast, board_plan)
    assert "As at 1 June 2025" in body
    assert "Overdue (1)" in body and "Due in the next 30 days (1)" in body
    assert "Recommendations with no action (1)" in body
    assert 'data-rag="red"' in body
    # RAG tags say the word.
    assert '<strong class="govuk-tag govuk-tag--red ilacs-rag-tag">Red</strong>' in body
    # No board date recorded and none chosen: the page says how to choose one.
    assert "Enter a date in “Not updated since”" in body


def test_the_since_date_from_the_address_or_the_board(cast, client, board_plan, today):
    body = _page(client, cast, board_plan, "?since=2025-05-02")
    assert "No progress update since 2 May 2025 (1)" in body
    assert 'value="2"' in body and 'value="5"' in body and 'value="2025"' in body
    services.update_plan(
        board_plan,
        user=cast.erin_editor,
        expected_version=1,
        changes={"last_board_meeting": dt.date(2025, 5, 25)},
    )
    body = _page(client, cast, board_plan)
    assert "No progress update since 25 May 2025 (2)" in body
    assert "The date of the last board meeting" in body
    body = _page(client, cast, board_plan, "?since_day=1&since_month=1&since_year=2025")
    assert "No progress update since 1 January 2025 (0)" in body


def test_the_filter_form_works_without_javascript(client, cast, board_plan, today):
    theme = board_plan.themes.get(name="Practice excellence")
    body = _page(client, cast, board_plan, f"?theme={theme.pk}&rag=&q=")
    assert '<form method="get"' in body
    assert "Actions matching your filters (2)" in body
    assert f'<option value="{theme.pk}" selected>' in body
    assert "Clear filters" in body
    body = _page(client, cast, board_plan, "?q=agency")
    assert "Actions matching your filters (1)" in body
    assert "Found in a progress update" in body
    assert 'value="agency"' in body


def test_nonsense_in_the_address_is_not_an_error(client, cast, board_plan, today):
    body = _page(client, cast, board_plan, "?theme=abc&rag=purple&since=yesterday&lead=user:x")
    assert "Dashboard" in body
