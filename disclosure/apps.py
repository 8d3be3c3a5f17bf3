from django.apps import AppConfig


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = "政府信息公开"

    def ready(self):
        from wagtail.signals import page_published

        from .models import DisclosureEntryPage
        from .signals import assign_index_number

        page_published.connect(assign_index_number, sender=DisclosureEntryPage)
