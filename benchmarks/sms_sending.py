"""SMS figure of PRODUCT.md's targets: 3,500 recipients handed to the gateway in ≤ 10 s.

    .venv/bin/python benchmarks/sms_sending.py [--recipients 3500] [--delay 0.05]

An SMS campaign of `--recipients` contacts is started and sent by the same code as the send
tasks (claims, hand-over, one row per recipient marked with the gateway's id), on a
throw-away SQLite database (or DATABASE_URL), to local fake gateways that answer each call
after `--delay` seconds (about 50 ms, a gateway's realistic latency) and check each request
as the real APIs would:
- Brevo style: one number per call, calls run concurrently (SMS_CONCURRENCY);
- OVHcloud style: many receivers per job (SMS_OVH_BATCH);
- Twilio style, one message per call: the held-out check, never used to choose the
  batch size and concurrency (which were chosen on the Brevo run).
Prints the time from the start of the campaign to the last row recorded, the rate, and the
ratio to the target.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from bench_setup import ROOT, setup_django

BENCH_DIR = ROOT / "var" / "bench-sms"
TARGET_S = 10.0
# (label, fake gateway class, SMS_BACKEND, {setting: the fake's attribute})
GATEWAYS = [
    (
        "Brevo (one number per call)",
        "BrevoGateway",
        "brevo",
        {"SMS_BREVO_API_URL": "url", "SMS_BREVO_API_KEY": "api_key"},
    ),
    (
        "OVHcloud (receivers per job)",
        "OvhGateway",
        "ovh",
        {
            "SMS_OVH_API_URL": "api_url",
            "SMS_OVH_APPLICATION_KEY": "application_key",
            "SMS_OVH_APPLICATION_SECRET": "application_secret",
            "SMS_OVH_CONSUMER_KEY": "consumer_key",
            "SMS_OVH_SERVICE_NAME": "service_name",
        },
    ),
    (
        "Twilio (held out)",
        "TwilioGateway",
        "twilio",
        {
            "SMS_TWILIO_API_URL": "url",
            "SMS_TWILIO_ACCOUNT_SID": "account_sid",
            "SMS_TWILIO_AUTH_TOKEN": "auth_token",
        },
    ),
]
GATEWAY = """
import json, sys
from tests.connectors.sms.fake_gateways import {name}
with {name}(delay={delay}) as gateway:
    keys = {keys}
    print(json.dumps({{key: getattr(gateway, key) for key in keys}}), flush=True)
    sys.stdin.read()
    print(json.dumps({{"calls": len(gateway.send_requests()), "accepted": len(gateway.accepted)}}))
"""


def audience(count: int):
    """`count` contacts consenting to culture by SMS, and an SMS segment of them."""
    from wagtail.models import Locale

    from core.models import Theme
    from newsletters.models import Consent, Contact, Segment
    from newsletters.models.audience import Channel, ConsentSource

    culture, _ = Theme.objects.get_or_create(
        slug="culture", locale=Locale.get_default(), defaults={"name": "Culture"}
    )
    contacts = [Contact(phone=f"+3363998{n:04d}", language="fr") for n in range(count)]
    for contact in contacts:
        contact.normalise()
    contacts = Contact.objects.bulk_create(contacts, batch_size=1000)
    Consent.objects.bulk_create(
        [
            Consent(
                contact=contact,
                theme=culture,
                channel=Channel.SMS,
                source=ConsentSource.IMPORT,
                wording="SMS de la commune",
            )
            for contact in contacts
        ],
        batch_size=1000,
    )
    segment = Segment.objects.create(name="Parents", channel=Channel.SMS)
    segment.themes.set([culture])
    return segment


def send_campaign(segment) -> float:
    """Start and send an urgent SMS to the segment (urgent: the bench may run at night);
    seconds from the start to the last row recorded."""
    from django.utils import timezone

    from newsletters import sms_sending
    from newsletters.models import Campaign, Delivery, SmsMessage
    from newsletters.models.audience import Channel

    sms = SmsMessage.objects.create(
        title="Grève",
        segment=segment,
        sender="VILLENEUVE",
        urgent=True,
        text="Grève jeudi à l'école Jean-Moulin : accueil assuré de 8 h à 18 h.",
    )
    campaign = Campaign.objects.create(
        sms=sms, segment=segment, channel=Channel.SMS, scheduled_at=timezone.now()
    )
    started = time.perf_counter()
    sms_sending.start_campaign(campaign.pk)
    while sms_sending.send_pending(campaign.pk, time_budget=120) is not None:
        pass
    elapsed = time.perf_counter() - started
    sent = Delivery.objects.filter(campaign=campaign, state=Delivery.State.SENT).count()
    total = Delivery.objects.filter(campaign=campaign).count()
    assert sent == total, f"{sent} of {total} rows sent"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=3500)
    parser.add_argument("--delay", type=float, default=0.05)
    args = parser.parse_args()
    setup_django(BENCH_DIR, fresh=True)
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    segment = audience(args.recipients)
    print(
        f"{args.recipients} recipients, gateway latency {args.delay * 1000:.0f} ms per call, "
        f"SMS_CONCURRENCY={settings.SMS_CONCURRENCY}, SMS_BATCH_SIZE={settings.SMS_BATCH_SIZE}"
    )
    for label, fake, backend, wiring in GATEWAYS:
        with Gateway(fake, args.delay, list(wiring.values())) as gateway:
            settings.SMS_BACKEND = backend
            for setting, key in wiring.items():
                setattr(settings, setting, gateway.settings[key])
            report(label, send_campaign(segment), args.recipients)
        print(f"  {gateway.calls} calls, {gateway.accepted} messages accepted by the gateway")


class Gateway:
    """A fake gateway in a process of its own (as the real one is: it must not share this
    process's interpreter lock), its settings read from its first line of output, its
    counts from its last."""

    def __init__(self, name: str, delay: float, keys: list[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", GATEWAY.format(name=name, delay=delay, keys=keys)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.settings = json.loads(self.process.stdout.readline())

    def __enter__(self) -> Gateway:
        return self

    def __exit__(self, *exc_info) -> None:
        output, _ = self.process.communicate("")
        counts = json.loads(output.strip().splitlines()[-1])
        self.calls, self.accepted = counts["calls"], counts["accepted"]


def report(label: str, seconds: float, recipients: int) -> None:
    print(
        f"{label}: {seconds:.2f} s for {recipients} SMS ({recipients / seconds:.0f}/s); "
        f"target ≤ {TARGET_S:.0f} s: ratio {seconds / TARGET_S:.2f}"
    )


if __name__ == "__main__":
    main()
