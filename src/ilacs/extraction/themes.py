"""Improvement themes for recommendations and findings paragraphs: one to three keys, chief first.

The method is a weighted lexicon (themes_lexicon.py), read the way the labelling rules read a
recommendation:

- Text is split into parts (sentences, semicolon items). In each part the words before a reason
  ("so that", "to ensure", ...) are the ask and count fully; examples ("including",
  "particularly") count 0.6; reasons count 0.3. The actor ("Senior managers should") counts
  0.8 when it is a specialised role (IROs, foster carers) and not at all when it is managers,
  leaders or partners: they say who acts, not what changes. But what casework managers are
  asked to do to casework ("Managers should review plans") is their oversight.
- A phrase never reads across a comma; words after "other" count half; the abbreviations
  plans use (CP, CiN, CLA) read as the words.
- Words said earlier in the ask weigh a little more (the object of "improve" comes first), and
  later parts of a long recommendation a little less.
- The chief theme is the highest score; others join when they score at least a third of it.
  Then the rules of the theme list: care leavers' health or voice puts health or voice first;
  thresholds "at all levels" are management oversight; asking to evaluate a service puts that
  service first; an LSCB recommendation is partnership working too.
- Where no rule decided and two themes score close, the most similar of the recommendations
  written for the project under the theme list's rules (theme_examples.py), and a classifier
  trained on all of them (theme_classifier.py), decide which is the chief; a theme said in
  passing joins when the examples carry it, and a second theme the classifier says
  recommendations like this one do not carry is dropped. Only themes the phrases found can win
  or join.

Deterministic, no model downloaded (the classifier's weights ship with the package and are
read in plain Python): each theme comes with the phrases that decided it, and the examples
when they did.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import snowballstemmer

from .theme_examples import ExampleIndex, Neighbour, default_index, vote
from .themes_lexicon import (
    EXAMPLE_MARKERS,
    LEXICON,
    LSCB_PLAIN,
    NEUTRAL,
    PLACES,
    PURPOSE_MARKERS,
    THEMES,
)

if TYPE_CHECKING:
    from .model import ExtractedReport

THEME_KEYS: tuple[str, ...] = tuple(THEMES)

ASK, SUBJECT, EXAMPLE, REASON = 1.0, 0.8, 0.6, 0.3
FRAME = 0.8  # "work with the police to ...": who the council works with, not what changes
ASIDE = 0.5  # "ensure, with health partners, that ...": who with, said in passing
CONTEXT = 0.6  # a leading "where ...," or "when ...," clause sets the scene
SECONDARY_SHARE = 0.3  # a second or third theme scores at least this share of the chief's
SECONDARY_MIN = 0.4  # ... and at least this much on its own
PARAGRAPH_MIN = 1.0  # a paragraph's chief theme needs at least this score
MAX_THEMES = 3
THIRD_SHARE = 0.4  # a third theme needs at least this share of the chief's score
POSITION_DECAY = 0.04  # a word's weight is divided by 1 + this x its place in the part
PART_DECAY = 0.25  # the n-th part of a text weighs 1 / (1 + this x n)
OTHER = 0.5  # "and other case records": a phrase after "other" names the rest in passing
REPEAT = 0.6  # each further phrase of a theme counts this share of the one before
SPAN_TOPICS = 3  # other themes in a recording ask that make it recording as such (rule 7)
WEAK_ASK = 1.0  # an ask whose words score less than this is a frame for what follows
# "Visits to disabled children", "health assessments for unaccompanied children": a group named
# after what is asked of it, joined by a preposition, says whose visits (rule 3); it counts
# this share when another theme's phrase came at most MODIFIER_REACH words before.
MODIFIER = 0.6
MODIFIER_REACH = 5
_MODIFIER_JOINS = frozenset({"for", "of", "to", "with"})
# "Oversight of decisions in the MASH", "supervision at the front door": a service named as the
# place where another theme's practice happens says where, not what changes (rule 2's example).
_PLACE_JOINS = frozenset({"in", "at", "within", "across"})
# How much the nearest written examples' votes count beside the phrases' scores (a share of the
# chief's score): enough to decide between close themes, never to overrule a clear chief.
EXAMPLES_WEIGHT = 0.5
# ... and how much the classifier trained on them (theme_classifier.py) counts: its probability
# that a theme is the chief, times this
CLASSIFIER_WEIGHT = 0.5
# A second or third theme stays only when the classifier gives it at least this chance of being
# among the text's themes at all (unless a rule gave it)
PRESENT_MIN = 0.1
# A recommendation none of whose words the lexicon lists gets the classifier's chief theme when
# the classifier gives it at least this probability.
FALLBACK_MIN = 0.5
# A theme whose phrases score at least this share of the chief's (below SECONDARY_SHARE) joins
# when at least this share of the examples' votes go to it.
EXAMPLES_JOIN = (0.2, 0.1)
# Who acts, not what changes (rule 2): managers, leaders and partners named before "should"
# are the people asked to act in most recommendations. A specialised role there (IROs, foster
# carers, corporate parents) still counts: their practice is what changes.
GENERIC_ACTORS = """
    managers; line managers; team managers; senior managers; frontline managers; leaders;
    senior leaders; partners; its partners; with its partners; relevant partners; partner agencies
"""

_STEMMER = snowballstemmer.stemmer("english")
# Stems that would merge words the themes need apart.
_STEM_EXCEPTIONS = {
    "planned": "planned",
    "attendance": "attendance",
    "attend": "attend",
    "sufficient": "sufficient",
    "sufficiently": "sufficient",
    "relative": "relative",  # not "relation"
    "relatives": "relative",
    # "adopt a consistent approach": the verb, not adoption ("adopted", "adoption" still are)
    "adopt": "adopt-verb",
    "adopts": "adopt-verb",
    "reference": "reference",  # "terms of reference" is not a referral
    "references": "reference",
    # "manageable caseloads" (workforce) is not managers or management
    "manageable": "manageable",
    # words that share a stem with a theme's word but not its meaning
    "independent": "independent",  # an independent chair is not independence (care leavers)
    "direct": "direct-word",  # "direct contact" is not direction (management oversight)
    "directly": "direct-word",
    "culture": "culture",  # a learning culture is not a child's cultural identity
    "cultures": "culture",
    "missed": "missed",  # missed opportunities are not missing children
    "securing": "securing",  # securing permanence is not secure accommodation
    "secured": "securing",
    "secures": "securing",
    "security": "security",
    "account": "account-word",  # taking account of is not accountability
    "accounts": "account-word",
    "house": "house",  # in-house services are not housing
    "houses": "house",
    "proceed": "proceed-verb",  # to proceed is not care proceedings
    "proceeds": "proceed-verb",
    # "arrangements should govern that decision": governing is not governance
    "governance": "governance",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:'s)?|\+")
_PARA_REF = re.compile(r"\((?:paragraphs?|para\.?|outcome)\b[^()]*\)")
_SPLIT = re.compile(
    r"(?<=[a-z0-9)])\.\s+|;|:\s|\n|•"
    r"|,\s+and\s+(?=how\b|ensure\b|make\b|improve\b|strengthen\b|that\b|provide\b)"
)
_LEAD = re.compile(
    r"^(?:when|whenever|where|because|given that|before|after|if|once|while|as soon as)\b"
    r"[^,]{3,200},\s*"
)
_LEAD_REASON = re.compile(r"^(?:so that|in order to|in order that)\b[^,]{3,200},\s*")
_RECORDING_ASK = re.compile(
    r"^\W*(?:(?:improve|strengthen|ensure|that|further|develop|the|quality|timeliness|"
    r"consistency|and|of|in)\s+)*(?:recording|record keeping|case records|records of)\b"
)
_WORK_WITH = re.compile(
    r"^(?:(?:to|and|continue to|further)\s+)?(?:work|working|collaborate|liaise)\s+"
    r"(?:closely\s+|jointly\s+|together\s+)?(?:with|alongside)\b"
)
_FRAME_END = re.compile(r"\b(?:to|so that|in order)\b")
_REVIEW_TO_ENSURE = re.compile(
    r"^\W*(?:urgently\s+|further\s+)?(?:review|audit|examine|reconsider)\b[^.;]{0,120}?"
    r"\bto (?:ensure|make sure)\b"
)
# "ensure, with health partners, that ...": who the council acts with, said in passing
_WITH_ASIDE = re.compile(
    r"^(?:ensure|make sure|agree|develop)\s*,\s*(?:together\s+|jointly\s+)?with\b[^,]{1,60},"
)
_BREAK = re.compile(r"[,()]")
# Abbreviations councils write in plans ("CiN and CP plans", "CLA", "PAs")
_ABBREVIATIONS = {
    "cp": "child protection",
    "cin": "child in need",
    "cla": "children looked after",
    "lac": "looked after children",
    "pa": "personal adviser",
    "pas": "personal advisers",
}
_ABBREVIATION = re.compile(r"\b(?:" + "|".join(_ABBREVIATIONS) + r")\b(?!['-])")
_STEP_APART = re.compile(r"\bstep(s|ped|ping)? ((?:[a-z']+ ){1,3}?)(down|up)\b")
# "Managers should review ...", "managers in the hub should ...", "managers to review ..." (a
# plan's action), "it is essential that managers review ...", "ensure that team managers ..."
_MODAL = r"(?:[\w']+\s+){0,6}?(?:should|must|will|need to|needs to)\s+"
_MANAGERS_TO = re.compile(
    r"\W*(?:(?:(?:it is (?:essential|important|vital)|ensure|make sure) that\s+)"
    rf"(?:[\w']+\s+){{0,3}}?managers?\s+(?:{_MODAL})?"
    r"|(?:(?:ensure|make sure)\s+)?(?:[\w']+\s+){0,3}?managers?\s+"
    rf"(?:to\s+|are to\s+|{_MODAL}))"
)
# senior managers, with partners or leaders, review services, not casework
_NOT_CASEWORK_MANAGERS = re.compile(r"\b(?:senior|partners?|leaders?|board)\b")
_ADVERBS = frozenset(
    "regularly routinely consistently rigorously robustly always frequently closely".split()
)
_ACTOR = re.compile(r"^[^.;:]{0,90}?\bshould\s+")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    return _STEM_EXCEPTIONS.get(word) or _STEMMER.stemWord(word)


def _normalise(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("’", "'").replace("‘", "'").replace("`", "'")
    t = re.sub(r"[\u2010-\u2015]", "-", t)
    t = t.replace("b&b", "bed and breakfast")
    t = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group()], t)
    t = t.replace("-", " ").replace("/", " ")
    # "step children's cases down": the field's phrase is "step down"
    if "step" in t:
        t = _STEP_APART.sub(r"step\1 \3 \2", t)
    return _PARA_REF.sub(" ", t)


def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(m.group()) for m in _TOKEN.finditer(_normalise(text)))


_OVERSIGHT_VERBS = frozenset(
    _stem(w) for w in "review check monitor scrutinise scrutinize oversee challenge".split()
)
_OVERSIGHT_WORDS = frozenset({(_stem("oversight"),), (_stem("challenge"),), (_stem("scrutiny"),)})


def _parse_weights(spec: str) -> dict[str, float] | float:
    spec = spec.strip()
    if spec.startswith("{"):
        return {k: float(v) for k, v in json.loads(spec).items()}
    return float(spec)


@lru_cache(maxsize=1)
def _phrase_table() -> tuple[dict[tuple[str, ...], dict[str, float]], dict[str, tuple[int, ...]]]:
    """{stemmed phrase: {theme: weight}}, and the phrase lengths each first stem starts."""
    table: dict[tuple[str, ...], dict[str, float]] = {}
    for theme, block in LEXICON.items():
        for entry in re.split(r";\s*(?![^{}]*\})", block):
            entry = entry.strip()
            if not entry:
                continue
            phrase, _, weight = entry.partition("=")
            key = _stems(phrase)
            if not key:
                continue
            w = _parse_weights(weight) if weight else 1.0
            weights = w if isinstance(w, dict) else {theme: w}
            slot = table.setdefault(key, {})
            for k, v in weights.items():
                if k not in THEMES:
                    raise ValueError(f"unknown theme {k!r} in the lexicon entry {entry!r}")
                slot[k] = max(slot.get(k, 0.0), v)
    for phrase in NEUTRAL.split(";"):
        key = _stems(phrase)
        if key:
            table.setdefault(key, {})
    return table, _starts(table)


def _starts(keys: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """For each first word, the lengths of the phrases it starts, longest first: most words
    start none, so most places cost one dictionary look-up."""
    lengths: dict[str, set[int]] = {}
    for key in keys:
        lengths.setdefault(key[0], set()).add(len(key))
    return {word: tuple(sorted(sizes, reverse=True)) for word, sizes in lengths.items()}


@lru_cache(maxsize=1)
def _generic_actors() -> frozenset[tuple[str, ...]]:
    return frozenset(_stems(p) for p in GENERIC_ACTORS.split(";") if p.strip())


@lru_cache(maxsize=1)
def _places() -> frozenset[tuple[str, ...]]:
    return frozenset(_stems(p) for p in PLACES.split(";") if p.strip())


@lru_cache(maxsize=1)
def _lscb_plain() -> frozenset[tuple[str, ...]]:
    return frozenset(_stems(p) for p in LSCB_PLAIN.split(";") if p.strip())


@lru_cache(maxsize=1)
def _markers() -> tuple[dict[tuple[str, ...], float], dict[str, tuple[int, ...]]]:
    out: dict[tuple[str, ...], float] = {}
    for m in PURPOSE_MARKERS:
        out[tuple(m.split())] = REASON
    for m in EXAMPLE_MARKERS:
        out[tuple(m.split())] = EXAMPLE
    return out, _starts(out)


@dataclass
class Evidence:
    theme: str
    phrase: str
    score: float
    where: str  # "ask", "who" (before "should"), "context" ("where ...,"), "example" or "reason"
    weight: float = 1.0  # the phrase's weight in the lexicon


@dataclass
class ThemeResult:
    themes: list[str]
    scores: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    # the nearest written examples, when they changed the chief theme
    examples: list[Neighbour] = field(default_factory=list)

    def why(self) -> list[dict]:
        """For each theme given, in order: the phrases that decided it, any rule applied and, when
        the nearest written examples put the chief first, the closest of those that side with it."""
        out = []
        for key in self.themes:
            phrases: dict[str, float] = {}
            for e in self.evidence:
                if e.theme == key:
                    phrases[e.phrase] = phrases.get(e.phrase, 0.0) + e.score
            out.append(
                {
                    "theme": key,
                    "name": THEMES[key],
                    "score": round(self.scores.get(key, 0.0), 2),
                    "phrases": [p for p, _ in sorted(phrases.items(), key=lambda kv: -kv[1])],
                    "rules": [r for r in self.rules if r.startswith(key + ":")],
                }
            )
            if key == self.themes[0] and self.examples:
                out[-1]["examples"] = [
                    n.example.text
                    for n in self.examples
                    if key in (n.example.themes[0], *n.example.also_chief)
                ][:3]
        return out


def prepare() -> None:
    """Build the phrase tables now (about 0.1 s), e.g. before forking workers, so that each
    worker does not pay for it on its first file."""
    _phrase_table()
    _markers()
    _lscb_plain()
    _generic_actors()
    default_index()


def _lead_end(part: str) -> int:
    lead = _LEAD_REASON.match(part) or _LEAD.match(part)
    return lead.end() if lead else 0


def _casework_managers_asked(part: str, start: int) -> re.Match[str] | None:
    """ "Managers should ...", "managers to ...": casework managers asked to act (not senior
    managers, or managers with partners or leaders, who review services)."""
    if "manager" not in part:
        return None
    asked = _MANAGERS_TO.match(part, start)
    return asked if asked and not _NOT_CASEWORK_MANAGERS.search(asked.group()) else None


def _managers_asked(
    part: str, lead_end: int, matches: list[re.Match[str]]
) -> tuple[int | None, tuple[int, str] | None]:
    """Where casework managers are asked to act, the word index of "managers", and the place
    and words of an oversight verb they are asked to do ("Managers should routinely review",
    "managers to check"): what managers are asked to do to casework is their oversight (rule
    2), though "managers" before "should" only says who acts."""
    asked = _casework_managers_asked(part, lead_end)
    if asked is None:
        return None, None
    raw = [m.group() for m in matches]
    before = [k for k, m in enumerate(matches) if m.start() < asked.end()]
    managers_at = max(k for k in before if raw[k].startswith("manager"))
    verb = len(before)
    while verb < len(raw) - 1 and raw[verb] in _ADVERBS:
        verb += 1
    if verb < len(raw) and (
        _stem(raw[verb]) in _OVERSIGHT_VERBS
        or (raw[verb] == "look" and verb + 1 < len(raw) and raw[verb + 1] == "at")
    ):
        said = part[matches[0].start() if lead_end == 0 else lead_end : matches[verb].end()]
        return managers_at, (verb, said.strip())
    return managers_at, None


def _parts(text: str) -> list[str]:
    return [p for p in (s.strip(" ,.") for s in _SPLIT.split(_normalise(text))) if p]


def _score(
    text: str, position_decay: float, lscb: bool = False
) -> tuple[dict[str, float], list[Evidence]]:
    table, starts = _phrase_table()
    markers, marker_starts = _markers()
    lscb_plain = _lscb_plain()
    scores: dict[str, float] = {}
    evidence: list[Evidence] = []
    hits: dict[str, int] = {}  # how often each theme has been found so far
    for part_no, part in enumerate(_parts(text)):
        # "Where a baby is injured, make sure ...": the leading clause sets the scene, the ask
        # follows the comma; "So that ..., strengthen ..." leads with the reason.
        lead = _LEAD_REASON.match(part) or _LEAD.match(part)
        lead_end = lead.end() if lead else 0
        lead_weight = REASON if lead and lead.re is _LEAD_REASON else CONTEXT
        actor = _ACTOR.match(part[lead_end:])
        subject_end = lead_end + actor.end() if actor else 0
        # "Work with health partners to ensure that ...": who the council works with is who
        # acts (rule 2), not what changes; the ask is what follows "to"
        frame_end = 0
        ask_start = subject_end or lead_end
        frame = _WORK_WITH.match(part[ask_start:])
        if frame:
            to = _FRAME_END.search(part, ask_start + frame.end())
            if to:
                frame_end = to.start()
        frame_weight = FRAME
        aside = None if frame_end else _WITH_ASIDE.match(part[ask_start:])
        if aside:
            frame_end, frame_weight = ask_start + aside.end(), ASIDE
        matches = list(_TOKEN.finditer(part))
        raw = [m.group() for m in matches]
        stems = [_stem(w) for w in raw]
        # a phrase never reads across a comma or a bracket: "throughout the service, plans
        # for children" names no service plan
        punctuation = [b.start() for b in _BREAK.finditer(part)]
        if punctuation:
            starts_at = [m.start() for m in matches]
            breaks = {bisect_right(starts_at, b) for b in punctuation}
        else:
            breaks = set()
        part_weight = 1.0 / (1.0 + PART_DECAY * part_no)
        # (segment weight, [(theme, weight, position, phrase)]) in reading order
        # the regions before the ask, in reading order: (end, weight, label)
        regions = [
            (end, weight, label)
            for end, weight, label in (
                (lead_end, lead_weight, "context" if lead_weight == CONTEXT else "reason"),
                (subject_end, SUBJECT, "who"),
                (frame_end, frame_weight, "frame"),
            )
            if end
        ]
        segments: list[tuple[float, list[tuple[str, float, int, str]]]] = [
            *((weight, []) for _, weight, _ in regions),
            (ASK, []),
        ]
        n = len(stems)
        # only the places where a phrase or a marker may start are looked at
        places = [k for k in range(n) if stems[k] in starts or raw[k] in marker_starts]
        # what casework managers are asked to do (first part only: a later "and ensure that
        # managers check progress" is how, not what)
        managers_at, review = (
            _managers_asked(part, lead_end, matches) if part_no == 0 else (None, None)
        )
        if review is not None:
            segments[len(regions)][1].append(("management_oversight", 1.0, *review))
        consumed = 0
        for i in places:
            if i < consumed:
                continue  # inside a phrase already read
            at = matches[i].start()
            region = next((k for k, (end, _, _) in enumerate(regions) if at < end), None)
            in_subject = region is not None and regions[region][2] == "who"
            target = len(segments) - 1 if region is None else region
            if i > 1 and region is None and raw[i] in marker_starts:
                for size in marker_starts[raw[i]]:
                    seg = markers.get(tuple(raw[i : i + size]))
                    if seg is not None:
                        segments.append((min(segments[-1][0], seg), []))
                        target = len(segments) - 1
                        break
            themes = None
            for size in starts.get(stems[i], ()):
                if i + size <= n:
                    themes = table.get(tuple(stems[i : i + size]))
                    if themes is not None:
                        if size > 1 and breaks and not breaks.isdisjoint(range(i + 1, i + size)):
                            themes = None  # the phrase would read across a comma
                            continue
                        break
            if themes is None:
                continue
            phrase = part[matches[i].start() : matches[i + size - 1].end()]
            for theme, w in themes.items():
                if in_subject and tuple(stems[i : i + size]) in _generic_actors():
                    continue
                if (
                    not lscb
                    and theme == "partnership"
                    and i > 0
                    and raw[i - 1] == "by"
                    and tuple(stems[i : i + size]) in _generic_actors()
                ):
                    continue  # "information sharing by partner agencies in the MASH": who acts
                if i > 0 and raw[i - 1] in ("other", "wider"):
                    w *= OTHER  # "assessments and other case records": the rest, in passing
                if theme == "voice_participation" and (
                    _adults_voice(raw, stems, i, size)
                    or _taking_part_in_learning(raw, stems, i, size)
                ):
                    continue  # "partner agencies participate in the board's work": not children's
                if theme == "specific_groups" and _modifies(raw, i, theme, segments[target][1]):
                    w *= MODIFIER
                elif (
                    theme == "front_door"
                    and tuple(stems[i : i + size]) in _places()
                    and (
                        _modifies(raw, i, theme, segments[target][1], _PLACE_JOINS, 0.6)
                        # "managers in the MASH should ...": where the managers work
                        or (
                            managers_at is not None
                            and managers_at < i <= managers_at + MODIFIER_REACH
                            and any(raw[j] in _PLACE_JOINS for j in range(managers_at + 1, i))
                        )
                    )
                ):
                    w *= MODIFIER
                if (
                    managers_at is not None
                    and theme == "management_oversight"
                    and region is None
                    and tuple(stems[i : i + size]) in _OVERSIGHT_WORDS
                ):
                    w = max(w, 1.0)  # managers' oversight is management oversight
                if lscb and theme == "partnership" and tuple(stems[i : i + size]) in lscb_plain:
                    w *= 0.3  # every LSCB item is about partners: the word alone says little
                if lscb and theme == "management_oversight" and stems[i].startswith("overs"):
                    w *= 0.3  # the board's oversight of a topic is not managers' (rule 5)
                segments[target][1].append((theme, w, i, phrase))
            consumed = i + size
        # An ask that names no theme ("devise a strategy to support ...", "work with partners
        # to ensure ...") is only a frame: what follows is the ask.
        weights = [w for w, _ in segments]
        for k in range(len(segments) - 1):
            if k < len(regions):
                continue  # scene, who acts, who with: never the ask
            if weights[k] == ASK and sum(w for _, w, _, _ in segments[k][1]) < WEAK_ASK:
                weights[k + 1] = ASK
            else:
                break
        # "Review the 16+ service to ensure that caseloads are manageable": a review is the
        # means; what it is to ensure is what changes (rule 2)
        reviewed = len(regions)
        if (
            len(segments) > reviewed + 1
            and weights[reviewed] == ASK
            and weights[reviewed + 1] == REASON
            and _REVIEW_TO_ENSURE.match(part[subject_end or lead_end :])
        ):
            weights[reviewed], weights[reviewed + 1] = FRAME, ASK
        for k, ((_, found), where) in enumerate(zip(segments, weights, strict=True)):
            label = {ASK: "ask", EXAMPLE: "example"}.get(where, "reason")
            if k < len(regions):
                label = regions[k][2]
            elif k == reviewed and where == FRAME:
                label = "frame"
            counted: set[str] = set()
            for theme, w, pos, phrase in found:
                if where < ASK and theme in counted:
                    continue  # in an example or a reason, a theme counts once
                counted.add(theme)
                s = w * where * part_weight / (1.0 + position_decay * pos)
                s *= REPEAT ** hits.get(theme, 0)
                hits[theme] = hits.get(theme, 0) + 1
                scores[theme] = scores.get(theme, 0.0) + s
                evidence.append(Evidence(theme, phrase, s, label, w))
    return scores, evidence


# Words that say someone takes part or is heard: children's voice when children do, not when
# partners, professionals, staff, parents or carers do
_TAKING_PART = frozenset(
    _stem(w)
    for w in "views view involvement involved involve participation participate participating "
    "engagement engage engaged feedback consultation consult heard listen listened voice "
    "voices".split()
)
_ADULTS = frozenset(
    "partner partners agency agencies professional professionals practitioner practitioners "
    "staff school schools police gp gps representative representatives member members "
    "clinician clinicians organisation organisations board lscb parent parents parents' father "
    "fathers fathers' mother mothers mothers' carer carers carers' adult adults".split()
)
_CHILDREN = frozenset(
    "child children child's children's young youth leaver leavers baby babies adolescents "
    "teenagers pupils girls boys".split()
)
ADULTS_REACH = (5, 6)  # words before and after a taking-part word that may say whose it is
# "Participation in education, employment or training": taking part in learning or work, not
# being heard
_LEARNING = frozenset(
    "education employment training learning school schools schooling work apprenticeship "
    "apprenticeships eet neet college university".split()
)
LEARNING_REACH = 6  # words after a taking-part word in which "in <learning>" may follow


def _adults_voice(raw: list[str], stems: list[str], i: int, size: int) -> bool:
    """Whether the taking-part word at i is said of adults: partners, professionals, staff,
    parents or carers named near it and no child ("all partner agencies participate in the
    board's work", "the views of fathers")."""
    if not all(s in _TAKING_PART for s in stems[i : i + size]):
        return False
    before, after = ADULTS_REACH
    near = [
        w
        for k, w in enumerate(raw[max(0, i - before) : i + size + after], max(0, i - before))
        if not (w == "child" and k + 1 < len(raw) and raw[k + 1] == "protection")
    ]
    return any(w in _ADULTS for w in near) and not any(w in _CHILDREN for w in near)


def _taking_part_in_learning(raw: list[str], stems: list[str], i: int, size: int) -> bool:
    """Whether the taking-part word at i is taking part in learning or work ("the participation
    of care leavers in education, employment or training"), which is education (or care
    leavers' EET), not children's voice."""
    if not all(s in _TAKING_PART for s in stems[i : i + size]):
        return False
    after = raw[i + size : i + size + LEARNING_REACH]
    if "in" not in after:
        return False
    k = after.index("in")  # what they take part in: the first "in" ("involved in planning")
    return any(x in _LEARNING for x in after[k + 1 : k + 3])


def _modifies(
    raw: list[str],
    i: int,
    theme: str,
    found: list[tuple[str, float, int, str]],
    words: frozenset[str] = _MODIFIER_JOINS,
    min_weight: float = 0.8,
) -> bool:
    """Whether the phrase at word i follows another theme's phrase through a preposition
    ("visits to disabled children", "the wishes of non-verbal disabled children")."""
    joins = [j for j in range(max(0, i - 3), i) if raw[j] in words]
    return any(
        t != theme and tw >= min_weight and tp < j and i - tp <= MODIFIER_REACH
        for t, tw, tp, _ in found
        for j in joins
    )


def _apply_rules(
    text: str,
    scores: dict[str, float],
    evidence: list[Evidence],
    ranked: list[str],
    rules: list[str],
    lscb: bool,
) -> list[str]:
    """The labelling rules of the theme list that a score alone does not capture."""
    lowered = _normalise(text)
    if ranked and ranked[0] == "care_leavers":
        # rule 4 before rule 6: pathway plans that should cover health are pathway plans
        pathway_first = re.search(r"\bpathway plan", lowered)
        for first, share in (("health", 0.5), ("voice_participation", 0.25)):
            if first == "health" and pathway_first:
                said = [lowered.find(e.phrase) for e in evidence if e.theme == "health"]
                if pathway_first.start() < min((a for a in said if a >= 0), default=0):
                    continue
            if first in ranked and scores[first] >= share * scores["care_leavers"]:
                ranked.remove(first)
                ranked.insert(0, first)
                rules.append(f"{first}: care leavers' {first.split('_')[0]} is {first} first")
                break
    if ranked and ranked[0] == "plans":
        # "the business plan is specific, measurable and time-limited": the plan named is
        # another theme's (a board's business plan, a pathway plan); its quality words follow it
        if not any(e.theme == "plans" and re.search(r"\bplan", e.phrase) for e in evidence):
            owner = next(
                (
                    e.theme
                    for e in evidence
                    if e.theme != "plans"
                    and e.where == "ask"
                    and re.search(r"\bplans?\b", e.phrase)
                ),
                None,
            )
            if owner:
                if owner in ranked:
                    ranked.remove(owner)
                ranked.insert(0, owner)
                rules.append(f"{owner}: the plan named is {THEMES[owner]}'s own")
    if (
        ranked
        and ranked[0] == "management_oversight"
        and any(e.theme == "management_oversight" and e.where == "ask" for e in evidence)
        and any(_casework_managers_asked(part, _lead_end(part)) for part in _parts(text)[:1])
    ):
        # "Managers should review plans": the examples' words would put plans first
        rules.append("management_oversight: what managers are asked to do to casework is oversight")
    # topics the ask names (words that name a theme, not ones that only may mean it)
    asked = {e.theme for e in evidence if e.where in ("ask", "example") and e.weight >= 0.6}
    spans = len(asked - {"recording"}) >= SPAN_TOPICS
    if "recording" in scores and _RECORDING_ASK.match(_strip_actor(lowered)):
        # "Improve the recording of visits, supervision and assessments": what is asked is
        # recording; first when it spans topics, else beside the topic (rule 7)
        if "recording" in ranked:
            ranked.remove("recording")
        ranked.insert(0 if spans else min(1, len(ranked)), "recording")
        rules.append("recording: the ask is the recording itself")
    if ranked and ranked[0] == "recording" and len(ranked) > 1:
        as_such = any(e.theme == "recording" and e.weight >= 1.0 for e in evidence)
        # "key documents, including plans and assessments, are uploaded": the topics are
        # examples of what is recorded; the ask is the records
        as_such = as_such or not any(e.theme == ranked[1] and e.where == "ask" for e in evidence)
        # records of decisions, visits, assessments and plans: recording spanning several topics
        if not as_such and not spans:
            ranked.insert(0, ranked.pop(1))
            rules.append(f"{ranked[0]}: recording of a topic puts the topic first")
    if ranked and ranked[0] == "workforce":
        # the caseloads, training or capacity of IROs or of foster carers belong to their
        # theme; training to help with a named harm is about that harm
        for role in (
            "independent_oversight",
            "foster_carers",
            "specific_harms",
            "exploitation_missing",
        ):
            if role in ranked:
                ranked.remove(role)
                ranked.insert(0, role)
                rules.append(f"{role}: workforce asks about {THEMES[role]} go to that theme")
                break
    if re.search(r"\bthreshold|\bcriteria\b", lowered) and _thresholds_beyond_the_front_door(
        lowered
    ):
        if ranked and ranked[0] == "front_door":
            ranked.remove("front_door")
        if "management_oversight" in ranked:
            ranked.remove("management_oversight")
        ranked.insert(0, "management_oversight")
        rules.append("management_oversight: thresholds at all levels are management oversight")
    if (
        ranked
        and ranked[0] == "quality_assurance"
        and re.match(
            r"^\W*(?:evaluate|review the (?:impact|effectiveness))\b", _strip_actor(lowered)
        )
    ):
        others = [t for t in ranked[1:] if scores.get(t, 0) >= 0.3]
        if others:
            ranked.remove(others[0])
            ranked.insert(0, others[0])
            rules.append(f"{others[0]}: evaluating a service puts the service first")
    if lscb and ranked and ranked[0] == "leadership_governance":
        # a board's own governance, business plan and funding are its partnership working
        if "partnership" in ranked:
            ranked.remove("partnership")
        ranked.insert(0, "partnership")
        rules.append("partnership: the board's own governance is partnership working")
    if lscb:
        if not ranked:
            ranked.append("partnership")
        elif "partnership" not in ranked:
            ranked.insert(min(1, len(ranked)), "partnership")
            rules.append("partnership: an LSCB recommendation is partnership working too")
    return ranked[:MAX_THEMES]


# Levels of need a threshold may be applied at; two of them named means casework beyond the
# front door (rule 8).
_LEVELS = (
    r"\bearly help\b",
    r"\bchild(?:ren)? in need\b",
    r"\bchild protection\b|\bprotection plans?\b|\bsignificant harm\b",
    r"\bcare thresholds?\b|\binto care\b|\blooked after\b",
)


def _thresholds_beyond_the_front_door(lowered: str) -> bool:
    if re.search(
        r"\bat (?:all|every|each) levels?\b|\blevels of (?:need|intervention)\b|"
        r"\bcare thresholds?\b|\bthresholds? for care\b(?! proceedings)|"
        r"\bstep(?:ping)? (?:up|down)\b.*\bthresholds?\b",
        lowered,
    ):
        return True
    # thresholds or criteria applied alike across casework teams ("... applied consistently
    # in the locality teams") or the whole service, when nothing places them at the front door
    if (
        re.search(
            r"\bthresholds?\b[^.;]{0,60}\b(?:across|throughout) (?:the (?:whole )?|all )?"
            r"(?:service|services)\b",
            lowered,
        )
        or re.search(
            r"\b(?:thresholds?|criteria)\b[^.;]{0,80}\bappl(?:ied|y)\b[^.;]{0,50}"
            r"\b(?:across|in|by)\s+(?:all\s+|the\s+|each\s+|every\s+)*(?:[\w']+\s+){0,2}teams?\b",
            lowered,
        )
    ) and not re.search(
        r"\bfront door\b|\bmash\b|\bhub\b|\bduty\b|\breferrals?\b|\bcontacts?\b", lowered
    ):
        return True
    # thresholds asked about (among the first words of the ask), named at two levels of need;
    # "help for children in need who do not meet the threshold for child protection" is not
    ask = _strip_actor(lowered)
    if not re.match(r"^\W*(?:that\s+)?(?:[\w']+\W+){0,5}?thresholds?\b", ask):
        return False
    return sum(bool(re.search(level, lowered)) for level in _LEVELS) >= 2


def _strip_actor(text: str) -> str:
    m = _ACTOR.match(text)
    return text[m.end() :] if m else text


def theme_text(
    text: str, kind: str = "recommendation", examples: ExampleIndex | None = None
) -> ThemeResult:
    """Themes of one recommendation ("recommendation", "lscb") or findings paragraph ("paragraph").

    A recommendation always gets one to three themes when any theme's words occur (and, when
    none does, the classifier's chief theme if it is sure enough of one); a paragraph
    gets themes only when one scores at least PARAGRAPH_MIN, so passing mentions give none.
    Where no rule decided a recommendation's chief theme, the nearest written examples may put
    a close second first (theme_examples.py); `examples` is the index they come from (the
    shipped one when None).
    """
    if kind not in ("recommendation", "lscb", "paragraph"):
        raise ValueError(f"kind must be recommendation, lscb or paragraph, not {kind!r}")
    paragraph = kind == "paragraph"
    scores, evidence = _score(
        text or "",
        position_decay=POSITION_DECAY / 2 if paragraph else POSITION_DECAY,
        lscb=kind == "lscb",
    )
    ranked = sorted(scores, key=lambda t: (-scores[t], THEME_KEYS.index(t)))
    ranked = [t for t in ranked if scores[t] > 0]
    if ranked:
        top = scores[ranked[0]]
        if paragraph and top < PARAGRAPH_MIN:
            ranked = []
        else:
            floor = max(SECONDARY_SHARE * top, SECONDARY_MIN)
            ranked = [ranked[0], *[t for t in ranked[1:] if scores[t] >= floor]]
            if len(ranked) > 2 and scores[ranked[2]] < THIRD_SHARE * top:
                ranked = ranked[:2]
    rules: list[str] = []
    neighbours: list[Neighbour] = []
    if not paragraph:
        ranked = _apply_rules(text or "", scores, evidence, ranked, rules, lscb=kind == "lscb")
        if ranked:
            ranked, neighbours = _second_opinion(text, scores, ranked, rules, examples)
        elif (text or "").strip():
            ranked, neighbours = _no_phrases(text, rules, examples)
    return ThemeResult(ranked[:MAX_THEMES], scores, evidence, rules, neighbours)


def _no_phrases(
    text: str, rules: list[str], examples: ExampleIndex | None
) -> tuple[list[str], list[Neighbour]]:
    """A recommendation in which no phrase of the lexicon occurs ("make sure there are enough
    social workers for every child to have one they know") gets the classifier's chief theme,
    when the classifier is sure enough of it (FALLBACK_MIN); otherwise none."""
    index = default_index() if examples is None else examples
    if index.classifier is None:
        return [], []
    chief_p, _ = index.classifier.probabilities(text)
    best = max(THEME_KEYS, key=lambda t: chief_p.get(t, 0.0))
    if chief_p.get(best, 0.0) < FALLBACK_MIN:
        return [], []
    rules.append(
        f"{best}: no phrase listed for any topic occurs in it, and the classifier trained on the "
        "written examples reads it as this one"
    )
    return [best], index.nearest(text)


def _second_opinion(
    text: str,
    scores: dict[str, float],
    ranked: list[str],
    rules: list[str],
    examples: ExampleIndex | None,
) -> tuple[list[str], list[Neighbour]]:
    """What the nearest written examples add to the phrases' reading.

    Where no rule decided the chief, a close second goes first when the examples side with it:
    each theme's score as a share of the chief's, plus EXAMPLES_WEIGHT x its share of the
    examples' votes, plus CLASSIFIER_WEIGHT x the classifier's probability that it is the chief.
    A second or third theme the classifier gives less than PRESENT_MIN chance of being among
    the text's themes at all is dropped, unless a rule gave it. A theme whose phrases scored too
    little to be given joins when the examples carry it too (EXAMPLES_JOIN). Only themes the
    phrases found can win or join, so every theme given still has its phrases. The neighbours
    are returned when they changed the chief, for the why."""
    index = default_index() if examples is None else examples
    neighbours = index.nearest(text)
    votes = vote(neighbours)
    classifier = index.classifier if len(ranked) > 1 else None  # it only orders or drops
    chief_p, present = classifier.probabilities(text) if classifier else ({}, {})
    decided: list[Neighbour] = []
    by_words = ranked[0]  # the theme its words point to most stays, even when put second
    if len(ranked) > 1 and not rules and (votes or chief_p):
        top = scores[ranked[0]]
        combined = {
            t: scores[t] / top
            + EXAMPLES_WEIGHT * votes.get(t, 0.0)
            + CLASSIFIER_WEIGHT * chief_p.get(t, 0.0)
            for t in ranked
        }
        chief = max(ranked, key=lambda t: (combined[t], -ranked.index(t)))
        if chief != ranked[0]:
            deciders = (
                "the most similar written examples, and the classifier trained on them,"
                if classifier
                else "the most similar written examples"
            )
            rules.append(
                f"{chief}: its words point almost as much elsewhere, and {deciders} put it first"
            )
            ranked = [chief, *[t for t in ranked if t != chief]]
            decided = neighbours
    if present:
        # a theme said in passing that recommendations like this one do not carry
        kept = {r.split(":", 1)[0] for r in rules} | {by_words}
        ranked = [ranked[0], *[t for t in ranked[1:] if present[t] >= PRESENT_MIN or t in kept]]
    top = max(scores.values(), default=0.0)
    for theme in sorted(scores, key=lambda t: (-scores[t], THEME_KEYS.index(t))):
        if len(ranked) >= MAX_THEMES or not votes:
            break
        share, backed = EXAMPLES_JOIN
        if theme not in ranked and scores[theme] >= share * top and votes.get(theme, 0) >= backed:
            ranked.append(theme)
            rules.append(
                f"{theme}: said in passing, and the most similar written examples ask for it"
            )
    return ranked, decided


def themes_for(text: str, kind: str = "recommendation") -> list[str]:
    """Just the theme keys, chief first."""
    return theme_text(text, kind).themes


def assign_themes(report: ExtractedReport) -> None:
    """Set `themes` on every recommendation, LSCB recommendation and findings paragraph."""
    for r in report.recommendations:
        r.themes = themes_for(r.text, "recommendation")
    for r in report.lscb_recommendations:
        r.themes = themes_for(r.text, "lscb")
    for p in report.paragraphs:
        p.themes = themes_for(p.text, "paragraph")
