"""Back-office views: the case list scoped to the user's departments, a case with its actions, statistics."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import TemplateView

from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.workdays import calendar

from .access import actor_for, visible
from .admin_forms import HandleForm
from .fees import explain_pages
from .models.cases import DISCLOSURE_DAYS, OPEN_STATUSES, Case, FeeMethod, Step
from .statistics import monthly
from .workflow import TransitionError, available, perform

REVIEWED_TEXTS = {"public_title": "标题", "public_content": "来信内容", "public_reply": "答复内容"}


class CaseIndexView(IndexView):
    def get_base_queryset(self):
        return visible(super().get_base_queryset(), actor_for(self.request.user)).select_related("department")


class CaseInspectView(InspectView):
    """A case: its details, its timeline, and a form for each action the user may take now."""

    template_name = "interaction/admin/case_inspect.html"

    def dispatch(self, request, *args, **kwargs):
        if not actor_for(request.user).can_see(self.object):
            return HttpResponseForbidden("无权查看此件：它不属于您所在的部门。")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.object
        actions = available(actor_for(self.request.user), case)
        context.update(
            case=case,
            timeline=case.transitions.select_related("department"),
            pauses=case.pauses.all(),
            counted=case.deadline_count() if case.status in OPEN_STATUSES or case.due_on else None,
            fee_note=fee_note(case),
            reviews=case.reviews.all(),
            actions=[(name, Step(name).label) for name in actions],
            form=HandleForm(initial={**case.masked(), "department": case.department or case.requested_department}),
            masked_spans=masked_spans(case),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = HandleForm(request.POST)
        if form.is_valid():
            try:
                perform(
                    self.object,
                    form.cleaned_data["action"],
                    actor_for(request.user),
                    note=form.cleaned_data["note"],
                    **form.details(),
                )
                messages.success(request, f"已{Step(form.cleaned_data['action']).label}。")
            except TransitionError as error:
                messages.error(request, str(error))
            except PermissionDenied as error:
                return HttpResponseForbidden(str(error))
        else:
            messages.error(
                request, "填写有误：" + "；".join(error for errors in form.errors.values() for error in errors)
            )
        return redirect(request.path)


def fee_note(case):
    """The 信息处理费 as computed, with its tier, for staff to put in the fee notice."""
    if case.fee_method == FeeMethod.PAGES and case.fee_pages:
        return explain_pages(case.fee_pages)
    if case.fee_method == FeeMethod.ITEM and case.fee_amount is not None:
        return f"按件计收（同一申请人一个自然月内 10 件以下免费，11—30 件每件 100 元，以后每 10 件一档加 100 元）：应收 {case.fee_amount} 元"
    return ""


def masked_spans(case):
    """What the redactor hid in each text a reviewer is about to publish, for them to check: (where, span)."""
    return [(REVIEWED_TEXTS[field], span) for field, redaction in case.redactions.items() for span in redaction.spans]


def month_from(text, today):
    """The month asked for as ?month=YYYY-MM, or the current one."""
    try:
        year, month = (int(part) for part in (text or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        return today.replace(day=1)


class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """月度统计: received, closed, overdue and satisfaction per department, for the departments the user sees."""

    template_name = "interaction/admin/statistics.html"
    page_title = "来信办理统计"
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not actor_for(request.user).is_staff:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        month = month_from(self.request.GET.get("month"), today)
        cases = visible(Case.objects.all(), actor_for(self.request.user))
        context.update(month=month, rows=monthly(cases, month, today))
        return context


class CasesPanel(Component):
    """The dashboard's reminder: the user's cases that are overdue, nearly due, or open for three months."""

    name = "interaction_cases"
    order = 40
    template_name = "interaction/admin/cases_panel.html"

    def __init__(self, actor):
        self.actor = actor

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        cases = visible(Case.objects.all(), self.actor)
        work = calendar()
        return {
            "overdue": cases.overdue(today).count(),
            "near_due": cases.near_due(today).count(),
            "red": cases.unanswered_for_months(today).count(),
            # Deadlines set today may run 40 working days ahead (an extended disclosure request).
            "missing_years": work.provisional_years(today, work.add(today, 2 * DISCLOSURE_DAYS)),
            "provisional": cases.open().filter(due_on__year__gt=max(work.years, default=today.year - 1)).count(),
        }
