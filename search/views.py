"""The site search page."""

import logging
import re

from django.db import DatabaseError
from django.shortcuts import render

from wagtail.models import Locale, Page

from elastic_transport import TransportError

from home.listing import paginate

MAX_QUERY_LENGTH = 200
# Quotes and operators that full-text engines parse as syntax, and control characters: never part of a word.
SYNTAX = re.compile(r'["\'*^():\\\x00-\x1f\x7f]+')
logger = logging.getLogger(__name__)


def clean_query(text):
    """The reader's words, without characters a search engine would read as syntax."""
    return " ".join(SYNTAX.sub(" ", text[:MAX_QUERY_LENGTH]).split())


def search(request):
    query = clean_query(request.GET.get("q", ""))
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    results = pages.search(query) if query else Page.objects.none()
    try:
        page = paginate(request, results)
    except TransportError:
        logger.warning("Elasticsearch is unavailable; searching the database index for %r", query, exc_info=True)
        page = paginate(request, pages.search(query, backend="database"))  # settings keep it beside Elasticsearch
    except DatabaseError:
        logger.warning("Search failed for %r", query, exc_info=True)
        page = paginate(request, Page.objects.none())
    return render(request, "search/search.html", {"query": query, "results": page})
