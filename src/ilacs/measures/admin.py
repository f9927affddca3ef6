"""Measures, their values, scorecards and case audits in the Django admin: to read only.

They are changed through ilacs.measures.services (the measures pages, the imports and `ilacs
measures`), which check who may define measures or enter values, the period against the measure's
frequency, the audit counts, and record who entered or corrected what. The admin would bypass all
of that, so service administrators may look at them and their history here but not add, change,
delete or revert them (see ilacs.plans.admin).
"""

from django.contrib import admin

from ilacs.measures.models import AuditResult, AuditStream, Measure, MeasureValue, Scorecard
from ilacs.plans.admin import ReadOnlyHistoryAdmin


@admin.register(Measure)
class MeasureAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "local_authority", "unit", "direction", "frequency", "target"]
    list_filter = ["unit", "direction", "frequency", "framework_outcome"]
    search_fields = ["name", "description", "owner_role", "local_authority__name"]
    list_select_related = ["local_authority"]
    raw_id_fields = [
        "local_authority",
        "owner_user",
        "theme",
        "actions",
        "requirements",
        "created_by",
        "updated_by",
    ]


@admin.register(MeasureValue)
class MeasureValueAdmin(ReadOnlyHistoryAdmin):
    list_display = ["measure", "period", "value", "entered_by", "updated_at"]
    list_filter = ["measure__frequency"]
    search_fields = ["measure__name", "measure__local_authority__name", "note"]
    list_select_related = ["measure", "entered_by"]
    date_hierarchy = "period"
    raw_id_fields = ["measure", "entered_by", "updated_by"]


@admin.register(Scorecard)
class ScorecardAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "local_authority", "updated_at"]
    search_fields = ["name", "description", "local_authority__name"]
    list_select_related = ["local_authority"]
    raw_id_fields = ["local_authority", "measures"]


@admin.register(AuditStream)
class AuditStreamAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "local_authority", "frequency", "target"]
    list_filter = ["frequency"]
    search_fields = ["name", "description", "local_authority__name"]
    list_select_related = ["local_authority"]
    raw_id_fields = ["local_authority", "requirements"]


@admin.register(AuditResult)
class AuditResultAdmin(ReadOnlyHistoryAdmin):
    list_display = ["stream", "period", "cases_audited", "entered_by", "updated_at"]
    search_fields = ["stream__name", "stream__local_authority__name", "learning"]
    list_select_related = ["stream", "entered_by"]
    date_hierarchy = "period"
    raw_id_fields = ["stream", "entered_by", "updated_by"]
