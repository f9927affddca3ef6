"""Writes outside the plans that used to check in Python and then write (issue 7, item 4's
sweep): each holds when two happen at once."""

from __future__ import annotations

from functools import partial

import pytest
from django.core.files.storage import default_storage

from ilacs.accounts.models import Membership, Role
from ilacs.accounts.services import grant_membership
from ilacs.inspections import services as inspection_services
from ilacs.inspections.services import ingest_file
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.services import create_fictional_local_authority
from tests.factories import FakeExtractor, UserFactory, report_record
from tests.races import needs_postgresql, race


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_demos_creating_the_fictional_council_at_once():
    for n in range(6):
        results = race(
            *[partial(create_fictional_local_authority, f"Testshire {n}", f"testshire-{n}")] * 3
        )
        assert all(isinstance(r, LocalAuthority) for r in results), results
        assert len({r.pk for r in results}) == 1


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_roles_given_at_once(cast):
    for n in range(6):
        user = UserFactory(username=f"newcomer{n}")
        results = race(
            partial(grant_membership, user, cast.northbrook, Role.EDITOR),
            partial(grant_membership, user, cast.northbrook, Role.VIEWER),
        )
        assert all(isinstance(r, Membership) for r in results), results
        assert Membership.objects.filter(user=user).count() == 1


def test_the_report_file_is_there_after_saving_even_if_another_upload_removed_it(cast, monkeypatch):
    """Upload B finds the file stored by upload A, which then fails and removes it: B's
    inspection must not point at a missing file."""
    real_store = inspection_services._store

    def store_then_lose_it(data, filename, sha256, *args):
        name, _ = real_store(data, filename, sha256, *args)
        default_storage.delete(name)  # upload A rolled back and removed "its" file
        return name, False  # B: "already stored"

    monkeypatch.setattr(inspection_services, "_store", store_then_lose_it)
    result = ingest_file(b"%PDF r", "r.pdf", extractor=FakeExtractor(report_record("Northbrook")))
    assert result.ok
    inspection = result.inspections[0]
    assert default_storage.exists(inspection.source_file.name)
    with inspection.source_file.open("rb") as stored:
        assert stored.read() == b"%PDF r"
