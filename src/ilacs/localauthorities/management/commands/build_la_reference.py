from django.core.management.base import BaseCommand, CommandError

from ilacs.localauthorities.reference import DATA_FILE, build_reference, write_reference


class Command(BaseCommand):
    help = (
        "Rebuild the committed local authority reference file from a lookup CSV "
        "(la_lookup.csv columns). Run by a maintainer when the facts change."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", help="lookup CSV, e.g. ../shared/corpus/la_lookup.csv")
        parser.add_argument("--output", default=str(DATA_FILE))

    def handle(self, *args, **options):
        from pathlib import Path

        try:
            records = build_reference(options["csv"])
        except (OSError, KeyError, ValueError) as exc:
            raise CommandError(f"cannot build the reference data: {exc}") from exc
        write_reference(records, Path(options["output"]))
        current = sum(r["is_current"] for r in records)
        self.stdout.write(
            f"{len(records)} local authorities ({current} current) written to {options['output']}"
        )
