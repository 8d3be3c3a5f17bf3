"""The fixed vocabularies of service items: item types (事项类型), themes (主题) and visits (跑动次数)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemType(models.TextChoices):
    LICENSING = "licensing", _("行政许可")
    CONFIRMATION = "confirmation", _("行政确认")
    PAYMENT = "payment", _("行政给付")
    RULING = "ruling", _("行政裁决")
    REWARD = "reward", _("行政奖励")
    LEVY = "levy", _("行政征收")
    OTHER = "other", _("其他行政权力")
    PUBLIC_SERVICE = "public_service", _("公共服务")


class Theme(models.TextChoices):
    BIRTH = "birth", _("生育收养")
    EDUCATION = "education", _("教育入学")
    EMPLOYMENT = "employment", _("就业创业")
    SOCIAL_INSURANCE = "social_insurance", _("社会保险")
    MARRIAGE = "marriage", _("婚姻登记")
    HOUSEHOLD = "household", _("户籍证件")
    HOUSING = "housing", _("住房不动产")
    TRANSPORT = "transport", _("交通出行")
    HEALTH = "health", _("医疗卫生")
    ELDERLY = "elderly", _("养老助残")
    TALENT = "talent", _("人才服务")
    OVERSEAS = "overseas", _("出入境与侨务")
    ENTERPRISE = "enterprise", _("企业开办经营")
    AGRICULTURE = "agriculture", _("农林渔业")
    CULTURE_TOURISM = "culture_tourism", _("文化旅游")
    OTHER = "other", _("其他")


class Visits(models.IntegerChoices):
    ZERO = 0, _("零跑动")
    ONE = 1, _("最多跑一次")
    TWO = 2, _("跑两次")
    MORE = 3, _("跑三次及以上")
