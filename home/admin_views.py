"""起草政府网站年度报表: the portal office drafts the year's website report from the admin and lands in its editor."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import HomePage
from .website_report import draft_website_report

PERMISSION = "home.change_portalsettings"  # those who keep the site's particulars (门户管理员) report on the site


class WebsiteReportForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2008, help_text="报表按年度生成，于次年1月31日前在网站首页公开")

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year > timezone.localdate().year:
            raise forms.ValidationError("只能起草已经开始的年度的报表。")
        return year


class DraftWebsiteReportView(WagtailAdminTemplateMixin, FormView):
    page_title = "起草政府网站工作年度报表"
    header_icon = "table"
    template_name = "wagtailadmin/generic/form.html"
    form_class = WebsiteReportForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"year": timezone.localdate().year - 1}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("draft_website_report"), submit_button_label="起草", **kwargs
        )

    def form_valid(self, form):
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home is None:
            form.add_error(None, "还没有首页。")
            return self.form_invalid(form)
        report, created = draft_website_report(home, form.cleaned_data["year"])
        messages.success(
            self.request,
            "已起草年度报表，请补充（请填写）的各项后发布。" if created else "该年度报表已存在，已为您打开。",
        )
        return redirect("wagtailadmin_pages:edit", report.pk)
