"""The letters on the site: the archive lists the letters sent, newest first, and a letter's
address shows its web version, the one frozen when its campaign started (what the
recipients got), or the live rendering before that. Both pass axe-core and stay within the
page budgets in headless Chromium."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Locale

from accessibility.axe import AxeResult, audit_page
from accessibility.browser import chromium
from accessibility.budget import BudgetResult, measure_and_judge
from accessibility.pages import PageTarget
from news.models import NewsIndexPage
from newsletters.models import Campaign
from newsletters.rendering import freeze_campaign
from tests.factories import ImageFactory
from tests.newsletters.factories import (
    CampaignFactory,
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    NewsPageFactory,
    demo_theme,
)

pytestmark = pytest.mark.django_db


def sent(letter, days_ago: int) -> Campaign:
    """A campaign of the letter that started and finished `days_ago` days ago."""
    when = timezone.now() - timedelta(days=days_ago)
    campaign = CampaignFactory(page=letter, scheduled_at=when, started_at=when)
    freeze_campaign(campaign)
    campaign.status = Campaign.Status.SENT
    campaign.finished_at = when + timedelta(minutes=10)
    campaign.save()
    return campaign


@pytest.fixture
def archive(home):
    return NewsletterIndexPageFactory(parent=home)


def test_the_archive_lists_sent_letters_newest_first(client, archive):
    older = NewsletterPageFactory(parent=archive, title="Lettre de janvier")
    newer = NewsletterPageFactory(parent=archive, title="Lettre de février")
    NewsletterPageFactory(parent=archive, title="Lettre jamais envoyée")
    scheduled = NewsletterPageFactory(parent=archive, title="Lettre programmée")
    CampaignFactory(page=scheduled, scheduled_at=timezone.now() + timedelta(days=1))
    withdrawn = NewsletterPageFactory(parent=archive, title="Lettre retirée du site")
    sent(older, days_ago=40)
    sent(newer, days_ago=10)
    sent(withdrawn, days_ago=5)
    withdrawn.unpublish()

    html = client.get(archive.url).content.decode()

    assert html.index("Lettre de février") < html.index("Lettre de janvier")
    for absent in ("Lettre jamais envoyée", "Lettre programmée", "Lettre retirée du site"):
        assert absent not in html
    sent_on = timezone.localtime(newer.campaigns.get().finished_at).date()
    assert f'<time datetime="{sent_on.isoformat()}">' in html


def test_an_empty_archive_says_so(client, archive):
    assert "encore été envoyée." in client.get(archive.url).content.decode()


def test_before_sending_the_letter_shows_todays_content(client, archive):
    letter = NewsletterPageFactory(parent=archive, body=[{"type": "latest_news", "value": {}}])
    news_index = NewsIndexPage.objects.get(locale__language_code="fr")
    NewsPageFactory(parent=news_index, title="Nouvelle exposition", themes=[demo_theme()])
    html = client.get(letter.url).content.decode()
    assert f"<h1>{letter.title}</h1>" in html
    assert "Nouvelle exposition" in html


def test_once_sent_the_letter_shows_what_recipients_got(client, archive):
    letter = NewsletterPageFactory(parent=archive, body=[{"type": "latest_news", "value": {}}])
    news_index = NewsIndexPage.objects.get(locale__language_code="fr")
    NewsPageFactory(parent=news_index, title="Avant l'envoi", themes=[demo_theme()])
    sent(letter, days_ago=1)
    NewsPageFactory(
        parent=news_index,
        title="Après l'envoi",
        themes=[demo_theme()],
        date=timezone.localdate() + timedelta(days=1),
    )
    html = client.get(letter.url).content.decode()
    assert "Avant l&#x27;envoi" in html
    assert "Après l&#x27;envoi" not in html
    assert "%%" not in html


def test_each_language_shows_its_own_frozen_edition(client, archive):
    letter = NewsletterPageFactory(parent=archive, title="Lettre culture")
    english = letter.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = "Culture letter"
    english.save_revision().publish()
    english_archive = english.get_parent().specific  # an alias of the French archive
    sent(letter, days_ago=1)

    english.refresh_from_db()
    html = client.get(english.url).content.decode()
    assert "<h1>Culture letter</h1>" in html
    assert 'lang="en"' in html
    assert "Culture letter" in client.get(english_archive.url).content.decode()


# -- In the browser --------------------------------------------------------------------------


@dataclass
class Visit:
    axe: list[AxeResult] = field(default_factory=list)
    budgets: list[BudgetResult] = field(default_factory=list)


def _committed_letter() -> tuple[list[PageTarget], list[int]]:
    """An archive with a sent letter of every block type, committed for the live server;
    returns the pages to visit and the ids to delete afterwards."""
    from wagtail.models import Page

    from procedures.models import ProcedurePage
    from tests.newsletters.factories import all_blocks_body

    home = Page.objects.get(depth=2, locale__language_code="fr")
    archive = NewsletterIndexPageFactory(parent=home, slug="lettres-navigateur")
    procedure = ProcedurePage.objects.live().filter(locale__language_code="fr").first()
    letter = NewsletterPageFactory(
        parent=archive,
        title="La lettre culture d'avril",
        body=all_blocks_body(ImageFactory(title="Lettre navigateur"), procedure, procedure),
    )
    campaign = sent(letter, days_ago=1)
    targets = [
        PageTarget("newsletter archive", "fr", archive.url),
        PageTarget("newsletter", "fr", letter.url),
    ]
    return targets, [campaign.pk, archive.pk, letter.segment_id]


def _clean_up(campaign_id: int, archive_id: int, segment_id: int) -> None:
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from newsletters.models import Segment

    Campaign.objects.filter(pk=campaign_id).delete()
    Page.objects.filter(pk=archive_id).delete()
    Segment.objects.filter(pk=segment_id).delete()
    get_image_model().objects.filter(title="Lettre navigateur").delete()


@pytest.fixture(scope="module")
def visit(django_db_setup, django_db_blocker) -> Visit:
    """The module's own live server (see tests/browser/test_display_settings.py for why not
    the live_server fixture), on data committed for it and taken out afterwards."""
    result = Visit()
    with django_db_blocker.unblock():
        targets, ids = _committed_letter()
        live_server = LiveServer("localhost")
        try:
            with chromium() as browser:
                for target in targets:
                    result.axe.append(audit_page(browser, live_server.url, target))
                    result.budgets.append(measure_and_judge(browser, live_server.url, target))
        finally:
            live_server.stop()
            _clean_up(*ids)
    return result


@pytest.mark.browser
def test_the_archive_and_the_letter_pass_axe_core(visit):
    assert [(result.target.page_type, result.violations, result.error) for result in visit.axe] == [
        ("newsletter archive", [], ""),
        ("newsletter", [], ""),
    ]


@pytest.mark.browser
def test_the_archive_and_the_letter_stay_within_the_page_budgets(visit):
    failing = [
        (result.target.page_type, result.measurement, result.error)
        for result in visit.budgets
        if result.failed
    ]
    assert failing == []
