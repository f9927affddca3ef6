"""Load every English local authority from data/local_authorities.json.

Later changes to the file are applied with `ilacs manage load_local_authorities` (idempotent),
which `ilacs demo` also runs.
"""

from django.db import migrations


def load(apps, schema_editor):
    from ilacs.localauthorities.reference import load_reference

    load_reference(
        apps.get_model("localauthorities", "LocalAuthority"),
        apps.get_model("localauthorities", "StatisticalNeighbour"),
    )


class Migration(migrations.Migration):
    dependencies = [("localauthorities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
