"""节假日安排 in the admin (设置): the portal office enters the State Council's notice for a year when it appears."""

from django.utils import timezone

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import HolidayNotice
from .workdays import BASIS_LABELS, STATUTORY, calendar


class HolidayNoticeIndexView(IndexView):
    """The notices entered, and above them what the calendar counts this year and the next two by."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        work, year = calendar(), timezone.localdate().year
        rules = [work.rule(each) for each in range(year - 1, year + 3)]
        context["calendar_years"] = [
            (rule.year, BASIS_LABELS[rule.basis], "" if rule.basis == STATUTORY else rule.source) for rule in rules
        ]
        return context


class HolidayNoticeViewSet(ModelViewSet):
    model = HolidayNotice
    icon = "date"
    menu_label = "节假日安排"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = HolidayNoticeIndexView
    index_template_name = "portal/admin/holiday_notices.html"
    list_display = ["year", "title", "document_number", "updated_at"]
    panels = [
        FieldPanel("year"),
        FieldPanel("title"),
        FieldPanel("document_number"),
        FieldPanel("holidays"),
        FieldPanel("workdays"),
    ]


@hooks.register("register_admin_viewset")
def holiday_notice_viewset():
    return HolidayNoticeViewSet("holiday_notices")
