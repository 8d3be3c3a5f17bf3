"""Production settings refuse unsafe configurations and pass Django's deployment checklist."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.test import SimpleTestCase

from jmportal.settings import environment

PROJECT = Path(__file__).resolve().parent.parent
REAL_KEY = "k3J9-production-secret-for-tests-only-8fQ2xZ7wLp0vNc4Rt6YbHs1Ue5Ga"


def run_manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    clean.update(DJANGO_SETTINGS_MODULE="jmportal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=120
    )


class ProductionSettingsTests(SimpleTestCase):
    def test_refuses_debug(self):
        result = run_manage("check", DEBUG="1", SECRET_KEY=REAL_KEY, ALLOWED_HOSTS="www.jiangmen.gov.cn")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("DEBUG", result.stderr)

    def test_refuses_a_missing_secret_key(self):
        result = run_manage("check", ALLOWED_HOSTS="www.jiangmen.gov.cn")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY", result.stderr)

    def test_refuses_a_development_secret_key(self):
        result = run_manage(
            "check", SECRET_KEY="dev-only-key-never-use-in-production-jmportal-0000000000", ALLOWED_HOSTS="x"
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("SECRET_KEY", result.stderr)

    def test_deploy_checklist_has_no_warnings(self):
        result = run_manage(
            "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=REAL_KEY, ALLOWED_HOSTS="www.jiangmen.gov.cn"
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("no issues", result.stdout)

    def test_production_cannot_load_the_demo(self):
        result = run_manage("load_demo", SECRET_KEY=REAL_KEY, ALLOWED_HOSTS="www.jiangmen.gov.cn")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("Unknown command: 'load_demo'", result.stderr)

    def test_admin_links_default_to_the_first_allowed_host(self):
        command = "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)"
        result = run_manage(
            "shell", "-c", command, SECRET_KEY=REAL_KEY, ALLOWED_HOSTS="www.jiangmen.gov.cn,jiangmen.gov.cn"
        )
        self.assertIn("https://www.jiangmen.gov.cn", result.stdout, result.stderr)


class EnvironmentTests(SimpleTestCase):
    def test_sqlite_file_is_the_default_database(self):
        with mock.patch.dict(os.environ, clear=True):
            config = environment.database(Path("/srv/jmportal/db.sqlite3"))
        self.assertEqual(config["ENGINE"], "django.db.backends.sqlite3")
        self.assertEqual(config["NAME"], "/srv/jmportal/db.sqlite3")

    def test_database_url_selects_postgresql(self):
        with mock.patch.dict(os.environ, {"DATABASE_URL": "postgres://portal@db.internal:5432/jmportal"}):
            config = environment.database(Path("/unused.sqlite3"))
        self.assertEqual(config["ENGINE"], "django.db.backends.postgresql")
        self.assertEqual(config["HOST"], "db.internal")

    def test_redis_url_selects_the_redis_cache(self):
        self.assertEqual(environment.cache("redis://127.0.0.1:6379/1")["BACKEND"], "jmportal.cache.TolerantRedisCache")
        self.assertIn("LocMemCache", environment.cache("")["BACKEND"])

    def test_elasticsearch_url_selects_elasticsearch_9_with_the_database_as_fallback(self):
        backends = environment.search_backends("http://127.0.0.1:9200", "jm_")
        self.assertEqual(backends["default"]["BACKEND"], "search.elasticsearch")
        self.assertEqual(backends["default"]["INDEX_PREFIX"], "jm_")
        self.assertEqual(backends["fallback"]["BACKEND"], "search.backends")
        self.assertEqual(environment.search_backends("", "jm_"), {"default": {"BACKEND": "search.backends"}})
