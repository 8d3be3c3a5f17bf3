"""Service items at city scale (61 departments, 315 items, 728 procedures) in the exchange schema, for
benchmarks and load tests. Deterministic: the same arguments give the same file."""

from channels.audiences import Audience

from .taxonomy import ItemType, Theme

DISTRICTS = ["city", "pengjiang", "jianghai", "xinhui", "taishan", "kaiping", "heshan", "enping"]
DISTRICT_NAMES = ["市民服务中心", "蓬江区", "江海区", "新会区", "台山市", "开平市", "鹤山市", "恩平市"]
TASKS = ["设立登记", "变更登记", "注销登记", "资格认定", "证明开具", "补贴申领", "备案", "许可延续", "证照补领"]


def department_codes(count):
    """Unified social credit codes of `count` generated departments (江门市 prefix, check digit omitted)."""
    return [f"11440700MB{number:07d}G" for number in range(1, count + 1)]


def split(total, parts):
    """`total` spread as evenly as possible over `parts` (e.g. 728 procedures over 315 items)."""
    return [total // parts + (1 if index < total % parts else 0) for index in range(parts)]


def procedure(item_name, number, district):
    where = DISTRICT_NAMES[district]
    return {
        "name": f"{item_name}（{where}窗口{number}）",
        "steps": [
            {"title": "申请", "description": "申请人通过广东政务服务网或现场窗口提交申请材料。"},
            {"title": "受理", "description": "窗口人员当场核对材料，材料齐全、符合法定形式的予以受理。"},
            {"title": "审查决定", "description": "承办机构在承诺时限内审查并作出决定。"},
            {"title": "送达", "description": "结果可现场领取或免费邮寄。"},
        ],
        "materials": [
            {"name": "申请表", "copies": 1, "form": "original", "notes": "现场可领取", "blank_form": None},
            {"name": "申请人有效身份证件", "copies": 1, "form": "original_and_copy", "notes": "", "blank_form": None},
            {"name": "相关证明材料", "copies": 1, "form": "copy", "notes": "按实际情况提供", "blank_form": None},
        ],
        "statutory_days": 20,
        "promised_days": 5 + number % 10,
        "fee": "不收费",
        "office": {
            "name": f"江门市政务服务窗口（{where}）",
            "district": DISTRICTS[district],
            "address": f"{'江门市' if district < 3 else ''}{where}政务服务中心一楼",
            "opening_hours": "周一至周五 上午8:30-12:00，下午14:30-17:45（法定节假日除外）",
            "phone": f"0750-35{district:02d}123",
        },
        "hours": "",
        "consultation_phone": "",
        "complaint_phone": "12345",
        "online_url": "https://www.gdzwfw.gov.cn/",
        "visits": number % 2,
    }


def city_scale_items(departments=61, items=315, procedures=728):
    """`items` complete items spread over `departments`, with `procedures` procedures in all."""
    codes = department_codes(departments)
    item_types, themes, audiences = ItemType.values, Theme.values, Audience.values
    generated = []
    for index, count in enumerate(split(procedures, items)):
        department = codes[index % departments]
        name = f"第{index // departments + 1}类事项{TASKS[index % len(TASKS)]}"
        generated.append(
            {
                "code": f"{department}444{index:04d}000",
                "name": name,
                "department": department,
                "type": item_types[index % len(item_types)],
                "theme": themes[index % len(themes)],
                "status": "active",
                "summary": f"{name}的办事指南（批量生成，用于性能测试）。",
                "agency": "",
                "legal_basis": ["《中华人民共和国行政许可法》第二十九条"],
                "conditions": ["申请人符合法律法规规定的条件", "申请材料齐全、符合法定形式"],
                "audiences": [audiences[index % len(audiences)]],
                "procedures": [procedure(name, number, (index + number) % len(DISTRICTS)) for number in range(count)],
            }
        )
    return generated
