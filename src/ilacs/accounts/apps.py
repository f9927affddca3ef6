from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ilacs.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from ilacs import govuk

        govuk.install()
