"""The fixed vocabularies of the disclosure catalog (信息公开目录)."""

from django.db import models


class Topic(models.TextChoices):
    """主题分类: the State Council's topic taxonomy for government information."""

    GENERAL = "general", "综合政务"
    ECONOMY = "economy", "国民经济管理、国有资产监管"
    FINANCE = "finance", "财政、金融、审计"
    LAND = "land", "国土资源、能源"
    AGRICULTURE = "agriculture", "农业、林业、水利"
    INDUSTRY = "industry", "工业、交通"
    COMMERCE = "commerce", "商贸、海关、旅游"
    MARKET = "market", "市场监管、安全生产监管"
    CONSTRUCTION = "construction", "城乡建设、环境保护"
    SCIENCE = "science", "科技、教育"
    CULTURE = "culture", "文化、广电、新闻出版"
    HEALTH = "health", "卫生、体育"
    POPULATION = "population", "人口与计划生育、妇女儿童工作"
    LABOUR = "labour", "劳动、人事、监察"
    SECURITY = "security", "公安、安全、司法"
    CIVIL = "civil", "民政、扶贫、救灾"
    ETHNIC = "ethnic", "民族、宗教"
    FOREIGN = "foreign", "对外事务"
    OVERSEAS = "overseas", "港澳台侨工作"
    DEFENCE = "defence", "国防"
    OTHER = "other", "其他"


class Genre(models.TextChoices):
    """体裁分类."""

    ORDER = "order", "命令（令）"
    DECISION = "decision", "决定"
    ANNOUNCEMENT = "announcement", "公告"
    PUBLIC_NOTICE = "public_notice", "通告"
    OPINION = "opinion", "意见"
    NOTICE = "notice", "通知"
    BULLETIN = "bulletin", "通报"
    REPORT = "report", "报告"
    REPLY = "reply", "批复"
    LETTER = "letter", "函"
    MINUTES = "minutes", "纪要"
    PLAN = "plan", "规划"
    MEASURES = "measures", "办法"
    RULES = "rules", "规定"
    INTERPRETATION = "interpretation", "解读"
    OTHER = "other", "其他"


class Validity(models.TextChoices):
    """有效性."""

    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class DocumentClass(models.TextChoices):
    """文件类别: what the annual report's table 二 counts under 第二十条第（一）项."""

    RULE = "rule", "规章"
    NORMATIVE = "normative", "行政规范性文件"
