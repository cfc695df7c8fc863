"""Signing up from the site with double opt-in, as a resident does it: the form, the mail
that arrives on a real SMTP server, the link followed from that mail. And what a stranger
cannot learn: a known or refused address gets the very same answer, and at most one mail
per period."""

from __future__ import annotations

import io
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult
from wagtail.models import Locale

from newsletters.models import Consent, Contact, Signup, Suppression
from newsletters.subscriptions import CONFIRMATION_MAIL_PERIOD, request_signup
from newsletters.tokens import make_token
from tests.newsletters.factories import ConsentFactory, ContactFactory, demo_theme
from tests.newsletters.signup_helpers import html_of, links_in, path_of, signup_data, text_of

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/lettres/inscription/"
SENT_URL = "/lettres/inscription/envoyee/"


@pytest.fixture
def post_signup(client, django_capture_on_commit_callbacks):
    """Posts the sign-up form as a browser does; the mail's task is queued on commit."""

    def post(data: dict, url: str = SIGNUP_URL):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def confirmation_link(smtp, address: str) -> str:
    [delivery] = [d for d in smtp.mailbox.deliveries if d.recipients == [address]]
    [link] = links_in(delivery.message)["text"]
    return link


def test_double_opt_in_from_the_form_to_the_consents(client, post_signup, smtp, worker):
    page = client.get(SIGNUP_URL)
    assert page.status_code == 200
    assert "Culture" in page.text and "Travaux" in page.text
    assert "csrfmiddlewaretoken" not in page.text  # guarded by core.cross_origin

    response = post_signup(signup_data("Claire.Martin@Example.org ", "culture", "travaux"))
    assert (response.status_code, response.url) == (302, SENT_URL)
    assert "Vérifiez votre boîte de réception" in client.get(SENT_URL).text
    assert not Contact.objects.filter(email="claire.martin@example.org").exists()

    worker()
    [delivery] = smtp.mailbox.deliveries
    message = delivery.message
    assert delivery.recipients == ["claire.martin@example.org"]
    assert message["Subject"].startswith("Confirmez votre inscription aux lettres de ")
    assert message.get_content_type() == "multipart/alternative"
    assert "Culture" in text_of(message) and "Travaux" in text_of(message)
    assert '<html lang="fr">' in html_of(message)
    links = links_in(message)
    assert len(links["text"]) == 1 and links["html"] == links["text"]
    assert path_of(links["text"][0]).startswith("/lettres/confirmer/")

    confirmed = client.get(path_of(links["text"][0]))
    assert confirmed.status_code == 200
    assert "Merci ! Votre inscription est confirmée." in confirmed.text
    contact = Contact.objects.get(email="claire.martin@example.org")
    consents = list(contact.consents.order_by("theme__slug"))
    assert [(c.theme.slug, c.channel, c.source) for c in consents] == [
        ("culture", "email", "site"),
        ("travaux", "email", "site"),
    ]
    for consent in consents:
        assert consent.withdrawn_at is None
        assert consent.given_at <= timezone.now()
        assert consent.wording.startswith("En m'inscrivant, j'accepte de recevoir par courriel")
        assert "Thèmes cochés : Culture, Travaux" in consent.wording
        # The statement is what the form showed, word for word.
        assert consent.wording.split("\n")[0] in page.text.replace("&#x27;", "'")

    # The confirmation page leads to the preference centre, which works, and where the
    # same themes may be chosen by SMS.
    assert "indiquez votre numéro de mobile dans vos préférences" in confirmed.text
    preferences = confirmed.context["preferences_url"]
    assert client.get(preferences).status_code == 200


def test_the_mail_waits_for_a_refusing_server_then_leaves_once(post_signup, smtp, worker):
    smtp.mailbox.refuse = "451 4.3.0 Service momentanément indisponible"
    response = post_signup(signup_data("patiente@example.org", "culture"))
    assert response.status_code == 302  # the resident is not kept waiting
    worker()
    assert smtp.mailbox.deliveries == []
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now()

    smtp.mailbox.refuse = None
    worker.wait()
    worker()
    assert smtp.mailbox.recipients() == ["patiente@example.org"]
    worker.wait()
    worker()
    assert len(smtp.mailbox.deliveries) == 1


def test_a_replayed_link_says_already_confirmed_and_changes_nothing(
    client, post_signup, smtp, worker
):
    post_signup(signup_data("paul@example.org", "culture"))
    worker()
    link = path_of(confirmation_link(smtp, "paul@example.org"))
    assert "Votre inscription est confirmée" in client.get(link).text
    given = Consent.objects.get(contact__email="paul@example.org")

    replay = client.get(link)
    assert replay.status_code == 200
    assert "Inscription déjà confirmée" in replay.text
    assert list(Consent.objects.filter(contact__email="paul@example.org")) == [given]


def test_a_second_sign_up_sends_one_mail_per_period_and_says_the_same_for_a_known_address(
    client, post_signup, smtp, worker
):
    ConsentFactory(contact=ContactFactory(email="connue@example.org"))
    answers = [
        post_signup(signup_data("connue@example.org", "culture")),
        post_signup(signup_data("inconnue@example.org", "culture")),
        post_signup(signup_data("connue@example.org", "sport")),
        post_signup(signup_data("inconnue@example.org", "sport")),
    ]
    assert {(a.status_code, a.url) for a in answers} == {(302, SENT_URL)}
    worker()
    assert smtp.mailbox.recipients() == ["connue@example.org", "inconnue@example.org"]

    # After the period, asking again sends a new mail (with the latest themes).
    Signup.objects.update(mailed_at=timezone.now() - CONFIRMATION_MAIL_PERIOD - timedelta(1))
    post_signup(signup_data("inconnue@example.org", "sport"))
    worker()
    assert smtp.mailbox.recipients() == [
        "connue@example.org",
        "inconnue@example.org",
        "inconnue@example.org",
    ]
    assert [t.slug for t in Signup.objects.get(email="inconnue@example.org").themes.all()] == [
        "sport"
    ]


def test_a_known_contact_who_confirms_new_themes_keeps_the_old_consent(
    client, post_signup, smtp, worker
):
    old = ConsentFactory(contact=ContactFactory(email="fidele@example.org"))
    post_signup(signup_data("fidele@example.org", "culture", "sport"))
    worker()
    client.get(path_of(confirmation_link(smtp, "fidele@example.org")))
    live = Consent.objects.filter(contact=old.contact, withdrawn_at__isnull=True)
    assert sorted((c.theme.slug, c.pk == old.pk) for c in live) == [
        ("culture", True),
        ("sport", False),
    ]


def test_a_suppressed_address_is_refused_quietly(client, post_signup, smtp, worker):
    Suppression.add("email", "rejetee@example.org", Suppression.Reason.HARD_BOUNCE)
    refused = post_signup(signup_data("Rejetee@example.org", "culture"))
    accepted = post_signup(signup_data("acceptee@example.org", "culture"))
    assert (refused.status_code, refused.url) == (accepted.status_code, accepted.url)
    worker()
    assert smtp.mailbox.recipients() == ["acceptee@example.org"]
    assert not Signup.objects.filter(email="rejetee@example.org").exists()


def test_the_form_in_english_sends_a_link_to_the_english_pages(client, post_signup, smtp, worker):
    with translation.override("en"):
        url = reverse("newsletters:signup")
    assert url.startswith("/en/")
    post_signup(signup_data("reader@example.org", "culture"), url=url)
    worker()
    [delivery] = smtp.mailbox.deliveries
    assert '<html lang="en">' in html_of(delivery.message)
    link = path_of(confirmation_link(smtp, "reader@example.org"))
    assert link.startswith("/en/")
    assert client.get(link).status_code == 200
    assert Contact.objects.get(email="reader@example.org").language == "en"


def test_english_theme_choices_are_recorded_as_the_source_themes(client):
    """A consent given on the English page names the theme a French segment selects."""
    english = demo_theme("culture").get_translation_or_none(Locale.objects.get(language_code="en"))
    if english is None:
        pytest.skip("the demo has no English themes")
    request_signup("bilingue@example.org", [english.pk], "en", "I agree.")
    assert [t.pk for t in Signup.objects.get(email="bilingue@example.org").themes.all()] == [
        demo_theme("culture").pk
    ]


# -- bad input ------------------------------------------------------------------------------


def test_an_invalid_address_and_no_theme_get_clear_french_errors(post_signup, smtp, worker):
    response = post_signup({"email": "claire.martin-at-example.org", "themes": []})
    assert response.status_code == 400
    assert "Le formulaire contient 2 erreurs" in response.text
    assert "Cette adresse électronique n&#x27;est pas valide" in response.text
    assert "Choisissez au moins un thème." in response.text
    # Nothing typed is lost.
    assert 'value="claire.martin-at-example.org"' in response.text

    empty = post_signup({})
    assert "Indiquez votre adresse électronique." in empty.text
    too_long = post_signup(signup_data("a" * 250 + "@example.org", "culture"))
    assert "Cette adresse électronique est trop longue." in too_long.text
    worker()
    assert smtp.mailbox.deliveries == []
    assert not Signup.objects.exists()


@pytest.mark.parametrize("themes", [["999999"], ["culture"], ["1 OR 1=1"], ["-1"]])
def test_themes_that_do_not_exist_are_refused(post_signup, themes):
    response = post_signup({"email": "claire@example.org", "themes": themes})
    assert response.status_code == 400
    assert "Choisissez les thèmes dans la liste proposée." in response.text
    assert not Signup.objects.exists()


def test_the_hidden_field_filled_by_a_robot_gets_the_same_answer_and_no_mail(
    post_signup, smtp, worker
):
    response = post_signup({**signup_data("robot@example.org", "culture"), "site_web": "x"})
    assert (response.status_code, response.url) == (302, SENT_URL)
    worker()
    assert smtp.mailbox.deliveries == []


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_FETCH_SITE": "cross-site"}, {"HTTP_ORIGIN": "https://pieges.example"}],
)
def test_a_post_forged_by_another_site_is_refused(headers):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        SIGNUP_URL, signup_data("claire@example.org", "culture"), **headers
    )
    assert response.status_code == 403
    assert "depuis le site de la ville" in response.content.decode()
    assert not Signup.objects.exists()


def test_the_form_works_without_a_token_from_the_town_s_own_pages():
    """The block's page is cached for every reader, so it carries no per-visitor token."""
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        SIGNUP_URL,
        signup_data("claire@example.org", "culture"),
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_ORIGIN="http://testserver",
    )
    assert (response.status_code, response.url) == (302, SENT_URL)
    assert Signup.objects.filter(email="claire@example.org").exists()


def test_many_sign_ups_from_one_client_are_slowed_down(client):
    statuses = [
        client.post(SIGNUP_URL, signup_data(f"n{i}@example.org", "culture")).status_code
        for i in range(12)
    ]
    assert statuses[:10] == [302] * 10
    assert statuses[10:] == [429, 429]


def confirm_path(token: str) -> str:
    return reverse("newsletters:confirm", args=[token])


def test_a_tampered_link_says_so_and_offers_to_sign_up_again(client):
    request_signup("claire@example.org", [demo_theme("culture").pk], "fr", "J'accepte.")
    token = make_token("confirm", Signup.objects.get().pk)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = client.get(confirm_path(tampered))
    assert response.status_code == 400
    assert "Ce lien est incomplet ou a été modifié" in response.text
    assert SIGNUP_URL in response.text
    # Another purpose's token is no confirmation either.
    assert client.get(confirm_path(make_token("preferences", 1))).status_code == 400
    assert not Contact.objects.exists()


def test_an_expired_link_says_so_and_confirms_nothing(client, monkeypatch, settings):
    request_signup("claire@example.org", [demo_theme("culture").pk], "fr", "J'accepte.")
    signup = Signup.objects.get()
    days_ago = settings.NEWSLETTER_CONFIRMATION_DAYS + 1
    with monkeypatch.context() as patch:
        patch.setattr(
            signing.TimestampSigner,
            "timestamp",
            lambda self: signing.b62_encode(int(time.time()) - days_ago * 86400),
        )
        token = make_token("confirm", signup.pk)
    response = client.get(confirm_path(token))
    assert response.status_code == 410
    assert "Ce lien de confirmation a expiré" in response.text
    assert SIGNUP_URL in response.text
    assert not Contact.objects.exists()

    # Once confirmed, an old link only says so.
    client.get(confirm_path(make_token("confirm", signup.pk)))
    assert "Inscription déjà confirmée" in client.get(confirm_path(token)).text


GARBAGE = ["x", "0", "a" * 3000, "%00", "%C3%A9t%C3%A9", "..%2F..", "abc:def:ghi", "::", "%FF"]


@pytest.mark.parametrize("token", GARBAGE)
@pytest.mark.parametrize(
    "name, methods",
    [
        ("confirm", ["get"]),
        ("preferences", ["get", "post"]),
        ("my_data", ["get"]),
        ("erase", ["get", "post"]),
        ("unsubscribe", ["get", "post"]),
    ],
)
def test_garbage_tokens_never_answer_500(client, name, methods, token):
    path = reverse(f"newsletters:{name}", args=["TOKEN"]).replace("TOKEN", token)
    for method in methods:
        response = getattr(client, method)(path)
        assert 400 <= response.status_code < 500, (method, path, response.status_code)
    assert not Contact.objects.exists()


# -- purge ----------------------------------------------------------------------------------


def test_the_purge_command_deletes_old_unconfirmed_sign_ups_only():
    culture = [demo_theme("culture").pk]
    for address in ("ancienne@example.org", "recente@example.org", "confirmee@example.org"):
        request_signup(address, culture, "fr", "J'accepte.")
    now = timezone.now()
    Signup.objects.filter(email="ancienne@example.org").update(created_at=now - timedelta(10))
    Signup.objects.filter(email="confirmee@example.org").update(
        created_at=now - timedelta(10), confirmed_at=now - timedelta(1)
    )
    out = io.StringIO()
    call_command("purge_newsletter_signups", stdout=out)
    assert out.getvalue().strip() == "1 sign-up(s) deleted"
    assert sorted(Signup.objects.values_list("email", flat=True)) == [
        "confirmee@example.org",
        "recente@example.org",
    ]
    call_command("purge_newsletter_signups", "--days=0", stdout=out)
    assert list(Signup.objects.values_list("email", flat=True)) == ["confirmee@example.org"]


def test_a_mobile_given_at_sign_up_receives_the_same_themes_by_sms_once_confirmed(
    client, post_signup, smtp, worker
):
    data = {**signup_data("louise.bernard@example.org", "culture"), "phone": "06 12 34 56 78"}
    page = client.get(SIGNUP_URL)
    assert post_signup(data).status_code == 302
    worker()
    assert not Consent.objects.filter(contact__email="louise.bernard@example.org").exists()

    client.get(path_of(confirmation_link(smtp, "louise.bernard@example.org")))

    contact = Contact.objects.get(email="louise.bernard@example.org")
    assert contact.phone == "+33612345678"
    [sms_consent] = contact.consents.filter(channel="sms")
    assert (sms_consent.theme.slug, sms_consent.source) == ("culture", "site")
    assert sms_consent.wording.startswith("Si j'indique mon numéro de mobile, j'accepte aussi")
    assert sms_consent.wording.split("\n")[0] in page.text.replace("&#x27;", "'")
    assert contact.consents.filter(channel="email").count() == 1


def test_a_landline_at_sign_up_gets_a_clear_french_message_and_keeps_what_was_typed(
    post_signup, smtp, worker
):
    data = {**signup_data("louise.bernard@example.org", "culture"), "phone": "01 40 20 30 40"}
    response = post_signup(data)

    assert response.status_code == 400
    assert "Ce numéro est un fixe" in response.text
    assert 'value="01 40 20 30 40"' in response.text
    assert 'value="louise.bernard@example.org"' in response.text
    assert not Signup.objects.exists()
