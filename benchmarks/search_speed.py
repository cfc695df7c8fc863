"""Indexing time and search latency of Meilisearch with thousands of pages in the database.

    .venv/bin/python benchmarks/search_speed.py --pages 10000

Builds a throw-away database (SQLite under var/bench-search/, or DATABASE_URL), loads the
demo commune, adds generated French news, events and information pages up to --pages pages
(titles and texts drawn from a municipal vocabulary, so that queries hit different subsets),
starts its own Meilisearch (under var/bench-search/meilisearch/, free port, random master
key), times `rebuild_search_index`, then sends --queries varied queries (single words, typos,
accents left out, residents' phrasing, type filter, second page) to /api/search/ and to
/recherche/ and prints median/p95/max server time with the ratio to the 30 ms p95 target,
and how many results the queries found. Requests go through the whole Django stack
in-process (middleware, routing, templates, the Meilisearch client over HTTP), without any
cache. --reuse keeps the database (and skips generation when it is big enough); Meilisearch
always starts from an empty data directory and the index is always rebuilt.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import random
import re
import secrets
import shutil
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from bench_setup import ROOT, setup_django

BENCH_DIR = ROOT / "var" / "bench-search"
MEILISEARCH_DIR = BENCH_DIR / "meilisearch"
TARGET_P95_MS = 30.0
WARM_UP_REQUESTS = 10
SEED = 2026
GENERATION_BATCH = 500

# ----------------------------------------------------------------------------------------
# Vocabulary of the generated pages
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    section: str  # slug of the demo rubrique that holds its information pages
    news: tuple[str, ...]  # headlines
    events: tuple[str, ...]  # event names
    pages: tuple[str, ...]  # information page titles
    sentences: tuple[str, ...]


TOPICS = [
    Topic(
        "enfance-education",
        ("Nouveaux menus à la cantine", "La cantine passe au bio", "Tarifs de la cantine"),
        ("Repas à thème à la cantine", "Semaine du goût à la cantine"),
        ("Menus de la cantine", "Inscription à la restauration scolaire"),
        (
            "Les menus de la cantine des écoles maternelles et élémentaires sont en ligne.",
            "La restauration scolaire sert chaque jour un repas végétarien et des produits locaux.",
            "L'inscription à la cantine se fait sur le portail famille avant le 20 du mois.",
        ),
    ),
    Topic(
        "culture-sport",
        ("Réouverture de la piscine", "La piscine ferme pour vidange", "Piscine : horaires"),
        ("Leçons de natation à la piscine", "Nuit de l'aquagym", "Fête de la piscine"),
        ("Horaires et tarifs de la piscine municipale", "Cours de natation"),
        (
            "La piscine municipale ouvre le bassin extérieur dès les premières chaleurs.",
            "Les leçons de natation pour les enfants reprennent à la piscine le mercredi.",
            "Le bonnet de bain est obligatoire dans les bassins de la piscine.",
        ),
    ),
    Topic(
        "cadre-de-vie",
        ("Travaux de voirie", "Réfection de la chaussée", "Travaux : circulation modifiée"),
        ("Réunion publique sur les travaux", "Visite du chantier"),
        ("Les travaux en cours", "Voirie : signaler un nid-de-poule"),
        (
            "Des travaux de voirie imposent une déviation pendant trois semaines.",
            "La réfection de la chaussée et des trottoirs se fait par demi-chaussée.",
            "Le stationnement est interdit aux abords du chantier pendant les travaux.",
        ),
    ),
    Topic(
        "culture-sport",
        ("La médiathèque prolonge ses horaires", "Nouveautés à la médiathèque"),
        ("Heure du conte à la médiathèque", "Club de lecture", "Atelier jeux vidéo"),
        ("Emprunter à la médiathèque", "Horaires de la médiathèque"),
        (
            "La médiathèque prête livres, BD, DVD et liseuses avec une carte gratuite.",
            "L'heure du conte réunit les enfants de 3 à 7 ans à la médiathèque.",
            "Le portail de la médiathèque permet de réserver et prolonger ses prêts.",
        ),
    ),
    Topic(
        "mairie",
        ("Ce qu'a voté le conseil municipal", "Budget voté en conseil municipal"),
        ("Séance du conseil municipal", "Conseil municipal des jeunes"),
        ("Le conseil municipal", "Comptes rendus du conseil municipal"),
        (
            "Le conseil municipal se réunit en séance publique à l'hôtel de ville.",
            "Les délibérations du conseil municipal sont affichées en mairie.",
            "Le budget primitif a été adopté par le conseil municipal.",
        ),
    ),
    Topic(
        "enfance-education",
        ("Places disponibles en crèche", "La crèche agrandie", "Nouvelle micro-crèche"),
        ("Portes ouvertes à la crèche", "Matinée des assistantes maternelles"),
        ("Inscrire son enfant en crèche", "Relais petite enfance"),
        (
            "Les demandes de place en crèche sont étudiées en commission d'attribution.",
            "Le multi-accueil accueille les enfants de 10 semaines à 3 ans.",
            "Le relais petite enfance aide les familles à trouver une assistante maternelle.",
        ),
    ),
    Topic(
        "cadre-de-vie",
        ("Collecte des encombrants", "Nouveau calendrier des déchets", "Le tri simplifié"),
        ("Opération quartier propre", "Distribution de composteurs"),
        ("Collecte des encombrants", "Déchetterie : horaires et accès"),
        (
            "Les encombrants sont collectés sur rendez-vous une fois par mois.",
            "Tous les emballages et papiers vont dans le bac jaune.",
            "La déchetterie accepte les gravats, le bois et les déchets verts.",
        ),
    ),
    Topic(
        "vie-associative",
        ("Le marché s'agrandit", "Marché de Noël : appel aux exposants"),
        ("Brocante", "Vide-grenier", "Marché de Noël", "Marché nocturne"),
        ("Marchés et brocantes", "Réserver un emplacement au vide-grenier"),
        (
            "Le marché hebdomadaire réunit producteurs et commerçants le samedi matin.",
            "Les exposants de la brocante s'installent dès 6 heures.",
            "L'inscription au vide-grenier se fait à l'accueil de la mairie.",
        ),
    ),
    Topic(
        "culture-sport",
        ("Programme de la saison culturelle", "Le festival revient"),
        ("Concert", "Spectacle de théâtre", "Cinéma en plein air", "Fête de la musique"),
        ("Salle des fêtes : réservation", "Saison culturelle"),
        (
            "Le concert gratuit se tient sur le parvis de l'hôtel de ville.",
            "La compagnie présente son spectacle de théâtre tout public.",
            "Le cinéma en plein air projette un film familial à la tombée de la nuit.",
        ),
    ),
    Topic(
        "securite",
        ("Nouvelle zone bleue", "Stationnement : ce qui change", "Parking relais ouvert"),
        ("Réunion sur le plan de stationnement",),
        ("Stationnement et zone bleue", "Demander une carte de stationnement résident"),
        (
            "Le stationnement en zone bleue est limité à 1 h 30 avec un disque.",
            "La carte de stationnement résident se demande à la police municipale.",
            "Un parking relais gratuit est ouvert près de la gare.",
        ),
    ),
    Topic(
        "mairie",
        ("Inscription sur les listes électorales", "Élections : bureaux de vote"),
        ("Permanence électorale", "Cérémonie de citoyenneté"),
        ("Élections et listes électorales", "Carte d'identité et passeport"),
        (
            "L'inscription sur les listes électorales est possible jusqu'au sixième vendredi "
            "avant le scrutin.",
            "Les bureaux de vote sont ouverts de 8 heures à 18 heures.",
            "Le rendez-vous pour la carte d'identité se prend en ligne.",
        ),
    ),
    Topic(
        "solidarite-sante",
        ("Repas des aînés", "Plan canicule activé", "Colis de Noël des seniors"),
        ("Thé dansant des seniors", "Atelier mémoire", "Repas des aînés"),
        ("Services aux seniors", "Portage de repas à domicile"),
        (
            "Le repas des aînés est offert aux habitants de plus de 70 ans.",
            "Le registre canicule recense les personnes fragiles et isolées.",
            "Le portage de repas à domicile fonctionne sept jours sur sept.",
        ),
    ),
    Topic(
        "culture-sport",
        ("Le gymnase rénové", "Nouveau terrain synthétique au stade"),
        ("Tournoi de football au stade", "Gala de judo au gymnase", "Course des écoles"),
        ("Équipements sportifs", "Réserver un créneau au gymnase"),
        (
            "Le gymnase accueille les clubs de basket, de handball et de judo.",
            "Le stade municipal dispose d'une piste d'athlétisme éclairée.",
            "Les associations sportives réservent leurs créneaux auprès du service des sports.",
        ),
    ),
    Topic(
        "cadre-de-vie",
        ("Plantation d'arbres", "Jardins partagés : parcelles libres", "Zéro pesticide"),
        ("Troc de plantes", "Balade nature au parc", "Journée de l'arbre"),
        ("Jardins partagés", "Parcs et espaces verts"),
        (
            "Les jardins partagés proposent des parcelles aux habitants sans jardin.",
            "Les espaces verts sont entretenus sans pesticides depuis plusieurs années.",
            "De nouveaux arbres sont plantés le long des allées du parc.",
        ),
    ),
    Topic(
        "cadre-de-vie",
        ("Éclairage public modernisé", "Arrivée de la fibre optique"),
        ("Réunion d'information sur la fibre",),
        ("Éclairage public", "Fibre optique : être raccordé"),
        (
            "L'éclairage public passe aux LED et s'éteint entre 1 heure et 5 heures.",
            "La fibre optique est déployée rue par rue par l'opérateur.",
            "Une panne d'éclairage public se signale sur Allô Mairie.",
        ),
    ),
    Topic(
        "mairie",
        ("Révision du PLU", "Permis de construire : dématérialisation"),
        ("Enquête publique sur le PLU",),
        ("Urbanisme : permis de construire", "Déclaration préalable de travaux"),
        (
            "Le plan local d'urbanisme fixe les règles de construction de chaque zone.",
            "Le permis de construire se dépose en ligne sur le guichet urbanisme.",
            "Une déclaration préalable suffit pour une clôture ou un abri de jardin.",
        ),
    ),
    Topic(
        "mairie",
        ("La ville recrute", "Jobs d'été à la mairie", "Forum de l'emploi"),
        ("Forum de l'emploi", "Atelier CV", "Job dating"),
        ("Offres d'emploi de la ville", "Stages et apprentissage"),
        (
            "La ville recrute des animateurs pour le centre de loisirs cet été.",
            "Les candidatures sont à adresser au service des ressources humaines.",
            "Le forum de l'emploi réunit entreprises et demandeurs d'emploi.",
        ),
    ),
    Topic(
        "enfance-education",
        ("Rentrée scolaire", "Inscriptions à l'école", "Centre de loisirs : programme"),
        ("Kermesse de l'école", "Carnaval des écoles", "Stage au centre de loisirs"),
        ("Inscription à l'école", "Accueil périscolaire", "Centre de loisirs"),
        (
            "L'inscription à l'école maternelle se fait en mairie avec le livret de famille.",
            "L'accueil périscolaire fonctionne le matin dès 7 h 30 et le soir jusqu'à 18 h 30.",
            "Le centre de loisirs accueille les enfants le mercredi et pendant les vacances.",
        ),
    ),
]

NEIGHBOURHOODS = ["Centre-ville", "Les Prés", "Le Moulin", "La Gare", "Bois-Fleuri"]
STREETS = [
    "rue Victor-Hugo",
    "avenue Jean-Jaurès",
    "rue des Écoles",
    "boulevard Pasteur",
    "chemin du Moulin",
    "rue de la Gare",
    "place de la Mairie",
    "allée des Tilleuls",
]
PLACES = [
    "la salle des fêtes",
    "la médiathèque",
    "le gymnase Pierre-de-Coubertin",
    "le parc du Moulin",
    "l'hôtel de ville",
    "la maison des associations",
]
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
ORGANISERS = [
    "Service culturel",
    "Comité des fêtes",
    "Centre communal d'action sociale",
    "Office municipal des sports",
    "Association des parents d'élèves",
    "Amicale du Moulin",
]
CLOSINGS = [
    "Renseignements à l'accueil de la mairie, du lundi au vendredi.",
    "Plus d'informations sur le site de la ville et sur le panneau lumineux.",
    "Accès libre et gratuit, dans la limite des places disponibles.",
    "Les habitants du quartier {quartier} sont prévenus par courrier.",
    "Le calendrier complet de {month} est disponible en mairie.",
]

# ----------------------------------------------------------------------------------------
# Queries
# ----------------------------------------------------------------------------------------

SINGLE_WORDS = [
    "piscine", "cantine", "travaux", "voirie", "médiathèque", "crèche", "encombrants",
    "marché", "brocante", "concert", "stationnement", "élections", "gymnase", "déchets",
    "urbanisme", "seniors", "emploi", "jardins", "fibre", "natation", "déchetterie",
    "périscolaire", "canicule", "théâtre",
]  # fmt: skip
TWO_WORDS = [
    "piscine juillet", "travaux gare", "conseil municipal", "menus cantine", "brocante moulin",
    "marché noël", "crèche inscription", "voirie prés", "heure conte", "collecte encombrants",
    "stationnement centre-ville", "fête musique", "repas aînés", "permis construire",
    "jardins partagés", "centre loisirs", "zone bleue", "éclairage public",
]  # fmt: skip
TYPOS = [
    "piscne", "mediatheque", "cantinne", "travau", "conseil municipl", "creche",
    "stationement", "encombrant", "dechets", "gymnaze", "vide grenier", "elections",
    "bibliotheque", "periscolaire", "brocantte", "medaitheque",
]  # fmt: skip
PHRASES = [
    "horaires de la piscine cet été",
    "inscrire mon enfant à la crèche",
    "quand passent les encombrants dans mon quartier",
    "travaux rue Victor-Hugo",
    "menu de la cantine de la semaine",
    "où se garer au centre-ville",
    "date du prochain conseil municipal",
    "comment s'inscrire sur les listes électorales",
    "que faire à la médiathèque le mercredi",
    "brocante du dimanche au Moulin",
    "faire une demande de carte d'identité",
    "cours de natation pour enfants",
    "trouver une assistante maternelle",
    "déposer un permis de construire en ligne",
]
COMBINED_WORDS = ["piscine", "travaux", "marché", "concert", "cantine", "brocante", "voirie"]
WARM_UP_QUERIES = [
    "mairie", "école", "parc", "festival", "judo",
    "repas", "parking", "fête", "horaires", "inscription",
]  # fmt: skip


def french_page_count() -> int:
    from wagtail.models import Locale, Page

    return Page.objects.filter(locale=Locale.get_default()).count()


def body_json(paragraphs: list[str]) -> str:
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs])


def page_texts(rng: random.Random, topic: Topic, title: str) -> dict[str, str]:
    """Intro and body of a generated page: mostly its topic, a little of another one."""
    quartier, month = rng.choice(NEIGHBOURHOODS), rng.choice(MONTHS)
    sentences = rng.sample(topic.sentences, k=rng.randint(2, 3))
    other = rng.choice(TOPICS)
    paragraphs = [
        " ".join(sentences),
        f"{rng.choice(other.sentences)} Quartier concerné : {quartier}, {rng.choice(STREETS)}.",
        rng.choice(CLOSINGS).format(quartier=quartier, month=month),
    ]
    intro = f"{sentences[0]} {title} : à retenir pour {month}."
    return {"intro": intro, "body": body_json(paragraphs)}


def new_page(rng: random.Random, number: int, parents: dict) -> tuple:
    """A generated page (not saved yet) and its parent: a news item, an event or an
    information page in the rubrique of its topic."""
    from django.utils import timezone
    from django.utils.text import slugify

    from core.models import ContentPage
    from events.models import EventPage
    from news.models import NewsPage

    topic = rng.choice(TOPICS)
    kind = rng.choices(["news", "event", "content"], weights=[45, 35, 20])[0]
    month, quartier = rng.choice(MONTHS), rng.choice(NEIGHBOURHOODS)
    now = timezone.now()
    if kind == "news":
        where = rng.choice([rng.choice(STREETS), f"quartier {quartier}", f"en {month}"])
        title = f"{rng.choice(topic.news)} {where}"
        page = NewsPage(title=title, date=(now - timedelta(days=number % 730)).date())
        parent = parents["news"]
    elif kind == "event":
        where = rng.choice([f"à {rng.choice(PLACES)}", f"– {quartier}", f"de {month}"])
        title = f"{rng.choice(topic.events)} {where}"
        page = EventPage(
            title=title,
            start=now + timedelta(days=number % 425 - 60, hours=rng.randint(9, 20)),
            location=f"{rng.choice(STREETS)}, {quartier}",
            organiser=rng.choice(ORGANISERS),
        )
        parent = parents["events"]
    else:
        title = f"{rng.choice(topic.pages)} – {quartier}"
        page = ContentPage(title=title)
        parent = parents.get(topic.section, parents["fallback"])
    for name, value in page_texts(rng, topic, title).items():
        setattr(page, name, value)
    page.slug = f"{slugify(title)[:60]}-{number}"
    return parent, page


def generate_pages(total: int) -> int:
    """Add live pages until the French tree holds `total` pages. No revision is published,
    so page_published never fires and no index task is enqueued: the index is rebuilt."""
    from django.db import transaction
    from wagtail.models import Locale

    from core.models import SectionPage
    from events.models import EventIndexPage
    from news.models import NewsIndexPage

    french = Locale.get_default()
    existing = french_page_count()
    missing = max(total - existing, 0)
    parents = {page.slug: page for page in SectionPage.objects.filter(locale=french)}
    parents["fallback"] = next(iter(parents.values()))
    parents["news"] = NewsIndexPage.objects.get(locale=french)
    parents["events"] = EventIndexPage.objects.get(locale=french)
    rng = random.Random(SEED + existing)
    started = time.perf_counter()
    for first in range(0, missing, GENERATION_BATCH):
        with transaction.atomic():  # one commit per batch: SQLite commits are the slow part
            for number in range(first, min(first + GENERATION_BATCH, missing)):
                parent, page = new_page(rng, existing + number, parents)
                parent.add_child(instance=page)
        if sys.stderr.isatty():
            done = min(first + GENERATION_BATCH, missing)
            rate = done / (time.perf_counter() - started)
            print(f"\r  {done}/{missing} pages ({rate:.0f}/s)", end="", file=sys.stderr)
    if missing and sys.stderr.isatty():
        print(file=sys.stderr)
    return missing


def build_queries(count: int) -> list[dict[str, str]]:
    """A deterministic mix of queries, a fifth of them filtered on news, some on page 2."""
    rng = random.Random(SEED)
    makers = [
        lambda: rng.choice(SINGLE_WORDS),
        lambda: rng.choice(TWO_WORDS),
        lambda: rng.choice(TYPOS),
        lambda: rng.choice(PHRASES),
        lambda: f"{rng.choice(COMBINED_WORDS)} {rng.choice(MONTHS + NEIGHBOURHOODS)}",
    ]
    queries = []
    for number in range(count):
        params = {"q": makers[number % len(makers)]()}
        if number % 5 == 2:
            params["type"] = "newspage"
        if number % 8 == 5:
            params["page"] = "2"
        queries.append(params)
    return queries


@dataclass
class Measure:
    timings: list[float]
    totals: list[int]
    shown: list[int]
    slowest: list[tuple[float, str]]


def measure(client, path: str, queries: list[dict[str, str]]) -> Measure:
    for word in WARM_UP_QUERIES[:WARM_UP_REQUESTS]:
        response = client.get(path, api_params(path, {"q": word}))
        assert response.status_code == 200, (path, word, response.status_code)
    timings, totals, shown, labelled = [], [], [], []
    for params in queries:
        query = api_params(path, params)
        start = time.perf_counter()
        response = client.get(path, query)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (path, params, response.status_code)
        if path.startswith("/api/"):
            data = response.json()
            total, count = data["total"], len(data["results"])
        else:
            results = response.context_data["results"]
            total, count = results.total, len(results.hits)
        timings.append(elapsed)
        totals.append(total)
        shown.append(count)
        labelled.append((elapsed, f"{path}?{urlencode(query)}"))
    slowest = sorted(labelled, reverse=True)[:3]
    return Measure(timings, totals, shown, slowest)


def api_params(path: str, params: dict[str, str]) -> dict[str, str]:
    return {**params, "locale": "fr"} if path.startswith("/api/") else dict(params)


def rebuild_index() -> None:
    from django.core.management import call_command

    from search import engine

    output = io.StringIO()
    started = time.perf_counter()
    call_command("rebuild_search_index", "--no-progress", stdout=output)
    elapsed = time.perf_counter() - started
    lines = output.getvalue().strip().splitlines()
    for line in lines:
        print(f"  {line}")
    pages = sum(int(found) for found in re.findall(r"^\w+: (\d+) pages", output.getvalue(), re.M))
    french = engine.client().index(engine.index_uid("fr")).get_stats().number_of_documents
    print(
        f"indexed {pages} pages (all locales) in {elapsed:.1f} s, {pages / elapsed:.0f} pages/s;"
        f" {french} documents in the French index"
    )


def report(results: dict[str, Measure], fallbacks: int) -> None:
    print(
        f"\n{'endpoint':<15}{'median ms':>10}{'p95 ms':>9}{'max ms':>9}{'p95/30ms':>10}"
        f"{'mean total':>12}{'mean shown':>12}{'>=1 result':>12}"
    )
    for path, m in results.items():
        timings = sorted(m.timings)
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        found = sum(1 for total in m.totals if total > 0) / len(m.totals)
        print(
            f"{path:<15}{statistics.median(timings):>10.1f}{p95:>9.1f}{timings[-1]:>9.1f}"
            f"{p95 / TARGET_P95_MS:>10.2f}{statistics.mean(m.totals):>12.1f}"
            f"{statistics.mean(m.shown):>12.1f}{found:>11.0%}"
        )
    for path, m in results.items():
        print(f"\nslowest on {path}:")
        for elapsed, url in m.slowest:
            print(f"  {elapsed:6.1f} ms  {url}")
    print(f"\nfallbacks to the database backend: {fallbacks}")


class CountingHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database")
    args = parser.parse_args()

    setup_django(BENCH_DIR, fresh=not args.reuse)
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    from core.db import refresh_planner_statistics
    from core.net import free_port
    from search.server import MeilisearchServer

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not args.reuse or french_page_count() < 2:
        started = time.perf_counter()
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"demo commune loaded in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    added = generate_pages(args.pages)
    refresh_planner_statistics()  # as PostgreSQL's autovacuum would after such a load
    elapsed = time.perf_counter() - started
    rate = f", {added / elapsed:.0f} pages/s" if added else ""
    print(f"generated {added} pages in {elapsed:.0f} s{rate}")
    print(f"database: {french_page_count()} French pages, {Page.objects.count()} pages in all")

    shutil.rmtree(MEILISEARCH_DIR, ignore_errors=True)
    server = MeilisearchServer(MEILISEARCH_DIR, secrets.token_hex(16), port=free_port())
    with server:
        # Before anything creates a client: search.engine caches them per (url, key).
        settings.MEILISEARCH_URL = server.url
        settings.MEILISEARCH_API_KEY = server.master_key
        print(f"\nMeilisearch on {server.url} (data in {MEILISEARCH_DIR.relative_to(ROOT)})")
        rebuild_index()

        fallbacks = CountingHandler()
        logging.getLogger("search.service").addHandler(fallbacks)
        client = Client()
        queries = build_queries(args.queries)
        results = {path: measure(client, path, queries) for path in ("/api/search/", "/recherche/")}
        print(f"\n{len(queries)} queries per endpoint, after {WARM_UP_REQUESTS} warm-up requests")
        report(results, fallbacks.count)


if __name__ == "__main__":
    main()
