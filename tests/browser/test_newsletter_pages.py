"""The letters' public pages in headless Chromium, in French and in English: the sign-up
form (in a page's body, on the letters' page, on its own page and with its error messages),
the confirmation, the preference centre, the erasure step and the unsubscribe page. No
axe-core violation, the eco-design budgets of every page, and valid HTML.

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


@dataclass
class Visit:
    targets: list[PageTarget] = field(default_factory=list)
    axe: list[AxeResult] = field(default_factory=list)
    budgets: list[BudgetResult] = field(default_factory=list)
    html: list[HtmlResult] = field(default_factory=list)
    error_page_status: int = 0
    error_page_texts: list[str] = field(default_factory=list)
    error_page_axe: list = field(default_factory=list)
    error_page_html: list = field(default_factory=list)


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


def _submit_empty_form(browser, base_url: str, path: str, visit: Visit) -> None:
    """The sign-up form sent without address nor theme: the page that answers, as the
    browser got it (status, served HTML) and as axe-core sees it."""
    with fresh_page(browser, bypass_csp=True) as page:
        page.goto(base_url + path, wait_until="load")
        with page.expect_navigation() as navigation:
            page.locator("main form button[type=submit]").click()
        response = navigation.value
        visit.error_page_status = response.status
        visit.error_page_texts = page.locator(".error-summary li").all_inner_texts()
        visit.error_page_html = validate_documents([response.body()])[0]
        visit.error_page_axe = run_axe(page)


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
                _submit_empty_form(browser, live_server.url, made["signup_path"], result)
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
    assert visit.error_page_status == 400
    assert visit.error_page_texts == [
        "Votre adresse électronique : Indiquez votre adresse électronique.",
        "Les thèmes qui vous intéressent : Choisissez au moins un thème.",
    ]
    assert visit.error_page_axe == []
    assert [m for m in visit.error_page_html if m.is_error] == []
