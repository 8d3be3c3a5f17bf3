from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    label = "performance"  # the app's first name: its tables, migrations and content types keep it, so no data moves
    verbose_name = "网上监察"
