"""The national pages' charts: pygal SVG drawn on the server, in the house style of
ilacs.measures.charts (no script, no inline style, a title and a description in words, the
numbers in a table beside). Series take their colour from static/national/charts.css by role.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

import pygal

from ilacs.inspections import labels
from ilacs.measures.charts import CHART_STYLE, accessible_filter

_ids = itertools.count(1)
_CACHE_SIZE = 128


def _cached(draw: Callable[..., str]) -> Callable[..., str]:
    """Drawing is most of a national page's time and the data changes only when reports are
    added: keep the last charts drawn, keyed by everything that goes into them. Each chart
    keeps the id it was drawn with; ids stay unique, as a new chart always takes a new one."""
    drawn: OrderedDict[str, str] = OrderedDict()
    lock = threading.Lock()

    @functools.wraps(draw)
    def wrapper(**kwargs: Any) -> str:
        key = repr(sorted((name, repr(value)) for name, value in kwargs.items()))
        with lock:
            if key in drawn:
                drawn.move_to_end(key)
                return drawn[key]
        svg = draw(**kwargs)
        with lock:
            drawn[key] = svg
            while len(drawn) > _CACHE_SIZE:
                drawn.popitem(last=False)
        return svg

    return wrapper


def _options(**extra: object) -> dict[str, object]:
    options: dict[str, object] = {
        "style": CHART_STYLE,
        "js": [],
        "css": [],
        "disable_xml_declaration": True,
        "explicit_size": False,
        "width": 800,
        "height": 420,
        "show_legend": True,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "truncate_legend": -1,
        "truncate_label": -1,
        "print_values": False,
        "margin_bottom": 10,
        "margin_right": 30,
    }
    options.update(extra)
    return options


def _finish(chart: pygal.graph.graph.Graph, title: str, description: str, roles: list[str]) -> str:
    rows = -(-len(roles) // 3)
    chart.config.margin_bottom = 10 + 26 * (rows - 1)
    chart_id = f"national-chart-{next(_ids)}"
    chart.add_xml_filter(accessible_filter(chart_id, title, description, roles))
    return chart.render(is_unicode=True)


def _whole_numbers(highest: int) -> list[int]:
    """Counts on the axis: whole numbers only, about eight of them."""
    step = max(1, -(-max(highest, 1) // 8))
    return list(range(0, max(highest, 1) + step, step))


@_cached
def grade_bars(
    *,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    horizontal: bool = False,
) -> str:
    """Stacked bars of how many inspections (or councils) had each grade; `series` is
    (grade key, counts in x_labels order)."""
    kind = pygal.HorizontalStackedBar if horizontal else pygal.StackedBar
    chart = kind(
        **_options(
            x_label_rotation=0 if horizontal else 45,
            height=160 + 48 * len(x_labels) if horizontal else 440,
            value_formatter=lambda v: f"{v:.0f}",
            legend_at_bottom_columns=2,
        )
    )
    if horizontal:
        # pygal draws the first label at the bottom: reverse so the chart reads as the table does.
        x_labels = list(reversed(x_labels))
        series = [(grade, list(reversed(values))) for grade, values in series]
    chart.x_labels = list(x_labels)
    if series:  # pygal cannot place axis labels on a chart without series
        totals = [sum(column) for column in zip(*(counts for _, counts in series), strict=True)]
        chart.y_labels = _whole_numbers(max(totals, default=0))
    roles = []
    for grade, values in series:
        chart.add(labels.grade_name(grade), list(values))
        roles.append(f"grade-{grade}")
    return _finish(chart, title, description, roles)


@_cached
def share_lines(
    *,
    title: str,
    description: str,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
) -> str:
    """Lines of a percentage by year, one per improvement topic (named in `series`)."""
    chart = pygal.Line(
        **_options(
            x_label_rotation=45,
            allow_interruptions=True,
            dots_size=3,
            value_formatter=lambda v: f"{v:.0f}%",
            legend_at_bottom_columns=2,
        )
    )
    chart.x_labels = list(x_labels)
    roles = []
    for index, (name, values) in enumerate(series):
        chart.add(name, list(values))
        roles.append(f"topic-{index + 1}")
    return _finish(chart, title, description, roles)


@_cached
def count_bars(
    *, title: str, description: str, x_labels: Sequence[str], name: str, values: Sequence[int]
) -> str:
    """Plain bars of counts (councils whose window is open each month)."""
    chart = pygal.Bar(
        **_options(x_label_rotation=0, show_legend=False, value_formatter=lambda v: f"{v:.0f}")
    )
    chart.x_labels = list(x_labels)
    chart.y_labels = _whole_numbers(max(values, default=0))
    chart.add(name, list(values))
    return _finish(chart, title, description, ["count"])


GRADE_AXIS = {1: "Inadequate", 2: "Requires improvement", 3: "Good", 4: "Outstanding"}


@_cached
def grade_steps(
    *,
    title: str,
    description: str,
    x_labels: Sequence[str],
    values: Sequence[int | None],
    name: str,
) -> str:
    """A council's headline grade over its graded inspections (1 inadequate to 4 outstanding)."""
    chart = pygal.Line(
        **_options(
            x_label_rotation=0,
            show_legend=False,
            range=(1, 4),
            dots_size=5,
            allow_interruptions=True,
            value_formatter=lambda v: GRADE_AXIS.get(round(v), ""),
        )
    )
    chart.x_labels = list(x_labels)
    chart.y_labels = [{"label": text, "value": value} for value, text in GRADE_AXIS.items()]
    chart.add(name, list(values))
    return _finish(chart, title, description, ["value"])
