from django.apps import AppConfig


class LocalAuthoritiesConfig(AppConfig):
    name = "ilacs.localauthorities"
    label = "localauthorities"
    verbose_name = "Local authorities"
    # Filled by this app's migrations: `ilacs load` replaces it with the backup's (ilacs.backup).
    reference_data = True
