from django import template

from ..models import PerformanceBoardPage

register = template.Library()


@register.simple_tag
def performance_url(department):
    """The URL of `department`'s page on the performance board of its locale, or "" when there is no board."""
    board = PerformanceBoardPage.objects.live().filter(locale_id=department.locale_id).first()
    return f"{board.url}department/{department.slug}/" if board else ""
