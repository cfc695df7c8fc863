"""The index follows the site: publishing, unpublishing, deleting, moving and translating
pages, and editors' synonyms, reach the real Meilisearch server."""

import re

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, PageViewRestriction

from core.models import SectionPage
from demo import loader
from demo.content import (
    directory,
    events,
    news,
    newsletters,
    pages,
    places,
    procedures,
    publications,
)
from publications.models import PublicationPage
from search import engine
from search.models import SynonymGroup
from tests.factories import ContentPageFactory, DocumentFactory, UserFactory, login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def culture_section(home):
    return SectionPage.objects.child_of(home).get(slug="culture-sport")


def titles(results: dict) -> list[str]:
    return [hit["title"] for hit in results["results"]]


def test_published_page_is_findable_then_gone_when_unpublished(
    search_index, culture_section, publish, api, django_capture_on_commit_callbacks
):
    page = ContentPageFactory(
        parent=culture_section,
        publish=False,
        title="Atelier de vannerie au jardin",
        intro="Apprenez à tresser l'osier avec les bénévoles du jardin partagé.",
    )
    assert "Atelier de vannerie au jardin" not in titles(api("vannerie"))

    publish(page)
    found = api("vanerie")  # with a typo
    assert found["results"][0]["title"] == "Atelier de vannerie au jardin"
    assert found["results"][0]["url"] == page.url

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert "Atelier de vannerie au jardin" not in titles(api("vannerie"))


def test_deleted_page_leaves_the_index(
    search_index, culture_section, publish, api, django_capture_on_commit_callbacks
):
    page = publish(
        ContentPageFactory(parent=culture_section, publish=False, title="Stage de calligraphie")
    )
    assert titles(api("calligraphie")) == ["Stage de calligraphie"]

    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert titles(api("calligraphie")) == []


def test_a_deleted_section_leaves_the_index_with_its_pages_in_one_task(
    search_index, culture_section, publish, api, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from search import tasks

    section = SectionPage(title="Festival des lanternes", slug="festival-lanternes")
    culture_section.add_child(instance=section)
    publish(section)
    section_pages = [section] + [
        publish(ContentPageFactory(parent=section, publish=False, title=title))
        for title in ("Parade des lanternes", "Atelier lanternes en papier")
    ]
    assert len(titles(api("lanternes"))) == 3

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        section.delete()
    queued = DBTaskResult.objects.filter(task_path="search.tasks.index_pages")
    assert queued.count() == 1
    page_ids = queued.get().args_kwargs["args"][0]
    assert sorted(page_ids) == sorted(page.pk for page in section_pages)

    deletions_before = deletions_in("fr")
    tasks.index_pages.call(page_ids)  # as the worker does
    assert titles(api("lanternes")) == []
    assert len(deletions_in("fr") - deletions_before) == 1  # one request for the three pages


def test_a_deletion_rolled_back_keeps_the_page_in_the_index(
    search_index, culture_section, publish, api, django_capture_on_commit_callbacks
):
    kept = publish(ContentPageFactory(parent=culture_section, publish=False, title="Bal folk"))
    gone = publish(ContentPageFactory(parent=culture_section, publish=False, title="Folk ceilidh"))
    with django_capture_on_commit_callbacks(execute=True):
        gone.delete()
        try:
            with transaction.atomic():
                kept.delete()
                raise RuntimeError("the editor's request failed")
        except RuntimeError:
            pass
    assert titles(api("folk")) == ["Bal folk"]


def test_moved_page_is_found_at_its_new_address(
    search_index, home, culture_section, publish, api, django_capture_on_commit_callbacks
):
    page = publish(
        ContentPageFactory(parent=culture_section, publish=False, title="Fresque participative")
    )
    other_section = SectionPage.objects.child_of(home).get(slug="vie-associative")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other_section, pos="last-child")
    page.refresh_from_db()
    assert api("fresque")["results"][0]["url"] == page.url
    assert "/vie-associative/" in page.url


def test_a_section_made_private_leaves_the_index_until_it_is_public_again(
    search_index, culture_section, publish, api, django_capture_on_commit_callbacks
):
    private_section = SectionPage(title="Espace des agents", slug="espace-agents")
    culture_section.add_child(instance=private_section)
    publish(private_section)
    title = "Planning d'astreinte des agents"
    publish(ContentPageFactory(parent=private_section, publish=False, title=title))
    assert title in titles(api("astreinte agents"))

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=private_section, restriction_type=PageViewRestriction.PASSWORD, password="agents"
        )
    assert title not in titles(api("astreinte agents"))
    assert "Espace des agents" not in titles(api("espace agents"))

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert title in titles(api("astreinte agents"))


def test_translation_is_found_in_its_own_language_only(
    search_index, culture_section, publish, api, django_capture_on_commit_callbacks
):
    page = publish(ContentPageFactory(parent=culture_section, publish=False, title="Bébés nageurs"))
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Swimming lessons for toddlers"
    publish(english)

    assert titles(api("toddlers", locale="en")) == ["Swimming lessons for toddlers"]
    assert titles(api("toddlers", locale="fr")) == []
    assert "Bébés nageurs" in titles(api("nageurs", locale="fr"))
    assert "Bébés nageurs" not in titles(api("nageurs", locale="en"))


def test_an_uploaded_document_is_findable_by_its_title(
    search_index, api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(title="Règlement du concours des façades fleuries")
    found = [
        hit for hit in api("concours facades fleuries")["results"] if hit["url"] == document.url
    ]
    assert [(hit["title"], hit["type"]) for hit in found] == [
        ("Règlement du concours des façades fleuries", "Document")
    ]
    url = document.url
    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert url not in [hit["url"] for hit in api("concours facades fleuries")["results"]]


def deletions_in(language_code: str) -> set[int]:
    """The deletions Meilisearch was asked for in a language's index (their task uids)."""
    tasks = engine.indexing_client().get_tasks(
        {"indexUids": [engine.index_uid(language_code)], "types": ["documentDeletion"]}
    )
    return {task.uid for task in tasks.results}


def test_a_document_renamed_by_an_editor_is_replaced_in_place(
    search_index, api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = DocumentFactory(title="Calendrier des marchés nocturnes")
    deletions_before = deletions_in("fr")

    with django_capture_on_commit_callbacks(execute=True):
        document.title = "Calendrier des marchés nocturnes de l'été"
        document.save()

    assert deletions_in("fr") == deletions_before  # never out of the index meanwhile
    titles_found = [hit["title"] for hit in api("marchés nocturnes")["results"]]
    assert titles_found.count("Calendrier des marchés nocturnes de l'été") == 1
    assert "Calendrier des marchés nocturnes" not in titles_found


def test_a_publication_and_its_pdf_are_one_result(search_index, api):
    publication = PublicationPage.objects.live().filter(document__isnull=False).first()
    urls = [hit["url"] for hit in api(publication.title, limit=20)["results"]]

    assert (publication.url in urls) != (publication.document.url in urls)


def test_synonym_saved_in_the_admin_is_effective(
    search_index, client, culture_section, publish, api, django_capture_on_commit_callbacks
):
    publish(ContentPageFactory(parent=culture_section, publish=False, title="Cours de tricot"))
    assert titles(api("crochet")) == []

    login_verified(client, UserFactory(is_superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/snippets/search/synonymgroup/add/",
            {"terms": "tricot, crochet, laine", "language_code": "fr"},
        )
    assert response.status_code == 302
    assert SynonymGroup.objects.filter(terms="tricot, crochet, laine").exists()
    assert "Cours de tricot" in titles(api("crochet"))


def test_a_synonym_moved_to_another_language_leaves_the_first_one(
    search_index, culture_section, publish, api, django_capture_on_commit_callbacks
):
    publish(ContentPageFactory(parent=culture_section, publish=False, title="Cours de macramé"))
    with django_capture_on_commit_callbacks(execute=True):
        group = SynonymGroup.objects.create(terms="macramé, nouage", language_code="fr")
    assert "Cours de macramé" in titles(api("nouage"))

    with django_capture_on_commit_callbacks(execute=True):
        group.language_code = "en"
        group.save()
    assert "Cours de macramé" not in titles(api("nouage"))


def test_synonym_form_explains_what_is_wrong(client):
    login_verified(client, UserFactory(is_superuser=True))
    response = client.post(
        "/admin/snippets/search/synonymgroup/add/", {"terms": "tricot", "language_code": "fr"}
    )
    assert response.status_code == 200
    assert "au moins deux termes" in response.content.decode()


def test_default_synonyms_are_shipped_and_editable():
    groups = [group.term_list for group in SynonymGroup.objects.filter(language_code="fr")]
    assert len(groups) >= 50
    assert any({"cantine", "restauration scolaire"} <= set(terms) for terms in groups)
    assert any({"cni", "carte d'identité"} <= set(terms) for terms in groups)


def demo_pages_in_french() -> int:
    """The pages the demo loader creates, counted from what it loads (demo/content and its
    directory and publication indexes, its letters) plus the eight it adds itself: home,
    the news, agenda and places indexes, the contact page, the two statements and the
    letters' archive."""
    loaded = (
        pages.SECTIONS,
        pages.PROFILES,
        pages.CONTENT_PAGES,
        places.PLACES,
        procedures.PROCEDURES,
        news.NEWS,
        events.EVENTS,
        directory.DIRECTORY,
        publications.PUBLICATIONS,
        loader.DIRECTORY_INDEXES,
        loader.PUBLICATION_INDEXES,
        newsletters.LETTERS,
    )
    return 8 + sum(len(items) for items in loaded)


def test_rebuild_command_reports_counts(meilisearch_server, capsys):
    call_command("rebuild_search_index", "--no-progress")
    reported = {
        code: (int(pages_), int(documents))
        for code, pages_, documents in re.findall(
            r"^(\w+): (\d+) pages, (\d+) documents indexed\.$",
            capsys.readouterr().out,
            re.MULTILINE,
        )
    }

    assert set(reported) == {"fr", "en", "nl"}
    # Every demo page is public: each one is indexed.
    assert reported["fr"][0] == demo_pages_in_french()
    for code, (page_count, document_count) in reported.items():
        assert page_count > 0 and document_count > 0, code
        # What the command reports is what residents can find.
        stats = engine.indexing_client().index(engine.index_uid(code)).get_stats()
        assert stats.number_of_documents == page_count + document_count, code


def test_index_update_is_retried_later_when_meilisearch_is_down(settings, home):
    """With the production task queue, an update that cannot reach Meilisearch is queued
    again with a delay instead of being lost."""
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from search import tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEILISEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    assert tasks.index_pages.call([home.pk]) == "retry scheduled"
    retry = DBTaskResult.objects.get(task_path="search.tasks.index_pages")
    assert retry.args_kwargs == {"args": [[home.pk]], "kwargs": {"attempt": 2}}
    assert retry.run_after > timezone.now()
