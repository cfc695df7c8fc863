"""The editors' path, in French, in headless Chromium against a live server and a real
Meilisearch: a service contributor signs in with a second factor, writes a news item with an
uploaded image and a vague link, sees the accessibility warning as they type, previews it and
submits it for moderation; a webmaster sees the warning on the dashboard and in the editor,
reviews, approves and publishes it, then the resident finds it
on the site, in the news index and in search; the webmaster turns a zero-result query into a
synonym group, which search uses within seconds. No request ever leaves the live server.

As in test_keyboard.py, the browser work happens once for the module and each test reads
its part of the results. A step that failed records why (set JOURNEY_DEBUG=1 to keep a
screenshot and the HTML in /tmp); the tests that need its result fail with that reason.
"""

from __future__ import annotations

import contextlib
import io
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test.utils import override_settings
from PIL import Image
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from pytest_django.live_server_helper import LiveServer

from accessibility.browser import DESKTOP, NAVIGATION_TIMEOUT_MS, chromium, error_summary

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "villeneuve-demo"  # noqa: S105 - the demo accounts' public password
# Each backup code is single-use per account; distinct codes keep the sign-ins independent.
CULTURE_CODE = "5900000007"
WEBMASTER_CODE = "5900000008"
TITLE = "Atelier origami à la médiathèque Colette"
SEARCH_WORD = "origami"
INTRO = "Un après-midi de pliage de papier pour petits et grands, entrée libre."
VAGUE_TEXT = "cliquez ici"
IMAGE_TITLE = "Grue en origami"
ALT_TEXT = "Une grue en papier plié posée sur une table"
MADE_UP_WORD = "plioramique"
SYNONYM_TARGET = "piscine"
SYNONYM_WAIT_S = 10
PREVIEW_WAIT_MS = 15_000
LIVE_WARNINGS_WAIT_MS = 30_000  # a loaded CI machine renders the panel slowly


@dataclass
class Journey:
    base_url: str = ""
    news_index_id: int = 0
    news_index_path: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    # What is not French on each admin page the editors saw (test_admin_french's rules).
    wording: dict[str, list[str]] = field(default_factory=dict)
    # 1. The contributor's sign-in.
    culture_path: str = ""
    culture_heading: str = ""
    culture_content_type: str = ""
    # 2. The news item.
    create_warnings_before_save: list[str] = field(default_factory=list)
    edit_path: str = ""
    page_id: int | None = None
    draft_warnings: list[str] = field(default_factory=list)
    uploaded_image_title: str = ""
    preview_heading: str = ""
    submitted_message: str = ""
    moderation_status: str = ""
    # 3. The webmaster's review.
    webmaster_path: str = ""
    webmaster_heading: str = ""
    dashboard_review_warnings: list[str] = field(default_factory=list)
    awaiting_review_link: str = ""
    review_path: str = ""
    review_warnings: list[str] = field(default_factory=list)
    review_preview_heading: str = ""
    approved_message: str = ""
    live: bool = False
    public_path: str = ""
    public_status: int = 0
    public_heading: str = ""
    public_image_alt: list[str] = field(default_factory=list)
    news_index_titles: list[str] = field(default_factory=list)
    search_titles: list[str] = field(default_factory=list)
    search_notice: str = ""
    # 4. The synonym.
    zero_result_status: str = ""
    dashboard_rows: list[str] = field(default_factory=list)
    synonym_message: str = ""
    synonym_titles: list[str] = field(default_factory=list)
    synonym_wait_s: float = 0.0


def _png(path: Path) -> Path:
    Image.new("RGB", (120, 80), (200, 120, 40)).save(path, "PNG")
    return path


def _step(result: Journey, name: str, page: Page | None, work: Callable[[], None]) -> bool:
    """Runs one step; on failure records the error and where the browser was."""
    try:
        work()
    except Exception as error:  # noqa: BLE001 - a failed step is a result the tests report
        where = f" (at {page.url})" if page is not None else ""
        # The first line of Playwright's call log says which element it waited for.
        waited = [line.strip() for line in str(error).splitlines() if "waiting for" in line]
        result.errors[name] = " ".join([error_summary(error) + where, *waited[:1]])
        if page is not None and os.environ.get("JOURNEY_DEBUG"):
            page.screenshot(path=f"/tmp/journey-{name}.png", full_page=True)
            Path(f"/tmp/journey-{name}.html").write_text(page.content())
        return False
    return True


def _context(browser, result: Journey) -> BrowserContext:
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
    context.set_default_timeout(NAVIGATION_TIMEOUT_MS)
    context.on("request", lambda request: result.requests.append(request.url))
    return context


def _texts(page: Page, selector: str) -> list[str]:
    return [text.strip() for text in page.locator(selector).all_inner_texts()]


def _warnings(page: Page) -> list[str]:
    return [
        f"{item.get_attribute('data-rule')}: {item.inner_text().strip()}"
        for item in page.locator("[data-accessibility-warnings] li").all()
    ]


def _wording(page: Page, result: Journey, name: str) -> None:
    """Reads the admin page as the editor sees it, scripts' output included."""
    from tests.site.test_admin_french import problems

    result.wording[name] = problems(page.content())


def _sign_in(page: Page, result: Journey, username: str, code: str) -> None:
    page.goto(result.base_url + "/admin/login/")
    _wording(page, result, f"{username}: sign-in")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")
    _wording(page, result, f"{username}: second factor")
    page.fill("input[name=code]", code)
    with page.expect_navigation():
        page.locator("input[name=code]").press("Enter")
    _wording(page, result, f"{username}: dashboard")


def _footer_action(page: Page, selector: str) -> None:
    """Clicks an action of the editor's footer, opening its menu of more actions if needed."""
    action = page.locator(selector).first
    if not action.is_visible():
        page.locator(
            "footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]"
        ).first.click()
    with page.expect_navigation():
        action.click()


def _preview_heading(page: Page) -> str:
    """Opens the live preview panel and waits for the page's title in its frame (the frame
    says "Prévisualisation indisponible" until the form has been sent to it)."""
    page.locator("[data-side-panel-toggle=preview]").first.click()
    heading = page.frame_locator("#w-preview-iframe").locator("h1").first
    with contextlib.suppress(PlaywrightTimeout):
        page.frame_locator("#w-preview-iframe").locator("h1", has_text=TITLE).wait_for(
            timeout=PREVIEW_WAIT_MS
        )
    return heading.inner_text().strip()


@pytest.fixture(scope="module")
def journey(django_db_setup, django_db_blocker, meilisearch_server, tmp_path_factory) -> Journey:
    result = Journey()
    image = _png(tmp_path_factory.mktemp("upload") / "grue-origami.png")
    with (
        django_db_blocker.unblock(),
        override_settings(MEILISEARCH_INDEX_PREFIX="journey"),
    ):
        call_command("rebuild_search_index", "--no-progress", stdout=io.StringIO())
        _news_index(result)
        live_server = LiveServer("localhost")
        result.base_url = live_server.url
        try:
            with chromium() as browser:
                culture = _context(browser, result).new_page()
                if _step(result, "sign_in", culture, lambda: _culture_signs_in(culture, result)):
                    _step(result, "create", culture, lambda: _create_news(culture, result, image))
                webmaster = _context(browser, result).new_page()
                resident = _context(browser, result).new_page()
                if "create" not in result.errors and "sign_in" not in result.errors:
                    _step(result, "review", webmaster, lambda: _review(webmaster, result))
                if "review" in result.errors or "create" in result.errors:
                    result.errors.setdefault("public", "the news item was not published")
                else:
                    _step(result, "public", resident, lambda: _public(resident, result))
                _step(result, "synonym", webmaster, lambda: _synonym(webmaster, resident, result))
            _read_back(result)
            if os.environ.get("JOURNEY_DEBUG"):
                Path("/tmp/journey.txt").write_text(repr(result))
        finally:
            live_server.stop()
            _clean_up(result)
    return result


def _news_index(result: Journey) -> None:
    """Read before the browser starts: Playwright's sync API runs an event loop, inside which
    Django refuses database queries."""
    from news.models import NewsIndexPage

    news_index = NewsIndexPage.objects.filter(locale__language_code="fr").first()
    result.news_index_id = news_index.pk
    result.news_index_path = urlsplit(news_index.url).path


def _read_back(result: Journey) -> None:
    """What the database says of the news item once the browser is closed."""
    from wagtail.models import Page as WagtailPage

    news = WagtailPage.objects.filter(pk=result.page_id).first() if result.page_id else None
    if news is None:
        return
    result.live = news.live
    state = news.workflow_states.order_by("-created_at").first()
    result.moderation_status = state.status if state else ""


def _culture_signs_in(page: Page, result: Journey) -> None:
    _sign_in(page, result, "culture", CULTURE_CODE)
    result.culture_path = urlsplit(page.url).path
    result.culture_heading = page.locator("h1").first.inner_text().strip()
    response = page.request.get(page.url)
    result.culture_content_type = response.headers.get("content-type", "")


def _create_news(page: Page, result: Journey, image: Path) -> None:
    page.goto(f"{result.base_url}/admin/pages/add/news/newspage/{result.news_index_id}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_intro", INTRO)
    # The body: a paragraph with a vague link, pasted as a contributor would from a document.
    page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Paragraphe").click()
    editor = page.locator("[data-contentpath=body] .public-DraftEditor-content").first
    editor.click()
    page.keyboard.type("Inscriptions à l'accueil. ")
    page.evaluate(
        """([html, text]) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', text);
            document.activeElement.dispatchEvent(
                new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})
            );
        }""",
        [
            f'Programme complet : <a href="https://example.org/programme">{VAGUE_TEXT}</a>.',
            VAGUE_TEXT,
        ],
    )
    # An image block, its image uploaded from disk through the chooser.
    page.locator("[data-contentpath=body] button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Image").click()
    page.locator("[data-contentpath=body] [data-chooser-action-choose]").last.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("tab", name="Transférer").click()
    _wording(page, result, "image chooser")
    modal.locator("input[type=file]").set_input_files(str(image))
    # The image's own description, the default alternative text wherever it is used.
    modal.locator("input[name='image-chooser-upload-description']").fill(ALT_TEXT)
    title = modal.locator("input[name='image-chooser-upload-title']")
    title.fill(IMAGE_TITLE)
    result.uploaded_image_title = title.input_value()
    with page.expect_response(lambda response: "/chooser/create/" in response.url):
        modal.locator("form button[type=submit]").last.click()
    modal.wait_for(state="hidden")
    page.locator("[data-contentpath=body] input[name$='-value-alt_text']").fill(ALT_TEXT)
    # The panel follows the form as the contributor types: the link is flagged unsaved.
    with contextlib.suppress(PlaywrightTimeout):
        page.locator("[data-accessibility-warnings] li[data-rule=vague_link]").wait_for(
            timeout=LIVE_WARNINGS_WAIT_MS
        )
    result.create_warnings_before_save = _warnings(page)
    _wording(page, result, "news item form")
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()
    result.edit_path = urlsplit(page.url).path
    result.page_id = int(result.edit_path.strip("/").split("/")[2])
    result.draft_warnings = _warnings(page)
    _wording(page, result, "news item draft")
    result.preview_heading = _preview_heading(page)
    _footer_action(page, "button[name=action-submit]")
    result.submitted_message = " ".join(_texts(page, ".messages li"))
    _wording(page, result, "news item submitted")


def _review(page: Page, result: Journey) -> None:
    _sign_in(page, result, "webmestre", WEBMASTER_CODE)
    result.webmaster_path = urlsplit(page.url).path
    result.webmaster_heading = page.locator("h1").first.inner_text().strip()
    result.dashboard_review_warnings = [
        f"{item.get_attribute('data-rule')}: {item.inner_text().strip()}"
        for item in page.locator("[data-review-warnings] li").all()
    ]
    # The dashboard's panel of pages awaiting the webmaster's review leads to the editor.
    link = page.locator("main a", has_text=TITLE).first
    result.awaiting_review_link = link.get_attribute("href") or ""
    with page.expect_navigation():
        link.click()
    result.review_path = urlsplit(page.url).path
    result.review_warnings = _warnings(page)
    _wording(page, result, "review")
    result.review_preview_heading = _preview_heading(page)
    _footer_action(page, "button[data-workflow-action-name=approve]:not([data-launch-modal])")
    result.approved_message = " ".join(_texts(page, ".messages li"))
    _wording(page, result, "approved")


def _public(page: Page, result: Journey) -> None:
    # As a resident would: from the news index to the item.
    page.goto(result.base_url + result.news_index_path)
    result.news_index_titles = _texts(page, "main a")
    result.public_path = page.locator("main a", has_text=TITLE).first.get_attribute("href")
    response = page.goto(result.base_url + result.public_path)
    result.public_status = response.status if response else 0
    result.public_heading = page.locator("h1").first.inner_text().strip()
    result.public_image_alt = [
        img.get_attribute("alt") or "" for img in page.locator("main img").all()
    ]
    page.goto(f"{result.base_url}/recherche/?q={SEARCH_WORD}")
    result.search_titles = _texts(page, "ol.results li.result h3")
    result.search_notice = " ".join(_texts(page, ".notice"))


def _synonym(page: Page, resident: Page, result: Journey) -> None:
    resident.goto(f"{result.base_url}/recherche/?q={MADE_UP_WORD}")
    result.zero_result_status = resident.locator("[role=status]").first.inner_text().strip()
    if not result.webmaster_path:  # the review did not get as far as signing in
        _sign_in(page, result, "webmestre", WEBMASTER_CODE)
    page.goto(result.base_url + "/admin/")
    # The "Recherche" menu, then its dashboard of residents' queries.
    page.locator("nav").get_by_role("button", name="Recherche").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Recherches des habitants").click()
    result.dashboard_rows = _texts(page, "table.listing tbody tr td:first-child")
    _wording(page, result, "residents' searches")
    row = page.locator("table.listing tbody tr", has_text=MADE_UP_WORD).first
    row.locator("input[name=terms]").fill(SYNONYM_TARGET)
    with page.expect_navigation():
        row.get_by_role("button", name="Ajouter un synonyme").click()
    result.synonym_message = " ".join(_texts(page, ".messages li"))
    _wording(page, result, "synonym added")
    started = time.monotonic()
    while True:
        resident.goto(f"{result.base_url}/recherche/?q={MADE_UP_WORD}")
        result.synonym_titles = _texts(resident, "ol.results li.result h3")
        result.synonym_wait_s = time.monotonic() - started
        if result.synonym_titles or result.synonym_wait_s > SYNONYM_WAIT_S:
            break
        time.sleep(0.5)


def _clean_up(result: Journey) -> None:
    """The module's changes were committed: take them out for the tests that follow."""
    from wagtail.images import get_image_model
    from wagtail.models import Page as WagtailPage

    from search.models import SynonymGroup

    if result.page_id:
        WagtailPage.objects.filter(pk=result.page_id).delete()
    SynonymGroup.objects.filter(terms__icontains=MADE_UP_WORD).delete()
    if result.uploaded_image_title:
        get_image_model().objects.filter(title=result.uploaded_image_title).delete()


def _no_error(journey: Journey, *steps: str) -> None:
    for step in steps:
        if step in journey.errors:
            pytest.fail(f"step {step!r} failed: {journey.errors[step]}")


def test_1_contributor_signs_in_with_a_second_factor(journey):
    _no_error(journey, "sign_in")
    assert journey.culture_path == "/admin/", "not on the dashboard after the backup code"
    assert journey.culture_heading, "the dashboard has no heading"
    assert journey.culture_content_type.startswith("text/html"), journey.culture_content_type


def test_2_contributor_writes_previews_and_submits_a_news_item(journey):
    _no_error(journey, "sign_in", "create")
    assert journey.uploaded_image_title, "the upload form did not name the image"
    assert journey.preview_heading == TITLE, "the live preview does not show the title"
    # The warnings panel follows the form: the vague link is flagged before the first save,
    # and still once the draft is saved.
    typed = [w for w in journey.create_warnings_before_save if w.startswith("vague_link")]
    assert typed and VAGUE_TEXT in typed[0], journey.create_warnings_before_save
    vague = [warning for warning in journey.draft_warnings if warning.startswith("vague_link")]
    assert vague and VAGUE_TEXT in vague[0], journey.draft_warnings
    # Read once the browser is closed: approved by then if step 3 went through.
    assert journey.moderation_status in {"in_progress", "approved"}, journey.submitted_message


def test_3_webmaster_reviews_approves_and_publishes(journey):
    _no_error(journey, "create", "review", "public")
    assert journey.webmaster_path == "/admin/"
    # On the dashboard, before opening anything: the warning of the revision to review.
    assert any(
        w.startswith("vague_link") and VAGUE_TEXT in w for w in journey.dashboard_review_warnings
    ), journey.dashboard_review_warnings
    assert f"/admin/pages/{journey.page_id}/" in journey.awaiting_review_link, (
        "the page is not in the dashboard's pages awaiting review"
    )
    assert any(w.startswith("vague_link") for w in journey.review_warnings), journey.review_warnings
    assert journey.review_preview_heading == TITLE
    assert journey.moderation_status == "approved", journey.approved_message
    assert journey.live, f"not published after approval: {journey.approved_message}"
    assert journey.public_status == 200
    assert journey.public_heading == TITLE
    assert ALT_TEXT in journey.public_image_alt, journey.public_image_alt
    assert TITLE in journey.news_index_titles, "not listed in the news index"
    assert not journey.search_notice, journey.search_notice
    assert TITLE in journey.search_titles, f"search for {SEARCH_WORD!r}: {journey.search_titles}"


def test_4_zero_result_query_becomes_a_synonym_search_uses(journey):
    _no_error(journey, "synonym")
    assert journey.zero_result_status.startswith("0 résultat"), journey.zero_result_status
    assert any(MADE_UP_WORD in row for row in journey.dashboard_rows), journey.dashboard_rows
    assert MADE_UP_WORD in journey.synonym_message, journey.synonym_message
    assert any(SYNONYM_TARGET in title.lower() for title in journey.synonym_titles), (
        f"after {journey.synonym_wait_s:.1f} s: {journey.synonym_titles}"
    )


def test_5_no_request_leaves_the_live_server(journey):
    assert journey.requests, "no request was recorded"
    own = urlsplit(journey.base_url).netloc
    elsewhere = sorted(
        {
            url
            for url in journey.requests
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(url).netloc != own
        }
    )
    assert elsewhere == [], elsewhere


def test_6_every_admin_page_of_the_path_reads_as_french(journey):
    assert len(journey.wording) >= 12, sorted(journey.wording)
    found = {name: problems for name, problems in journey.wording.items() if problems}
    assert found == {}
