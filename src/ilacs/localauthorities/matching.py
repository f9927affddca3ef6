"""Match a local authority's name as a report prints it to the reference list.

Plain Python (no Django): `normalise_la_name` turns every way a council is written into one key,
and `LocalAuthorityIndex` maps keys to whatever objects it is given (model instances in the app,
plain values in unit tests).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")

# Names whose "City of" / "Council of the" is the name itself, not a courtesy title.
_KEEP_WHOLE = {"city of london", "isles of scilly"}

# Courtesy words around the name, longest first so "metropolitan borough council" goes before
# "borough council". Removed only at the start or end, never from the middle.
_PREFIXES = (
    "the council of the ",
    "council of the ",
    "the london borough of ",
    "london borough of ",
    "the royal borough of ",
    "royal borough of ",
    "borough of ",
    "city and county of ",
    "city of ",
    "county of ",
    "county ",
    "the ",
)
_SUFFIXES = (
    " metropolitan borough council",
    " metropolitan district council",
    " district metropolitan council",
    " metropolitan council",
    " metropolitan borough",
    " childrens services",
    " borough council",
    " county borough council",
    " county council",
    " city council",
    " district council",
    " unitary authority",
    " council",
    " local authority",
    " city of",
    " county of",
    " borough",
    " city",
    " county",
)
# "county" alone is the name in "County Durham"; "city" in "Hull City Council" and "Bristol, City
# of". They are stripped only when something is left.


def normalise_la_name(name: str) -> str:
    """One key for every spelling of a council's name.

    Case, accents, curly quotes, "&" for "and", "St."/"Saint", hyphens and punctuation are
    ignored, and courtesy words ("London Borough of", "City of", "Council", "County Council",
    "Borough") are dropped, so "Kingston Upon Hull, City of", "Hull City Council" (via an alias)
    and "kingston upon hull" meet. "City of London" and "Isles of Scilly" keep their words.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("&", " and ").replace("\u2019", "").replace("'", "")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [("st" if w == "saint" else w) for w in text.split()]
    text = " ".join(words)
    if text in _KEEP_WHOLE:
        return text
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix) :]
                changed = True
        for suffix in _SUFFIXES:
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)]
                changed = True
        if text in _KEEP_WHOLE:
            return text
    return text


class AmbiguousName(ValueError):
    """Two different local authorities claim the same normalised name."""


class LocalAuthorityIndex(Generic[T]):
    """Normalised name -> local authority, built from (names, authority) pairs."""

    def __init__(self, entries: Iterable[tuple[Iterable[str], T]]):
        self._by_key: dict[str, T] = {}
        for names, authority in entries:
            for name in names:
                if not name:
                    continue
                key = normalise_la_name(name)
                existing = self._by_key.get(key)
                if existing is not None and existing != authority:
                    raise AmbiguousName(f"{name!r} ({key!r}) names two local authorities")
                self._by_key[key] = authority

    def match(self, printed: str | None) -> T | None:
        """The authority a printed name refers to, or None when no name matches."""
        if not printed or not printed.strip():
            return None
        return self._by_key.get(normalise_la_name(printed))

    def __len__(self) -> int:
        return len(self._by_key)
