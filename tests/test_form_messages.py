"""Issue 7 item 13: every form of every app speaks GOV.UK style ("Title must be 300 characters
or fewer", "Enter the lead's role"), never Django's words ("Ensure this value has at most 300
characters (it has 5000).", "This field is required.", "Enter a valid date.")."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.urls import reverse

import ilacs
from ilacs.forms import django_default_messages
from ilacs.plans import services
from tests.plans.conftest import make_inspection

DJANGO_SAYS = django_default_messages()


@pytest.fixture
def plan(cast):
    return services.create_plan(make_inspection(cast.northbrook), user=cast.erin_editor)


def _form_classes():
    """Every form class defined in the project's own modules."""
    found = {}
    for info in pkgutil.walk_packages(ilacs.__path__, "ilacs."):
        if not info.name.endswith(".forms") and info.name != "ilacs.forms":
            continue
        module = importlib.import_module(info.name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(obj, forms.BaseForm)
                and obj.__module__ == module.__name__
                and obj.__name__ not in ("GovUKForm",)
            ):
                found[f"{obj.__module__}.{obj.__name__}"] = obj
    return found


def _instance(cls, cast, plan):
    params = inspect.signature(cls.__init__).parameters
    kwargs = {}
    if "plan" in params:
        kwargs["plan"] = plan
    if "inspection" in params:
        kwargs["inspection"] = plan.inspection
    if "request" in params:
        kwargs["request"] = None
    return cls(**kwargs)


def test_the_walk_finds_the_forms_of_every_app():
    names = set(_form_classes())
    assert "ilacs.plans.forms.ActionForm" in names
    assert "ilacs.inspections.forms.UploadReportForm" in names
    assert "ilacs.accounts.forms.SignInForm" in names


def test_no_form_field_keeps_a_django_message(cast, plan):
    left = []
    for name, cls in _form_classes().items():
        form = _instance(cls, cast, plan)
        for field_name, field in form.fields.items():
            for code, message in field.error_messages.items():
                if str(message) in DJANGO_SAYS:
                    left.append(f"{name}.{field_name} [{code}]: {message}")
            for validator in field.validators:
                code = getattr(validator, "code", None)
                if code not in field.error_messages and str(validator.message) in DJANGO_SAYS:
                    left.append(f"{name}.{field_name} [validator {code}]: {validator.message}")
        for code, message in getattr(form, "error_messages", {}).items():
            if str(message) in DJANGO_SAYS or "Please enter" in str(message):
                left.append(f"{name} [{code}]: {message}")
    assert left == []


def test_too_long_a_title_names_the_field_and_the_limit(client, cast, plan):
    client.force_login(cast.erin_editor)
    response = client.post(
        reverse("plans:action_add", args=["northbrook", plan.pk]),
        {"title": "x" * 5000, "lead_role": "AD", "status": "not_started", "lead_user": "999999"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Title must be 300 characters or fewer" in body
    assert "Ensure this value" not in body
    assert "Select a valid choice" not in body


@pytest.mark.parametrize(
    ("path", "data", "expected"),
    [
        ("themes", {"name": "x" * 500}, "Theme must be 120 characters or fewer"),
        ("dashboard", None, None),
    ],
)
def test_other_plan_forms(client, cast, plan, path, data, expected):
    client.force_login(cast.erin_editor)
    url = reverse(f"plans:{path}", args=["northbrook", plan.pk])
    if data is None:
        assert client.get(url + "?q=" + "x" * 300).status_code == 200
        return
    response = client.post(url, data)
    assert response.status_code == 400
    assert expected in response.content.decode()


def test_the_sign_in_form(client, cast):
    response = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    body = response.content.decode()
    assert "Enter your username" in body and "Enter your password" in body
    assert "This field is required" not in body


def test_the_upload_form_and_a_date_typed_wrongly(client, cast):
    client.force_login(cast.erin_editor)
    response = client.post(reverse("inspections:upload", args=["northbrook"]), {})
    assert "Select a report file" in response.content.decode()
    inspection = make_inspection(cast.northbrook, published=None)
    response = client.post(
        reverse("plans:create", args=["northbrook", inspection.pk]),
        {
            "report_published_day": "x",
            "report_published_month": "4",
            "report_published_year": "2024",
        },  # fmt: skip
    )
    body = response.content.decode()
    assert "Date the report was published must be a real date" in body
    assert "Enter a valid date" not in body
