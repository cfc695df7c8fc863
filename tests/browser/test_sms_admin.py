"""The SMS admin in headless Chromium: the form's counter as the editor types (the figures
the server computes for the same text, the recipients of the chosen segment fetched from the
server, a polite announcement once typing pauses) and the status page of a sent campaign.
No axe-core violation on either page.

As in test_newsletter_pages.py, the pages are visited once for the module on a live server,
and each test reads its part of the results; the rows the visit needs are committed, then
deleted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer

from accessibility.axe import Violation, run_axe
from accessibility.browser import chromium, fresh_page, visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE_PREFIX = "+336199900"
TITLE = "Alerte canicule (navigateur)"
# Typed in the form: an accent outside GSM (UCS-2), the euro sign, a line break.
TYPED = "Fête de la musique : 5 € la buvette.\nÀ ce soir !"
FIGURES = ["encoding", "characters", "units", "segments", "per_segment", "recipients", "total"]


@dataclass
class Visit:
    typed_figures: dict[str, str] = field(default_factory=dict)
    server_figures: dict[str, str] = field(default_factory=dict)
    outgoing: str = ""
    too_long_hidden: bool = True
    ucs_hidden: bool = True
    announced: str = ""
    form_axe: list[Violation] = field(default_factory=list)
    status_numbers: list[str] = field(default_factory=list)
    status_axe: list[Violation] = field(default_factory=list)


def _make_rows() -> dict:
    """A webmaster, three mobiles in an SMS segment, and a sent SMS with its campaign; the
    figures the server computes for the text the browser will type."""
    from newsletters.models import Campaign, Channel, Delivery, SmsMessage
    from newsletters.sms_counter import figures_for
    from newsletters.sms_window import window_for_site
    from tests.factories import UserFactory, login_verified
    from tests.newsletters.factories import (
        ConsentFactory,
        ContactFactory,
        DeliveryFactory,
        SegmentFactory,
        demo_theme,
    )

    user = UserFactory(groups=["Webmestres"])
    client = Client()
    login_verified(client, user)
    segment = SegmentFactory(name="Canicule (navigateur)", channel=Channel.SMS)
    contacts = []
    for n in range(3):
        contact = ContactFactory(email=None, phone=f"{PHONE_PREFIX}{n:02d}")
        ConsentFactory(contact=contact, theme=demo_theme(), channel=Channel.SMS)
        contacts.append(contact)
    sms = SmsMessage.objects.create(
        title=TITLE,
        segment=segment,
        sender="VILLENEUVE",
        text="Fortes chaleurs : la salle des fêtes est ouverte et climatisée.",
        sent_text="Fortes chaleurs : la salle des fêtes est ouverte et climatisée.\nSTOP",
        segments=1,
    )
    campaign = Campaign.objects.create(
        sms=sms,
        segment=segment,
        channel=Channel.SMS,
        status=Campaign.Status.SENT,
        scheduled_at=timezone.now(),
        started_at=timezone.now(),
        finished_at=timezone.now(),
    )
    states = [Delivery.State.DELIVERED, Delivery.State.UNKNOWN, Delivery.State.FAILED]
    for contact, state in zip(contacts, states, strict=True):
        DeliveryFactory(campaign=campaign, contact=contact, state=state, error="")
    server = figures_for(TYPED, urgent=False, recipients=3, town=window_for_site()).shown()
    return {
        "server_figures": {name: server[name] for name in FIGURES},
        "user": user,
        "session": client.cookies["sessionid"].value,
        "segment": segment,
        "sms": sms,
        "campaign": campaign,
    }


def _clean_up(made: dict) -> None:
    from newsletters.models import Campaign, Contact, Segment, SmsMessage

    if "campaign" in made:
        Campaign.objects.filter(pk=made["campaign"].pk).delete()
    SmsMessage.objects.filter(segment__name="Canicule (navigateur)").delete()
    Segment.objects.filter(name="Canicule (navigateur)").delete()
    Contact.objects.filter(phone__startswith=PHONE_PREFIX).delete()
    if "user" in made:
        made["user"].delete()


def _signed_in(page, base_url: str, session: str) -> None:
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": base_url}])


def _figures(page) -> dict[str, str]:
    return {
        name: page.locator(f'.sms-counter [data-figure="{name}"]').inner_text() for name in FIGURES
    }


def _fill_form(page, result: Visit, made: dict) -> None:
    page.select_option("#id_segment", str(made["segment"].pk))
    page.locator("#id_text").fill(TYPED)
    page.wait_for_function(
        "() => document.querySelector('.sms-counter [data-figure=recipients]').textContent === '3'"
    )
    result.typed_figures = _figures(page)
    result.outgoing = page.locator("[data-sms-outgoing]").inner_text()
    result.too_long_hidden = page.locator("[data-sms-too-long]").is_hidden()
    result.ucs_hidden = page.locator("[data-sms-ucs]").is_hidden()
    page.wait_for_function("() => document.querySelector('[data-sms-announce]').textContent !== ''")
    result.announced = page.locator("[data-sms-announce]").inner_text()


@pytest.fixture(scope="module")
def sms_visit(django_db_setup, django_db_blocker) -> Visit:
    result = Visit()
    with django_db_blocker.unblock():
        made: dict = {}
        live_server = LiveServer("localhost")
        try:
            made = _make_rows()
            result.server_figures = made["server_figures"]
            base = live_server.url
            with chromium() as browser:
                # axe-core is injected inline, hence a context that bypasses the CSP.
                with fresh_page(browser, bypass_csp=True) as page:
                    _signed_in(page, base, made["session"])
                    visit(page, base + reverse("newsletters_sms:add"))
                    _fill_form(page, result, made)
                    result.form_axe = run_axe(page)
                with fresh_page(browser, bypass_csp=True) as page:
                    _signed_in(page, base, made["session"])
                    visit(page, base + reverse("newsletters_sms:inspect", args=[made["sms"].pk]))
                    result.status_numbers = page.locator(
                        "#sms-recipients ~ table tbody td:first-child"
                    ).all_inner_texts()
                    result.status_axe = run_axe(page)
        finally:
            live_server.stop()
            _clean_up(made)
    return result


def test_the_counter_shows_what_the_server_computes(sms_visit):
    assert sms_visit.typed_figures == sms_visit.server_figures
    assert sms_visit.typed_figures["encoding"] == "UCS-2"
    assert sms_visit.typed_figures["recipients"] == "3"


def test_the_counter_shows_the_message_with_its_mention(sms_visit):
    assert sms_visit.outgoing.startswith("Fête de la musique")
    assert sms_visit.outgoing.endswith("STOP au 36111")
    assert sms_visit.too_long_hidden
    assert not sms_visit.ucs_hidden  # the ê: the reason for UCS-2 is explained


def test_the_figures_are_announced_once_typing_pauses(sms_visit):
    assert "Segments par message : " in sms_visit.announced
    assert "Coût estimé : " in sms_visit.announced


def test_the_status_page_masks_the_numbers(sms_visit):
    assert sms_visit.status_numbers == [
        "+33 6 •• •• •• 00",
        "+33 6 •• •• •• 01",
        "+33 6 •• •• •• 02",
    ]


def test_no_axe_violation_on_the_form_with_its_counter(sms_visit):
    assert sms_visit.form_axe == []


def test_no_axe_violation_on_the_status_page(sms_visit):
    assert sms_visit.status_axe == []
