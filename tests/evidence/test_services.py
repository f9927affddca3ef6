"""Attaching and deleting evidence: the row and the stored file stand or fall together."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import IntegrityError, transaction

from ilacs.evidence import services
from ilacs.evidence.models import EvidenceFile
from ilacs.plans import services as plan_services
from tests.evidence.conftest import DAY, FAKE_XLSX, PDF, XLSX


def _all_stored(la):
    try:
        return default_storage.listdir(f"evidence/{la.pk}")[1]
    except FileNotFoundError:
        return []


def attach(target, user, data=PDF, filename="minutes.pdf", **kwargs):
    kwargs.setdefault("description", "Improvement board minutes")
    kwargs.setdefault("effective_date", DAY)
    return services.attach(target, user=user, data=data, filename=filename, **kwargs)


def test_a_file_attached_to_an_action(cast, caras_action):
    evidence = attach(caras_action, cast.cara_contributor, data=XLSX, filename="Scorecard.XLSX")
    assert evidence.action == caras_action and evidence.progress_update is None
    assert evidence.kind == "xlsx"
    assert evidence.local_authority == cast.northbrook
    assert evidence.size == len(XLSX)
    assert evidence.uploaded_by == cast.cara_contributor
    assert evidence.effective_date == DAY
    assert evidence.file.name.startswith(f"evidence/{cast.northbrook.pk}/")
    assert evidence.file.name.endswith(".xlsx")
    assert default_storage.open(evidence.file.name).read() == XLSX
    assert evidence.download_filename == "Scorecard.XLSX"
    record = evidence.history.get()
    assert record.history_type == "+" and record.history_user == cast.cara_contributor


def test_several_files_on_a_progress_update(cast, update_on_caras_action):
    attach(update_on_caras_action, cast.cara_contributor, description="Attendance register")
    attach(update_on_caras_action, cast.erin_editor, description="Workshop evaluation")
    files = services.files_for(update_on_caras_action)
    assert {f.description for f in files} == {"Attendance register", "Workshop evaluation"}
    by_update = services.files_for_updates(update_on_caras_action.action)
    assert len(by_update[update_on_caras_action.pk]) == 2


def test_the_name_sent_does_not_decide_the_type(cast, caras_action):
    evidence = attach(caras_action, cast.erin_editor, data=PDF, filename="minutes.exe")
    assert evidence.kind == "pdf"
    assert evidence.content_type == "application/pdf"
    assert evidence.download_filename == "minutes.pdf"


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (FAKE_XLSX, "values.xlsx", "is a zip archive, not a Word document or an Excel workbook"),
        (b"MZ\x90\x00program", "minutes.pdf", "is a program"),
        (b"", "empty.pdf", "The selected file is empty"),
    ],
)
def test_bad_files_leave_nothing(cast, caras_action, data, filename, message):
    with pytest.raises(services.EvidenceError, match=message):
        attach(caras_action, cast.erin_editor, data=data, filename=filename)
    assert not EvidenceFile.objects.exists()
    assert _all_stored(cast.northbrook) == []


def test_a_file_over_the_limit_is_refused(cast, caras_action, settings):
    settings.ILACS_EVIDENCE_MAX_MB = 0.001  # 1,000 bytes
    with pytest.raises(services.EvidenceError, match="must be smaller than 0.001 MB"):
        attach(caras_action, cast.erin_editor, data=PDF + b"x" * 1000)
    assert not EvidenceFile.objects.exists()
    assert _all_stored(cast.northbrook) == []


def test_a_row_that_fails_leaves_no_file(cast, caras_action, monkeypatch):
    def fail(*args, **kwargs):
        raise IntegrityError("the database refused the row")

    monkeypatch.setattr(EvidenceFile, "save", fail)
    with pytest.raises(IntegrityError):
        attach(caras_action, cast.erin_editor)
    assert _all_stored(cast.northbrook) == []


def test_a_file_that_fails_to_store_leaves_no_row(cast, caras_action, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(FileSystemStorage, "save", fail)
    with pytest.raises(OSError, match="disk full"):
        attach(caras_action, cast.erin_editor)
    assert not EvidenceFile.objects.exists()


def test_the_database_refuses_a_file_with_no_target_or_two(
    cast, caras_action, update_on_caras_action
):
    base = {
        "local_authority": cast.northbrook,
        "file": "evidence/x.pdf",
        "original_filename": "x.pdf",
        "kind": "pdf",
        "size": 1,
        "sha256": "0" * 64,
        "description": "x",
        "effective_date": DAY,
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        EvidenceFile.objects.create(**base)
    with pytest.raises(IntegrityError), transaction.atomic():
        EvidenceFile.objects.create(
            **base, action=caras_action, progress_update=update_on_caras_action
        )


def test_who_may_attach(cast, caras_action, officers_action):
    attach(caras_action, cast.cara_contributor)  # she leads it
    with pytest.raises(PermissionDenied):
        attach(officers_action, cast.cara_contributor)  # she does not
    with pytest.raises(PermissionDenied):
        attach(caras_action, cast.vic_viewer)
    with pytest.raises(PermissionDenied):
        attach(caras_action, cast.olly_other_la)


def test_a_withdrawn_update_takes_no_file(cast, update_on_caras_action):
    plan_services.withdraw_update(
        update_on_caras_action, user=cast.erin_editor, reason="Posted on the wrong action"
    )
    with pytest.raises(services.EvidenceError, match="has been withdrawn"):
        attach(update_on_caras_action, cast.erin_editor)
    assert _all_stored(cast.northbrook) == []


def test_description_and_date_are_checked(cast, caras_action):
    with pytest.raises(services.EvidenceError, match="Enter what the file shows"):
        attach(caras_action, cast.erin_editor, description="  ")
    tomorrow = dt.date.today() + dt.timedelta(days=2)
    with pytest.raises(services.EvidenceError, match="today or in the past"):
        attach(caras_action, cast.erin_editor, effective_date=tomorrow)


def test_deleting_removes_the_file_after_commit(
    cast, caras_action, django_capture_on_commit_callbacks
):
    evidence = attach(caras_action, cast.erin_editor)
    name = evidence.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.remove(evidence, user=cast.erin_editor)
        assert default_storage.exists(name)  # not before the deletion commits
    assert len(callbacks) == 1
    callbacks[0]()
    assert not default_storage.exists(name)
    assert not EvidenceFile.objects.exists()
    deleted = EvidenceFile.history.filter(history_type="-").get()
    assert deleted.history_user == cast.erin_editor


def test_a_rolled_back_delete_keeps_the_file(
    cast, caras_action, django_capture_on_commit_callbacks
):
    evidence = attach(caras_action, cast.erin_editor)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.remove(evidence, user=cast.erin_editor)
            raise RuntimeError("something after the delete failed")
    assert callbacks == []
    assert default_storage.exists(evidence.file.name)
    assert EvidenceFile.objects.filter(pk=evidence.pk).exists()


def test_only_editors_and_admins_delete(cast, caras_action):
    evidence = attach(caras_action, cast.cara_contributor)
    for person in (cast.cara_contributor, cast.vic_viewer):
        with pytest.raises(PermissionDenied):
            services.remove(evidence, user=person)
    services.remove(evidence, user=cast.alice_admin)
    with pytest.raises(services.EvidenceError, match="already been deleted"):
        services.remove(evidence, user=cast.alice_admin)
