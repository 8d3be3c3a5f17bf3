"""Django's template backend, converting what it renders for zh-hant readers into Traditional characters.

A page's content is translated (wagtail-localize, OpenCC when published), but a zh-hant page also shows what no
translation holds: form choices read from the database, taxonomy labels, department names, the site settings'
footer, letters and replies, strings missing from the catalog. The outermost render of a zh-hant request (a
page under /zh-hant/, or a text rendered while zh-hant is active, such as a mail to a citizen who wrote in
繁體) goes through `script.convert_html`: readable text only, never URLs, form values, what a citizen typed into
a textarea or what is marked lang="zh-Hans". Staff pages (/admin/) have no language prefix and are left alone.
"""

from contextvars import ContextVar

from django.template.backends.django import DjangoTemplates, Template
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .script import convert_html

TRADITIONAL = "zh-hant"
_rendering = ContextVar("languages_rendering", default=False)


def reads_traditional(request):
    """True when what is rendered now is read in zh-hant: the request's URL says so (without a request: the
    active language)."""
    if request is not None:
        return translation.get_language_from_path(request.path_info) == TRADITIONAL
    return translation.get_language() == TRADITIONAL


class ConvertingTemplate(Template):
    def render(self, context=None, request=None):
        if _rendering.get():  # an include or a block rendered inside a page: the page converts it all at once
            return super().render(context, request)
        token = _rendering.set(True)
        try:
            rendered = super().render(context, request)
        finally:
            _rendering.reset(token)
        if not reads_traditional(request):
            return rendered
        converted = convert_html(rendered)
        return mark_safe(converted) if isinstance(rendered, SafeString) else converted  # noqa: S308


class Templates(DjangoTemplates):
    """settings.TEMPLATES["BACKEND"]: DjangoTemplates whose templates convert for zh-hant readers."""

    def from_string(self, template_code):
        return ConvertingTemplate(self.engine.from_string(template_code), self)

    def get_template(self, template_name):
        template = super().get_template(template_name)
        return ConvertingTemplate(template.template, self)
