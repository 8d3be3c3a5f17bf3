"""Layout helpers: the navigation built from the page tree, once per request."""

from django import template

from wagtail.models import Site

register = template.Library()


def portal_home(context):
    """The home page of the tree the reader is in (its locale's home)."""
    if context.get("ancestors"):
        return context["ancestors"][0]
    page = context.get("page")
    if page is not None and page.depth == 2:
        return page
    site = Site.find_for_request(context["request"])
    return site.root_page.localized if site else None


@register.simple_tag(takes_context=True)
def portal_navigation(context):
    """Main sections and audience channels, from the live children of the home page (one query)."""
    request = context["request"]
    cached = getattr(request, "_portal_navigation", None)
    if cached is not None:
        return cached
    home = portal_home(context)
    children = list(home.get_children().live().public().in_menu()) if home else []
    page = context.get("page")
    navigation = {
        "home": home,
        "sections": [child for child in children if child.specific_class.navigation_group == "section"],
        "channels": [child for child in children if child.specific_class.navigation_group == "channel"],
        "active_ids": {ancestor.pk for ancestor in context.get("ancestors", [])} | ({page.pk} if page else set()),
    }
    request._portal_navigation = navigation
    return navigation
