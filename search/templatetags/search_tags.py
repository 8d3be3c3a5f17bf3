from django import template
from django.utils.translation import get_language

from search.hot import hot_searches

register = template.Library()


@register.inclusion_tag("search/includes/hot_searches.html")
def hot_search_links():
    """热门搜索 as links to their results, in the reader's language."""
    return {"queries": hot_searches(get_language())}


@register.simple_tag(takes_context=True)
def facet_query(context, name, value):
    """The current search with facet `name` set to `value` (or cleared when empty), from its first page."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    query[name] = value
    if not value:
        del query[name]
    return "?" + query.urlencode()


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")


@register.inclusion_tag("search/includes/suggested_departments.html")
def suggested_departments(case):
    """建议转办: the departments a letter's words point to (`search.routing`), for the 12345 desk."""
    from search.routing import suggest

    return {"suggestions": suggest(case.title, case.content, exclude=case.pk)}
