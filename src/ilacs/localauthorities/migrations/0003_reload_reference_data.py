"""Reload the reference file: "East Riding" became an alias of East Riding of Yorkshire (its
2023 report prints the short name)."""

from django.db import migrations


def load(apps, schema_editor):
    from ilacs.localauthorities.reference import load_reference

    load_reference(
        apps.get_model("localauthorities", "LocalAuthority"),
        apps.get_model("localauthorities", "StatisticalNeighbour"),
    )


class Migration(migrations.Migration):
    dependencies = [("localauthorities", "0002_load_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
