"""The admin editors use reads as French: no English left from Wagtail's (or its add-ons')
catalogs, and none of the awkward gender-neutral or plural forms of their French.

Each test fetches one admin page as the demo's webmaster (or another demo account) and
looks at the text a person reads or hears: the page's text, and its `title`, `aria-label`,
`placeholder` and `alt` attributes."""

import re
from functools import cache
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, get_page_models

from core.models import SectionPage
from tests.factories import ContentPageFactory, login_verified, page_form_data

pytestmark = pytest.mark.django_db

# Catalogs of the apps the admin shows, whose English msgids must not reach an editor.
UPSTREAM_PACKAGES = ["wagtail", "wagtail_localize", "django_otp", "axes", "taggit"]

# Whole English phrases the French admin may show: they are also French or proper names.
LEGITIMATE = {
    "Page %(page_number)s",
}

# English words that no catalog check can catch (one-word msgids are too ambiguous in
# general) but that Wagtail or its data are known to show.
ENGLISH_WORDS = ["Password", "Root", "Link text", "Username", "Sign in"]

# Awkward French: gender-neutral forms built around a model's name, wrong agreements, plural
# forms on zero, empty values, and Wagtail's own name in the title.
AWKWARD = [
    r"\bun\(e\)",
    r"\bUn\(e\)",
    r"\bNouvel\(le\)",
    r"\bnouveau\(elle\)",
    r"\b[Cc]e\(tte\)",
    r"é\(e\)",
    r"\bSeul les\b",
    r"\bPages crées\b",
    r"\b0 minutes?\b",
    r"\b1-0 sur 0\b",
    r"\b0 résultats\b",
    r"\bNone\b",
    r"- Wagtail\b",
    r"\bStatus actuel\b",
    r"\be\.g\b",
    r"\bChoisissez une page Page\b",
]

PLACEHOLDER = re.compile(r"%\([^)]*\)[sd]|%[sd]|\{[a-z_]*\}|<[^>]+>")


def site_packages() -> Path:
    return Path(polib.__file__).parent


@cache
def english_phrases() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern matching every English phrase (two words or more, between placeholders)
    of the upstream French catalogs whose French differs, with where each comes from."""
    phrases: dict[str, str] = {}
    for package in UPSTREAM_PACKAGES:
        for po_path in sorted(
            (site_packages() / package).glob("**/locale/fr/LC_MESSAGES/django.po")
        ):
            for entry in polib.pofile(str(po_path)):
                if entry.obsolete:
                    continue
                pairs = [(entry.msgid, entry.msgstr)]
                if entry.msgid_plural:
                    pairs = [
                        (entry.msgid, entry.msgstr_plural.get(0, "")),
                        (entry.msgid_plural, entry.msgstr_plural.get(1, "")),
                    ]
                for english, french in pairs:
                    if english == french or english in LEGITIMATE:
                        continue
                    for fragment in PLACEHOLDER.split(english):
                        fragment = " ".join(fragment.split()).strip(" .,:;!?'\"()")
                        if len(fragment.split()) < 2 or fragment in french:
                            continue
                        phrases.setdefault(fragment, str(po_path.relative_to(site_packages())))
    # Longest first, so that a long phrase is reported rather than a piece of it.
    alternatives = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w'])(" + "|".join(re.escape(p) for p in alternatives) + r")(?![\w'])"
    )
    return pattern, phrases


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()  # shown only when a script fills it in
    parts = [soup.get_text(" ")]
    for attribute in ("title", "aria-label", "placeholder", "alt"):
        parts.extend(tag[attribute] for tag in soup.find_all(attrs={attribute: True}))
    return " ".join(" ".join(parts).split())


def problems(html: str) -> list[str]:
    text = visible_text(html)
    found = []
    pattern, origins = english_phrases()
    for match in pattern.finditer(text):
        found.append(f"English {match.group(1)!r} ({origins[match.group(1)]})")
    for word in ENGLISH_WORDS:
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            found.append(f"English {word!r}")
    for awkward in AWKWARD:
        for match in re.finditer(awkward, text):
            context = text[max(0, match.start() - 40) : match.end() + 40]
            found.append(f"awkward {match.group(0)!r}: …{context}…")
    return sorted(set(found))


def assert_french(client, url: str, method: str = "get", data=None, status: int = 200) -> str:
    response = getattr(client, method)(url, data or {}, follow=True)
    assert response.status_code == status, f"{url}: status {response.status_code}"
    if response["Content-Type"].startswith("application/json"):
        html = response.json()["html"]  # a chooser's modal
    else:
        html = response.content.decode()
    found = problems(html)
    assert not found, f"{url} shows:\n  " + "\n  ".join(found)
    return html


def sign_in(client, username: str) -> None:
    login_verified(client, get_user_model().objects.get(username=username))


@pytest.fixture
def webmaster(client):
    sign_in(client, "webmestre")
    return client


def our_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if model is not Page]


def one_of(model: type[Page]) -> Page:
    page = model.objects.filter(locale__language_code="fr").order_by("path").first()
    assert page is not None, f"the demo has no {model.__name__}"
    return page


ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/search/?q=agenda",
    "/admin/pages/search/?q=xylophone-introuvable",
    "/admin/choose-page/",
    "/admin/choose-page/search/?q=agenda",
    "/admin/choose-page/search/?q=xylophone-introuvable",
    "/admin/choose-external-link/",
    "/admin/choose-email-link/",
    "/admin/snippets/",
    "/admin/snippets/search/synonymgroup/",
    "/admin/snippets/search/synonymgroup/add/",
    "/admin/snippets/search/synonymgroup/?q=xylophone-introuvable",
    "/admin/snippets/core/alert/",
    "/admin/snippets/core/alert/add/",
    "/admin/snippets/core/theme/",
    "/admin/snippets/core/theme/add/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/account/",
]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_admin_page_reads_as_french(webmaster, url):
    assert_french(webmaster, url)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/accessibility/accessibilityaudit/",
        "/admin/snippets/accessibility/accessibilityaudit/add/",
        "/admin/workflows/list/",
    ],
)
def test_administrator_pages_read_as_french(client, url):
    sign_in(client, "admin")
    assert_french(client, url)


def test_sign_in_page_reads_as_french(client):
    assert_french(client, "/admin/login/")


@pytest.mark.parametrize("model", our_page_models(), ids=lambda model: model.__name__)
def test_page_editor_reads_as_french(webmaster, model):
    page = one_of(model)
    assert_french(webmaster, f"/admin/pages/{page.pk}/edit/")
    assert_french(webmaster, f"/admin/pages/{page.pk}/")
    assert_french(webmaster, f"/admin/choose-page/{page.pk}/")


@pytest.mark.parametrize("model", our_page_models(), ids=lambda model: model.__name__)
def test_page_creation_reads_as_french(webmaster, model):
    parent = one_of(model).get_parent().specific
    if not model.can_create_at(parent):
        pytest.skip(f"no other {model.__name__} may be created")
    content_type = ContentType.objects.get_for_model(model)
    assert_french(
        webmaster,
        f"/admin/pages/add/{content_type.app_label}/{content_type.model}/{parent.pk}/",
    )


@pytest.fixture
def page_in_moderation(home):
    """A page a service contributor has submitted to the webmasters' review."""
    section = SectionPage.objects.child_of(home).get(slug="culture-sport")
    page = ContentPageFactory(parent=section, title="Fête de la musique", publish=False)
    page.live = False
    page.save()
    contributor = get_user_model().objects.get(username="culture")
    page.save_revision(user=contributor)
    page.get_workflow().start(page, contributor)
    return page


def test_contributor_sees_the_review_in_french(client, page_in_moderation):
    sign_in(client, "culture")
    assert_french(client, f"/admin/pages/{page_in_moderation.pk}/edit/")


def test_reviewer_approves_and_publishes_in_french(webmaster, page_in_moderation):
    page = page_in_moderation
    edit_url = f"/admin/pages/{page.pk}/edit/"
    assert_french(webmaster, edit_url)
    assert_french(webmaster, f"/admin/pages/{page.pk}/workflow_history/")
    html = assert_french(
        webmaster,
        edit_url,
        method="post",
        data=page_form_data(
            title=page.title,
            slug=page.slug,
            intro=page.intro,
            **{"action-workflow-action": "true", "workflow-action-name": "approve"},
        ),
    )
    page.refresh_from_db()
    assert page.live
    assert f"La page « {page.title} » a été publiée." in visible_text(html)
