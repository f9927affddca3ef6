"""Starting a self-evaluation, saving sections as versions, and the one-per-year rule."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from ilacs.selfevaluation import services
from ilacs.selfevaluation.models import Section, SelfEvaluation
from tests.races import needs_postgresql, race


def test_start_makes_the_four_sections_beside_the_newest_plan(cast, plan):
    se = services.start(
        cast.northbrook, user=cast.erin_editor, year=2026, as_at=dt.date(2026, 1, 19)
    )
    assert se.title == "Self-evaluation of social work practice, 2026"
    assert se.plan == plan
    assert sorted(s.kind for s in se.sections.all()) == ["how", "know", "plans", "summary"]
    assert all(s.version == 0 and s.text == "" for s in se.sections.all())
    assert se.history.get().history_user == cast.erin_editor


def test_one_per_council_and_year(cast, plan):
    services.start(cast.northbrook, user=cast.erin_editor, year=2026, as_at=dt.date(2026, 1, 1))
    with pytest.raises(
        services.SelfEvaluationError, match="already has a self-evaluation for 2026"
    ):
        services.start(cast.northbrook, user=cast.alice_admin, year=2026, as_at=dt.date(2026, 2, 1))
    # Another council's 2026 is its own.
    services.start(cast.southmere, user=cast.olly_other_la, year=2026, as_at=dt.date(2026, 1, 1))
    assert SelfEvaluation.objects.count() == 2


def test_start_from_last_years_text(cast, last_year):
    se = services.start(
        cast.northbrook,
        user=cast.alice_admin,
        year=2026,
        as_at=dt.date(2026, 1, 19),
        from_last_year=True,
    )
    know = se.sections.get(kind="know")
    assert know.text == "2025 know: practice was inconsistent."
    assert know.version == 1 and know.updated_by == cast.alice_admin
    with pytest.raises(services.SelfEvaluationError, match="no self-evaluation for 2029 to start"):
        services.start(
            cast.northbrook, user=cast.alice_admin, year=2030, as_at=dt.date(2030, 1, 1),
            from_last_year=True,
        )  # fmt: skip


def test_each_save_is_a_version_kept_with_who_and_when(cast, this_year):
    know = this_year.sections.get(kind="know")
    assert know.version == 2 and know.updated_by == cast.alice_admin
    versions = services.versions(know)
    assert [(v.number, v.saved_by, v.text) for v in versions] == [
        (2, cast.alice_admin.get_full_name(), "Practice is improving in most teams."),
        (1, cast.erin_editor.get_full_name(), "Practice is improving: first draft."),
    ]
    assert services.version(know, 1).text == "Practice is improving: first draft."
    assert services.version(know, 3) is None


def test_saving_the_same_text_makes_no_new_version(cast, this_year):
    know = this_year.sections.get(kind="know")
    saved = services.save_section(
        know, user=cast.erin_editor, text=know.text + "\n", loaded_version=2
    )
    assert saved.version == 2
    assert len(services.versions(know)) == 2


def test_a_save_over_someone_elses_is_refused(cast, this_year):
    know = this_year.sections.get(kind="know")
    with pytest.raises(services.SectionConflict) as conflict:
        services.save_section(know, user=cast.erin_editor, text="Mine", loaded_version=1)
    assert conflict.value.current.version == 2
    assert conflict.value.attempted == "Mine"
    assert Section.objects.get(pk=know.pk).text == "Practice is improving in most teams."


def test_only_editors_and_admins_write(cast, this_year, plan):
    know = this_year.sections.get(kind="know")
    for person in (cast.cara_contributor, cast.vic_viewer, cast.olly_other_la):
        with pytest.raises(PermissionDenied):
            services.save_section(know, user=person, text="x", loaded_version=2)
        with pytest.raises(PermissionDenied):
            services.start(cast.northbrook, user=person, year=2030, as_at=dt.date(2030, 1, 1))


def test_the_year_must_be_sensible(cast, plan):
    with pytest.raises(services.SelfEvaluationError, match="between 2010 and 2100"):
        services.start(cast.northbrook, user=cast.erin_editor, year=26, as_at=dt.date(2026, 1, 1))


def test_previous_year(cast, this_year, last_year):
    assert services.previous_year(this_year) == last_year
    assert services.previous_year(last_year) is None


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_people_starting_the_same_year_at_once_make_one(cast_tx):
    results = race(
        *[
            lambda user=user: services.start(
                cast_tx.northbrook, user=user, year=2026, as_at=dt.date(2026, 1, 1)
            )
            for user in (cast_tx.erin_editor, cast_tx.alice_admin)
        ]
    )
    made = [r for r in results if isinstance(r, SelfEvaluation)]
    refused = [r for r in results if isinstance(r, services.SelfEvaluationError)]
    assert len(made) == 1 and len(refused) == 1, results
    assert SelfEvaluation.objects.count() == 1
    assert Section.objects.count() == 4


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_saves_of_one_version_at_once_keep_both_texts_apart(cast_tx):
    se = services.start(
        cast_tx.northbrook, user=cast_tx.erin_editor, year=2026, as_at=dt.date(2026, 1, 1)
    )
    know = se.sections.get(kind="know")
    results = race(
        lambda: services.save_section(
            know, user=cast_tx.erin_editor, text="Erin's", loaded_version=0
        ),
        lambda: services.save_section(
            know, user=cast_tx.alice_admin, text="Alice's", loaded_version=0
        ),
    )
    saved = [r for r in results if isinstance(r, Section)]
    conflicts = [r for r in results if isinstance(r, services.SectionConflict)]
    assert len(saved) == 1 and len(conflicts) == 1, results
    know.refresh_from_db()
    assert know.version == 1 and know.text == saved[0].text
    assert len(services.versions(know)) == 1
