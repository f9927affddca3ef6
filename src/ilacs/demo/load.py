"""Demonstration data for `ilacs demo`. Idempotent: a second run reuses what the first made.

Northbrook is fictional: the project wrote its report (ilacs/extraction/data/sample_report.txt)
and it describes no real council. Real councils come from the reference data.

To add more demonstration data (the improvement plan, measures, board papers...), extend
`load_demo_improvement_plan()` below, or add a function like it and call it from `load_demo()`.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from ilacs.accounts.models import ROLE_DESCRIPTIONS, Role
from ilacs.accounts.services import ensure_user, grant_membership
from ilacs.extraction.sample import sample_report_path
from ilacs.inspections.models import Inspection
from ilacs.inspections.services import ingest_path
from ilacs.localauthorities.models import LocalAuthority
from ilacs.localauthorities.services import (
    create_fictional_local_authority,
    load_local_authorities,
)

DEMO_LA_NAME = "Northbrook"
DEMO_LA_SLUG = "northbrook"

# One user per role. The admin is also a service administrator (Django superuser), so that the
# demonstration can show /admin/, where users and memberships are managed.
DEMO_USERS: list[dict[str, Any]] = [
    {"username": "admin", "first_name": "Alex", "last_name": "Admin", "role": Role.ADMIN},
    {"username": "editor", "first_name": "Erin", "last_name": "Editor", "role": Role.EDITOR},
    {
        "username": "contributor",
        "first_name": "Cara",
        "last_name": "Contributor",
        "role": Role.CONTRIBUTOR,
    },
    {"username": "viewer", "first_name": "Vic", "last_name": "Viewer", "role": Role.VIEWER},
]


# Letters and digits only, easy to copy from a terminal (no look-alikes: 0/O, 1/l/I).
_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class DemoError(RuntimeError):
    pass


@dataclass
class DemoUser:
    username: str
    password: str
    role: Role
    user: Any

    @property
    def description(self) -> str:
        """ "editor: can upload inspection reports and edit the improvement plan"."""
        text = ROLE_DESCRIPTIONS[self.role].rstrip(".")
        text = f"{self.role.label.lower()}: {text[0].lower()}{text[1:]}"
        if self.role == Role.ADMIN:
            text += "; also a service administrator, who sees every council and /admin/"
        return text


@dataclass
class DemoContext:
    """What the demonstration holds; passed to every loader so that later ones build on it."""

    local_authority: LocalAuthority
    inspection: Inspection
    users: list[DemoUser] = field(default_factory=list)

    def user(self, role: Role) -> Any:
        return next(u.user for u in self.users if u.role == role)


def passwords_file() -> Path:
    return Path(settings.DATA_DIR) / "demo-passwords.json"


def demo_passwords() -> dict[str, str]:
    """One random password per demo user, made on first use and kept (mode 600) in the data
    folder, never in the repository."""
    path = passwords_file()
    try:
        stored = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        stored = {}
    changed = False
    for spec in DEMO_USERS:
        if not stored.get(spec["username"]):
            stored[spec["username"]] = "".join(secrets.choice(_ALPHABET) for _ in range(16))
            changed = True
    if changed:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(stored, indent=1) + "\n")
        path.chmod(0o600)
    return stored


def load_demo() -> DemoContext:
    """Reference data, Northbrook, its inspection (read by the real extractor) and the users."""
    load_local_authorities()
    with transaction.atomic():
        northbrook = create_fictional_local_authority(DEMO_LA_NAME, DEMO_LA_SLUG)
    result = ingest_path(sample_report_path())
    if not result.ok:
        raise DemoError(f"the sample report could not be added: {result.summary()}")
    context = DemoContext(local_authority=northbrook, inspection=result.inspections[0])
    passwords = demo_passwords()
    for spec in DEMO_USERS:
        is_admin = spec["role"] == Role.ADMIN
        user = ensure_user(
            spec["username"],
            passwords[spec["username"]],
            first_name=spec["first_name"],
            last_name=spec["last_name"],
            is_staff=is_admin,
            is_superuser=is_admin,
        )
        grant_membership(user, northbrook, spec["role"])
        context.users.append(
            DemoUser(spec["username"], passwords[spec["username"]], spec["role"], user)
        )
    load_demo_improvement_plan(context)
    return context


def load_demo_improvement_plan(context: DemoContext) -> None:
    """Extension point: Northbrook's improvement plan, for the improvement plan screens.

    Build it from `context.inspection.recommendations` and the demo users (`context.user(Role.
    CONTRIBUTOR)` leads actions). Must be idempotent (get_or_create), like the rest of the demo.
    Phase 1 has no plan models yet, so there is nothing to load.
    """
