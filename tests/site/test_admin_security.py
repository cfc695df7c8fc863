"""The admin asks for a one-time code after the password (authenticator app or backup
code), and repeated wrong passwords lock an account out from the address they came from."""

import logging
import re

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from accounts.devices import replace_backup_codes
from demo.loader import DEMO_BACKUP_CODES, DEMO_PASSWORD, DemoLoader
from tests.factories import TOTPDeviceFactory, UserFactory, login_verified

pytestmark = pytest.mark.django_db

SETUP_URL = "/admin/2fa/setup/"
VERIFY_URL = "/admin/2fa/verify/"
BACKUP_CODES_URL = "/admin/2fa/backup-codes/"
LOCKOUT_MESSAGE = "Trop de tentatives de connexion échouées"


@pytest.fixture
def editor():
    return UserFactory(groups=["Webmestres"])


def current_code(device: TOTPDevice) -> str:
    """What the user's authenticator app shows right now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, username: str, password: str):
    return client.post("/admin/login/", {"username": username, "password": password})


def shown_codes(html: str) -> list[str]:
    return [code.replace(" ", "") for code in re.findall(r"<code>([0-9 ]+)</code>", html)]


# -- second factor -----------------------------------------------------------------------


def test_editor_without_device_is_sent_to_setup_with_a_qr_code(client, editor):
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP_URL}?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    assert "<svg" in page.text and "<path" in page.text
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page.text).group(1)
    assert secret.replace(" ", "") in device.config_url
    # The page stays the same on reload: a QR code already scanned keeps working.
    assert secret in client.get(response["Location"]).text


def test_setup_with_the_apps_code_opens_the_admin_and_shows_backup_codes_once(client, editor):
    client.force_login(editor)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=editor)
    response = client.post(SETUP_URL, {"code": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    codes = shown_codes(codes_page.text)
    assert len(codes) == 10 and all(len(code) == 10 for code in codes)
    assert 'href="/admin/pages/"' in codes_page.text
    assert client.get("/admin/").status_code == 200
    again = client.get(BACKUP_CODES_URL)
    assert shown_codes(again.text) == []
    assert "Il vous reste 10 codes de secours" in again.text


def test_setup_refuses_a_wrong_code_with_a_message(client, editor):
    client.force_login(editor)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=editor)
    wrong = f"{(int(current_code(device)) + 1) % 10**6:06d}"
    response = client.post(SETUP_URL, {"code": wrong})
    assert response.status_code == 200
    assert "Ce code est incorrect ou a expiré" in response.text
    assert "<title>Erreur" in response.text
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)


def test_password_alone_cannot_replace_an_existing_device(client, editor):
    TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    response = client.get(SETUP_URL)
    assert response["Location"].startswith(VERIFY_URL)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_verification_with_the_apps_code(client, editor):
    device = TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response["Location"] == f"{VERIFY_URL}?next=%2Fadmin%2F"
    response = client.post(VERIFY_URL, {"code": current_code(device), "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_works_once_only(client, editor):
    TOTPDeviceFactory(user=editor)
    code = replace_backup_codes(editor)[0]
    client.force_login(editor)
    # Typed as displayed, in groups of five.
    response = client.post(VERIFY_URL, {"code": f"{code[:5]} {code[5:]}", "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert "il vous en reste 9" in client.get("/admin/").text

    client.logout()
    client.force_login(editor)
    response = client.post(VERIFY_URL, {"code": code})
    assert response.status_code == 200
    assert "déjà été utilisé" in response.text
    assert client.get("/admin/")["Location"].startswith(VERIFY_URL)


def test_verification_page_is_accessible(client, editor):
    TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    html = client.post(VERIFY_URL, {"code": "12"}).text
    assert re.search(r'<html lang="fr"', html)
    assert html.count("<h1") == 1
    assert '<label class="w-field__label" for="id_code"' in html
    field = re.search(r"<input[^>]*name=\"code\"[^>]*>", html).group(0)
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    assert 'aria-invalid="true"' in field
    # The error summary links to the field.
    assert re.search(r'role="alert">\s*<ul>\s*<li class="error"><a href="#id_code">', html)
    # No inline code (the strict CSP would block it); JSON data blocks are not code.
    assert not re.search(r'<script(?![^>]*\b(?:src=|type="application/json"))[^>]*>', html)


def test_second_factor_pages_speak_the_users_admin_language(client, editor):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    html = client.get(VERIFY_URL).text
    assert '<html lang="en"' in html
    assert "<h1>Enter your verification code</h1>" in html


def test_public_site_is_not_affected(client, editor):
    client.force_login(editor)
    for path in ("/", "/agenda/", "/en/"):
        assert client.get(path).status_code == 200, path


def test_new_backup_codes_replace_the_old_ones(client, editor):
    old = replace_backup_codes(editor)
    login_verified(client, editor)
    response = client.post(BACKUP_CODES_URL, follow=True)
    new = shown_codes(response.text)
    assert len(new) == 10 and not set(new) & set(old)
    tokens = StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    assert set(tokens) == set(new)


def test_admin_can_reset_a_lost_device(client, editor):
    TOTPDeviceFactory(user=editor)
    replace_backup_codes(editor)
    call_command("reset_2fa", editor.username, stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.force_login(editor)
    assert client.get("/admin/")["Location"].startswith(SETUP_URL)


def test_demo_accounts_sign_in_with_a_documented_backup_code(client):
    response = sign_in(client, "culture", DEMO_PASSWORD)
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response["Location"].startswith(VERIFY_URL)
    response = client.post(VERIFY_URL, {"code": DEMO_BACKUP_CODES[0], "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    # Loading the demo again gives the codes back, without adding devices.
    DemoLoader().ensure_users()
    DemoLoader().ensure_users()
    tokens = StaticToken.objects.filter(device__user__username="culture")
    assert sorted(tokens.values_list("token", flat=True)) == sorted(DEMO_BACKUP_CODES)
    assert tokens.values("device").distinct().count() == 1


# -- lockout -----------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_out_even_with_the_right_one(client, editor):
    for _ in range(4):
        response = sign_in(client, editor.username, "wrong-password")
        assert response.status_code == 200
        assert LOCKOUT_MESSAGE not in response.text
    response = sign_in(client, editor.username, "wrong-password")
    assert response.status_code == 429
    assert LOCKOUT_MESSAGE in response.text
    assert "bloquée pendant 15 minutes" in response.text
    response = sign_in(client, editor.username, "secret-password")
    assert response.status_code == 429
    assert LOCKOUT_MESSAGE in response.text
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_lockout_of_one_account_leaves_the_others_alone(client, editor):
    for _ in range(5):
        sign_in(client, editor.username, "wrong-password")
    colleague = UserFactory(groups=["Webmestres"])
    assert sign_in(client, colleague.username, "secret-password").status_code == 302


def test_successful_sign_in_resets_the_count(client, editor):
    for _ in range(4):
        sign_in(client, editor.username, "wrong-password")
    assert sign_in(client, editor.username, "secret-password").status_code == 302
    client.logout()
    for _ in range(4):
        response = sign_in(client, editor.username, "wrong-password")
    assert response.status_code == 200
    assert LOCKOUT_MESSAGE not in response.text


def test_failed_sign_ins_log_no_username_or_address(client, editor, caplog):
    caplog.set_level(logging.INFO)
    for _ in range(5):
        sign_in(client, editor.username, "wrong-password")
    assert "AXES" in caplog.text
    assert editor.username not in caplog.text
    assert "127.0.0.1" not in caplog.text


# -- what the second-factor step may redirect ----------------------------------------------


def test_password_and_backup_code_land_on_the_dashboard(client):
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "culture", "password": DEMO_PASSWORD, "next": "/admin/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY_URL)
    # What the verification page's scripts fetch meanwhile changes nothing.
    assert client.get("/admin/sprite/", HTTP_ACCEPT="*/*").status_code == 200
    next_field = re.search(r'name="next" value="([^"]*)"', response.text).group(1)
    assert next_field == "/admin/"
    response = client.post(
        VERIFY_URL, {"code": DEMO_BACKUP_CODES[1], "next": next_field}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain == [("/admin/", 302)]
    assert "wagtailadmin/home.html" in [t.name for t in response.templates]


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/admin/sprite/", {"HTTP_ACCEPT": "*/*"}),
        ("/admin/sprite/", {}),
        ("/admin/api/main/pages/", {}),
        ("/admin/tag-autocomplete/", {}),
        ("/admin/pages/search/results/?q=a", {}),
        ("/admin/pages/", {"HTTP_SEC_FETCH_DEST": "empty", "HTTP_SEC_FETCH_MODE": "cors"}),
        ("/admin/pages/", {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
        ("/admin/pages/", {"HTTP_ACCEPT": "application/json"}),
    ],
)
def test_what_pages_fetch_is_never_sent_to_the_verification_page(client, editor, path, headers):
    TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    response = client.get(path, **headers)
    assert response.status_code in (200, 403)
    assert "Location" not in response
    assert "Saisir votre code" not in response.content.decode()


def test_the_sprite_stays_available_to_the_verification_page(client, editor):
    TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    response = client.get("/admin/sprite/", HTTP_SEC_FETCH_DEST="empty")
    assert response.status_code == 200 and b"<svg" in response.content
    assert client.get("/admin/api/main/pages/").status_code == 403


def test_a_page_opened_in_the_browser_is_sent_to_the_verification_page(client, editor):
    TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    response = client.get(
        "/admin/pages/",
        HTTP_SEC_FETCH_DEST="document",
        HTTP_ACCEPT="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    )
    assert response["Location"] == f"{VERIFY_URL}?next=%2Fadmin%2Fpages%2F"


@pytest.mark.parametrize(
    "unsafe_next", ["/admin/sprite/", "/admin/api/main/pages/", "https://example.com/admin/"]
)
def test_next_never_points_to_something_other_than_a_page(client, editor, unsafe_next):
    device = TOTPDeviceFactory(user=editor)
    client.force_login(editor)
    page = client.get(VERIFY_URL, {"next": unsafe_next})
    assert 'name="next" value="/admin/"' in page.text
    response = client.post(VERIFY_URL, {"code": current_code(device), "next": unsafe_next})
    assert response["Location"] == "/admin/"
