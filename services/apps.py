from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "网上办事"
