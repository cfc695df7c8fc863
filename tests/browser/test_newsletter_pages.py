"""The letters' public pages in headless Chromium, in French and in English: the sign-up
form (in a page's body, on the letters' page, on its own page and with its error messages),
the confirmation, the preference centre (and its answer to a landline given for SMS), the
erasure step and the unsubscribe page. No axe-core violation, the eco-design budgets of
every page, and valid HTML.

As in test_pages.py, the pages are visited once for the module on a live server, and each
test reads its part of the results; the rows the visit needs are committed, then deleted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale, Page

from accessibility import report
from accessibility.axe import AxeResult, audit_pages, run_axe
from accessibility.browser import chromium, fresh_page
from accessibility.budget import BudgetResult, measure_pages
from accessibility.html import HtmlResult, validate_documents, validate_pages
from accessibility.pages import PageTarget

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

EMAIL = "axe.lettres@example.org"
LANDLINE = "01 23 45 67 89"


@dataclass
class ErrorPage:
    """A form's answer to mistakes, as the browser got it (status, served HTML, what the
    boxes still hold) and as axe-core sees it."""

    status: int = 0
    texts: list[str] = field(default_factory=list)
    axe: list = field(default_factory=list)
    html: list = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)


@dataclass
class Visit:
    targets: list[PageTarget] = field(default_factory=list)
    axe: list[AxeResult] = field(default_factory=list)
    budgets: list[BudgetResult] = field(default_factory=list)
    html: list[HtmlResult] = field(default_factory=list)
    signup_errors: ErrorPage = field(default_factory=ErrorPage)
    preferences_errors: ErrorPage = field(default_factory=ErrorPage)


def _path(name: str, language: str, *args) -> str:
    with translation.override(language):
        return reverse(f"newsletters:{name}", args=args)


def _make_rows() -> dict:
    """The pages and the audience rows the visit needs, committed for the live server."""
    from core.models import Theme
    from home.models import HomePage
    from newsletters.models import NewsletterIndexPage, Signup
    from newsletters.subscriptions import request_signup
    from newsletters.tokens import make_token
    from tests.factories import ContentPageFactory
    from tests.newsletters.factories import ConsentFactory, ContactFactory, DeliveryFactory

    french = Locale.get_default()
    home = HomePage.objects.get(depth=2, locale=french)
    culture, sport = (Theme.objects.get(slug=s, locale=french) for s in ("culture", "sport"))
    index = NewsletterIndexPage(title="Lettres d'information", slug="lettres-information-axe")
    home.add_child(instance=index)
    index.save_revision().publish()
    block = {
        "type": "newsletter_signup",
        "value": {
            "heading": "Restez informé",
            "intro": "Une lettre par mois.",
            "themes": [culture.pk, sport.pk],
        },
    }
    content = ContentPageFactory(parent=home, slug="page-lettre-axe", body=json.dumps([block]))
    contact = ContactFactory(email=f"contact.{EMAIL}")
    ConsentFactory(contact=contact, theme=culture)
    delivery = DeliveryFactory(contact=contact)
    request_signup(EMAIL, [culture.pk], "fr", "J'accepte.")
    signup = Signup.objects.get(email=EMAIL)
    preferences, unsubscribe = (
        make_token("preferences", contact.pk),
        make_token("unsubscribe", delivery.pk),
    )
    targets = [
        PageTarget("newsletter block", "fr", content.url),
        PageTarget("newsletter index", "fr", index.url),
    ]
    for language in ("fr", "en"):
        targets += [
            PageTarget("sign-up form", language, _path("signup", language)),
            PageTarget("sign-up sent", language, _path("signup_sent", language)),
            PageTarget("preferences", language, _path("preferences", language, preferences)),
            PageTarget("erase step", language, _path("erase", language, preferences)),
            PageTarget("unsubscribe", language, _path("unsubscribe", language, unsubscribe)),
        ]
    targets.append(
        PageTarget("confirmation", "fr", _path("confirm", "fr", make_token("confirm", signup.pk)))
    )
    return {
        "targets": targets,
        "page_ids": [index.pk, content.pk],
        "delivery": delivery,
        "signup_path": _path("signup", "fr"),
        "preferences_path": _path("preferences", "fr", preferences),
    }


def _clean_up(made: dict) -> None:
    from newsletters.models import Campaign, Contact, Segment, Signup

    Page.objects.filter(pk__in=made.get("page_ids", [])).delete()
    delivery = made.get("delivery")
    if delivery is not None:
        campaign = Campaign.objects.get(pk=delivery.campaign_id)
        segment_id = campaign.segment_id
        campaign.delete()
        Segment.objects.filter(pk=segment_id).delete()
    Contact.objects.filter(email__endswith=EMAIL).delete()
    Signup.objects.filter(email=EMAIL).delete()


def _submit_with_mistakes(browser, url: str, typed: dict[str, str]) -> ErrorPage:
    """The page's first form sent with `typed` in its boxes (by their ids): the page that
    answers."""
    with fresh_page(browser, bypass_csp=True) as page:
        page.goto(url, wait_until="load")
        for box, text in typed.items():
            page.locator(f"#{box}").fill(text)
        with page.expect_navigation() as navigation:
            page.locator("main form button[type=submit]").first.click()
        response = navigation.value
        return ErrorPage(
            status=response.status,
            texts=page.locator(".error-summary li").all_inner_texts(),
            html=validate_documents([response.body()])[0],
            axe=run_axe(page),
            values={box: page.locator(f"#{box}").input_value() for box in typed},
        )


@pytest.fixture(scope="module")
def visit(django_db_setup, django_db_blocker) -> Visit:
    result = Visit()
    with django_db_blocker.unblock():
        made: dict = {}
        live_server = LiveServer("localhost")
        try:
            made = _make_rows()
            result.targets = made["targets"]
            with chromium() as browser:
                result.axe = audit_pages(browser, live_server.url, result.targets)
                result.budgets = measure_pages(browser, live_server.url, result.targets)
                result.signup_errors = _submit_with_mistakes(
                    browser, live_server.url + made["signup_path"], {}
                )
                result.preferences_errors = _submit_with_mistakes(
                    browser, live_server.url + made["preferences_path"], {"id_phone": LANDLINE}
                )
            result.html = validate_pages(live_server.url, result.targets)
        finally:
            live_server.stop()
            _clean_up(made)
    return result


def test_every_public_page_of_the_letters_is_checked(visit):
    assert len(visit.targets) == 13


def test_no_axe_violation(visit):
    failing = [result for result in visit.axe if result.failed]
    assert not failing, (
        f"axe-core violations on {len(failing)} page(s):\n"
        f"{report.axe_table(failing)}\n\n{report.axe_details(failing)}"
    )


def test_eco_design_budgets(visit):
    failing = [result for result in visit.budgets if result.failed]
    assert not failing, f"Budgets exceeded:\n{report.budget_table(visit.budgets)}"


def test_html_is_valid(visit):
    failing = [result for result in visit.html if result.failed]
    assert not failing, (
        f"Invalid HTML on {len(failing)} page(s):\n"
        f"{report.html_table(visit.html)}\n\n{report.html_details(failing)}"
    )


def test_the_form_with_mistakes_says_what_to_fix_accessibly(visit):
    errors = visit.signup_errors
    assert errors.status == 400
    assert errors.texts == [
        "Votre adresse électronique : Indiquez votre adresse électronique.",
        "Les thèmes qui vous intéressent : Choisissez au moins un thème.",
    ]
    assert errors.axe == []
    assert [m for m in errors.html if m.is_error] == []


def test_a_landline_for_sms_is_refused_accessibly_and_stays_in_its_box(visit):
    errors = visit.preferences_errors
    assert errors.status == 400
    assert errors.texts == [
        "Votre numéro de mobile : Ce numéro est un fixe : les SMS ne partent que vers un mobile."
    ]
    assert errors.values == {"id_phone": LANDLINE}
    assert errors.axe == []
    assert [m for m in errors.html if m.is_error] == []
