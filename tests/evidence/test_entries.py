# ruff: noqa: F811 - fixtures of tests/assessments are imported to be used here
"""Evidence files on self-assessment entries: editors and admins attach them while the round is a
draft; after sign-off the files, like the entry, are read only; only the council's members see
them, and they are listed under the entry on the round page."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ilacs.assessments import services as assessment_services
from ilacs.evidence import services
from ilacs.evidence.models import EvidenceFile
from tests.assessments.conftest import (  # noqa: F401 - fixtures
    caras_action,
    cp_audit,
    first_round,
    inspection,
    officers_action,
    plan,
    second_round,
    seen_in_time,
    theme,
)
from tests.evidence.conftest import DAY, PDF

pytestmark = pytest.mark.django_db


def _entry(round_, number=1):
    return round_.entries.select_related("round__plan", "requirement").get(
        requirement__number=number
    )


def _attach_url(cast, round_, number=1):
    return reverse(
        "evidence:attach_to_entry",
        args=[cast.northbrook.slug, round_.plan_id, round_.pk, number],
    )


def _post(client, url, name="audit.pdf", data=PDF):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        url,
        {
            "file": SimpleUploadedFile(name, data),
            "description": "Child protection audit, quarter 1",
            "effective_date_day": str(DAY.day),
            "effective_date_month": str(DAY.month),
            "effective_date_year": str(DAY.year),
        },
    )


def test_editor_attaches_to_a_draft_entry_and_it_shows_on_the_round_page(
    client, cast, second_round
):
    client.force_login(cast.erin_editor)
    response = _post(client, _attach_url(cast, second_round))
    assert response.status_code == 302
    assert response["Location"].endswith(f"{second_round.get_absolute_url()}#recommendation-1")
    (row,) = EvidenceFile.objects.all()
    assert row.assessment_entry == _entry(second_round)
    assert row.action_id is None and row.progress_update_id is None
    page = client.get(second_round.get_absolute_url()).content.decode()
    assert "audit.pdf" in page and "Child protection audit, quarter 1" in page
    assert reverse("evidence:download", args=[cast.northbrook.slug, row.pk]) in page


def test_a_signed_off_round_is_read_only_for_files_too(cast, first_round):
    entry = _entry(first_round)
    assert not services.can_attach(cast.erin_editor, entry)
    with pytest.raises(PermissionDenied):
        services.attach(
            entry,
            user=cast.erin_editor,
            data=PDF,
            filename="late.pdf",
            description="Too late",
            effective_date=DAY,
        )
    assert not EvidenceFile.objects.exists()


def test_sign_off_after_the_page_opened_refuses_the_upload_and_the_deletion(cast, second_round):
    entry = _entry(second_round)
    row = services.attach(
        entry,
        user=cast.erin_editor,
        data=PDF,
        filename="a.pdf",
        description="A",
        effective_date=DAY,
    )
    for requirement in second_round.plan.requirements.all():
        assessment_services.save_entry(
            second_round,
            requirement,
            user=cast.erin_editor,
            item=assessment_services.EntryInput(evaluation="met"),
        )
    assessment_services.sign_off(second_round, user=cast.alice_admin)
    # the entry object was read before the sign-off, as a page opened earlier would have it
    with pytest.raises(services.EvidenceError, match="has been signed off"):
        services.attach(
            entry,
            user=cast.erin_editor,
            data=PDF,
            filename="b.pdf",
            description="B",
            effective_date=DAY,
        )
    with pytest.raises(services.EvidenceError, match="has been signed off"):
        services.remove(row, user=cast.erin_editor)
    assert list(EvidenceFile.objects.values_list("original_filename", flat=True)) == ["a.pdf"]


ATTACH_TO_ENTRY = {
    "alice_admin": 200,
    "erin_editor": 200,
    "sam_superuser": 200,
    "cara_contributor": 403,
    "vic_viewer": 403,
    "olly_other_la": 404,
    "nora_nobody": 404,
    None: 302,  # to sign in
}


@pytest.mark.parametrize("who", list(ATTACH_TO_ENTRY))
def test_only_editors_and_admins_of_the_council_attach(client, cast, second_round, who):
    if who is not None:
        client.force_login(cast.user(who))
    assert client.get(_attach_url(cast, second_round)).status_code == ATTACH_TO_ENTRY[who]
    if ATTACH_TO_ENTRY[who] != 200:
        assert _post(client, _attach_url(cast, second_round)).status_code == ATTACH_TO_ENTRY[who]
        assert not EvidenceFile.objects.exists()


def test_downloads_of_entry_files_are_for_members_only(client, cast, second_round):
    row = services.attach(
        _entry(second_round),
        user=cast.erin_editor,
        data=PDF,
        filename="a.pdf",
        description="A",
        effective_date=DAY,
    )
    url = reverse("evidence:download", args=[cast.northbrook.slug, row.pk])
    client.force_login(cast.vic_viewer)
    assert client.get(url).status_code == 200
    client.force_login(cast.olly_other_la)
    assert client.get(url).status_code == 404
