"""One answer per person, enforced softly: a signed cookie on the browser, and a time window per client
address in Django's cache (Redis in production), so a cleared cookie does not open the door again at once."""

import hashlib

from django.core.cache import cache

from portal.ratelimit import client_address

COOKIE = "answered-{page_id}"
WINDOW_SECONDS = 30 * 60


def client_key(request, page_id):
    address = client_address(request)
    agent = request.META.get("HTTP_USER_AGENT", "")
    digest = hashlib.sha256(f"{address}|{agent}".encode()).hexdigest()[:32]
    return f"survey-answer:{page_id}:{digest}"


def already_answered(request, page_id):
    if request.get_signed_cookie(COOKIE.format(page_id=page_id), default=None, salt="survey") is not None:
        return True
    return cache.get(client_key(request, page_id)) is not None


def claim(request, page_id):
    """Reserve this client's answer; False when another answer from it came first (in this window)."""
    return cache.add(client_key(request, page_id), 1, WINDOW_SECONDS)


def remember(response, page_id):
    response.set_signed_cookie(
        COOKIE.format(page_id=page_id), "1", salt="survey", max_age=365 * 24 * 3600, httponly=True, samesite="Lax"
    )
