"""适老化: the elderly-friendly reading mode (larger type, higher contrast, more spacing).

The reader's choice is a cookie set by the server from a plain link, so it works without JavaScript and is
remembered on every page until they switch it off.
"""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

COOKIE = "elderly_mode"
ONE_YEAR = 365 * 24 * 60 * 60


def is_on(request):
    return request.COOKIES.get(COOKIE) == "on"


def safe_next(request):
    """Where the reader came from on this site; the home page for anything else."""
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    return target if allowed and target.startswith("/") else "/"


@require_GET
def switch(request):
    """`?on=1` switches the mode on, anything else off; then back to the page the reader was on."""
    response = HttpResponseRedirect(safe_next(request))
    if request.GET.get("on") == "1":
        response.set_cookie(COOKIE, "on", max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure())
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    response["Cache-Control"] = "no-store"
    return response
