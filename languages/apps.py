from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = "多语言"

    def ready(self):
        from wagtail.signals import page_unpublished

        from .synchronised import unpublish_mirrors

        page_unpublished.connect(unpublish_mirrors, dispatch_uid="languages.unpublish_mirrors")
