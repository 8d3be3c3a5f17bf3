from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "政府信息公开"

    def ready(self):
        from wagtail.signals import page_published

        from departments.onboarding import Column, register_standard_column

        from .guides import CATALOG_PAGES
        from .models import DisclosureCatalogPage, DisclosureEntryPage
        from .signals import assign_index_number

        page_published.connect(assign_index_number, sender=DisclosureEntryPage)
        register_standard_column(
            Column(
                "disclosure",
                "政府信息公开",
                lambda department, **page: DisclosureCatalogPage(**page),
                pages=CATALOG_PAGES,
            )
        )
