"""The plain rules of 公众互动, without the database: working days, masking, tracking codes, captcha."""

from datetime import date

from django.core import signing

import pytest

from interaction import captcha
from interaction.masking import is_id_number, mask, short_name
from interaction.tracking import new_code, normalise, phone_suffix_matches
from interaction.workdays import Calendar, calendar, months_later
from jmportal.settings import environment

# A small calendar of its own: 1–3 May 2027 off (Sat–Mon), Sunday 9 May worked instead.
CALENDAR = Calendar(
    holidays=frozenset({date(2027, 5, 1), date(2027, 5, 2), date(2027, 5, 3)}),
    workdays=frozenset({date(2027, 5, 9)}),
    years=frozenset({2027}),
)


def test_weekends_are_skipped():
    friday = date(2027, 4, 23)
    assert CALENDAR.add(friday, 1) == date(2027, 4, 26)  # Monday
    assert CALENDAR.add(friday, 5) == date(2027, 4, 30)


def test_holidays_are_skipped_and_make_up_days_are_counted():
    friday = date(2027, 4, 30)
    assert CALENDAR.add(friday, 1) == date(2027, 5, 4)  # past the weekend and the Monday holiday
    assert CALENDAR.add(friday, 5) == date(2027, 5, 9)  # Sunday 9 May is a make-up working day
    assert CALENDAR.between(date(2027, 4, 30), date(2027, 5, 9)) == 5


def test_shipped_calendar_knows_the_state_councils_2026_holidays():
    work = calendar()
    assert {2025, 2026} <= work.years
    assert not work.is_working_day(date(2026, 2, 16))  # 春节
    assert not work.is_working_day(date(2026, 10, 1))  # 国庆节
    assert work.is_working_day(date(2026, 2, 14))  # Saturday worked for 春节
    assert work.is_working_day(date(2026, 10, 10))  # Saturday worked for 国庆节
    # Received on 30 September 2026: the National Day week is skipped, Saturday 10 October counted.
    assert work.add(date(2026, 9, 30), 20) == date(2026, 11, 3)
    # An extended disclosure request gets 20 more working days.
    assert work.add(date(2026, 9, 30), 40) == date(2026, 12, 1)


def test_a_year_without_a_holiday_file_counts_weekdays_and_is_reported():
    work = calendar()
    assert work.is_working_day(date(2030, 1, 1)) is True  # no 2030 file: a Tuesday counts
    assert work.missing_years(date(2026, 5, 1), date(2030, 1, 1)) == [2030]


def test_months_later_clamps_to_the_shorter_month():
    assert months_later(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert months_later(date(2026, 1, 15), 1) == date(2026, 2, 15)


VALID_ID = "11010519491231002X"  # the GB 11643 sample number


def test_id_numbers_are_recognised_by_their_checksum():
    assert is_id_number(VALID_ID)
    assert is_id_number("440703198001010012")
    assert not is_id_number("440703198001010019")  # one digit off: not an ID number
    assert not is_id_number("4407031980")


@pytest.mark.parametrize(
    ("original", "masked"),
    [
        (f"身份证{VALID_ID}。", "身份证1101**********002X。"),
        ("证件号440703198001010019不对", "证件号440703198001010019不对"),
        ("手机13812345678或+86 139-1234-5678", "手机138****5678或139****5678"),
        ("座机0750-3270000", "座机0750-*****00"),
        ("邮箱chen.dawen@qq.com", "邮箱c***@qq.com"),
        ("车牌粤J·12345和粤JD12345", "车牌粤J·***45和粤J·****45"),
        ("住建设三路88号5栋1203房", "住建设三路**号*栋****房"),
        ("坐3号线到江门站", "坐3号线到江门站"),
        ("拨打12345热线", "拨打12345热线"),
    ],
)
def test_personal_data_is_masked(original, masked):
    assert mask(original) == masked


def test_a_reply_keeps_the_offices_phone_and_address_but_not_the_citizens_mobile():
    reply = "陈大文先生：请携带材料到建设三路88号办理，咨询电话0750-3502323；已致电您的手机13812345678。"
    assert mask(reply, "陈大文", "先生", reply=True) == (
        "陈先生：请携带材料到建设三路88号办理，咨询电话0750-3502323；已致电您的手机138****5678。"
    )


def test_the_writers_name_becomes_family_name_and_honorific():
    assert mask("我是陈大文，住在蓬江区。", "陈大文", "先生") == "我是陈先生，住在蓬江区。"
    assert short_name("司徒美玲", "女士") == "司徒女士"  # compound surnames common in Kaiping and Taishan
    assert short_name("欧阳锋", "先生") == "欧阳先生"


def test_tracking_codes_are_random_and_forgiving_to_type():
    codes = {new_code() for _ in range(1000)}
    assert len(codes) == 1000
    code = codes.pop()
    assert code.startswith("JM-") and len(code) == 17
    assert normalise(code.lower().replace("-", " ")) == code
    assert normalise("JM-1234") == ""
    assert normalise("JM-OOOO-IIII-0000") == ""  # look-alike characters are never issued
    assert normalise("JM-2222-3333-444\x00") == ""
    assert phone_suffix_matches("13800005678", "5678")
    assert not phone_suffix_matches("13800005678", "5679")
    assert not phone_suffix_matches("", "")


def test_captcha_answers_are_signed_and_checked():
    question, token = captcha.new_challenge()
    answer = captcha.answer_of(token)
    assert question.endswith("等于几？")
    assert captcha.is_correct(token, str(answer))
    assert not captcha.is_correct(token, str(answer + 1))
    forged = signing.dumps({"answer": 1}, salt="another")
    assert captcha.answer_of(forged) is None
    assert not captcha.is_correct("garbage", "1")


def test_exchange_tokens_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("INTERACTION_EXCHANGE_TOKENS", "abc=*, def=mzj ,broken")
    assert environment.mapping("INTERACTION_EXCHANGE_TOKENS") == {"abc": "*", "def": "mzj"}
    monkeypatch.delenv("INTERACTION_EXCHANGE_TOKENS")
    assert environment.mapping("INTERACTION_EXCHANGE_TOKENS") == {}  # no token: the exchange API refuses everyone
