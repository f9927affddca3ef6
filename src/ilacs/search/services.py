"""Search the findings paragraphs and recommendations of every searchable inspection.

`search(query, filters, page)` is the one entry point: it picks the database's full-text search
(PostgreSQL: websearch_to_tsquery over the stored `search_vector`, ts_rank, ts_headline; SQLite:
FTS5 MATCH, bm25, snippet; see index.py), applies the filters in the ORM (the same on both), and
returns one page of hits with a safe highlighted snippet each.

With no words to search for, the filters alone choose, newest inspection first: the plan page's
"what councils judged good wrote about this theme" link opens the search that way.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Replace
from django.utils.safestring import SafeString, mark_safe

from ilacs.extraction.themes import THEMES
from ilacs.inspections import labels
from ilacs.inspections.models import Inspection, Judgement, Paragraph, Recommendation
from ilacs.search.index import PG_COLUMN, PG_CONFIG, SOURCES

PER_PAGE = 20
Kind = Literal["paragraph", "recommendation"]
KINDS: dict[str, str] = {"paragraph": "Findings paragraphs", "recommendation": "Recommendations"}
# Marks around matched words while a snippet is still text: private-use characters, which no
# report prints; escaping leaves them alone and they become <mark> afterwards.
_START, _STOP = "\ue000", "\ue001"
_LT, _GT = "\ue002", "\ue003"  # "<" and ">" while PostgreSQL makes a snippet
_MARKED = re.compile(f"{_START}([^{_START}{_STOP}]*){_STOP}")
SNIPPET_WORDS = 40


def searchable_inspections() -> QuerySet[Inspection]:
    """The inspections search reads: the published ones (Inspection.is_public: published by
    Ofsted and not withdrawn). The one place the visibility rule for search lives (published
    inspections are public information, seen by every signed-in user; a council's draft is not
    searched)."""
    return Inspection.objects.public()


@dataclass(frozen=True)
class SearchFilters:
    """What narrows a search. Empty tuples and None mean "any"."""

    themes: tuple[str, ...] = ()  # improvement theme keys: the text has any of them
    grades: tuple[str, ...] = ()  # the grade of the judgement the text sits under
    regions: tuple[str, ...] = ()
    report_types: tuple[str, ...] = ()
    year_from: int | None = None  # the year the inspection ended
    year_to: int | None = None
    kinds: tuple[str, ...] = ()  # "paragraph", "recommendation"

    def wants(self, kind: Kind) -> bool:
        return not self.kinds or kind in self.kinds


@dataclass
class Hit:
    """One matching paragraph or recommendation, as a results page shows it."""

    kind: Kind
    pk: int
    inspection: Inspection
    number: int
    page: int | None
    section: str
    grade: str  # grade key, "" when ungraded
    judgement_name: str  # the judgement the grade is for
    snippet: SafeString
    themes: list[str]
    is_lscb: bool = False

    @property
    def local_authority(self) -> Any:
        return self.inspection.local_authority

    @property
    def year(self) -> int | None:
        on = self.inspection.inspection_end or self.inspection.inspection_start
        return on.year if on else None

    @property
    def grade_label(self) -> str:
        return labels.grade_name(self.grade) if self.grade else "Not graded"

    @property
    def grade_tag_class(self) -> str:
        return labels.grade_tag_class(self.grade) if self.grade else "govuk-tag--grey"

    @property
    def theme_names(self) -> list[str]:
        return [THEMES.get(key, key) for key in self.themes]

    @property
    def label(self) -> str:
        if self.kind == "paragraph":
            return f"Paragraph {self.number}"
        return f"{'LSCB recommendation' if self.is_lscb else 'Recommendation'} {self.number}"

    @property
    def anchor(self) -> str:
        if self.kind == "paragraph":
            return f"paragraph-{self.number}"
        return f"{'lscb-' if self.is_lscb else ''}recommendation-{self.number}"

    @property
    def url(self) -> str:
        return f"{self.inspection.get_absolute_url()}#{self.anchor}"


@dataclass
class SearchResults:
    query: str
    filters: SearchFilters
    hits: list[Hit]
    total: int
    page: int
    per_page: int = PER_PAGE
    backend: str = field(default_factory=lambda: connection.vendor)

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.total, self.page * self.per_page)


# -- the query words ----------------------------------------------------------------------------

_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def parse_query(text: str) -> tuple[list[list[str]], list[str]]:
    """Words and "quoted phrases" as websearch_to_tsquery reads them: all must match, `or`
    between two offers either, a leading minus leaves out. Returns ([[alternatives], ...],
    [left out]), each term its words joined by spaces."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    pending_or = False
    for match in _TERM.finditer(text):
        minus, phrase, bare = match.groups()
        if bare is not None:
            if bare.lower() == "or" and groups:
                pending_or = True
                continue
            minus = "-" if bare.startswith("-") else ""
            phrase = bare.lstrip("-")
        words = " ".join(_WORD.findall(phrase or ""))
        if not words:
            continue
        if minus:
            excluded.append(words)
        elif pending_or:
            groups[-1].append(words)
        else:
            groups.append([words])
        pending_or = False
    return groups, excluded


def fts5_query(text: str) -> str:
    """The FTS5 MATCH expression for what was typed, every term quoted (so nothing typed is read
    as FTS5 syntax). "" when there is nothing to search for."""
    groups, excluded = parse_query(text)
    if not groups:
        return ""

    def quote(term: str) -> str:
        return '"' + term.replace('"', "") + '"'

    expression = " AND ".join("(" + " OR ".join(quote(t) for t in g) + ")" for g in groups)
    for term in excluded:
        expression = f"({expression}) NOT {quote(term)}"
    return expression


# -- filters ------------------------------------------------------------------------------------


def _inspections(filters: SearchFilters) -> QuerySet[Inspection]:
    inspections = searchable_inspections()
    if filters.regions:
        inspections = inspections.filter(local_authority__region__in=filters.regions)
    if filters.report_types:
        inspections = inspections.filter(report_type__in=filters.report_types)
    if filters.year_from or filters.year_to:
        # the year the inspection ended (its start when the end is not printed)
        start = dt.date(filters.year_from or 1, 1, 1)
        end = dt.date(filters.year_to or 9999, 12, 31)
        inspections = inspections.filter(
            Q(inspection_end__range=(start, end))
            | Q(inspection_end__isnull=True, inspection_start__range=(start, end))
        )
    return inspections


def _themes_q(themes: tuple[str, ...]) -> Q:
    """Any of the themes, whether chief or not. PostgreSQL: jsonb containment. SQLite (no JSON
    containment lookup): the JSON list as text holds the key in its quotes ("care_leavers"),
    which no other key contains."""
    q = Q()
    for key in themes:
        if key not in THEMES:
            continue
        if connection.vendor == "postgresql":
            q |= Q(themes__contains=[key])  # jsonb @>, served by a GIN index (index.py)
        else:
            q |= Q(themes__icontains=f'"{key}"')
    return q


def filtered_paragraphs(filters: SearchFilters) -> QuerySet[Paragraph]:
    paragraphs = Paragraph.objects.filter(inspection__in=_inspections(filters).values("pk"))
    if filters.themes:
        paragraphs = paragraphs.filter(_themes_q(filters.themes))
    if filters.grades:
        paragraphs = paragraphs.filter(judgement__grade__in=filters.grades)
    return paragraphs


def filtered_recommendations(filters: SearchFilters) -> QuerySet[Recommendation]:
    """Recommendations take the overall effectiveness grade; an LSCB's, the LSCB judgement's."""
    recommendations = Recommendation.objects.filter(
        inspection__in=_inspections(filters).values("pk")
    )
    if filters.themes:
        recommendations = recommendations.filter(_themes_q(filters.themes))
    if filters.grades:
        lscb_graded = Judgement.objects.filter(
            inspection=OuterRef("inspection"), key="lscb", grade__in=filters.grades
        )
        recommendations = recommendations.filter(
            Q(is_lscb=False, inspection__overall_effectiveness__in=filters.grades)
            | Q(is_lscb=True) & Exists(lscb_graded)
        )
    return recommendations


def _querysets(filters: SearchFilters) -> list[tuple[Kind, QuerySet[Any]]]:
    found: list[tuple[Kind, QuerySet[Any]]] = []
    if filters.wants("paragraph"):
        found.append(("paragraph", filtered_paragraphs(filters)))
    if filters.wants("recommendation"):
        found.append(("recommendation", filtered_recommendations(filters)))
    return found


# -- the search ---------------------------------------------------------------------------------


def search(
    query: str, filters: SearchFilters | None = None, page: int = 1, per_page: int = PER_PAGE
) -> SearchResults:
    """One page of what matches `query` (words, "phrases", or, -word) and the filters, best
    match first; with no words, newest inspection first. A page past the last gives the last."""
    filters = filters or SearchFilters()
    query = query.strip()
    has_words = bool(parse_query(query)[0])
    querysets = _querysets(filters)
    if not querysets:
        return SearchResults(query, filters, [], 0, 1, per_page)
    if not has_words:
        backend: _Backend = _Browse(querysets)
    elif connection.vendor == "postgresql":
        backend = _PostgreSQL(querysets, query, filters)
    else:
        backend = _SQLite(querysets, query)
    page = max(1, page)
    # One transaction: the count and the page see the same rows.
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Compiling a plan to machine code (JIT) costs more than these queries take.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        rows, total = backend.fetch((page - 1) * per_page, per_page)
        if not rows and page > 1:
            total = backend.count() if total is None else total
            page = max(1, math.ceil(total / per_page))  # past the end: the last page
            rows, _ = backend.fetch((page - 1) * per_page, per_page) if total else ([], 0)
        hits = _hits(rows, backend)
    return SearchResults(query, filters, hits, total or 0, page, per_page)


class _Backend:
    def __init__(
        self,
        querysets: list[tuple[Kind, QuerySet[Any]]],
        query: str = "",
        filters: SearchFilters | None = None,
    ):
        self.querysets = querysets
        self.query = query
        self.filters = filters or SearchFilters()

    def count(self) -> int:
        raise NotImplementedError

    def page(self, offset: int, limit: int) -> list[tuple[Kind, int]]:
        raise NotImplementedError

    def fetch(self, offset: int, limit: int) -> tuple[list[tuple[Kind, int]], int | None]:
        """One page of (kind, pk), best first, and the number of matches (None when not known:
        a page past the last)."""
        total = self.count()
        return (self.page(offset, limit) if offset < total else []), total

    def snippets(self, kind: Kind, pks: list[int]) -> dict[int, str]:
        """Marked-up text (with _START/_STOP around matches) by pk; plain text is cut here."""
        return {}


class _Browse(_Backend):
    """No words: everything the filters let through, newest inspection first."""

    def _ordered(self) -> QuerySet[Any]:
        unioned = None
        for kind, queryset in self.querysets:
            rows = (
                queryset.order_by()
                .annotate(
                    kind=Value(kind),
                    ended=Coalesce("inspection__inspection_end", "inspection__inspection_start"),
                    position=F("order") if kind == "paragraph" else F("number"),
                )
                .values_list("kind", "pk", "ended", "inspection_id", "position")
            )
            unioned = rows if unioned is None else unioned.union(rows, all=True)
        assert unioned is not None
        return unioned.order_by("-ended", "inspection_id", "-kind", "position")

    def count(self) -> int:
        return sum(queryset.count() for _, queryset in self.querysets)

    def page(self, offset: int, limit: int) -> list[tuple[Kind, int]]:
        return [(row[0], row[1]) for row in self._ordered()[offset : offset + limit]]


class _FullText(_Backend):
    """Words to match. The matches are taken first, with their rank (a materialised common table
    expression, lower rank better), then checked against the filters, and one pass gives the page
    and the count (a window count). Taking the matches first keeps the database from reading
    every row the filters let through to test its words."""

    def _part(self, kind: Kind, queryset: QuerySet[Any], cte: str) -> tuple[str, list, str, list]:
        """(SQL of the common table expression `cte` selecting (id, rank), its parameters, the
        condition a match must meet to be kept, its parameters)."""
        raise NotImplementedError

    def _sql(self) -> tuple[str, list[Any]]:
        ctes, parts, params, condition_params = [], [], [], []
        for kind, queryset in self.querysets:
            cte = f"match_{kind}"
            match_sql, match_params, condition, more = self._part(kind, queryset, cte)
            ctes.append(f"{cte} AS MATERIALIZED ({match_sql})")
            params.extend(match_params)
            parts.append(f"SELECT '{kind}' AS kind, id, rank FROM {cte} WHERE {condition}")
            condition_params.extend(more)
        sql = "WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(parts)
        return sql, [*params, *condition_params]

    @staticmethod
    def _exists(queryset: QuerySet[Any], cte: str) -> tuple[str, list[Any]]:
        """The filters, checked for one match by its primary key."""
        same = queryset.order_by().filter(pk=RawSQL(f"{cte}.id", [])).values("pk")
        sql, params = same.query.sql_with_params()
        return f"EXISTS ({sql})", list(params)

    def count(self) -> int:
        sql, params = self._sql()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS found", params)
            return int(cursor.fetchone()[0])

    def page(self, offset: int, limit: int) -> list[tuple[Kind, int]]:
        return self.fetch(offset, limit)[0]

    def fetch(self, offset: int, limit: int) -> tuple[list[tuple[Kind, int]], int | None]:
        sql, params = self._sql()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT kind, id, COUNT(*) OVER () FROM ({sql}) AS found "
                "ORDER BY rank, kind DESC, id LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            rows = cursor.fetchall()
        return [(row[0], row[1]) for row in rows], (rows[0][2] if rows else None)


class _PostgreSQL(_FullText):
    """websearch_to_tsquery against the stored search_vector, ts_rank, ts_headline."""

    def _tsquery(self) -> SearchQuery:
        return SearchQuery(self.query, search_type="websearch", config=PG_CONFIG)

    def _part(self, kind: Kind, queryset: QuerySet[Any], cte: str) -> tuple[str, list, str, list]:
        """With a topic or grade filter, the planner gets the filtered query whole (it reads
        each row once); otherwise the matches carry their inspection, which is all the filters
        ask about, so no matching row is read twice."""
        table = queryset.model._meta.db_table
        vector = RawSQL(f'"{table}"."{PG_COLUMN}"', [], output_field=SearchVectorField())
        tsquery = self._tsquery()
        row_filters = bool(self.filters.themes or self.filters.grades)
        matching = (
            (queryset if row_filters else queryset.model.objects)
            .order_by()
            .annotate(document=vector)
            .filter(document=tsquery)
            .annotate(rank=SearchRank(vector, tsquery) * Value(-1.0))
            .values_list("pk", "rank", "inspection_id")
        )
        sql, params = matching.query.sql_with_params()
        # name the columns whatever the ORM called them
        sql = f"SELECT * FROM ({sql}) AS m (id, rank, inspection_id)"
        if row_filters:
            return sql, list(params), "TRUE", []
        chosen = _inspections(self.filters).order_by().values("pk")
        chosen_sql, chosen_params = chosen.query.sql_with_params()
        return sql, list(params), f"{cte}.inspection_id IN ({chosen_sql})", list(chosen_params)

    def snippets(self, kind: Kind, pks: list[int]) -> dict[int, str]:
        """ts_headline reads the text as HTML and drops anything like a tag ("<script>"), so
        the angle brackets go in as private-use characters and come back after: the snippet
        keeps the report's text, which is escaped later like SQLite's."""
        model = Paragraph if kind == "paragraph" else Recommendation
        shielded = Replace(Replace(F("text"), Value("<"), Value(_LT)), Value(">"), Value(_GT))
        headlines = model.objects.filter(pk__in=pks).annotate(
            headline=SearchHeadline(
                shielded,
                self._tsquery(),
                config=PG_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=SNIPPET_WORDS,
                min_words=SNIPPET_WORDS // 2,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        return {
            pk: headline.replace(_LT, "<").replace(_GT, ">")
            for pk, headline in headlines.values_list("pk", "headline")
        }


class _SQLite(_FullText):
    """FTS5 MATCH ranked by bm25 (lower is better), snippet()."""

    def _part(self, kind: Kind, queryset: QuerySet[Any], cte: str) -> tuple[str, list, str, list]:
        fts = SOURCES[queryset.model._meta.db_table][0]
        condition, params = self._exists(queryset, cte)
        return (
            f"SELECT rowid AS id, bm25({fts}) AS rank FROM {fts} WHERE {fts} MATCH %s",
            [fts5_query(self.query)],
            condition,
            params,
        )

    def snippets(self, kind: Kind, pks: list[int]) -> dict[int, str]:
        model = Paragraph if kind == "paragraph" else Recommendation
        fts = SOURCES[model._meta.db_table][0]
        marks = ", ".join(["%s"] * len(pks))
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, snippet({fts}, 0, %s, %s, '…', %s) FROM {fts} "
                f"WHERE {fts} MATCH %s AND rowid IN ({marks})",
                [_START, _STOP, SNIPPET_WORDS, fts5_query(self.query), *pks],
            )
            return dict(cursor.fetchall())


def highlight(marked: str) -> SafeString:
    """HTML for a snippet: everything escaped, then the marked matches wrapped in <mark>. Stray
    marks (were a text ever to hold the characters) are dropped."""
    escaped = _MARKED.sub(r"<mark>\1</mark>", html.escape(marked, quote=True))
    return mark_safe(escaped.replace(_START, "").replace(_STOP, ""))  # noqa: S308 (escaped)


def _opening(text: str, words: int = SNIPPET_WORDS) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _hits(rows: list[tuple[Kind, int]], backend: _Backend) -> list[Hit]:
    paragraph_pks = [pk for kind, pk in rows if kind == "paragraph"]
    recommendation_pks = [pk for kind, pk in rows if kind == "recommendation"]
    paragraphs = Paragraph.objects.select_related("inspection__local_authority", "judgement")
    recommendations = Recommendation.objects.select_related("inspection__local_authority")
    found: dict[tuple[Kind, int], Hit] = {}
    if paragraph_pks:
        marked = backend.snippets("paragraph", paragraph_pks)
        for p in paragraphs.filter(pk__in=paragraph_pks):
            found[("paragraph", p.pk)] = Hit(
                kind="paragraph",
                pk=p.pk,
                inspection=p.inspection,
                number=p.number,
                page=p.page,
                section=p.section,
                grade=p.judgement.grade if p.judgement else "",
                judgement_name=p.judgement.short_label if p.judgement else "",
                snippet=highlight(marked.get(p.pk) or _opening(p.text)),
                themes=list(p.themes or []),
            )
    if recommendation_pks:
        marked = backend.snippets("recommendation", recommendation_pks)
        lscb_grades = dict(
            Judgement.objects.filter(
                key="lscb",
                inspection__recommendations__pk__in=recommendation_pks,
                inspection__recommendations__is_lscb=True,
            ).values_list("inspection_id", "grade")
        )
        for r in recommendations.filter(pk__in=recommendation_pks):
            if r.is_lscb:
                grade = lscb_grades.get(r.inspection_id, "")
                judgement_name = labels.JUDGEMENT_KEY_NAMES.get("lscb", "LSCB")
            else:
                grade = r.inspection.overall_effectiveness
                judgement_name = labels.JUDGEMENT_KEY_NAMES.get(
                    "overall_effectiveness", "Overall effectiveness"
                )
            found[("recommendation", r.pk)] = Hit(
                kind="recommendation",
                pk=r.pk,
                inspection=r.inspection,
                number=r.number,
                page=r.page,
                section="",
                grade=grade,
                judgement_name=judgement_name if grade else "",
                snippet=highlight(marked.get(r.pk) or _opening(r.text)),
                themes=list(r.themes or []),
                is_lscb=r.is_lscb,
            )
    return [found[row] for row in rows if row in found]
