"""`ilacs demo`'s data: Northbrook, its inspection read by the real extractor, one user per role."""

import io
import json

from ilacs.accounts import permissions
from ilacs.accounts.models import Membership, Role
from ilacs.demo.load import load_demo, passwords_file
from ilacs.demo.run import run_demo
from ilacs.inspections.models import Inspection
from ilacs.localauthorities.models import LocalAuthority


def test_demo_data(db):
    context = load_demo()
    northbrook = context.local_authority
    assert northbrook.is_fictional
    inspection = context.inspection
    assert inspection.local_authority == northbrook
    assert inspection.overall_effectiveness == "requires_improvement"
    assert inspection.recommendations.count() == 4
    assert inspection.paragraphs.count() == 15
    roles = {u.username: u.role for u in context.users}
    assert roles == {
        "admin": Role.ADMIN,
        "editor": Role.EDITOR,
        "contributor": Role.CONTRIBUTOR,
        "viewer": Role.VIEWER,
    }
    viewer = context.user(Role.VIEWER)
    assert permissions.can_view(viewer, northbrook)
    assert not permissions.can_upload_report(viewer, northbrook)
    for demo_user in context.users:
        assert demo_user.user.check_password(demo_user.password)


def test_demo_passwords_are_generated_once_and_kept_private(db):
    first = load_demo()
    stored = json.loads(passwords_file().read_text())
    assert oct(passwords_file().stat().st_mode & 0o777) == "0o600"
    second = load_demo()
    assert [u.password for u in second.users] == [u.password for u in first.users]
    assert stored == {u.username: u.password for u in first.users}
    assert len(set(stored.values())) == 4


def test_demo_twice_reuses_the_data(db):
    load_demo()
    load_demo()
    assert LocalAuthority.objects.filter(is_fictional=True).count() == 1
    assert Inspection.objects.count() == 1
    assert Membership.objects.count() == 4


def test_run_demo_prints_where_to_log_in(db, monkeypatch):
    from ilacs.demo import run

    commands = []
    monkeypatch.setattr(run, "call_command", lambda *a, **k: commands.append(a))
    out = io.StringIO()
    assert run_demo(port=8000, out=out) == 0
    text = out.getvalue()
    assert "Loading the national dataset of published Ofsted reports" in text
    assert Inspection.objects.filter(source=Inspection.NATIONAL_DATASET).count() > 480
    assert "Log in at http://127.0.0.1:8000/ as editor with password " in text
    assert text.count("Log in at http://127.0.0.1:8000/ as ") == 4
    assert [c[0] for c in commands] == ["migrate", "collectstatic", "runserver"]
    assert commands[-1][1] == "127.0.0.1:8000"


def test_the_demo_never_takes_over_a_real_user(db):
    import pytest
    from django.contrib.auth import get_user_model

    from ilacs.demo.load import DemoError

    real = get_user_model().objects.create_user("admin", password="their own password")
    with pytest.raises(DemoError, match="not demo users"):
        load_demo()
    real.refresh_from_db()
    assert real.check_password("their own password")
    assert not real.is_superuser
    assert not Membership.objects.filter(user=real).exists()
