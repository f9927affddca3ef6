"""`{% evidence_for action %}`, `{% evidence_for update %}` and `{% evidence_for entry %}`: the
files attached to an action, a progress update or a self-assessment entry, with the upload form
or link, for the plans' action page and the self-assessment round page.

The plans and assessments apps sit below evidence and may not import it; their templates load
this library by name instead, so their pages show evidence without knowing the app."""

from __future__ import annotations

from typing import Any

from django import template

from ilacs.assessments.models import AssessmentEntry, RoundStatus
from ilacs.evidence import services
from ilacs.evidence.forms import EvidenceForm
from ilacs.evidence.kinds import ACCEPT_ATTRIBUTE
from ilacs.plans.models import Action
from ilacs.units import BYTES_PER_MB

register = template.Library()


@register.inclusion_tag("evidence/includes/files.html", takes_context=True)
def evidence_for(context: template.Context, target: Any) -> dict[str, Any]:
    user = context["request"].user
    if isinstance(target, AssessmentEntry):
        shown = context.get("round")
        if shown is not None and shown.pk == target.round_id:
            target.round = shown  # the page's round, with its plan: no query per entry
        # All the round's files in one query, kept for the rest of this page.
        cache = context.render_context.setdefault("evidence_by_entry", {})
        if target.round_id not in cache:
            cache[target.round_id] = services.files_for_round(target.round)
        plan = target.round.plan
        return {
            "la": plan.local_authority,
            "plan": plan,
            "target": target,
            "is_entry": True,
            "files": cache[target.round_id].get(target.pk, []),
            "can_attach": services.can_attach(user, target),
            "can_remove": services.can_remove(user, plan.local_authority)
            and target.round.status != RoundStatus.SIGNED_OFF,
        }
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
