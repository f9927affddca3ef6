"""Self-evaluations of social work practice and their sections in the Django admin: to read only.

They are written through ilacs.selfevaluation.services (the self-evaluation pages), which check
who may write, refuse a save made over someone else's newer version and count every saved version
of a section. The admin would bypass all of that, so service administrators may look at them and
their history here but not add, change, delete or revert them (see ilacs.plans.admin).
"""

from django.contrib import admin

from ilacs.plans.admin import ReadOnly, ReadOnlyHistoryAdmin
from ilacs.selfevaluation.models import Section, SelfEvaluation


class SectionInline(ReadOnly, admin.StackedInline):
    model = Section
    extra = 0
    fields = ["kind", "text", "version", "updated_at", "updated_by"]
    raw_id_fields = ["updated_by"]


@admin.register(SelfEvaluation)
class SelfEvaluationAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "local_authority", "year", "as_at", "plan", "created_by"]
    list_filter = ["year"]
    search_fields = ["title", "local_authority__name"]
    list_select_related = ["local_authority", "plan", "created_by"]
    raw_id_fields = ["local_authority", "plan", "created_by"]
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["self_evaluation", "kind", "version", "updated_by", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["self_evaluation__title", "self_evaluation__local_authority__name", "text"]
    list_select_related = ["self_evaluation__local_authority", "updated_by"]
    raw_id_fields = ["self_evaluation", "updated_by"]
