"""The full-text index over findings paragraphs and recommendations, on either database.

PostgreSQL: a stored generated column `search_vector` (to_tsvector('english', text)) on each
source table with a GIN index on it. The database computes it on every insert and update, so
there is nothing to keep in step.

SQLite: an FTS5 table per source table, "external content" (it stores only the index and reads
the text from the source table), kept in step by triggers on insert, update and delete of the
source rows. Triggers, not the ingest code, so that every way rows come and go (ingest, the
national load, an inspection's deletion cascading to its paragraphs, the admin) keeps the index
right. Withdrawing an inspection changes no paragraph: searches leave withdrawn ones out by a
join (services.searchable_inspections).

`ensure_index()` is idempotent; the search app's migration and every `migrate` afterwards call
it (a later migration that rebuilds an inspections table on SQLite drops its triggers).
"""

from __future__ import annotations

from typing import Any

from django.db import connection as default_connection
from django.db.backends.base.base import BaseDatabaseWrapper

# source table -> FTS5 table (SQLite) / GIN index name (PostgreSQL)
SOURCES = {
    "inspections_paragraph": ("search_paragraph_fts", "search_paragraph_text_gin"),
    "inspections_recommendation": ("search_recommendation_fts", "search_recommendation_text_gin"),
}
# SQLite: indexes holding every column the filters read, so that filtering by topic and grade
# reads the index, not the long text of each row.
SQLITE_FILTER_INDEXES = {
    "search_paragraph_filters": (
        'inspections_paragraph (inspection_id, judgement_id, themes, "order")'
    ),
    "search_recommendation_filters": (
        "inspections_recommendation (inspection_id, is_lscb, themes, number)"
    ),
}
# Porter stemming like PostgreSQL's english configuration ("leavers" finds "leaver"); accents
# folded ("café" finds "cafe").
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"
PG_CONFIG = "english"
# PostgreSQL: a generated column holding each row's tsvector (the models do not declare it).
PG_COLUMN = "search_vector"


def ensure_index(connection: BaseDatabaseWrapper | None = None) -> bool:
    """Create whatever part of the index is missing. True when something was (re)built."""
    connection = connection or default_connection
    tables = set(connection.introspection.table_names())
    if not set(SOURCES) <= tables:
        return False  # the inspections tables are not there yet (an early migration)
    if connection.vendor == "sqlite":
        return _ensure_sqlite(connection, tables)
    if connection.vendor == "postgresql":
        return _ensure_postgresql(connection)
    return False


def _triggers(source: str, fts: str) -> dict[str, str]:
    return {
        f"{fts}_ai": (
            f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {source} BEGIN "
            f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
        ),
        f"{fts}_ad": (
            f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {source} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); END"
        ),
        f"{fts}_au": (
            f"CREATE TRIGGER {fts}_au AFTER UPDATE OF text ON {source} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); "
            f"INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
        ),
    }


def _ensure_sqlite(connection: BaseDatabaseWrapper, tables: set[str]) -> bool:
    built = False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
        for source, (fts, _) in SOURCES.items():
            missing = {n: sql for n, sql in _triggers(source, fts).items() if n not in triggers}
            if fts in tables and not missing:
                continue
            if fts not in tables:
                cursor.execute(
                    f"CREATE VIRTUAL TABLE {fts} USING fts5(text, content='{source}', "
                    f"content_rowid='id', tokenize='{SQLITE_TOKENIZER}')"
                )
            for sql in missing.values():
                cursor.execute(sql)
            # Rows may have come or gone while a trigger was missing: read them all again.
            cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
            built = True
        for name, columns in SQLITE_FILTER_INDEXES.items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}")
    return built


def _ensure_postgresql(connection: BaseDatabaseWrapper) -> bool:
    built = False
    with connection.cursor() as cursor:
        # Only what is missing: even CREATE INDEX IF NOT EXISTS fails in a transaction that has
        # changed the table (pending trigger events).
        cursor.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        indexes = {row[0] for row in cursor.fetchall()}
        for source, (_, name) in SOURCES.items():
            columns = {
                c.name for c in connection.introspection.get_table_description(cursor, source)
            }
            if PG_COLUMN not in columns:
                # Stored, so that ranking reads it rather than re-parsing every matching text.
                cursor.execute(
                    f"ALTER TABLE {source} ADD COLUMN {PG_COLUMN} tsvector GENERATED ALWAYS AS "
                    f"(to_tsvector('{PG_CONFIG}'::regconfig, COALESCE(text, ''))) STORED"
                )
                built = True
            if name not in indexes:
                cursor.execute(f"CREATE INDEX {name} ON {source} USING gin ({PG_COLUMN})")
                built = True
            if f"{source}_themes_gin" not in indexes:
                # the improvement topic filter (themes @> '["care_leavers"]')
                cursor.execute(
                    f"CREATE INDEX {source}_themes_gin ON {source} "
                    "USING gin (themes jsonb_path_ops)"
                )
                built = True
    return built


def drop_index(connection: BaseDatabaseWrapper | None = None) -> None:
    """Undo ensure_index (the migration's reverse)."""
    connection = connection or default_connection
    with connection.cursor() as cursor:
        for source, (fts, name) in SOURCES.items():
            if connection.vendor == "sqlite":
                for index_name in SQLITE_FILTER_INDEXES:
                    cursor.execute(f"DROP INDEX IF EXISTS {index_name}")
                for trigger in _triggers(source, fts):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
                cursor.execute(f"DROP TABLE IF EXISTS {fts}")
            elif connection.vendor == "postgresql":
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
                cursor.execute(f"DROP INDEX IF EXISTS {source}_themes_gin")
                cursor.execute(f"ALTER TABLE {source} DROP COLUMN IF EXISTS {PG_COLUMN}")


def rebuild(connection: BaseDatabaseWrapper | None = None) -> None:
    """Read every row again (SQLite; PostgreSQL's index needs nothing)."""
    connection = connection or default_connection
    ensure_index(connection)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            for fts, _ in SOURCES.values():
                cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def ensure_index_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    if getattr(sender, "label", "") != "search":
        return
    from django.db import connections

    ensure_index(connections[using])
