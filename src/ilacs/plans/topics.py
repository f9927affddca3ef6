"""Improvement topics of requirements and actions: the fixed list of 25 areas of children's social
care improvement that `ilacs extract` gives recommendations (ilacs.extraction.themes, where they
are called "themes"). Called "improvement topics" here, because a plan's own themes
(plans.Theme) are the council's workstreams.

A requirement from the report takes its recommendation's topics; one the council adds, and every
action, gets them from its words when it is saved, unless an editor has chosen them by hand
(`topics_set_by_hand`). `explain()` gives the why shown on the pages: the phrases that decided
each topic, or who chose them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ilacs.extraction.themes import MAX_THEMES, THEMES, theme_text

MAX_TOPICS = MAX_THEMES
TOPIC_CHOICES: list[tuple[str, str]] = list(THEMES.items())


def topic_name(key: str) -> str:
    return THEMES.get(key, key)


def topics_for_text(text: str) -> list[str]:
    """The topics of a requirement's or action's words, the chief first (none for no words)."""
    return theme_text(text or "").themes if (text or "").strip() else []


def action_text(title: str, description: str = "") -> str:
    """An action's words, read as one recommendation: the title is the ask, the rest follows."""
    return ". ".join(part.strip().rstrip(".") for part in (title, description) if part.strip())


def check_topics(topics: list[str]) -> list[str]:
    """Topics as chosen by hand, in order, or ValueError in plain words."""
    unknown = [t for t in topics if t not in THEMES]
    if unknown:
        raise ValueError(f"Choose improvement topics from the list (not {', '.join(unknown)})")
    if len(set(topics)) != len(topics):
        raise ValueError("Choose each improvement topic once")
    if len(topics) > MAX_TOPICS:
        raise ValueError(f"Choose up to {MAX_TOPICS} improvement topics")
    return list(topics)


@dataclass
class TopicReason:
    key: str
    name: str
    chief: bool
    phrases: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    # the most similar written examples, when they decided the chief topic
    examples: list[str] = field(default_factory=list)


@dataclass
class TopicsExplained:
    """What the page shows: each topic with the words that decided it, and how it was set."""

    topics: list[TopicReason]
    how: str  # "chosen by hand", "from the report's recommendation", "from its words"


def explain(
    text: str, topics: list[str], *, set_by_hand: bool, from_report: bool
) -> TopicsExplained:
    """The why of stored topics. Phrases are given for every topic the words support, whoever
    chose it; a topic chosen by hand that the words do not support has none."""
    result = theme_text(text or "")
    reasons = {item["theme"]: item for item in result.why()}
    # why() covers the themes given; a topic chosen by hand may be another the words scored
    for evidence in result.evidence:
        if evidence.theme in topics and evidence.theme not in reasons:
            reasons[evidence.theme] = {"phrases": [], "rules": []}
        if evidence.theme in topics and evidence.phrase not in reasons[evidence.theme]["phrases"]:
            reasons[evidence.theme]["phrases"].append(evidence.phrase)
    items = [
        TopicReason(
            key=key,
            name=topic_name(key),
            chief=n == 0,
            phrases=list((reasons.get(key) or {}).get("phrases") or [])[:5],
            rules=[r.split(": ", 1)[-1] for r in (reasons.get(key) or {}).get("rules") or []],
            examples=list((reasons.get(key) or {}).get("examples") or [])[:2],
        )
        for n, key in enumerate(topics)
    ]
    if set_by_hand:
        how = "chosen by hand"
    elif from_report:
        how = "from the report's recommendation"
    else:
        how = "from its words"
    return TopicsExplained(items, how)


def auto_topics(obj: Any) -> list[str]:
    """The topics a requirement or action gets from its words (a requirement from the report:
    its recommendation's themes, when the recommendation has them)."""
    recommendation = getattr(obj, "recommendation", None)
    if recommendation is not None and recommendation.themes:
        return list(recommendation.themes)[:MAX_TOPICS]
    if hasattr(obj, "title"):
        return topics_for_text(action_text(obj.title, obj.description))
    return topics_for_text(obj.text)
