"""Column types (栏目类型): the national website guideline's ColumnType, and the clock of timeliness checks."""

from django.db import models


class ColumnType(models.TextChoices):
    HOME = "home", "首页"
    OVERVIEW = "overview", "概况信息"
    NEWS = "news", "动态要闻"
    NOTICE = "notice", "通知公告"
    POLICY = "policy", "政策文件"
    DISCLOSURE = "disclosure", "信息公开"
    SERVICE = "service", "办事服务"
    INTERACTION = "interaction", "互动交流"
    SUPERVISION = "supervision", "网上监察"
    CHANNEL = "channel", "用户频道"
    DEPARTMENT = "department", "部门网站"
    OTHER = "other", "其他"
