"""Load the national dataset (inspections/dataset.py) into the database, fast and idempotently.

- An inspection already held (same source key: the report file's sha256, and its page range when
  it sits inside a longer document) is skipped, so loading again is a no-op; an upload of the
  same published PDF is then recognised as already held, too.
- Every record is checked and turned into rows before anything is written: a broken record is
  reported in plain words and nothing of that report is stored.
- Rows are written with bulk_create, a batch of reports per transaction. Should a batch fail
  (another load adding the same reports at the same moment), its reports are written one by one,
  each in its own transaction, and those now held are skipped.
"""

from __future__ import annotations

import json
import operator
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import DataError, IntegrityError, connection, models, transaction

from ilacs.inspections.dataset import DATASET_FILE, read_dataset
from ilacs.inspections.models import Inspection, Judgement, Paragraph, Recommendation
from ilacs.inspections.services import _clip, _fields, child_rows, source_key
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.services import local_authority_index

BATCH_REPORTS = 100


@dataclass
class LoadSummary:
    records: int = 0
    created: int = 0
    already_held: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # report, reason in plain words
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [
            f"National dataset: {self.records} inspections read, {self.created} added, "
            f"{self.already_held} already held, {len(self.failed)} could not be added "
            f"({self.seconds:.1f} s)."
        ]
        out += [f"  not added: {name}: {reason}" for name, reason in self.failed]
        return out


@dataclass
class _Prepared:
    inspection: Inspection
    # rows to insert (services.child_rows: an attribute per column, not model instances)
    judgements: list[Any]
    recommendations: list[Any]
    paragraphs: list[Any]
    # per paragraph, the order of the judgement it sits under (None: no judgement)
    judgement_orders: list[int | None]


def _name(record: dict[str, Any]) -> str:
    source = record.get("source") or {}
    return str(source.get("file") or record.get("local_authority") or "a record")


def _prepare(record: dict[str, Any], councils: dict[str, LocalAuthority], index: Any) -> _Prepared:
    """Unsaved rows for one record; raises ValueError (plain words) for a record that cannot be
    stored whole."""
    la = councils.get(str(record.get("la_code") or "")) or index.match(
        record.get("local_authority")
    )
    if la is None:
        raise ValueError(
            f"the council “{record.get('local_authority') or ''}” is not one ilacs knows"
        )
    source = record.get("source")
    if not isinstance(source, dict) or not source.get("sha256"):
        raise ValueError("the record does not say which report file it came from")
    try:
        fields = _fields(record, str(source["sha256"]))
        inspection = Inspection(
            local_authority=la,
            source=Inspection.NATIONAL_DATASET,
            source_filename=_clip(
                Path(str(source.get("file") or "")).name, Inspection, "source_filename"
            ),
            **fields,
        )
        return prepare_rows(record, inspection)
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"the record is incomplete ({type(exc).__name__}: {exc})") from exc


def prepare_rows(record: dict[str, Any], inspection: Inspection) -> _Prepared:
    """An inspection (saved or not) with its children's rows from the record (child_rows),
    ready for write_children."""
    return _Prepared(inspection, *child_rows(record, inspection))


def _insert_rows(model: type[models.Model], rows: list[Any]) -> None:
    """INSERT the rows (an attribute per column: model instances, or the namespaces of
    services.child_rows) with one executemany (PostgreSQL: COPY). bulk_create spends most of a
    load compiling SQL for ~40,000 paragraphs; these models have no defaults to fill, signals
    or history, and only their JSON fields need converting for the database."""
    if not rows:
        return
    fields = [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "generated", False)
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    if connection.vendor == "postgresql":
        _copy_rows(table, columns, fields, rows)
        return
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    names = [f.attname for f in fields]
    # JSON as its text: what JSONField gives SQLite (json.dumps; None stays NULL), without
    # Django's calls per value.
    convert = [
        (_json_text if f.encoder is None else _prep_json(f))
        if isinstance(f, models.JSONField)
        else None
        for f in fields
    ]
    values = [
        tuple(
            value if to_db is None else to_db(value)
            for value, to_db in zip([getattr(row, n) for n in names], convert, strict=True)
        )
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def _json_text(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def _prep_json(field: Any) -> Any:
    return lambda value: field.get_db_prep_save(value, connection)


def _copy_rows(table: str, columns: str, fields: list[Any], rows: list[Any]) -> None:
    """PostgreSQL: COPY ... FROM STDIN (psycopg 3), many times faster than row-by-row inserts;
    JSON goes as its text, which the server reads into jsonb."""
    names = [f.attname for f in fields]
    # (a tuple of values per row; attrgetter of one name gives the value alone)
    values_of = (
        operator.attrgetter(*names) if len(names) > 1 else lambda row: (getattr(row, names[0]),)
    )
    json_at = [i for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
    # The driver's own cursor, so its errors are wrapped here as Django's (IntegrityError...).
    with connection.cursor() as cursor, connection.wrap_database_errors:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                values = list(values_of(row))
                for i in json_at:
                    values[i] = json.dumps(values[i])
                copy.write_row(values)


def _link_judgements(batch: list[_Prepared]) -> None:
    """Point each paragraph at its judgement's new row (child_rows chose which): one query for
    the batch's judgement keys, by inspection and order (plain SQL: the ORM's building of the
    query cost more than running it, once per file for `ilacs ingest`)."""
    if not any(p.judgements for p in batch):
        return  # no judgement, so no paragraph points at one
    meta, quote = Judgement._meta, connection.ops.quote_name
    columns = ", ".join(
        quote(meta.get_field(name).column) for name in ("inspection", "order", "id")
    )
    ids = [p.inspection.pk for p in batch]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {quote(meta.db_table)} "
            f"WHERE {quote(meta.get_field('inspection').column)} IN "
            f"({', '.join(['%s'] * len(ids))})",
            ids,
        )
        keys = {(inspection_id, order): pk for inspection_id, order, pk in cursor.fetchall()}
    for prepared in batch:
        for paragraph, order in zip(prepared.paragraphs, prepared.judgement_orders, strict=True):
            paragraph.judgement_id = (
                None if order is None else keys[(prepared.inspection.pk, order)]
            )


def _write(batch: list[_Prepared]) -> None:
    """One transaction: the batch's inspections, then all their rows."""
    for prepared in batch:  # new keys each time: a batch that failed is written again
        prepared.inspection.pk = None
    with transaction.atomic():
        Inspection.objects.bulk_create([p.inspection for p in batch])
        write_children(batch)


def write_children(batch: list[_Prepared]) -> None:
    """Insert the judgements, recommendations and paragraphs of inspections just saved (in the
    caller's transaction): one executemany (PostgreSQL: COPY) per table, then one query for the
    judgements' keys. `ilacs ingest` and uploads use it too (services._create)."""
    for prepared in batch:
        for row in (*prepared.judgements, *prepared.recommendations, *prepared.paragraphs):
            row.inspection_id = prepared.inspection.pk
    _insert_rows(Judgement, [j for p in batch for j in p.judgements])
    _link_judgements(batch)
    _insert_rows(Recommendation, [r for p in batch for r in p.recommendations])
    _insert_rows(Paragraph, [x for p in batch for x in p.paragraphs])


def load_records(records: Iterable[dict[str, Any]]) -> LoadSummary:
    """Add every record not already held; see the module's docstring."""
    started = time.perf_counter()
    summary = LoadSummary()
    councils = {la.la_code: la for la in LocalAuthority.objects.filter(la_code__isnull=False)}
    index = local_authority_index()
    held = set(Inspection.objects.values_list("source_key", flat=True))
    batch: list[_Prepared] = []

    def flush() -> None:
        if not batch:
            return
        try:
            _write(batch)
            summary.created += len(batch)
        except (IntegrityError, DataError):
            # Someone else is adding some of them, or one has a value the database refuses:
            # one by one, so that only that report is left out.
            for prepared in batch:
                try:
                    _write([prepared])
                    summary.created += 1
                except (IntegrityError, DataError) as exc:
                    key = prepared.inspection.source_key
                    if Inspection.objects.filter(source_key=key).exists():
                        summary.already_held += 1
                    else:
                        reason = f"the database refused it ({type(exc).__name__}: {exc})"
                        summary.failed.append((prepared.inspection.source_filename, reason))
        batch.clear()

    for record in records:
        summary.records += 1
        source = record.get("source")
        if isinstance(source, dict) and source_key(str(source.get("sha256")), source) in held:
            summary.already_held += 1  # known before any row is made: loading again is quick
            continue
        try:
            prepared = _prepare(record, councils, index)
        except ValueError as exc:
            summary.failed.append((_name(record), str(exc)))
            continue
        key = prepared.inspection.source_key
        if key in held:
            summary.already_held += 1
            continue
        held.add(key)  # the same report twice in the file is added once
        batch.append(prepared)
        if len(batch) >= BATCH_REPORTS:
            flush()
    flush()
    if summary.created:
        refresh_statistics()
    summary.seconds = time.perf_counter() - started
    return summary


def refresh_statistics(filled: Iterable[type[models.Model]] | None = None) -> None:
    """PostgreSQL plans queries from table statistics, which autovacuum refreshes only some
    time after a bulk load: until then a search filtered by topic over the new rows took about
    2 s instead of 50-100 ms (benchmarks/search.py). ANALYZE the tables just filled (all four
    inspection tables unless told which)."""
    if connection.vendor != "postgresql":
        return
    filled = (Inspection, Judgement, Recommendation, Paragraph) if filled is None else filled
    tables = ", ".join(m._meta.db_table for m in filled)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def load_national_dataset(path: str | Path = DATASET_FILE) -> LoadSummary:
    """Load a dataset file (default: the one shipped in the package)."""
    started = time.perf_counter()
    summary = load_records(read_dataset(path))
    summary.seconds = time.perf_counter() - started  # reading and decompressing included
    return summary
