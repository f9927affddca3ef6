"""The committed GOV.UK Frontend assets, and the templates' references to them."""

import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders

import ilacs

STATIC = Path(ilacs.__file__).parent / "static"
GOVUK = STATIC / "govuk-frontend"
TEMPLATES = Path(ilacs.__file__).parent


def test_govuk_frontend_version_matches_govuk_frontend_django():
    version = (GOVUK / "VERSION").read_text().strip()
    assert version == "6.0.0"  # govuk-frontend-django 0.22.0 targets GOV.UK Frontend 6.0.0
    assert json.loads((GOVUK / "package.json").read_text())["version"] == version
    css = (GOVUK / "dist/govuk/govuk-frontend.min.css").read_text()
    assert f'--govuk-frontend-version:"{version}"' in css


def test_assets_and_licence_are_committed():
    for name in (
        "LICENSE.txt",
        "dist/govuk/govuk-frontend.min.css",
        "dist/govuk/govuk-frontend.min.js",
        "dist/govuk/assets/fonts/bold-b542beb274-v2.woff2",
        "dist/govuk/assets/images/favicon.svg",
    ):
        assert (GOVUK / name).is_file(), name
    assert "MIT License" in (GOVUK / "LICENSE.txt").read_text()


def test_every_static_reference_in_templates_exists():
    pattern = re.compile(r"""\{%\s*static\s+['"]([^'"]+)['"]\s*%\}""")
    found = []
    for template in TEMPLATES.rglob("templates/**/*.html"):
        for name in pattern.findall(template.read_text()):
            found.append(name)
            assert finders.find(name), f"{template.name}: {name}"
    assert "govuk-frontend/dist/govuk/govuk-frontend.min.css" in found


def test_collectstatic_with_the_production_storage(settings, tmp_path):
    from django.core.management import call_command

    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((tmp_path / "collected" / "staticfiles.json").read_text())
    assert "govuk-frontend/dist/govuk/govuk-frontend.min.css" in manifest["paths"]
    assert "ilacs/ilacs.css" in manifest["paths"]
