"""The questions about a page in its template: `{% load questions %}`, then `{% question_form page %}` (the form,
the receipt or the problem of a posted question) and `{% approved_questions page %}` (the approved questions,
masked). See interaction/questions.py."""

from django import template

from .. import questions

register = template.Library()


@register.inclusion_tag("interaction/includes/question_form.html", takes_context=True)
def question_form(context, page):
    """What became of a question just posted (the receipt, or the form again with its problem); else a fresh form
    while the page takes questions."""
    posted = context.get(questions.POSTED) or {}
    form = posted.get("form")
    if form is None and "case" not in posted:
        form = questions.blank_form(page)
    return {
        "page": page,
        "request": context.get("request"),
        "form": form,
        "case": posted.get("case"),
        "problem": posted.get("problem"),
    }


@register.inclusion_tag("interaction/includes/approved_questions.html")
def approved_questions(page):
    """The questions a moderator approved, in their masked public text."""
    return {"questions": questions.approved(page)}
