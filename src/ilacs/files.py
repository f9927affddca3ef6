"""Stored files follow the rows that own them: deleting a row that has a FileField removes its
file once the transaction commits, and not at all if it rolls back (issue 7, item 16).

Connected for every model (no sender), so any model that owns files gets it. Files are
content-addressed (the same report is stored once, whatever it was called), so a file is only
removed when no row of the model still names it.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import models, transaction


def remove_files_after_commit(sender: Any, instance: Any, using: str, **kwargs: Any) -> None:
    """post_delete of any model."""
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.FileField):
            continue
        name = getattr(instance, field.attname).name
        if name:
            transaction.on_commit(
                partial(_remove_if_unused, sender, field, name, using), using=using
            )


def _remove_if_unused(model: Any, field: models.FileField, name: str, using: str) -> None:
    if model._default_manager.using(using).filter(**{field.name: name}).exists():
        return  # another row holds the same file (a committee paper with several reports)
    field.storage.delete(name)
