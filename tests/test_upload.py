"""Uploading a report in the browser."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from ilacs.inspections import services
from ilacs.inspections.models import Inspection
from tests.factories import FakeExtractor, error_record, report_record

URL = reverse("inspections:upload", args=["northbrook"])


@pytest.fixture
def extractor(monkeypatch):
    fake = FakeExtractor(report_record("Northbrook"))
    monkeypatch.setattr(services, "default_extractor", fake)
    return fake


def _file(name="northbrook.pdf", data=b"%PDF-1.7 report"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def test_form_is_a_govuk_file_upload(client, cast):
    client.force_login(cast.erin_editor)
    body = client.get(URL).content.decode()
    assert 'enctype="multipart/form-data"' in body
    assert 'class="govuk-file-upload"' in body
    assert 'accept=".pdf,.docx,.html,.htm,.txt"' in body
    assert "csrfmiddlewaretoken" in body


@pytest.mark.parametrize("name", ["alice_admin", "erin_editor", "sam_superuser"])
def test_editors_and_admins_upload_and_land_on_the_inspection(client, cast, extractor, name):
    client.force_login(cast.user(name))
    response = client.post(URL, {"report": _file()}, follow=True)
    inspection = Inspection.objects.get()
    assert response.redirect_chain[-1][0] == inspection.get_absolute_url()
    body = response.content.decode()
    assert "northbrook.pdf has been added." in body
    assert "govuk-notification-banner--success" in body
    assert inspection.ingested_by == cast.user(name)


def test_uploading_the_same_file_again_goes_to_the_inspection_held(client, cast, extractor):
    client.force_login(cast.erin_editor)
    client.post(URL, {"report": _file()})
    response = client.post(URL, {"report": _file("copy.pdf")}, follow=True)
    assert Inspection.objects.count() == 1
    assert "copy.pdf was already held" in response.content.decode()


def test_errors_are_shown_on_the_form_in_plain_words(client, cast, monkeypatch):
    monkeypatch.setattr(services, "default_extractor", FakeExtractor(error_record("encrypted")))
    client.force_login(cast.erin_editor)
    response = client.post(URL, {"report": _file()})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "protected by a password" in body
    assert "govuk-file-upload--error" in body
    assert Inspection.objects.count() == 0


def test_a_report_about_another_council_is_refused(client, cast, monkeypatch):
    monkeypatch.setattr(services, "default_extractor", FakeExtractor(report_record("Kent")))
    client.force_login(cast.erin_editor)
    body = client.post(URL, {"report": _file()}).content.decode()
    assert "This report is about Kent, not Northbrook." in body
    # Erin cannot open Kent's page, so she is told what she can do instead.
    assert "Add it from Kent" not in body
    assert (
        "Only Kent&#x27;s editors and admins can add it: send it to one of them, or ask your "
        "ilacs service administrator to add it." in body
    )


def test_a_report_about_a_council_the_uploader_edits_points_to_its_page(client, cast, monkeypatch):
    monkeypatch.setattr(services, "default_extractor", FakeExtractor(report_record("Northbrook")))
    client.force_login(cast.sam_superuser)
    url = reverse("inspections:upload", args=["southmere"])
    body = client.post(url, {"report": _file()}).content.decode()
    assert (
        "This report is about Northbrook, not Southmere. Add it from Northbrook&#x27;s page "
        "instead." in body
    )


def test_no_file_chosen(client, cast):
    client.force_login(cast.erin_editor)
    body = client.post(URL, {}).content.decode()
    assert "Select a report file" in body


def test_file_size_limit(client, cast, settings, extractor):
    settings.ILACS_MAX_UPLOAD_MB = 0.001
    client.force_login(cast.erin_editor)
    response = client.post(URL, {"report": _file(data=b"x" * 2000)})
    assert response.status_code == 400
    assert "must be smaller than 0.001 MB" in response.content.decode()
    assert extractor.calls == []


def test_csrf_is_enforced(cast, extractor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.erin_editor)
    response = client.post(URL, {"report": _file()})
    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()
    assert Inspection.objects.count() == 0


def test_upload_link_only_for_those_who_may(client, cast):
    la_url = reverse("localauthorities:detail", args=["northbrook"])
    client.force_login(cast.erin_editor)
    assert URL in client.get(la_url).content.decode()
    client.force_login(cast.vic_viewer)
    assert URL not in client.get(la_url).content.decode()


def test_size_limit_handler_skips_the_file_as_it_arrives():
    from types import SimpleNamespace

    from django.core.files.uploadhandler import SkipFile

    from ilacs.inspections.uploads import SizeLimitUploadHandler

    request = SimpleNamespace()
    handler = SizeLimitUploadHandler(request, max_bytes=10)
    handler.new_file("report", "big.pdf", "application/pdf", None)
    assert handler.receive_data_chunk(b"123456", 0) == b"123456"
    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"789012", 6)
    assert request.upload_too_large is True
