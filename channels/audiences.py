"""The audience vocabulary (服务对象): the six user channels, a fixed list every content type tags against."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    CITIZEN = "citizen", _("市民")
    ENTERPRISE = "enterprise", _("企业")
    INVESTOR = "investor", _("投资者")
    TOURIST = "tourist", _("旅游者")
    OVERSEAS = "overseas", _("华侨")
    RURAL = "rural", _("三农")
