"""Personal data masking (个人信息脱敏): the one redactor for citizens' text the public sees.

`redact` finds identifiers in any common spelling and masks them in the original text, changing nothing else.
It matches on a normalised copy (NFKC, so ＡＢ１２ reads AB12; 一二三…〇零幺两 and 壹贰叁… read as digits) in
which spaces, dashes, dots, brackets and invisible characters between digits are separators, and maps each match
back to the characters it came from. It finds:

- numbers by their shape: mobiles (with +86/0086/86), landlines with area codes, 18- and 15-digit ID numbers
  (a plausible birth date; a mistyped checksum is still someone's number), bank cards (13–19 digits, Luhn);
- numbers after the word that names them: local landlines (电话3201234), bank accounts (账号…), QQ, 微信,
  passports and permits (护照, 通行证, 回乡证, 台胞证 …);
- passports and permits by their letter (E12345678, G…, C…, H/M…), e-mail addresses, vehicle plates, and house
  numbers (建设路88号, 5栋1203房, 门牌二十三号);
- the writer's full name, shortened to family name + 先生/女士.

Codes glued to letters (统一社会信用代码, 索引号, 事项编码), dates, amounts, 文号 and article numbers are left alone.

In a staff reply (`reply=True`) the office's own contact details (landlines, e-mail, addresses, QQ/微信 accounts)
stay, since that is how citizens reach the office, unless the same value occurs in `quoted` (what the citizen
wrote): then the reply is quoting the citizen. What only a person has (ID, bank card, mobile, passport, plate) is
masked in replies too. The reviewer still reads the result before it goes public: names of other people and
free-form addresses cannot be found by rules.
"""

import re
import string
import unicodedata
from dataclasses import dataclass

ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK_CHARACTERS = "10X98765432"
COMPOUND_SURNAMES = {
    "司徒", "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "夏侯", "令狐", "端木", "长孙", "宇文",
}  # fmt: skip

KIND_LABELS = {
    "id": "身份证号码",
    "bank": "银行卡号或账号",
    "mobile": "手机号码",
    "landline": "固定电话",
    "email": "电子邮箱",
    "plate": "车牌号码",
    "document": "护照或通行证号码",
    "qq": "QQ号",
    "wechat": "微信号",
    "address": "门牌号",
    "name": "姓名",
}
CONTACT_KINDS = {"landline", "email", "address", "qq", "wechat"}  # an office has these too
LONGEST_SPELLING = 19 + 18 * 3  # the longest number (19 digits) with three separators between each two digits
MIN_HIDDEN = 3  # however short the number, at least this many of its characters are masked

CHINESE_DIGITS = str.maketrans(
    {
        **dict.fromkeys("〇零", "0"), **dict.fromkeys("一幺壹", "1"), **dict.fromkeys("二两兩贰貳", "2"),
        **dict.fromkeys("三叁參", "3"), **dict.fromkeys("四肆", "4"), **dict.fromkeys("五伍", "5"),
        **dict.fromkeys("六陆陸", "6"), **dict.fromkeys("七柒", "7"), **dict.fromkeys("八捌", "8"),
        **dict.fromkeys("九玖", "9"),
    }
)  # fmt: skip
GAP = r"[\s\-‐‑‒–—―−.·・()\u00ad\u200b-\u200d\u2060\ufeff]{0,3}"  # what may stand between the digits of one number


def digits(least, most):
    """A pattern for `least` to `most` digits, separators allowed between them."""
    return rf"[0-9](?:{GAP}[0-9]){{{least - 1},{most - 1}}}"


RUN = re.compile(rf"(?<![0-9A-Za-z])[0-9](?:{GAP}[0-9])*+(?:{GAP}X)?+(?![0-9A-Za-z])", re.IGNORECASE)
GROUP = re.compile(r"[0-9Xx]+")
NUMBER_KINDS = [  # (kind, digits as a whole, digits kept at the end); the group "head" is kept at the start
    ("mobile", re.compile(r"(?P<head>(?:0086|86)?1[3-9]\d)\d{8}"), 4),
    ("landline", re.compile(r"(?P<head>0(?:10|2\d|[3-9]\d\d)|86(?:10|2\d|[3-9]\d\d))\d{7,8}"), 2),
    ("id", re.compile(r"(?P<head>[1-8]\d{3})\d{2}(?:18|19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]"), 4),
    ("id", re.compile(r"(?P<head>[1-8]\d{3})\d{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}"), 3),
    ("bank", re.compile(r"(?P<head>[3-69]\d{3})\d{9,15}"), 4),
]  # fmt: skip

FILLER = r"(?:号码|号|ID)?[\s:：]*(?:是|为)?[\s:：]*"
CODE_END = r"(?![0-9A-Za-z])"
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
MAILBOX = string.ascii_letters + string.digits + "._%+-"  # what may stand before the @ of an e-mail address
HOUSE_DIGITS = "0123456789十百千"
NUM = r"(?<![0-9十百千])[0-9十百千]+(?:[-之][0-9十百千]+)?"
ROAD = r"(?:(?<=[路街巷弄村坊])|(?<=大道))"


@dataclass(frozen=True)
class Rule:
    """A pattern whose group "value" (else the whole match) is reported and group "secret" (else the value)
    masked, except `head` and `tail` significant characters; `characters` are the significant ones (default:
    letters and digits)."""

    kind: str
    pattern: re.Pattern
    head: int = 0
    tail: int = 0
    characters: str = ""

    def hits(self, normal):
        for match in self.pattern.finditer(normal):
            value = "value" if "value" in self.pattern.groupindex else 0
            secret = "secret" if "secret" in self.pattern.groupindex else value
            start, end = match.span(secret)
            significant = [i for i in range(start, end) if is_significant(normal[i], self.characters)]
            yield Hit(self.kind, *match.span(value), hidden(significant, self.head, self.tail))


def keyword_rule(kind, keywords, code, head=0, tail=2):
    return Rule(kind, re.compile(rf"(?:{keywords}){FILLER}(?P<value>{code}){CODE_END}", re.IGNORECASE), head, tail)


RULES = [
    keyword_rule("qq", r"QQ|扣扣", digits(5, 11)),
    keyword_rule("wechat", r"微信|(?<![A-Za-z])(?:wechat|weixin|vx|wx)", rf"[A-Za-z][-_A-Za-z0-9]{{5,19}}|{digits(5, 11)}", 1, 1),
    keyword_rule("document", r"护照|通行证|回乡证|台胞证|证件|身份证", rf"[A-Z]{{0,2}}{GAP}{digits(6, 18)}(?:{GAP}[A-Z]|\([A-Z]\))?", 1),
    keyword_rule("landline", r"电话|座机|固话|传真|致电|拨打|(?<![A-Za-z])(?:tel|phone|fax)", rf"[2-9]{GAP}{digits(6, 7)}"),
    keyword_rule("bank", r"卡号|账号|帐号|账户|帐户|银行卡|存折", digits(8, 30), 0, 4),
    Rule("document", re.compile(rf"(?<![0-9A-Za-z])[EGDSPCWHML][A-Z]?{GAP}{digits(7, 10)}{CODE_END}", re.I), 1, 2),
    Rule("wechat", re.compile(r"(?<![0-9A-Za-z])wxid_[A-Za-z0-9]{4,}", re.IGNORECASE), 1, 1),
    Rule("email", re.compile(rf"(?<![{MAILBOX}])(?P<secret>[{MAILBOX}]+)\s?@\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{{2,}}"), 1, characters=MAILBOX),
    Rule("plate", re.compile(rf"[{PROVINCES}][A-Z]{GAP}[A-Z0-9]{{5,6}}{CODE_END}", re.IGNORECASE), 2, 2),
    Rule("address", re.compile(rf"{ROAD}{NUM}号(?!线)"), characters=HOUSE_DIGITS),
    Rule("address", re.compile(rf"{NUM}(?:栋|幢|座|号楼)(?:{NUM}单元)?{NUM}(?:室|房|号)?"), characters=HOUSE_DIGITS),
    Rule("address", re.compile(r"(?<![0-9])[0-9]{3,4}(?:室|房)"), characters=HOUSE_DIGITS),
    Rule("address", re.compile(rf"门牌{FILLER}(?P<value>{NUM})"), characters=HOUSE_DIGITS),
]  # fmt: skip


@dataclass(frozen=True)
class Hit:
    """A match in the normalised text: [start, end) is reported, the positions in `hidden` are masked."""

    kind: str
    start: int
    end: int
    hidden: frozenset


@dataclass(frozen=True)
class Span:
    """A stretch of the original text that was masked: what it said and what it says now."""

    kind: str
    start: int
    end: int
    original: str
    masked: str

    @property
    def label(self):
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class Redaction:
    """The masked text and the spans of the original that were changed, in text order."""

    text: str
    spans: list


def is_significant(character, characters=""):
    return character in characters if characters else character.isalnum()


def hidden(significant, head, tail):
    """The positions to mask: all but `head` and `tail`, keeping fewer when too few would be masked."""
    least = min(len(significant), MIN_HIDDEN)
    while len(significant) - head - tail < least:
        head, tail = (head - 1, tail) if head >= tail else (head, tail - 1)
    return frozenset(significant[head : len(significant) - tail])


def normalised(text):
    """The text as matched (NFKC, Chinese numerals as digits) and, for each of its characters, the index of the
    original character it came from."""
    characters, origins = [], []
    for index, character in enumerate(text):
        for piece in unicodedata.normalize("NFKC", character).translate(CHINESE_DIGITS):
            characters.append(piece)
            origins.append(index)
    return "".join(characters), origins


def is_id_number(text):
    """Whether `text` is an 18-character mainland ID number with a valid GB 11643 check character."""
    if not re.fullmatch(r"\d{17}[\dXx]", text):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11] == text[17].upper()


def passes_luhn(number):
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def number_kind(number):
    """(kind, digits kept at the start, at the end) for a whole number, or None."""
    for kind, pattern, tail in NUMBER_KINDS:
        match = pattern.fullmatch(number)
        if match and (kind != "bank" or passes_luhn(number)):
            return kind, len(match["head"]), tail
    return None


def well_grouped(groups):
    """Groups of digits read as one number: inner groups of two or more (+86 10 1234 5678), or one digit each
    after the first (86 1 3 8 …); “2026 1 5 13812345678” is not one number."""
    sizes = [end - start for start, end in groups]
    return all(size >= 2 for size in sizes[1:-1]) or all(size == 1 for size in sizes[1:])


def number_hits(normal):
    """Numbers recognised by their shape. A run of digit groups is read from the left, taking at each group the
    longest stretch of groups that makes a number: “13812345678 13912345678” is two mobiles."""
    for run in RUN.finditer(normal):
        groups = [(run.start() + group.start(), run.start() + group.end()) for group in GROUP.finditer(run.group())]
        first = 0
        while first < len(groups):
            hit, first = longest_number(normal, groups, first)
            if hit:
                yield hit


def longest_number(normal, groups, first):
    """The longest number made of groups[first], groups[first + 1] … and the index of the group after it."""
    farthest = first
    while farthest + 1 < len(groups) and groups[farthest + 1][1] - groups[first][0] <= LONGEST_SPELLING:
        farthest += 1
    for last in range(farthest, first - 1, -1):
        stretch = groups[first : last + 1]
        found = well_grouped(stretch) and number_kind("".join(normal[start:end] for start, end in stretch).upper())
        if found:
            kind, head, tail = found
            significant = [index for start, end in stretch for index in range(start, end)]
            return Hit(kind, stretch[0][0], stretch[-1][1], hidden(significant, head, tail)), last + 1
    return None, first + 1


def hits(normal):
    yield from number_hits(normal)
    for rule in RULES:
        yield from rule.hits(normal)


def value_of(normal, hit):
    """What a hit stands for, however it was spelled: the same phone number in the letter and in the reply."""
    value = "".join(character for character in normal[hit.start : hit.end] if character.isalnum()).upper()
    return value[-7:] if hit.kind == "landline" else value


def identifier_spans(text, *, reply=False, quoted=""):
    normal, origins = normalised(text)
    found = list(hits(normal))
    if reply:
        quoted_normal = normalised(quoted)[0]
        quoted_values = {value_of(quoted_normal, hit) for hit in hits(quoted_normal)}
        found = [hit for hit in found if hit.kind not in CONTACT_KINDS or value_of(normal, hit) in quoted_values]
    for hit in found:
        start, end = origins[hit.start], origins[hit.end - 1] + 1
        masked = {origins[index] for index in hit.hidden}
        shown = "".join("*" if index in masked else text[index] for index in range(start, end))
        yield Span(hit.kind, start, end, text[start:end], shown)


def surname(name):
    name = name.strip()
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def short_name(name, honorific):
    """陈大文, 先生 → 陈先生."""
    return f"{surname(name)}{honorific}" if name.strip() else ""


def name_spans(text, name, honorific):
    """The writer's full name, with or without 先生/女士 after it (“陈大文先生”, “陈大文”), as 姓 + 先生/女士."""
    name = name.strip()
    if len(name) < 2 or not honorific:
        return
    for match in re.finditer(rf"{re.escape(name)}(?:{re.escape(honorific)})?", text):
        yield Span("name", *match.span(), match.group(), short_name(name, honorific))


def without_overlaps(spans):
    """The longest spans first, then those that do not overlap them, in text order."""
    chosen = []
    for span in sorted(spans, key=lambda span: span.start - span.end):
        if all(span.end <= other.start or other.end <= span.start for other in chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda span: span.start)


def redact(text, name="", honorific="", *, reply=False, quoted=""):
    """`text` with personal data masked and the writer's full name shortened, and the spans that were changed."""
    spans = without_overlaps([*identifier_spans(text, reply=reply, quoted=quoted), *name_spans(text, name, honorific)])
    pieces, position = [], 0
    for span in spans:
        pieces += [text[position : span.start], span.masked]
        position = span.end
    return Redaction("".join(pieces) + text[position:], spans)


def mask(text, name="", honorific="", *, reply=False, quoted=""):
    return redact(text, name, honorific, reply=reply, quoted=quoted).text


def written_by_citizen(case):
    """Everything the citizen gave with a case: what a reply that repeats it is quoting."""
    return "\n".join([case.title, case.content, case.phone, case.email, case.id_number, case.address])


def redact_for_case(case, text, *, reply=False):
    """`text` shown with a case (its letter, or a reply to it) as the public may read it."""
    return redact(text, case.name, case.honorific, reply=reply, quoted=written_by_citizen(case) if reply else "")


def redact_case(case):
    """The case's texts that may go public, as a reviewer starts from them."""
    return {
        "public_title": redact_for_case(case, case.title),
        "public_content": redact_for_case(case, case.content),
        "public_reply": redact_for_case(case, case.reply, reply=True),
    }
