"""Ingest: a report file's bytes -> extraction -> Inspection rows, all or nothing.

`ingest_file()` is the one way reports get in (the upload view and `ilacs ingest` both call it).
It never parses anything itself: `ilacs.extraction.extract_bytes` returns one record per report
found in the file (see ilacs/extraction/model.py for the record's fields), or error records.

- The same file again is recognised by its sha256 and the inspections already held are returned.
  A committee paper that embeds a report is identified by the file's sha256 together with the
  report's page (or line) range: `source_key()`.
- Everything found in one file is saved in one transaction, with the stored file, or nothing is.
- Every failure comes back as an outcome with a plain-words message; nothing raises for bad input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone

from ilacs.accounts import permissions
from ilacs.inspections import labels
from ilacs.inspections.models import (
    Inspection,
    Judgement,
    Paragraph,
    Recommendation,
    source_upload_to,
)
from ilacs.inspections.sections import judgement_for_section
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.services import local_authority_index
from ilacs.units import mb_to_bytes

log = logging.getLogger(__name__)

Extractor = Callable[[bytes, str], list[dict[str, Any]]]
Status = Literal["created", "already_held", "error"]


@dataclass
class IngestOutcome:
    """What happened to one report (or, for an error, to the file)."""

    status: Status
    inspection: Inspection | None = None
    code: str = ""  # for errors: an extraction error code or one of ingest's own
    message: str = ""  # for errors: plain words for the person who sent the file
    detail: str = ""  # for errors: technical detail (the extractor's message), for logs and CLI

    def describe(self) -> str:
        if self.status == "error":
            return self.message
        assert self.inspection is not None
        return f"{self.inspection.heading}, {self.inspection.date_range}"


@dataclass
class FileResult:
    """Every outcome for one file. `ok` when nothing went wrong."""

    filename: str
    outcomes: list[IngestOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.outcomes) and all(o.status != "error" for o in self.outcomes)

    @property
    def errors(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "error"]

    @property
    def inspections(self) -> list[Inspection]:
        return [o.inspection for o in self.outcomes if o.inspection is not None]

    @property
    def status(self) -> Status:
        """error if anything failed; created if anything new; otherwise already_held."""
        if not self.ok:
            return "error"
        if any(o.status == "created" for o in self.outcomes):
            return "created"
        return "already_held"

    def summary(self) -> str:
        """One line: "created: file.pdf: Northbrook: ILACS inspection, 4 to 15 March 2024"."""
        label = {"created": "created", "already_held": "already held", "error": "error"}
        shown = self.errors if not self.ok else self.outcomes
        return f"{label[self.status]}: {self.filename}: " + "; ".join(o.describe() for o in shown)


def _error(code: str, message: str, detail: str = "") -> IngestOutcome:
    return IngestOutcome(status="error", code=code, message=message, detail=detail)


def default_extractor(data: bytes, filename: str) -> list[dict[str, Any]]:
    """The project's extractor, run in a worker process with a time and memory limit so that a
    hostile upload cannot hang or exhaust the web server (imported late: plain Python)."""
    from ilacs.extraction import extract_bytes_guarded

    return extract_bytes_guarded(
        data, filename, timeout=settings.ILACS_EXTRACT_TIMEOUT, max_bytes=max_upload_bytes()
    )


def max_upload_bytes() -> int:
    return mb_to_bytes(settings.ILACS_MAX_UPLOAD_MB)


def source_key(sha256: str, source: dict[str, Any]) -> str:
    """What identifies one report: the file's sha256, plus the page or line range when the report
    is part of a longer document."""
    if source.get("first_page") is not None:
        return f"{sha256}#pages={source['first_page']}-{source.get('last_page') or ''}"
    if source.get("first_line") is not None:
        return f"{sha256}#lines={source['first_line']}-{source.get('last_line') or ''}"
    return sha256


def ingest_path(path: str | Path, **kwargs: Any) -> FileResult:
    """`ingest_file()` for a file on disk (the CLI)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > (kwargs.get("max_bytes") or max_upload_bytes()):
            return FileResult(path.name, [_too_large()])
        data = path.read_bytes()
    except FileNotFoundError:
        return FileResult(path.name, [_error("not_found", labels.error_message("not_found"))])
    except OSError as exc:
        return FileResult(
            path.name, [_error("unreadable", labels.error_message("unreadable"), str(exc))]
        )
    return ingest_file(data, path.name, **kwargs)


def _too_large() -> IngestOutcome:
    return _error(
        "too_large", labels.error_message("too_large", max_mb=settings.ILACS_MAX_UPLOAD_MB)
    )


def ingest_file(
    data: bytes,
    filename: str,
    *,
    user: Any = None,
    local_authority: LocalAuthority | None = None,
    extractor: Extractor | None = None,
    max_bytes: int | None = None,
    index: Any = None,
    not_held: str | None = None,
    published: bool = True,
) -> FileResult:
    """Read a report file and save every inspection report in it, or nothing.

    user: who is adding it (None for the command line, which may add any council's reports);
    when given, they must be allowed to upload reports for the council the report is about.
    local_authority: when given (an upload from that council's page), the report must be about it.
    index: the councils by name (local_authority_index()), when the caller adds many files.
    not_held: a sha256 the caller has just found no inspection made from (`ilacs ingest` reads
    every held one once): when it is this file's, the database is not asked again. A report
    added meanwhile by someone else is still caught, by the unique source key, as already held.
    published: False for a report Ofsted has not published yet (a draft for factual accuracy
    checks): its inspections are created visible to the council's members only, in the same
    transaction, so nobody else ever sees them. A file already held keeps its state.
    """
    filename = Path(filename).name or "report"
    result = FileResult(filename)
    if len(data) > (max_upload_bytes() if max_bytes is None else max_bytes):
        result.outcomes.append(_too_large())
        return result

    sha256 = hashlib.sha256(data).hexdigest()
    held = None if sha256 == not_held else _already_held(sha256, user)
    if held:
        result.outcomes.extend(IngestOutcome("already_held", inspection=i) for i in held)
        return result

    try:
        records = (extractor or default_extractor)(data, filename)
    except Exception as exc:  # the extractor should return error records; never crash an upload
        log.exception("extraction failed for %s", filename)
        result.outcomes.append(
            _error("unreadable", labels.error_message("unreadable"), f"{type(exc).__name__}")
        )
        return result
    if not records:
        result.outcomes.append(
            _error("not_an_inspection_report", labels.error_message("not_an_inspection_report"))
        )
        return result

    plans: list[tuple[dict[str, Any], LocalAuthority]] = []
    for record in records:
        if "error" in record:
            err = record["error"] or {}
            code = str(err.get("code") or "unreadable")
            result.outcomes.append(
                _error(
                    code,
                    labels.error_message(code, max_mb=settings.ILACS_MAX_UPLOAD_MB),
                    str(err.get("message") or ""),
                )
            )
            continue
        if index is None:
            index = local_authority_index()
        problem, la = _check_record(record, index, user, local_authority)
        if problem:
            result.outcomes.append(problem)
        else:
            assert la is not None
            plans.append((record, la))
    if result.errors:
        # All or nothing: one unreadable report in a file means none of it is added.
        return result

    try:
        # None: no inspection was made from this file, so none holds these source keys (unless
        # one is added meanwhile: the insert's unique key then fails, as handled below).
        result.outcomes.extend(
            _save(
                data, filename, sha256, plans, user, look_up=held is not None, published=published
            )
        )
    except IntegrityError:
        # Someone else added the same file a moment ago.
        held = list(Inspection.objects.filter(sha256=sha256))
        if not held:
            raise
        result.outcomes.extend(IngestOutcome("already_held", inspection=i) for i in held)
    for outcome in result.outcomes:
        log.info("ingest %s: %s", filename, outcome.status)
    return result


def _already_held(sha256: str, user: Any) -> list[Inspection] | None:
    """Inspections already made from this very file, if the user may see all of them (None when
    there are none at all). Any that were withdrawn come back, when the user may add reports for
    their councils."""
    if not Inspection.objects.filter(sha256=sha256).exists():  # the usual case: a cheap query
        return None
    held = list(Inspection.objects.filter(sha256=sha256).select_related("local_authority"))
    if user is not None and not all(permissions.can_view(user, i.local_authority) for i in held):
        # Say nothing about what another council holds: carry on as for a new file, which
        # ends in "this report is about X" for a report the user may not add.
        return []
    withdrawn = [i for i in held if i.withdrawn_at is not None]
    if withdrawn and (
        user is None or all(permissions.can_upload_report(user, i.local_authority) for i in held)
    ):
        Inspection.objects.filter(pk__in=[i.pk for i in withdrawn]).update(
            withdrawn_at=None, withdrawn_by=None, withdrawn_reason=""
        )
        for inspection in withdrawn:
            inspection.withdrawn_at, inspection.withdrawn_by_id = None, None
            inspection.withdrawn_reason = ""
    return held


def mark_published(inspection: Inspection) -> None:
    """Ofsted has now published a report the council uploaded as a draft: everyone signed in
    sees it. One way only: a published report is public information and is not hidden again."""
    Inspection.objects.filter(pk=inspection.pk).update(ofsted_published=True)
    inspection.ofsted_published = True


class WithdrawError(ValueError):
    """An inspection that cannot be withdrawn, with the reason in plain words."""


def withdraw_inspection(inspection: Inspection, *, user: Any, reason: str) -> Inspection:
    """Withdraw an inspection uploaded by mistake (editors and admins of its council): it leaves
    the council's pages and lists, and is kept with who withdrew it, when and why. One with an
    improvement plan is refused: the plan answers it."""
    if not permissions.can_upload_report(user, inspection.local_authority):
        raise PermissionDenied("You cannot withdraw this council's reports.")
    if inspection.from_national_dataset:
        raise WithdrawError(
            "This report is from the national dataset of published Ofsted reports, so it cannot "
            "be withdrawn"
        )
    reason = reason.strip()
    if not reason:
        raise WithdrawError("Enter why the report is being withdrawn")
    with transaction.atomic():
        current = Inspection.objects.select_for_update().filter(pk=inspection.pk).first()
        if current is None or current.withdrawn_at is not None:
            raise WithdrawError("This report has already been withdrawn")
        if hasattr(current, "improvement_plan"):  # (the plans app's one-to-one, if any)
            raise WithdrawError(
                "This report has an improvement plan, so it cannot be withdrawn: the plan "
                "answers it"
            )
        current.withdrawn_at, current.withdrawn_by = timezone.now(), user
        current.withdrawn_reason = reason
        current.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    return current


def _check_record(
    record: dict[str, Any],
    index: Any,
    user: Any,
    expected: LocalAuthority | None,
) -> tuple[IngestOutcome | None, LocalAuthority | None]:
    printed = (record.get("local_authority") or "").strip()
    if not printed:
        return _error(
            "local_authority_missing",
            "The report does not say which council it is about, so it cannot be added.",
        ), None
    la = index.match(printed)
    if la is None:
        return _error(
            "local_authority_not_recognised",
            f"The report is about “{printed}”, which is not a local authority ilacs knows. "
            "Check the file is an inspection of an English council's children's services.",
        ), None
    if expected is not None and la.pk != expected.pk:
        return _error("wrong_local_authority", _wrong_council_message(la, expected, user)), None
    if user is not None and not permissions.can_upload_report(user, la):
        return _error("not_permitted", f"You cannot add inspection reports for {la.name}."), None
    try:
        _fields(record, "0" * 64)  # validate shape before anything is written
    except (KeyError, TypeError, ValueError) as exc:
        return _error(
            "bad_record",
            "The report could not be read completely, so it was not added. Please tell the "
            "ilacs team which file it was.",
            f"{type(exc).__name__}: {exc}",
        ), None
    return None, la


def _wrong_council_message(la: LocalAuthority, expected: LocalAuthority, user: Any) -> str:
    """Tell the person what they themselves can do with a report about another council."""
    first = f"This report is about {la.name}, not {expected.name}."
    if user is None or permissions.can_upload_report(user, la):
        return f"{first} Add it from {la.name}'s page instead."
    return (
        f"{first} Only {la.name}'s editors and admins can add it: send it to one of them, or ask "
        "your ilacs service administrator to add it."
    )


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _clip(value: Any, model: type, field_name: str) -> str:
    text = "" if value is None else str(value)
    max_length = model._meta.get_field(field_name).max_length
    return text[:max_length] if max_length else text


def _fields(record: dict[str, Any], sha256: str) -> dict[str, Any]:
    """Inspection fields from an extraction record (raises on a malformed record)."""
    source = record["source"]
    numbers = [int(r["number"]) for r in record.get("recommendations") or []]
    lscb_numbers = [int(r["number"]) for r in record.get("lscb_recommendations") or []]
    for found in (numbers, lscb_numbers):
        if len(found) != len(set(found)):
            raise ValueError("recommendation numbers repeat")
    for p in record.get("paragraphs") or []:
        int(p["number"])
        str(p["text"])
    for j in record.get("judgements") or []:
        str(j["printed"]), str(j["key"]), str(j["grade"])
    return {
        "report_type": record.get("report_type") or "other",
        "title": _clip(record.get("title"), Inspection, "title"),
        "inspection_start": _date(record.get("inspection_start")),
        "inspection_end": _date(record.get("inspection_end")),
        "published": _date(record.get("published")),
        "lead_inspector": _clip(record.get("lead_inspector"), Inspection, "lead_inspector"),
        "overall_effectiveness": record.get("overall_effectiveness") or "",
        "sha256": sha256,
        "source_key": source_key(sha256, source),
        "format": _clip(source.get("format"), Inspection, "format"),
        "pages": source.get("pages"),
        "first_page": source.get("first_page"),
        "last_page": source.get("last_page"),
        "first_line": source.get("first_line"),
        "last_line": source.get("last_line"),
    }


def _store(data: bytes, filename: str, sha256: str, file_format: str) -> tuple[str, bool]:
    """Save the file once under a name made from its sha256 and the format found in it.
    Returns (name, newly saved)."""
    probe = Inspection(sha256=sha256, format=file_format)
    name = source_upload_to(probe, filename)
    if default_storage.exists(name):
        return name, False
    return default_storage.save(name, ContentFile(data)), True


def _save(
    data: bytes,
    filename: str,
    sha256: str,
    plans: list[tuple[dict[str, Any], LocalAuthority]],
    user: Any,
    *,
    look_up: bool = True,
    published: bool = True,
) -> list[IngestOutcome]:
    """look_up: ask the database whether each report is held already (False when no inspection
    was made from this file: then only a report repeated within the file is)."""
    stored_name, newly_saved = None, False
    created: dict[str, Inspection] = {}  # by source key
    try:
        with transaction.atomic():
            file_format = str(plans[0][0]["source"].get("format") or "") if plans else ""
            stored_name, newly_saved = _store(data, filename, sha256, file_format)
            outcomes = [
                _create(
                    record,
                    la,
                    stored_name,
                    filename,
                    sha256,
                    len(data),
                    user,
                    created,
                    look_up,
                    published,
                )
                for record, la in plans
            ]
    except BaseException:
        if newly_saved and stored_name:
            default_storage.delete(stored_name)
        raise
    if stored_name and not default_storage.exists(stored_name):
        # Another upload of the same file stored it, then failed and removed it (or the last
        # inspection using it was deleted) while this one was saving: store it again.
        default_storage.save(stored_name, ContentFile(data))
    return outcomes


def _create(
    record: dict[str, Any],
    la: LocalAuthority,
    stored_name: str,
    filename: str,
    sha256: str,
    size: int,
    user: Any,
    created: dict[str, Inspection],
    look_up: bool,
    published: bool = True,
) -> IngestOutcome:
    from ilacs.inspections.national import prepare_rows, write_children  # (imports this module)

    fields = _fields(record, sha256)
    existing = created.get(fields["source_key"])
    if existing is None and look_up:
        # source_key is unique: no ordering needed (the default one joins the councils' table).
        existing = Inspection.objects.filter(source_key=fields["source_key"]).order_by().first()
    if existing is not None:
        return IngestOutcome("already_held", inspection=existing)
    inspection = Inspection(
        local_authority=la,
        source_filename=_clip(filename, Inspection, "source_filename"),
        file_size=size,
        ingested_by=user if user is not None and user.is_authenticated else None,
        ofsted_published=published,
        **fields,
    )
    inspection.source_file.name = stored_name
    inspection.save()
    created[inspection.source_key] = inspection
    # As a national load writes them: bulk_create spent most of a save compiling SQL.
    write_children([prepare_rows(record, inspection)])
    return IngestOutcome("created", inspection=inspection)


def child_rows(
    record: dict[str, Any], inspection: Inspection
) -> tuple[list[Any], list[Any], list[Any], list[int | None]]:
    """The judgement, recommendation and paragraph rows of a record to insert, for the
    inspection's key (None until it is saved: national.write_children sets it), and for each
    paragraph the order of the judgement its section sits under (sections.py; None: none), which
    national.write_children points it at once the judgements are saved. The rows are plain
    namespaces with an attribute per column (by attname, the key left out), not model instances:
    making ~40,000 of those cost more than writing them.
    (By key, not `inspection=`: Django's setting of the relation cost more than the row.)"""
    pk = inspection.pk
    judgements = [
        SimpleNamespace(
            inspection_id=pk,
            printed=_clip(j["printed"], Judgement, "printed"),
            key=j["key"],
            grade=j["grade"],
            grade_printed=_clip(j.get("grade_printed"), Judgement, "grade_printed"),
            order=order,
        )
        for order, j in enumerate(record.get("judgements") or [], start=1)
    ]
    recommendations = [
        SimpleNamespace(
            inspection_id=pk,
            number=int(r["number"]),
            text=r["text"],
            page=r.get("page"),
            framework_reference=_clip(
                r.get("framework_reference"), Recommendation, "framework_reference"
            ),
            framework_outcome=_int_or_none(r.get("framework_outcome")),
            is_lscb=is_lscb,
            themes=list(r.get("themes") or []),
        )
        for is_lscb, items in (
            (False, record.get("recommendations") or []),
            (True, record.get("lscb_recommendations") or []),
        )
        for r in items
    ]
    judged = [(j.key, j.printed) for j in judgements]
    paragraphs: list[Any] = []
    orders: list[int | None] = []
    under: dict[str, int | None] = {}  # by section: a report's paragraphs share a few sections
    for order, p in enumerate(record.get("paragraphs") or [], start=1):
        section = _clip(p.get("section"), Paragraph, "section")
        if section not in under:
            index = judgement_for_section(section, judged)
            under[section] = None if index is None else judgements[index].order
        orders.append(under[section])
        paragraphs.append(
            SimpleNamespace(
                inspection_id=pk,
                section=section,
                number=int(p["number"]),
                text=p["text"],
                page=p.get("page"),
                order=order,
                themes=list(p.get("themes") or []),
                judgement_id=None,
            )
        )
    return judgements, recommendations, paragraphs, orders


def link_paragraphs_to_judgements(inspections: Any = None) -> int:
    """Point each findings paragraph at the judgement its section sits under (sections.py), for
    the given inspections (a queryset; all when None): for rows added by other means than
    ingest, or after the mapping changes. Returns how many paragraphs changed."""
    changed = 0
    inspections = Inspection.objects.all() if inspections is None else inspections
    for inspection in inspections.prefetch_related("judgements").iterator(chunk_size=100):
        judgements = sorted(inspection.judgements.all(), key=lambda j: j.order)
        judged = [(j.key, j.printed) for j in judgements]
        with transaction.atomic():
            rows = Paragraph.objects.filter(inspection=inspection).values_list(
                "section", "judgement_id"
            )
            for section in {section for section, _ in rows}:
                index = judgement_for_section(section, judged)
                wanted = judgements[index].pk if index is not None else None
                changed += (
                    Paragraph.objects.filter(inspection=inspection, section=section)
                    .exclude(judgement_id=wanted)
                    .update(judgement_id=wanted)
                    if wanted is not None
                    else Paragraph.objects.filter(
                        inspection=inspection, section=section, judgement__isnull=False
                    ).update(judgement_id=None)
                )
    return changed
