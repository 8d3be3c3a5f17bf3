"""Builds the demo portal from demo/data/*.json. Idempotent: pages that exist are left as they are."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page, Site

from channels.models import ChannelPage, PageAudience
from departments.access import CENTRAL_REVIEWERS
from departments.models import ArticlePage, DepartmentIndexPage, DepartmentPage, SensitiveExpression
from departments.onboarding import add_published_child, child_by_slug, onboard_department
from disclosure.models import DisclosureEntryPage, DisclosureIndexPage
from home.models import ContentListPage, HomePage, Office, PortalSettings, SectionPage, StandardPage
from languages.synchronised import paused
from participation.models import InterviewIndexPage, InterviewPage, SurveyFormField, SurveyIndexPage, SurveyPage
from portal.columns import ColumnType
from scenarios.models import ScenarioGuidePage, ScenarioIndexPage
from services.exchange import import_items
from services.formats import read_json
from services.models import ServiceIndexPage, ServiceItemPage
from supervision.models import PerformanceBoardPage

from . import content
from .interaction import load_interaction, load_interaction_pages
from .synonyms import load_synonyms
from .translations import load_translations

ARTICLE_COLUMNS = {"news": "news", "notice": "notices"}


class DemoLoader:
    def __init__(self, log=print, port=None):
        self.log = log
        self.port = port  # where the development server listens: the demo's Sites answer there
        self.pages = {}  # demo path ("/discover/overview/") -> page
        self.created = []
        self.finishing = []  # (page, function adding link blocks once every page exists)

    def ensure(self, parent, path, page):
        """The child of `parent` with `page.slug`, created and published if missing."""
        existing = child_by_slug(parent, page.slug)
        if existing is None:
            existing = add_published_child(parent, page)
            self.created.append(existing)
        self.pages[path] = existing
        return existing

    def load(self):
        with transaction.atomic(), paused():  # load_translations converts the whole tree at the end
            return self.load_all()

    def load_all(self):
        site_data = content.read("site.json")
        home = self.load_home(site_data["home"])
        for section in site_data["sections"]:
            self.load_section(home, section)
        interaction = content.read("interaction.json")
        load_interaction_pages(self, interaction["pages"])  # before the settings: 在线留言 leads to the form
        index = self.ensure(
            home,
            "/departments/",
            DepartmentIndexPage(
                title="政府部门", slug="departments", summary="江门市人民政府工作部门网站群", show_in_menus=True
            ),
        )
        self.load_settings(home, site_data["settings"])  # before departments: their sub-sites copy these settings
        departments = content.read("departments.json")
        self.load_departments(index, departments)
        self.load_news_list(index)
        self.load_service_items()
        self.load_guides(content.read("guides.json"))
        self.load_disclosure(content.read("disclosure.json")["entries"])
        self.load_surveys(content.read("surveys.json"))
        self.load_interviews(content.read("interviews.json"))
        self.ensure(
            self.pages["/supervision/"],
            "/supervision/performance/",
            PerformanceBoardPage(
                title="部门绩效看板",
                slug="performance",
                summary="各部门办事指南、12345留言、依申请公开和栏目更新情况，按月由系统自动统计。",
                show_in_menus=True,
            ),
        )
        load_interaction(self, interaction)
        for channel in site_data["channels"]:
            self.load_channel(home, channel)
        self.resolve_links()
        load_translations(self)
        if self.port:
            hostnames = {"localhost"} | {data["hostname"] for data in departments if data.get("hostname")}
            self.serve_sites_on(self.port, hostnames)
        for expression in content.read("expressions.json"):
            SensitiveExpression.objects.get_or_create(expression=expression.pop("expression"), defaults=expression)
        load_synonyms(self.log)
        users = content.read("users.json")
        for account in users["staff"]:
            self.load_staff(account)
        return [self.load_admin(users["admin"])] + users["staff"]

    def load_home(self, data):
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).filter(locale=Locale.get_default()).first()
        if home is None:
            # Wagtail's own welcome page, only while nothing has been put under it.
            Page.objects.child_of(root).filter(content_type__model="page", slug="home", numchild=0).delete()
            home = HomePage(
                title=data["title"],
                slug="home",
                summary=data["summary"],
                hero_heading=data["hero_heading"],
                hero_text=data["hero_text"],
                notice=data["notice"],
            )
            root.add_child(instance=home)
            self.finishing.append((home, self.add_home_blocks))
            self.created.append(home)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                is_default_site=True, hostname="localhost", port=80, root_page=home, site_name=data["title"]
            )
        elif site.root_page_id != home.pk and site.root_page.specific_class is not HomePage:
            site.root_page = home  # the default site still shows Wagtail's welcome page: point it at the portal
            site.save(update_fields=["root_page"])
        self.pages["/"] = home
        return home

    def serve_sites_on(self, port, hostnames):
        """Give the demo's Sites (`hostnames`: the portal at localhost, the departments' own hostnames) the port
        the development server listens on, so the absolute links between them (a department sub-site's link to
        the 12345 form, the portal's to the sub-site) reach it. Sites at other hostnames are left alone."""
        for site in Site.objects.filter(hostname__in=hostnames).exclude(port=port).order_by("hostname"):
            site.port = port
            site.save(update_fields=["port"])
            self.log(f"站点 {site.hostname}：端口改为 {port}")

    def load_section(self, home, data):
        path = f"/{data['slug']}/"
        section = SectionPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            column_type=data["column_type"],
            body=content.body(data["body"]),
            show_in_menus=True,
        )
        section = self.ensure(home, path, section)
        if section in self.created:
            self.finishing.append((section, self.quick_links(data["links"])))
        for child in data["pages"]:
            page = StandardPage(
                title=child["title"],
                slug=child["slug"],
                summary=child["summary"],
                body=content.body(child["body"]),
                show_in_menus=True,
            )
            page = self.ensure(section, f"{path}{child['slug']}/", page)
            if "actions" in child and page in self.created:
                self.finishing.append((page, self.action_links(child["actions"])))

    def load_departments(self, index, departments):
        for data in departments:
            onboarding = onboard_department(
                index,
                name=data["name"],
                duties=content.paragraphs(data["duties"]),
                hostname=data.get("hostname", ""),
                **content.pick(data, "code", "slug", "short_name", "summary", "address", "postcode"),
                **content.pick(data, "opening_hours", "phone", "fax", "email", "colour"),
            )
            self.created.extend(onboarding.created)
            department = DepartmentPage.objects.get(pk=onboarding.department.pk)
            self.pages[f"/departments/{data['slug']}/"] = department
            for item in data["news"]:
                self.load_article(department, data, item)

    def load_article(self, department, department_data, item):
        column = child_by_slug(department, ARTICLE_COLUMNS[item["column"]])
        if child_by_slug(column, item["slug"]) is not None:
            return
        article = ArticlePage(
            title=item["title"], slug=item["slug"], summary=item["summary"], body=content.body(item["body"])
        )
        article.tags.add(*item["tags"])
        article.audience_links = [PageAudience(audience=audience) for audience in item["audiences"]]
        column.add_child(instance=article)
        article.save_revision().publish()
        when = content.published_at(item["date"])
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        self.created.append(article)

    def load_news_list(self, departments):
        """政务动态 under 政务公开: every department's articles in one list, where the home page's “更多” leads."""
        self.ensure(
            self.pages["/disclosure/"],
            "/disclosure/news/",
            ContentListPage(
                title="政务动态",
                slug="news",
                summary="全市各部门发布的工作动态和通知公告，按发布时间排列。",
                source=departments,
                kind="departments.articlepage",
                show_in_menus=True,
            ),
        )

    def load_service_items(self):
        """The approval items of the demo departments, through the same import the approval system uses."""
        self.ensure(
            self.pages["/services/"],
            "/services/items/",
            ServiceIndexPage(
                title="办事事项",
                slug="items",
                summary="全市各部门的行政许可、行政确认、公共服务等事项办事指南，可按部门、类型、服务对象和主题查找。",
                show_in_menus=True,
            ),
        )
        report = import_items(read_json(content.text("service_items.json")))
        if report.problems:
            raise ValueError(f"demo/data/service_items.json：{report.problems}")
        if report.created or report.updated:
            self.log(f"办事事项：{report.summary()}")
        self.items = {page.item_code: page for page in ServiceItemPage.objects.filter(locale=self.pages["/"].locale)}

    def load_guides(self, data):
        """The eight scenario guides under 网上办事 → 场景式服务, with the offices they send readers to."""
        index = self.ensure(
            self.pages["/services/"],
            "/services/scenarios/",
            ScenarioIndexPage(
                title="场景式服务",
                slug="scenarios",
                summary="按人生大事一站式指引：回答几个问题，只看适用于您的步骤和材料。",
                show_in_menus=True,
            ),
        )
        offices = {item["key"]: self.office(item) for item in data["offices"]}
        for item in data["guides"]:
            if child_by_slug(index, item["slug"]) is not None:
                self.pages[f"/services/scenarios/{item['slug']}/"] = child_by_slug(index, item["slug"])
                continue
            guide = ScenarioGuidePage(
                title=item["title"],
                slug=item["slug"],
                summary=item["summary"],
                life_event=item["life_event"],
                last_reviewed=item["last_reviewed"],
                body=content.body(item["intro"]),
                questions=[("question", question) for question in item["questions"]],
                steps=[("step", content.guide_step(step, offices, self.items)) for step in item["steps"]],
                faqs=[
                    ("faq", {"question": faq["question"], "answer": content.paragraphs([faq["answer"]])})
                    for faq in item["faqs"]
                ],
                legal_basis="\n".join(item["legal_basis"]),
                departments=[("department", self.pages[f"/departments/{slug}/"]) for slug in item["departments"]],
                show_in_menus=True,
            )
            guide.audience_links = [PageAudience(audience=audience) for audience in item["audiences"]]
            self.ensure(index, f"/services/scenarios/{item['slug']}/", guide)

    def load_disclosure(self, entries):
        """The central catalog under 政务公开, and each department's entries, published at their own dates."""
        self.ensure(
            self.pages["/disclosure/"],
            "/disclosure/catalog/",
            DisclosureIndexPage(
                title="政府信息公开目录",
                slug="catalog",
                summary="全市各部门主动公开的政府信息，可按发布机构、主题、体裁、年份和有效性查询。",
                show_in_menus=True,
            ),
        )
        created = {}
        for item in sorted(entries, key=lambda entry: entry["published"]):
            catalog = child_by_slug(self.pages[f"/departments/{item['department']}/"], "disclosure")
            key = (item["department"], item["slug"])
            existing = child_by_slug(catalog, item["slug"])
            if existing is not None:
                created[key] = existing
                continue
            entry = DisclosureEntryPage(
                **content.pick(item, "title", "slug", "summary", "document_number", "written_date"),
                **content.pick(item, "topic", "genre", "validity"),
                validity_date=item["validity_date"] or None,
                body=content.body(item["body"]),
                first_published_at=content.published_at(item["published"]),
            )
            entry.keywords.add(*item["keywords"])
            entry.audience_links = [PageAudience(audience=audience) for audience in item["audiences"]]
            interprets = created.get((item["department"], item["interprets"]))
            if interprets is not None:
                entry.interprets = [interprets]
            catalog.add_child(instance=entry)
            entry.save_revision().publish()
            when = content.published_at(item["published"])
            DisclosureEntryPage.objects.filter(pk=entry.pk).update(
                last_published_at=when, latest_revision_created_at=when
            )
            created[key] = entry
            self.created.append(entry)

    def load_surveys(self, data):
        """征集调查 under 公众互动: one open survey, one closed with its answers, one closed consultation."""
        index = self.ensure(
            self.pages["/interaction/"],
            "/interaction/surveys/",
            SurveyIndexPage(**data["index"], show_in_menus=True),
        )
        now = timezone.now()
        for item in data["surveys"]:
            if child_by_slug(index, item["slug"]) is not None:
                continue
            survey = SurveyPage(
                **content.pick(item, "title", "slug", "summary", "kind", "organiser", "results"),
                body=content.body(item["body"]),
                opens_at=now + timedelta(days=item["opens"]),
                closes_at=now + timedelta(days=item["closes"]),
                thank_you_text=content.paragraphs([item["thank_you"]]),
                feedback_summary=item.get("feedback_summary", ""),
            )
            survey.form_fields = [
                SurveyFormField(
                    sort_order=order,
                    label=field["label"],
                    field_type=field["field_type"],
                    required=field["required"],
                    choices="\n".join(field.get("choices", [])),
                    help_text=field.get("help_text", ""),
                )
                for order, field in enumerate(item["fields"])
            ]
            if item["kind"] == "consultation":
                survey.draft_document = content.document(f"{item['title']}.txt", item["title"], item["body"])
            self.ensure(index, f"/interaction/surveys/{item['slug']}/", survey)
            FormSubmission.objects.bulk_create(
                FormSubmission(page=survey, form_data=content.survey_answer(survey.form_fields.all(), number))
                for number in range(item["responses"])
            )

    def load_interviews(self, data):
        """在线访谈 under 公众互动: one announced, one held with its transcript."""
        index = self.ensure(
            self.pages["/interaction/"],
            "/interaction/interviews/",
            InterviewIndexPage(**data["index"], show_in_menus=True),
        )
        today = timezone.localdate()
        for item in data["interviews"]:
            day = today + timedelta(days=item["starts_in_days"])
            interview = InterviewPage(
                **content.pick(item, "title", "slug", "summary"),
                department=self.pages[f"/departments/{item['department']}/"],
                starts_at=timezone.make_aware(datetime.combine(day, time(item["hour"]))),
                duration_minutes=item["duration"],
                guests=[("guest", guest) for guest in item["guests"]],
                body=content.body(item["preview"]),
                transcript=[
                    ("note", part["note"]) if "note" in part else ("exchange", part) for part in item["transcript"]
                ],
            )
            self.ensure(index, f"/interaction/interviews/{item['slug']}/", interview)

    def office(self, item):
        fields = {key: item[key] for key in ("district", "address", "opening_hours", "phone")}
        office, _ = Office.objects.get_or_create(name=item["name"], locale=Locale.get_default(), defaults=fields)
        return office

    def load_channel(self, home, data):
        channel = ChannelPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            audience=data["audience"],
            column_type=ColumnType.CHANNEL,
            body=content.body(data["body"]),
            show_in_menus=True,
        )
        channel = self.ensure(home, f"/channels/{data['slug']}/", channel)
        if channel in self.created:
            self.finishing.append((channel, self.quick_links(data["quick_links"])))

    def load_settings(self, home, data):
        site = Site.objects.get(root_page=home)
        portal, created = PortalSettings.objects.get_or_create(site=site)
        if created:
            for name, value in data.items():
                setattr(portal, name, value)
            portal.hotline_page = self.pages.get("/interaction/write/")
            portal.footer_links = [
                ("link", content.link(item, self.pages))
                for item in [
                    {"title": "江门概况", "page": "/discover/overview/"},
                    {"title": "政府信息公开指南", "page": "/disclosure/guide/"},
                    {"title": "政府部门", "page": "/departments/"},
                    {"title": "中国政府网", "url": "https://www.gov.cn/"},
                    {"title": "广东省人民政府", "url": "https://www.gd.gov.cn/"},
                ]
                if content.resolvable(item, self.pages)
            ]
            portal.save()
            self.log("网站设置：已写入")

    def resolve_links(self):
        """Pages created in this run get their link blocks now that every target exists."""
        for page, add_blocks in self.finishing:
            add_blocks(page)
            page.save_revision().publish()

    def quick_links(self, links):
        return lambda page: page.body.append(content.links_block("常用链接", links, self.pages))

    def action_links(self, actions):
        """The links a page opens with, such as the hotline page's 我要写信."""
        return lambda page: page.body.insert(0, content.links_block(actions["heading"], actions["links"], self.pages))

    def add_home_blocks(self, home):
        featured = [
            self.pages[path]
            for path in [
                "/services/guide/",
                "/services/service-hall/",
                "/interaction/hotline-12345/",
                "/disclosure/guide/",
            ]
            if path in self.pages
        ]
        guides = [
            page
            for path, page in self.pages.items()
            if path.startswith("/services/scenarios/") and path.count("/") == 4
        ]
        home.body = [
            ("featured", {"heading": "场景式服务", "pages": guides}),
            ("featured", {"heading": "办事服务", "pages": featured}),
            (
                "latest",
                {
                    "heading": "政务动态",
                    "source": self.pages["/departments/"],
                    "count": 8,
                    "kind": "departments.articlepage",
                    "more": self.pages["/disclosure/news/"],
                },
            ),
            (
                "latest",
                {
                    "heading": "信息公开",
                    "source": self.pages["/departments/"],
                    "count": 8,
                    "kind": "disclosure.disclosureentrypage",
                    "more": self.pages["/disclosure/catalog/"],
                },
            ),
            content.links_block(
                "走进江门",
                [
                    {"title": page.title, "page": path}
                    for path, page in self.pages.items()
                    if path.startswith("/discover/") and path != "/discover/"
                ],
                self.pages,
            ),
        ]

    def load_staff(self, data):
        """A demo department editor or reviewer, or a central reviewer, in the groups onboarding made."""
        User = get_user_model()
        if User.objects.filter(username=data["username"]).exists():
            return
        user = User.objects.create_user(
            data["username"], password=data["password"], first_name=data["first_name"], last_name=data["last_name"]
        )
        if data["role"] == "central_reviewer":
            user.groups.add(Group.objects.get(name=CENTRAL_REVIEWERS))
        else:
            department = self.pages[f"/departments/{data['department']}/"]
            user.groups.add(department.editor_group if data["role"] == "editor" else department.reviewer_group)
        self.log(f"演示账号：已创建 {user.username}")

    def load_admin(self, data):
        User = get_user_model()
        user = User.objects.filter(username=data["username"]).first()
        if user is None:
            user = User.objects.create_superuser(
                data["username"],
                data["email"],
                data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
            )
            self.log(f"管理员账号：已创建 {user.username}")
        return data
