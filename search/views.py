"""The site search page."""

from django.shortcuts import render

from wagtail.models import Locale, Page

from home.listing import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).search(query)
    return render(request, "search/search.html", {"query": query, "results": paginate(request, results)})
