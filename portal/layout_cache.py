"""What many requests repeat (the menu, the site settings, the performance board's figures), kept in Django's
cache between requests.

Every entry is keyed by a version that changes whenever a page, a site or the site settings are saved, moved or
deleted, so an editor's change shows on the next request. With several worker processes the cache must be shared
(Redis, `REDIS_URL`); the per-process default is right for one process (`make run`).
"""

from uuid import uuid4

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.signals import post_page_move

VERSION_KEY = "layout:version"
TIMEOUT = 24 * 3600


def version():
    return cache.get_or_set(VERSION_KEY, uuid4().hex, None)


def cached(name, compute, timeout=TIMEOUT):
    """`compute()`, kept under `name` until the next change to the tree or the settings (or `timeout` seconds)."""
    key = f"layout:{version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def forget(**kwargs):
    """Signal receiver: the tree or the settings changed, so every cached layout is stale."""
    cache.set(VERSION_KEY, uuid4().hex, None)


def watch(*models):
    """Forget every cached layout whenever an instance of `models` is saved or deleted, or a page moves."""

    def changed(sender, instance=None, **kwargs):
        if isinstance(instance, models):
            forget()

    for signal in (post_save, post_delete, post_page_move):
        signal.connect(changed, weak=False)
