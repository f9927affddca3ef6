"""Plan data in the Django admin: to read only.

Plans are changed through ilacs.plans.services, which check permissions, dates (no progress
update in the future), versions and locks, and record who did what. The admin would bypass all of
that (an update dated 2030 saved there became "the latest"), so service administrators may look
at plan data and its history here but not add, change, delete or revert it.
"""

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
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


class ReadOnly:
    """No add, change or delete: the plan pages and `ilacs plan` are the way to change plans."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class ReadOnlyHistoryAdmin(ReadOnly, SimpleHistoryAdmin):
    def history_form_view(
        self, request: Any, object_id: str, version_id: str, extra_context: Any = None
    ) -> Any:
        # simple-history lets anyone who may view an object revert it to an old version
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ThemeInline(ReadOnly, admin.TabularInline):
    model = Theme
    extra = 0


class RequirementInline(ReadOnly, admin.TabularInline):
    model = Requirement
    extra = 0
    raw_id_fields = ["recommendation"]


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "local_authority", "status", "submission_deadline"]
    list_filter = ["status"]
    search_fields = ["title", "local_authority__name"]
    raw_id_fields = ["inspection", "owner", "created_by", "updated_by"]
    inlines = [ThemeInline, RequirementInline]


class MilestoneInline(ReadOnly, admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Action)
class ActionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["number", "title", "plan", "status", "due_date"]
    list_filter = ["status"]
    search_fields = ["title", "description", "lead_role"]
    raw_id_fields = ["plan", "theme", "lead_user", "created_by", "updated_by"]
    filter_horizontal = ["requirements"]
    inlines = [MilestoneInline]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ReadOnlyHistoryAdmin):
    list_display = ["action", "date", "rag", "author"]
    raw_id_fields = ["action", "author"]


@admin.register(RagOverride)
class RagOverrideAdmin(ReadOnlyHistoryAdmin):
    list_display = ["action", "rag", "set_by", "set_at", "cleared_at"]
    raw_id_fields = ["action", "set_by", "cleared_by"]
