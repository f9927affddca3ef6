from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ilacs.accounts.models import Membership


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "local_authority", "role", "created_at"]
    list_filter = ["role", "local_authority"]
    search_fields = ["user__username", "user__email", "local_authority__name"]
    autocomplete_fields = ["user", "local_authority"]
