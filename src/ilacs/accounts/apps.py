from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ilacs.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from ilacs import govuk
        from ilacs.accounts import signals  # noqa: F401  (connects the receivers)

        govuk.install()
