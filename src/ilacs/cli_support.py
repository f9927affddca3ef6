"""What the commands that use the database share: the "is it set up?" check and finding the
user named by --user. Import only once Django is set up."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from ilacs.db_state import pending_migrations


class CommandError(Exception):
    """A command cannot go on: the message is printed and the command exits with `status`
    (1 refused, 2 not found or not set up)."""

    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


def require_migrated() -> None:
    """Refuse to run against a database whose migrations are not all applied."""
    pending = pending_migrations()
    if pending:
        raise CommandError(
            f"The database is not set up ({len(pending)} migrations to apply): run "
            "`ilacs manage migrate` first.",
            2,
        )


def find_user(username: str | None) -> Any:
    """The user called `username`; None when no name is given."""
    if not username:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"There is no user called {username!r}.", 2)
    return user
