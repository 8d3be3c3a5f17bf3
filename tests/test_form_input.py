"""Out-of-range input found by the property tests (tests/browser/test_bad_input.py), kept as fast regressions."""

from interaction.models import Case

from .test_interaction import message, portal, submit  # noqa: F401 (portal is a fixture)


def test_a_department_id_beyond_the_database_integers_is_an_invalid_choice(client, portal):  # noqa: F811
    response = submit(client, portal.write, message(requested_department="9223372036854775808"))
    assert response.status_code == 400
    assert "反映给哪个部门" in response.content.decode()
    assert not Case.objects.exists()
