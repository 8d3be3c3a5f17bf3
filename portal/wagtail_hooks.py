"""节假日安排 in the admin (设置): the portal office enters the State Council's notice for a year when it appears."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .models import HolidayNotice


class HolidayNoticeViewSet(ModelViewSet):
    model = HolidayNotice
    icon = "date"
    menu_label = "节假日安排"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = False
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
