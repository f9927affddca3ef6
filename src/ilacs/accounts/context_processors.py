"""The service navigation in the page header."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_navigation": [], "service_navigation_slots": {}}
    home = reverse("home")
    items = [{"text": "Your local authorities", "href": home, "current": request.path == home}]
    if user.is_superuser:
        all_las = reverse("localauthorities:index")
        items.append(
            {"text": "All local authorities", "href": all_las, "current": request.path == all_las}
        )
    search = reverse("search:search")
    items.append(
        {"text": "Search reports", "href": search, "current": request.path.startswith(search)}
    )
    password = reverse("accounts:password_change")
    items.append({"text": "Your password", "href": password, "current": request.path == password})
    if user.is_staff:
        items.append({"text": "Administration", "href": reverse("admin:index")})
    sign_out = SimpleLazyObject(
        lambda: render_to_string("accounts/includes/sign_out_item.html", request=request)
    )
    return {"service_navigation": items, "service_navigation_slots": {"navigationEnd": sign_out}}
