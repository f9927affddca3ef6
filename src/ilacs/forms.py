"""Error messages in GOV.UK style for every form of every app.

Django's own messages ("This field is required.", "Ensure this value has at most 300 characters
(it has 5000).", "Select a valid choice. That choice is not one of the available choices.") are
not how a GOV.UK service speaks. `GovUKFormMixin` replaces every message a field still has from
Django with one that names the field ("Title must be 300 characters or fewer", "Enter the lead's
role", "Select a theme from the list"); messages a form sets itself are kept. Use `GovUKForm`
for a new form, or put the mixin first for one built on Django's (the sign-in form).

tests/test_form_messages.py walks every form of every app and fails on any Django default left.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import validators

# Which Django messages count as "Django's": every form field's and validator's default.
_FIELD_CLASSES: tuple[type[forms.Field], ...] = (
    forms.Field,
    forms.CharField,
    forms.IntegerField,
    forms.FloatField,
    forms.DecimalField,
    forms.DateField,
    forms.TimeField,
    forms.DateTimeField,
    forms.DurationField,
    forms.RegexField,
    forms.EmailField,
    forms.FileField,
    forms.ImageField,
    forms.URLField,
    forms.BooleanField,
    forms.ChoiceField,
    forms.TypedChoiceField,
    forms.MultipleChoiceField,
    forms.TypedMultipleChoiceField,
    forms.MultiValueField,
    forms.SplitDateTimeField,
    forms.UUIDField,
    forms.JSONField,
    forms.ModelChoiceField,
    forms.ModelMultipleChoiceField,
)
_VALIDATORS = (
    validators.MaxLengthValidator,
    validators.MinLengthValidator,
    validators.MaxValueValidator,
    validators.MinValueValidator,
    validators.StepValueValidator,
    validators.ProhibitNullCharactersValidator,
    validators.EmailValidator,
    validators.URLValidator,
    validators.RegexValidator,
)


def django_default_messages() -> set[str]:
    """Every error message Django's form fields and validators give by default."""
    messages: set[str] = set()
    for cls in _FIELD_CLASSES:
        for klass in cls.__mro__:
            messages.update(str(m) for m in getattr(klass, "default_error_messages", {}).values())
    for validator in _VALIDATORS:
        message = getattr(validator, "message", None)
        if message:
            messages.add(str(message))
    messages.add(str(validators.ProhibitNullCharactersValidator.message))
    return messages


_DEFAULTS: set[str] | None = None


def _is_default(message: Any) -> bool:
    global _DEFAULTS
    if _DEFAULTS is None:
        _DEFAULTS = django_default_messages()
    return str(message) in _DEFAULTS


def field_name(field: forms.Field, name: str) -> str:
    """How a message names the field: its label without "(optional)", e.g. "Lead's role"."""
    label = str(field.label or name.replace("_", " ").capitalize())
    label = label.replace("(optional)", "").strip().rstrip("?:").strip()
    return label[:1].upper() + label[1:]


def _lower(label: str) -> str:
    # "RAG" and "SMART target" keep their capitals; ordinary words go lower case.
    first, _, rest = label.partition(" ")
    if first.isupper() and len(first) > 1:
        return label
    return first.lower() + (" " + rest if rest else "")


def _article(words: str) -> str:
    first = words.split(" ", 1)[0]
    return "an" if first[:1].lower() in "aeiou" and not first.isupper() else "a"


def govuk_messages(field: forms.Field, name: str) -> dict[str, str]:
    """GOV.UK-style messages for a field, by Django's error code."""
    label = field_name(field, name)
    lower = _lower(label)
    choosing = isinstance(
        field, forms.ChoiceField | forms.ModelChoiceField | forms.BooleanField | forms.FileField
    )
    if isinstance(field, forms.FileField):
        required = "Select a file"
    elif choosing:
        required = f"Select {lower}"
    else:
        required = f"Enter the {lower}"
    one = (
        lower
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
        else (f"{_article(lower)} {lower}")
    )
    if choosing and not isinstance(field, forms.FileField | forms.BooleanField):
        required = f"Select {one}"
    from_list = f"Select {one} from the list"
    return {
        "required": required,
        "max_length": (
            "The file name must be %(max)d characters or fewer"
            if isinstance(field, forms.FileField)
            else f"{label} must be %(limit_value)d characters or fewer"
        ),
        "min_length": f"{label} must be %(limit_value)d characters or more",
        "max_value": f"{label} must be %(limit_value)s or less",
        "min_value": f"{label} must be %(limit_value)s or more",
        "step_size": f"{label} must be a multiple of %(limit_value)s",
        "null_characters_not_allowed": f"{label} must not contain null characters",
        "invalid": (
            f"{label} must be a whole number"
            if isinstance(field, forms.IntegerField)
            else f"{label} must be a real date"
            if isinstance(field, forms.DateField | forms.DateTimeField | forms.MultiValueField)
            else "Select a file"
            if isinstance(field, forms.FileField)
            else f"Enter a real {lower}"
        ),
        "invalid_choice": from_list,
        "invalid_list": from_list,
        "invalid_pk_value": from_list,
        "incomplete": f"Enter the whole {lower}",
        "missing": "Select a file",
        "empty": "The selected file is empty",
        "contradiction": "Select a file or clear the box, not both",
        "invalid_image": "The selected file must be an image",
        "max_decimal_places": f"{label} must have %(max)s decimal places or fewer",
        "max_digits": f"{label} must be %(max)s digits or fewer",
        "max_whole_digits": f"{label} must be %(max)s digits or fewer before the point",
        "overflow": f"{label} is too long",
    }


def apply_govuk_messages(form: forms.BaseForm) -> None:
    """Replace every message still Django's own in each field of `form`: the field's messages by
    code, and those its validators give (a validator's code found among the field's messages
    uses the field's message)."""
    for name, field in form.fields.items():
        wanted = govuk_messages(field, name)
        messages = dict(field.error_messages)
        codes = set(messages) | {getattr(v, "code", "") for v in field.validators}
        for code in codes:
            if code in wanted and (code not in messages or _is_default(messages[code])):
                messages[code] = wanted[code]
        field.error_messages = messages


class GovUKFormMixin:
    """Put first in a form's bases: its fields' Django messages become GOV.UK-style ones."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        apply_govuk_messages(self)  # type: ignore[arg-type]


class GovUKForm(GovUKFormMixin, forms.Form):
    """A form whose error messages are in GOV.UK style."""
