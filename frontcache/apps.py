from django.apps import AppConfig


class FrontCacheConfig(AppConfig):
    """Uses wagtail.contrib.frontend_cache's backends without installing that app: its own signal handlers would
    refresh the page before the publication commits, so a reader could put the old version back in the cache."""

    name = "frontcache"
    verbose_name = "前端缓存"

    def ready(self):
        from . import signals  # noqa: F401 - connects the purge on publish, unpublish, move and settings change
