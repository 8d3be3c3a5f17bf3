"""Admin views of the disclosure platform: the annual report draft."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from departments.ownership import department_of

from .annual_report import draft_annual_report
from .models import DisclosureCatalogPage


class AnnualReportForm(forms.Form):
    year = forms.IntegerField(
        label="年度", min_value=2008, max_value=2100, help_text="起草该年度的政府信息公开工作年度报告"
    )


class DraftAnnualReportView(WagtailAdminTemplateMixin, FormView):
    """起草年度报告: drafts the department's report for a year and opens it in the editor."""

    page_title = "起草政府信息公开年度报告"
    header_icon = "doc-full"
    template_name = "wagtailadmin/generic/form.html"
    form_class = AnnualReportForm

    def dispatch(self, request, catalog_id, *args, **kwargs):
        self.catalog = get_object_or_404(DisclosureCatalogPage, pk=catalog_id)
        self.department = department_of(self.catalog)
        if not self.catalog.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, catalog_id, *args, **kwargs)

    def get_initial(self):
        return {"year": timezone.localdate().year - 1}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("draft_annual_report", args=[self.catalog.pk]),
            submit_button_label="起草",
            page_subtitle=self.department.title,
            **kwargs,
        )

    def form_valid(self, form):
        report, created = draft_annual_report(self.department, form.cleaned_data["year"])
        message = "已起草年度报告，请补充完善后提交审核。" if created else "该年度报告已存在，已为您打开。"
        messages.success(self.request, message)
        return redirect("wagtailadmin_pages:edit", report.pk)
