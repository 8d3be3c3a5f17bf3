"""Admin views of the site group: the content-check report and the onboarding form."""

import csv
import io

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from .access import is_portal_admin
from .bulk import COLUMNS, onboard_rows, read_rows
from .content_check import find, page_texts
from .models import SensitiveExpression
from .onboarding import OnboardingError


class ContentCheckReportView(ReportView):
    """Every live page the user may edit that contains a listed wrong or sensitive expression."""

    page_title = "错敏字检查"
    header_icon = "warning"
    index_url_name = "content_check_report"
    index_results_url_name = "content_check_report_results"
    results_template_name = "departments/content_check_report_results.html"
    list_export = ["page_title", "url_path", "field", "expression", "suggestion", "context"]
    export_headings = {
        "page_title": "页面",
        "url_path": "路径",
        "field": "位置",
        "expression": "错敏表述",
        "suggestion": "建议改为",
        "context": "上下文",
    }

    def get_queryset(self):
        expressions = SensitiveExpression.active_pairs()
        if not expressions:
            return []
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")
        rows = []
        for page in editable.live().specific().order_by("path"):
            for finding in find(page_texts(page), expressions):
                rows.append(
                    {
                        "page": page,
                        "page_title": page.title,
                        "url_path": page.url_path,
                        "field": finding.field,
                        "expression": finding.expression,
                        "suggestion": finding.suggestion,
                        "context": finding.context,
                    }
                )
        return rows


class OnboardingForm(forms.Form):
    file = forms.FileField(
        label="部门清单（CSV 文件）",
        help_text=f"UTF-8 编码，第一行为列名：{','.join(COLUMNS)}；其中 code（统一社会信用代码）和 name 必填。"
        "已入驻的部门不会被改动；任何一行有误，整份文件都不会写入。",
    )


class OnboardDepartmentsView(WagtailAdminTemplateMixin, FormView):
    """部门入驻: the portal administrators' form for onboarding departments from a CSV file."""

    page_title = "部门入驻"
    header_icon = "group"
    template_name = "wagtailadmin/generic/form.html"
    form_class = OnboardingForm

    def dispatch(self, request, *args, **kwargs):
        if not is_portal_admin(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("onboard_departments"), submit_button_label="开始入驻", **kwargs
        )

    def form_valid(self, form):
        try:
            rows = read_rows(io.TextIOWrapper(form.cleaned_data["file"], encoding="utf-8-sig"))
            changes = onboard_rows(rows)
        except (OnboardingError, UnicodeDecodeError, csv.Error) as error:
            message = "文件不是 UTF-8 编码的 CSV。" if isinstance(error, UnicodeDecodeError) else str(error)
            form.add_error("file", message)
            return self.form_invalid(form)
        summary = "新建：" + "，".join(changes) if changes else "没有任何改动。"
        messages.success(self.request, f"已处理 {len(rows)} 个部门；{summary}")
        return redirect("onboard_departments")
