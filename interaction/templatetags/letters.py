"""公众互动 on a department's page: `{% load letters %}{% department_letters page %}` — write to this department,
track a letter, and the department's newest published letters, with the way to all of them on 公开信件."""

from django import template

from wagtail.models import Page

from ..models import Case
from ..models.pages import LetterBoardPage, MessageFormPage, TrackingPage

register = template.Library()

NEWEST = 3


def interaction_pages(locale_id):
    """{page class: page} of 我要写信, 办理查询 and 公开信件, in this language where it has them."""
    pages = Page.objects.live().public().type(MessageFormPage, TrackingPage, LetterBoardPage).order_by("path")
    found = {}
    for page in pages.only("url_path", "locale_id", "content_type_id"):
        if page.locale_id == locale_id or page.specific_class not in found:
            found[page.specific_class] = page
    return found


@register.inclusion_tag("interaction/includes/department_letters.html", takes_context=True)
def department_letters(context, department):
    request = context.get("request")
    pages = interaction_pages(department.locale_id)

    def url(page_class, query=""):
        page = pages.get(page_class)
        return f"{page.get_url(request)}{query}" if page else ""

    board = url(LetterBoardPage)
    letters = Case.objects.letters().filter(department__translation_key=department.translation_key)
    return {
        "department": department,
        "write": url(MessageFormPage, f"?department={department.code}"),
        "track": url(TrackingPage),
        "board": board and f"{board}?department={department.code}",
        "letters": [(letter, f"{board}{letter.pk}/") for letter in letters.order_by("-published_at", "-pk")[:NEWEST]]
        if board
        else [],
    }
