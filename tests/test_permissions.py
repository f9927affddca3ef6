"""accounts/permissions.py: every role, the boundary between councils, superusers."""

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from ilacs.accounts import permissions
from ilacs.accounts.models import Role
from ilacs.accounts.permissions import Action, role_allows
from ilacs.accounts.services import grant_membership, revoke_membership

# --- the rules themselves: no database --------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.ADMIN, set(Action)),
        (
            Role.EDITOR,
            {
                Action.VIEW,
                Action.EDIT_PLAN,
                Action.UPLOAD_REPORT,
                Action.POST_UPDATE,
                Action.POST_UPDATE_OWN,
                Action.ENTER_VALUES,
                Action.DEFINE_MEASURES,
            },
        ),
        (Role.CONTRIBUTOR, {Action.VIEW, Action.POST_UPDATE_OWN, Action.ENTER_VALUES}),
        (Role.VIEWER, {Action.VIEW}),
        (None, set()),
    ],
)
def test_role_allows(role, allowed):
    assert {a for a in Action if role_allows(role, a)} == allowed


# --- against the database ---------------------------------------------------------------------

EXPECTED = {
    # user: (view, edit plan, upload report, manage members) in Northbrook
    "alice_admin": (True, True, True, True),
    "erin_editor": (True, True, True, False),
    "cara_contributor": (True, False, False, False),
    "vic_viewer": (True, False, False, False),
    "olly_other_la": (False, False, False, False),
    "nora_nobody": (False, False, False, False),
    "sam_superuser": (True, True, True, True),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_person_in_northbrook(cast, name):
    user, la = cast.user(name), cast.northbrook
    got = (
        permissions.can_view(user, la),
        permissions.can_edit_plan(user, la),
        permissions.can_upload_report(user, la),
        permissions.can_manage_members(user, la),
    )
    assert got == EXPECTED[name]


def test_members_of_one_council_see_nothing_of_another(cast):
    for name in ("alice_admin", "erin_editor", "cara_contributor", "vic_viewer"):
        user = cast.user(name)
        assert not permissions.can_view(user, cast.southmere)
        assert list(permissions.visible_local_authorities(user)) == [cast.northbrook]
    assert list(permissions.visible_local_authorities(cast.olly_other_la)) == [cast.southmere]
    assert permissions.can_upload_report(cast.olly_other_la, cast.southmere)


def test_superuser_sees_every_council(cast):
    assert permissions.visible_local_authorities(cast.sam_superuser).count() > 150
    assert permissions.role_for(cast.sam_superuser, cast.southmere) == Role.ADMIN


def test_anonymous_and_inactive_users_have_no_role(cast):
    assert permissions.role_for(AnonymousUser(), cast.northbrook) is None
    assert not permissions.visible_local_authorities(AnonymousUser()).exists()
    cast.erin_editor.is_active = False
    assert not permissions.can_view(cast.erin_editor, cast.northbrook)


def test_check_hides_other_councils_and_forbids_within_ones_own(cast):
    with pytest.raises(Http404):
        permissions.check(cast.olly_other_la, cast.northbrook, Action.VIEW)
    with pytest.raises(Http404):  # not 403: the council's existence must not leak
        permissions.check(cast.olly_other_la, cast.northbrook, Action.UPLOAD_REPORT)
    with pytest.raises(PermissionDenied):
        permissions.check(cast.vic_viewer, cast.northbrook, Action.UPLOAD_REPORT)
    permissions.check(cast.erin_editor, cast.northbrook, Action.UPLOAD_REPORT)


def test_local_authority_for_unknown_slug_is_404(cast):
    with pytest.raises(Http404):
        permissions.local_authority_for(cast.sam_superuser, "atlantis")


@dataclass
class _Action:
    """Stands in for an improvement plan action (a later phase)."""

    local_authority: Any
    lead: Any

    def is_led_by(self, user: Any) -> bool:
        return user == self.lead


def test_post_update_on_led_items(cast):
    led_by_cara = _Action(cast.northbrook, cast.cara_contributor)
    led_by_erin = _Action(cast.northbrook, cast.erin_editor)
    assert permissions.can_post_update(cast.cara_contributor, led_by_cara)
    assert not permissions.can_post_update(cast.cara_contributor, led_by_erin)
    assert permissions.can_post_update(cast.erin_editor, led_by_cara)
    assert permissions.can_post_update(cast.alice_admin, led_by_cara)
    assert not permissions.can_post_update(cast.vic_viewer, led_by_cara)
    southmere_action = _Action(cast.southmere, cast.cara_contributor)
    assert not permissions.can_post_update(cast.cara_contributor, southmere_action)


def test_changing_a_membership_takes_effect_at_once(cast):
    user = cast.vic_viewer
    assert not permissions.can_upload_report(user, cast.northbrook)
    grant_membership(user, cast.northbrook, Role.EDITOR)
    assert permissions.can_upload_report(user, cast.northbrook)
    revoke_membership(user, cast.northbrook)
    assert not permissions.can_view(user, cast.northbrook)


def test_membership_changes_keep_history(cast):
    grant_membership(cast.vic_viewer, cast.northbrook, Role.EDITOR)
    membership = cast.vic_viewer.memberships.get()
    assert [h.role for h in membership.history.order_by("history_date")] == ["viewer", "editor"]


def test_add_member_command(cast):
    from io import StringIO

    from django.core.management import CommandError, call_command

    out = StringIO()
    call_command("add_member", "nora_nobody", "northbrook", "viewer", stdout=out)
    assert "nora_nobody is now Viewer of Northbrook" in out.getvalue()
    assert permissions.can_view(cast.nora_nobody, cast.northbrook)
    call_command("add_member", "newcomer", "855", "editor", "--create", stdout=out)
    assert "Created newcomer with password" in out.getvalue()
    assert "newcomer is now Editor of Leicestershire" in out.getvalue()
    with pytest.raises(CommandError, match="No local authority"):
        call_command("add_member", "nora_nobody", "Atlantis", "viewer")
    with pytest.raises(CommandError, match="use --create"):
        call_command("add_member", "ghost", "northbrook", "viewer")
