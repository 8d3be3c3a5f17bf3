"""Factories for scenario guides (场景式服务), with the marriage guide's questions and steps."""

import factory
import wagtail_factories

from scenarios.models import ScenarioGuidePage, ScenarioIndexPage


class ScenarioIndexPageFactory(wagtail_factories.PageFactory):
    title = "场景式服务"
    slug = "scenarios"

    class Meta:
        model = ScenarioIndexPage


def material(name, conditions=(), copies=1, form="original"):
    return {"name": name, "copies": copies, "form": form, "notes": "", "conditions": list(conditions)}


def step(title, materials=(), conditions=(), office=None, requirement="required"):
    return (
        "step",
        {
            "title": title,
            "body": f"<p>{title}的说明。</p>",
            "requirement": requirement,
            "alternative_group": "",
            "materials": list(materials),
            "office": office,
            "time_limit": "当场办结",
            "fee": "不收费",
            "service_item": None,
            "online_url": "",
            "conditions": list(conditions),
        },
    )


OVERSEAS = {"question": "hukou", "answers": "overseas"}
MAINLAND = {"question": "hukou", "answers": "mainland"}
MARRIAGE_QUESTIONS = [
    (
        "question",
        {
            "key": "hukou",
            "text": "双方是否均为内地居民？",
            "help": "",
            "answers": [{"key": "mainland", "label": "是"}, {"key": "overseas", "label": "一方为华侨或外国人"}],
        },
    ),
    (
        "question",
        {
            "key": "photo",
            "text": "是否已备好合影照片？",
            "help": "",
            "answers": [{"key": "yes", "label": "已备好"}, {"key": "no", "label": "没有"}],
        },
    ),
]


def marriage_steps(extra_steps=0):
    return [
        step("网上预约", requirement="optional"),
        step(
            "准备材料",
            [material("居民身份证", copies=1), material("护照", [OVERSEAS]), material("无配偶声明", [OVERSEAS])],
        ),
        step(
            "拍摄合影",
            [material("近期半身免冠合影照片", copies=3)],
            conditions=[{"question": "photo", "answers": "no"}],
        ),
        step("涉外婚姻登记", [material("居民身份证", copies=2, form="original_and_copy")], conditions=[OVERSEAS]),
        step("内地婚姻登记", [material("居民身份证")], conditions=[MAINLAND]),
        *[step(f"补充步骤{n}", [material(f"补充材料{n}")]) for n in range(extra_steps)],
    ]


class ScenarioGuidePageFactory(wagtail_factories.PageFactory):
    title = "结婚登记"
    slug = factory.Sequence(lambda n: f"guide-{n}")
    summary = "结婚登记的办理步骤与材料"
    questions = MARRIAGE_QUESTIONS
    steps = factory.LazyFunction(marriage_steps)

    class Meta:
        model = ScenarioGuidePage
