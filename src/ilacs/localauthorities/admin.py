from django.contrib import admin

from ilacs.localauthorities.models import LocalAuthority, StatisticalNeighbour


class NeighbourInline(admin.TabularInline):
    model = StatisticalNeighbour
    fk_name = "local_authority"
    extra = 0
    autocomplete_fields = ["neighbour"]


@admin.register(LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "la_code", "ons_code", "ofsted_urn", "region", "la_type", "is_current"]
    list_filter = ["region", "la_type", "is_current", "is_fictional"]
    search_fields = ["name", "ons_name", "la_code", "ons_code", "ofsted_urn"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["replaced_by"]
    inlines = [NeighbourInline]
