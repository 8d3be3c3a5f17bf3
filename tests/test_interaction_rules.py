"""The plain rules of 公众互动, without the database: working days, tracking codes, captcha (masking: test_masking)."""

from datetime import date

from django.core import signing

from interaction.tracking import new_code, normalise, phone_suffix_matches
from jmportal.settings import environment
from portal import captcha
from portal.workdays import Calendar, months_later, published_calendar

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
    work = published_calendar()
    assert {2025, 2026} <= work.years
    assert not work.is_working_day(date(2026, 2, 16))  # 春节
    assert not work.is_working_day(date(2026, 10, 1))  # 国庆节
    assert work.is_working_day(date(2026, 2, 14))  # Saturday worked for 春节
    assert work.is_working_day(date(2026, 10, 10))  # Saturday worked for 国庆节
    # Received on 30 September 2026: the National Day week is skipped, Saturday 10 October counted.
    assert work.add(date(2026, 9, 30), 20) == date(2026, 11, 3)
    # An extended disclosure request gets 20 more working days.
    assert work.add(date(2026, 9, 30), 40) == date(2026, 12, 1)


def test_a_year_not_yet_announced_counts_the_statutory_holidays_and_is_reported():
    work = published_calendar()
    assert work.is_working_day(date(2030, 1, 1)) is False  # no notice for 2030: 元旦 by statute, never guessed away
    assert work.is_working_day(date(2030, 1, 2)) is True
    assert work.provisional_years(date(2026, 5, 1), date(2030, 1, 1)) == [2030]


def test_months_later_clamps_to_the_shorter_month():
    assert months_later(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert months_later(date(2026, 1, 15), 1) == date(2026, 2, 15)


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


def answer(question):
    first, second = question.removesuffix("等于几？").split("加")
    return str(captcha.NUMERALS.index(first) + captcha.NUMERALS.index(second))


def test_the_captcha_token_carries_no_answer_and_works_once():
    question, token = captcha.new_challenge()
    assert question.endswith("等于几？")
    payload = signing.loads(token, salt=captcha.SALT)  # a nonce and an HMAC of the answer, never the answer
    assert set(payload) == {"n", "d"} and len(payload["d"]) == 64
    assert captcha.is_correct(token, answer(question))
    assert not captcha.is_correct(token, answer(question))  # replayed for another letter


def test_a_wrong_captcha_answer_uses_the_question_up():
    question, token = captcha.new_challenge()
    wrong = str(int(answer(question)) + 1)
    assert not captcha.is_correct(token, wrong)
    assert not captcha.is_correct(token, answer(question))  # no second guess on the same question


def test_a_made_up_captcha_token_is_refused():
    assert not captcha.is_correct("garbage", "1")
    assert not captcha.is_correct("", "")
    assert not captcha.is_correct("x" * 500, "1")


def test_exchange_tokens_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("INTERACTION_EXCHANGE_TOKENS", "abc=*, def=mzj ,broken")
    assert environment.mapping("INTERACTION_EXCHANGE_TOKENS") == {"abc": "*", "def": "mzj"}
    monkeypatch.delenv("INTERACTION_EXCHANGE_TOKENS")
    assert environment.mapping("INTERACTION_EXCHANGE_TOKENS") == {}  # no token: the exchange API refuses everyone
