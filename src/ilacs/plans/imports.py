"""Importing an existing action plan: from an Excel workbook (.xlsx), a CSV file, or the tables of
a Word document laid out like a council's written plan (a heading per workstream, then a table
"Requirement | Links to Ofsted Recommendations | Early Actions | Key Lead | Timescale | Progress
to date | Smart Targets").

    read(data, filename)            the file's tables and their headings (ilacs.tables checks the
                                    file: type from content, size, formulas, merged cells)
    guess_mapping(tables, saved)    each heading's field, from the council's remembered choice
                                    or the heading's words
    parse(inspection, tables, mapping)  each row checked: Parsed with rows ready to write and
                                    errors naming their row ("Row 14: 31/13/2026 is not a date")
    apply(inspection, parsed, user) creates the plan if need be, its themes, actions and
                                    progress updates, all in one transaction or nothing

The browser (upload, map columns, preview, confirm) and `ilacs plan import` use these functions,
so they accept and refuse the same files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from ilacs.accounts.models import Membership
from ilacs.dates import MONTH_NAMES, format_date
from ilacs.inspections.models import Inspection
from ilacs.plans import services
from ilacs.plans.models import (
    Action,
    ActionStatus,
    ImportMapping,
    ImprovementPlan,
    JudgedRag,
    Theme,
    person_name,
)
from ilacs.tables import Cell, ImportFileError, RowError, Table, read_file

# The plan's fields a column can fill, in the order the mapping page lists them.
FIELDS = {
    "recommendations": "Recommendation numbers",
    "theme": "Theme or workstream",
    "title": "Action",
    "description": "Action detail",
    "lead": "Lead",
    "due_date": "Due date or timescale",
    "success_measure": "SMART targets or success measures",
    "progress": "Progress to date",
    "rag": "RAG",
}
LEAVE_OUT = ""
# Heading words that suggest a field, tried in this order; each field takes the first heading.
GUESSES = (
    ("rag", r"\brag\b|red.?amber|rating"),
    ("recommendations", r"recommendation|\brec(s|\.)?\b|ofsted ref"),
    ("lead", r"lead|owner|responsib|accountable"),
    ("due_date", r"timescale|\bdue\b|deadline|by when|completion|target date"),
    ("progress", r"progress|update|position"),
    ("success_measure", r"smart|success|target|measure|outcome|impact"),
    ("theme", r"theme|workstream|work stream|priority|strand"),
    ("description", r"early action|detail|description|how|steps|tasks"),
    ("title", r"requirement|action|what|improvement|objective"),
    ("due_date", r"\bdate\b|\bwhen\b|\bby\b"),
)
MAX_LENGTHS = {"title": 300, "theme": 120, "lead": 200}
RAG_WORDS = {
    "red": JudgedRag.RED,
    "r": JudgedRag.RED,
    "amber": JudgedRag.AMBER,
    "a": JudgedRag.AMBER,
    "green": JudgedRag.GREEN,
    "g": JudgedRag.GREEN,
}
DONE_WORDS = {"blue", "complete", "completed", "done", "b"}


def heading_key(text: str) -> str:
    """A heading as the mapping remembers it: lower case, single spaces."""
    return " ".join(text.lower().split())


@dataclass
class FileTables:
    tables: list[Table]
    header_rows: dict[int, int] = field(default_factory=dict)  # table index -> rows of heading
    headings: list[list[str]] = field(default_factory=list)  # per table, per column

    def distinct_headings(self) -> list[str]:
        """Each heading once (as first written), however many tables repeat it."""
        seen: dict[str, str] = {}
        for row in self.headings:
            for text in row:
                if text.strip() and heading_key(text) not in seen:
                    seen[heading_key(text)] = " ".join(text.split())
        return list(seen.values())


def _first_filled(rows: list[list[Cell]]) -> int | None:
    return next((i for i, r in enumerate(rows) if not all(c.blank for c in r)), None)


def read(data: bytes, filename: str = "") -> FileTables:
    """The file's tables with their headings. A heading that wraps onto a second row with
    nothing else in it ("Links to Ofsted" / "Recommendations") is read as one heading."""
    tables = [t for t in read_file(data, filename, allow_docx=True)]
    found = FileTables(tables=[])
    for table in tables:
        first = _first_filled(table.rows)
        if first is None:
            continue
        table.rows = table.rows[first:]
        heading = [c.text for c in table.rows[0]]
        used = 1
        if len(table.rows) > 1:
            nxt = table.rows[1]
            filled = [i for i, c in enumerate(nxt) if not c.blank]
            if (
                filled
                and nxt[0].blank
                and len(filled) <= 2
                and all(
                    len(nxt[i].text) <= 40 and not re.search(r"\d", nxt[i].text) for i in filled
                )
            ):
                for i in filled:
                    if i < len(heading):
                        heading[i] = f"{heading[i]} {nxt[i].text}".strip()
                used = 2
        found.header_rows[len(found.tables)] = used
        found.tables.append(table)
        found.headings.append(heading)
    if not found.tables:
        raise ImportFileError("The file has no rows to import.")
    return found


def guess_fields(heading: str) -> list[str]:
    """The fields a heading's words suggest, likeliest first."""
    key = heading_key(heading)
    found = [name for name, pattern in GUESSES if re.search(pattern, key)]
    return list(dict.fromkeys(found))


def guess_mapping(tables: list[list[str]], saved: dict[str, str] | None = None) -> dict[str, str]:
    """Each heading's field: the council's earlier choice for that heading, else a guess from its
    words. Within one table a field goes to one heading only (the first that suggests it); two
    tables may name a column differently ("Timescale", "Timescales") and both fill it."""
    saved = saved or {}
    mapping: dict[str, str] = {}
    for headings in tables:
        keys = [heading_key(h) for h in headings if h.strip()]
        for key in keys:
            if key not in mapping and saved.get(key) in (*FIELDS, LEAVE_OUT):
                mapping[key] = saved[key]
        taken = {mapping[key] for key in keys if mapping.get(key)}
        for key in keys:
            if key in mapping:
                continue
            guess = next((name for name in guess_fields(key) if name not in taken), LEAVE_OUT)
            if guess:
                taken.add(guess)
            mapping[key] = guess
    return mapping


def saved_mapping(la: Any) -> dict[str, str]:
    row = ImportMapping.objects.filter(local_authority=la).first()
    return dict(row.columns) if row else {}


def remember_mapping(la: Any, mapping: dict[str, str], user: Any) -> None:
    """Keep the council's choices, adding to what it chose for other files' headings."""
    with transaction.atomic():
        row, _ = ImportMapping.objects.select_for_update().get_or_create(local_authority=la)
        columns = dict(row.columns)
        columns.update({k: v for k, v in mapping.items() if v in FIELDS or v == LEAVE_OUT})
        row.columns = columns
        row.updated_by = user if getattr(user, "is_authenticated", False) else None
        row.save()


def mapping_problems(mapping: dict[str, str], tables: list[list[str]]) -> list[str]:
    """What is wrong with the choices: no column holds the action, or one table has two columns
    chosen for the same field."""
    problems = []
    if "title" not in mapping.values():
        problems.append("Choose the column that holds the action.")
    for headings in tables:
        chosen: dict[str, list[str]] = {}
        for heading in headings:
            name = mapping.get(heading_key(heading), LEAVE_OUT) if heading.strip() else ""
            if name:
                chosen.setdefault(name, []).append(" ".join(heading.split()))
        for name, columns in chosen.items():
            if len(columns) > 1:
                problem = (
                    f"Only one column can be the {FIELDS[name].lower()}: “{columns[0]}” and "
                    f"“{columns[1]}” are both chosen."
                )
                if problem not in problems:
                    problems.append(problem)
    return problems


# --- Checking rows ---------------------------------------------------------------------------


@dataclass
class Row:
    """One action to create, as checked; plain values so that it can wait in the session."""

    where: str  # "Row 14" or "Table 2, row 4"
    title: str
    description: str = ""
    theme: str = ""
    lead_user: int | None = None
    lead_name: str = ""  # the matched member's name, for the preview
    lead_role: str = ""
    due_date: str = ""  # ISO
    success_measure: str = ""
    recommendations: list[int] = field(default_factory=list)
    progress: str = ""
    rag: str = ""
    complete: bool = False

    @property
    def due(self) -> dt.date | None:
        return dt.date.fromisoformat(self.due_date) if self.due_date else None

    @property
    def due_words(self) -> str:
        return format_date(self.due)


@dataclass
class Parsed:
    rows: list[Row] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # tables with no action column

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def themes(self) -> list[str]:
        return list(dict.fromkeys(r.theme for r in self.rows if r.theme))

    def to_session(self) -> list[dict[str, Any]]:
        return [asdict(r) for r in self.rows]

    @classmethod
    def from_session(cls, rows: list[dict[str, Any]]) -> Parsed:
        return cls(rows=[Row(**r) for r in rows])


_NUMBER_LIST = re.compile(r"^[\d\s,;&–—\-and.]*$", re.IGNORECASE)


def parse_recommendations(text: str) -> list[int]:
    """ "14,6, 13," -> [6, 13, 14]; "1 – 17" -> 1 to 17; "2 and 5" -> [2, 5]."""
    if not text.strip():
        return []
    cleaned = re.sub(r"(?i)\b(recommendations?|recs?\.?|nos?\.?)\b", " ", text)
    if not _NUMBER_LIST.match(cleaned):
        raise ValueError(f"“{text.strip()}” is not a list of recommendation numbers")
    numbers: set[int] = set()
    for part in re.split(r"[,;&]|\band\b", cleaned):
        part = part.strip(" .")
        if not part:
            continue
        bounds = re.split(r"\s*[–—\-]\s*", part)
        if len(bounds) == 2 and all(b.isdigit() for b in bounds):
            low, high = int(bounds[0]), int(bounds[1])
            if low > high or high - low > 100:
                raise ValueError(f"“{part}” is not a range of recommendation numbers")
            numbers.update(range(low, high + 1))
        elif part.isdigit():
            numbers.add(int(part))
        else:
            raise ValueError(f"“{part}” is not a recommendation number")
    return sorted(numbers)


_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)})
_MONTHS["sept"] = 9
_NUMERIC_DATE = re.compile(r"\b(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})\b")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{2}|\d{4})\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?\s+(\d{4})\b", re.I)


def _year(text: str) -> int:
    year = int(text)
    return 2000 + year if year < 100 else year


def parse_due(cell: Cell) -> tuple[dt.date | None, str]:
    """A due date from a cell: a date, "31/03/2026", "2026-03-31", "4 March 2026", or a month
    ("May 17", "June 2017": its last day). Returns (date, words left over, e.g. "Ongoing").
    Raises ValueError for something written as a date that is not one ("31/13/2026")."""
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    text = cell.text
    if not text:
        return None, ""
    m = _NUMERIC_DATE.search(text)
    if m:
        a, b, c = m.groups()
        try:
            if len(a) == 4:  # 2026-03-31
                return dt.date(int(a), int(b), int(c)), ""
            return dt.date(_year(c), int(b), int(a)), ""  # 31/03/2026, the British way
        except ValueError:
            raise ValueError(f"{m.group(0)} is not a date") from None
    m = _DAY_MONTH_YEAR.search(text)
    if m and m.group(2).lower() in _MONTHS:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1))), ""
        except ValueError:
            raise ValueError(f"{m.group(0)} is not a date") from None
    for m in _MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m.group(1).lower())
        if month:
            year = _year(m.group(2))
            day = calendar.monthrange(year, month)[1]
            rest = " ".join((text[: m.start()] + text[m.end() :]).split())
            return dt.date(year, month, day), rest
    if re.search(r"\d", text) and re.fullmatch(r"[\d\s/.\-]+", text):
        raise ValueError(f"{text} is not a date")
    return None, text


@dataclass
class Member:
    pk: int
    name: str
    can_lead: bool


def _members(la: Any) -> dict[str, Member]:
    """The council's members by full name and by username (lower case)."""
    found: dict[str, Member] = {}
    for membership in Membership.objects.filter(local_authority=la).select_related("user"):
        user = membership.user
        member = Member(user.pk, person_name(user), not services.lead_problem(user, la))
        for key in (user.get_full_name(), user.get_username()):
            if key.strip():
                found.setdefault(heading_key(key), member)
    return found


def match_lead(text: str, members: dict[str, Member]) -> tuple[Member | None, str]:
    """The member named in a lead cell ("Cara Jones, Head of Service") and the rest as the
    lead's role; (None, whole text) when no member who may lead is named."""
    parts = [p.strip() for p in re.split(r"[,;\n]|\s+/\s+", text) if p.strip()]
    for i, part in enumerate(parts):
        member = members.get(heading_key(part))
        if member and member.can_lead:
            rest = ", ".join(parts[:i] + parts[i + 1 :])
            return member, rest
    return None, " ".join(text.split())


def recommendation_numbers(inspection: Inspection) -> list[int]:
    """The numbers an action may answer: the plan's requirements, or the report's
    recommendations when there is no plan yet."""
    plan = ImprovementPlan.objects.filter(inspection=inspection).first()
    if plan is not None:
        return sorted(plan.requirements.values_list("number", flat=True))
    return sorted(inspection.recommendations.filter(is_lscb=False).values_list("number", flat=True))


def _list_words(numbers: list[int]) -> str:
    if not numbers:
        return "it has none"
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
        return f"{numbers[0]} to {numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def parse(inspection: Inspection, found: FileTables, mapping: dict[str, str]) -> Parsed:
    """Check every row against the inspection's recommendations and the council's members.
    Nothing is written."""
    la = inspection.local_authority
    known = recommendation_numbers(inspection)
    members = _members(la)
    parsed = Parsed()
    several = len(found.tables) > 1
    for index, table in enumerate(found.tables):
        columns: dict[str, int] = {}
        for i, heading in enumerate(found.headings[index]):
            name = mapping.get(heading_key(heading), LEAVE_OUT) if heading else LEAVE_OUT
            if name and name not in columns:
                columns[name] = i
        where_table = table.name if several else ""
        if "title" not in columns:
            parsed.left_out.append(table.name or "The sheet")
            continue
        # A Word table's heading (the paragraph before it) is its theme unless a column says
        theme_default = table.caption if table.caption and len(table.caption) <= 120 else ""
        for offset, cells in enumerate(table.rows[found.header_rows[index] :]):
            number = offset + found.header_rows[index] + 1
            where = f"{where_table}, row {number}" if where_table else f"Row {number}"
            values = {
                name: (cells[i] if i < len(cells) else Cell(None)) for name, i in columns.items()
            }
            if all(c.blank for c in values.values()):
                continue
            row, problems = _row(where, values, known, members, theme_default)
            parsed.errors.extend(RowError("", 0, f"{where}: {p}") for p in problems)
            if not problems:
                parsed.rows.append(row)
    if not parsed.rows and not parsed.errors:
        parsed.errors.append(
            RowError("", 0, "The file: no table has a column chosen as the action, or no rows.")
        )
    return parsed


def _row(
    where: str,
    values: dict[str, Cell],
    known: list[int],
    members: dict[str, Member],
    theme_default: str,
) -> tuple[Row, list[str]]:
    problems: list[str] = []
    text = {name: cell.text for name, cell in values.items()}
    row = Row(where=where, title=" ".join(text.get("title", "").split()))
    if not row.title:
        problems.append("the action is blank. Enter it, or delete the row.")
    for name, limit in MAX_LENGTHS.items():
        if len(text.get(name, "")) > limit:
            problems.append(
                f"the {FIELDS[name].lower()} is longer than {limit} characters. Shorten it, or "
                "put the detail in another column."
            )
    row.description = text.get("description", "")
    row.theme = " ".join(text.get("theme", "").split()) or theme_default
    row.success_measure = text.get("success_measure", "")
    row.progress = text.get("progress", "")
    try:
        row.recommendations = parse_recommendations(text.get("recommendations", ""))
    except ValueError as exc:
        problems.append(f"{exc}.")
    else:
        for n in row.recommendations:
            if n not in known:
                problems.append(
                    f"recommendation {n} is not in this inspection's list ({_list_words(known)})."
                )
    if "due_date" in values:
        try:
            due, rest = parse_due(values["due_date"])
        except ValueError as exc:
            problems.append(f"{exc}. Write dates as 31/03/2026 or March 2026.")
        else:
            row.due_date = due.isoformat() if due else ""
            if rest:
                row.description = "\n\n".join(
                    p for p in (row.description, f"Timescale: {rest}") if p
                )
    lead_text = text.get("lead", "")
    if lead_text:
        member, role = match_lead(lead_text, members)
        if member:
            row.lead_user, row.lead_name = member.pk, member.name
        row.lead_role = role[: MAX_LENGTHS["lead"]]
    else:
        problems.append("there is no lead. Name the lead or their role.")
    rag = heading_key(text.get("rag", ""))
    if rag:
        if rag in RAG_WORDS:
            row.rag = RAG_WORDS[rag]
        elif rag in DONE_WORDS:
            row.complete = True
        else:
            problems.append(
                f"“{text['rag']}” is not a RAG. Use Red, Amber, Green, or Complete (Blue)."
            )
    return row, problems


# --- Writing ---------------------------------------------------------------------------------


def preview_plan(inspection: Inspection) -> ImprovementPlan | None:
    return ImprovementPlan.objects.filter(inspection=inspection).first()


@dataclass
class Outcome:
    plan: ImprovementPlan
    created_plan: bool
    actions: int
    themes: int
    updates: int


def _plan_for_import(inspection: Inspection, user: Any) -> tuple[ImprovementPlan, bool]:
    """The inspection's plan, created if it has none. create_plan locks the inspection, so two
    imports at once make one plan: the second waits, then adds its actions to the first's."""
    plan = ImprovementPlan.objects.filter(inspection=inspection).first()
    if plan is not None:
        return plan, False
    try:
        return services.create_plan(inspection, user=user), True
    except services.PlanError:
        plan = ImprovementPlan.objects.filter(inspection=inspection).first()
        if plan is None:
            raise
        return plan, False


def apply(inspection: Inspection, parsed: Parsed, *, user: Any, filename: str = "") -> Outcome:
    """Create the plan (when the inspection has none), the themes it lacks, every action and
    each row's progress as an update, as `user` (their permissions apply, the history records
    them). All or nothing: a row refused by the plan's own rules undoes the lot."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.in_bulk({r.lead_user for r in parsed.rows if r.lead_user})
    source = f"Imported from {filename}" if filename else "Imported from the existing plan"
    with transaction.atomic():
        plan, created = _plan_for_import(inspection, user)
        requirements = {r.number: r for r in plan.requirements.all()}
        themes = {t.name.lower(): t for t in Theme.objects.filter(plan=plan)}
        new_themes = updates = 0
        for row in parsed.rows:
            missing = [n for n in row.recommendations if n not in requirements]
            if missing:
                raise services.PlanError(
                    f"{row.where}: recommendation {missing[0]} is not in this plan's list."
                )
            theme = None
            if row.theme:
                theme = themes.get(row.theme.lower())
                if theme is None:
                    theme = services.add_theme(plan, user=user, name=row.theme)
                    themes[row.theme.lower()] = theme
                    new_themes += 1
            description = row.description
            if row.progress and not row.rag:
                description = "\n\n".join(
                    p for p in (description, f"Progress to date: {row.progress}") if p
                )
            try:
                action = services.add_action(
                    plan,
                    user=user,
                    title=row.title,
                    description=description,
                    theme=theme,
                    lead_user=users.get(row.lead_user) if row.lead_user else None,
                    lead_role=row.lead_role if not row.lead_user or row.lead_role else "",
                    due_date=row.due,
                    status=ActionStatus.COMPLETE if row.complete else ActionStatus.NOT_STARTED,
                    success_measure=row.success_measure,
                    requirements=[requirements[n] for n in row.recommendations],
                )
            except services.PlanError as exc:
                raise services.PlanError(f"{row.where}: {exc}") from None
            if row.rag:
                services.post_update(
                    action,
                    user=user,
                    narrative=row.progress or source + ".",
                    rag=row.rag,
                    date=timezone.localdate(),
                    evidence=source if row.progress else "",
                )
                updates += 1
    return Outcome(
        plan=plan,
        created_plan=created,
        actions=len(parsed.rows),
        themes=new_themes,
        updates=updates,
    )


def action_count(plan: ImprovementPlan | None) -> int:
    return Action.all_objects.filter(plan=plan).count() if plan else 0
