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


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_plan_import_pages(client, cast, northbrook_inspection, name):
    """Importing an existing action plan: editors and admins; the later steps send anyone who
    may import back to the upload when nothing is waiting."""
    slug, pk = "northbrook", northbrook_inspection.pk
    upload = reverse("plans:import", args=[slug, pk])
    response = _get(client, cast, name, upload)
    assert response.status_code == UPLOAD[name]
    for step in ("plans:import_columns", "plans:import_preview"):
        response = client.get(reverse(step, args=[slug, pk]))
        expected = UPLOAD[name]
        if expected == OK:
            assert response.status_code == 302 and response["Location"] == upload
        else:
            assert response.status_code == expected
    if name == "olly_other_la":
        other = InspectionFactory(local_authority=cast.southmere)
        assert client.get(reverse("plans:import", args=["northbrook", other.pk])).status_code == 404


# --- Evidence files and the annual self-evaluation ------------------------------------------------

ATTACH = {**VIEW, "vic_viewer": FORBIDDEN}  # Cara leads the action, so she may attach
EDIT = {**VIEW, "cara_contributor": FORBIDDEN, "vic_viewer": FORBIDDEN}


@pytest.fixture
def northbrook_evidence(cast):
    """An action Cara leads, with a progress update, a file on each, and this year's and last
    year's self-evaluations."""
    import datetime as dt

    from ilacs.evidence import services as evidence_services
    from ilacs.plans import services as plan_services
    from ilacs.selfevaluation import services as se_services

    plan = plan_services.create_plan(
        InspectionFactory(local_authority=cast.northbrook, published=dt.date(2024, 4, 26)),
        user=cast.erin_editor,
    )
    action = plan_services.add_action(
        plan, user=cast.erin_editor, title="Audit programme", lead_user=cast.cara_contributor
    )
    update = plan_services.post_update(
        action, user=cast.cara_contributor, narrative="Started.", rag="green"
    )
    file = evidence_services.attach(
        action,
        user=cast.erin_editor,
        data=b"%PDF-1.4 minutes",
        filename="minutes.pdf",
        description="Minutes",
        effective_date=dt.date(2025, 5, 1),
    )
    for year in (2025, 2026):
        se = se_services.start(
            cast.northbrook, user=cast.erin_editor, year=year, as_at=dt.date(year, 1, 15)
        )
        section = se.sections.get(kind="know")
        se_services.save_section(section, user=cast.erin_editor, text="We know.", loaded_version=0)
    return plan, action, update, file


def _evidence_urls(plan, action, update, file):
    s = plan.local_authority.slug
    a = [s, plan.pk, action.number]
    return {
        "attach_action": (reverse("evidence:attach_to_action", args=a), ATTACH),
        "attach_update": (reverse("evidence:attach_to_update", args=[*a, update.pk]), ATTACH),
        "download": (reverse("evidence:download", args=[s, file.pk]), VIEW),
        "delete": (reverse("evidence:delete", args=[s, file.pk]), EDIT),
        "se_index": (reverse("selfevaluation:index", args=[s]), VIEW),
        "se_start": (reverse("selfevaluation:start", args=[s]), EDIT),
        "se_detail": (reverse("selfevaluation:detail", args=[s, 2026]), VIEW),
        "se_compare": (reverse("selfevaluation:compare", args=[s, 2026]), VIEW),
        "se_edit": (reverse("selfevaluation:section_edit", args=[s, 2026, "know"]), EDIT),
        "se_versions": (reverse("selfevaluation:section_versions", args=[s, 2026, "know"]), VIEW),
        "se_version": (
            reverse("selfevaluation:section_version", args=[s, 2026, "know", 1]),
            VIEW,
        ),
    }


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_evidence_and_self_evaluation_pages(client, cast, northbrook_evidence, name):
    if name is not None:
        client.force_login(cast.user(name))
    got, expected = {}, {}
    for key, (url, rule) in _evidence_urls(*northbrook_evidence).items():
        got[key] = client.get(url).status_code
        expected[key] = rule[name]
    assert got == expected


@pytest.mark.parametrize("name", ["vic_viewer", "olly_other_la", "nora_nobody"])
def test_evidence_and_self_evaluation_writes_are_refused(client, cast, northbrook_evidence, name):
    from ilacs.evidence.models import EvidenceFile

    client.force_login(cast.user(name))
    urls = _evidence_urls(*northbrook_evidence)
    for key in ("attach_action", "attach_update", "delete", "se_start", "se_edit"):
        url, rule = urls[key]
        assert client.post(url, {}).status_code == rule[name], key
    assert EvidenceFile.objects.count() == 1


def test_another_councils_address_does_not_reach_northbrooks_file(
    client, cast, northbrook_evidence
):
    _, _, _, file = northbrook_evidence
    client.force_login(cast.olly_other_la)
    assert client.get(reverse("evidence:download", args=["southmere", file.pk])).status_code == 404
