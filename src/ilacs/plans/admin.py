from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ilacs.plans.models import (
    Action,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    RagOverride,
    Requirement,
    Theme,
)


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 0


class RequirementInline(admin.TabularInline):
    model = Requirement
    extra = 0
    raw_id_fields = ["recommendation"]


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "local_authority", "status", "submission_deadline"]
    list_filter = ["status"]
    search_fields = ["title", "local_authority__name"]
    raw_id_fields = ["inspection", "owner", "created_by", "updated_by"]
    inlines = [ThemeInline, RequirementInline]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "plan", "status", "due_date"]
    list_filter = ["status"]
    search_fields = ["title", "description", "lead_role"]
    raw_id_fields = ["plan", "theme", "lead_user", "created_by", "updated_by"]
    filter_horizontal = ["requirements"]
    inlines = [MilestoneInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["action", "date", "rag", "author"]
    raw_id_fields = ["action", "author"]


@admin.register(RagOverride)
class RagOverrideAdmin(SimpleHistoryAdmin):
    list_display = ["action", "rag", "set_by", "set_at", "cleared_at"]
    raw_id_fields = ["action", "set_by", "cleared_by"]
