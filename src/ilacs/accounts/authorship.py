"""People who have written anything in ilacs are never deleted, only deactivated.

Their progress updates, overrides, uploads and every history row name them; deleting the account
would leave "The system posted a progress update". The foreign keys that name an author are
PROTECT; history rows (django-simple-history sets history_user to NULL on delete) are guarded
here, by a pre_delete signal that refuses the delete whatever path it comes from (admin, shell,
a management command).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import ProtectedError


def history_models() -> list[Any]:
    """Every model's history table that records who made each change."""
    return [
        model
        for model in apps.get_models()
        if model.__name__.startswith("Historical")
        and any(f.name == "history_user" for f in model._meta.fields)
    ]


def authored_history(user: Any) -> dict[str, int]:
    """{"historical progress update": 3, ...}: the changes this person made."""
    found = {}
    for model in history_models():
        count = model.objects.filter(history_user=user).count()
        if count:
            found[str(model._meta.verbose_name)] = count
    return found


def refuse_to_delete_authors(sender: Any, instance: Any, **kwargs: Any) -> None:
    """pre_delete of the user model."""
    written = authored_history(instance)
    if written:
        raise ProtectedError(
            f"{instance.get_username()} has made changes in ilacs, which keep their name: "
            "deactivate the account instead of deleting it.",
            set(),
        )
