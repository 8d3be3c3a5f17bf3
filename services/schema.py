"""The exchange schema of a service item (docs/service-items.md): checking one item and putting it in
canonical form, so that the same item always compares equal whatever file or push it came from.

`clean_item` needs no database: what it must look up (departments, documents) is passed in as sets.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from channels.audiences import Audience
from home.models import District

from .taxonomy import ItemType, Theme, Visits

CODE = re.compile(r"^[0-9A-Z]{1,40}$")
MATERIAL_FORMS = ["original", "copy", "original_and_copy"]
STATUSES = ["active", "withdrawn"]
ITEM_KEYS = {
    "code", "name", "department", "type", "theme", "status", "summary", "agency",
    "legal_basis", "conditions", "audiences", "procedures",
}  # fmt: skip
PROCEDURE_KEYS = {
    "name", "steps", "materials", "statutory_days", "promised_days", "fee", "office", "hours",
    "consultation_phone", "complaint_phone", "online_url", "visits",
}  # fmt: skip
OFFICE_KEYS = ["name", "district", "address", "opening_hours", "phone"]
MAX_DAYS = 365


class Invalid(ValueError):
    """An item that breaks the schema; the message says what and how to fix it."""


def text(value, label, max_length, required=False):
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise Invalid(f"{label}应为文字。")
    value = value.strip()
    if required and not value:
        raise Invalid(f"缺少{label}。")
    if len(value) > max_length:
        raise Invalid(f"{label}超过{max_length}字。")
    return value


def text_list(value, label):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(line, str) for line in value):
        raise Invalid(f"{label}应为文字列表。")
    return [line.strip() for entry in value for line in entry.splitlines() if line.strip()]


def one_line(value):
    """Steps and materials travel one per line, their parts split by "|" (CSV): keep both out of their text."""
    return " ".join(value.replace("|", "｜").split())


def choice(value, label, choices, default):
    value = default if value in (None, "") else value
    if value is None:
        raise Invalid(f"缺少{label}。")
    if value not in choices:
        raise Invalid(f"{label}“{value}”无效，可选：{'、'.join(map(str, choices))}。")
    return value


def whole_number(value, label, low, high, default=None):
    if value in (None, ""):
        return default
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Invalid(f"{label}“{value}”无效：应为 {low}–{high} 的整数。")
    return value


def url(value, label):
    value = text(value, label, 200)
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise Invalid(f"{label}“{value}”不是有效的网址。") from None
    return value


def mapping(value, label, keys):
    if not isinstance(value, dict):
        raise Invalid(f"{label}应为对象（{{…}}）。")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise Invalid(f"{label}含有未知字段：{'、'.join(unknown)}。")
    return value


def clean_office(value):
    if value is None:
        return None
    value = mapping(value, "办理地点", OFFICE_KEYS)
    return {
        "name": text(value.get("name"), "办理地点名称", 80, required=True),
        "district": choice(value.get("district"), "办理地点所在地区", District.values, District.CITY),
        "address": text(value.get("address"), "办理地点地址", 160, required=True),
        "opening_hours": text(value.get("opening_hours"), "办公时间", 160),
        "phone": text(value.get("phone"), "办理地点电话", 60),
    }


def clean_material(value, documents):
    value = mapping(value, "办理材料", ["name", "copies", "form", "notes", "blank_form"])
    blank_form = whole_number(value.get("blank_form"), "空白表格文档编号", 1, 2**31)
    if blank_form is not None and blank_form not in documents:
        raise Invalid(f"空白表格文档编号 {blank_form} 在文档库中不存在。")
    return {
        "name": one_line(text(value.get("name"), "材料名称", 120, required=True)),
        "copies": whole_number(value.get("copies"), "材料份数", 1, 20, default=1),
        "form": choice(value.get("form"), "材料形式", MATERIAL_FORMS, "original"),
        "notes": one_line(text(value.get("notes"), "材料备注", 200)),
        "blank_form": blank_form,
    }


def clean_step(value):
    value = mapping(value, "办理环节", ["title", "description"])
    return {
        "title": one_line(text(value.get("title"), "办理环节名称", 120, required=True)),
        "description": one_line(text(value.get("description"), "办理环节说明", 2000)),
    }


def listed(value, label):
    if value is None:
        return []
    if not isinstance(value, list):
        raise Invalid(f"{label}应为列表（[…]）。")
    return value


def clean_procedure(value, documents):
    value = mapping(value, "办理流程", PROCEDURE_KEYS)
    name = text(value.get("name"), "办理流程名称", 120, required=True)
    statutory = whole_number(value.get("statutory_days"), "法定办结时限（工作日）", 0, MAX_DAYS)
    promised = whole_number(value.get("promised_days"), "承诺办结时限（工作日）", 0, MAX_DAYS)
    if statutory is not None and promised is not None and promised > statutory:
        raise Invalid(f"“{name}”的承诺办结时限（{promised}个工作日）不能长于法定办结时限（{statutory}个工作日）。")
    return {
        "name": name,
        "steps": [clean_step(step) for step in listed(value.get("steps"), "办理流程环节")],
        "materials": [clean_material(item, documents) for item in listed(value.get("materials"), "办理材料")],
        "statutory_days": statutory,
        "promised_days": promised,
        "fee": text(value.get("fee"), "收费标准", 250),
        "office": clean_office(value.get("office")),
        "hours": text(value.get("hours"), "办理时间", 160),
        "consultation_phone": text(value.get("consultation_phone"), "咨询电话", 60),
        "complaint_phone": text(value.get("complaint_phone"), "投诉电话", 60),
        "online_url": url(value.get("online_url"), "网上办理链接"),
        "visits": whole_number(value.get("visits"), "到现场次数", 0, max(Visits.values), default=Visits.ONE),
    }


def clean_item(value, departments, documents=frozenset()):
    """The canonical form of one item; raises Invalid. `departments`: the known department codes;
    `documents`: the ids of the documents a material may offer as its blank form."""
    value = mapping(value, "事项", ITEM_KEYS)
    code = value.get("code")
    if code in (None, ""):
        raise Invalid("缺少事项编码（code）。")
    if not isinstance(code, str) or not CODE.match(code.strip()):
        raise Invalid(f"事项编码“{code}”无效：只能是数字和大写字母，1–40 位。")
    department = text(value.get("department"), "实施部门（department）", 18, required=True)
    if department not in departments:
        raise Invalid(f"实施部门“{department}”不存在：请先完成该部门入驻，并填写其统一社会信用代码。")
    audiences = text_list(value.get("audiences"), "服务对象（audiences）")
    for audience in audiences:
        choice(audience, "服务对象", Audience.values, None)
    return {
        "code": code.strip(),
        "name": text(value.get("name"), "事项名称（name）", 120, required=True),
        "department": department,
        "type": choice(value.get("type"), "事项类型（type）", ItemType.values, None),
        "theme": choice(value.get("theme"), "主题（theme）", Theme.values, Theme.OTHER),
        "status": choice(value.get("status"), "状态（status）", STATUSES, "active"),
        "summary": text(value.get("summary"), "摘要（summary）", 250),
        "agency": text(value.get("agency"), "办理机构（agency）", 120),
        "legal_basis": text_list(value.get("legal_basis"), "设定依据（legal_basis）"),
        "conditions": text_list(value.get("conditions"), "申请条件（conditions）"),
        "audiences": sorted(set(audiences)),
        "procedures": [clean_procedure(item, documents) for item in listed(value.get("procedures"), "办理流程")],
    }


def content(item):
    """What an item says, without its status: two items with equal content need no new revision."""
    return {key: value for key, value in item.items() if key != "status"}
