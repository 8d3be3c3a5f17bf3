"""Factories for every page type, so tests say only what matters to them."""

import factory
import wagtail_factories

from channels.audiences import Audience
from channels.models import ChannelPage, PageAudience
from departments.models import ArticleIndexPage, ArticlePage, DepartmentIndexPage, DepartmentPage
from disclosure.models import DisclosureCatalogPage, DisclosureEntryPage, DisclosureIndexPage
from home.columns import ColumnType
from home.models import HomePage, Office, SectionPage, StandardPage
from participation.models import InterviewIndexPage, InterviewPage, SurveyIndexPage, SurveyPage
from scenarios.models import ScenarioGuidePage, ScenarioIndexPage
from services.models import DepartmentServicesPage, ServiceIndexPage, ServiceItemPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "江门政务之窗"
    slug = "home"

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    show_in_menus = True
    column_type = ColumnType.OVERVIEW

    class Meta:
        model = SectionPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"页面{n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "页面摘要"

    class Meta:
        model = StandardPage


class ChannelPageFactory(wagtail_factories.PageFactory):
    title = "市民频道"
    slug = factory.Sequence(lambda n: f"channel-{n}")
    audience = Audience.CITIZEN
    show_in_menus = True

    class Meta:
        model = ChannelPage


class DepartmentIndexPageFactory(wagtail_factories.PageFactory):
    title = "政府部门"
    slug = "departments"
    show_in_menus = True

    class Meta:
        model = DepartmentIndexPage


class DepartmentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"江门市第{n}局")
    slug = factory.Sequence(lambda n: f"dept-{n}")
    code = factory.Sequence(lambda n: f"11440700MB{n:07d}X")
    address = "江门市蓬江区建设三路"
    phone = "0750-3270000"

    class Meta:
        model = DepartmentPage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "部门动态"
    slug = factory.Sequence(lambda n: f"news-{n}")
    show_in_menus = True

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"新闻{n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "新闻摘要"

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(article, create, audiences, **kwargs):
        """Tag the article for these audiences, then publish it as an editor would (setting its publication date)."""
        if audiences:
            article.audience_links = [PageAudience(audience=audience) for audience in audiences]
        if create:
            article.save_revision().publish()


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


class DisclosureCatalogPageFactory(wagtail_factories.PageFactory):
    title = "政府信息公开"
    slug = "disclosure"

    class Meta:
        model = DisclosureCatalogPage


class DisclosureIndexPageFactory(wagtail_factories.PageFactory):
    title = "政府信息公开目录"
    slug = "catalog"

    class Meta:
        model = DisclosureIndexPage


class DisclosureEntryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"公开信息{n}")
    slug = factory.Sequence(lambda n: f"entry-{n}")
    summary = "公开信息摘要"

    class Meta:
        model = DisclosureEntryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(entry, create, extracted, **kwargs):
        """Publish as an editor would, which allocates the index number."""
        if create:
            entry.save_revision().publish()
            entry.refresh_from_db()


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "办事事项"
    slug = "items"

    class Meta:
        model = ServiceIndexPage


class DepartmentServicesPageFactory(wagtail_factories.PageFactory):
    title = "办事服务"
    slug = "services"

    class Meta:
        model = DepartmentServicesPage


def procedure(name="现场办理", office=None):
    """A complete procedure of a service item, at `office` (a new Office when not given)."""
    office = office or Office.objects.create(
        name=f"{name}窗口", address="江门市蓬江区建设三路88号", opening_hours="周一至周五", phone="0750-3500123"
    )
    return (
        "procedure",
        {
            "name": name,
            "steps": [{"title": "受理", "description": "提交材料"}, {"title": "办结", "description": ""}],
            "materials": [{"name": "居民身份证", "copies": 1, "form": "original", "notes": "", "blank_form": None}],
            "statutory_days": 20,
            "promised_days": 5,
            "fee": "不收费",
            "office": office,
            "hours": "",
            "consultation_phone": "",
            "complaint_phone": "",
            "online_url": "",
            "visits": "1",
        },
    )


class ServiceItemPageFactory(wagtail_factories.PageFactory):
    """A complete service item with one procedure (pass `procedures=[…]` for more)."""

    title = factory.Sequence(lambda n: f"办事事项{n}")
    item_code = factory.Sequence(lambda n: f"11440700MB0000001X4440{n:09d}")
    item_type = "licensing"
    legal_basis = "《中华人民共和国行政许可法》"
    conditions = "申请人为本市居民"
    procedures = factory.LazyFunction(lambda: [procedure()])

    class Meta:
        model = ServiceItemPage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(item, create, audiences, **kwargs):
        if audiences:
            item.audience_links = [PageAudience(audience=audience) for audience in audiences]
            item.save()


class SurveyIndexPageFactory(wagtail_factories.PageFactory):
    title = "征集调查"
    slug = "surveys"

    class Meta:
        model = SurveyIndexPage


class SurveyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"2026年民生实事项目征集（第{n}期）")
    organiser = "江门市人民政府办公室"

    class Meta:
        model = SurveyPage


class InterviewIndexPageFactory(wagtail_factories.PageFactory):
    title = "在线访谈"
    slug = "interviews"

    class Meta:
        model = InterviewIndexPage


class InterviewPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"局长在线访谈（第{n}期）")

    class Meta:
        model = InterviewPage


# 公众互动 (interaction): its pages under the section, and cases saved as a citizen's submission would be.
from interaction.models import DisclosureRequestPage, LetterBoardPage, MessageFormPage, TrackingPage  # noqa: E402
from interaction.models.cases import Case  # noqa: E402
from interaction.submission import fingerprint  # noqa: E402


class MessageFormPageFactory(wagtail_factories.PageFactory):
    title = "我要写信"
    slug = "write"

    class Meta:
        model = MessageFormPage


class DisclosureRequestPageFactory(wagtail_factories.PageFactory):
    title = "依申请公开"
    slug = "request"

    class Meta:
        model = DisclosureRequestPage


class TrackingPageFactory(wagtail_factories.PageFactory):
    title = "办理查询"
    slug = "track"

    class Meta:
        model = TrackingPage


class LetterBoardPageFactory(wagtail_factories.PageFactory):
    title = "公开信件"
    slug = "letters"

    class Meta:
        model = LetterBoardPage


class CaseFactory(factory.django.DjangoModelFactory):
    kind = "message"
    name = "陈大文"
    honorific = "先生"
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    category = "complaint"
    title = factory.Sequence(lambda n: f"反映小区噪音问题{n}")
    content = "晚上十点后仍有施工噪音，影响休息。"
    publish_consent = True
    fingerprint = factory.LazyAttribute(lambda case: fingerprint(case.kind, case.phone, case.title, case.content))

    class Meta:
        model = Case
        skip_postgeneration_save = True

    @factory.post_generation
    def deadline(case, create, extracted, **kwargs):
        case.refresh_deadline()
        if create:
            case.save()
