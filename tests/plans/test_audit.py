"""The record of reads that matter: report downloads, and service administrators' views of a
council's plan data, shown to the council's admins."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from ilacs.audit.models import Read, ReadKind
from tests.base import EVERYONE

READS = reverse("audit:reads", args=["northbrook"])


@pytest.fixture
def stored_report(inspection):
    default_storage.save(inspection.source_file.name, ContentFile(b"%PDF-1.4 report"))
    return inspection


def _source(inspection):
    return reverse("inspections:source", args=["northbrook", inspection.pk])


def test_every_report_download_is_recorded_with_who_and_when(client, cast, stored_report):
    client.force_login(cast.vic_viewer)
    response = client.get(_source(stored_report), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    (read,) = Read.objects.all()
    assert read.local_authority == cast.northbrook
    assert read.user == cast.vic_viewer
    assert read.who == "Vic"
    assert read.kind == ReadKind.REPORT_DOWNLOAD
    assert read.what == "report.pdf (ILACS inspection, 4 to 15 March 2024)"
    assert read.ip_address == "203.0.113.7"
    assert read.at is not None


def test_a_refused_download_is_not_a_read(client, cast, stored_report):
    client.force_login(cast.olly_other_la)
    assert client.get(_source(stored_report)).status_code == 404
    assert not Read.objects.exists()


def test_a_service_administrators_view_of_plan_pages_is_recorded(client, cast, plan):
    client.force_login(cast.sam_superuser)
    url = reverse("plans:dashboard", args=["northbrook", plan.pk])
    assert client.get(url).status_code == 200
    (read,) = Read.objects.all()
    assert read.kind == ReadKind.SERVICE_ADMIN_VIEW
    assert read.who == "Sam (service administrator)"
    assert read.path == url
    assert "Dashboard" in read.what


def test_members_reading_their_own_plan_are_not_recorded(client, cast, plan):
    for name in ("alice_admin", "erin_editor", "vic_viewer"):
        client.force_login(cast.user(name))
        assert client.get(reverse("plans:detail", args=["northbrook", plan.pk])).status_code == 200
    assert not Read.objects.exists()


def test_a_service_administrator_who_is_a_member_is_a_member(client, cast, plan):
    from ilacs.accounts.services import grant_membership

    grant_membership(cast.sam_superuser, cast.northbrook, "admin")
    client.force_login(cast.sam_superuser)
    client.get(reverse("plans:detail", args=["northbrook", plan.pk]))
    assert not Read.objects.exists()


def test_the_councils_admin_sees_the_record(client, cast, plan, stored_report):
    client.force_login(cast.sam_superuser)
    client.get(reverse("plans:detail", args=["northbrook", plan.pk]))
    client.force_login(cast.erin_editor)
    client.get(_source(stored_report))
    # Southmere's record is Southmere's alone.
    Read.objects.create(
        local_authority=cast.southmere, who="Olly", kind=ReadKind.REPORT_DOWNLOAD, what="theirs"
    )
    client.force_login(cast.alice_admin)
    body = client.get(READS).content.decode()
    assert "2 records" in body
    assert "Sam (service administrator)" in body
    assert "Service administrator viewed plan data" in body
    assert "Erin" in body and "Downloaded an inspection report" in body
    assert "theirs" not in body
    # Reading the record is not itself recorded.
    assert Read.objects.filter(local_authority=cast.northbrook).count() == 2


EXPECTED = {
    "alice_admin": 200,
    "sam_superuser": 200,
    "erin_editor": 403,
    "cara_contributor": 403,
    "vic_viewer": 403,
    "olly_other_la": 404,
    "nora_nobody": 404,
}


@pytest.mark.parametrize("name", EVERYONE)
def test_only_the_councils_admins_see_the_record(client, cast, name):
    client.force_login(cast.user(name))
    assert client.get(READS).status_code == EXPECTED[name]


def test_the_record_pages_through_long_histories(client, cast):
    Read.objects.bulk_create(
        Read(local_authority=cast.northbrook, who=f"Person {n}", kind="report_download", what="x")
        for n in range(60)
    )
    client.force_login(cast.alice_admin)
    first = client.get(READS).content.decode()
    assert "60 records" in first and "Page 1 of 2" in first
    assert 'href="?page=2"' in first
    assert "Page 2 of 2" in client.get(READS + "?page=2").content.decode()


def test_the_admin_finds_the_record_from_the_members_page(client, cast):
    client.force_login(cast.alice_admin)
    assert READS in client.get(reverse("members:list", args=["northbrook"])).content.decode()


@pytest.mark.parametrize(
    "address", ["measures:index", "exports:documents"], ids=["measures", "documents"]
)
def test_a_service_administrators_view_of_evidence_and_documents_is_recorded(
    client, cast, plan, address
):
    client.force_login(cast.sam_superuser)
    args = ["northbrook"] if address == "measures:index" else ["northbrook", plan.pk]
    url = reverse(address, args=args)
    assert client.get(url).status_code == 200
    (read,) = Read.objects.all()
    assert read.kind == ReadKind.SERVICE_ADMIN_VIEW
    assert read.path == url
