from django import forms
from django.contrib.auth.forms import AuthenticationForm

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
