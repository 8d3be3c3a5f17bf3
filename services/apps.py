from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "网上办事"

    def ready(self):
        from departments.onboarding import Column, register_standard_column

        from .models import DepartmentServicesPage

        register_standard_column(
            Column("services", "办事服务", lambda department, **page: DepartmentServicesPage(**page))
        )
