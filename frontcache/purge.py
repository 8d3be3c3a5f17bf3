"""Which URLs to purge from the front cache when a page changes, and purging them once the change is committed.

A published, unpublished or moved page makes stale: the page itself, every ancestor (section and column
listings, a department's latest items, the home page's self-updating lists), every live page that links to it
(Wagtail's reference index: a guide showing a service item's title, a featured block), the search page, and
whatever the apps that show it elsewhere name through the `FRONT_CACHE_PAGES_SHOWING` hook (a channel listing its
audience, the central catalogs, feeds). Each is purged on every site that serves it (the portal and a
department's own hostname).

What a purge cannot name expires by itself (docs/DEPLOY.md): URLs with a query string (FRONT_CACHE_QUERY_SECONDS)
and, after a change to the menu or the site settings, the other pages' copies of the layout (FRONT_CACHE_SECONDS).
"""

from django.db import transaction
from django.urls import reverse
from django.utils import translation

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, ReferenceIndex, Site

from portal.hooks import FRONT_CACHE_PAGES_SHOWING

# Functions `(page) -> iterable` of pages, or of paths on the page's sites ("/feeds/disclosure.rss"), showing `page`.


def purge_after_commit(page, old_url_path=None):
    """Purge what `page`'s change makes stale once the transaction commits: a purge before the commit would let
    a reader's request put the old version back. `old_url_path`: where a moved page was."""
    if get_backends():
        transaction.on_commit(lambda: PurgeBatch(sorted(urls_to_purge(page, old_url_path))).purge())


def urls_to_purge(page, old_url_path=None):
    page = page.specific_deferred
    urls = urls_of(page.url_path) | (urls_of(old_url_path) if old_url_path else set())
    roots = site_roots(page.url_path)
    paths = {reverse_in(language, "search") for _, language in roots}
    for shown in pages_showing(page):
        if isinstance(shown, str):
            paths.add(shown)
        else:
            urls |= urls_of(shown.url_path)
    return urls | {root_url + path for root_url, _ in roots for path in paths}


def pages_showing(page):
    yield from page.get_ancestors().filter(depth__gt=1).live()
    references = ReferenceIndex.get_references_to(page).values_list("object_id", flat=True)
    yield from Page.objects.live().filter(pk__in=[int(pk) for pk in references if pk.isdigit()])
    for hook in hooks.get_hooks(FRONT_CACHE_PAGES_SHOWING):
        yield from hook(page)


def urls_of(url_path):
    """Every URL serving the page at `url_path`: one per site whose root holds it, as Wagtail builds page URLs."""
    return {
        root_url + reverse_in(language, "wagtail_serve", url_path[len(root_path) :])
        for root_path, root_url, language in serving(url_path)
    }


def site_roots(url_path):
    """(root URL, language) of every site serving `url_path`."""
    return {(root_url, language) for _, root_url, language in serving(url_path)}


def serving(url_path):
    return [
        (entry.root_path, entry.root_url, entry.language_code)
        for entry in Site.get_site_root_paths()
        if url_path.startswith(entry.root_path)
    ]


def reverse_in(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)
