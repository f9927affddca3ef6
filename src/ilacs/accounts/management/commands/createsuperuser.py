"""`ilacs manage createsuperuser`, with the password rules always applied.

Django's own command checks AUTH_PASSWORD_VALIDATORS only when it asks for the password, and
even then offers to bypass them; with --noinput it takes DJANGO_SUPERUSER_PASSWORD unchecked. A
service administrator can read every council's data, so here the rules hold on every path.
"""

from __future__ import annotations

import os
from typing import Any

from django.contrib.auth.management.commands import createsuperuser as django_command
from django.core.management.base import CommandError

from ilacs.accounts.services import password_problems


class Command(django_command.Command):
    help = (
        "Create a service administrator (Django superuser). The password must pass the "
        "password rules (at least 12 characters, not common, not all numbers, not like the "
        "username), also with --noinput and DJANGO_SUPERUSER_PASSWORD."
    )

    def handle(self, *args: Any, **options: Any) -> Any:
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        if not options["interactive"] and password is not None:
            fields = {
                name: options.get(name) or os.environ.get(f"DJANGO_SUPERUSER_{name.upper()}")
                for name in (self.UserModel.USERNAME_FIELD, *self.UserModel.REQUIRED_FIELDS)
            }
            problems = password_problems(password, self.UserModel(**fields))
            if problems:
                raise CommandError(
                    "DJANGO_SUPERUSER_PASSWORD is not allowed: " + " ".join(problems)
                )
        # Asked for interactively, Django offers "Bypass password validation and create user
        # anyway? [y/N]": the answer here is always no, so the person is asked again.
        django_command.input = _no_bypass  # type: ignore[attr-defined]
        try:
            return super().handle(*args, **options)
        finally:
            del django_command.input  # type: ignore[attr-defined]


def _no_bypass(prompt: str = "") -> str:
    if prompt.startswith("Bypass password validation"):
        return "n"
    return input(prompt)
