from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "languages"
    verbose_name = "多语言"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from .synchronised import translate_mirrors, unpublish_mirrors

        # Connected after disclosure's receiver (INSTALLED_APPS order), so an entry's 索引号 is drawn before it
        # is copied into the translation.
        page_published.connect(translate_mirrors, dispatch_uid="languages.translate_mirrors")
        page_unpublished.connect(unpublish_mirrors, dispatch_uid="languages.unpublish_mirrors")
