"""GOV.UK components are rendered from one cached Jinja environment (ilacs/frontend.py), with
exactly the HTML the library itself produces."""

from django.template import Context, Template
from govuk_frontend_django.components.base import GovUKComponent
from govuk_frontend_django.components.button import GovUKButton
from govuk_frontend_django.components.tag import GovUKTag

from ilacs import frontend


def test_components_use_the_cached_rendering():
    assert GovUKComponent.render is frontend.render_component
    assert frontend._environment() is frontend._environment()


def test_the_html_is_the_librarys():
    original = GovUKComponent._ilacs_original_render
    for component in (
        GovUKTag(text="Requires improvement to be good", classes="govuk-tag--yellow"),
        GovUKButton(text="Create improvement plan", preventDoubleClick=True),
        GovUKTag(text="<script>", classes=None),
    ):
        assert component.render() == original(component)


def test_the_template_tag_escapes_and_renders():
    source = '{% gds_component "tag" text=word classes="govuk-tag--red" %}'
    html = Template("{% load govuk_frontend_django %}" + source).render(
        Context({"word": "Red & <b>"})
    )
    assert (
        html.strip()
        == '<strong class="govuk-tag govuk-tag--red">\n  Red &amp; &lt;b&gt;\n</strong>'
    )
