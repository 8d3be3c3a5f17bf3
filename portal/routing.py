"""Routing a URL to its page in two queries, whatever its depth (Wagtail's default costs two per level).

`descend` fetches every page that could stand on the path in one query (by slug and depth, both indexed),
walks down from the site root in Python, then loads the last page found as its specific type. It stops early
at a routable page (`RoutablePageMixin`) so that page routes the rest of the path itself, as Wagtail would.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

MAX_DEPTH = Page._meta.get_field("path").max_length // Page.steplen  # the deepest a page can stand in the tree


def descend(root, components):
    """(ancestors, page, remaining): the pages from `root` down to the deepest page the path names (loaded as its
    specific type), and the path components that page must route itself. `page` is None when no child matched."""
    wanted = Q()
    reachable = MAX_DEPTH - root.depth  # deeper components cannot name a page: never put them in the query
    for level, slug in enumerate(components[:reachable], start=1):
        wanted |= Q(depth=root.depth + level, slug=slug)
    candidates = {
        (page.depth, page.slug, page.path[: -Page.steplen]): page
        for page in Page.objects.filter(wanted, path__startswith=root.path)
    }
    chain = [root]
    for slug in components:
        parent = chain[-1]
        if len(chain) > 1 and issubclass(model_of(parent), RoutablePageMixin):
            break
        child = candidates.get((parent.depth + 1, slug, parent.path))
        if child is None:
            break
        chain.append(child)
    if len(chain) == 1:
        return [root], None, components
    found = chain[-1]
    page = model_of(found).objects.get(pk=found.pk)
    return chain[:-1], page, components[len(chain) - 1 :]


def model_of(page):
    return ContentType.objects.get_for_id(page.content_type_id).model_class() or Page
