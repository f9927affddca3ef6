"""Self-assessment rounds, their entries, forums and monitoring in the Django admin: to read only.

They are changed through ilacs.assessments.services (the self-assessment pages), which check who
may edit, lock the round while an entry is saved, and refuse any change to a signed-off round:
once signed off, a round and its entries are read only. The admin would bypass all of that (an
entry of a signed-off round could be rewritten), so service administrators may look at them and
their history here but not add, change, delete or revert them (see ilacs.plans.admin).
"""

from django.contrib import admin

from ilacs.assessments.models import (
    AssessmentEntry,
    AssessmentRound,
    Forum,
    ForumMeeting,
    Monitoring,
)
from ilacs.plans.admin import ReadOnlyHistoryAdmin


@admin.register(AssessmentRound)
class AssessmentRoundAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "plan", "date", "status", "signed_off_by", "signed_off_at"]
    list_filter = ["status"]
    search_fields = ["title", "plan__title", "plan__local_authority__name"]
    list_select_related = ["plan", "signed_off_by"]
    raw_id_fields = ["plan", "started_from", "signed_off_by", "created_by"]


@admin.register(AssessmentEntry)
class AssessmentEntryAdmin(ReadOnlyHistoryAdmin):
    list_display = ["round", "requirement", "evaluation", "reviewed", "reviewed_by"]
    list_filter = ["evaluation", "reviewed", "round__status"]
    search_fields = [
        "round__title",
        "round__plan__local_authority__name",
        "strengths",
        "areas_for_improvement",
        "next_steps",
    ]
    list_select_related = ["round", "requirement", "reviewed_by"]
    raw_id_fields = ["round", "requirement", "reviewed_by", "measures", "audit_streams", "actions"]


@admin.register(Forum)
class ForumAdmin(ReadOnlyHistoryAdmin):
    list_display = ["name", "local_authority", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description", "local_authority__name"]
    list_select_related = ["local_authority"]
    raw_id_fields = ["local_authority"]


@admin.register(ForumMeeting)
class ForumMeetingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["forum", "date", "note"]
    search_fields = ["forum__name", "forum__local_authority__name", "note"]
    list_select_related = ["forum"]
    date_hierarchy = "date"
    raw_id_fields = ["forum"]


@admin.register(Monitoring)
class MonitoringAdmin(ReadOnlyHistoryAdmin):
    list_display = ["requirement", "note"]
    search_fields = ["requirement__plan__local_authority__name", "note", "other_evidence"]
    list_select_related = ["requirement"]
    raw_id_fields = ["requirement", "forums", "measures", "audit_streams", "scorecards"]
