"""Two people writing the same thing at the same moment (issue 7, items 2 to 4).

Each round starts the writes together on separate connections (tests/races.py). Before the
fixes, setting a RAG twice at once failed with IntegrityError in about a third of rounds, a
milestone or theme deleted while someone else saved it came back, and theme names or order
numbers could repeat. These need real concurrency: they run on PostgreSQL and skip on SQLite.
"""

from __future__ import annotations

from functools import partial

import pytest

from ilacs.plans import services
from ilacs.plans.models import Milestone, RagOverride, Theme
from tests.races import needs_postgresql, race

pytestmark = [needs_postgresql, pytest.mark.django_db(transaction=True)]

ROUNDS = 8


def _fresh(model, pk):
    """The object as one person's page loaded it, before anyone saves."""
    obj = model.objects.get(pk=pk)
    return obj


def test_two_people_setting_the_rag_at_once(cast, caras_action):
    for round_ in range(ROUNDS):
        results = race(
            partial(
                services.set_rag_override,
                caras_action,
                user=cast.erin_editor,
                rag="amber",
                reason=f"Erin {round_}",
            ),
            partial(
                services.set_rag_override,
                caras_action,
                user=cast.alice_admin,
                rag="red",
                reason=f"Alice {round_}",
            ),
        )
        assert [type(r) for r in results] == [RagOverride, RagOverride], results
        standing = RagOverride.objects.filter(action=caras_action, cleared_at__isnull=True)
        assert standing.count() == 1
    # every override but the last standing one was cleared by the one who replaced it
    assert RagOverride.objects.filter(action=caras_action).count() == 2 * ROUNDS


def test_setting_and_clearing_the_rag_at_once(cast, caras_action):
    for _ in range(ROUNDS):
        results = race(
            partial(
                services.set_rag_override,
                caras_action,
                user=cast.erin_editor,
                rag="amber",
                reason="Set",
            ),
            partial(services.clear_rag_override, caras_action, user=cast.alice_admin),
        )
        assert not [r for r in results if isinstance(r, BaseException)], results
        assert RagOverride.objects.filter(action=caras_action, cleared_at__isnull=True).count() <= 1


@pytest.mark.parametrize("change", ["done", "edit"])
def test_a_deleted_milestone_stays_deleted(cast, caras_action, change):
    for round_ in range(ROUNDS):
        milestone = services.add_milestone(caras_action, user=cast.erin_editor, title="Step")
        deleters_copy, editors_copy = (
            _fresh(Milestone, milestone.pk),
            _fresh(Milestone, milestone.pk),
        )
        kwargs = {"done": True} if change == "done" else {"title": f"Renamed {round_}"}
        deleted, edited = race(
            partial(services.delete_milestone, deleters_copy, user=cast.erin_editor),
            partial(services.update_milestone, editors_copy, user=cast.alice_admin, **kwargs),
        )
        assert deleted is None, deleted
        assert not Milestone.objects.filter(pk=milestone.pk).exists(), f"round {round_}"
        if isinstance(edited, BaseException):
            assert isinstance(edited, services.Removed), edited
            assert "This milestone was removed by Erin" in str(edited)
        else:
            assert isinstance(edited, Milestone)


def test_a_deleted_theme_stays_deleted(cast, plan, caras_action):
    for round_ in range(ROUNDS):
        theme = services.add_theme(plan, user=cast.erin_editor, name=f"Theme {round_}")
        deleters_copy, editors_copy = _fresh(Theme, theme.pk), _fresh(Theme, theme.pk)
        deleted, renamed = race(
            partial(services.delete_theme, deleters_copy, user=cast.erin_editor),
            partial(
                services.update_theme, editors_copy, user=cast.alice_admin, name=f"Renamed {round_}"
            ),
        )
        assert deleted is None, deleted
        assert not Theme.objects.filter(pk=theme.pk).exists(), f"round {round_}"
        if isinstance(renamed, BaseException):
            assert isinstance(renamed, services.Removed), renamed
            assert "This theme was removed by Erin" in str(renamed)


def test_two_renames_to_one_name_at_once(cast, plan):
    for round_ in range(ROUNDS):
        first = services.add_theme(plan, user=cast.erin_editor, name=f"First {round_}")
        second = services.add_theme(plan, user=cast.erin_editor, name=f"Second {round_}")
        results = race(
            partial(services.update_theme, first, user=cast.erin_editor, name=f"Same {round_}"),
            partial(services.update_theme, second, user=cast.alice_admin, name=f"SAME {round_}"),
        )
        errors = [r for r in results if isinstance(r, BaseException)]
        assert len(errors) == 1, results
        assert isinstance(errors[0], services.PlanError)
        assert "already has a theme called" in str(errors[0])
        assert Theme.objects.filter(plan=plan, name__iexact=f"same {round_}").count() == 1


def test_themes_added_at_once_get_their_own_names_and_order(cast, plan):
    for round_ in range(ROUNDS):
        results = race(
            partial(services.add_theme, plan, user=cast.erin_editor, name=f"Alpha {round_}"),
            partial(services.add_theme, plan, user=cast.alice_admin, name=f"ALPHA {round_}"),
            partial(services.add_theme, plan, user=cast.erin_editor, name=f"Beta {round_}"),
        )
        errors = [r for r in results if isinstance(r, BaseException)]
        assert len(errors) == 1 and isinstance(errors[0], services.PlanError), results
    orders = list(Theme.objects.filter(plan=plan).values_list("order", flat=True))
    assert len(orders) == 2 * ROUNDS
    assert sorted(orders) == list(range(1, 2 * ROUNDS + 1))
