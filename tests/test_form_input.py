"""Out-of-range input found by the property tests (tests/browser/test_bad_input.py), kept as fast regressions."""

from interaction.models import Case

from .helpers import message, submit


def test_a_department_id_beyond_the_database_integers_is_an_invalid_choice(client, portal):
    response = submit(client, portal.write, message(requested_department="9223372036854775808"))
    assert response.status_code == 400
    assert "反映给哪个部门" in response.content.decode()
    assert not Case.objects.exists()
