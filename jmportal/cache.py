"""A Redis cache that keeps the site serving while Redis is down: a failed call is a cache miss, logged.

Everything jmportal and Wagtail keep in the cache (site root paths, rate-limit counters, rendered fragments)
can be recomputed, so losing the cache may slow pages down but must never break them.
"""

import logging

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# What each call answers when Redis cannot: as if the key were missing and nothing could be stored.
FALLBACKS = {
    "get": lambda key, default=None, *args, **kwargs: default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda keys, *args, **kwargs: list(keys),
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "incr": lambda key, delta=1, *args, **kwargs: delta,  # a counter that starts again: rate limits fail open
    "clear": lambda *args, **kwargs: False,
}


def tolerant(name, method, fallback):
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError):
            logger.warning("cache unavailable: %s answered as a miss", name, exc_info=True)
            return fallback(*args, **kwargs)

    call.__name__ = name
    return call


def with_fallbacks(cls):
    for name, fallback in FALLBACKS.items():
        setattr(cls, name, tolerant(name, getattr(cls, name), fallback))
    return cls


@with_fallbacks
class TolerantRedisCache(RedisCache):
    """Django's Redis cache; each call in FALLBACKS answers its fallback while Redis is unreachable."""
