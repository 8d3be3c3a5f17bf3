"""The audience vocabulary (服务对象): the six user channels, a fixed list every content type tags against."""

from django.db import models


class Audience(models.TextChoices):
    CITIZEN = "citizen", "市民"
    ENTERPRISE = "enterprise", "企业"
    INVESTOR = "investor", "投资者"
    TOURIST = "tourist", "旅游者"
    OVERSEAS = "overseas", "华侨"
    RURAL = "rural", "三农"
