"""Which responses a shared cache (the nginx front cache) may keep, and for how long.

A response is shared only when it cannot differ from one reader to another: a GET or HEAD answered (200, or the
301/404/410 a moved or unpublished page leaves behind, so a refresh replaces the old copy) to an anonymous reader
(no session data, no Authorization header, none of the cookies that change how a page looks, such as 适老化)
that sets no cookie and used no CSRF token (so no form, no preview, no citizen's data). Everything else on those paths is marked private and never
stored. URLs with a query string (filters, pages, a guide's answers) are kept per full URL for a shorter time,
because a purge on publish names only the plain URLs.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

SHAREABLE_METHODS = {"GET", "HEAD"}
SHAREABLE_STATUSES = {200, 301, 404, 410}
# Headers a shared page does not vary on: its language is in the URL, and only anonymous, cookie-less
# requests get a shared response (nginx bypasses its cache for requests with a session cookie).
NOT_VARYING = {"cookie", "accept-language"}


def is_covered(request):
    """Every path but documents (collection privacy) and the APIs, which keep their own headers."""
    return not request.path_info.startswith(tuple(settings.FRONT_CACHE_EXEMPT_PATHS))


def is_shareable(request, response):
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return (
        request.method in SHAREABLE_METHODS
        and response.status_code in SHAREABLE_STATUSES
        and not response.has_header("Cache-Control")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_preview", False)
        and "authorization" not in request.headers
        and not any(request.COOKIES.get(name) for name in settings.FRONT_CACHE_PRIVATE_COOKIES)
        and not (user is not None and user.is_authenticated)
        and (session is None or session.is_empty())
    )


def shared_seconds(request):
    return settings.FRONT_CACHE_QUERY_SECONDS if request.GET else settings.FRONT_CACHE_SECONDS


def mark(request, response):
    """Set Cache-Control (and trim Vary) on a response to a reader-facing URL."""
    if not is_covered(request):
        return response
    if is_shareable(request, response):
        patch_cache_control(response, public=True, max_age=0, s_maxage=shared_seconds(request))
        vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
        kept = [value for value in vary if value.lower() not in NOT_VARYING]
        if kept:
            response["Vary"] = ", ".join(kept)
        elif vary:
            del response["Vary"]
    elif not response.has_header("Cache-Control"):
        add_never_cache_headers(response)  # max-age=0, no-cache, no-store, must-revalidate, private
    return response


class CacheHeadersMiddleware:
    """Outermost but for security: sees the response after sessions, CSRF and locale have added their headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return mark(request, self.get_response(request))
