"""错敏字检查: find listed wrong or sensitive expressions in a page's text, with where they stand and the fix.

Plain functions over strings and model instances; no request, no database query of their own.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.html import strip_tags

from wagtail.fields import RichTextField, StreamField, StreamValue
from wagtail.rich_text import RichText

CONTEXT_CHARS = 12
TECHNICAL_FIELDS = {"slug", "url_path", "path", "draft_title", "translation_key", "code", "colour"}


@dataclass(frozen=True)
class Finding:
    field: str  # the field's label, as the editor sees it
    expression: str
    suggestion: str
    context: str  # the expression with a few characters either side

    def message(self):
        fix = f"建议改为“{self.suggestion}”" if self.suggestion else "请删除或改写"
        return f"{self.field}：“{self.expression}”{fix}（……{self.context}……）"


def plain_text(value):
    """Readable text from a field value: strings, rich text and StreamField content."""
    if isinstance(value, StreamValue):
        return "\n".join(strip_tags(str(text)) for text in value.stream_block.get_searchable_content(value))
    if isinstance(value, RichText):
        return strip_tags(value.source)
    return strip_tags(str(value or ""))


def page_texts(page):
    """(field label, text) for every editable text field of a page instance."""
    texts = []
    for field in page._meta.get_fields():
        is_text = isinstance(field, models.CharField | models.TextField | RichTextField | StreamField)
        if is_text and field.name not in TECHNICAL_FIELDS and not field.choices:
            text = plain_text(getattr(page, field.name))
            if text:
                texts.append((str(field.verbose_name), text))
    return texts


def find(texts, expressions):
    """Every occurrence of each (expression, suggestion) in the (label, text) pairs."""
    findings = []
    for label, text in texts:
        for expression, suggestion in expressions:
            start = text.find(expression)
            while start != -1:
                context = text[max(0, start - CONTEXT_CHARS) : start + len(expression) + CONTEXT_CHARS]
                findings.append(Finding(label, expression, suggestion, context.replace("\n", " ")))
                start = text.find(expression, start + len(expression))
    return findings
