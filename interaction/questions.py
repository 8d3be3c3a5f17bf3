"""Questions about a page (在线访谈提问): citizens ask through the case core, moderators approve the masked text,
and the page shows the approved questions.

A page type takes questions by saying so, not by being imported here: it sets `takes_questions = True`, says
whether it still takes them with `accepts_questions()` (an interview: until it ends) and names the department
that moderates them with its `department` field. Its template shows the form and the approved questions with
`{% load questions %}` (`interaction/templatetags/questions.py`); a question posted to the page is answered
here, through Wagtail's `on_serve_page` hook, with the page's own template.
"""

from django.template.response import TemplateResponse

from wagtail import hooks

from portal.ratelimit import allow

from .forms import InterviewQuestionForm
from .models.cases import Case, Kind
from .submission import DUPLICATE, submit

QUESTIONS_PER_HOUR = 10
FINISHED = "访谈已结束，不再接受提问。"
TOO_MANY = "提问过于频繁，请稍后再试。"
# The context key of what became of a posted question: {"form": …, "case": …, "problem": …}, read by the tag.
POSTED = "question_post"


def takes_questions(page):
    return getattr(page, "takes_questions", False)


def approved(page):
    """The questions about `page` a moderator has approved, in the order they were published: only the public
    (masked) fields and the names the redactor needs, never the phone."""
    return (
        Case.objects.published()
        .filter(kind=Kind.INTERVIEW, page=page)
        .only("name", "honorific", "public_title", "public_content", "published_at")
        .order_by("published_at", "pk")
    )


def blank_form(page):
    """A fresh form for the page, or None once it takes no more questions."""
    return InterviewQuestionForm(page=page) if page.accepts_questions() else None


def respond(page, request, status, **posted):
    """The page as it would serve itself, with what became of the question; its own template and context."""
    context = page.get_context(request)
    context[POSTED] = posted
    return TemplateResponse(request, page.get_template(request), context, status=status)


def receive(page, request):
    """A question posted to `page`: 403 once it takes no more, 429 when this address asks too often, 400 with
    the errors (the text kept, a new captcha), 409 when the same text came in the last minutes, 201 with the
    receipt."""
    if not page.accepts_questions():
        return respond(page, request, 403, problem=FINISHED)
    form = InterviewQuestionForm(request.POST, page=page)
    if not allow("interview-question", request, QUESTIONS_PER_HOUR, 3600):
        form.renew_captcha()
        return respond(page, request, 429, form=form, problem=TOO_MANY)
    if not form.is_valid():
        form.renew_captcha()
        return respond(page, request, 400, form=form)
    case = submit(form)
    if case is None:
        return respond(page, request, 409, form=InterviewQuestionForm(page=page), problem=DUPLICATE)
    return respond(page, request, 201, case=case)


@hooks.register("on_serve_page", order=1)
def take_questions(serve):
    """A POST to a page that takes questions is a question. `on_serve_page` rather than `before_serve_page`, and
    after Wagtail's view-restriction check (order 0, which wraps this): a private page's password or login then
    applies to its questions as it does to its content."""

    def serve_or_receive(page, request, args, kwargs):
        if request.method == "POST" and takes_questions(page):
            return receive(page, request)
        return serve(page, request, args, kwargs)

    return serve_or_receive
