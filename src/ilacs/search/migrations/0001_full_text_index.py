"""The full-text index (search/index.py): FTS5 tables and triggers on SQLite, GIN expression
indexes on PostgreSQL. Runs only the part for the database in use."""

from django.db import migrations


def create(apps, schema_editor):
    from ilacs.search.index import ensure_index

    ensure_index(schema_editor.connection)


def drop(apps, schema_editor):
    from ilacs.search.index import drop_index

    drop_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("inspections", "0006_paragraph_judgement")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
