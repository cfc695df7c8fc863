"""The admin's social views: the report of every post, the live counter of the "Diffusion"
panel, "publier à nouveau" for a page, and the webmaster's decisions on a post whose outcome
is unknown or which failed."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from connectors.social import text as social_text
from core.sharing import SharedOnSocialNetworks

from .models import Network, SocialPost
from .publishing import page_subject, post_text, share_page
from .removal import request_removal
from .tasks import enqueue_post

MAX_TEXT = 10_000  # characters the counter accepts: far beyond every network's limit
# Failures first, then what still needs attention, then the rest.
STATUS_ORDER = Case(
    When(status=SocialPost.Status.FAILED, then=Value(0)),
    When(status=SocialPost.Status.UNKNOWN, then=Value(1)),
    When(status=SocialPost.Status.SENDING, then=Value(2)),
    When(status=SocialPost.Status.PENDING, then=Value(3)),
    default=Value(4),
    output_field=IntegerField(),
)
posts_policy = ModelPermissionPolicy(SocialPost)


class PostFilterSet(WagtailFilterSet):
    network = ChoiceFilter(label=gettext_lazy("Réseau"), choices=Network.choices)
    status = ChoiceFilter(label=gettext_lazy("État"), choices=SocialPost.Status.choices)

    class Meta:
        model = SocialPost
        fields = ["network", "status"]


class PostActionsColumn(Column):
    """The post's link, or the webmaster's choices when it needs a decision."""

    cell_template_name = "social/report_actions_cell.html"


class PostReportView(ReportView):
    """Every post on the town's networks, failures first, filterable by network and state."""

    page_title = gettext_lazy("Publications sur les réseaux sociaux")
    header_icon = "globe"
    index_url_name = "social:report"
    index_results_url_name = "social:report_results"
    filterset_class = PostFilterSet
    permission_policy = posts_policy
    any_permission_required = ["view", "change"]
    columns = [
        Column("title", label=gettext_lazy("Page ou alerte")),
        Column("network", label=gettext_lazy("Réseau"), accessor="get_network_display"),
        Column("round", label=gettext_lazy("Publication n°")),
        Column("status", label=gettext_lazy("État"), accessor="get_status_display"),
        Column("text", label=gettext_lazy("Texte publié")),
        DateColumn("created_at", label=gettext_lazy("Créée le")),
        DateColumn("posted_at", label=gettext_lazy("Publiée le")),
        Column("reason", label=gettext_lazy("Motif")),
        PostActionsColumn("actions", label=gettext_lazy("Lien ou décision")),
    ]
    list_export = [
        "title",
        "text",
        "network",
        "round",
        "status",
        "created_at",
        "posted_at",
        "url",
        "reason",
    ]

    def get_queryset(self):
        return SocialPost.objects.annotate(attention=STATUS_ORDER).order_by(
            "attention", "-created_at", "network"
        )


@require_POST
def count(request: HttpRequest) -> JsonResponse:
    """How `network` counts the editor's text (or the page's summary when it is empty),
    and the text that would be posted."""
    network = request.POST.get("network", "")
    if network not in Network.values:
        return JsonResponse({"error": _("Réseau inconnu.")}, status=400)
    own = request.POST.get("text", "")[:MAX_TEXT]
    page = shared_page(request.POST.get("page", ""))
    if page is not None and page.permissions_for_user(request.user).can_edit():
        text = post_text(network, page.get_social_summary(), own)
    else:
        text = social_text.fit(network, own)
    length, limit = social_text.length(network, own or text), social_text.limit(network)
    label = _("%(length)s sur %(limit)s caractères, comptés comme le réseau les compte") % {
        "length": length,
        "limit": limit,
    }
    if length > limit:
        label += " " + _("(trop long : le texte publié sera coupé comme l'aperçu le montre)")
    return JsonResponse(
        {"length": length, "limit": limit, "over": length > limit, "text": text, "label": label}
    )


def shared_page(pk: str) -> SharedOnSocialNetworks | None:
    """The page `pk` if it is of a type the town shares."""
    if not pk.isdigit():
        return None
    page = Page.objects.filter(pk=int(pk)).first()
    page = page.specific if page else None
    return page if isinstance(page, SharedOnSocialNetworks) else None


def publishable_page(request: HttpRequest, page_id: int) -> SharedOnSocialNetworks:
    """The shared page `page_id`, if this editor may publish it."""
    page = shared_page(str(page_id))
    if page is None:
        raise Http404
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return page


def confirm(request: HttpRequest, page, question: str, action: str) -> HttpResponse:
    """The page asking the editor to confirm an action on the page's posts."""
    context = {"page": page, "question": question, "action": action, "page_title": action}
    return TemplateResponse(request, "social/confirm.html", context)


def again(request: HttpRequest, page_id: int) -> HttpResponse:
    """Confirm, then post the live page again on every enabled network (a new round)."""
    page = publishable_page(request, page_id)
    if request.method != "POST":
        question = _(
            "Publier à nouveau « %(title)s » sur chaque réseau social activé ? Chaque réseau "
            "recevra une nouvelle publication."
        ) % {"title": page.title}
        return confirm(request, page, question, _("Publier à nouveau"))
    if not page.live:
        messages.error(request, _("Cette page n'est pas publiée : rien à diffuser."))
    else:
        # The page's row holds its live content (drafts live in revisions).
        created = share_page(page, again=True)
        messages.success(
            request,
            ngettext(
                "%(count)s publication programmée sur les réseaux sociaux.",
                "%(count)s publications programmées sur les réseaux sociaux.",
                len(created),
            )
            % {"count": len(created)},
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


def remove(request: HttpRequest, page_id: int) -> HttpResponse:
    """Confirm, then delete the page's posts from every network (unpublishing never does)."""
    page = publishable_page(request, page_id)
    if request.method != "POST":
        question = _(
            "Retirer de chaque réseau social les publications de « %(title)s » ? Elles seront "
            "supprimées sur les réseaux ; la page elle-même ne change pas."
        ) % {"title": page.title}
        return confirm(request, page, question, _("Retirer les publications"))
    posts = SocialPost.objects.filter(site=page.get_site(), subject=page_subject(page))
    removed = request_removal(posts)
    messages.success(
        request,
        ngettext(
            "%(count)s publication sera retirée des réseaux sociaux.",
            "%(count)s publications seront retirées des réseaux sociaux.",
            len(removed),
        )
        % {"count": len(removed)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def decide(request: HttpRequest, post_id: int) -> HttpResponse:
    """The webmaster's decision on a failed or unknown post: "retry" (post it again: for an
    unknown outcome, after checking the account) or "posted" (it is there)."""
    if not posts_policy.user_has_permission(request.user, "change"):
        raise PermissionDenied
    post = get_object_or_404(
        SocialPost, pk=post_id, status__in=[SocialPost.Status.FAILED, SocialPost.Status.UNKNOWN]
    )
    decision = request.POST.get("decision")
    now = timezone.now()
    if decision == "posted":
        SocialPost.objects.filter(pk=post.pk, status=post.status).update(
            status=SocialPost.Status.POSTED,
            posted_at=now,
            reason=_("marquée publiée"),
            updated_at=now,
        )
    elif decision == "retry":
        updated = SocialPost.objects.filter(pk=post.pk, status=post.status).update(
            status=SocialPost.Status.PENDING, next_attempt_at=None, attempts=0, updated_at=now
        )
        if updated:
            enqueue_post(post.pk)
    else:
        return HttpResponse(status=400)
    messages.success(request, _("Décision enregistrée."))
    return redirect("social:report")
