from typing import Any

from django.contrib import admin, messages
from django.contrib.auth import admin as auth_admin  # registers Django's UserAdmin first
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpResponseRedirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from ilacs.accounts.authorship import authored_history
from ilacs.accounts.models import Membership

User = get_user_model()


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "local_authority", "role", "created_at"]
    list_filter = ["role", "local_authority"]
    search_fields = ["user__username", "user__email", "local_authority__name"]
    autocomplete_fields = ["user", "local_authority"]


admin.site.unregister(User)


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    """Django's, except that people who have written anything are deactivated, not deleted:
    their updates and every history row keep their name."""

    actions = ["deactivate"]

    @admin.action(description="Deactivate the selected users (they can no longer sign in)")
    def deactivate(self, request: Any, queryset: QuerySet) -> None:
        count = queryset.filter(is_active=True).update(is_active=False)
        self.message_user(request, f"{count} deactivated. Their work keeps their name.")

    def get_deleted_objects(self, objs: Any, request: Any) -> Any:
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected)
        for user in objs:
            for kind, count in authored_history(user).items():
                protected.append(f"{count} {kind} entries written by {user.get_username()}")
        return deleted, model_count, perms_needed, protected

    def delete_view(self, request: Any, object_id: str, extra_context: Any = None) -> Any:
        user = self.get_object(request, object_id)
        if user is not None and (authored_history(user) or self._protected(request, user)):
            self.message_user(
                request,
                f"{user.get_username()} has written in ilacs (progress updates, changes or "
                "uploads that keep their name), so cannot be deleted. Untick “Active” to "
                "deactivate them: they can no longer sign in, and their work keeps their name.",
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse("admin:auth_user_change", args=[user.pk]) + "#id_is_active"
            )
        return super().delete_view(request, object_id, extra_context)

    def _protected(self, request: Any, user: Any) -> bool:
        return bool(super().get_deleted_objects([user], request)[3])
