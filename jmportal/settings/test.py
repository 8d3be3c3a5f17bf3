"""The test suite: fast hashing, a throwaway media folder, the database from DATABASE_URL or SQLite."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .base import *  # noqa: F403

# The demo portal (`load_demo`, with its published passwords) exists only here: production cannot load it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

SECRET_KEY = "test-only-key-jmportal-not-secret-00000000000000000000000000"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.gettempdir()) / "jmportal-test-media"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"]["level"] = "WARNING"
AXES_ENABLED = False  # tests that need the login throttle switch it on; test clients log in without a request

# Every test starts with `cache.clear()`, which empties a whole Redis database: under pytest-xdist each worker gets a
# database of its own (REDIS_URL's, plus the worker's number), so one worker never wipes another's rate limits.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker and CACHES["default"].get("LOCATION"):
    _redis = urlsplit(CACHES["default"]["LOCATION"])
    _database = int(_redis.path.strip("/") or 0) + int(_worker.removeprefix("gw"))
    CACHES["default"]["LOCATION"] = _redis._replace(path=f"/{_database}").geturl()
