from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from ilacs.extraction.model import GRADES, REPORT_TYPES
from ilacs.extraction.themes_lexicon import THEMES
from ilacs.forms import GovUKForm
from ilacs.inspections import labels
from ilacs.localauthorities.reference import REGIONS
from ilacs.search.services import KINDS, SearchFilters

FIRST_YEAR = 2005  # before the oldest report ilacs reads


def _any(name: str, choices: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", name), *choices]


class SearchForm(GovUKForm):
    """The words and filters of a search, read from the address (GET), so that a search can be
    linked to, bookmarked and paged without JavaScript."""

    q = forms.CharField(label="Search findings and recommendations", required=False, max_length=200)
    theme = forms.ChoiceField(
        label="Improvement topic",
        required=False,
        choices=_any("Any topic", sorted(THEMES.items(), key=lambda item: item[1])),
    )
    grade = forms.MultipleChoiceField(
        label="Judged",
        help_text="The grade of the judgement the paragraph sits under (recommendations: the "
        "overall effectiveness grade)",
        required=False,
        choices=[(g, labels.grade_name(g)) for g in GRADES],
        widget=forms.CheckboxSelectMultiple,
    )
    region = forms.ChoiceField(
        label="Region", required=False, choices=_any("Any region", [(r, r) for r in REGIONS])
    )
    year_from = forms.IntegerField(label="From year", required=False, min_value=FIRST_YEAR)
    year_to = forms.IntegerField(label="To year", required=False, min_value=FIRST_YEAR)
    report_type = forms.ChoiceField(
        label="Report type",
        required=False,
        choices=_any("Any report type", [(t, labels.report_type_name(t)) for t in REPORT_TYPES]),
    )
    kind = forms.ChoiceField(
        label="Search in",
        required=False,
        choices=_any("Findings and recommendations", list(KINDS.items())),
    )
    # Which page of results: set by the page links, never typed, so nonsense reads as page 1.
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_page(self) -> int:
        page = self.cleaned_data.get("page") or ""
        # past the last page the search gives the last one
        return min(int(page), 1_000_000) if page.isdigit() and int(page) > 0 else 1

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        latest = dt.date.today().year + 1
        for name in ("year_from", "year_to"):
            if (data.get(name) or 0) > latest:
                self.add_error(name, f"{self.fields[name].label} must be {latest} or earlier")
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and start > end:
            self.add_error("year_to", "To year must be the same as or after from year")
        return data

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            themes=(data["theme"],) if data.get("theme") else (),
            grades=tuple(data.get("grade") or ()),
            regions=(data["region"],) if data.get("region") else (),
            report_types=(data["report_type"],) if data.get("report_type") else (),
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            kinds=(data["kind"],) if data.get("kind") else (),
        )

    def is_search(self) -> bool:
        """Anything asked for at all (the bare page shows only the form)."""
        data = self.cleaned_data
        return any(data.get(name) for name in self.fields if name != "page")
