"""The letters' public pages: sign-up, confirmation, the preference centre and unsubscribe.

No account: each page after the sign-up is reached by a signed link (newsletters.tokens)
from a mail. A bad, expired or outdated link gets a calm page that says what to do, never an
error page; the answer to a sign-up is the same whether the address is known or not.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_safe

from core.cross_origin import refuse_cross_site_posts
from core.ratelimit import rate_limited

from .clicks import clicks_counted, read_link
from .forms import PreferencesForm, SignupForm
from .models import Campaign, Channel, Contact, Delivery, LinkClicks, Signup
from .models.audience import WithdrawalSource
from .personalise import preferences_path
from .phones import display_mobile
from .subscriptions import (
    SmsChoices,
    confirm_signup,
    erase_contact,
    export_contact,
    request_signup,
    theme_names,
    town_name,
    unsubscribe_from_delivery,
    update_preferences,
    withdraw,
)
from .tokens import confirmation_lifetime, read_token

# Sign-up forms one client may post per hour (a resident needs one or two).
SIGNUPS_PER_HOUR = 10
# The preference centre's message after a change (?fait=…), as the redirect says it.
DONE_FLAG = "fait"
DONE_MESSAGES = {"enregistre", "desinscrit"}
# The name of the preference centre's "unsubscribe from everything" button.
UNSUBSCRIBE_ALL = "tout"
# What a mailbox provider posts for RFC 8058 one-click unsubscribe.
ONE_CLICK_FIELD, ONE_CLICK_VALUE = "List-Unsubscribe", "One-Click"


def link_problem(request: HttpRequest, problem: str, status: int) -> TemplateResponse:
    """The calm page for a link that cannot be used: `problem` is "invalid", "expired" or
    "gone" (the data it pointed at was erased or purged)."""
    return TemplateResponse(
        request, "newsletters/link_problem.html", {"problem": problem}, status=status
    )


# -- signing up ------------------------------------------------------------------------------


@refuse_cross_site_posts  # no CSRF token: the block's pages are cached for every reader
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """The sign-up form's target (the block on any page and the letters' page post here),
    and its page of its own, where mistakes are shown with what was typed."""
    language = get_language()
    if request.method == "POST":
        if rate_limited(request, "newsletter-signup", SIGNUPS_PER_HOUR):
            return TemplateResponse(request, "core/rate_limited.html", {}, status=429)
        form = SignupForm(request.POST, language=language, town_name=town_name(request))
        if form.is_valid():
            if not form.is_spam:
                data = form.cleaned_data
                request_signup(
                    data["email"],
                    data["themes"],
                    language,
                    form.wording(),
                    phone=data["phone"],
                    sms_wording=form.sms_wording(),
                )
            return redirect("newsletters:signup_sent")
        status = 400
    else:
        form = SignupForm(language=language, town_name=town_name(request))
        status = 200
    return TemplateResponse(request, "newsletters/signup.html", {"form": form}, status=status)


@require_GET
def signup_sent(request: HttpRequest) -> HttpResponse:
    """The same answer for every valid sign-up: nothing says whether the address is known."""
    context = {"days": confirmation_lifetime().days}
    return TemplateResponse(request, "newsletters/signup_sent.html", context)


@never_cache
@require_GET
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link of the confirmation mail: confirms once; a replay says it was done."""
    signup_id = read_token("confirm", token)
    if signup_id is None:
        return link_problem(request, "invalid", 400)
    signup = Signup.objects.filter(pk=signup_id).first()
    if signup is None:
        return link_problem(request, "gone", 404)
    already = signup.confirmed_at is not None
    if not already and read_token("confirm", token, max_age=confirmation_lifetime()) is None:
        return link_problem(request, "expired", 410)
    contact = confirm_signup(signup)
    if contact is None:
        return link_problem(request, "gone", 404)
    context = {
        "already": already,
        "themes": theme_names(signup.themes.all(), get_language()),
        "preferences_url": preferences_path(contact.pk, get_language()),
    }
    return TemplateResponse(request, "newsletters/confirmed.html", context)


# -- the preference centre --------------------------------------------------------------------


def with_contact(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Reads the preference centre's token: the view gets the contact it names, or the
    person a calm page when the link is broken or their data is gone."""

    @wraps(view)
    def wrapped(request: HttpRequest, token: str) -> HttpResponse:
        contact_id = read_token("preferences", token)
        if contact_id is None:
            return link_problem(request, "invalid", 400)
        contact = Contact.objects.filter(pk=contact_id).first()
        if contact is None:
            return link_problem(request, "gone", 404)
        return view(request, contact, token)

    return wrapped


def followed_themes(contact: Contact, channel: str) -> list[int]:
    """The themes the contact receives on this channel, as the form's checkboxes show them."""
    return list(contact.live_consents(channel).values_list("theme", flat=True))


@never_cache
@require_http_methods(["GET", "POST"])
@with_contact
def preferences(request: HttpRequest, contact: Contact, token: str) -> HttpResponse:
    """Themes by e-mail, mobile number and themes by SMS, language and neighbourhood;
    unsubscribe from everything; links to download or erase one's data."""
    language = get_language()
    status = 200
    if request.method == "POST" and UNSUBSCRIBE_ALL in request.POST:
        for channel in Channel.values:
            withdraw(contact, None, channel, via=WithdrawalSource.PREFERENCES)
        return redirect(f"{request.path}?{DONE_FLAG}=desinscrit")
    if request.method == "POST":
        form = PreferencesForm(request.POST, language=language, town_name=town_name(request))
        if form.is_valid():
            data = form.cleaned_data
            update_preferences(
                contact,
                data["themes"],
                language=data["language"],
                neighbourhood_id=data["neighbourhood"],
                wording=form.wording(),
                sms=SmsChoices(data["phone"], data["sms_themes"], form.sms_wording()),
            )
            return redirect(f"{request.path}?{DONE_FLAG}=enregistre")
        status = 400
    else:
        Contact.objects.filter(pk=contact.pk).update(last_activity_at=timezone.now())
        form = PreferencesForm(
            initial={
                "themes": followed_themes(contact, Channel.EMAIL),
                "phone": display_mobile(contact.phone),
                "sms_themes": followed_themes(contact, Channel.SMS),
                "language": contact.language,
                "neighbourhood": contact.neighbourhood_id,
            },
            language=language,
            town_name=town_name(request),
        )
    done = request.GET.get(DONE_FLAG)
    context = {
        "contact": contact,
        "form": form,
        "token": token,
        "done": done if done in DONE_MESSAGES else "",
    }
    return TemplateResponse(request, "newsletters/preferences.html", context, status=status)


@never_cache
@require_GET
@with_contact
def my_data(request: HttpRequest, contact: Contact, token: str) -> HttpResponse:
    """Everything the town holds about the person, as a JSON file to download."""
    body = json.dumps(export_contact(contact), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-lettres.json"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@with_contact
def erase(request: HttpRequest, contact: Contact, token: str) -> HttpResponse:
    """Asks once more, then erases: only a fingerprint of the address stays, so that it is
    never written to again."""
    if request.method == "POST":
        erase_contact(contact)
        return TemplateResponse(request, "newsletters/erased.html", {})
    context = {"token": token}
    return TemplateResponse(request, "newsletters/erase.html", context)


# -- unsubscribing from a letter --------------------------------------------------------------


@csrf_exempt  # RFC 8058: mailbox providers post without cookie or CSRF token
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The unsubscribe link of a mail. GET shows one button; POST (that button, or a mailbox
    provider's one-click request) withdraws the consents the letter was sent under. Answers
    200 without a redirect, however many times it is posted."""
    one_click = request.POST.get(ONE_CLICK_FIELD) == ONE_CLICK_VALUE
    delivery_id = read_token("unsubscribe", token)
    delivery = (
        Delivery.objects.select_related("campaign__segment", "campaign__page", "contact")
        .filter(pk=delivery_id)
        .first()
        if delivery_id is not None
        else None
    )
    if delivery is None:
        if one_click:
            return HttpResponse(status=400 if delivery_id is None else 404)
        return link_problem(request, "invalid" if delivery_id is None else "gone", 400)
    if request.method == "POST":
        unsubscribe_from_delivery(delivery)
        if one_click:
            return HttpResponse("OK", content_type="text/plain; charset=utf-8")
    language = get_language()
    segment_themes = delivery.campaign.segment.themes.all()
    context = {
        "done": request.method == "POST",
        "erased": delivery.contact_id is None,
        "letter": delivery.campaign.page.title if delivery.campaign.page_id else "",
        "themes": theme_names(segment_themes, language),
        "preferences_url": (
            preferences_path(delivery.contact_id, language) if delivery.contact_id else ""
        ),
    }
    return TemplateResponse(request, "newsletters/unsubscribe.html", context)


# -- counted links ---------------------------------------------------------------------------


@never_cache
@require_safe
def follow_link(request: HttpRequest, token: str) -> HttpResponse:
    """A link of a letter, when the town counts clicks: one more click for it (GET only:
    mail scanners that check a link with HEAD are not residents), then on to the link. Only
    links the site signed are followed, so this is no open redirect."""
    link = read_link(token)
    if link is None:
        return link_problem(request, "invalid", 400)
    campaign_id, url = link
    if (
        request.method == "GET"
        and clicks_counted()
        and Campaign.objects.filter(pk=campaign_id).exists()
    ):
        LinkClicks.count(campaign_id, url)
    return HttpResponseRedirect(url)
