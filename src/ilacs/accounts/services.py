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
