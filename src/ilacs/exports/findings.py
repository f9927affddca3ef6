"""Strengths and areas for improvement, drawn from a report's findings paragraphs.

Plain Python. Ofsted's findings paragraphs mix praise and criticism, so each sentence is read on
its own: a sentence with a word of concern ("not", "delay", "inconsistent", "too", "needs") is an
area for improvement; a sentence with a word of praise ("effective", "strong", "well") and no word
of concern is a strength. The Cabinet report skeleton prints what this finds with the paragraph's
reference ("paragraph 37, page 9") for officers to check and edit: it is a first draft, not a
judgement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PRAISE = re.compile(
    r"\b(strength|strengths|strong|strongly|effective|effectively|good|well|improved|improving|"
    r"robust|positive|positively|timely|appropriate|appropriately|benefit|benefits|thrive|"
    r"thriving|skilled|committed|creative|high[- ]quality|impressive|excellent|progress|"
    r"sensitive|sensitively|comprehensive|value|valued|stable|consistent|consistently)\b",
    re.IGNORECASE,
)
CONCERN = re.compile(
    r"\b(not|no longer|cannot|n't|inconsistent|inconsistently|weak|weaker|weakness|"
    r"weaknesses|delay|delays|delayed|drift|too|needs? to (?:improve|be|ensure|do)|should|"
    r"variable|variability|poor|"
    r"lack|lacks|lacking|limited|insufficient|insufficiently|fail|fails|failed|gaps?|less|"
    r"yet to|not yet|deficits?|shortfall|concerns?|unclear|unsafe|declined|deteriorated|"
    r"unable|overly|late)\b",
    re.IGNORECASE,
)
# Concern words used in praise: "they challenge drift and delay", "seen without delay".
PRAISED_CONCERN = re.compile(
    r"\b(?:challeng\w*|prevent\w*|avoid\w*|reduc\w*|tackl\w*|without|minimis\w*)\s+"
    r"(?:any\s+|unnecessary\s+)?(?:drift|delay|delays)(?:\s+and\s+(?:drift|delay))?",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'‘“(])")
MIN_WORDS = 8


def sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    return [s.strip() for s in _SENTENCE.split(text) if s.strip()]


def _score(pattern: re.Pattern[str], sentence: str) -> int:
    return len(pattern.findall(sentence))


def classify_sentence(sentence: str) -> str | None:
    """ "strength", "improvement", or None when the sentence says neither clearly."""
    if len(sentence.split()) < MIN_WORDS:
        return None
    if _score(CONCERN, PRAISED_CONCERN.sub(" ", sentence)):
        return "improvement"
    if _score(PRAISE, sentence):
        return "strength"
    return None


def _spread(found: list[tuple[str, str, str]], limit: int) -> list[tuple[str, str, str]]:
    """At most `limit`, taken in turn from each section so that every part of the report is
    heard, then put back in report order."""
    by_section: dict[str, list[tuple[int, tuple[str, str, str]]]] = {}
    for i, item in enumerate(found):
        by_section.setdefault(item[2], []).append((i, item))
    chosen: list[tuple[int, tuple[str, str, str]]] = []
    queues = list(by_section.values())
    while len(chosen) < limit and any(queues):
        for queue in queues:
            if queue and len(chosen) < limit:
                chosen.append(queue.pop(0))
    return [item for _, item in sorted(chosen)]


def classify_paragraphs(
    paragraphs: Iterable[tuple[str, str, str]], limit: int = 12
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(strengths, improvements) from (text, reference, section) paragraphs: at most one of each
    per paragraph (its clearest sentence), at most `limit` of each."""
    strengths: list[tuple[str, str, str]] = []
    improvements: list[tuple[str, str, str]] = []
    for text, reference, section in paragraphs:
        best: dict[str, tuple[int, str]] = {}
        for sentence in sentences(text):
            kind = classify_sentence(sentence)
            if kind is None:
                continue
            score = _score(
                CONCERN if kind == "improvement" else PRAISE, PRAISED_CONCERN.sub(" ", sentence)
            )
            if kind not in best or score > best[kind][0]:
                best[kind] = (score, sentence)
        if "strength" in best:
            strengths.append((best["strength"][1], reference, section))
        if "improvement" in best:
            improvements.append((best["improvement"][1], reference, section))
    return _spread(strengths, limit), _spread(improvements, limit)
