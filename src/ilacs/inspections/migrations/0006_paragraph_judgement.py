"""Each findings paragraph points at the judgement its section sits under (sections.py), filled
for the paragraphs already held."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from ilacs.inspections.sections import judgement_for_section

    Inspection = apps.get_model("inspections", "Inspection")
    Paragraph = apps.get_model("inspections", "Paragraph")
    for inspection in Inspection.objects.prefetch_related("judgements").iterator(chunk_size=200):
        judgements = sorted(inspection.judgements.all(), key=lambda j: j.order)
        judged = [(j.key, j.printed) for j in judgements]
        sections = Paragraph.objects.filter(inspection=inspection).values_list("section", flat=True)
        for section in set(sections):
            index = judgement_for_section(section, judged)
            if index is not None:
                Paragraph.objects.filter(inspection=inspection, section=section).update(
                    judgement=judgements[index]
                )


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0005_themes"),
    ]

    operations = [
        migrations.AddField(
            model_name="paragraph",
            name="judgement",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="paragraphs",
                to="inspections.judgement",
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
