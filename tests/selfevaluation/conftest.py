"""Northbrook's plan (tests/plans/conftest.py) and measures (tests/measures/conftest.py), and
its self-evaluations.

this_year  2026's self-evaluation, its "what do you know" section saved twice (Erin, then Alice)
last_year  2025's, with every section written
"""

from __future__ import annotations

import datetime as dt

import pytest

from ilacs.selfevaluation import services
from tests.measures.conftest import cast_tx, cp_audit, seen_in_time  # noqa: F401 - fixtures
from tests.plans.conftest import (  # noqa: F401 - fixtures
    caras_action,
    inspection,
    officers_action,
    plan,
    theme,
)


def write(se, kind, text, user):
    section = se.sections.get(kind=kind)
    return services.save_section(section, user=user, text=text, loaded_version=section.version)


@pytest.fixture
def last_year(cast, plan):  # noqa: F811
    se = services.start(
        cast.northbrook, user=cast.erin_editor, year=2025, as_at=dt.date(2025, 1, 20)
    )
    for kind in ("summary", "know", "how", "plans"):
        write(se, kind, f"2025 {kind}: practice was inconsistent.", cast.erin_editor)
    return se


@pytest.fixture
def this_year(cast, plan):  # noqa: F811
    se = services.start(
        cast.northbrook, user=cast.erin_editor, year=2026, as_at=dt.date(2026, 1, 19)
    )
    write(se, "know", "Practice is improving: first draft.", cast.erin_editor)
    write(se, "know", "Practice is improving in most teams.", cast.alice_admin)
    return se
