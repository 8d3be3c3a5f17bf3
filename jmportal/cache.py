"""A Redis cache that keeps the site serving while Redis is down or hung: a failed call is a cache miss.

Everything jmportal and Wagtail keep in the cache (site root paths, rate-limit counters, rendered fragments)
can be recomputed, so losing the cache may slow pages down but must never break them. A hung Redis (accepting
connections, never answering) costs each call its socket timeout, and a page makes dozens of calls: so after one
failure the cache stops asking Redis for `retry_seconds` (a circuit breaker), then lets one call try again.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 30

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


class Breaker:
    """Whether to ask one Redis server now; shared by the threads of a process (each has its own cache object)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0

    def allows(self, retry_seconds):
        """True while Redis answers; once it failed, False until `retry_at`, then True for one caller."""
        with self.lock:
            if not self.down or time.monotonic() < self.retry_at:
                return not self.down
            self.retry_at = time.monotonic() + retry_seconds
            return True

    def failed(self, retry_seconds, call):
        with self.lock:
            if not self.down:
                logger.warning(
                    "cache unavailable (%s failed): answered as misses, retried every %s s", call, retry_seconds
                )
            self.down = True
            self.retry_at = time.monotonic() + retry_seconds

    def succeeded(self):
        if self.down:
            self.down = False
            logger.warning("cache available again")


BREAKERS = {}  # one per Redis location


def tolerant(name, method, fallback):
    def call(self, *args, **kwargs):
        if not self.breaker.allows(self.retry_seconds):
            return fallback(*args, **kwargs)
        try:
            result = method(self, *args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError):
            self.breaker.failed(self.retry_seconds, name)
            return fallback(*args, **kwargs)
        self.breaker.succeeded()
        return result

    call.__name__ = name
    return call


def with_fallbacks(cls):
    for name, fallback in FALLBACKS.items():
        setattr(cls, name, tolerant(name, getattr(cls, name), fallback))
    return cls


@with_fallbacks
class TolerantRedisCache(RedisCache):
    """Django's Redis cache; each call in FALLBACKS answers its fallback while Redis is unreachable or paused.

    OPTIONS may set `retry_seconds` (default RETRY_SECONDS); the rest go to redis-py as Django passes them."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = options.pop("retry_seconds", RETRY_SECONDS)
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = BREAKERS.setdefault(tuple(self._servers), Breaker())
