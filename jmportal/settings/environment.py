"""Reading the environment: the only place jmportal looks at os.environ."""

import os

import dj_database_url

TRUE_WORDS = {"1", "true", "yes", "on"}


def text(name, default=""):
    return os.environ.get(name, default).strip()


def flag(name, default=False):
    value = text(name)
    return value.lower() in TRUE_WORDS if value else default


def words(name, default=""):
    return [word.strip() for word in text(name, default).split(",") if word.strip()]


def mapping(name):
    """KEY=VALUE pairs separated by commas, as a dict (e.g. exchange tokens and their scope)."""
    return dict(pair.split("=", 1) for pair in words(name) if "=" in pair)


def number(name, default):
    value = text(name)
    return int(value) if value else default


def database(default_sqlite_path):
    """DATABASE_URL, or a SQLite file inside the project for newcomers."""
    return dj_database_url.parse(
        text("DATABASE_URL", f"sqlite:///{default_sqlite_path}"),
        conn_max_age=number("DATABASE_CONN_MAX_AGE", 0),
    )


def cache(redis_url):
    """Redis when REDIS_URL is set (a miss, not an error, while it is down or hung), otherwise a per-process memory
    cache. A healthy Redis answers in a millisecond: a quarter of a second without an answer means it is not well,
    and the cache then leaves it alone for a while (jmportal/cache.py)."""
    if redis_url:
        return {
            "BACKEND": "jmportal.cache.TolerantRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "jmportal",
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25, "retry_seconds": 30},
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def search_backends(elasticsearch_url, index_prefix):
    """Wagtail's database search; with ELASTICSEARCH_URL, Elasticsearch 9 first and the database as "fallback".

    Both are kept up to date, so the search page can fall back to the database while Elasticsearch is down.
    """
    database = {"BACKEND": "search.backends"}
    if not elasticsearch_url:
        return {"default": database}
    elasticsearch = {"BACKEND": "search.elasticsearch", "URLS": [elasticsearch_url], "INDEX_PREFIX": index_prefix}
    return {"default": {**elasticsearch, "TIMEOUT": 5}, "fallback": database}


def front_cache(purge_url):
    """The nginx front cache to purge (e.g. http://127.0.0.1:8080) when FRONT_CACHE_PURGE_URL is set; else none."""
    if purge_url:
        return {"nginx": {"BACKEND": "frontcache.backends.NginxRefreshBackend", "LOCATION": purge_url}}
    return {}
