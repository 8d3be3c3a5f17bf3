"""Local development: debug on, a fixed key, the SQLite and in-process defaults from base."""

from .base import *  # noqa: F403
from .base import env

# The demo portal (`load_demo`, with its published passwords) exists only here: production cannot load it.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

DEBUG = env.flag("DEBUG", default=True)
SECRET_KEY = env.text("SECRET_KEY") or "dev-only-key-never-use-in-production-jmportal-0000000000"
ALLOWED_HOSTS = env.words("ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost")  # *.localhost: department sub-sites
