"""Shared blocks validate and render without a database."""

from django.test import SimpleTestCase

from wagtail.blocks import StructBlockValidationError

from portal.blocks import ContactBlock, HeadingBlock, LinkBlock, NoticeBlock


class LinkBlockTests(SimpleTestCase):
    def test_external_link_renders_its_address(self):
        block = LinkBlock()
        value = block.to_python({"title": "中国政府网", "page": None, "url": "https://www.gov.cn/", "description": ""})
        self.assertInHTML('<a class="link-block" href="https://www.gov.cn/">中国政府网</a>', block.render(value))

    def test_link_needs_a_page_or_an_address(self):
        block = LinkBlock()
        with self.assertRaises(StructBlockValidationError):
            block.clean(block.to_python({"title": "空链接", "page": None, "url": "", "description": ""}))


class SmallBlockTests(SimpleTestCase):
    def test_heading_renders_the_chosen_level(self):
        block = HeadingBlock()
        self.assertInHTML("<h3>办理材料</h3>", block.render(block.to_python({"text": "办理材料", "level": "h3"})))

    def test_notice_is_a_labelled_aside(self):
        block = NoticeBlock()
        html = block.render(block.to_python({"text": "<p>节假日暂停办理。</p>"}))
        self.assertIn('<aside class="notice" aria-label="提示">', html)
        self.assertIn("节假日暂停办理。", html)

    def test_contact_card_leaves_out_empty_fields(self):
        block = ContactBlock()
        html = block.render(
            block.to_python({"name": "江门市婚姻登记处", "address": "江门市蓬江区", "opening_hours": "", "phone": ""})
        )
        self.assertIn("江门市蓬江区", html)
        self.assertNotIn("办公时间", html)
