"""Per-address rate limits kept in Django's cache (Redis in production), in fixed windows."""

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The reader's address: REMOTE_ADDR, or the header the front-end proxy sets (settings.CLIENT_IP_HEADER)."""
    header = settings.CLIENT_IP_HEADER
    forwarded = request.META.get(header, "") if header else ""
    return forwarded.split(",")[-1].strip() or request.META.get("REMOTE_ADDR", "")


def allow(scope, request, limit, window):
    """Count one attempt for this address; False once it has made more than `limit` in `window` seconds."""
    key = f"interaction:rate:{scope}:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
