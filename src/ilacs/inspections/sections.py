"""Which of a report's judgements a findings paragraph sits under, from its section heading.

A findings paragraph is printed under a section named after a judgement ("The experiences and
progress of children who need help and protection"), so the grade that section was given is the
grade "the paragraph sits under". Sections that are not a judgement's (a summary, "About this
inspection", "The local authority") sit under the overall effectiveness judgement, as the
report's recommendations do.

Plain Python (no Django): the ingest code and the migration that fills older rows both use it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ilacs.extraction.fields import judgement_key

# When the report has no judgement of the section's own kind, the nearest one it does have: a
# pre-2023 ILACS report judges children in care and care leavers together; a SIF report judges
# "children looked after and achieving permanence"; the 2013 framework's leadership judgement.
_NEAREST: dict[str, tuple[str, ...]] = {
    "in_care": ("in_care_and_care_leavers", "looked_after_and_permanence"),
    "care_leavers": ("in_care_and_care_leavers", "looked_after_and_permanence"),
    "in_care_and_care_leavers": ("in_care", "looked_after_and_permanence"),
    "looked_after_and_permanence": ("in_care_and_care_leavers", "in_care"),
    "adoption": ("looked_after_and_permanence",),
    "impact_of_leaders": ("leadership_management_governance",),
    "leadership_management_governance": ("impact_of_leaders",),
}
# Sections with a judgement of their own that the overall grade does not stand for: an LSCB is
# judged apart from the council, and capacity to improve is not a grade of practice.
_NO_OVERALL = frozenset({"lscb", "capacity_to_improve"})


def section_key(section: str) -> str:
    """The judgement key a section heading names ("other" for none): the judgement table's
    rule, plus headings that tables do not print: a board named by its own initials ("Key
    strengths and weaknesses of the BSCB") and a heading cut short at a line's end ("... who
    need help and")."""
    text = _plain(section)
    if not text:
        return "other"
    if re.search(r"\b[a-z]{0,3}scb\b", text):
        return "lscb"
    if re.search(r"\bwho need help\b", text):
        return "help_and_protection"
    return judgement_key(section)


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'")).strip()


def judgement_for_section(section: str, judgements: Sequence[tuple[str, str]]) -> int | None:
    """The index in `judgements` ((key, printed label) pairs, in the report's order) of the
    judgement a paragraph under `section` sits under, or None when the report has none for it."""
    keys = [key for key, _ in judgements]
    wanted = section_key(section)
    if wanted == "other":
        # 2012-13 reports grade rows named like their sections ("Quality of provision").
        name = _plain(section)
        for index, (key, printed) in enumerate(judgements):
            if name and key == "other" and _plain(printed) == name:
                return index
    else:
        for candidate in (wanted, *_NEAREST.get(wanted, ())):
            if candidate in keys:
                return keys.index(candidate)
        if wanted in _NO_OVERALL:
            return None
    if "overall_effectiveness" in keys:
        return keys.index("overall_effectiveness")
    return None
