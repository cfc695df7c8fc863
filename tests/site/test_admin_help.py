"""The admin's help leads to our French editors' guide, and the dashboard shows what an
editor does first: their drafts and the alerts on the site."""

import pytest
from django.urls import reverse

from core.guide import render_markdown
from core.models import SectionPage
from tests.factories import ContentPageFactory, UserFactory, login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributor(client):
    user = UserFactory(groups=["Service culture et sports"])
    login_verified(client, user)
    return user


def test_help_links_lead_to_our_guide(client, contributor):
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    guide = reverse("commune_editors_guide")
    assert f'href="{guide}"' in html  # the dashboard's account summary
    assert f'"url": "{guide}"' in html.replace("&quot;", '"')  # the help menu
    assert "guide.wagtail.org" not in html


def test_guide_is_served_in_french(client, contributor):
    response = client.get(reverse("commune_editors_guide"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Guide des éditeurs" in html
    assert '<h2 id="se-connecter">Se connecter</h2>' in html
    assert "<strong>code à usage unique</strong>" in html


def test_guide_needs_an_admin_account(client):
    response = client.get(reverse("commune_editors_guide"))
    assert response.status_code == 302


def test_markdown_lists_and_escaping():
    html = render_markdown("Texte <b>brut</b>\n\n- un **point**\n  qui continue\n- `code`\n")
    assert html == (
        "<p>Texte &lt;b&gt;brut&lt;/b&gt;</p>\n"
        "<ul><li>un <strong>point</strong> qui continue</li><li><code>code</code></li></ul>"
    )


def test_dashboard_shows_my_drafts_and_the_active_alert(client, contributor, home):
    section = SectionPage.objects.child_of(home).get(slug="culture-sport")
    ContentPageFactory(
        parent=section, title="Programme du festival", owner=contributor, publish=False
    ).save_revision(user=contributor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mes brouillons" in html
    assert "Programme du festival" in html
    assert "alerte en ce moment sur le site" in html
    assert "Travaux rue de la Lys" in html
