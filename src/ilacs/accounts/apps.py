from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ilacs.accounts"
    label = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete

        from ilacs import govuk
        from ilacs.accounts import signals  # noqa: F401  (connects the receivers)
        from ilacs.accounts.authorship import refuse_to_delete_authors

        govuk.install()
        pre_delete.connect(
            refuse_to_delete_authors, sender=get_user_model(), dispatch_uid="ilacs-authors"
        )
