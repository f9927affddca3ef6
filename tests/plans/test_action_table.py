"""The action table component (plans/includes/action_table.jinja through ilacs.components): the
same HTML a Django template gives, escaping included."""

import datetime as dt

import jinja2
import pytest

from ilacs import components
from ilacs.plans import queries, services
from ilacs.plans.templatetags.plan_tags import action_table


def test_text_is_escaped_exactly_as_django_escapes_it(cast, plan, caras_action):
    services.update_action(
        caras_action,
        user=cast.erin_editor,
        expected_version=caras_action.version,
        changes={"title": """Tom's "quick" <b>wins</b> & more"""},
    )
    rows = queries.action_rows(plan, dt.date(2025, 1, 1))
    html = action_table({"plan": plan, "la": cast.northbrook}, rows, "Caption <i>")
    assert "Tom&#x27;s &quot;quick&quot; &lt;b&gt;wins&lt;/b&gt; &amp; more</a>" in html
    assert "Caption &lt;i&gt;</caption>" in html


def test_every_column_of_a_row(cast, plan, caras_action):
    services.set_rag_override(caras_action, user=cast.erin_editor, rag="amber", reason="Board")
    rows = queries.action_rows(plan, dt.date(2025, 1, 1))
    html = action_table(
        {"plan": plan, "la": cast.northbrook}, rows, "Actions", show_theme=True, show_update=True
    )
    url = f"/la/northbrook/plans/{plan.pk}/actions/1/"
    assert f'<a class="govuk-link" href="{url}"><span class="ilacs-action-number">1.</span>' in html
    assert ">Practice excellence</span>" in html  # the theme
    assert "Cara" in html and "Head of Service, Children in Need" in html  # the lead
    assert ">30 June 2025</td>" in html and ">None yet</td>" in html  # due, last update
    assert '<strong class="govuk-tag govuk-tag--orange ilacs-rag-tag">Amber</strong>' in html
    assert "Set by Erin" in html
    assert ">Not started</td>" in html
    assert html.count("<th ") == 6


def test_a_forgotten_name_is_an_error_not_an_empty_cell():
    with pytest.raises(jinja2.UndefinedError, match="'caption_visible' is undefined"):
        components.render("plans/includes/action_table.jinja", caption="Actions")


def test_rag_and_status_come_straight_after_the_title(cast, plan, caras_action):
    """On a phone the first columns are the ones on the screen: what a board member reads first."""
    import re

    rows = queries.action_rows(plan, dt.date(2025, 1, 1))
    context = {"plan": plan, "la": cast.northbrook}
    for show_update, last in ((True, ["Last update"]), (False, [])):
        html = action_table(context, rows, "Actions", show_update=show_update)
        headings = re.findall(r'<th scope="col" class="govuk-table__header[^"]*">([^<]+)<', html)
        assert headings == ["Action", "RAG", "Status", "Lead", "Due date", *last]
        cells = re.findall(r'<td class="govuk-table__cell[^"]*">(.*?)</td>', html, re.S)
        assert "ilacs-rag-tag" in cells[1] and cells[2] == "Not started"
