"""起草政府网站年度报表: the portal office drafts the year's website report from the admin and lands in its editor."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.report_drafts import DraftReportView

from .models import HomePage
from .website_report import draft_website_report

PERMISSION = "home.change_portalsettings"  # those who keep the site's particulars (门户管理员) report on the site


class DraftWebsiteReportView(DraftReportView):
    page_title = "起草政府网站工作年度报表"
    header_icon = "table"
    year_help_text = "报表按年度生成，于次年1月31日前在网站首页公开"
    drafted_message = "已起草年度报表，请补充（请填写）的各项后发布。"
    existing_message = "该年度报表已存在，已为您打开。"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"year": timezone.localdate().year - 1}

    def draft(self, year):
        home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if home is None:
            raise ValidationError("还没有首页。")
        return draft_website_report(home, year)
