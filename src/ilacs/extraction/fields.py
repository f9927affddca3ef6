"""Small parsers for the report's front matter: council name, dates, lead inspector, grades."""

from __future__ import annotations

import re
from datetime import date

from ilacs.dates import MONTH_NAMES

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}

_DATE_TOKEN = re.compile(
    r"(?P<day>\b\d{1,2})(?:st|nd|rd|th)?\b|(?P<month>\b(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b)\.?|(?P<year>\b(?:19|20)\d{2}\b)",
    re.I,
)


def parse_date_range(text: str) -> tuple[str | None, str | None]:
    """'15 – 19 July 2013', '27 September to 8 October 2021', '3-7 and 17-21 March 2014'.

    Start is the first day of the first period, end the last day of the last; a day without a
    month or year takes them from the next date that has them.
    """
    # numeric dates: 12/09/2016 -> 12 September 2016
    text = re.sub(
        r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)?\d{2})\b",
        lambda m: (
            f"{m[1]} {MONTH_NAMES[int(m[2]) - 1] if 1 <= int(m[2]) <= 12 else ''} "
            f"{m[3] if len(m[3]) == 4 else '20' + m[3]}"
        ),
        text,
    )
    tokens: list[tuple[str, int]] = []
    for m in _DATE_TOKEN.finditer(text):
        if m.group("day"):
            day = int(m.group("day"))
            if 1 <= day <= 31:
                tokens.append(("d", day))
        elif m.group("month"):
            tokens.append(("m", MONTHS[m.group("month").lower().rstrip(".")]))
        else:
            tokens.append(("y", int(m.group("year"))))
    # Group into dates: each day opens a date; months and years attach to the latest date.
    dates: list[list[int | None]] = []
    for kind, value in tokens:
        if kind == "d":
            dates.append([value, None, None])
        elif not dates:
            continue
        elif kind == "m":
            if dates[-1][1] is None:
                dates[-1][1] = value
        elif dates[-1][2] is None:
            dates[-1][2] = value
    dates = [d for d in dates if d[1] is not None or d[2] is not None or len(dates) > 1]
    if not dates:
        return None, None
    # Fill missing months/years from the following dates.
    for i in range(len(dates) - 2, -1, -1):
        for k in (1, 2):
            if dates[i][k] is None:
                dates[i][k] = dates[i + 1][k]
    out: list[date] = []
    for d, m, y in dates:
        if d is None or m is None or y is None:
            continue
        try:
            out.append(date(y, m, d))
        except ValueError:
            continue
    if not out:
        return None, None
    start, end = out[0], out[-1]
    if start > end and start.replace(year=start.year - 1) <= end:
        # "14 December to 8 January 2016": the first date's year is the one before
        start = start.replace(year=start.year - 1)
    return start.isoformat(), end.isoformat()


def parse_date(text: str) -> str | None:
    start, _ = parse_date_range(text)
    return start


_TITLES = re.compile(
    r"\b(?:Her|His)\s+Majesty[’']s\s+Inspector(?:\s+of\s+\w+)?s?\b|\bHMI\b|\bOfsted\s+Inspector\b|"
    r"\bSocial\s+Care\s+Regulatory\s+Inspector\b|\bSenior\s+HMI\b|\bAdditional\s+Inspector\b|"
    r"\bregulatory\s+inspector\b",
    re.I,
)
_HONORIFICS = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Professor|Prof)\.?\s+", re.I)


def clean_inspector(raw: str) -> str | None:
    """'Teresa Godfrey, His Majesty’s Inspector' -> 'Teresa Godfrey'; two leads -> 'A and B'."""
    text = _TITLES.sub("", raw)
    text = re.sub(r"\(\s*\)|\((?:designate|lead)\)", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;.:–-")
    names = [n.strip(" ,;.:–-") for n in re.split(r",?\s+and\s+|\s*&\s*|,\s*(?=[A-Z])", text)]
    names = [_HONORIFICS.sub("", n) for n in names if n]
    names = [n for n in names if re.match(r"^[A-Z][\w’'\-]+(?:\s+[\w’'\-]+){0,4}$", n)]
    if not names:
        return None
    return " and ".join(names)


# ---- council names ---------------------------------------------------------------------------

_KEEP_WHOLE = {"city of london", "isles of scilly", "kingston upon hull", "county durham"}
_PREFIXES = re.compile(
    r"^(?:the\s+)?(?:council\s+of\s+the\s+|london\s+borough\s+of\s+|royal\s+borough\s+of\s+|"
    r"metropolitan\s+borough\s+of\s+|borough\s+of\s+|city\s+of\s+|county\s+of\s+)",
    re.I,
)
_SUFFIXES = re.compile(
    r"\s+(?:metropolitan\s+borough\s+council|metropolitan\s+district\s+council|"
    r"district\s+metropolitan\s+council|metropolitan\s+council|metropolitan\s+borough|"
    r"children[’']?s\s+services(?:\s+department)?|"
    r"borough\s+council|county\s+borough\s+council|county\s+council|city\s+council|"
    r"district\s+council|unitary\s+authority|council|"
    r"children[’']?s?\s+(?:and\s+families\s+|services\s+)?trust|children\s+first|"
    r"safeguarding\s+children\s+(?:board|partnership)|local\s+safeguarding\s+children\s+board)$",
    re.I,
)


def clean_la_name(raw: str) -> str | None:
    """Plain council name as the labels write it: 'London Borough of Croydon' -> 'Croydon'."""
    name = re.sub(r"\s+", " ", raw).strip(" ,.:;–-")
    name = re.sub(r"[\d¹²³⁴⁵⁶⁷⁸⁹]+$", "", name).strip()  # footnote marker
    name = name.replace("&", "and")
    if not name:
        return None
    if name.lower() in _KEEP_WHOLE:
        return name
    if name.lower() == "city of london corporation":
        return "City of London"
    for _ in range(3):
        before = name
        if name.lower() not in _KEEP_WHOLE:
            name = _PREFIXES.sub("", name)
            name = _SUFFIXES.sub("", name)
        if name == before:
            break
    name = re.sub(r"^the\s+", "", name, flags=re.I).strip(" ,")
    if not name or len(name) > 60:
        return None
    return name


# ---- grades and judgement keys ---------------------------------------------------------------

GRADE_RE = re.compile(
    r"(?:^|\s)(?P<grade>requires?\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|"
    r"inadequate|adequate)\s*[.)]?(?:\s*\(?grade\s*[1-4]\)?)?\s*$",
    re.I,
)


def grade_words(text: str) -> str:
    """The grade as printed, read as a grade: "requires  improvement" -> "Requires improvement";
    a sentence's verb "require improvement to be good" -> "Requires improvement to be good"."""
    words = re.sub(r"\s+", " ", text).strip(" .")
    words = re.sub(r"(?i)^require\b", "requires", words)
    return words[:1].upper() + words[1:].lower()


def grade_key(text: str) -> str:
    t = text.lower()
    if t.startswith("require"):
        return "requires_improvement"
    return t.strip()


def judgement_key(label: str) -> str:
    """Map a printed judgement label to its key (labels/README.md rule 6)."""
    t = re.sub(r"\s+", " ", label.lower()).replace("’", "'")
    if "overall" in t or re.search(r"^(?:\w{1,3} )?children's services\b", t):
        return "overall_effectiveness"
    if "safeguarding children board" in t or "lscb" in t:
        return "lscb"
    if "capacity" in t and "improve" in t:
        return "capacity_to_improve"
    if "impact of leaders" in t:
        return "impact_of_leaders"
    if "help and protection" in t or "need of help" in t:
        return "help_and_protection"
    if "adoption" in t:
        return "adoption"
    if "achieving permanence" in t or "looked after and" in t:
        return "looked_after_and_permanence"
    if "in care and care leavers" in t or "in care and care-leavers" in t:
        return "in_care_and_care_leavers"
    if "care leavers" in t or "care-leavers" in t:
        return "care_leavers"
    if "children in care" in t:
        return "in_care"
    if "leadership" in t and ("management" in t or "governance" in t):
        return "leadership_management_governance"
    return "other"
