"""Service items (网上办事): import/export with the approval system, the ten elements, the push endpoint."""

import copy
import json
from pathlib import Path
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from wagtail.models import Locale, Revision

import pytest

from departments.models import SensitiveExpression
from home.models import Office
from services.completeness import ELEMENTS
from services.exchange import missing_for
from services.generator import city_scale_items, department_codes
from services.models import ServiceItemPage
from services.schema import clean_item

from .factories import (
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    SectionPageFactory,
    ServiceIndexPageFactory,
    step,
)
from .site_group import add_url, edit_url, posted_form

A_CODE = "11440700MB0000001X"  # the SiteGroup's 民政局
B_CODE = "11440700MB0000002X"  # the SiteGroup's 教育局
OFFICE = {
    "name": "江门市婚姻登记处",
    "district": "city",
    "address": "江门市蓬江区建设三路139号市民政局一楼",
    "opening_hours": "周一至周五 上午8:30-12:00，下午14:30-17:45",
    "phone": "0750-3271123",
}


def source_items():
    """The zh-hans ServiceItemPages: publishing also converts each page into a zh-hant one (languages.synchronised)."""
    return ServiceItemPage.objects.filter(locale=Locale.get_default())


def item(code, name="内地居民结婚登记", department=A_CODE, **changes):
    """A complete item in the exchange schema."""
    data = {
        "code": code,
        "name": name,
        "department": department,
        "type": "confirmation",
        "theme": "marriage",
        "summary": f"{name}的办事指南。",
        "agency": "江门市婚姻登记处",
        "legal_basis": ["《婚姻登记条例》第四条"],
        "conditions": ["男女双方完全自愿", "双方均无配偶"],
        "audiences": ["citizen"],
        "procedures": [
            {
                "name": f"{name}（市婚姻登记处）",
                "steps": [
                    {"title": "受理", "description": "双方共同到场，提交材料。"},
                    {"title": "发证", "description": ""},
                ],
                "materials": [
                    {"name": "居民身份证", "copies": 1, "form": "original", "notes": "", "blank_form": None},
                    {
                        "name": "户口簿",
                        "copies": 1,
                        "form": "original_and_copy",
                        "notes": "首页及本人页",
                        "blank_form": None,
                    },
                ],
                "statutory_days": 0,
                "promised_days": 0,
                "fee": "不收费",
                "office": OFFICE,
                "hours": "",
                "consultation_phone": "0750-3271123",
                "complaint_phone": "12345",
                "online_url": "https://www.gdzwfw.gov.cn/",
                "visits": 1,
            }
        ],
    }
    data.update(changes)
    return data


def write(tmp_path, items, name="items.json"):
    path = tmp_path / name
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    return str(path)


def run_import(path, *flags):
    call_command("import_service_items", path, *flags, stdout=(out := _Out()))
    return out.text


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, text, *args, **kwargs):
        self.text += text

    def flush(self):
        pass


def revisions():
    return Revision.objects.filter(content_type__model="serviceitempage").count()


@pytest.fixture
def three_items():
    return [
        item("11440700MB0000001X4440117002000"),
        item("11440700MB0000001X4440117003000", name="内地居民离婚登记", theme="marriage"),
        item("11440700MB0000002X4440115003000", name="义务教育阶段新生入学报名", department=B_CODE, theme="education"),
    ]


def test_import_creates_published_items_in_their_departments(group, three_items, tmp_path):
    output = run_import(write(tmp_path, three_items))

    assert "新建 3 项" in output
    marriage = source_items().get(item_code="11440700MB0000001X4440117002000")
    assert marriage.live
    assert marriage.get_parent().get_parent().specific == group.a
    school = source_items().get(item_code="11440700MB0000002X4440115003000")
    assert school.get_parent().get_parent().specific == group.b
    assert Office.objects.get(name="江门市婚姻登记处").phone == "0750-3271123"


def test_second_import_of_the_same_file_changes_nothing(group, three_items, tmp_path):
    path = write(tmp_path, three_items)
    run_import(path)
    before = revisions()

    output = run_import(path)

    assert revisions() == before
    assert "未变 3 项" in output


def test_edited_file_updates_exactly_the_changed_items(group, three_items, tmp_path):
    run_import(write(tmp_path, three_items))
    before = {page.item_code: page.latest_revision_id for page in ServiceItemPage.objects.all()}
    edited = copy.deepcopy(three_items)
    edited[1]["procedures"][0]["fee"] = "工本费9元"

    output = run_import(write(tmp_path, edited, "edited.json"))

    after = {page.item_code: page.latest_revision_id for page in ServiceItemPage.objects.all()}
    changed = [code for code in before if before[code] != after[code]]
    assert changed == [three_items[1]["code"]]
    assert "更新 1 项" in output
    page = source_items().get(item_code=three_items[1]["code"])
    assert page.live and page.procedures[0].value["fee"] == "工本费9元"


def test_prune_unpublishes_items_absent_from_the_file(group, three_items, tmp_path):
    run_import(write(tmp_path, three_items))

    run_import(write(tmp_path, three_items[:2], "fewer.json"), "--prune")

    assert not source_items().get(item_code=three_items[2]["code"]).live
    assert source_items().live().count() == 2


def test_without_prune_absent_items_stay_and_withdrawn_items_go(group, three_items, tmp_path):
    run_import(write(tmp_path, three_items))
    withdrawn = [dict(three_items[0], status="withdrawn")]

    output = run_import(write(tmp_path, withdrawn, "withdrawn.json"))

    assert "下线 1 项" in output
    assert not source_items().get(item_code=three_items[0]["code"]).live
    assert source_items().live().count() == 2


def test_dry_run_reports_and_writes_nothing(group, three_items, tmp_path):
    output = run_import(write(tmp_path, three_items), "--dry-run")

    assert "将新建 3 项" in output
    assert not ServiceItemPage.objects.exists()
    assert not Office.objects.filter(name="江门市婚姻登记处").exists()


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"code": ""}, "缺少事项编码"),
        ({"department": "11440700MB0000009X"}, "实施部门“11440700MB0000009X”不存在"),
        ({"type": "permit"}, "事项类型（type）“permit”无效"),
        ({"procedures": [dict(item("X")["procedures"][0], statutory_days="二十")]}, "法定办结时限"),
        (
            {"procedures": [dict(item("X")["procedures"][0], statutory_days=5, promised_days=10)]},
            "不能长于法定办结时限",
        ),
        ({"procedures": [dict(item("X")["procedures"][0], statutory_days=-1)]}, "0–365"),
    ],
)
def test_one_bad_item_imports_nothing_and_names_its_line(group, three_items, tmp_path, bad, reason):
    items = copy.deepcopy(three_items)
    items[2].update(bad)
    path = write(tmp_path, items)
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    bad_line = [number for number, text in enumerate(lines, 1) if text == "  {"][2]

    with pytest.raises(CommandError) as refused:
        run_import(path)

    assert f"第{bad_line}行" in str(refused.value)
    assert reason in str(refused.value)
    assert not ServiceItemPage.objects.exists()


def test_duplicate_codes_are_refused(group, three_items, tmp_path):
    with pytest.raises(CommandError, match="重复"):
        run_import(write(tmp_path, three_items + [three_items[0]]))
    assert not ServiceItemPage.objects.exists()


def test_malformed_files_are_refused_with_their_line(group, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"code": "A1",\n  "name": }\n]', encoding="utf-8")
    with pytest.raises(CommandError, match="第3行"):
        run_import(str(path))


@pytest.mark.parametrize("kind", ["json", "csv"])
def test_export_then_import_is_a_no_op(group, three_items, tmp_path, kind):
    incomplete = item("11440700MB0000002X4440115009000", name="教师资格认定", department=B_CODE, legal_basis=[])
    two_procedures = item("11440700MB0000001X4440117009000", name="补领婚姻登记证")
    two_procedures["procedures"].append(
        dict(two_procedures["procedures"][0], name="补领婚姻登记证（网上办理）", office=None, visits=0, hours="全天")
    )
    run_import(write(tmp_path, three_items + [incomplete, two_procedures]))
    exported = tmp_path / f"export.{kind}"
    call_command("export_service_items", str(exported), stderr=_Out())
    before = revisions()

    output = run_import(str(exported))

    assert revisions() == before
    assert "未变 5 项" in output
    assert "新建 0 项" in output and "更新 0 项" in output


def test_csv_import_reads_one_row_per_procedure(group, tmp_path):
    two_procedures = item("11440700MB0000001X4440117009000", name="补领婚姻登记证")
    two_procedures["procedures"].append(
        dict(two_procedures["procedures"][0], name="补领（网上）", office=None, visits=0)
    )
    run_import(write(tmp_path, [two_procedures]))
    exported = tmp_path / "items.csv"
    call_command("export_service_items", str(exported), stderr=_Out())
    lines = exported.read_text(encoding="utf-8")
    ServiceItemPage.objects.all().delete()

    run_import(str(exported))

    page = source_items().get(item_code="11440700MB0000001X4440117009000")
    assert [block.value["name"] for block in page.procedures] == ["补领婚姻登记证（市婚姻登记处）", "补领（网上）"]
    assert lines.count("11440700MB0000001X4440117009000") == 2


def test_csv_bad_row_names_its_line(group, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(
        "code,name,department,type\n"
        "11440700MB0000001X4440117002000,内地居民结婚登记,11440700MB0000001X,confirmation\n"
        ",内地居民离婚登记,11440700MB0000001X,confirmation\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="第3行.*缺少事项编码"):
        run_import(str(path))
    assert not ServiceItemPage.objects.exists()


def test_incomplete_items_are_imported_as_drafts_and_named(group, tmp_path):
    incomplete = item("11440700MB0000001X4440117002000", legal_basis=[], procedures=[])

    output = run_import(write(tmp_path, [incomplete]))

    page = source_items().get(item_code=incomplete["code"])
    assert not page.live
    assert "缺少：设定依据、办理材料" in output


@pytest.mark.parametrize("element", ELEMENTS)
def test_each_missing_element_is_named(element):
    data = item("C1")
    procedure = data["procedures"][0]
    gap = {
        "事项名称": lambda: data.update(name=""),
        "设定依据": lambda: data.update(legal_basis=[]),
        "申请条件": lambda: data.update(conditions=[]),
        "办理材料": lambda: procedure.update(materials=[]),
        "办理地点": lambda: procedure.update(office=None, online_url="", hours="全天"),
        "办理机构": lambda: data.update(agency=""),
        "收费标准": lambda: procedure.update(fee=""),
        "办理时间": lambda: procedure.update(hours="", office=dict(OFFICE, opening_hours="")),
        "联系电话": lambda: procedure.update(consultation_phone="", office=dict(OFFICE, phone="")),
        "办理流程": lambda: procedure.update(steps=[]),
    }[element]
    gap()

    department = SimpleNamespace(title="" if element == "办理机构" else "江门市民政局")
    assert missing_for(data, department) == [element]


def imported(group, tmp_path, **changes):
    run_import(write(tmp_path, [item("11440700MB0000001X4440117002000", **changes)]))
    return source_items().get(item_code="11440700MB0000001X4440117002000")


def test_publishing_an_incomplete_item_in_the_admin_is_refused_naming_the_gaps(group, tmp_path, client):
    page = imported(group, tmp_path, legal_basis=[])
    client.force_login(group.reviewer_a)
    data = posted_form(client, edit_url(page), **{"action-publish": "publish", "procedures-count": "0"})

    response = client.post(edit_url(page), data)

    assert response.status_code == 200
    text = response.content.decode()
    assert "办事指南要素不全" in text and "设定依据" in text and "办理流程" in text
    page.refresh_from_db()
    assert not page.live


def test_an_incomplete_item_cannot_be_published_from_code_either(group, tmp_path):
    page = imported(group, tmp_path, conditions=[])

    with pytest.raises(ValidationError, match="申请条件"):
        page.save_revision().publish()
    assert not source_items().get(pk=page.pk).live


def test_incomplete_items_report_lists_them_per_department(group, tmp_path, admin_client):
    imported(group, tmp_path, legal_basis=[])

    response = admin_client.get(reverse("incomplete_items_report"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "江门市民政局" in text and "内地居民结婚登记" in text and "设定依据" in text


def test_department_staff_see_only_their_own_incomplete_items(group, tmp_path, client):
    imported(group, tmp_path, legal_basis=[])
    client.force_login(group.editor_b)

    response = client.get(reverse("incomplete_items_report"))

    assert "内地居民结婚登记" not in response.content.decode()


PUSH_URL = "/api/services/items/"


@override_settings(SERVICES_PUSH_TOKEN="s3cret-token")
@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"HTTP_AUTHORIZATION": "Bearer wrong"}, 403), ({"HTTP_AUTHORIZATION": "Basic s3cret-token"}, 401)],
)
def test_push_refuses_missing_or_wrong_tokens(group, client, three_items, headers, status):
    response = client.post(PUSH_URL, json.dumps(three_items), content_type="application/json", **headers)

    assert response.status_code == status
    assert not ServiceItemPage.objects.exists()


@override_settings(SERVICES_PUSH_TOKEN="")
def test_push_is_refused_when_no_token_is_configured(group, client, three_items):
    response = client.post(
        PUSH_URL, json.dumps(three_items), content_type="application/json", HTTP_AUTHORIZATION="Bearer "
    )
    assert response.status_code in (401, 403)


@override_settings(SERVICES_PUSH_TOKEN="s3cret-token")
@pytest.mark.parametrize("body", ['{"code": "A"}', "[{]", "not json", "[1, 2]", '[{"code": "A1"}]'])
def test_push_refuses_malformed_payloads(group, client, body):
    response = client.post(PUSH_URL, body, content_type="application/json", HTTP_AUTHORIZATION="Bearer s3cret-token")

    assert response.status_code == 400
    assert response.json()
    assert not ServiceItemPage.objects.exists()


@override_settings(SERVICES_PUSH_TOKEN="s3cret-token")
def test_push_accepts_a_good_payload_like_the_command(group, client, three_items):
    auth = {"HTTP_AUTHORIZATION": "Bearer s3cret-token"}
    response = client.post(PUSH_URL, json.dumps(three_items), content_type="application/json", **auth)

    assert response.status_code == 200
    assert sorted(response.json()["created"]) == sorted(entry["code"] for entry in three_items)
    assert source_items().live().count() == 3

    again = client.post(PUSH_URL, json.dumps(three_items), content_type="application/json", **auth)
    assert again.json()["unchanged"] == 3 and again.json()["created"] == []


@override_settings(SERVICES_PUSH_TOKEN="s3cret-token")
def test_a_pushed_item_with_a_listed_wrong_expression_stays_a_draft(group, client, three_items):
    SensitiveExpression.objects.create(expression="付市长", suggestion="副市长", kind="title")
    wrong = {**three_items[0], "conditions": ["申请材料须经付市长签批同意。"]}

    response = client.post(
        PUSH_URL, json.dumps([wrong]), content_type="application/json", HTTP_AUTHORIZATION="Bearer s3cret-token"
    )

    assert response.status_code == 200
    draft = response.json()["drafts"][0]
    assert draft["code"] == wrong["code"] and draft["missing"] == []
    assert "付市长" in " ".join(draft["reasons"]) and "副市长" in " ".join(draft["reasons"])
    assert not source_items().get(item_code=wrong["code"]).live


def test_push_answers_get_with_405(client):
    assert client.get(PUSH_URL).status_code == 405


def test_items_are_in_the_read_api(group, three_items, tmp_path, client):
    run_import(write(tmp_path, three_items))

    response = client.get(
        "/api/v2/pages/", {"type": "services.ServiceItemPage", "fields": "item_code,item_type,procedures"}
    )

    assert response.status_code == 200
    items = response.json()["items"]
    assert {entry["item_code"] for entry in items} == {entry["code"] for entry in three_items}
    procedure = items[0]["procedures"][0]["value"]
    assert procedure["office"]["address"] == OFFICE["address"]


@pytest.fixture
def catalog(group, home, three_items, tmp_path):
    run_import(write(tmp_path, three_items))
    return ServiceIndexPageFactory(parent=SectionPageFactory(parent=home, title="网上办事", slug="services"))


def test_item_page_shows_its_procedures_with_a_table_of_contents(group, tmp_path, client):
    data = item("11440700MB0000001X4440117009000", name="补领婚姻登记证")
    data["procedures"].append(dict(data["procedures"][0], name="补领婚姻登记证（新会区）"))
    run_import(write(tmp_path, [data]))
    page = source_items().get(item_code=data["code"])

    response = client.get(page.url)

    text = response.content.decode()
    assert response.status_code == 200
    assert 'href="#procedure-2"' in text and "补领婚姻登记证（新会区）" in text
    for element in [
        "设定依据",
        "申请条件",
        "办理材料",
        "办理地点",
        "办理机构",
        "收费标准",
        "办理时间",
        "咨询电话",
        "办理流程",
    ]:
        assert element in text
    assert "江门市蓬江区建设三路139号" in text and "最多跑一次" in text


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ({"department": B_CODE}, ["义务教育阶段新生入学报名"], ["内地居民结婚登记"]),
        ({"theme": "marriage"}, ["内地居民结婚登记", "内地居民离婚登记"], ["义务教育阶段新生入学报名"]),
        ({"item_type": "licensing"}, [], ["内地居民结婚登记"]),
        ({"audience": "citizen"}, ["内地居民结婚登记"], []),
        ({"audience": "tourist"}, [], ["内地居民结婚登记"]),
        ({"keyword": "离婚"}, ["内地居民离婚登记"], ["内地居民结婚登记"]),
    ],
)
def test_index_browses_by_department_type_audience_and_theme(catalog, client, query, shown, hidden):
    response = client.get(catalog.url, query)

    text = response.content.decode()
    assert response.status_code == 200
    assert all(title in text for title in shown)
    assert not any(f">{title}<" in text for title in hidden)


@pytest.mark.parametrize("query", [{"department": "nope"}, {"theme": "<script>"}, {"page": "999"}, {"page": "x"}])
def test_index_answers_bad_filters_with_a_message(catalog, client, query):
    response = client.get(catalog.url, query)

    assert response.status_code == 200
    assert "无法识别" in response.content.decode() or "没有这一页" in response.content.decode()


def test_city_scale_generator_gives_61_departments_315_items_728_valid_procedures():
    items = city_scale_items()

    assert len(items) == 315
    assert sum(len(entry["procedures"]) for entry in items) == 728
    assert len({entry["department"] for entry in items}) == 61
    departments = set(department_codes(61))
    for entry in items:
        cleaned = clean_item(entry, departments)
        assert missing_for(cleaned, SimpleNamespace(title="江门市第1部门")) == []


def test_guides_and_items_link_each_other(group, home, tmp_path, client):
    page = imported(group, tmp_path)
    index = ScenarioIndexPageFactory(parent=home)
    guide_step = step("到婚姻登记处办理结婚登记")
    guide_step[1]["service_item"] = page
    guide = ScenarioGuidePageFactory(parent=index, title="结婚登记", slug="marriage", steps=[guide_step])

    guide_html = client.get(guide.url).content.decode()
    item_html = client.get(page.url).content.decode()

    assert f'href="{page.url}"' in guide_html and "11440700MB0000001X4440117002000" in guide_html
    assert f'href="{guide.url}"' in item_html and "相关办事指引" in item_html


def test_only_the_departments_own_staff_may_add_items_to_its_column(group, client):
    column = group.a.get_children().get(slug="services")
    url = add_url(column, app="services", model="serviceitempage")

    client.force_login(group.editor_b)
    refused = client.get(url)
    client.force_login(group.editor_a)
    allowed = client.get(url)

    assert refused.status_code in (302, 403)
    assert allowed.status_code == 200 and "事项编码" in allowed.content.decode()
