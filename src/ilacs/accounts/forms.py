from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)

from ilacs.accounts.models import ROLE_DESCRIPTIONS, Role
from ilacs.forms import GovUKFormMixin


class SignInForm(GovUKFormMixin, AuthenticationForm):
    """Django's sign-in form with GOV.UK-style messages."""

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Contact your administrator.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.fields["password"].strip = False
        self.fields["password"].widget = forms.PasswordInput()


ROLE_FIELD_ERRORS = {"required": "Select a role", "invalid_choice": "Select a role"}


class AddMemberForm(forms.Form):
    """Add a person to a council: found by e-mail address, or invited to make an account."""

    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="If they have no ilacs account yet, they will be sent a link to choose a "
        "password. Their username will be this address.",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )
    first_name = forms.CharField(
        label="First name",
        max_length=150,
        error_messages={
            "required": "Enter their first name",
            "max_length": "First name must be 150 characters or fewer",
        },
    )
    last_name = forms.CharField(
        label="Last name",
        max_length=150,
        error_messages={
            "required": "Enter their last name",
            "max_length": "Last name must be 150 characters or fewer",
        },
    )
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages=ROLE_FIELD_ERRORS,
    )


class ChangeRoleForm(forms.Form):
    role = forms.ChoiceField(
        label="Role",
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages=ROLE_FIELD_ERRORS,
    )


def role_options(field: forms.BoundField) -> list[dict[str, object]]:
    """Each role with what it may do, for GOV.UK radios with hints."""
    return [
        {
            "value": radio.data["value"],
            "label": radio.choice_label,
            "hint": ROLE_DESCRIPTIONS[Role(radio.data["value"])],
            "id": radio.id_for_label,
            "checked": radio.data["selected"],
        }
        for radio in field
    ]


class GovukPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        "password_incorrect": "Your current password is not right. Enter it again.",
        "password_mismatch": "The two new passwords are different. Enter the same one twice.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        _new_password_messages(self)


class GovukSetPasswordForm(SetPasswordForm):
    error_messages = {
        "password_mismatch": "The two new passwords are different. Enter the same one twice.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_messages(self)


class GovukPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Email address"
        self.fields["email"].error_messages.update(
            {
                "required": "Enter your email address",
                "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
            }
        )


def _new_password_messages(form: forms.Form) -> None:
    form.fields["new_password1"].label = "New password"
    form.fields["new_password1"].help_text = (
        "At least 12 characters. Not a common password, not only numbers, and not like your "
        "name or username."
    )
    form.fields["new_password1"].error_messages["required"] = "Enter a new password"
    form.fields["new_password2"].label = "Confirm new password"
    form.fields["new_password2"].help_text = ""
    form.fields["new_password2"].error_messages["required"] = "Enter the new password again"
