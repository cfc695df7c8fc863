"""Loads the fictional town of Villeneuve-sur-Lys: taxonomies, the page tree and its
illustrations, editorial groups and workflow, and the wagtail-localize translations. Running
it again updates the same objects instead of adding new ones."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dateformat import format as format_date
from wagtail.blocks import StreamValue
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accessibility.models import (
    AccessibilityAudit,
    AccessibilityStatementPage,
    AuditCriterionResult,
    AuditFinding,
    EcoDesignStatementPage,
)
from accessibility.rgaa import site_grid
from accounts.devices import replace_backup_codes
from core.models import (
    Alert,
    ContactFormField,
    ContactFormPage,
    ContentPage,
    EditorialService,
    Neighbourhood,
    PersonalDetail,
    SectionPage,
    Theme,
    TownSettings,
)
from directory.models import DirectoryEntryPage, DirectoryIndexPage, EntryKind
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.models import NewsIndexPage, NewsPage
from newsletters.models import Campaign, Contact
from places.models import OpeningException, OpeningHours, PlaceIndexPage, PlacePage
from procedures.models import ProcedurePage
from profiles.models import Profile, ProfilePage, ProfileTopTask
from publications.models import PublicationIndexPage, PublicationKind, PublicationPage

from . import letters
from .content import (
    directory,
    events,
    news,
    newsletters,
    pages,
    places,
    procedures,
    publications,
    statements,
)
from .images import DEMO_IMAGES, DemoImage
from .pdf import body_value, tagged_pdf
from .streams import body_stream, list_stream

DEMO_PASSWORD = "villeneuve-demo"
# Backup codes of every demo account, so that the demo admin opens without a phone. Each
# works once per account; every run of the loader restores all of them.
DEMO_BACKUP_CODES = tuple(str(5900000000 + n) for n in range(1, 11))  # 5900000001 to …010
# Where `make demo` serves the site, so that absolute links in feeds and the API work.
DEMO_HOST, DEMO_PORT = "127.0.0.1", 8000
WEBMASTERS_GROUP = "Webmestres"
# Editors of the agenda; they receive the associations' proposals through the permission
# `events.receive_proposal_notifications`, not through this name (which an admin may change).
AGENDA_EDITORS_GROUP = "Agenda"
# Municipal services and the section each one edits.
SERVICE_GROUPS = {
    "Service état civil et citoyenneté": "mairie",
    "Service éducation": "enfance-education",
    "Services techniques": "cadre-de-vie",
    "Service culture et sports": "culture-sport",
    "Service seniors et solidarités": "solidarite-sante",
    "Service vie associative": "vie-associative",
}
DIRECTORY_INDEXES = {
    EntryKind.ASSOCIATION: (
        "annuaire-associations",
        "Annuaire des associations",
        "vie-associative",
    ),
    EntryKind.BUSINESS: ("commerces-entreprises", "Commerces et entreprises", "cadre-de-vie"),
    EntryKind.HEALTH: ("professionnels-de-sante", "Professionnels de santé", "solidarite-sante"),
}
# The themes each service publishes on (ticked on its new pages) and the places it runs,
# which its editors may change (their changes still go through the webmasters' moderation).
SERVICE_THEMES = {
    "Service état civil et citoyenneté": ["citoyennete"],
    "Service éducation": ["education", "enfance"],
    "Services techniques": ["travaux", "environnement", "urbanisme"],
    "Service culture et sports": ["culture", "sport"],
    "Service seniors et solidarités": ["solidarite", "sante"],
    "Service vie associative": ["vie-associative"],
}
SERVICE_PLACES = {
    "Service état civil et citoyenneté": ["hotel-de-ville"],
    "Service éducation": ["espace-famille"],
    "Services techniques": ["services-techniques"],
    "Service culture et sports": ["mediatheque", "piscine", "conservatoire"],
    "Service seniors et solidarités": ["ccas", "centre-social"],
    "Service vie associative": ["maison-des-associations"],
}
PUBLICATION_INDEXES = {
    PublicationKind.MINUTES: ("conseil-municipal", "Conseil municipal", "mairie"),
    PublicationKind.ORDER: ("arretes-municipaux", "Arrêtés municipaux", "mairie"),
    PublicationKind.GUIDE: ("guides-pratiques", "Guides pratiques", "mairie"),
}


@dataclass
class PendingPage:
    """A page created in the first pass whose body and relations are set in the second,
    once every slug can be resolved to a page."""

    page: Page
    body: list = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


class DemoLoader:
    def __init__(self, stdout=None, today: date | None = None):
        self.stdout = stdout
        self.today = today or timezone.localdate()
        self.pages: dict[str, PendingPage] = {}
        self.images: dict[str, AbstractImage] = {}

    def log(self, message: str) -> None:
        if self.stdout:
            self.stdout.write(message)

    # -- entry point -------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        with transaction.atomic():
            self.french = self.ensure_locales()
            self.ensure_taxonomies()
            self.home = self.ensure_home()
            self.build_tree()
            self.ensure_images()
            self.fill_pages()
            self.ensure_home_content()
            self.ensure_settings_and_alert()
            self.ensure_editorial_workflow()
            self.ensure_users()
            self.ensure_letters()
        from .social import ensure_social
        from .translations import translate_demo

        translated = translate_demo(self.home, log=self.log)
        # After the translations: a campaign freezes its letter in every language.
        newsletter_counts = self.ensure_newsletter_audience()
        # After the SMS: the past alert points to the demo's urgent SMS campaign.
        posts = ensure_social(timezone.make_aware(datetime.combine(self.today, time(18, 0))))
        self.log(f"  social networks: {posts} posts recorded by the demo accounts")
        counts = {
            "pages": Page.objects.filter(depth__gt=1, locale=self.french).count(),
            "translated pages": translated,
            "news": NewsPage.objects.filter(locale=self.french).count(),
            "events": EventPage.objects.filter(locale=self.french).count(),
            "places": PlacePage.objects.filter(locale=self.french).count(),
            "directory entries": DirectoryEntryPage.objects.filter(locale=self.french).count(),
            "procedures": ProcedurePage.objects.filter(locale=self.french).count(),
            **newsletter_counts,
        }
        return counts

    # -- reference data ----------------------------------------------------------------

    def ensure_locales(self) -> Locale:
        french, _ = Locale.objects.get_or_create(language_code="fr")
        for code in ("en", "nl"):
            Locale.objects.get_or_create(language_code=code)
        return french

    def ensure_taxonomies(self) -> None:
        for slug, name in pages.THEMES:
            Theme.objects.update_or_create(slug=slug, locale=self.french, defaults={"name": name})
        for slug, name in pages.NEIGHBOURHOODS:
            Neighbourhood.objects.update_or_create(
                slug=slug, locale=self.french, defaults={"name": name}
            )
        for order, profile in enumerate(pages.PROFILES):
            Profile.objects.update_or_create(
                slug=profile["slug"],
                locale=self.french,
                defaults={
                    "name": profile["name"],
                    "description": profile["description"],
                    "sort_order": order,
                },
            )
        self.themes = {t.slug: t for t in Theme.objects.filter(locale=self.french)}
        self.neighbourhoods = {n.slug: n for n in Neighbourhood.objects.filter(locale=self.french)}
        self.profiles = {p.slug: p for p in Profile.objects.filter(locale=self.french)}

    def ensure_home(self) -> HomePage:
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=self.french).first()
        if home is None:
            # Replace Wagtail's placeholder "Welcome" page.
            for placeholder in (
                root.get_children()
                .exclude(pk__in=HomePage.objects.values("pk"))
                .filter(slug="home")
            ):
                placeholder.delete()
            home = HomePage(title="Accueil", slug="accueil", locale=self.french)
            root.add_child(instance=home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": DEMO_HOST,
                "port": DEMO_PORT,
                "root_page": home,
                "site_name": "Villeneuve-sur-Lys",
            },
        )
        self.pages["accueil"] = PendingPage(home)
        return home

    # -- first pass: the page tree -----------------------------------------------------

    def ensure_page(self, parent: Page, model, slug: str, title: str, **fields) -> Page:
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, title=title, **fields)
            parent.add_child(instance=page)
        else:
            page.title = title
            for name, value in fields.items():
                setattr(page, name, value)
        return page

    def remember(self, page: Page, data: dict, **extra) -> Page:
        self.pages[page.slug] = PendingPage(
            page,
            body=data.get("body", []),
            profiles=data.get("profiles", []),
            themes=data.get("themes", []),
            extra=extra,
        )
        return page

    def build_tree(self) -> None:
        home = self.home
        sections = {}
        for data in pages.SECTIONS:
            page = self.ensure_page(
                home,
                SectionPage,
                data["slug"],
                data["title"],
                intro=data["intro"],
                show_in_menus=True,
            )
            sections[data["slug"]] = self.remember(page, data)
        for data in pages.PROFILES:
            page = self.ensure_page(
                home,
                ProfilePage,
                data["slug"],
                data["name"],
                intro=data["intro"],
                profile=self.profiles[data["slug"]],
            )
            self.remember(page, data, top_tasks=data["top_tasks"], profiles=[data["slug"]])

        news_index = self.ensure_page(
            home,
            NewsIndexPage,
            "actualites",
            "Actualités",
            show_in_menus=True,
            intro="Les dernières nouvelles de la commune, des services et des quartiers.",
        )
        self.remember(news_index, {})
        agenda = self.ensure_page(
            home,
            EventIndexPage,
            "agenda",
            "Agenda",
            show_in_menus=True,
            intro="Sorties, ateliers, réunions publiques et fêtes de quartier à Villeneuve-sur-Lys.",
        )
        self.remember(agenda, {})
        place_index = self.ensure_page(
            home,
            PlaceIndexPage,
            "equipements",
            "Équipements municipaux",
            intro="Adresses, horaires et accessibilité des lieux ouverts au public.",
        )
        self.remember(place_index, {})
        self.remember(letters.ensure_archive(home, self.ensure_page), {})

        for data in places.PLACES:
            self.remember(
                self.ensure_page(
                    place_index, PlacePage, data["slug"], data["title"], **self.place_fields(data)
                ),
                data,
                place=data,
            )
        for kind, (slug, title, section) in DIRECTORY_INDEXES.items():
            index = self.ensure_page(
                sections[section],
                DirectoryIndexPage,
                slug,
                title,
                kind=kind,
                intro=self.directory_index_intro(kind),
            )
            self.remember(index, {})
        for kind, (slug, title, section) in PUBLICATION_INDEXES.items():
            index = self.ensure_page(
                sections[section],
                PublicationIndexPage,
                slug,
                title,
                intro=self.publication_index_intro(kind),
            )
            self.remember(index, {})
        for data in procedures.PROCEDURES:
            page = self.ensure_page(
                sections[data["section"]],
                ProcedurePage,
                data["slug"],
                data["title"],
                intro=data["intro"],
                who=data["who"],
                cost=data["cost"],
                delay=data["delay"],
                online_url=data["online_url"],
            )
            self.remember(page, data, documents=data["documents"], place_slug=data["place"])
        for data in pages.CONTENT_PAGES:
            parent = sections[data["section"]] if data.get("section") else home
            page = self.ensure_page(
                parent, ContentPage, data["slug"], data["title"], intro=data["intro"]
            )
            self.remember(page, data)
        contact = self.ensure_page(
            sections["mairie"],
            ContactFormPage,
            "contact",
            "Contacter la mairie",
            intro="Une question, une suggestion ? Écrivez-nous, un agent vous répond sous 5 jours ouvrés.",
            to_address="accueil@villeneuve-sur-lys.fr",
            from_address="ne-pas-repondre@villeneuve-sur-lys.fr",
            subject="Message reçu depuis le site internet",
        )
        self.pages["contact"] = PendingPage(contact)
        self.ensure_statements(contact)
        for data in news.NEWS:
            page = self.ensure_page(
                news_index,
                NewsPage,
                data["slug"],
                data["title"],
                intro=data["intro"],
                date=self.today - timedelta(days=data["days_ago"]),
            )
            self.remember(page, data, neighbourhoods=data.get("neighbourhoods", []))
        for data in events.EVENTS:
            page = self.ensure_page(
                agenda, EventPage, data["slug"], data["title"], **self.event_fields(data)
            )
            self.remember(page, data, place_slug=data["place"])
        for data in directory.DIRECTORY:
            index_slug = DIRECTORY_INDEXES[data["kind"]][0]
            page = self.ensure_page(
                self.pages[index_slug].page,
                DirectoryEntryPage,
                data["slug"],
                data["title"],
                intro=data["intro"],
                category=data["category"],
                address=data["address"],
                neighbourhood=self.neighbourhoods.get(data.get("neighbourhood")),
                phone=data["phone"],
                email=data["email"],
                website=data["website"],
                contact_name=data.get("contact_name", ""),
                opening_text=data.get("opening_text", ""),
            )
            self.remember(page, data)
        for data in publications.PUBLICATIONS:
            index_slug = PUBLICATION_INDEXES[data["kind"]][0]
            page = self.ensure_page(
                self.pages[index_slug].page,
                PublicationPage,
                data["slug"],
                data["title"],
                kind=data["kind"],
                date=self.today - timedelta(days=data["days_ago"]),
                reference=data["reference"],
                intro=self.publication_intro(data),
            )
            # The PDF is printed from the body once its links resolve (fill_extra).
            self.remember(page, data, pdf_slug=data["slug"])

    @staticmethod
    def directory_index_intro(kind: str) -> str:
        return {
            EntryKind.ASSOCIATION: "La liste des associations de Villeneuve-sur-Lys, leurs activités et leurs contacts.",
            EntryKind.BUSINESS: "Commerces, artisans et entreprises de la ville : adresses, horaires et contacts.",
            EntryKind.HEALTH: "Médecins, infirmiers, kinésithérapeutes et pharmacies installés dans la commune.",
        }[kind]

    @staticmethod
    def publication_index_intro(kind: str) -> str:
        return {
            PublicationKind.MINUTES: "Le compte rendu de chaque séance du conseil municipal, avec le résumé des décisions.",
            PublicationKind.ORDER: "Les arrêtés du maire : circulation, stationnement, manifestations.",
            PublicationKind.GUIDE: "Les guides de la ville à consulter en ligne ou à télécharger.",
        }[kind]

    @staticmethod
    def publication_heading(page: PublicationPage) -> list[str]:
        """What the PDF prints above its title: the town, and the kind, date and reference
        the page shows."""
        with translation.override("fr"):
            return [
                "Ville de Villeneuve-sur-Lys",
                f"{page.get_kind_display()} · {format_date(page.date, 'j F Y')} · {page.reference}",
            ]

    @staticmethod
    def publication_intro(data: dict) -> str:
        return data.get("intro") or f"{data['title']} ({data['reference']})."

    def place_fields(self, data: dict) -> dict:
        return {
            "intro": data["intro"],
            "kind": data["kind"],
            "address": data["address"],
            "postcode": data["postcode"],
            "city": data["city"],
            "neighbourhood": self.neighbourhoods.get(data.get("neighbourhood")),
            "latitude": Decimal(str(round(data["latitude"], 6))),
            "longitude": Decimal(str(round(data["longitude"], 6))),
            "phone": data["phone"],
            "email": data["email"],
            "accessibility": data["accessibility"],
        }

    def event_fields(self, data: dict) -> dict:
        day = self.today + timedelta(days=data["day_offset"])
        all_day = not data["start_time"]
        start_time = time.fromisoformat(data["start_time"]) if data["start_time"] else time(0, 0)
        start = timezone.make_aware(datetime.combine(day, start_time))
        end = start + timedelta(hours=data["duration_hours"]) if data["duration_hours"] else None
        return {
            "intro": data["intro"],
            "start": start,
            "end": end,
            "all_day": all_day,
            "location": data.get("location", ""),
            "audience": data["audience"],
            "price": data["price"],
            "registration_url": data["registration_url"],
            "organiser": data.get("organiser", ""),
        }

    def ensure_statements(self, contact: ContactFormPage) -> None:
        """The accessibility and eco-design statements, outside the menu, and the audit the
        first one is generated from."""
        data = statements.ACCESSIBILITY_STATEMENT
        page = self.ensure_page(
            self.home,
            AccessibilityStatementPage,
            data["slug"],
            data["title"],
            intro=data["intro"],
            multiyear_plan=self.ensure_plan_pdf(statements.MULTIYEAR_PLAN),
            action_plan=self.ensure_plan_pdf(statements.ACTION_PLAN),
            contact_page=contact,
        )
        self.remember(page, data)
        data = statements.ECO_DESIGN_STATEMENT
        page = self.ensure_page(
            self.home, EcoDesignStatementPage, data["slug"], data["title"], intro=data["intro"]
        )
        self.remember(page, data)
        self.ensure_audit(statements.AUDIT)

    @staticmethod
    def ensure_audit(data: dict) -> None:
        """The audit of the statement: the site's own RGAA grid as shipped with the code
        (accessibility/data/grille-rgaa-site.toml), all 106 criteria, with the demo's test
        environment and exempt contents."""
        grid = site_grid()
        audit, _ = AccessibilityAudit.objects.update_or_create(
            audit_date=grid.audit_date,
            defaults={
                "auditor": grid.auditor,
                "audited_pages": "\n".join(f"{page.name} {page.path}" for page in grid.pages),
                "test_environment": "\n".join(data["test_environment"]),
                "tools": "\n".join(data["tools"]),
            },
        )
        audit.findings = [
            AuditFinding(kind=kind, criterion=criterion, description=text, sort_order=order)
            for order, (kind, criterion, text) in enumerate(data["findings"])
        ]
        audit.results = [
            AuditCriterionResult(
                criterion=row.number,
                status=row.status,
                failing_on=grid.page_names(row.failing_on),
                not_applicable_on=grid.page_names(row.not_applicable_on),
                method=row.method,
                checked_on=grid.page_names(row.checked_on),
                tests="\n".join(row.tests),
                checked_date=row.checked_date,
                checked_by=row.checked_by,
                comment=row.comment,
                sort_order=order,
            )
            for order, row in enumerate(grid.rows)
        ]
        audit.count_results()
        audit.save()

    def ensure_plan_pdf(self, data: dict) -> Document:
        """A plan linked from the accessibility statement, printed from its content blocks."""
        raw = json.loads(body_stream(data["body"], self.resolve, self.resolve_image))
        return self.ensure_pdf(data["slug"], data["title"], body_value(raw))

    @staticmethod
    def ensure_pdf(
        slug: str, title: str, body: StreamValue, heading_lines: list[str] | None = None
    ) -> Document:
        """The tagged PDF of `body` (a page body's value), kept when unchanged."""
        content = tagged_pdf(title, body, heading_lines)
        checksum = hashlib.sha1(content, usedforsecurity=False).hexdigest()
        document = Document.objects.filter(title=title).first()
        if document and document.file_hash == checksum:
            return document
        document = document or Document(title=title)
        document.file.save(f"{slug}.pdf", ContentFile(content), save=False)
        document.file_size = len(content)
        document.file_hash = checksum
        document.save()
        return document

    def ensure_images(self) -> None:
        self.images = {key: self.ensure_image(image) for key, image in DEMO_IMAGES.items()}

    @staticmethod
    def ensure_image(demo_image: DemoImage) -> AbstractImage:
        content = demo_image.draw()
        # Wagtail's own file_hash is the SHA-1 of the file: an unchanged drawing is kept.
        checksum = hashlib.sha1(content, usedforsecurity=False).hexdigest()
        image = get_image_model().objects.filter(title=demo_image.title).first()
        if image and image.file_hash == checksum:
            return image
        if image:
            # Drawn differently (a new Pillow, say): the old file and renditions are stale.
            image.renditions.all().delete()
            image.file.delete(save=False)
        image = image or get_image_model()(title=demo_image.title)
        # Assigned rather than saved through the field: the assignment sets width and height.
        image.file = ImageFile(io.BytesIO(content), name=f"{demo_image.key}.png")
        image.file_size = len(content)
        image.file_hash = checksum
        image.save()
        return image

    # -- second pass: bodies, relations, publication ------------------------------------

    def resolve(self, slug: str) -> int | None:
        pending = self.pages.get(slug)
        return pending.page.pk if pending else None

    def resolve_image(self, key: str) -> int:
        return self.images[key].pk

    def resolve_theme(self, slug: str) -> int:
        return self.themes[slug].pk

    def fill_pages(self) -> None:
        for pending in self.pages.values():
            page = pending.page
            if hasattr(page, "body") and pending.body:
                page.body = body_stream(
                    pending.body, self.resolve, self.resolve_image, self.resolve_theme
                )
            if hasattr(page, "profiles"):
                page.profiles.set(
                    [
                        self.profiles[slug]
                        for slug in pending.profiles or pending.extra.get("profiles", [])
                    ]
                )
                page.themes.set([self.themes[slug] for slug in pending.themes])
            self.fill_extra(page, pending.extra)
            page.save_revision().publish()

    def fill_extra(self, page: Page, extra: dict) -> None:
        if "pdf_slug" in extra:
            # The very body the page shows, so that the PDF and the HTML say the same.
            page.document = self.ensure_pdf(
                extra["pdf_slug"], page.title, page.body, self.publication_heading(page)
            )
        if "documents" in extra:
            page.documents = list_stream("document", extra["documents"])
        if extra.get("place_slug"):
            page.place = self.pages[extra["place_slug"]].page
        if "neighbourhoods" in extra:
            page.neighbourhoods.set([self.neighbourhoods[s] for s in extra["neighbourhoods"]])
        if "top_tasks" in extra:
            page.top_tasks = [
                ProfileTopTask(page=self.pages[slug].page, sort_order=order)
                for order, slug in enumerate(extra["top_tasks"])
                if slug in self.pages
            ]
        if "place" in extra:
            self.fill_opening_hours(page, extra["place"])
        if isinstance(page, ContactFormPage):
            page.form_fields = [
                ContactFormField(
                    label="Votre nom",
                    field_type="singleline",
                    required=True,
                    purpose=PersonalDetail.NAME,
                    sort_order=0,
                ),
                ContactFormField(
                    label="Votre courriel",
                    field_type="email",
                    required=True,
                    purpose=PersonalDetail.EMAIL,
                    sort_order=1,
                ),
                ContactFormField(
                    label="Objet", field_type="singleline", required=True, sort_order=2
                ),
                ContactFormField(
                    label="Votre message", field_type="multiline", required=True, sort_order=3
                ),
            ]

    def fill_opening_hours(self, page: PlacePage, data: dict) -> None:
        page.opening_hours = [
            OpeningHours(
                weekday=day,
                opens=time.fromisoformat(opens),
                closes=time.fromisoformat(closes),
                sort_order=i,
            )
            for i, (day, opens, closes) in enumerate(data["opening_hours"])
        ]
        page.opening_exceptions = [
            OpeningException(
                date=self.next_occurrence(exception["date"]),
                closed=exception["closed"],
                opens=time.fromisoformat(exception["opens"]) if exception.get("opens") else None,
                closes=time.fromisoformat(exception["closes"]) if exception.get("closes") else None,
                label=exception.get("label", ""),
                sort_order=i,
            )
            for i, exception in enumerate(data["exceptions"])
        ]

    def next_occurrence(self, month_day: str) -> date:
        month, day = (int(part) for part in month_day.split("-"))
        candidate = date(self.today.year, month, day)
        return candidate if candidate >= self.today else date(self.today.year + 1, month, day)

    def ensure_home_content(self) -> None:
        home = self.home
        home.intro = (
            "Toutes les démarches, les services et l'actualité de votre ville, en quelques clics."
        )
        home.quick_links = [
            ("link", {"page": self.pages[link["slug"]].page, "label": link["label"]})
            for link in pages.QUICK_LINKS
            if link["slug"] in self.pages
        ]
        home.body = body_stream(
            newsletters.HOME_BODY, self.resolve, self.resolve_image, self.resolve_theme
        )
        home.save_revision().publish()

    def ensure_settings_and_alert(self) -> None:
        site = Site.objects.get(is_default_site=True)
        town = TownSettings.for_site(site)
        town.town_name = "Villeneuve-sur-Lys"
        town.address = "1 place de la Mairie"
        town.postcode = "59999"
        town.city = "Villeneuve-sur-Lys"
        town.phone = "03 53 73 00 00"
        town.email = "accueil@villeneuve-sur-lys.fr"
        town.opening_hours = (
            "Du lundi au vendredi de 8h30 à 12h et de 13h30 à 17h30, le samedi de 9h à 12h."
        )
        town.save()
        start = timezone.make_aware(datetime.combine(self.today, time(0, 0)))
        Alert.objects.update_or_create(
            title="Travaux rue de la Lys",
            locale=self.french,
            defaults={
                "message": "La rue de la Lys est fermée à la circulation entre le pont et la place du Marché jusqu'à la fin du mois ; une déviation est en place.",
                "level": Alert.Level.WARNING,
                "starts_at": start - timedelta(days=2),
                "ends_at": start + timedelta(days=21),
                "link_page": self.pages["cadre-de-vie"].page,
            },
        )

    # -- newsletters (demo/letters.py) ----------------------------------------------------

    def newsletter_taxonomies(self) -> letters.Taxonomies:
        return letters.Taxonomies(self.themes, self.neighbourhoods, self.profiles)

    def ensure_letters(self) -> None:
        """The segments and the letters, published below the archive."""
        segments = letters.ensure_segments(self.newsletter_taxonomies())
        letters.ensure_letters(
            self.pages[newsletters.ARCHIVE["slug"]].page,
            segments,
            self.newsletter_taxonomies(),
            self.ensure_page,
            self.resolve,
            self.resolve_image,
        )

    def ensure_newsletter_audience(self) -> dict[str, int]:
        """The fictional subscribers and the campaigns already sent (nothing is mailed)."""
        now = timezone.make_aware(datetime.combine(self.today, time(18, 0)))
        with transaction.atomic():
            created = letters.ensure_subscribers(self.newsletter_taxonomies(), now)
            campaigns = letters.ensure_sent_campaigns(now)
            mobiles = letters.ensure_sms_audience(self.newsletter_taxonomies(), now)
            sms = letters.ensure_sms_campaigns(self.newsletter_taxonomies(), now)
        self.log(f"  newsletters: {created} contacts and {campaigns} sent campaigns added")
        self.log(f"  SMS: {mobiles} mobile numbers and {sms} sent SMS campaigns added")
        return {
            "newsletter contacts": Contact.objects.count(),
            "sent campaigns": Campaign.objects.filter(status=Campaign.Status.SENT).count(),
        }

    # -- editorial organisation ------------------------------------------------------------

    def ensure_editorial_workflow(self) -> None:
        admin_access = Permission.objects.get(codename="access_admin")
        webmasters, _ = Group.objects.get_or_create(name=WEBMASTERS_GROUP)
        webmasters.permissions.add(
            admin_access,
            *self.snippet_permissions(),
            # The read-only listing of notification e-mails, to see what failed.
            Permission.objects.get(
                content_type__app_label="notifications", codename="view_outgoingmail"
            ),
        )
        self.grant(
            webmasters, self.home, ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
        )
        root_collection = Collection.get_first_root_node()
        self.grant_media(webmasters, root_collection, ["add", "change", "choose", "delete"])
        agenda_group, _ = Group.objects.get_or_create(name=AGENDA_EDITORS_GROUP)
        agenda_group.permissions.add(
            admin_access,
            *Permission.objects.filter(
                content_type__app_label="events", codename__endswith="eventproposal"
            ),
            Permission.objects.get(
                content_type__app_label="events", codename="receive_proposal_notifications"
            ),
        )
        self.grant(agenda_group, self.pages["agenda"].page, ["add", "change"])
        for name, section_slug in SERVICE_GROUPS.items():
            group, _ = Group.objects.get_or_create(name=name)
            group.permissions.add(admin_access)
            self.grant(group, self.pages[section_slug].page, ["add", "change"])
            # Each service uploads to its own collection and chooses from the whole library.
            self.grant_media(
                group, self.service_collection(root_collection, name), ["add", "change", "choose"]
            )
            self.grant_media(group, root_collection, ["choose"])
            self.ensure_service_publishing(group)
            group.permissions.add(*self.service_newsletter_permissions())
        webmasters.permissions.add(*self.webmaster_statement_permissions())
        # The letters: everything, every theme, and sending.
        webmasters.permissions.add(
            *Permission.objects.filter(content_type__app_label="newsletters")
        )
        # The social networks: the accounts, the posts' report, and launching an alert.
        webmasters.permissions.add(
            *Permission.objects.filter(content_type__app_label__in=["social", "alerts"])
        )

        workflow, _ = Workflow.objects.get_or_create(name="Validation par les webmestres")
        task, _ = GroupApprovalTask.objects.get_or_create(name="Relecture webmestre")
        task.groups.set([webmasters])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=self.home, defaults={"workflow": workflow})

    def ensure_service_publishing(self, group: Group) -> None:
        """A service proposes news and events: "add" on the news index and the agenda lets
        its editors create pages there and edit the ones they own (Wagtail's rule), never
        the others'; the workflow on the home page sends them to the webmasters. Its new
        pages come tagged with its themes, and it may change the places it runs."""
        for slug in ("actualites", "agenda"):
            self.grant(group, self.pages[slug].page, ["add"])
        for slug in SERVICE_PLACES.get(group.name, []):
            self.grant(group, self.pages[slug].page, ["change"])
        service, _ = EditorialService.objects.get_or_create(group=group)
        service.themes.set([self.themes[slug] for slug in SERVICE_THEMES.get(group.name, [])])

    @staticmethod
    def webmaster_statement_permissions():
        """The webmasters keep the accessibility audits (the statement is generated from
        them), read the automated measurements, and say which themes each service has."""
        return Permission.objects.filter(
            content_type__app_label__in=["accessibility", "core"],
            codename__regex=(
                r"^((add|change|delete|view)_accessibilityaudit|view_checkrun"
                r"|(change|view)_editorialservice)$"
            ),
        )

    @staticmethod
    def service_newsletter_permissions():
        """A service reads its themes' contacts and campaigns, builds segments on its themes
        (the admin limits them to those) and writes its SMS; the webmasters send."""
        return Permission.objects.filter(
            content_type__app_label="newsletters",
            codename__in=[
                "view_contact",
                "add_segment",
                "change_segment",
                "view_segment",
                "view_campaign",
                "add_smsmessage",
                "change_smsmessage",
                "view_smsmessage",
            ],
        )

    @staticmethod
    def snippet_permissions():
        """Taxonomy, alerts, and the search vocabulary (synonyms and promoted results)."""
        return Permission.objects.filter(
            content_type__app_label__in=["core", "profiles", "search", "wagtailsearchpromotions"],
            codename__regex=(
                r"^(add|change|delete|view)_"
                r"(alert|theme|neighbourhood|profile|synonymgroup|searchpromotion)$"
            ),
        )

    @staticmethod
    def grant(group: Group, page: Page, permission_types: list[str]) -> None:
        for permission_type in permission_types:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
            )
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)

    @staticmethod
    def service_collection(root: Collection, name: str) -> Collection:
        existing = root.get_children().filter(name=name).first()
        return existing or root.add_child(instance=Collection(name=name))

    @staticmethod
    def grant_media(group: Group, collection: Collection, permission_types: list[str]) -> None:
        """Image and document permissions of `group` on `collection` and its children."""
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for permission_type in permission_types:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{permission_type}_{model}"
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )

    def ensure_users(self) -> None:
        User = get_user_model()
        accounts = [
            ("admin", "Administratrice", "Démo", None, True),
            ("webmestre", "Camille", "Lefebvre", WEBMASTERS_GROUP, False),
            ("agenda", "Nadia", "Benali", AGENDA_EDITORS_GROUP, False),
            ("culture", "Julien", "Vasseur", "Service culture et sports", False),
            ("education", "Sophie", "Delattre", "Service éducation", False),
        ]
        for username, first_name, last_name, group_name, superuser in accounts:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{username}@villeneuve-sur-lys.fr",
                    "is_staff": superuser,
                    "is_superuser": superuser,
                },
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
            # Never on an account someone gave a real password: the codes are public.
            if created or user.check_password(DEMO_PASSWORD):
                replace_backup_codes(user, DEMO_BACKUP_CODES)
        self.log(
            "Demo accounts' backup codes (two-factor sign-in, each once per account): "
            + ", ".join(DEMO_BACKUP_CODES)
        )
