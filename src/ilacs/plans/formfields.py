"""A GOV.UK date input (day, month and year boxes) as a Django form field, with the Design
System's error messages ("Due date must include a month", "Due date must be a real date").

Rendered by templates/includes/field_date.html.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

# Dates in a plan are this century's: a typo such as 9999 is refused, not computed with.
MIN_YEAR, MAX_YEAR = 1900, 2100


class DateInputWidget(forms.MultiWidget):
    template_name = "django/forms/widgets/multiwidget.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs: dict[str, Any] | None = None):
        super().__init__({part: forms.TextInput() for part in self.parts}, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value:
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                return [None, None, None]
            return [day.day, day.month, day.year]
        return [None, None, None]

    def id_for_label(self, id_: str) -> str:
        # The error summary links to the day box.
        return f"{id_}_day" if id_ else id_


class GovUKDateField(forms.MultiValueField):
    """A date typed as day, month and year. `label` names it in messages ("Due date")."""

    widget = DateInputWidget

    def __init__(self, *, required: bool = True, **kwargs: Any):
        fields = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(fields=fields, require_all_fields=False, required=required, **kwargs)

    def _name(self) -> str:
        return str(self.label or "Date")

    def clean(self, value: Any) -> dt.date | None:
        if not isinstance(value, list | tuple):
            value = self.widget.decompress(value)
        parts = [str(v).strip() if v is not None else "" for v in value]
        name = self._name()
        if not any(parts):
            if self.required:
                raise forms.ValidationError(
                    self.error_messages.get("required") or f"Enter the {name.lower()}",
                    code="required",
                )
            return None
        missing = [
            part for part, text in zip(DateInputWidget.parts, parts, strict=True) if not text
        ]
        if missing:
            raise forms.ValidationError(
                f"{name} must include a {' and a '.join(missing)}", code="incomplete"
            )
        try:
            day, month, year = (int(p) for p in parts)
        except ValueError:
            raise forms.ValidationError(f"{name} must be a real date", code="invalid") from None
        if year < 1000:
            raise forms.ValidationError("Year must include 4 numbers", code="invalid")
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise forms.ValidationError(
                f"{name} must be between {MIN_YEAR} and {MAX_YEAR}", code="invalid"
            )
        try:
            return dt.date(year, month, day)
        except (ValueError, OverflowError):  # OverflowError: a day or month too big for C
            raise forms.ValidationError(f"{name} must be a real date", code="invalid") from None

    def compress(self, data_list: list[Any]) -> Any:  # clean() does the work
        return data_list


def parse_iso_date(text: str | None) -> dt.date | None:
    """2025-03-01 from a query string, or None."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return None
