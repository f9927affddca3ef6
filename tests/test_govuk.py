"""GOV.UK components are compiled once (ilacs.govuk), and render as the library would."""

from govuk_frontend_django.components import base
from govuk_frontend_django.components.tag import GovUKTag
from jinja2 import Environment

from ilacs.govuk import SharedEnvironment


def test_installed():
    assert base.Environment is SharedEnvironment


def test_one_environment_and_one_compile(monkeypatch):
    tag = GovUKTag(text="Requires improvement to be good", classes="govuk-tag--yellow")
    first = tag.render()
    assert base.Environment() is base.Environment()
    compiled = []
    original = Environment.compile
    monkeypatch.setattr(
        Environment, "compile", lambda self, *a, **k: compiled.append(1) or original(self, *a, **k)
    )
    assert tag.render() == first
    assert compiled == []


def test_same_html_as_the_library(monkeypatch):
    tag = GovUKTag(text="Good <b>", classes="govuk-tag--turquoise")
    shared = tag.render()
    monkeypatch.setattr(base, "Environment", Environment)
    assert tag.render() == shared
    assert "Good &lt;b&gt;" in shared and 'class="govuk-tag govuk-tag--turquoise"' in shared


def test_a_page_of_tags_compiles_nothing_after_the_first(monkeypatch):
    """What made a page of 150 grade tags take 5 seconds: each tag compiled GOV.UK Frontend's
    macros again. Counted, not timed (page speed is measured by benchmarks/pages.py)."""
    tags = [GovUKTag(text=f"Grade {n}", classes="govuk-tag--green") for n in range(150)]
    tags[0].render()
    compiled = []
    original = Environment.compile
    monkeypatch.setattr(
        Environment, "compile", lambda self, *a, **k: compiled.append(1) or original(self, *a, **k)
    )
    rendered = [tag.render() for tag in tags]
    assert compiled == []
    assert rendered[149].strip() == (
        '<strong class="govuk-tag govuk-tag--green">\n  Grade 149\n</strong>'
    )
