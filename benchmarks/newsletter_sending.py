"""Newsletter figures of PRODUCT.md's targets, on a throw-away database with the demo town
and 100,000 generated contacts.

    .venv/bin/python benchmarks/newsletter_sending.py [--contacts 100000] [--seconds 30]

Prints:
- start: rendering the letter once per language, freezing it, and queuing one delivery row
  per recipient (target with personalising: ≤ 60 s for 100,000 recipients);
- personalise: building every recipient's mail (signed links filled in, MIME bytes), the
  per-recipient work the send tasks do;
- peak Python memory of the start at 50,000 and at 100,000 recipients (target: flat);
- delivery throughput to a local SMTP server with one and with two sender processes
  (target ≥ 300 mails/s on a 2-core machine), to two servers in turn: Postfix's smtp-sink
  (/usr/sbin/smtp-sink, the C test server Postfix's authors measure mail clients with;
  installed by scripts/setup.sh), which leaves the two cores to the senders as a relay on
  its own machine would; and aiosmtpd in its own process, the Python server of the tests,
  which spends about a millisecond of CPU per mail, on the same two cores.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import tracemalloc

from bench_setup import ROOT, setup_django

BENCH_DIR = ROOT / "var" / "bench-newsletters"
TARGET_START_S = 60.0
TARGET_RATE = 300.0
AIOSMTPD_SINK = """
import asyncio, sys
from aiosmtpd.controller import Controller
class Sink:
    async def handle_DATA(self, server, session, envelope):
        return "250 OK"
controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
sys.stdin.read()
"""
SMTP_SINK = "/usr/sbin/smtp-sink"


def start_aiosmtpd(port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", AIOSMTPD_SINK, str(port)], stdin=subprocess.PIPE)


def start_smtp_sink(port: int) -> subprocess.Popen:
    # -u: smtp-sink refuses to run as root without a user to become.
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    return subprocess.Popen([SMTP_SINK, *user, f"127.0.0.1:{port}", "256"])


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait()


def create_contacts(count: int) -> None:
    """`count` contacts consenting to culture; the first half also to sport."""
    from wagtail.models import Locale

    from core.models import Theme
    from newsletters.models import Consent, Contact
    from newsletters.models.audience import Channel, ConsentSource

    french = Locale.get_default()
    culture = Theme.objects.get(slug="culture", locale=french)
    sport = Theme.objects.get(slug="sport", locale=french)
    languages = ["fr"] * 8 + ["en", "nl"]
    for start in range(0, count, 5000):
        contacts = [
            Contact(email=f"bench{n}@example.org", language=languages[n % 10])
            for n in range(start, min(start + 5000, count))
        ]
        for contact in contacts:
            contact.normalise()
        contacts = Contact.objects.bulk_create(contacts)
        consents = [
            Consent(
                contact=c,
                theme=theme,
                channel=Channel.EMAIL,
                source=ConsentSource.IMPORT,
                wording="Import de la liste historique",
            )
            for n, c in enumerate(contacts, start)
            for theme in ([culture, sport] if n < count // 2 else [culture])
        ]
        Consent.objects.bulk_create(consents)


def letter():
    """The culture letter of the bench: a heading, text, the latest news and the upcoming
    events of the culture theme, published below an archive on the French home page."""
    from wagtail.models import Locale

    from core.models import Theme
    from home.models import HomePage
    from newsletters.models import NewsletterIndexPage, NewsletterPage

    existing = NewsletterPage.objects.filter(slug="lettre-bench").first()
    if existing:
        return existing
    french = Locale.get_default()
    home = HomePage.objects.get(locale=french, depth=2)
    archive = NewsletterIndexPage(title="Lettres (bench)", slug="lettres-bench")
    home.add_child(instance=archive)
    page = NewsletterPage(
        title="La lettre culture",
        slug="lettre-bench",
        preheader="Les rendez-vous du mois",
        theme=Theme.objects.get(slug="culture", locale=french),
        body=[
            ("heading", "Au programme"),
            ("text", "<p>La saison culturelle reprend à Villeneuve-sur-Lys.</p>" * 5),
            ("latest_news", {"count": 5}),
            ("upcoming_events", {"count": 5}),
        ],
    )
    archive.add_child(instance=page)
    page.save_revision().publish()
    return page


def campaign_for(theme_slug: str):
    from django.utils import timezone
    from wagtail.models import Locale

    from core.models import Theme
    from newsletters.models import Campaign, Segment

    segment = Segment.objects.create(name=f"Bench {theme_slug}")
    segment.themes.set([Theme.objects.get(slug=theme_slug, locale=Locale.get_default())])
    return Campaign.objects.create(page=letter(), segment=segment, scheduled_at=timezone.now())


def measure_start(theme_slug: str) -> tuple[int, float, float]:
    """(recipients, seconds, peak MiB of Python allocations) of starting a campaign."""
    from newsletters import sending

    campaign = campaign_for(theme_slug)
    tracemalloc.start()
    started = time.perf_counter()
    created = sending.start_campaign(campaign.pk)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return created, elapsed, peak


def measure_personalise(campaign_id: int) -> tuple[int, float]:
    """Build every recipient's mail as the send tasks do (its edition's prepared message,
    the recipient's signed links filled in, the MIME bytes), without sending it."""
    from newsletters import mail, personalise
    from newsletters.models import Campaign, CampaignEdition, Delivery
    from newsletters.rendering import edition_for_language

    campaign = Campaign.objects.get(pk=campaign_id)
    editions = list(CampaignEdition.objects.filter(campaign=campaign))
    templates = {
        e.language: mail.MailTemplate(
            subject=e.subject, html=e.html, text=e.text, list_id=mail.list_id("culture", "Culture")
        )
        for e in editions
    }
    personaliser = personalise.Personaliser(personalise.site_root_url())
    rows = Delivery.objects.filter(campaign=campaign).values_list(
        "pk", "contact_id", "language", "contact__email", "contact__first_name"
    )
    started = time.perf_counter()
    built = 0
    for delivery_id, contact_id, language, email, first_name in rows.iterator(chunk_size=2000):
        edition = edition_for_language(editions, language)
        values = personaliser.values(
            delivery_id=delivery_id,
            contact_id=contact_id,
            language=edition.language,
            first_name=first_name,
        )
        message = templates[edition.language].mail(
            to=email, values=values, message_id=mail.message_id(campaign.pk, delivery_id)
        )
        message.message().as_bytes(linesep="\r\n")
        built += 1
    prepared = sum(template.segments is not None for template in templates.values())
    print(f"editions prepared once for replacement: {prepared} of {len(templates)}")
    return built, time.perf_counter() - started


def measure_throughput(campaign_id: int, senders: int, seconds: float, port: int) -> float:
    """Mails per second the SMTP server accepted from `senders` send processes."""
    from newsletters.models import Delivery

    env = {
        **os.environ,
        "NEWSLETTER_EMAIL_BACKEND": "newsletters.mail.SMTPBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "NEWSLETTER_MAILS_PER_SECOND": "100000",
    }
    code = (
        "from newsletters import sending; "
        f"sending.send_pending({campaign_id}, time_budget={seconds})"
    )
    before = Delivery.objects.filter(state=Delivery.State.SENT).count()
    started = time.perf_counter()
    processes = [
        subprocess.Popen([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env)
        for _ in range(senders)
    ]
    for process in processes:
        process.wait()
    elapsed = time.perf_counter() - started
    sent = Delivery.objects.filter(state=Delivery.State.SENT).count() - before
    # Process start-up (about 2 s of imports) is outside the sending time budget.
    return sent / min(elapsed, seconds + 0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--reuse", action="store_true", help="keep an existing bench database")
    args = parser.parse_args()

    setup_django(BENCH_DIR, fresh=not args.reuse)
    from django.core.management import call_command
    from django.urls import reverse

    from core.net import free_port
    from newsletters.models import Contact

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not Contact.objects.exists():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        Contact.objects.all().delete()
        started = time.perf_counter()
        create_contacts(args.contacts)
        print(f"created {args.contacts} contacts in {time.perf_counter() - started:.0f} s")

    # The URL configuration, and all it imports, loads once per process whatever the number
    # of recipients: loaded before the memory of the starts is measured.
    reverse("newsletters:signup")
    half, half_s, half_peak = measure_start("sport")
    full, full_s, full_peak = measure_start("culture")
    from newsletters.models import Campaign

    campaign_id = Campaign.objects.latest("pk").pk
    built, personalise_s = measure_personalise(campaign_id)
    total = full_s + personalise_s
    print(f"\nstart (render, freeze, queue) {full} recipients: {full_s:.1f} s")
    print(f"personalise {built} mails: {personalise_s:.1f} s ({built / personalise_s:.0f}/s)")
    print(
        f"render + personalise + queue: {total:.1f} s (ratio to {TARGET_START_S:.0f} s target:"
        f" {total / TARGET_START_S:.2f})"
    )
    print(
        f"\npeak Python memory of the start: {half} recipients {half_peak:.1f} MiB, "
        f"{full} recipients {full_peak:.1f} MiB (ratio {full_peak / half_peak:.2f})"
    )

    servers = [("aiosmtpd", start_aiosmtpd)]
    if os.path.exists(SMTP_SINK):
        servers.insert(0, ("Postfix smtp-sink", start_smtp_sink))
    else:
        print(f"\n{SMTP_SINK} not found (Debian's postfix package): aiosmtpd only")
    for name, start in servers:
        port = free_port()
        server = start(port)
        time.sleep(2)
        try:
            for senders in (1, 2):
                rate = measure_throughput(campaign_id, senders, args.seconds, port)
                print(
                    f"\ndelivery to {name}, {senders} sender process(es): {rate:.0f} mails/s "
                    f"(ratio to {TARGET_RATE:.0f}/s target: {rate / TARGET_RATE:.2f})"
                )
        finally:
            stop(server)


if __name__ == "__main__":
    main()
