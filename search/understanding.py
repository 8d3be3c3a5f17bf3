"""How a citizen asks, read before anything is searched: what they want to know (intent), where (district),
what they meant when they misspelt it or typed pinyin, and the portal's words for their colloquial ones.

Plain functions over plain data, no request and no database: `search.vocabulary` supplies the editors'
synonym groups and the known terms (service items' and guides' titles), `search.query.AnalysedQuery.understood`
puts the pieces together.

- **Intent**: question words and particles (要带什么, 在哪里, 多少钱, 多久 …) say which fact the reader wants and
  are not searched for; `INTENTS` lists them, longest first within each intent.
- **Correction**: a span of the query whose pinyin is that of a known term but whose characters are neither the
  term nor a dictionary word (结昏 → 结婚), and a query typed entirely in pinyin or pinyin initials (jiehun, jhdj),
  are read as the known term.
- **Synonyms**: a span that is one of a synonym group's words is searched as any word of the group.
"""

import re
from dataclasses import dataclass
from functools import cache

from django.utils.translation import gettext_lazy as _

from pypinyin import lazy_pinyin

from portal.text import SPACE_IN_CHINESE, _tokenizer, fold


@dataclass(frozen=True)
class Intent:
    key: str
    label: str  # the heading of the answer card
    phrases: tuple


INTENTS = (
    Intent(
        "materials",
        _("需要什么材料"),
        (
            "需要带什么材料",
            "需要准备什么材料",
            "要准备哪些材料",
            "需要提供什么",
            "需要哪些材料",
            "需要什么材料",
            "要带什么材料",
            "要带哪些东西",
            "要带什么东西",
            "要哪些材料",
            "要什么材料",
            "需要带什么",
            "要准备什么",
            "需要什么证件",
            "要什么证件",
            "要带什么",
            "要带哪些",
            "带什么",
            "带哪些",
            "哪些材料",
            "什么材料",
            "所需材料",
            "申请材料",
            "办理材料",
            "需要准备",
            "材料清单",
            "what documents",
            "documents",
            "材料",
        ),
    ),
    Intent(
        "where",
        _("在哪里办"),
        (
            "在哪里办理",
            "去哪里办理",
            "哪里可以办",
            "在哪里办",
            "去哪里办",
            "在哪儿办",
            "在哪办",
            "去哪办",
            "哪里办",
            "在哪里",
            "在哪儿",
            "去哪里",
            "办理地点",
            "办公地址",
            "咨询电话",
            "办公时间",
            "几点上班",
            "在哪",
            "去哪",
            "地址",
            "地点",
            "窗口",
            "电话",
            "where",
        ),
    ),
    Intent(
        "fee",
        _("多少钱"),
        (
            "要多少钱",
            "需要多少钱",
            "收不收费",
            "收费标准",
            "要不要钱",
            "多少钱",
            "收费吗",
            "要钱吗",
            "免费吗",
            "工本费",
            "收费",
            "费用",
            "how much",
            "fee",
            "cost",
        ),
    ),
    Intent(
        "time",
        _("多久能办好"),
        (
            "什么时候能拿到",
            "多长时间",
            "几个工作日",
            "办结时限",
            "要多久",
            "多少天",
            "多久",
            "几天",
            "时限",
            "how long",
        ),
    ),
    Intent(
        "conditions",
        _("办理条件"),
        (
            "需要什么条件",
            "要什么条件",
            "有什么条件",
            "什么条件",
            "申请条件",
            "办理条件",
            "谁可以办",
            "能不能办",
            "条件",
            "资格",
            "eligibility",
        ),
    ),
    Intent(
        "online",
        _("网上办理"),
        (
            "能在网上办吗",
            "可以网上办吗",
            "网上可以办",
            "可以网上办",
            "网上办理",
            "网上申请",
            "在线办理",
            "在线申请",
            "手机办理",
            "手机上办",
            "线上办理",
            "online",
        ),
    ),
    Intent(
        "steps",
        _("办理流程"),
        (
            "怎么办理",
            "如何办理",
            "怎样办理",
            "怎么申请",
            "如何申请",
            "办理流程",
            "办理程序",
            "怎么办",
            "怎么弄",
            "流程",
            "步骤",
            "手续",
            "how to",
        ),
    ),
)
INTENT_LABELS = {intent.key: intent.label for intent in INTENTS}
# Words that only say "I want to get this done": left out of the search once the query names something else.
# The portal is Jiangmen's: 江门 names no matter.
GENERIC = frozenset(
    ["办理", "办", "申请", "去", "能", "可以", "想", "带", "拿", "找", "要", "需要", "吗", "呢", "了", "交", "缴", "领"]
    + ["江门", "江门市"]
)
# What a letter is (a complaint, a question …) rather than what it is about: every letter is one, so a letter
# need not hold these words once it holds the others.
# Question particles around a matter (新生儿怎么上户口): taken out before synonyms are looked for.
FILLERS = ("请问", "怎么样", "怎么", "怎样", "如何", "我想", "我要", "想要", "一下")
LETTER_GENERIC = frozenset(["投诉", "举报", "反映", "咨询", "建议", "求助", "问题", "怎么办"])
# Places a query may name: (words, the `home.District` value of the offices there).
DISTRICTS = (
    (("蓬江区", "蓬江"), "pengjiang"),
    (("江海区", "江海"), "jianghai"),
    (("新会区", "新会"), "xinhui"),
    (("台山市", "台山"), "taishan"),
    (("开平市", "开平"), "kaiping"),
    (("鹤山市", "鹤山"), "heshan"),
    (("恩平市", "恩平"), "enping"),
)
LATIN = re.compile(r"[a-z]+")
HAN = re.compile(r"[\u3400-\u9fff]")
MIN_INITIALS = 3  # two letters name too many terms to guess from


@dataclass(frozen=True)
class Reading:
    """What `read` made of a query: the text to search (`matter`), the synonym groups found in it, and the rest."""

    matter: str  # folded; intent phrases removed, corrections applied, synonym words still in place
    intent: str = ""
    district: str = ""
    corrected: str = ""  # the corrected matter when a typo or pinyin was read as a known term, else ""
    groups: tuple = ()  # (alternatives, …): each a tuple of words, any of which may stand for the others
    remainder: str = ""  # `matter` without the synonym words: searched word by word


def read(text, vocabulary):
    """A `Reading` of the folded `text` with `vocabulary` (`search.vocabulary.Vocabulary`)."""
    folded = SPACE_IN_CHINESE.sub("", fold(text))
    matter, intent = strip_intent(folded)
    district = find_district(matter) if intent else ""
    corrected = ""
    if (unfilled := strip_fillers(matter)) and (HAN.search(unfilled) or LATIN.search(unfilled)):
        matter = unfilled
    if fixed := vocabulary.correct(matter):
        corrected = matter = fixed
    remainder, groups = vocabulary.expand(matter)
    return Reading(matter, intent, district, corrected, groups, remainder)


def strip_intent(folded):
    """(the text without its question words, the first intent named or "").

    A query that is nothing but question words ("材料", "在哪里") is searched as typed."""
    intent, rest = "", folded
    for candidate in INTENTS:
        for phrase in candidate.phrases:
            # English phrases only as whole words: "fee" is no question inside "coffee".
            pattern = rf"\b{re.escape(phrase)}\b" if LATIN.match(phrase) else re.escape(phrase)
            if re.search(pattern, rest):
                intent = intent or candidate.key
                rest = re.sub(pattern, " ", rest)
    if not HAN.search(rest) and not LATIN.search(rest):
        return folded, intent
    return " ".join(rest.split()), intent


def strip_fillers(text):
    for filler in FILLERS:
        text = text.replace(filler, "")
    return " ".join(text.split())


def find_district(text):
    for names, district in DISTRICTS:
        if any(name in text for name in names):
            return district
    return ""


def without_district(words, keep_one=True):
    """`words` without place names (the place then chooses offices, not pages); when nothing else is left and
    `keep_one`, `words` as they were."""
    names = {name for names, _ in DISTRICTS for name in names}
    rest = [word for word in words if word not in names]
    return rest if rest or not keep_one else list(words)


@cache
def syllable(char):
    """The toneless pinyin of one character, read alone (a character without pinyin stands for itself)."""
    return lazy_pinyin(char, errors=lambda chars: list(chars))[0]


def syllables(text):
    """The pinyin of each character of `text`, each read alone: typed text and known terms are read alike, so
    a homophone typed by mistake has the same syllables as the term."""
    return tuple(syllable(char) for char in text)


def spoken(text):
    """`text` as pinyin is typed: its words read in context (银行 yinhang), without spaces or tones."""
    return "".join(lazy_pinyin(text, errors=lambda chars: list(chars))).lower()


def initials(text):
    return "".join(part[0] for part in syllables(text) if part).lower()


def is_dictionary_word(text):
    """Whether jieba's dictionary (with the project's own words) knows `text` as a word."""
    tokenizer = _tokenizer()
    tokenizer.check_initialized()
    return tokenizer.FREQ.get(text, 0) > 0
