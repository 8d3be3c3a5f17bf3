"""The reader's search form: the words, the chosen facet values and the order."""

import re

from django import forms

from .results import kinds

MAX_QUERY_LENGTH = 100
# Quotes and operators that full-text engines parse as syntax, and control characters: never part of a word.
SYNTAX = re.compile(r'["\'*^():\\\x00-\x1f\x7f]+')


class QueryField(forms.CharField):
    """The reader's words without engine syntax or control characters (NUL included): never an error."""

    def to_python(self, value):
        return " ".join(SYNTAX.sub(" ", super().to_python(value)).split())


def type_choices():
    """全部, then every kind of result the page types declare (`search.results.kinds`)."""
    return [("", "全部")] + [(kind.key, kind.label) for kind in kinds()]


class SearchForm(forms.Form):
    q = QueryField(label="搜索关键词", required=False)
    type = forms.ChoiceField(label="类型", required=False, choices=type_choices)
    department = forms.RegexField(label="部门", required=False, regex=r"^\d{1,10}$")
    year = forms.RegexField(label="年份", required=False, regex=r"^\d{4}$")
    sort = forms.ChoiceField(label="排序", required=False, choices=[("", "按相关度"), ("date", "按日期")])
    exact = forms.BooleanField(label="按原词搜索", required=False)  # the reader declined a correction

    def clean_q(self):
        """Over-long text is kept out of the engine (`too_long`): the page says so instead."""
        text = self.cleaned_data["q"]
        self.too_long = len(text) > MAX_QUERY_LENGTH
        return "" if self.too_long else text

    def facet_choices(self):
        return {name: self.cleaned_data[name] for name in ("type", "department", "year")}
