"""Site-wide views that are not pages: robots.txt and the error pages."""

import sys

from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def server_error(request):
    """500, or 503 with Retry-After when the database cannot be reached: both pages need no database."""
    if isinstance(sys.exc_info()[1], DatabaseError):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = "120"
    else:
        response = HttpResponse(loader.render_to_string("500.html"), status=500)
    response["Cache-Control"] = "no-store"
    return response
