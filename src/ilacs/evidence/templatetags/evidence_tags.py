"""`{% evidence_for action %}` and `{% evidence_for update %}`: the files attached to an action or
a progress update, with the upload form or link, for the plans' action page.

The plans app sits below evidence and may not import it; its template loads this library by
name instead, so the action page shows evidence without plans knowing the app."""

from __future__ import annotations

from typing import Any

from django import template

from ilacs.evidence import services
from ilacs.evidence.forms import EvidenceForm
from ilacs.evidence.kinds import ACCEPT_ATTRIBUTE
from ilacs.plans.models import Action
from ilacs.units import BYTES_PER_MB

register = template.Library()


@register.inclusion_tag("evidence/includes/files.html", takes_context=True)
def evidence_for(context: template.Context, target: Any) -> dict[str, Any]:
    user = context["request"].user
    action = services.action_of(target)
    if isinstance(target, Action):
        files = services.files_for(target)
        form = EvidenceForm() if services.can_attach(user, target) else None
    else:
        # All the updates' files in one query, kept for the rest of this page.
        cache = context.render_context.setdefault("evidence_by_update", {})
        if action.pk not in cache:
            cache[action.pk] = services.files_for_updates(action)
        files = cache[action.pk].get(target.pk, [])
        form = None
    return {
        "la": action.plan.local_authority,
        "plan": action.plan,
        "action": action,
        "target": target,
        "is_action": isinstance(target, Action),
        "files": files,
        "form": form,
        "accept": ACCEPT_ATTRIBUTE,
        "can_attach": services.can_attach(user, target),
        "can_remove": services.can_remove(user, action.plan.local_authority),
        "csrf_token": context.get("csrf_token"),
    }


@register.filter
def file_size(size: int | None) -> str:
    """ "15 bytes", "240 kB", "3.2 MB": kB and MB of 1,000 and 1,000,000 bytes, as everywhere in
    ilacs (ilacs.units)."""
    if size is None:
        return ""
    if size < 1000:
        return f"{size} byte{'s' if size != 1 else ''}"
    if size < BYTES_PER_MB:
        return f"{size / 1000:.0f} kB"
    return f"{size / BYTES_PER_MB:.1f} MB"
