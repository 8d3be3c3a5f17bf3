from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "站内搜索"

    def ready(self):
        from . import (
            hot,  # noqa: F401 (its receivers forget the chosen 热门搜索 when editors change a term)
            vocabulary,  # noqa: F401 (its receivers forget the vocabulary when synonyms or pages change)
        )
