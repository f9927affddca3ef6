"""Evidence files in the Django admin: to read only, and never downloaded from here.

Files are attached and deleted through ilacs.evidence.services, which check who may attach to
what, lock the action, update or self-assessment entry (a signed-off round's entries and their
files are read only), and store the file and its row together or not at all. The admin would
bypass all of that, so service administrators may look at the rows and their history here but not
add, change, delete or revert them (see ilacs.plans.admin).

The stored file is left out of every admin page: Django would show a FileField as a link to its
storage address, around the permission-checked, audit-logged download view. "View on site" goes
through that view (`EvidenceFile.get_absolute_url`); the storage name is shown as plain text.
"""

from typing import Any

from django.contrib import admin
from django.template.defaultfilters import filesizeformat

from ilacs.evidence.models import EvidenceFile
from ilacs.plans.admin import ReadOnlyHistoryAdmin


@admin.register(EvidenceFile)
class EvidenceFileAdmin(ReadOnlyHistoryAdmin):
    list_display = [
        "original_filename",
        "kind",
        "file_size",
        "local_authority",
        "effective_date",
        "uploaded_by",
        "uploaded_at",
    ]
    list_filter = ["kind"]
    search_fields = ["original_filename", "description", "sha256", "local_authority__name"]
    list_select_related = ["local_authority", "uploaded_by"]
    date_hierarchy = "effective_date"
    raw_id_fields = [
        "local_authority",
        "action",
        "progress_update",
        "assessment_entry",
        "uploaded_by",
    ]
    # Not "file": its widget and its read-only display are both links to the stored file.
    fields = [
        "original_filename",
        "kind",
        "file_size",
        "stored_as",
        "sha256",
        "description",
        "effective_date",
        "local_authority",
        "action",
        "progress_update",
        "assessment_entry",
        "uploaded_by",
        "uploaded_at",
    ]
    readonly_fields = ["file_size", "stored_as", "uploaded_at"]

    @admin.display(description="size", ordering="size")
    def file_size(self, obj: EvidenceFile) -> str:
        return filesizeformat(obj.size)

    @admin.display(description="stored as")
    def stored_as(self, obj: Any) -> str:
        """The storage name, as text (a string is escaped and never made a link)."""
        return obj.file.name if obj.file else ""
