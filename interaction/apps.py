from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "interaction"
    verbose_name = "公众互动"
