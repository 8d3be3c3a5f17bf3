"""Every page type has a factory in tests/factories/<its app>.py, so a test can build any page in one line."""

import importlib.util

from wagtail.models import Page, get_page_models

import factory

FACTORIES = f"{__package__}.factories"


def models_with_factories(app_label):
    """The models built by the factories of tests/factories/<app_label>.py (none when that module does not exist)."""
    if importlib.util.find_spec(f"{FACTORIES}.{app_label}") is None:
        return set()
    module = importlib.import_module(f"{FACTORIES}.{app_label}")
    return {
        value._meta.model
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory) and value._meta.model
    }


def test_every_page_type_has_a_factory_in_its_apps_module():
    missing = [
        f"{model._meta.app_label}.{model.__name__}"
        for model in get_page_models()
        if model is not Page and model not in models_with_factories(model._meta.app_label)
    ]
    assert missing == [], f"add a factory to tests/factories/<app>.py for {missing}"
