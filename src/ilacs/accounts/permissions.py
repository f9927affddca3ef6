"""Who may do what: the one place that answers it.

Roles are held per local authority (`Membership`). A Django superuser is a service administrator
and counts as an admin of every authority. Everything else is denied: anonymous and inactive
users, and members of other authorities.

Published Ofsted reports and the data drawn from them are public information: every signed-in
user may see every council's published inspections and the national pages
(`can_see_published`, `public_local_authority`). What "published" means is defined once, on the
inspection model (`Inspection.is_public`); this module knows nothing of inspections. A council's
plans, evidence, unpublished uploads, members and audit log stay with its members.

Views of members-only data use `local_authority_for()` / `check()`: a user who may not even view
an authority's members-only data gets a 404 (so the data does not leak); a member whose role does
not allow the action gets a 403.

Later screens (improvement plans) ask `can_post_update(user, item)` with any object that has a
`local_authority` and an `is_led_by(user)` method, e.g. an action with its key lead.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from django.core.exceptions import PermissionDenied
from django.http import Http404

from ilacs.accounts.models import Membership, Role
from ilacs.localauthorities.models import LocalAuthority

if TYPE_CHECKING:
    from django.db.models import QuerySet


class Action(StrEnum):
    VIEW = "view"
    EDIT_PLAN = "edit_plan"
    UPLOAD_REPORT = "upload_report"
    POST_UPDATE = "post_update"  # on any action of the plan
    POST_UPDATE_OWN = "post_update_own"  # on actions the user leads
    MANAGE_MEMBERS = "manage_members"
    ENTER_VALUES = "enter_values"  # measures' values and case-audit results
    DEFINE_MEASURES = "define_measures"  # measures, scorecards, audit streams


_ALL = frozenset(Action)
ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: _ALL,
    Role.EDITOR: frozenset(
        {
            Action.VIEW,
            Action.EDIT_PLAN,
            Action.UPLOAD_REPORT,
            Action.POST_UPDATE,
            Action.POST_UPDATE_OWN,
            Action.ENTER_VALUES,
            Action.DEFINE_MEASURES,
        }
    ),
    Role.CONTRIBUTOR: frozenset({Action.VIEW, Action.POST_UPDATE_OWN, Action.ENTER_VALUES}),
    Role.VIEWER: frozenset({Action.VIEW}),
}


def role_allows(role: Role | str | None, action: Action | str) -> bool:
    """Pure rule: may this role do this action? (No role: nothing.)"""
    if role is None:
        return False
    return Action(action) in ROLE_ACTIONS[Role(role)]


class LedItem(Protocol):
    """Anything a contributor can lead: an action in an improvement plan, for instance."""

    local_authority: LocalAuthority

    def is_led_by(self, user: Any) -> bool: ...


def _roles(user: Any) -> dict[int, Role]:
    """The user's role in each authority, read once per user object (i.e. once per request)."""
    cached = getattr(user, "_ilacs_roles", None)
    if cached is None:
        cached = {
            la_id: Role(role)
            for la_id, role in Membership.objects.filter(user=user).values_list(
                "local_authority_id", "role"
            )
        }
        user._ilacs_roles = cached
    return cached


def forget_roles(user: Any) -> None:
    """Drop the cached roles after a membership changes."""
    if hasattr(user, "_ilacs_roles"):
        del user._ilacs_roles


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def role_for(user: Any, local_authority: LocalAuthority) -> Role | None:
    """The user's role in this authority (superusers: admin), or None."""
    if not _signed_in(user):
        return None
    if user.is_superuser:
        return Role.ADMIN
    return _roles(user).get(local_authority.pk)


def is_member(user: Any, local_authority: LocalAuthority) -> bool:
    """A member of the authority in their own right (a superuser is not, unless they joined)."""
    return _signed_in(user) and local_authority.pk in _roles(user)


def has_permission(user: Any, local_authority: LocalAuthority, action: Action | str) -> bool:
    return role_allows(role_for(user, local_authority), action)


def can_view(user: Any, local_authority: LocalAuthority) -> bool:
    return has_permission(user, local_authority, Action.VIEW)


def can_edit_plan(user: Any, local_authority: LocalAuthority) -> bool:
    return has_permission(user, local_authority, Action.EDIT_PLAN)


def can_upload_report(user: Any, local_authority: LocalAuthority) -> bool:
    return has_permission(user, local_authority, Action.UPLOAD_REPORT)


def can_manage_members(user: Any, local_authority: LocalAuthority) -> bool:
    return has_permission(user, local_authority, Action.MANAGE_MEMBERS)


def can_enter_values(user: Any, local_authority: LocalAuthority) -> bool:
    """Measures' values and case-audit results: contributors, editors and admins."""
    return has_permission(user, local_authority, Action.ENTER_VALUES)


def can_define_measures(user: Any, local_authority: LocalAuthority) -> bool:
    """Measures, their targets, scorecards and audit streams: editors and admins."""
    return has_permission(user, local_authority, Action.DEFINE_MEASURES)


def can_post_update(user: Any, item: LedItem) -> bool:
    """Editors and admins on anything in their authority; contributors on what they lead."""
    role = role_for(user, item.local_authority)
    if role_allows(role, Action.POST_UPDATE):
        return True
    return role_allows(role, Action.POST_UPDATE_OWN) and item.is_led_by(user)


def check_post_update(user: Any, item: LedItem) -> None:
    """Raise Http404 when the user may not view the item's authority, PermissionDenied when they
    may not post progress updates on it."""
    check(user, item.local_authority, Action.VIEW)
    if not can_post_update(user, item):
        raise PermissionDenied


def visible_local_authorities(user: Any) -> QuerySet[LocalAuthority]:
    """Every authority the user may view: all for superusers, their memberships otherwise."""
    if not _signed_in(user):
        return LocalAuthority.objects.none()
    if user.is_superuser:
        return LocalAuthority.objects.all()
    return LocalAuthority.objects.filter(pk__in=list(_roles(user)))


def can_see_published(user: Any) -> bool:
    """Published inspection data and the national pages: everyone signed in."""
    return _signed_in(user)


def public_local_authority(user: Any, slug: str) -> LocalAuthority:
    """The authority with this slug for its public record (published inspections): any
    signed-in user; 404 for an unknown slug or nobody signed in."""
    if not can_see_published(user):
        raise Http404("No such local authority")
    try:
        return LocalAuthority.objects.get(slug=slug)
    except LocalAuthority.DoesNotExist:
        raise Http404("No such local authority") from None


def check(user: Any, local_authority: LocalAuthority, action: Action | str = Action.VIEW) -> None:
    """Raise Http404 when the user may not view the authority, PermissionDenied when their
    role does not allow the action."""
    role = role_for(user, local_authority)
    if not role_allows(role, Action.VIEW):
        raise Http404("No such local authority")
    if not role_allows(role, action):
        raise PermissionDenied


def local_authority_for(user: Any, slug: str, action: Action | str = Action.VIEW) -> LocalAuthority:
    """The authority with this slug if the user may do `action` there; 404 / 403 otherwise."""
    try:
        la = LocalAuthority.objects.get(slug=slug)
    except LocalAuthority.DoesNotExist:
        raise Http404("No such local authority") from None
    check(user, la, action)
    return la
