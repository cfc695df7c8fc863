"""Record's background work: the re-consent mail asked of contacts silent for three years
(see reconsent.py)."""

from __future__ import annotations

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Site

from core.models import TownSettings

from ..models import Contact
from ..personalise import preferences_path, site_root_url
from ..reconsent import not_asked_since_last_sign_of_life, with_last_sign_of_life

logger = logging.getLogger(__name__)


@task()
def send_reconsent_mail(contact_id: int, years: int, grace_days: int) -> str:
    """Ask one contact whether they still want the letters, unless they were asked since
    they last showed up (the command may have enqueued them twice), and mark them asked
    once the server accepted the mail: the grace period counts from then."""
    with transaction.atomic():
        contact = (
            with_last_sign_of_life(Contact.objects.select_for_update())
            .filter(not_asked_since_last_sign_of_life(), pk=contact_id)
            .exclude(email=None)
            .first()
        )
        if contact is None:
            return "nothing to ask"
        now = timezone.now()
        message = reconsent_mail(contact, years, deadline=now + timedelta(days=grace_days))
        try:
            message.send()
        except (smtplib.SMTPException, OSError) as error:
            # The class only: a server's refusal quotes the address. The next run asks again.
            logger.warning(
                "Re-consent mail to contact %s failed (%s)", contact.pk, type(error).__name__
            )
            return "failed"
        Contact.objects.filter(pk=contact.pk).update(reconsent_requested_at=now)
    logger.info("Re-consent mail sent to contact %s", contact.pk)
    return "sent"


def reconsent_mail(contact: Contact, years: int, deadline) -> EmailMultiAlternatives:
    """The mail in the contact's language: why they are asked, the signed link to their
    preference centre, and the date after which their data will be erased."""
    site = Site.objects.filter(is_default_site=True).first()
    town = TownSettings.for_site(site).town_name if site else settings.COMMUNE_TOWN_NAME
    with translation.override(contact.language):
        context = {
            "contact": contact,
            "town": town,
            "years": years,
            "deadline": deadline,
            "preferences_url": site_root_url() + preferences_path(contact.pk, contact.language),
            "language": contact.language,
        }
        subject = _("Souhaitez-vous toujours recevoir les lettres de %(town)s ?") % {"town": town}
        text = render_to_string("newsletters/email/reconsent.txt", context)
        html = render_to_string("newsletters/email/reconsent.html", context)
    message = EmailMultiAlternatives(subject, text, settings.NEWSLETTER_FROM_EMAIL, [contact.email])
    message.attach_alternative(html, "text/html")
    return message
