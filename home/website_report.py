"""政府网站工作年度报表: the portal's yearly website report (国办函〔2018〕12号 format), drafted from its own data.

The rows are the national form's; each app answers the rows it knows through the hook `WEBSITE_REPORT_FIGURES`
(articles, disclosure entries, service items, letters, surveys, interviews), so home imports none of them. Rows no app
answers (visits, 办件量, security checks, new media) stay （请填写） for the portal office. The draft is a
`StandardPage` under the home page, to be published there by 31 January.
"""

from django.conf import settings

from wagtail import hooks
from wagtail.models import Page, Site, get_page_models

from portal.hooks import WEBSITE_REPORT_FIGURES
from portal.pages import ColumnPage

from .models import PortalSettings, StandardPage

TO_FILL = "（请填写）"
ROWS = [
    ("网站基本信息", "site_name", "网站名称"),
    ("网站基本信息", "site_url", "首页网址"),
    ("网站基本信息", "organiser", "主办单位"),
    ("网站基本信息", "site_type", "网站类型"),
    ("网站基本信息", "site_id_code", "政府网站标识码"),
    ("网站基本信息", "icp_number", "ICP备案号"),
    ("网站基本信息", "police_record", "公安机关备案号"),
    ("网站访问", "visitors", "独立用户访问总量（单位：个）"),
    ("网站访问", "visits", "网站总访问量（单位：次）"),
    ("信息发布（单位：条）", "published", "总数"),
    ("信息发布（单位：条）", "overview", "概况类信息更新量"),
    ("信息发布（单位：条）", "news", "政务动态信息更新量"),
    ("信息发布（单位：条）", "disclosure", "信息公开目录信息更新量"),
    ("专栏专题（单位：个）", "columns", "维护数量"),
    ("专栏专题（单位：个）", "new_columns", "新开设数量"),
    ("政策解读（单位：条）", "interpretations", "总数"),
    ("办事服务", "service_items", "政务服务事项数量（单位：项）"),
    ("办事服务", "online_items", "可全程在线办理政务服务事项数量（单位：项）"),
    ("办事服务", "applications", "办件量（单位：件）"),
    ("互动交流", "letters_received", "留言办理：收到留言数量（单位：条）"),
    ("互动交流", "letters_answered", "留言办理：办结留言数量（单位：条）"),
    ("互动交流", "letters_days", "留言办理：平均办理时间（单位：天）"),
    ("互动交流", "letters_published", "留言办理：公开答复数量（单位：条）"),
    ("互动交流", "surveys", "征集调查：征集调查期数（单位：期）"),
    ("互动交流", "survey_answers", "征集调查：收到意见数量（单位：条）"),
    ("互动交流", "survey_results", "征集调查：公布调查结果期数（单位：期）"),
    ("互动交流", "interviews", "在线访谈：访谈期数（单位：期）"),
    ("互动交流", "interview_questions", "在线访谈：网民留言数量（单位：条）"),
    ("互动交流", "interview_answers", "在线访谈：答复网民提问数量（单位：条）"),
    ("安全防护", "security_checks", "安全检测评估次数（单位：次）"),
    ("移动新媒体", "new_media", "是否有移动新媒体"),
    ("创新发展", "innovation", "搜索即服务、多语言版本、无障碍浏览等"),
]


def live_pages():
    return Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)


def column_types():
    return [model for model in get_page_models() if issubclass(model, ColumnPage) and not model._meta.abstract]


def own_figures(home, year):
    """What home knows: the site's particulars, everything published in the year, the columns."""
    site = Site.objects.filter(root_page=home).first() or Site.objects.filter(is_default_site=True).first()
    particulars = PortalSettings.for_site(site) if site else None
    pages = live_pages().descendant_of(home)
    columns = pages.type(*column_types())
    overview = Page.objects.filter(depth=home.depth + 1, title="走进江门").descendant_of(home).first()
    figures = {
        "site_type": "政府门户网站",
        "published": pages.filter(first_published_at__year=year).exclude(pk__in=columns).count(),
        "columns": columns.count(),
        "new_columns": columns.filter(first_published_at__year=year).count(),
        "innovation": "提供站内搜索、繁体中文版、适老化（长者模式）浏览",
    }
    if overview is not None:
        figures["overview"] = pages.descendant_of(overview).filter(first_published_at__year=year).count()
    if particulars is not None:
        figures.update(
            site_name=particulars.site_name,
            site_url=f"https://{particulars.site_domain}/",
            organiser=particulars.organiser,
            site_id_code=particulars.site_id_code,
            icp_number=particulars.icp_number,
            police_record=particulars.police_record,
        )
    return figures


def report_figures(home, year):
    figures = {}
    for provider in hooks.get_hooks(WEBSITE_REPORT_FIGURES):
        figures.update(provider(year))
    figures.update({key: value for key, value in own_figures(home, year).items() if value not in ("", None)})
    return figures


def report_table(figures):
    rows = [["类别", "指标", "数值"]]
    rows += [[section, label, str(figures.get(key, TO_FILL))] for section, key, label in ROWS]
    return ("table", {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False})


def draft_website_report(home, year):
    """The year's report under the home page, created unpublished if missing; (page, created)."""
    slug = f"website-report-{year}"
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing, False
    figures = report_figures(home, year)
    name = figures.get("site_name") or home.title
    page = StandardPage(
        title=f"{name}{year}年政府网站工作年度报表",
        slug=slug,
        summary=f"{name}{year}年政府网站工作年度报表，按规定于{year + 1}年1月31日前在网站首页公开。",
        body=[
            report_table(figures),
            ("paragraph", "<p>单位名称、负责人、审核人、填报人、联系电话、填报日期：（请填写）</p>"),
        ],
        live=False,
    )
    home.add_child(instance=page)
    page.save_revision()
    return page, True
