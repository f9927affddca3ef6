"""Writes for accounts: users and their roles in local authorities."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from ilacs.accounts.models import Membership, Role
from ilacs.accounts.permissions import forget_roles
from ilacs.localauthorities.models import LocalAuthority


def grant_membership(
    user: AbstractUser, local_authority: LocalAuthority, role: Role | str
) -> Membership:
    """Give the user this role in the authority (replacing any role they had there)."""
    role = Role(role)
    with transaction.atomic():
        # locked: two changes of one person's role at once take turns (get_or_create itself
        # turns the unique constraint's error into a look-up when both create)
        membership, created = Membership.objects.select_for_update().get_or_create(
            user=user, local_authority=local_authority, defaults={"role": role}
        )
        if not created and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
    forget_roles(user)
    return membership


def revoke_membership(user: AbstractUser, local_authority: LocalAuthority) -> bool:
    """Remove the user from the authority. True when they were a member."""
    deleted = False
    with transaction.atomic():
        for membership in Membership.objects.select_for_update().filter(
            user=user, local_authority=local_authority
        ):
            membership.delete()  # one by one, so history records each removal
            deleted = True
    forget_roles(user)
    return deleted


def password_problems(password: str, user: AbstractUser | None = None) -> list[str]:
    """What is wrong with a password under the settings' password rules (empty when none)."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return list(exc.messages)
    return []


def ensure_user(username: str, password: str, **fields: object) -> AbstractUser:
    """Create the user, or update an existing one's password and fields. The password must pass
    the password rules (ValueError naming the problem otherwise)."""
    User = get_user_model()
    problems = password_problems(password, User(username=username, **fields))
    if problems:
        raise ValueError(f"The password for {username} is not allowed: {' '.join(problems)}")
    user, _ = User.objects.get_or_create(username=username, defaults=fields)
    for key, value in fields.items():
        setattr(user, key, value)
    user.set_password(password)
    user.save()
    return user


# --- A council's members, managed by its admins ---------------------------------------------------


class MembershipRefused(Exception):
    """A change to a council's members that would break a rule; the message says which."""


def _lock_council(local_authority: LocalAuthority) -> LocalAuthority:
    """Lock the council's row: every change to its members takes this lock first, so "at least
    one admin remains" is checked and written as one step (SQLite: IMMEDIATE transactions)."""
    return LocalAuthority.objects.select_for_update().get(pk=local_authority.pk)


def _check_an_admin_remains(local_authority: LocalAuthority, leaving: Membership) -> None:
    others = (
        Membership.objects.filter(
            local_authority=local_authority, role=Role.ADMIN, user__is_active=True
        )
        .exclude(pk=leaving.pk)
        .exists()
    )
    if not others:
        raise MembershipRefused(
            f"{_name(leaving.user)} is {local_authority.name}'s only admin. Make someone else an "
            "admin first: a council must always have at least one."
        )


def _name(user: AbstractUser) -> str:
    return user.get_full_name() or user.get_username()


def find_or_create_person(email: str, first_name: str, last_name: str) -> tuple[AbstractUser, bool]:
    """The person with this e-mail address, or a new account for them (username: the address,
    no password until they set one from the invitation). Returns (user, created)."""
    User = get_user_model()
    email = User.objects.normalize_email(email.strip())
    matches = list(User.objects.filter(email__iexact=email)[:2])
    if len(matches) > 1:
        raise MembershipRefused(
            f"More than one account uses {email}. Ask your ilacs service administrator to add "
            "this person."
        )
    if matches:
        user = matches[0]
        if not user.is_active:
            raise MembershipRefused(
                f"The account for {email} is switched off. Ask your ilacs service administrator "
                "to switch it back on."
            )
        return user, False
    username = email.lower()
    if User.objects.filter(username__iexact=username).exists():
        raise MembershipRefused(
            f"An account is already called {username}. Ask your ilacs service administrator to "
            "add this person."
        )
    user = User(username=username, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.save()
    return user, True


def add_member(
    local_authority: LocalAuthority,
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: Role | str,
    by: AbstractUser,
) -> tuple[Membership, bool]:
    """Add a person to the council with this role, creating their account when they have none.
    Returns (membership, account created). Refused if they are already a member."""
    role = Role(role)
    with transaction.atomic():
        la = _lock_council(local_authority)
        user, created = find_or_create_person(email, first_name, last_name)
        if Membership.objects.filter(user=user, local_authority=la).exists():
            raise MembershipRefused(f"{_name(user)} is already a member of {la.name}.")
        membership = Membership(user=user, local_authority=la, role=role)
        membership._history_user = by  # type: ignore[attr-defined]
        membership.save()
    forget_roles(user)
    return membership, created


def change_role(membership: Membership, role: Role | str, *, by: AbstractUser) -> Membership:
    """Give a member another role; refused if it would leave the council with no admin."""
    role = Role(role)
    with transaction.atomic():
        _lock_council(membership.local_authority)
        current = Membership.objects.select_related("user", "local_authority").get(pk=membership.pk)
        if current.role == Role.ADMIN and role != Role.ADMIN:
            _check_an_admin_remains(current.local_authority, current)
        if current.role != role:
            current.role = role
            current._history_user = by  # type: ignore[attr-defined]
            current.save(update_fields=["role"])
    forget_roles(current.user)
    return current


def remove_member(membership: Membership, *, by: AbstractUser) -> bool:
    """Take a person out of the council; refused if they are its last admin. A person left in no
    council (and not a service administrator) has their account switched off, never deleted, so
    their name stays on what they wrote. Returns True when the account was switched off."""
    with transaction.atomic():
        _lock_council(membership.local_authority)
        try:
            current = Membership.objects.select_related("user", "local_authority").get(
                pk=membership.pk
            )
        except Membership.DoesNotExist:
            raise MembershipRefused("This person has already been removed.") from None
        if current.role == Role.ADMIN:
            _check_an_admin_remains(current.local_authority, current)
        user = current.user
        current._history_user = by  # type: ignore[attr-defined]
        current.delete()
        switched_off = False
        if (
            not user.is_superuser
            and user.is_active
            and not Membership.objects.filter(user=user).exists()
        ):
            user.is_active = False
            user.save(update_fields=["is_active"])
            switched_off = True
    forget_roles(user)
    return switched_off
