"""The fixed vocabularies of service items: item types (事项类型), themes (主题) and visits (跑动次数)."""

from django.db import models


class ItemType(models.TextChoices):
    LICENSING = "licensing", "行政许可"
    CONFIRMATION = "confirmation", "行政确认"
    PAYMENT = "payment", "行政给付"
    RULING = "ruling", "行政裁决"
    REWARD = "reward", "行政奖励"
    LEVY = "levy", "行政征收"
    OTHER = "other", "其他行政权力"
    PUBLIC_SERVICE = "public_service", "公共服务"


class Theme(models.TextChoices):
    BIRTH = "birth", "生育收养"
    EDUCATION = "education", "教育入学"
    EMPLOYMENT = "employment", "就业创业"
    SOCIAL_INSURANCE = "social_insurance", "社会保险"
    MARRIAGE = "marriage", "婚姻登记"
    HOUSEHOLD = "household", "户籍证件"
    HOUSING = "housing", "住房不动产"
    TRANSPORT = "transport", "交通出行"
    HEALTH = "health", "医疗卫生"
    ELDERLY = "elderly", "养老助残"
    TALENT = "talent", "人才服务"
    OVERSEAS = "overseas", "出入境与侨务"
    ENTERPRISE = "enterprise", "企业开办经营"
    AGRICULTURE = "agriculture", "农林渔业"
    CULTURE_TOURISM = "culture_tourism", "文化旅游"
    OTHER = "other", "其他"


class Visits(models.IntegerChoices):
    ZERO = 0, "零跑动"
    ONE = 1, "最多跑一次"
    TWO = 2, "跑两次"
    MORE = 3, "跑三次及以上"
