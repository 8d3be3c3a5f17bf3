"""Spreadsheet exports of what the public typed (survey answers, search queries): no cell runs as a formula, and
none holds a character a spreadsheet cannot store.

A cell starting with = + - @ (or a tab or carriage return before one) is a formula to Excel and WPS: an answer
such as `=HYPERLINK("http://…")` would run on the staff member's machine, so it gets a leading apostrophe and
shows as typed. Control characters are not allowed in an XLSX file at all: one of them made the export fail.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl's ILLEGAL_CHARACTERS_RE: XML 1.0 forbids them


def safe_cell(value):
    """A text value as it should stand in a spreadsheet cell; other values (numbers, dates) unchanged."""
    if not isinstance(value, str):
        return value
    text = UNSTORABLE.sub("", value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeSpreadsheetMixin:
    """For a view with Wagtail's SpreadsheetExportMixin (reports, form submissions): every heading and value of the
    CSV and XLSX exports goes through `safe_cell`."""

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))
