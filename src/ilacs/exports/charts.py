"""Charts for the documents, drawn by matplotlib (PNG for Word and PDF, SVG where a page wants
it). Every bar is labelled with its word and its number, so colour is never the only signal, and
each chart comes with a sentence of alt text saying the same numbers."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ilacs.plans.rag import Rag

# The same tints as the tables, a shade darker so that bars stand out on white.
BAR_COLOURS = {
    Rag.RED: "#d4351c",
    Rag.AMBER: "#f47738",
    Rag.GREEN: "#00703c",
    Rag.COMPLETE: "#1d70b8",
    Rag.CLOSED: "#b1b4b6",
}


@dataclass
class Chart:
    png: bytes
    alt_text: str
    title: str
    figure: Figure | None = None

    @cached_property
    def svg(self) -> str:
        """Drawn only when asked for: the documents use the PNG."""
        if self.figure is None:
            return ""
        out = io.StringIO()
        self.figure.savefig(out, format="svg")
        return out.getvalue()


def rag_alt_text(counts: Sequence[tuple[Rag, int]], what: str = "actions") -> str:
    parts = [f"{rag.label} {n}" for rag, n in counts]
    total = sum(n for _, n in counts)
    return f"Bar chart of {total} {what} by RAG: " + ", ".join(parts) + "."


def rag_bar_chart(
    counts: Sequence[tuple[Rag, int]],
    *,
    title: str = "Actions by RAG",
    before: Sequence[tuple[Rag, int]] | None = None,
    before_label: str = "",
    after_label: str = "",
) -> Chart:
    """Horizontal bars, one per RAG, worst first; with `before`, a pair of bars per RAG (the
    start of the period hatched, the end solid) and a legend."""
    fig = Figure(figsize=(6.4, 2.6), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    labels = [rag.label for rag, _ in counts]
    values = [n for _, n in counts]
    positions = list(range(len(counts)))
    height = 0.38 if before else 0.6
    if before:
        old = [n for _, n in before]
        ax.barh(
            [p - height / 2 for p in positions],
            old,
            height=height,
            color="white",
            edgecolor=[BAR_COLOURS[r] for r, _ in before],
            hatch="///",
            label=before_label,
        )
        for p, n in zip(positions, old, strict=True):
            ax.text(n, p - height / 2, f" {n}", va="center", fontsize=8)
    bars_at = [p + height / 2 for p in positions] if before else positions
    ax.barh(
        bars_at,
        values,
        height=height,
        color=[BAR_COLOURS[r] for r, _ in counts],
        label=after_label or None,
    )
    for p, n in zip(bars_at, values, strict=True):
        ax.text(n, p, f" {n}", va="center", fontsize=8, fontweight="bold")
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.set_xlabel("Number of actions")
    ax.set_title(title, fontsize=10, loc="left")
    top = max([*values, *([n for _, n in before] if before else []), 1])
    ax.set_xlim(0, top * 1.15 + 1)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if before:
        ax.legend(fontsize=7, loc="lower right", frameon=False)
    # Fixed margins, the left one wide enough for the longest RAG word: tight_layout drew the
    # whole figure once more just to measure it (a third of a chart's time).
    longest = max((len(label) for label in labels), default=5)
    fig.subplots_adjust(left=0.05 + 0.0125 * longest, right=0.97, top=0.88, bottom=0.19)
    png = io.BytesIO()
    fig.savefig(png, format="png")
    alt = rag_alt_text(counts)
    if before:
        alt = (
            f"Bar chart of actions by RAG. {before_label}: "
            + ", ".join(f"{r.label} {n}" for r, n in before)
            + f". {after_label}: "
            + ", ".join(f"{r.label} {n}" for r, n in counts)
            + "."
        )
    return Chart(png.getvalue(), alt, title, figure=fig)


def trend_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    target: float | None = None,
    england: Sequence[float | None] | None = None,
    unit_words: str = "",
) -> Chart:
    """A small line chart of one measure over time: its values (solid, marked), the target
    (dashed) and England (dotted) when known; the alt text gives the first and latest values
    and the target in words."""
    fig = Figure(figsize=(6.4, 2.2), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = list(range(len(values)))
    ax.plot(positions, values, marker="o", markersize=3, color="#1d70b8", label="Value")
    if target is not None:
        ax.axhline(target, color="#d4351c", linestyle="--", linewidth=1, label="Target")
    if england and any(v is not None for v in england):
        points = [(p, v) for p, v in zip(positions, england, strict=True) if v is not None]
        ax.plot(
            [p for p, _ in points],
            [v for _, v in points],
            color="#505a5f",
            linestyle=":",
            linewidth=1,
            label="England",
        )
    step = max(1, len(labels) // 6)
    ax.set_xticks(positions[::step], [labels[i] for i in positions[::step]], fontsize=7)
    ax.tick_params(axis="y", labelsize=7)
    if unit_words:
        ax.set_ylabel(unit_words, fontsize=7)
    ax.set_title(title, fontsize=9, loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=7, loc="best", frameon=False)
    fig.subplots_adjust(left=0.1, right=0.98, top=0.87, bottom=0.17)  # as rag_bar_chart
    png = io.BytesIO()
    fig.savefig(png, format="png")  # documents only: no SVG drawn
    alt = f"Line chart of {title}"
    if values:
        alt += f" from {labels[0]} ({values[0]:g}) to {labels[-1]} ({values[-1]:g})"
    if target is not None:
        alt += f", against a target of {target:g}"
    return Chart(png.getvalue(), alt + ".", title)
