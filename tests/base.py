"""The named people every permission test talks about (healthchecks-style).

Northbrook (a made-up council) has one member per role; Southmere is another council with its
own editor. `cast` (a pytest fixture in conftest.py) builds them.

    alice_admin       admin of Northbrook
    erin_editor       editor of Northbrook
    cara_contributor  contributor in Northbrook
    vic_viewer        viewer of Northbrook (a councillor)
    olly_other_la     editor of Southmere, nothing in Northbrook
    nora_nobody       signed in, member of nothing
    sam_superuser     service administrator (Django superuser), member of nothing
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ilacs.accounts.models import Role
from ilacs.accounts.services import grant_membership
from ilacs.localauthorities.models import LocalAuthority
from tests.factories import LocalAuthorityFactory, UserFactory

MEMBERS = ("alice_admin", "erin_editor", "cara_contributor", "vic_viewer")
EVERYONE = (*MEMBERS, "olly_other_la", "nora_nobody", "sam_superuser")


@dataclass
class Cast:
    northbrook: LocalAuthority
    southmere: LocalAuthority
    alice_admin: Any
    erin_editor: Any
    cara_contributor: Any
    vic_viewer: Any
    olly_other_la: Any
    nora_nobody: Any
    sam_superuser: Any

    def user(self, name: str | None) -> Any:
        return None if name is None else getattr(self, name)


def make_cast() -> Cast:
    northbrook = LocalAuthorityFactory(name="Northbrook", slug="northbrook")
    southmere = LocalAuthorityFactory(name="Southmere", slug="southmere")
    users = {name: UserFactory(username=name) for name in EVERYONE}
    users["sam_superuser"].is_superuser = True
    users["sam_superuser"].is_staff = True
    users["sam_superuser"].save()
    for name, role in zip(
        MEMBERS, (Role.ADMIN, Role.EDITOR, Role.CONTRIBUTOR, Role.VIEWER), strict=True
    ):
        grant_membership(users[name], northbrook, role)
    grant_membership(users["olly_other_la"], southmere, Role.EDITOR)
    return Cast(northbrook=northbrook, southmere=southmere, **users)
