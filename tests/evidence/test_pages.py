"""Evidence on the action page: attach, list, download, delete."""

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ilacs.audit.models import Read
from ilacs.evidence import services
from ilacs.evidence.models import EvidenceFile
from tests.evidence.conftest import DAY, FAKE_XLSX, PDF


def _action_url(action):
    return reverse("plans:action", args=["northbrook", action.plan.pk, action.number])


def _attach_url(action, update=None):
    args = ["northbrook", action.plan.pk, action.number]
    if update is not None:
        return reverse("evidence:attach_to_update", args=[*args, update.pk])
    return reverse("evidence:attach_to_action", args=args)


def _form(data=PDF, name="board-minutes.pdf", **extra):
    return {
        "file": SimpleUploadedFile(name, data),
        "description": "Improvement board minutes, May 2025",
        "effective_date_day": "1",
        "effective_date_month": "5",
        "effective_date_year": "2025",
        **extra,
    }


def test_attach_from_the_action_page(client, cast, caras_action):
    client.force_login(cast.cara_contributor)
    page = client.get(_action_url(caras_action)).content.decode()
    assert "Evidence files" in page and "Attach a file to this action" in page
    response = client.post(_attach_url(caras_action), _form())
    assert response.status_code == 302
    assert response["Location"].endswith("#evidence")
    evidence = EvidenceFile.objects.get()
    assert evidence.effective_date == DAY
    page = client.get(_action_url(caras_action)).content.decode()
    assert "board-minutes.pdf" in page
    assert "Improvement board minutes, May 2025" in page
    assert reverse("evidence:download", args=["northbrook", evidence.pk]) in page


def test_attach_to_a_progress_update(client, cast, update_on_caras_action):
    action = update_on_caras_action.action
    client.force_login(cast.erin_editor)
    page = client.get(_action_url(action)).content.decode()
    assert _attach_url(action, update_on_caras_action) in page
    response = client.post(_attach_url(action, update_on_caras_action), _form())
    assert response.status_code == 302
    assert response["Location"].endswith(f"#update-{update_on_caras_action.pk}")
    evidence = EvidenceFile.objects.get()
    assert evidence.progress_update == update_on_caras_action
    page = client.get(_action_url(action)).content.decode()
    assert "Files attached to this update" in page


def test_a_wrong_kind_of_file_is_refused_in_plain_words(client, cast, caras_action):
    client.force_login(cast.erin_editor)
    response = client.post(_attach_url(caras_action), _form(FAKE_XLSX, "values.xlsx"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "is a zip archive, not a Word document or an Excel workbook" in body
    assert not EvidenceFile.objects.exists()


def test_an_oversized_file_is_refused_as_it_arrives(client, cast, caras_action, settings):
    settings.ILACS_EVIDENCE_MAX_MB = 0.01  # 10,000 bytes
    client.force_login(cast.erin_editor)
    response = client.post(_attach_url(caras_action), _form(PDF + b"x" * 20_000))
    assert response.status_code == 400
    assert "The selected file must be smaller than 0.01 MB" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_missing_fields_are_named(client, cast, caras_action):
    client.force_login(cast.erin_editor)
    response = client.post(_attach_url(caras_action), {})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Select a file" in body
    assert "Enter what the file shows" in body
    assert "Enter the date the evidence is for" in body


def test_download_is_a_private_attachment(client, cast, caras_action):
    evidence = services.attach(
        caras_action,
        user=cast.erin_editor,
        data=PDF,
        filename="minutes.exe",
        description="Minutes",
        effective_date=DAY,
    )
    client.force_login(cast.vic_viewer)
    response = client.get(reverse("evidence:download", args=["northbrook", evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="minutes.pdf"')
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PDF
    read = Read.objects.get(kind="evidence_download")
    assert read.user == cast.vic_viewer and "minutes.pdf" in read.what
    # No public address for the stored file.
    assert client.get("/media/" + evidence.file.name).status_code == 404


def test_delete_asks_then_deletes(client, cast, caras_action, django_capture_on_commit_callbacks):
    evidence = services.attach(
        caras_action,
        user=cast.erin_editor,
        data=PDF,
        filename="minutes.pdf",
        description="Minutes",
        effective_date=DAY,
    )
    url = reverse("evidence:delete", args=["northbrook", evidence.pk])
    client.force_login(cast.erin_editor)
    assert "Delete minutes.pdf?" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert not EvidenceFile.objects.exists()
    assert not default_storage.exists(evidence.file.name)


def test_a_viewer_sees_files_but_no_form(client, cast, caras_action):
    services.attach(
        caras_action,
        user=cast.erin_editor,
        data=PDF,
        filename="minutes.pdf",
        description="Minutes",
        effective_date=DAY,
    )
    client.force_login(cast.vic_viewer)
    page = client.get(_action_url(caras_action)).content.decode()
    assert "minutes.pdf" in page
    assert "Attach a file" not in page
    assert "Delete<span" not in page
