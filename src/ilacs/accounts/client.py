"""Who is asking: the client's address behind trusted reverse proxies, and sign-in throttling.

`client_ip(request)` is the address django-axes throttles (AXES_CLIENT_IP_CALLABLE) and the audit
log records. With no trusted proxy (ILACS_TRUSTED_PROXIES empty, the default) it is the address
that connected, and X-Forwarded-For is ignored: anyone can write that header. Behind trusted
proxies it is the right-most address in X-Forwarded-For that is not a trusted proxy, and only
when the connection itself comes from one of them (the proxies append, so everything to the left
of the last untrusted address could have been sent by the client).

`failure_limit(request, credentials)` (AXES_FAILURE_LIMIT) applies two limits: failures for one
username from one address (ILACS_LOCKOUT_FAILURES), and failures from one address whatever the
usernames (ILACS_LOCKOUT_ADDRESS_FAILURES), so one address cannot try many usernames.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def trusted_networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    """ "10.0.0.1", "10.1.0.0/16", "::1" -> networks (a bad entry is an error at start-up)."""
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address: Any, networks: Iterable[Network]) -> bool:
    return address is not None and any(address in network for network in networks)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, as described above."""
    remote = request.META.get("REMOTE_ADDR") or None
    networks = trusted_networks(tuple(settings.ILACS_TRUSTED_PROXIES))
    if not networks or not _trusted(_address(remote or ""), networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop for hop in (h.strip() for h in forwarded.split(",")) if hop]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            # Garbage in the header: trust nothing further left of it.
            return remote
        if not _trusted(address, networks):
            return str(address)
    # Every hop is a trusted proxy: the left-most one is the nearest thing to a client.
    return str(_address(hops[0])) if hops else remote


def failure_limit(request: HttpRequest, credentials: dict | None = None) -> int:
    """django-axes' failure limit for this attempt. Axes locks out when the most failures counted
    under any of AXES_LOCKOUT_PARAMETERS (username with address; address alone) reaches the
    limit; this gives each count its own limit by answering with the count that has reached its
    own, or one more than the most counted when none has."""
    from axes.helpers import get_client_username
    from axes.models import AccessAttempt

    address = getattr(request, "axes_ip_address", None) or client_ip(request)
    attempts = AccessAttempt.objects.filter(ip_address=address)
    from_address = attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
    username = get_client_username(request, credentials)
    for_username = (
        attempts.filter(username=username).aggregate(n=Sum("failures_since_start"))["n"] or 0
    )
    if for_username >= settings.ILACS_LOCKOUT_FAILURES:
        return max(for_username, 1)
    if from_address >= settings.ILACS_LOCKOUT_ADDRESS_FAILURES:
        return max(from_address, 1)
    return max(for_username, from_address) + 1
