"""Every citizen's text on a public page passes the redactor here, whatever a reviewer confirmed and whenever it
was published: letters published under older, weaker rules are masked too."""

from django import template

from ..masking import mask, redact_for_case

register = template.Library()


@register.filter
def redacted(text, case=None):
    """{{ letter.public_content|redacted:letter }}: the writer's name shortened too when the case is given."""
    return redact_for_case(case, text).text if case else mask(text)


@register.filter
def redacted_reply(text, case):
    """{{ letter.public_reply|redacted_reply:letter }}: the office's own contact details stay (see masking)."""
    return redact_for_case(case, text, reply=True).text
