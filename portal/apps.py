from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PortalConfig(AppConfig):
    """The platform every page app builds on; it imports no other app of the project."""

    name = "portal"
    verbose_name = "门户平台"

    def ready(self):
        from .models import HolidayNotice
        from .signals import holidays_changed

        post_save.connect(holidays_changed, sender=HolidayNotice, dispatch_uid="portal_holidays_saved")
        post_delete.connect(holidays_changed, sender=HolidayNotice, dispatch_uid="portal_holidays_deleted")
