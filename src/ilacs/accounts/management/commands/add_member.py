import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from ilacs.accounts.models import Role
from ilacs.accounts.services import ensure_user, grant_membership
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.services import match_local_authority


class Command(BaseCommand):
    help = (
        "Give a user a role in a local authority (the command-line path to what /admin/ does). "
        "The authority may be given by its page name (slug), DfE LA code or name."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("local_authority", help='e.g. leicestershire, 855 or "Leicestershire"')
        parser.add_argument("role", choices=[r.value for r in Role])
        parser.add_argument(
            "--create",
            action="store_true",
            help="create the user if missing, with a random password printed once",
        )

    def handle(self, *args, **options):
        key = options["local_authority"]
        la = (
            LocalAuthority.objects.filter(slug=key).first()
            or LocalAuthority.objects.filter(la_code=key).first()
            or match_local_authority(key)
        )
        if la is None:
            raise CommandError(f"No local authority called {key!r}")
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            if not options["create"]:
                raise CommandError(f"No user {options['username']!r} (use --create to make one)")
            password = secrets.token_urlsafe(12)
            user = ensure_user(options["username"], password)
            self.stdout.write(f"Created {user.username} with password {password}")
        membership = grant_membership(user, la, options["role"])
        self.stdout.write(f"{user.username} is now {membership.get_role_display()} of {la.name}")
