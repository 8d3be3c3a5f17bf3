from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "门户首页与栏目"

    def ready(self):
        from wagtail.models import Page, PageViewRestriction, Site

        from portal import layout_cache

        from .models import PortalSettings

        layout_cache.watch(Page, Site, PortalSettings, PageViewRestriction)
