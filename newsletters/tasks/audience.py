"""The audience's background work: the sign-up confirmation mail leaves through this task,
never inside the resident's request.

As the site's notifications (notifications.tasks), a temporary failure (server unreachable,
4xx answer) enqueues the task again with a growing delay, a permanent one (5xx) gives up.
The sign-up row decides whether there is anything to send: a sign-up confirmed, deleted or
suppressed meanwhile gets no mail. Logs carry ids and outcomes, never the address.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from notifications.tasks import MAX_ATTEMPTS, describe_failure, retry_delay

from ..models import Channel, Signup, Suppression
from ..personalise import site_root_url
from ..subscriptions import theme_names, town_name
from ..tokens import make_token

logger = logging.getLogger(__name__)
HEADERS = {"Auto-Submitted": "auto-generated"}


@task()
def send_signup_confirmation(signup_id: int, attempt: int = 1) -> str:
    """Send the sign-up's confirmation link; returns what happened."""
    signup = Signup.objects.filter(pk=signup_id, confirmed_at__isnull=True).first()
    if signup is None:
        return "nothing to send"
    if Suppression.is_suppressed(Channel.EMAIL, signup.email):
        return "suppressed"
    try:
        confirmation_message(signup).send()
    except Exception as error:  # recorded and retried here, never raised to the worker
        description, temporary = describe_failure(error)
        if temporary and attempt < MAX_ATTEMPTS:
            _retry_later(signup_id, attempt)
            logger.warning("Sign-up %s: attempt %d failed (%s)", signup_id, attempt, description)
            return f"retry ({description})"
        logger.error("Sign-up %s: confirmation mail failed (%s)", signup_id, description)
        return f"failed ({description})"
    logger.info("Sign-up %s: confirmation mail sent", signup_id)
    return "sent"


def _retry_later(signup_id: int, attempt: int) -> None:
    if not send_signup_confirmation.get_backend().supports_defer:
        return
    run_after = timezone.now() + retry_delay(attempt)
    send_signup_confirmation.using(run_after=run_after).enqueue(signup_id, attempt=attempt + 1)


def confirmation_message(signup: Signup) -> EmailMultiAlternatives:
    """The mail with the signed confirmation link, in the sign-up's language: a plain-text
    part and its HTML alternative."""
    with translation.override(signup.language):
        token = make_token("confirm", signup.pk)
        context = {
            "language": signup.language,
            "link": site_root_url() + reverse("newsletters:confirm", args=[token]),
            "themes": theme_names(signup.themes.all(), signup.language),
            "days": settings.NEWSLETTER_CONFIRMATION_DAYS,
            "town_name": town_name(),
        }
        subject = render_to_string("newsletters/email/signup_confirmation_subject.txt", context)
        context["subject"] = subject = " ".join(subject.split())
        text = render_to_string("newsletters/email/signup_confirmation.txt", context)
        html = render_to_string("newsletters/email/signup_confirmation.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.NEWSLETTER_FROM_EMAIL,
        [signup.email],
        headers=HEADERS,
    )
    message.attach_alternative(html, "text/html")
    return message
