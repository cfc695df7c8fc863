"""The sign-up form as pages show it: the block editors place on any page (core's
NewsletterSignupBlock) and the letters' own page include it through this tag, since the
content apps know nothing of the letters' Python code."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.translation import get_language

from core.models import Theme

from ..forms import SignupForm
from ..subscriptions import town_name

register = template.Library()


@register.inclusion_tag("newsletters/includes/signup_fields.html", takes_context=True)
def signup_form(context, themes: Iterable[Theme | None] | None = None) -> dict:
    """An empty sign-up form offering `themes` (every theme when none is given). Each form
    of a page gets its own ids, should an editor place two."""
    offered = [theme for theme in themes or [] if theme is not None]
    request = context.get("request")
    number = getattr(request, "newsletter_signup_forms", 0) + 1
    if request is not None:
        request.newsletter_signup_forms = number
    form = SignupForm(
        language=get_language(),
        town_name=town_name(request),
        offered=offered or None,
        auto_id=f"lettre{number}-%s",
    )
    return {"form": form, "request": request}
