from __future__ import annotations

import pytest

from tests.base import Cast, make_cast


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Uploaded files go to a temporary folder; static files need no collectstatic; fast
    password hashing."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DATA_DIR = tmp_path / "data"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cast(db) -> Cast:
    return make_cast()


@pytest.fixture
def public_when_created():
    """Whether each inspection was public at the moment its row was first written."""
    from django.db.models.signals import post_save

    from ilacs.inspections.models import Inspection

    seen: list[bool] = []

    def created(sender, instance, created, **kwargs):
        if created:
            seen.append(instance.ofsted_published)

    post_save.connect(created, sender=Inspection)
    yield seen
    post_save.disconnect(created, sender=Inspection)
