from django.core.management.base import BaseCommand

from ilacs.localauthorities.services import load_local_authorities


class Command(BaseCommand):
    help = "Create or update every English local authority from the committed reference file."

    def handle(self, *args, **options):
        created, updated = load_local_authorities()
        self.stdout.write(f"Local authorities: {created} created, {updated} updated")
