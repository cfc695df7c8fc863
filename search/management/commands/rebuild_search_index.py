"""Rebuild every locale's Meilisearch index from the database, without downtime.

Each locale is built into a fresh index that then atomically replaces the live one, so
residents keep searching during the rebuild and pages deleted while Meilisearch was down
disappear too.
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from search import engine
from search.documents import all_documents, document_documents, live_pages, page_documents
from search.models import synonyms_for

BUILD_SUFFIX = "_rebuild"


class Command(BaseCommand):
    help = "Rebuild the Meilisearch index of every language (pages and documents)."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, no_progress: bool = False, **options):
        self.progress = not no_progress and sys.stderr.isatty()
        started = time.perf_counter()
        documents = self._documents_by_language()
        try:
            for locale in Locale.objects.order_by("pk"):
                self._rebuild(locale, documents.get(locale.language_code, []))
        except engine.ENGINE_ERRORS as error:
            raise CommandError(f"Meilisearch did not answer: {error}") from error
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")

    def _documents_by_language(self) -> dict[str, list[dict]]:
        by_language: dict[str, list[dict]] = {}
        for document in all_documents():
            for code, item in document_documents(document).items():
                by_language.setdefault(code, []).append(item)
        return by_language

    def _rebuild(self, locale: Locale, documents: list[dict]) -> None:
        code = locale.language_code
        # A build index left by a run that died would bring back pages deleted since.
        engine.drop_index(code, BUILD_SUFFIX)
        engine.ensure_index(code, synonyms_for(code), suffix=BUILD_SUFFIX)
        pages = live_pages(locale.pk).specific().order_by("path")
        total = pages.count()
        indexed = engine.upsert_in_batches(
            code,
            page_documents(pages.iterator(chunk_size=engine.BATCH_SIZE)),
            BUILD_SUFFIX,
            on_batch=lambda done: self._show_progress(code, done, total),
        )
        engine.upsert_in_batches(code, documents, BUILD_SUFFIX)
        engine.swap_in(code, BUILD_SUFFIX)
        if self.progress:
            self.stderr.write("")
        self.stdout.write(f"{code}: {indexed} pages, {len(documents)} documents indexed.")

    def _show_progress(self, code: str, done: int, total: int) -> None:
        if not self.progress:
            return
        width = 30
        filled = width * done // total if total else width
        bar = "#" * filled + "." * (width - filled)
        self.stderr.write(f"\r{code} [{bar}] {done}/{total}", ending="")
        self.stderr.flush()
