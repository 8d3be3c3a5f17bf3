"""Search fields that store segmented, folded text, so every backend finds Chinese words inside sentences."""

from wagtail.models import Page
from wagtail.search import index

from .text import segment


def plain_text(value):
    """Text of a field's searchable value: a string, a StreamField's strings or a list of tags."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(plain_text(item) for item in value)
    return str(value)


class SegmentedField(index.SearchField):
    """A `SearchField` whose indexed value is the field's text cut into words (`portal.text.segment`)."""

    def text(self, obj):
        """The field's text as written."""
        return plain_text(super().get_value(obj))

    def get_value(self, obj):
        return segment(self.text(obj))


# What every portal page is searched by: Wagtail's own fields, and title above summary above body, segmented.
# (Wagtail's plain title stays: its checks expect it, and it adds the whole title as one more word.)
PAGE_SEARCH_FIELDS = Page.search_fields + [
    SegmentedField("title", boost=5),
    SegmentedField("summary", boost=2),
    SegmentedField("body"),
]


def searchable_text(page):
    """The page's summary and body text as written (not segmented), for the extract shown in results."""
    return " ".join(
        field.text(page)
        for field in type(page).get_search_fields()
        if isinstance(field, SegmentedField) and field.field_name != "title"
    )
