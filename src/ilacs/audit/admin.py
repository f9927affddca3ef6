from django.contrib import admin

from ilacs.audit.models import Read


@admin.register(Read)
class ReadAdmin(admin.ModelAdmin):
    """Read-only: the record of reads is never edited, not even by a service administrator."""

    list_display = ["at", "local_authority", "who", "kind", "what"]
    list_filter = ["kind", "local_authority"]
    search_fields = ["who", "what"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
