"""The export of survey answers (征集调查 → 提交记录 → CSV / XLSX), safe to open in a spreadsheet."""

from wagtail.contrib.forms.views import SubmissionsListView

from portal.spreadsheets import SafeSpreadsheetMixin


class SurveySubmissionsListView(SafeSpreadsheetMixin, SubmissionsListView):
    """Wagtail's list of a form page's submissions, whose exports neutralise formulas and drop control characters."""
