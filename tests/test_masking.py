"""个人信息脱敏: an identifier is masked in every common spelling, the rest of the text stays as written, and every
public page that shows a citizen's words (公开信件, staff replies, interview questions and transcripts) shows them
through the one redactor; the reviewer sees what was masked before publishing."""

import re
import time
import unicodedata
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interaction.access import actor_for
from interaction.masking import ID_CHECK_CHARACTERS, ID_WEIGHTS, is_id_number, mask, redact, short_name
from interaction.models.cases import Case, Kind, Status
from interaction.workflow import perform

from .factories import (
    CaseFactory,
    InterviewIndexPageFactory,
    InterviewPageFactory,
    LetterBoardPageFactory,
    SectionPageFactory,
)

VALID_ID = "11010519491231002X"  # the GB 11643 sample number
CHINESE_DIGITS = {"0": "〇零", "1": "一幺", "2": "二两", "3": "三", "4": "四", "5": "五", "6": "六", "7": "七"}
CHINESE_DIGITS |= {"8": "八", "9": "九"}
SEPARATORS = ["", " ", "-", " - ", ".", "·", "\u3000", "－", "—", "\u200b"]


def id_number(region, birth, sequence):
    body = f"{region}{birth}{sequence}"
    return body + ID_CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS, strict=True)) % 11]


def with_luhn(body):
    """`body` and the check digit that makes it pass the Luhn test, as every bank card does."""
    for check in "0123456789":
        total = sum(
            (value - 9 if value > 9 else value)
            for value in (int(d) * (2 if i % 2 else 1) for i, d in enumerate(reversed(body + check)))
        )
        if total % 10 == 0:
            return body + check
    raise AssertionError


def full_width(text):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def normalised(text):
    """The text as a reader takes it in: full-width as ASCII, Chinese numerals as digits."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(CHINESE_DIGITS_BACK.get(c, c) for c in text)


CHINESE_DIGITS_BACK = {numeral: digit for digit, numerals in CHINESE_DIGITS.items() for numeral in numerals}


def longest_run(text):
    """The longest run of letters and digits once separators are dropped (stars break a run)."""
    compact = re.sub(r"[^0-9A-Za-z*]", "", normalised(text))
    return max((len(run) for run in re.findall(r"[0-9A-Za-z]+", compact)), default=0)


# Readable examples: what the public reads.


@pytest.mark.parametrize(
    ("original", "masked"),
    [
        (f"身份证{VALID_ID}。", "身份证1101**********002X。"),
        ("证件号440703198001010019不对", "证件号4407**********0019不对"),  # a mistyped ID is still someone's
        ("身份证 4407 0319 8001 0100 12 已提供", "身份证 4407 **** **** **00 12 已提供"),
        ("旧证440703800101001", "旧证4407********001"),  # the old 15-digit number
        ("手机13812345678或+86 139-1234-5678", "手机138****5678或+86 139-****-5678"),
        ("手机１３８１２３４５６７８", "手机１３８****５６７８"),
        ("电话一三八一二三四五六七八", "电话一三八****五六七八"),
        ("0086 138 1234 5678，86-139-1234-5678", "0086 138 **** 5678，86-139-****-5678"),
        ("13812345678 13912345678", "138****5678 139****5678"),
        ("座机0750-3270000", "座机0750-*****00"),
        ("电话(0750)3201234", "电话(0750)*****34"),
        ("电话：3201234", "电话：*****34"),
        ("银行卡 6222 0212 3456 7890 128", "银行卡 6222 **** **** ***0 128"),
        ("卡号：1234567890123", "卡号：*********0123"),
        ("邮箱chen.dawen@qq.com", "邮箱c*********@qq.com"),
        ("邮箱 ｃｈｅｎ＠ｑｑ．ｃｏｍ", "邮箱 ｃ***＠ｑｑ．ｃｏｍ"),
        ("车牌粤J·12345和粤JD12345", "车牌粤J·***45和粤J****45"),
        ("护照E12345678，港澳通行证C12345678", "护照E******78，港澳通行证C******78"),
        ("回乡证H1234567801，台胞证12345678", "回乡证H********01，台胞证1*****78"),
        ("QQ：12345678，微信：chen_dawen88。", "QQ：******78，微信：c***_******8。"),
        ("住建设三路88号5栋1203房", "住建设三路**号*栋****房"),
        ("门牌号是二十三号", "门牌号是***号"),
        ("五邑路一百零八号", "五邑路****号"),
    ],
)
def test_personal_data_is_masked_where_it_stands(original, masked):
    assert mask(original) == masked


@pytest.mark.parametrize(
    "text",
    [
        "2026年12月4日交了500元，2026-12-04 14:30又交了1,250.50元。",
        "依据《政府信息公开条例》第三十条和第12条，",
        "江府〔2026〕12号、粤府办〔2025〕3号文件",
        "索引号11440700007186039H/2026-00012",
        "事项编码11440700007186039H4440117002000，统一社会信用代码11440700MB0000001X",
        "拨打12345热线或0750-12345，服务热线400-830-1234",
        "坐3号线到江门站，小区有三栋楼，户型三室一厅，住了二十年",
        "G15沈海高速，PM2.5，第1号公告",
    ],
)
def test_dates_amounts_document_numbers_and_codes_stay_readable(text):
    assert mask(text) == text


def test_a_reply_keeps_the_offices_contact_details_but_not_the_citizens():
    reply = "陈大文先生：请携带材料到建设三路88号办理，咨询电话0750-3502323；已致电您的手机13812345678。"
    assert mask(reply, "陈大文", "先生", reply=True) == (
        "陈先生：请携带材料到建设三路88号办理，咨询电话0750-3502323；已致电您的手机138****5678。"
    )


def test_a_reply_quoting_the_citizens_own_landline_or_address_masks_them():
    """An office's phone, e-mail and address stay in its reply; the same kind of detail the citizen gave is the
    reply quoting the citizen, however it is spelled there."""
    letter = "我住建设三路88号，电话3502323，邮箱chen@qq.com"
    reply = "您反映的建设三路88号问题，已致电0750-350 2323并回复chen@qq.com；咨询电话0750-3201234。"
    assert mask(reply, reply=True, quoted=letter) == (
        "您反映的建设三路**号问题，已致电0750-*** **23并回复c***@qq.com；咨询电话0750-3201234。"
    )


def test_the_writers_name_becomes_family_name_and_honorific():
    assert mask("我是陈大文，住在蓬江区。", "陈大文", "先生") == "我是陈先生，住在蓬江区。"
    assert short_name("司徒美玲", "女士") == "司徒女士"  # compound surnames common in Kaiping and Taishan
    assert short_name("欧阳锋", "先生") == "欧阳先生"


def test_id_numbers_are_checked_by_their_checksum_for_the_form():
    assert is_id_number(VALID_ID)
    assert is_id_number("440703198001010012")
    assert not is_id_number("440703198001010019")
    assert not is_id_number("4407031980")


def test_the_reviewer_is_told_each_masked_span_and_its_kind():
    spans = redact("本人陈大文，手机138 1234 5678，住建设三路88号。", "陈大文", "先生").spans
    assert [(span.label, span.original, span.masked) for span in spans] == [
        ("姓名", "陈大文", "陈先生"),
        ("手机号码", "138 1234 5678", "138 **** 5678"),
        ("门牌号", "88号", "**号"),
    ]


def test_a_long_hostile_text_is_masked_quickly():
    started = time.perf_counter()
    for text in ["1" * 10_000 + "a", " ".join("1" * 5_000), "a." * 5_000, "QQ" + "1 " * 5_000, "路" + "1" * 10_000]:
        mask(text)
    assert time.perf_counter() - started < 5


# The property: any spelling of any identifier, in an ordinary sentence.

BEFORE = [
    "您好，我想反映一个问题：",
    "2026年12月4日我交了500元，",
    "根据《条例》第三十条，",
    "依照江府〔2026〕12号文，我的",
    "事项编码11440700007186039H4440117002000，",
    "请拨打12345热线。",
]
AFTER = [
    "，请尽快处理。",
    "。谢谢！",
    "，2026年12月5日前答复。",
    "，索引号11440700007186039H/2026-00012。",
    "。依据第三十条，",
]


@st.composite
def spelled(draw, value, groups, chinese=True):
    """`value` (digits and letters) split into `groups` or written digit by digit, with a separator as people
    type them, full-width forms and Chinese numerals."""
    sizes = draw(st.sampled_from([groups, (len(value),), (1,) * len(value)]))
    separator = draw(st.sampled_from(SEPARATORS))
    script = draw(st.sampled_from(["ascii", "full", "chinese", "mixed"] if chinese else ["ascii", "full"]))
    pieces, position = [], 0
    for index, size in enumerate(sizes):
        if index:
            pieces.append(separator)
        for character in value[position : position + size]:
            form = script if script != "mixed" else draw(st.sampled_from(["ascii", "full", "chinese"]))
            if form == "chinese" and character in CHINESE_DIGITS:
                pieces.append(draw(st.sampled_from(CHINESE_DIGITS[character])))
            else:
                pieces.append(full_width(character) if form == "full" else character)
        position += size
    return "".join(pieces)


def fours(number):
    """6222 0212 3456 7890 123: groups of four, the rest last."""
    return tuple(min(4, len(number) - start) for start in range(0, len(number), 4))


def numbers(length, first="123456789"):
    return st.builds(
        lambda head, tail: head + tail,
        st.sampled_from(first),
        st.text("0123456789", min_size=length - 1, max_size=length - 1),
    )


@st.composite
def mobile(draw):
    number = "1" + draw(st.sampled_from("3456789")) + draw(st.text("0123456789", min_size=9, max_size=9))
    prefix = draw(
        st.sampled_from(["", "手机", "手机号：", "联系电话 ", "+86", "+86 ", "0086-", "86 ", "(+86)", "电话是"])
    )
    return prefix, draw(spelled(number, (3, 4, 4)))


@st.composite
def landline(draw):
    area = draw(st.sampled_from(["010", "020", "0750", "0757", "0760"]))
    local = draw(numbers(8 if area in ("010", "020") else draw(st.sampled_from([7, 8])), "23456789"))
    style = draw(st.sampled_from(["plain", "brackets", "international", "after the word"]))
    if style == "after the word":
        return draw(st.sampled_from(["电话：", "座机", "固话 ", "联系电话是"])), draw(spelled(local, (3, 4)))
    if style == "international":
        return "+86 ", draw(spelled(area[1:] + local, (len(area) - 1, len(local))))
    body = draw(spelled(area + local, (len(area), len(local))))
    return ("(", body.replace(area, area + ")", 1)) if style == "brackets" and body.startswith(area) else ("", body)


@st.composite
def id_card(draw):
    region = draw(st.sampled_from(["440703", "110105", "440781", "320102"]))
    birth = draw(st.dates(date(1930, 1, 1), date(2015, 12, 31))).strftime("%Y%m%d")
    sequence = draw(st.text("0123456789", min_size=3, max_size=3))
    if draw(st.booleans()):  # the old 15-digit number
        return draw(st.sampled_from(["", "身份证", "旧身份证号："])), draw(
            spelled(region + birth[2:] + sequence, (6, 6, 3))
        )
    number = id_number(region, birth, sequence)
    groups = draw(st.sampled_from([(6, 8, 4), (4, 4, 4, 4, 2), (6, 4, 4, 4)]))
    return draw(st.sampled_from(["", "身份证", "身份证号码：", "证件号 "])), draw(spelled(number, groups))


@st.composite
def bank_card(draw):
    if draw(st.booleans()):
        body = draw(st.sampled_from(["62", "4", "5"])) + draw(st.text("0123456789", min_size=13, max_size=16))
        number = with_luhn(body[: draw(st.sampled_from([15, 18]))])
        return draw(st.sampled_from(["", "银行卡", "工资卡 ", "卡号："])), draw(spelled(number, fours(number)))
    account = draw(numbers(draw(st.integers(10, 20))))
    return draw(st.sampled_from(["账号：", "银行账号", "账户 "])), draw(spelled(account, fours(account)))


@st.composite
def email(draw):
    local = draw(st.from_regex(r"[a-z][a-z0-9._]{2,10}[a-z0-9]", fullmatch=True))
    domain = draw(st.sampled_from(["qq.com", "163.com", "gmail.com", "jiangmen.gov.cn"]))
    at = draw(st.sampled_from(["@", " @ ", "＠"]))
    address = f"{local}{at}{domain}"
    return draw(st.sampled_from(["", "邮箱", "电子邮箱：", "email: "])), full_width(address) if draw(
        st.booleans()
    ) else address


@st.composite
def plate(draw):
    letter = draw(st.sampled_from("ABCJEFGHKLM"))
    number = draw(st.sampled_from(["", "D", "F"])) + draw(st.text("0123456789", min_size=5, max_size=5))
    written = letter + draw(st.sampled_from(["", "·", " ", "-", "・"])) + number
    return "", draw(st.sampled_from("粤京沪川湘")) + (full_width(written) if draw(st.booleans()) else written)


@st.composite
def travel_document(draw):
    letters, digits, prefixes = draw(
        st.sampled_from(
            [
                ("E", 8, ["", "护照", "护照号码：", "passport "]),
                ("G", 8, ["", "护照号 "]),
                ("EA", 7, ["", "护照"]),
                ("C", 8, ["", "港澳通行证", "通行证号码 "]),
                ("H", 8, ["", "回乡证"]),
                ("M", 10, ["回乡证号码："]),
                ("", 8, ["台胞证", "台胞证号码："]),
            ]
        )
    )
    number = draw(st.text("0123456789", min_size=digits, max_size=digits))
    return draw(st.sampled_from(prefixes)), letters + draw(spelled(number, (4, digits - 4), chinese=False))


@st.composite
def qq_or_wechat(draw):
    if draw(st.booleans()):
        number = draw(numbers(draw(st.integers(5, 11))))
        return draw(st.sampled_from(["QQ", "QQ：", "qq号 ", "QQ号码是"])), draw(spelled(number, fours(number)))
    return draw(st.sampled_from(["微信：", "微信号 ", "vx:", "WeChat: "])), draw(
        st.from_regex(r"[a-z][a-z0-9_-]{5,15}", fullmatch=True)
    )


def chinese_number(value):
    """23 → 二十三: how house numbers are written out."""
    tens, units = divmod(value, 10)
    return (
        ("" if tens < 2 else "一二三四五六七八九"[tens - 1])
        + ("十" if tens else "")
        + ("" if not units else "一二三四五六七八九"[units - 1])
    )


@st.composite
def house_number(draw):
    road = draw(st.sampled_from(["建设三路", "五邑路", "港口一路", "东华大道", "白沙街", "门牌号是", "门牌"]))
    number = draw(st.integers(1, 99))
    written = draw(st.sampled_from([chinese_number(number), str(number), full_width(str(number))]))
    body = f"{written}号"
    if not road.startswith("门牌") and draw(st.booleans()):
        body += f"{draw(st.integers(1, 30))}栋{draw(st.integers(101, 3204))}房"
    return road, body


KINDS = {
    "mobile": mobile(),
    "landline": landline(),
    "id": id_card(),
    "bank": bank_card(),
    "email": email(),
    "plate": plate(),
    "document": travel_document(),
    "qq or wechat": qq_or_wechat(),
    "address": house_number(),
}


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_spelling_of_an_identifier_survives_and_the_sentence_around_it_stays(kind, data):
    before, after = data.draw(st.sampled_from(BEFORE)), data.draw(st.sampled_from(AFTER))
    prefix, body = data.draw(KINDS[kind])
    text = before + prefix + body + after

    masked = mask(text)

    assert masked.startswith(before + prefix) and masked.endswith(after) and len(masked) == len(text)
    shown = masked[len(before + prefix) : len(masked) - len(after)]
    if kind == "address":
        assert not re.search(r"[0-9十百千]", normalised(shown)), shown
    elif kind == "email":
        local = re.split("[@＠]", shown)[0]
        assert len(re.findall("[0-9A-Za-z]", normalised(local))) <= 1, shown
    else:
        assert longest_run(shown) <= 4, shown


# Every public page that shows a citizen's words goes through the redactor.


def variants():
    """46+ spellings of personal data, each with what must not be readable on the page."""
    mobiles = [
        "13812340001", "138 1234 0002", "138-1234-0003", "138.1234.0004", "+86 138 1234 0005", "+86-13812340006",
        "0086 13812340007", "8613812340008", "（+86）138-1234-0009", full_width("13812340010"), "一三八一二三四〇〇一一",
        "幺三八 幺二三四 零零幺二", "138\u200b1234\u200b0013", "138 — 1234 — 0014",
    ]  # fmt: skip
    landlines = [
        ("0750-3201234", "3201234"), ("(0750)3201235", "3201235"), ("（0750）320 1236", "3201236"),
        ("0750 320 1237", "3201237"), ("020-83201238", "83201238"), ("+86 750 3201239", "3201239"),
        ("电话：3201240", "3201240"), ("座机 三二〇一二四一", "3201241"),
    ]  # fmt: skip
    ids = [id_number("440703", "19800101", f"{n:03d}") for n in range(4)]
    cards = [with_luhn("622202123456789012"), with_luhn("622202123456789"), with_luhn("621700001234567890")]
    pairs = [(spelling, normalised(spelling)) for spelling in mobiles] + landlines
    pairs += [
        (ids[0], ids[0]), (" ".join([ids[1][:4], ids[1][4:8], ids[1][8:12], ids[1][12:16], ids[1][16:]]), ids[1]),
        (f"{ids[2][:6]}-{ids[2][6:14]}-{ids[2][14:]}", ids[2]), (full_width(ids[3]), ids[3]),
        (VALID_ID, VALID_ID), ("110105 19491231 002x", "11010519491231002"), ("440703800101001", "440703800101001"),
        ("440703 800102 002", "440703800102002"),
        (cards[0], cards[0]), (f"{cards[1][:4]} {cards[1][4:8]} {cards[1][8:12]} {cards[1][12:]}", cards[1]),
        ("-".join([cards[2][:4], cards[2][4:8], cards[2][8:12], cards[2][12:16], cards[2][16:]]), cards[2]),
        ("卡号：1234567890123", "1234567890123"),
        ("chen.dawen@qq.com", "chen.dawen"), (full_width("chen_xiao@163.com"), "chen_xiao"), ("lin_wei88 @ gmail.com", "lin_wei88"),
        ("粤J·58231", "58231"), ("粤J52746", "J52746"), ("粤JD61937", "D61937"), ("粤J-70482", "70482"),
        (full_width("粤J·83915"), "83915"),
        ("E12345670", "12345670"), ("护照号码：G 1234 5671", "12345671"), ("EA1234562", "1234562"),
        ("港澳通行证C12345673", "12345673"), ("回乡证H1234567401", "1234567401"), ("M12345675", "12345675"),
        ("台胞证12345676", "12345676"), ("台胞证号码：1234567701", "1234567701"),
        ("QQ：12345678", "12345678"), ("qq号 87654321", "87654321"), ("微信：chen_dawen88", "chen_dawen88"),
        ("vx: lin-wei-2026", "lin-wei-2026"), ("wxid_abc123xyz", "abc123xyz"),
        ("建设三路88号5栋1203房", "1203房"), ("五邑路二十三号", "二十三号"), ("门牌号是一百零八号", "一百零八号"),
        ("港口一路12-3号", "12-3号"), ("东华大道101号", "101号"),
    ]  # fmt: skip
    return pairs


VARIANTS = variants()


@pytest.fixture
def portal(site_group):
    site_group.letters = LetterBoardPageFactory(parent=SectionPageFactory(parent=site_group.home, slug="interaction"))
    return site_group


def replied(portal, **fields):
    """A case the department answered, which the writer agreed to publish."""
    return CaseFactory(
        department=portal.a, status=Status.REPLIED, replied_at=timezone.now() - timedelta(hours=1), **fields
    )


def letter_text(client, portal, case):
    page = client.get(f"{portal.letters.url}{case.pk}/").content.decode()
    return re.search(r'<article class="letter">.*</article>', page, re.S).group()


def readable(html):
    """What a reader can make out: full-width as ASCII, Chinese numerals as digits, separators ignored."""
    return re.sub(r"[\s\-‐-―−.·・()（）\u200b]", "", normalised(html))


def test_a_published_letter_shows_none_of_the_spellings(client, portal):
    assert len(VARIANTS) >= 46
    content = "本人陈大文，以下是我的个人信息：\n" + "\n".join(f"线索：{spelling}。" for spelling, _ in VARIANTS)
    reply = (
        "陈大文先生：您留下的手机138 1234 0002、住址建设三路88号5栋1203房均已核实。"
        "如有疑问请致电本单位0750-3502323，或发邮件至mzj@jiangmen.gov.cn。"
    )
    case = replied(portal, title="反映多处个人信息", content=content, reply=reply)
    perform(case, "publish", actor_for(portal.reviewer_a), **case.masked())  # as the reviewer's form starts

    text = letter_text(client, portal, case)

    assert "陈大文" not in text and "陈先生" in text
    for spelling, secret in VARIANTS:
        assert spelling not in text, spelling
        assert readable(secret) not in readable(text), spelling
    assert "0750-3502323" in text and "mzj@jiangmen.gov.cn" in text  # the office's own contact details
    assert "138 **** 0002" in text and "建设三路**号*栋****房" in text  # the reply quoting the citizen


def test_a_letter_published_before_these_rules_is_masked_on_display(client, portal):
    case = replied(portal, title="噪音", content="我的电话是138 1234 5678。", reply="已处理。")
    Case.objects.filter(pk=case.pk).update(
        published_at=timezone.now(),
        public_title="陈大文反映噪音",
        public_content="我的电话是138 1234 5678，身份证4407 0319 8001 0100 12。",
        public_reply="已回电138-1234-5678，咨询电话0750-3502323。",
    )

    text = letter_text(client, portal, case)

    assert "138 **** 5678" in text and "4407 **** **** **00 12" in text and "138-****-5678" in text
    assert "陈先生反映噪音" in text and "0750-3502323" in text
    board = client.get(portal.letters.url).content.decode()
    assert "陈先生反映噪音" in board and "陈大文" not in board


def test_interview_questions_and_transcripts_are_masked(client, home):
    index = InterviewIndexPageFactory(parent=SectionPageFactory(parent=home, slug="interaction"))
    exchange = {
        "asker": "网友",
        "question": "我的手机138 1234 5678打不通热线",
        "answerer": "黄志明",
        "answer": "<p>好</p>",
    }
    interview = InterviewPageFactory(
        parent=index, starts_at=timezone.now() + timedelta(days=2), transcript=[("exchange", exchange)]
    )
    CaseFactory(
        kind=Kind.INTERVIEW,
        page=interview,
        status=Status.CLOSED,
        published_at=timezone.now(),
        public_title="网友“陈先生”",
        public_content="长者饭堂怎么申请？我是陈大文，QQ：12345678，住五邑路二十三号",
    )

    text = client.get(interview.url).content.decode()

    assert "QQ：******78" in text and "五邑路***号" in text and "陈先生" in text and "陈大文" not in text
    assert "138 **** 5678" in text and "138 1234 5678" not in text


def test_the_reviewer_sees_each_masked_span_before_publishing(client, portal):
    case = replied(portal, content="本人陈大文，手机138 1234 5678，车牌粤J·12345。", reply="已致电13812345678。")
    client.force_login(portal.reviewer_a)

    page = client.get(reverse("cases:inspect", args=[case.pk])).content.decode()

    assert "已自动隐去的个人信息（4 处）" in page
    for row in [
        ("来信内容", "手机号码", "138 1234 5678", "138 **** 5678"),
        ("来信内容", "车牌号码", "粤J·12345", "粤J·***45"),
        ("答复内容", "手机号码", "13812345678", "138****5678"),
    ]:
        assert re.search(r"\s*</td><td>".join(map(re.escape, row)), page), row
