"""The exchange API with the 12345 platform (see api.py)."""

from django.urls import path

from . import api

urlpatterns = [
    path("cases/", api.pull, name="exchange_cases"),
    path("cases/<str:code>/", api.detail, name="exchange_case"),
    path("cases/<str:code>/events/", api.push, name="exchange_events"),
]
