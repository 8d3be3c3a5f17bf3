"""Layout helpers: the navigation built from the page tree, once per request."""

from django import template

from wagtail.models import Site

from home.models import HomePage
from portal import layout_cache
from portal.elderly_mode import is_on as elderly_mode_is_on

register = template.Library()


def site_root(context):
    """The root of the site the reader is in, in their language: the portal home or a department's home."""
    if "ancestors" in context:
        return context["ancestors"][0] if context["ancestors"] else context["page"]
    site = Site.find_for_request(context["request"])
    return site.root_page.localized if site else None


@register.simple_tag(takes_context=True)
def portal_navigation(context):
    """The site root, its menu pages and audience channels, and a department sub-site's theme: from the layout
    cache, so no query once the menu of that root has been built."""
    request = context["request"]
    cached = getattr(request, "_portal_navigation", None)
    if cached is not None:
        return cached
    root = site_root(context)
    menu = layout_cache.cached(f"menu:{root.pk}", lambda: build_menu(root)) if root else {}
    page = context.get("page")
    navigation = {
        "home": root,
        "sections": menu.get("sections", []),
        "channels": menu.get("channels", []),
        "active_ids": {ancestor.pk for ancestor in context.get("ancestors", [])} | ({page.pk} if page else set()),
        "subsite": menu.get("subsite"),
    }
    request._portal_navigation = navigation
    return navigation


def build_menu(root):
    children = list(root.get_children().live().public().in_menu())
    return {
        "sections": [child for child in children if not child.specific_class.is_channel],
        "channels": [child for child in children if child.specific_class.is_channel],
        "subsite": root.specific if not issubclass(root.specific_class, HomePage) else None,
    }


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The current query string with ?page= set to `number`, so pagination keeps the reader's filters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def elderly_mode(context):
    """True when the reader switched the elderly-friendly mode on (portal.elderly_mode)."""
    request = context.get("request")
    return bool(request) and elderly_mode_is_on(request)
