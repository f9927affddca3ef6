"""Writes and look-ups for local authority reference data."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ilacs.localauthorities.matching import LocalAuthorityIndex
from ilacs.localauthorities.models import LocalAuthority, StatisticalNeighbour
from ilacs.localauthorities.reference import load_reference


def load_local_authorities() -> tuple[int, int]:
    """Create or update every English council from the committed reference file.

    Returns (created, updated). Idempotent; the fictional demonstration council is untouched.
    """
    with transaction.atomic():
        return load_reference(LocalAuthority, StatisticalNeighbour)


def local_authority_index() -> LocalAuthorityIndex[LocalAuthority]:
    """Every council (current, abolished and fictional) by each of its names."""
    return LocalAuthorityIndex(
        ([la.name, la.ons_name, *la.also_known_as], la) for la in LocalAuthority.objects.all()
    )


def match_local_authority(printed: str | None) -> LocalAuthority | None:
    """The council a report's printed name refers to ("Bristol", "Telford & Wrekin",
    "Kingston upon Hull, City of", "Durham County Council"...), or None."""
    return local_authority_index().match(printed)


def create_fictional_local_authority(name: str, slug: str, **fields: object) -> LocalAuthority:
    """Create (or return) a fictional council for demonstrations; never touches a real one."""
    existing = LocalAuthority.objects.filter(slug=slug).first()
    if existing is not None:
        if not existing.is_fictional:
            raise ValueError(f"{existing.name} is a real council, not a fictional one")
        return existing
    matched = match_local_authority(name)
    if matched is not None and matched.is_fictional and matched.slug == slug:
        return matched  # made a moment ago by another `ilacs demo`
    if matched is not None:
        raise ValueError(f"{name} is a real council's name: choose a fictional one")
    try:
        with transaction.atomic():
            return LocalAuthority.objects.create(name=name, slug=slug, is_fictional=True, **fields)
    except IntegrityError:
        # created by someone else a moment ago (two `ilacs demo` at once): the unique slug holds
        existing = LocalAuthority.objects.filter(slug=slug, is_fictional=True).first()
        if existing is None:
            raise
        return existing
