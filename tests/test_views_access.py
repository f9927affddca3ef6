"""Who gets which page: every view, every person, and the boundary between councils.

Members of another council, and people who belong to none, get 404 for everything in
Northbrook (its existence does not leak); members whose role does not allow an action get 403.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.base import EVERYONE
from tests.factories import InspectionFactory

OK, FORBIDDEN, NOT_FOUND, SIGN_IN = 200, 403, 404, 302

VIEW = {
    "alice_admin": OK,
    "erin_editor": OK,
    "cara_contributor": OK,
    "vic_viewer": OK,
    "olly_other_la": NOT_FOUND,
    "nora_nobody": NOT_FOUND,
    "sam_superuser": OK,
    None: SIGN_IN,
}
UPLOAD = {
    **VIEW,
    "cara_contributor": FORBIDDEN,
    "vic_viewer": FORBIDDEN,
}


@pytest.fixture
def northbrook_inspection(cast):
    inspection = InspectionFactory(local_authority=cast.northbrook)
    default_storage.save(inspection.source_file.name, ContentFile(b"%PDF-1.4 report"))
    return inspection


def _get(client, cast, name, url):
    if name is not None:
        client.force_login(cast.user(name))
    return client.get(url)


def _urls(inspection):
    slug = inspection.local_authority.slug
    return {
        "la": reverse("localauthorities:detail", args=[slug]),
        "inspection": reverse("inspections:detail", args=[slug, inspection.pk]),
        "source": reverse("inspections:source", args=[slug, inspection.pk]),
        "upload": reverse("inspections:upload", args=[slug]),
    }


@pytest.mark.parametrize("name", [*EVERYONE, None])
@pytest.mark.parametrize("page", ["la", "inspection", "source"])
def test_read_only_pages(client, cast, northbrook_inspection, name, page):
    response = _get(client, cast, name, _urls(northbrook_inspection)[page])
    assert response.status_code == VIEW[name]
    if name is None:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_upload_page(client, cast, northbrook_inspection, name):
    response = _get(client, cast, name, _urls(northbrook_inspection)["upload"])
    assert response.status_code == UPLOAD[name]


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_upload_post(client, cast, name):
    if name is not None:
        client.force_login(cast.user(name))
    response = client.post(reverse("inspections:upload", args=["northbrook"]), {})
    expected = UPLOAD[name]
    # A member allowed to upload who sends no file gets the form back with an error.
    assert response.status_code == (400 if expected == OK else expected)


@pytest.mark.parametrize("name", ["alice_admin", "erin_editor", "vic_viewer", "cara_contributor"])
def test_members_get_404_for_another_councils_pages(client, cast, name):
    other = InspectionFactory(local_authority=cast.southmere)
    client.force_login(cast.user(name))
    for url in _urls(other).values():
        assert client.get(url).status_code == NOT_FOUND, url


def test_an_inspection_is_only_found_under_its_own_council(client, cast, northbrook_inspection):
    # Olly may see Southmere, but Northbrook's inspection is not reachable through its address.
    client.force_login(cast.olly_other_la)
    url = reverse("inspections:detail", args=["southmere", northbrook_inspection.pk])
    assert client.get(url).status_code == NOT_FOUND
    url = reverse("inspections:source", args=["southmere", northbrook_inspection.pk])
    assert client.get(url).status_code == NOT_FOUND


def test_unknown_council_and_unknown_inspection_are_404(client, cast):
    client.force_login(cast.sam_superuser)
    assert client.get("/la/atlantis/").status_code == NOT_FOUND
    url = reverse("inspections:detail", args=["northbrook", 999999])
    assert client.get(url).status_code == NOT_FOUND


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_home_page(client, cast, name):
    response = _get(client, cast, name, reverse("home"))
    assert response.status_code == (SIGN_IN if name is None else OK)


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_search_page_is_for_every_signed_in_user(client, cast, name):
    """Published reports are public information: anyone signed in may search them."""
    response = _get(client, cast, name, reverse("search:search") + "?q=care")
    assert response.status_code == (SIGN_IN if name is None else OK)
    if name is None:
        assert response["Location"].startswith(reverse("accounts:login"))


def test_home_lists_only_ones_own_councils(client, cast):
    client.force_login(cast.erin_editor)
    body = client.get(reverse("home")).content.decode()
    assert "Northbrook" in body
    assert "Southmere" not in body
    client.force_login(cast.nora_nobody)
    body = client.get(reverse("home")).content.decode()
    assert "not a member of any local authority" in body


def test_council_index_shows_only_visible_councils(client, cast):
    client.force_login(cast.vic_viewer)
    body = client.get(reverse("localauthorities:index")).content.decode()
    assert "Northbrook" in body
    assert "Southmere" not in body
    assert "Leicestershire" not in body
    client.force_login(cast.sam_superuser)
    body = client.get(reverse("localauthorities:index")).content.decode()
    assert "Leicestershire" in body and "Southmere" in body


def test_missing_source_file_is_404_not_500(client, cast):
    inspection = InspectionFactory(local_authority=cast.northbrook)  # no file stored
    client.force_login(cast.erin_editor)
    assert client.get(_urls(inspection)["source"]).status_code == NOT_FOUND


def test_source_is_a_private_download(client, cast, northbrook_inspection):
    client.force_login(cast.vic_viewer)
    response = client.get(_urls(northbrook_inspection)["source"])
    assert response["Content-Disposition"].startswith('attachment; filename="report.pdf"')
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 report"


def test_uploaded_files_have_no_public_url(client, cast, northbrook_inspection):
    client.force_login(cast.sam_superuser)
    assert client.get("/media/" + northbrook_inspection.source_file.name).status_code == 404


def test_healthz(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
