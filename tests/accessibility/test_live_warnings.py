"""The accessibility warnings follow the editor and reach the reviewer: the page editor's
panel answers the unsaved form (as the live preview does), and the webmaster's dashboard lists
the warnings of the revisions awaiting their review."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Revision
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import SectionPage
from tests.factories import ContentPageFactory, UserFactory, login_verified, page_form_data

pytestmark = pytest.mark.django_db

VAGUE = '<p>Le programme : <a href="https://example.org/programme">cliquez ici</a>.</p>'
CLEAR = '<p>Le <a href="https://example.org/programme">programme de la saison</a>.</p>'


@pytest.fixture
def section(home):
    return SectionPage.objects.child_of(home).get(slug="culture-sport")


def with_body(page_fields: dict, html: str) -> dict:
    """The editor's form with one paragraph in the body, as Draftail sends it."""
    body = nested_form_data({"body": streamfield([("paragraph", rich_text(html))])})
    return {**page_form_data(**page_fields), **body}


def edit_url(page) -> str:
    return reverse("commune_page_warnings_on_edit", args=[page.pk])


def test_the_editor_tells_the_script_where_to_send_the_form(client, section):
    page = ContentPageFactory(parent=section)
    login_verified(client, UserFactory(is_superuser=True))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert f'data-accessibility-warnings-url="{edit_url(page)}"' in html
    assert "core/admin/page-warnings.js" in html
    add = reverse("wagtailadmin_pages:add", args=["core", "contentpage", section.pk])
    html = client.get(add).content.decode()
    url = reverse("commune_page_warnings_on_create", args=["core", "contentpage", section.pk])
    assert f'data-accessibility-warnings-url="{url}"' in html


def test_the_panel_checks_what_the_editor_typed_without_saving_it(client, section):
    page = ContentPageFactory(parent=section, title="Saison culturelle")
    revisions = Revision.objects.for_instance(page).count()
    login_verified(client, UserFactory(is_superuser=True))

    response = client.post(edit_url(page), with_body({"title": page.title}, VAGUE))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-rule="vague_link"' in html
    assert "Lien peu explicite « cliquez ici »" in html
    assert "avant même l'enregistrement" in html
    # Nothing saved: the draft and its warnings stay as they were.
    assert Revision.objects.for_instance(page).count() == revisions


def test_the_panel_clears_once_the_link_says_where_it_leads(client, section):
    page = ContentPageFactory(parent=section, body=[{"type": "paragraph", "value": VAGUE}])
    login_verified(client, UserFactory(is_superuser=True))

    response = client.post(edit_url(page), with_body({"title": page.title}, CLEAR))

    assert response.status_code == 200
    assert "data-rule=" not in response.content.decode()
    assert "Aucun problème d'accessibilité détecté dans votre saisie" in response.content.decode()


def test_a_new_page_is_checked_before_its_first_save(client, section):
    login_verified(client, UserFactory(groups=["Service culture et sports"]))
    url = reverse("commune_page_warnings_on_create", args=["core", "contentpage", section.pk])

    response = client.post(url, with_body({"title": "Nouvelle page"}, VAGUE))

    assert response.status_code == 200
    assert 'data-rule="vague_link"' in response.content.decode()


def test_an_invalid_form_leaves_the_panel_as_it_is(client, section):
    page = ContentPageFactory(parent=section)
    login_verified(client, UserFactory(is_superuser=True))
    response = client.post(edit_url(page), with_body({"slug": "pas un slug !"}, VAGUE))
    assert response.status_code == 204


def test_only_the_pages_editors_get_its_warnings(client, home):
    other = SectionPage.objects.child_of(home).get(slug="enfance-education")
    page = ContentPageFactory(parent=other)
    login_verified(client, UserFactory(groups=["Service culture et sports"]))
    response = client.post(edit_url(page), with_body({"title": page.title}, VAGUE))
    # Wagtail's admin turns the refusal into a redirect to the dashboard.
    assert response.status_code in (302, 403)
    assert "vague_link" not in response.content.decode()


def submitted(section, html: str, title: str):
    """A contributor's page with `html` in its body, submitted to the webmasters."""
    contributor = UserFactory(groups=["Service culture et sports"])
    page = ContentPageFactory(
        parent=section,
        title=title,
        body=[{"type": "paragraph", "value": html}],
        publish=False,
        live=False,
    )
    page.save_revision(user=contributor)
    page.get_workflow().start(page, contributor)
    return page


def test_the_reviewer_sees_the_warnings_of_the_revisions_to_review(client, section):
    vague = submitted(section, VAGUE, "Saison culturelle")
    clear = submitted(section, CLEAR, "Saison des concerts")
    login_verified(client, UserFactory(groups=["Webmestres"]))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Accessibilité des pages à relire" in html
    assert f'data-review-warnings="{vague.pk}"' in html
    assert "Lien peu explicite « cliquez ici »" in html
    assert f'data-review-warnings="{clear.pk}"' not in html


def test_the_reviewer_sees_the_submitted_revision_not_a_later_draft(client, section):
    page = submitted(section, VAGUE, "Saison culturelle")
    # A later draft fixes the link; the revision under review still has it.
    page.body = [{"type": "paragraph", "value": CLEAR}]
    page.save_revision()
    login_verified(client, UserFactory(groups=["Webmestres"]))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'data-review-warnings="{page.pk}"' in html


def test_no_review_panel_without_warnings_to_review(client, section):
    submitted(section, CLEAR, "Saison des concerts")
    login_verified(client, UserFactory(groups=["Webmestres"]))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Accessibilité des pages à relire" not in html
