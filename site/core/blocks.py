"""The small set of accessible StreamField blocks every page body is built from."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

# Rich text stays plain: structure comes from heading blocks, not from styled paragraphs.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    """A second-level heading; pages own the single h1."""

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"
        label = _("Intertitre")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.RichTextBlock(label=_("Texte"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "core/blocks/callout.html"
        label = _("Encadré")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Réponse"), features=RICH_TEXT_FEATURES)


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(QuestionBlock(), **kwargs)

    class Meta:
        icon = "help"
        template = "core/blocks/faq.html"
        label = _("Questions fréquentes")


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Titre du tableau"), max_length=200)
    table = TypedTableBlock(
        [("text", blocks.CharBlock(label=_("Texte")))],
        label=_("Tableau"),
    )

    class Meta:
        icon = "table"
        template = "core/blocks/table.html"
        label = _("Tableau")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Intitulé du lien"), max_length=200)

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document.html"
        label = _("Document à télécharger")


class NewsletterSignupBlock(blocks.StructBlock):
    """The sign-up form for the town's letters, offering the themes the editor chose. Its
    template includes the form the newsletters app owns (and posts to it): core knows the
    template's name, not the app's code."""

    heading = blocks.CharBlock(
        label=_("Titre"), max_length=120, default=_("Recevoir la lettre d'information")
    )
    intro = blocks.TextBlock(label=_("Présentation"), required=False, max_length=400)
    themes = blocks.ListBlock(
        SnippetChooserBlock("core.Theme", label=_("Thème")),
        label=_("Thèmes proposés"),
        min_num=1,
    )

    class Meta:
        icon = "mail"
        template = "core/blocks/newsletter_signup.html"
        label = _("Inscription à la lettre d'information")


class PictureBlock(ImageBlock):
    """Wagtail's image block, whose images come with their renditions in one query: the
    picture template asks for nine of each image, which Wagtail otherwise reads from the
    cache and writes back to it at every render."""

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        prefetch_related_objects([image for image in images if image], "renditions")
        return images


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraphe"), features=RICH_TEXT_FEATURES)
    callout = CalloutBlock()
    faq = FaqBlock()
    table = TableBlock()
    image = PictureBlock(label=_("Image"), template="core/blocks/image.html")
    document = DocumentBlock()
    newsletter_signup = NewsletterSignupBlock()

    class Meta:
        label = _("Contenu")
