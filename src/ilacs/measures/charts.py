"""Trend charts and sparklines, drawn on the server as SVG by pygal.

The SVG is put in the page as it is, so it works without JavaScript and needs nothing inline
that a Content-Security-Policy would block: pygal's own script and `<style>` are taken out of
each chart (a pygal xml filter) and the look comes from static/measures/charts.css instead.
Each chart is one image to assistive technology (`role="img"`), named by its `<title>` and
described by a `<desc>` in words; the page shows the same numbers in a table beside it.

No request objects: board papers can call these too.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

import pygal
from pygal.style import Style

from ilacs.measures import periods
from ilacs.measures.units import format_value

# Series drawn by role: the CSS gives each its colour and dash (charts.css), so that a line's
# look never depends on which other lines a chart has.
SERIES_LABELS = {
    "value": None,  # the council's own name
    "target": "Target",
    "england": "England",
    "statistical_neighbours": "Statistical neighbours",
    "region": "Region",
}

_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#b1b4b6",
    font_family="Arial, sans-serif",
    label_font_size=14,
    major_label_font_size=14,
    legend_font_size=16,
    title_font_size=18,
    colors=("#1d70b8", "#0b0c0c", "#912b88", "#00703c", "#6f72af"),
)
_ids = itertools.count(1)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _accessible(
    chart_id: str, title: str, description: str, roles: Sequence[str]
) -> Callable[[Any], Any]:
    """A pygal xml filter: no script, no inline style, stable ids, a title and a description,
    and each series' classes named by its role."""

    def apply(root: Any) -> Any:
        root.set("id", chart_id)
        root.set("class", f"{root.get('class', '')} ilacs-chart".strip())
        root.set("role", "img")
        root.set("aria-labelledby", f"{chart_id}-title {chart_id}-desc")
        for parent in list(root.iter()):
            for child in list(parent):
                name = _local(child.tag)
                classes = (child.get("class") or "").split()
                if name in ("script", "style") or "tooltip" in classes:
                    parent.remove(child)
        for element in root.iter():
            if element is not root and element.get("id"):
                del element.attrib["id"]
            if element.get("style") is not None:
                del element.attrib["style"]
            classes = (element.get("class") or "").split()
            renamed = []
            for token in classes:
                if token.startswith("color-") and token[6:].isdigit():
                    index = int(token[6:])
                    token = f"ilacs-series-{roles[index]}" if index < len(roles) else token
                renamed.append(token)
            if renamed != classes:
                element.set("class", " ".join(renamed))
        title_element = next(e for e in root if _local(e.tag) == "title")
        title_element.text = title
        title_element.set("id", f"{chart_id}-title")
        desc = title_element.makeelement(title_element.tag.replace("title", "desc"), {})
        desc.set("id", f"{chart_id}-desc")
        desc.text = description
        root.insert(list(root).index(title_element) + 1, desc)
        return root

    return apply


def _thin(count: int) -> int:
    """Label every nth period on the x axis so that labels do not overlap."""
    return max(1, -(-count // 8))


def trend_chart(
    *,
    title: str,
    description: str,
    frequency: str,
    unit: str,
    points: Sequence[Any],
    own_label: str,
    target: Decimal | None = None,
    comparators: bool = True,
    value_attr: str = "value",
) -> str:
    """A line chart of values by period, with the target as a dashed line and the comparators
    (England, statistical neighbours, region) when there are any. `points` have `.period` and
    the values as attributes. Returns SVG markup."""
    chart_id = f"chart-{next(_ids)}"
    labels = [periods.period_short_label(frequency, p.period) for p in points]
    roles: list[str] = []
    chart = pygal.Line(
        style=_STYLE,
        js=[],
        css=[],
        disable_xml_declaration=True,
        explicit_size=False,
        width=800,
        height=420,
        show_legend=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=3,
        truncate_legend=-1,
        x_label_rotation=0,
        show_minor_x_labels=False,
        x_labels_major_every=_thin(len(points)),
        truncate_label=-1,
        dots_size=3,
        stroke_style={"width": 2},
        value_formatter=lambda v: format_value(unit, Decimal(str(round(v, 2)))),
        print_values=False,
        allow_interruptions=True,
        margin_bottom=10,
        margin_right=40,  # room for the last period's label
    )
    chart.x_labels = labels
    chart.add(own_label, [_number(getattr(p, value_attr)) for p in points])
    roles.append("value")
    values = [getattr(p, value_attr) for p in points if getattr(p, value_attr) is not None]
    if target is not None:
        chart.add("Target", [_number(target)] * len(points), show_dots=False)
        roles.append("target")
        values.append(target)
    if comparators:
        for key in ("england", "statistical_neighbours", "region"):
            series = [getattr(p, key, None) for p in points]
            if any(v is not None for v in series):
                chart.add(SERIES_LABELS[key], [_number(v) for v in series])
                roles.append(key)
                values.extend(v for v in series if v is not None)
    if values:
        low, high = float(min(values)), float(max(values))
        pad = max((high - low) * 0.1, 1.0)
        floor = 0.0 if low >= 0 and low - pad < 0 else low - pad
        chart.range = (floor, high + pad)
    # pygal leaves room for one row of legend at the bottom; make room for the others.
    rows = -(-len(roles) // 3)
    chart.config.margin_bottom = 10 + 26 * (rows - 1)
    chart.add_xml_filter(_accessible(chart_id, title, description, roles))
    return chart.render(is_unicode=True)


def sparkline(*, title: str, description: str, points: Sequence[Any], unit: str) -> str:
    """A small line of the values alone, for scorecards (the table row has the numbers)."""
    chart_id = f"spark-{next(_ids)}"
    chart = pygal.Line(
        style=_STYLE,
        js=[],
        css=[],
        disable_xml_declaration=True,
        explicit_size=False,
        allow_interruptions=True,
        stroke_style={"width": 3},
    )
    chart.add("", [_number(p.value) for p in points])
    chart.add_xml_filter(_accessible(chart_id, title, description, ["value"]))
    return chart.render_sparkline(is_unicode=True, width=160, height=40, margin=4)


# For other apps' charts (the national pages): the same look and the same accessibility filter.
CHART_STYLE = _STYLE
accessible_filter = _accessible
