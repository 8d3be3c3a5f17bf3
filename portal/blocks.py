"""The shared block library: every app builds its StreamFields from these."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .listing import content_kind_choices, latest_content

MATERIAL_FORMS = [("original", "原件"), ("copy", "复印件"), ("original_and_copy", "原件及复印件")]
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    """A section heading inside a page body."""

    text = blocks.CharBlock(label="标题文字", max_length=120)
    level = blocks.ChoiceBlock(label="级别", choices=[("h2", "二级标题"), ("h3", "三级标题")], default="h2")

    class Meta:
        icon = "title"
        label = "小标题"
        template = "blocks/heading_block.html"
        preview_value = {"text": "办理条件", "level": "h2"}
        description = "正文中的小标题，用于划分段落层次"


class LinkBlock(blocks.StructBlock):
    """One link: to a portal page, or to an external address."""

    title = blocks.CharBlock(label="链接文字", max_length=80)
    page = blocks.PageChooserBlock(label="站内页面", required=False)
    url = blocks.URLBlock(label="外部网址", required=False)
    description = blocks.CharBlock(label="说明", max_length=160, required=False)

    class Meta:
        icon = "link"
        label = "链接"
        template = "blocks/link_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError("请在“站内页面”和“外部网址”中二选一填写。")])}
            )
        return value


class LinkListBlock(blocks.StructBlock):
    """A titled group of links, shown as tiles or a list."""

    heading = blocks.CharBlock(label="标题", max_length=60)
    links = blocks.ListBlock(LinkBlock(), label="链接")

    class Meta:
        icon = "list-ul"
        label = "链接组"
        template = "blocks/link_list_block.html"
        description = "一组快捷链接，例如“常用服务”“相关网站”"


class NoticeBlock(blocks.StructBlock):
    """A highlighted notice (提示) that readers should not miss."""

    text = blocks.RichTextBlock(label="提示内容", features=["bold", "link"])

    class Meta:
        icon = "warning"
        label = "提示"
        template = "blocks/notice_block.html"
        preview_value = {"text": "<p>法定节假日期间暂停办理，请提前预约。</p>"}


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text screen-reader users hear."""

    image = ImageChooserBlock(label="图片")
    alt = blocks.CharBlock(
        label="替代文字", max_length=200, required=False, help_text="为视障读者描述图片内容，纯装饰图片可留空"
    )
    caption = blocks.CharBlock(label="图片说明", max_length=200, required=False)

    class Meta:
        icon = "image"
        label = "图片"
        template = "blocks/image_block.html"


class AttachmentsBlock(blocks.StructBlock):
    """Downloadable documents (附件)."""

    heading = blocks.CharBlock(label="标题", max_length=60, default="附件")
    documents = blocks.ListBlock(DocumentChooserBlock(label="文档"), label="文档")

    class Meta:
        icon = "doc-full"
        label = "附件"
        template = "blocks/attachments_block.html"


class ContactBlock(blocks.StructBlock):
    """Where and when to reach an office."""

    name = blocks.CharBlock(label="名称", max_length=80)
    address = blocks.CharBlock(label="地址", max_length=160, required=False)
    opening_hours = blocks.CharBlock(label="办公时间", max_length=160, required=False)
    phone = blocks.CharBlock(label="电话", max_length=60, required=False)

    class Meta:
        icon = "site"
        label = "联系方式"
        template = "blocks/contact_block.html"


class LatestContentBlock(blocks.StructBlock):
    """The newest published content below a chosen column, kept current automatically."""

    heading = blocks.CharBlock(label="标题", max_length=60)
    source = blocks.PageChooserBlock(label="来源栏目", help_text="列出该栏目下最新发布的信息，例如“部门”或“政务公开”")
    count = blocks.IntegerBlock(label="条数", default=8, min_value=1, max_value=20)
    kind = blocks.ChoiceBlock(
        label="内容类型", choices=content_kind_choices, required=False, help_text="只列出某一类内容，留空列出全部"
    )
    more = blocks.PageChooserBlock(
        label="“更多”链接",
        required=False,
        help_text="列出全部同类信息的页面，例如“政务动态”汇总列表或“政府信息公开目录”；留空时指向来源栏目",
    )

    class Meta:
        icon = "date"
        label = "最新信息"
        template = "blocks/latest_content_block.html"
        description = "自动列出某一栏目下最新发布的文章、公告或公开信息"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        source = value["source"]
        context["items"] = latest_content(source, value["count"], value.get("kind") or "") if source else []
        return context


class FeaturedPagesBlock(blocks.StructBlock):
    """Pages an editor puts forward by hand, such as featured scenario guides."""

    heading = blocks.CharBlock(label="标题", max_length=60)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label="页面"), label="页面", min_num=1)

    class Meta:
        icon = "pick"
        label = "推荐页面"
        template = "blocks/featured_pages_block.html"
        description = "手动挑选的页面，例如首页的“场景式服务”推荐"


class BodyBlock(blocks.StreamBlock):
    """The standard body every portal page uses."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="段落", features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = ImageBlock()
    notice = NoticeBlock()
    links = LinkListBlock()
    attachments = AttachmentsBlock()
    contact = ContactBlock()
    table = TableBlock(label="表格")


class HomeBodyBlock(BodyBlock):
    """The home page adds self-updating lists and hand-picked features."""

    latest = LatestContentBlock()
    featured = FeaturedPagesBlock()


class MaterialBlock(blocks.StructBlock):
    """One document the citizen must bring (申请材料); scenario guides and service items extend it."""

    name = blocks.CharBlock(label="材料名称", max_length=120)
    copies = blocks.IntegerBlock(label="份数", default=1, min_value=1, max_value=20)
    form = blocks.ChoiceBlock(label="材料形式", choices=MATERIAL_FORMS, default="original")
    notes = blocks.CharBlock(label="备注", max_length=200, required=False)

    class Meta:
        icon = "doc-full"
        label = "申请材料"


class OfficeChooserBlock(SnippetChooserBlock):
    """Chooses an Office; the API shows the office itself, not only its id."""

    def __init__(self, **kwargs):
        super().__init__("home.Office", **kwargs)

    def get_api_representation(self, value, context=None):
        return value.as_dict() if value else None

    def deconstruct(self):
        return "portal.blocks.OfficeChooserBlock", (), self._constructor_args[1]
