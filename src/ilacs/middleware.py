"""Response headers the whole product shares."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class NoStoreForSignedInMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in person: what they see is their
    council's data, which no browser cache or shared proxy should keep (a shared computer's Back
    button, a council's caching proxy). Static files are served before this (by WhiteNoise) and
    keep their long caching."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True)
        return response
