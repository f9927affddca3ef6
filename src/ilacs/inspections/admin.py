from django.contrib import admin

from ilacs.inspections.models import Inspection, Judgement, Paragraph, Recommendation


class JudgementInline(admin.TabularInline):
    model = Judgement
    extra = 0


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    extra = 0


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = [
        "local_authority",
        "report_type",
        "inspection_start",
        "overall_effectiveness",
        "source_filename",
        "ingested_at",
    ]
    list_filter = ["report_type", "overall_effectiveness"]
    search_fields = ["local_authority__name", "source_filename", "sha256", "lead_inspector"]
    readonly_fields = ["sha256", "source_key", "ingested_by", "ingested_at"]
    inlines = [JudgementInline, RecommendationInline]


admin.site.register(Paragraph)
