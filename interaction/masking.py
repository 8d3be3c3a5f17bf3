"""Personal data masking (个人信息脱敏) for letters shown on the public reply board.

Plain functions over text: mainland ID numbers (only those passing the GB 11643 checksum), mobile and
landline numbers, e-mail addresses, licence plates, house numbers, and the writer's own name shortened to
family name + 先生/女士. The reviewer still reads the result before it goes public: names of other people
and free-form addresses cannot be found by rules.
"""

import re

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK_CHARACTERS = "10X98765432"
COMPOUND_SURNAMES = {
    "司徒", "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "端木", "长孙", "宇文",
}  # fmt: skip

ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)")
LANDLINE = re.compile(r"(?<![\d-])(0\d{2,3})[- ]?(\d{7,8})(?![\d-])")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PLATE = re.compile(r"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼])([A-Z])[·・. ]?([A-Z0-9]{5,6})")
HOUSE_NUMBER = re.compile(r"\d+(?=\s*(?:号(?!线)|栋|幢|座|单元|楼|层|室|房))")


def is_id_number(text):
    """Whether `text` is an 18-character mainland ID number with a valid GB 11643 check character."""
    if not re.fullmatch(r"\d{17}[\dXx]", text):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11] == text[17].upper()


def surname(name):
    name = name.strip()
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def short_name(name, honorific):
    """陈大文, 先生 → 陈先生."""
    return f"{surname(name)}{honorific}" if name.strip() else ""


def stars(text):
    return "*" * len(text)


def mask_id(match):
    number = match.group()
    return number[:4] + stars(number[4:-4]) + number[-4:] if is_id_number(number) else number


def mask_email(match):
    local, domain = match.group().split("@", 1)
    return f"{local[:1]}***@{domain}"


def mask(text, name="", honorific="", *, reply=False):
    """`text` with personal data replaced by stars, and the writer's full name by 姓 + 先生/女士. In a reply
    (`reply=True`) landlines and house numbers stay: there they are the offices' own phones and addresses."""
    text = ID_NUMBER.sub(mask_id, text)
    text = EMAIL.sub(mask_email, text)
    text = MOBILE.sub(lambda match: f"{match.group(1)}****{match.group(3)}", text)
    text = PLATE.sub(
        lambda match: f"{match.group(1)}{match.group(2)}·{stars(match.group(3)[:-2])}{match.group(3)[-2:]}", text
    )
    if not reply:
        text = LANDLINE.sub(lambda match: f"{match.group(1)}-{stars(match.group(2)[:-2])}{match.group(2)[-2:]}", text)
        text = HOUSE_NUMBER.sub(lambda match: stars(match.group()), text)
    if len(name.strip()) > 1 and honorific:  # “陈大文先生” and “陈大文” both become “陈先生”
        short = short_name(name, honorific)
        text = text.replace(name.strip() + honorific, short).replace(name.strip(), short)
    return text
