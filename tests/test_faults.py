"""When a service behind the portal fails, readers get a proper page and citizens lose nothing."""

from unittest import mock

from django.core.cache import cache
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client, override_settings

import pytest

from home.models import HomePage
from interaction.models import Case

from .factories import StandardPageFactory
from .helpers import message, submit

CLOSED_PORT = 9  # discard: nothing listens on loopback here
REDIS_DOWN = {
    "default": {
        "BACKEND": "jmportal.cache.TolerantRedisCache",
        "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/6",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}
ELASTICSEARCH_DOWN = {
    "default": {
        "BACKEND": "search.elasticsearch",
        "URLS": [f"http://127.0.0.1:{CLOSED_PORT}"],
        "INDEX_PREFIX": "jm_browser_",
        "TIMEOUT": 1,
        "OPTIONS": {"max_retries": 0},
        "AUTO_UPDATE": False,
    },
    "fallback": {"BACKEND": "search.backends"},
}


def test_an_unreachable_database_gets_a_503_page_not_a_stack_trace(django_db_blocker):
    refused = OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')
    reader = Client(raise_request_exception=False)
    with django_db_blocker.unblock(), mock.patch.object(BaseDatabaseWrapper, "ensure_connection", side_effect=refused):
        response = reader.get("/")
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "系统正在维护" in html and "12345" in html
    assert "Traceback" not in html and "5432" not in html


def test_other_errors_still_get_the_500_page(client, home):
    reader = Client(raise_request_exception=False)
    with mock.patch.object(HomePage, "get_context", side_effect=RuntimeError("a bug")):
        response = reader.get("/")
    assert response.status_code == 500
    assert "系统暂时无法处理" in response.content.decode()


@override_settings(CACHES=REDIS_DOWN)
def test_the_site_keeps_serving_and_accepting_messages_while_the_cache_is_down(client, portal):
    assert cache.get("anything") is None  # a miss, not an error
    assert client.get("/").status_code == 200
    response = submit(client, portal.write, message())
    assert response.status_code == 201
    assert Case.objects.get().tracking_code in response.content.decode()


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=ELASTICSEARCH_DOWN)
def test_search_answers_from_the_database_index_while_elasticsearch_is_down(client, home):
    StandardPageFactory(parent=home, title="婚姻登记处 地址与电话", slug="marriage-office")
    response = client.get("/search/?q=婚姻登记处")
    assert response.status_code == 200
    assert "婚姻登记处 地址与电话" in response.content.decode()


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=CLOSED_PORT
)
def test_a_refused_mail_server_loses_no_submission(client, portal):
    response = submit(client, portal.write, message(email="chen@example.com"))
    assert response.status_code == 201
    case = Case.objects.get()
    assert case.email == "chen@example.com" and case.content == message()["content"]
    assert case.tracking_code in response.content.decode()
