from django import template

from wagtail.contrib.routable_page.templatetags.wagtailroutablepage_tags import routablepageurl

from ..models import PerformanceBoardPage

register = template.Library()


@register.simple_tag(takes_context=True)
def performance_url(context, department):
    """The URL of `department`'s page on the performance board of its locale, as the reader's site links to it
    (relative on the same site), or "" when there is no board."""
    board = PerformanceBoardPage.objects.live().filter(locale_id=department.locale_id).first()
    return routablepageurl(context, board, "department", department.slug) if board else ""
