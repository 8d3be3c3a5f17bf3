"""The public pages under 公众互动: 我要写信, 依申请公开, 办理查询 and 公开信件."""

from functools import reduce
from operator import and_, or_

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from portal.listing import paginate
from portal.pages import BasePage
from portal.ratelimit import allow

from ..access import CITIZEN, departments
from ..forms import DisclosureRequestForm, LookupForm, MessageForm, RatingForm
from ..submission import DUPLICATE, submit
from ..tracking import phone_suffix_matches
from ..workflow import TransitionError, applies, perform
from .cases import Case

SUBMISSIONS_PER_HOUR = 10
LOOKUPS_PER_TEN_MINUTES = 20
TOO_MANY = "操作过于频繁，请稍后再试。"


def department_asked(request):
    """The department a link from its page names (`?department=<its code>`), or None."""
    code = request.GET.get("department", "")[:18]
    return departments().live().filter(code=code).first() if code else None


class InteractionPage(BasePage):
    """A page of 公众互动: lives directly under the section, once."""

    parent_page_types = ["home.SectionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def respond(self, request, status=200, **extra):
        context = self.get_context(request)
        context.update(extra)
        return TemplateResponse(request, self.get_template(request), context, status=status)


class CaseFormPage(InteractionPage):
    """A form that opens a case; the citizen sees the tracking code at once. Subclasses name `form_class`
    (here, and 投诉监督 in supervision)."""

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return self.respond(request, form=self.form_class(initial=self.initial(request)))
        form = self.form_class(request.POST)
        if not allow("submit", request, SUBMISSIONS_PER_HOUR, 3600):
            form.renew_captcha()  # keep what the citizen wrote for a later try
            return self.respond(request, status=429, form=form, problem=TOO_MANY)
        if not form.is_valid():
            form.renew_captcha()
            return self.respond(request, status=400, form=form)
        case = submit(form)
        if case is None:
            return self.respond(request, status=409, form=self.form_class(), problem=DUPLICATE)
        return self.respond(request, status=201, case=case, tracking_page=self.tracking_page())

    @staticmethod
    def initial(request):
        """The department chosen already when the citizen came from its page, and the title when they came
        from a search that found no answer (`?title=`, their question)."""
        department = department_asked(request)
        initial = {"requested_department": department} if department else {}
        if title := " ".join(request.GET.get("title", "").split())[:80]:
            initial["title"] = title
        return initial

    def tracking_page(self):
        """办理查询, where the receipt sends the citizen: in this page's language when there is one."""
        pages = TrackingPage.objects.live().public()
        return pages.filter(locale_id=self.locale_id).first() or pages.first()


class MessageFormPage(CaseFormPage):
    """我要写信: a 12345 message (咨询, 投诉, 建议, 求助)."""

    form_class = MessageForm
    template = "interaction/case_form_page.html"

    class Meta:
        verbose_name = "我要写信"


class DisclosureRequestPage(CaseFormPage):
    """依申请公开: a request for government information under the Regulations."""

    form_class = DisclosureRequestForm
    template = "interaction/case_form_page.html"

    class Meta:
        verbose_name = "依申请公开申请"


class TrackingPage(InteractionPage):
    """办理查询: tracking code + the phone's last four digits show the timeline and the reply."""

    template = "interaction/tracking_page.html"

    class Meta:
        verbose_name = "办理查询"

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":  # a receipt's link carries the code: only the phone digits are left to type
            return self.respond(request, form=LookupForm(initial={"code": request.GET.get("code", "")}))
        if not allow("lookup", request, LOOKUPS_PER_TEN_MINUTES, 600):
            return self.respond(request, status=429, form=LookupForm(), problem=TOO_MANY)
        rating = "comment" in request.POST or "satisfaction" in request.POST  # the rating form always posts both
        form = (RatingForm if rating else LookupForm)(request.POST)
        if not form.is_valid():
            lookup = LookupForm(request.POST)
            case = found_case(lookup) if rating and lookup.is_valid() else None
            if case is None:
                return self.respond(request, status=400, form=form)
            # A rating sent without a choice: the case stays on screen with the rating form and its error.
            return self.respond(
                request, status=400, form=lookup, case=case, timeline=case.transitions.all(), rating_form=form
            )
        case = found_case(form)
        if case is None:
            return self.respond(request, status=404, form=form, problem="没有找到与查询码和手机号码相符的记录。")
        if rating:
            try:
                perform(
                    case,
                    "rate",
                    CITIZEN,
                    note=form.cleaned_data["comment"],
                    satisfaction=form.cleaned_data["satisfaction"],
                )
            except (TransitionError, PermissionDenied) as error:
                return self.respond(request, status=409, form=form, problem=str(error), case=case)
            case.refresh_from_db()
        return self.respond(
            request,
            form=form,
            case=case,
            timeline=case.transitions.select_related("department"),
            rating_form=RatingForm(initial=form.cleaned_data) if applies("rate", case) else None,
        )


def found_case(form):
    """The case a valid lookup form names, when the phone digits match it; else None."""
    case = Case.objects.filter(tracking_code=form.cleaned_data["code"]).first()
    return case if case and phone_suffix_matches(case.phone, form.cleaned_data["phone_suffix"]) else None


class LetterBoardPage(RoutablePageMixin, InteractionPage):
    """公开信件: replied letters whose writers agreed, in the text a reviewer confirmed (masked)."""

    template = "interaction/letter_board_page.html"

    class Meta:
        verbose_name = "公开信件"

    def search_letters(self, units, limit):
        """Published letters holding, in their public (masked) title, content or reply, a word of each unit
        (`units`: for each thing the reader asked, its alternatives, each a list of words a letter must all
        hold), newest first: (letter, its URL, its public texts) for the search page (`search.results`)."""
        fields = ("public_title", "public_content", "public_reply")

        def holding(word):
            return reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields))

        letters = Case.objects.letters()
        for alternatives in units:
            letters = letters.filter(reduce(or_, (reduce(and_, map(holding, words)) for words in alternatives)))
        letters = letters.order_by("-published_at", "-pk").only(*fields, "published_at")[:limit]
        base = self.url or ""
        return [(letter, f"{base}{letter.pk}/", [getattr(letter, name) for name in fields]) for letter in letters]

    @path("")
    def index(self, request):
        """Every published letter, or one department's (`?department=<its code>`, from the department's page)."""
        letters = Case.objects.letters().select_related("department").order_by("-published_at", "-pk")
        department = department_asked(request)
        if department is not None:
            letters = letters.filter(department=department)
        return self.respond(request, letters=paginate(request, letters), department=department)

    @re_path(r"^(\d{1,18})/$")  # longer numbers cannot be a key: 404, not a database error
    def letter(self, request, pk):
        letter = get_object_or_404(Case.objects.letters().select_related("department"), pk=pk)
        return self.respond(request, letter=letter)
