"""The approval system's push endpoint, and the admin report of incomplete service guides."""

import hmac

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from departments.models import DepartmentPage
from departments.ownership import Departments
from portal.json_body import BodyError, json_text
from portal.spreadsheets import SafeSpreadsheetMixin

from .exchange import import_items
from .formats import FormatError, read_json
from .models import ServiceItemPage


def refusal(status, message, **headers):
    response = JsonResponse({"error": message}, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


@csrf_exempt
@require_POST
def push_items(request):
    """POST the exchange schema's JSON with `Authorization: Bearer <SERVICES_PUSH_TOKEN>`; see docs/service-items.md."""
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() not in ("bearer", "token") or not token.strip():
        return refusal(401, "缺少令牌：请在 Authorization 头中提供 Bearer 令牌。", **{"WWW-Authenticate": "Bearer"})
    expected = settings.SERVICES_PUSH_TOKEN
    if not expected or not hmac.compare_digest(token.strip().encode(), expected.encode()):
        return refusal(403, "令牌无效。")
    try:
        entries = read_json(json_text(request, settings.SERVICES_PUSH_MAX_BYTES))
    except BodyError as error:
        return refusal(error.status, str(error))
    except FormatError as error:
        return refusal(400, str(error))
    report = import_items(entries, prune=request.GET.get("prune") == "1", dry_run=request.GET.get("dry_run") == "1")
    return JsonResponse(
        report.as_dict(), status=400 if report.problems else 200, json_dumps_params={"ensure_ascii": False}
    )


class IncompleteItemsReportView(SafeSpreadsheetMixin, ReportView):
    """Service items (live or draft) that lack any of the ten elements, per department, for the user's branches."""

    page_title = "办事指南要素检查"
    header_icon = "tasks"
    index_url_name = "incomplete_items_report"
    index_results_url_name = "incomplete_items_report_results"
    results_template_name = "services/incomplete_items_report_results.html"
    list_export = ["department", "title", "item_code", "status", "missing"]
    export_headings = {
        "department": "实施部门",
        "title": "事项名称",
        "item_code": "事项编码",
        "status": "状态",
        "missing": "缺少的要素",
    }

    def get_queryset(self):
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")
        items = list(ServiceItemPage.objects.filter(pk__in=editable.values("pk")).order_by("path"))
        departments = Departments(DepartmentPage.objects.filter(locale__in={item.locale_id for item in items}))
        departments.label(items)
        rows = []
        for item in items:
            missing = item.missing_elements(departments.holding(item))
            if missing:
                rows.append(
                    {
                        "page": item,
                        "department": item.publisher,
                        "title": item.title,
                        "item_code": item.item_code,
                        "status": "已发布" if item.live else "草稿",
                        "missing": "、".join(missing),
                    }
                )
        return rows
