"""The demo town's newsletters: the archive page, the sign-up blocks, the segments, the
letters (two already sent, one ready to send) and what is needed to invent a few hundred
fictional subscribers.

See FORMAT.md for the vocabularies. Letter bodies are lists of `(block_type, value)` tuples
like page bodies, with the letter's own blocks:

- `("heading", "…")`, `("text", "<p>…</p>")` (rich text: p, ul, ol, li, strong, em, a href),
  `("image", {"image": key, "alt_text": "…"})` as in FORMAT.md;
- `("button", {"label": "…", "page": "slug"})`: a call to action towards a page of the site;
- `("latest_news", 3)` and `("upcoming_events", 3)`: the letter's theme's latest news and
  next events, read when the campaign starts;
- `("featured_procedure", {"page": "slug", "text": "…"})`: a procedure, and why now.
"""

ARCHIVE = {
    "slug": "lettres-d-information",
    "title": "Lettres d'information",
    "intro": (
        "Culture, travaux, vie associative : la mairie envoie par courriel une lettre par "
        "thème. Inscrivez-vous aux thèmes qui vous intéressent et relisez ici les lettres "
        "déjà envoyées."
    ),
}

# The sign-up block of the home page and of the culture section (core's
# NewsletterSignupBlock): the themes the town writes letters on.
HOME_SIGNUP = {
    "heading": "Recevoir les lettres de la ville",
    "intro": (
        "Une lettre par thème, envoyée quand il y a du nouveau : au plus deux fois par mois."
    ),
    "themes": ["citoyennete", "culture", "travaux", "vie-associative"],
}
HOME_BODY = [
    ("newsletter_signup", HOME_SIGNUP),
    (
        "paragraph",
        '<p>Les lettres déjà envoyées se lisent en ligne : <a href="/lettres-d-information/">'
        "les lettres d'information de la ville</a>.</p>",
    ),
]
CULTURE_SIGNUP = {
    "heading": "Recevoir la lettre culture",
    "intro": (
        "Spectacles, expositions, ateliers de la médiathèque et concerts du conservatoire : "
        "le programme du mois dans votre boîte aux lettres électronique."
    ),
    "themes": ["culture"],
}

# name, themes, neighbourhoods, profiles (empty: all), languages (empty: all)
SEGMENTS = [
    {"name": "Lettre culture", "themes": ["culture"]},
    {"name": "Travaux – tous quartiers", "themes": ["travaux"]},
    {"name": "Travaux – quartier de la Gare", "themes": ["travaux"], "neighbourhoods": ["la-gare"]},
    {"name": "Vie associative", "themes": ["vie-associative"]},
]

# `sent_days_ago`: the letter was sent to its segment that many days ago; None: a letter
# written and published, waiting for the webmaster to send it (the admin's "Envoi" tab).
LETTERS = [
    {
        "slug": "lettre-culture-saison-d-hiver",
        "title": "La lettre culture : une saison d'hiver au chaud",
        "subject": "Culture : concerts, lectures et ateliers de l'hiver",
        "preheader": "Les rendez-vous de la médiathèque et du conservatoire, et comment réserver.",
        "theme": "culture",
        "segment": "Lettre culture",
        "sent_days_ago": 38,
        "intro": (
            "Quand les jours raccourcissent, la médiathèque et le conservatoire vous "
            "accueillent pour des lectures, des concerts et des ateliers, la plupart gratuits."
        ),
        "body": [
            ("heading", "À la médiathèque"),
            (
                "text",
                "<p>La médiathèque ouvre aussi le dimanche matin, de 10 h à 12 h 30, jusqu'à "
                "la fin de l'hiver. L'inscription est gratuite pour les habitants : venez avec "
                "une pièce d'identité et un justificatif de domicile.</p>"
                "<ul><li>Heure du conte pour les 3 à 6 ans, le mercredi à 10 h 30.</li>"
                "<li>Atelier numérique pour débutants, le samedi à 10 h, sur "
                "inscription.</li></ul>",
            ),
            ("button", {"label": "Horaires de la médiathèque", "page": "mediatheque"}),
            ("heading", "Au conservatoire"),
            (
                "text",
                "<p>Les élèves du conservatoire donnent leurs auditions d'hiver dans "
                "l'auditorium. L'entrée est libre, dans la limite des places assises.</p>",
            ),
            ("upcoming_events", 3),
            ("latest_news", 2),
        ],
    },
    {
        "slug": "lettre-travaux-point-quartier-par-quartier",
        "title": "Travaux : le point quartier par quartier",
        "subject": "Travaux : rue de la Lys, rue du Moulin et école Jules-Ferry",
        "preheader": "Les chantiers en cours, les déviations et comment signaler un problème.",
        "theme": "travaux",
        "segment": "Travaux – tous quartiers",
        "sent_days_ago": 11,
        "intro": (
            "Trois chantiers changent vos trajets ce mois-ci. Voici ce qui se passe, "
            "combien de temps cela dure et par où passer."
        ),
        "body": [
            ("heading", "Rue de la Lys : fermée jusqu'à la fin du mois"),
            (
                "text",
                "<p>La rue de la Lys est fermée entre le pont et la place du Marché pour le "
                "remplacement des canalisations d'eau. La déviation passe par le boulevard "
                "de la Gare. Les commerces restent ouverts et accessibles à pied.</p>",
            ),
            ("heading", "Collecte des déchets pendant les travaux"),
            (
                "image",
                {
                    "image": "bacs-de-collecte",
                    "alt_text": "Deux bacs de collecte, jaune et gris, à côté d'une colonne à verre",
                },
            ),
            (
                "text",
                "<p>Dans les rues fermées, sortez vos bacs au coin de la rue la plus proche "
                "la veille au soir : les agents les ramassent aux jours habituels.</p>",
            ),
            (
                "featured_procedure",
                {
                    "page": "signaler-un-probleme",
                    "text": (
                        "Un panneau tombé, une tranchée mal protégée, un éclairage en panne "
                        "sur un chantier : dites-le aux services techniques."
                    ),
                },
            ),
            ("latest_news", 3),
        ],
    },
    {
        "slug": "lettre-vie-associative-aides-et-salles",
        "title": "Vie associative : subventions, salles et nouvelles associations",
        "subject": "Associations : la campagne de subventions et les salles à réserver",
        "preheader": "Les dates à retenir pour les associations de la ville.",
        "theme": "vie-associative",
        "segment": "Vie associative",
        "sent_days_ago": None,
        "intro": (
            "La campagne de subventions est ouverte et les salles municipales se réservent "
            "pour le printemps. Le service vie associative répond à vos questions."
        ),
        "body": [
            ("heading", "Demander une subvention"),
            (
                "text",
                "<p>Le dossier se dépose en ligne avec les comptes de l'année passée, le "
                "budget prévisionnel et le rapport d'activité. Les associations qui le "
                "déposent pour la première fois peuvent être accompagnées à la maison des "
                "associations, sur rendez-vous.</p>",
            ),
            (
                "featured_procedure",
                {
                    "page": "subvention-association",
                    "text": "Les dossiers complets reçus avant la date limite passent au prochain conseil municipal.",
                },
            ),
            ("heading", "Réserver une salle"),
            (
                "text",
                "<p>Salles de réunion, salle des fêtes, gymnases : les demandes pour le "
                "printemps sont étudiées dans l'ordre d'arrivée.</p>",
            ),
            ("button", {"label": "Réserver une salle municipale", "page": "location-de-salles"}),
            ("upcoming_events", 3),
            ("button", {"label": "L'annuaire des associations", "page": "annuaire-associations"}),
        ],
    },
]

# -- Fictional subscribers ------------------------------------------------------------------
# Addresses are built as prenom.nom@example.org (a domain reserved for examples), numbered
# when two people share a name.
CONTACT_COUNT = 300
# Contacts with no sign of life for more than three years (CNIL): `reconsent_contacts` asks
# them whether they still want the letters.
SILENT_CONTACT_COUNT = 8
FIRST_NAMES = [
    "Camille", "Léa", "Manon", "Chloé", "Emma", "Inès", "Sarah", "Julie", "Lucie", "Anaïs",
    "Nathalie", "Isabelle", "Sylvie", "Martine", "Monique", "Françoise", "Aïcha", "Fatima",
    "Sophie", "Claire", "Hugo", "Lucas", "Louis", "Nathan", "Théo", "Thomas", "Maxime",
    "Antoine", "Nicolas", "Julien", "Pierre", "Jean", "Michel", "Philippe", "Bernard",
    "Karim", "Mehdi", "Yannick", "Olivier", "Gérard",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Lefebvre", "Leroy", "Lemaire", "Dupont", "Duhamel",
    "Vandenberghe", "Delattre", "Decroix", "Wattel", "Deschamps", "Carpentier", "Lecomte",
    "Delcourt", "Vasseur", "Desmet", "Hennebelle", "Dufour", "Benali", "Mercier", "Roussel",
    "Caron", "Lambert", "Fontaine", "Baert", "Verbeke", "Morel", "Petit",
]  # fmt: skip
# (language, weight): most residents read French; a few asked for English or Dutch.
LANGUAGES = [("fr", 88), ("en", 6), ("nl", 6)]
# (theme, share of the contacts who follow it)
THEME_SHARES = [
    ("citoyennete", 0.45),
    ("culture", 0.5),
    ("travaux", 0.45),
    ("vie-associative", 0.3),
    ("environnement", 0.15),
]
PROFILE_SLUGS = ["seniors", "familles", "jeunes", "professionnels", "associations"]
# Share of consents later withdrawn (the preference centre, an unsubscribe link).
WITHDRAWN_SHARE = 0.04
# (source, weight, wording): what the person saw when they gave their consent.
CONSENT_SOURCES = [
    (
        "site",
        60,
        "En m'inscrivant, j'accepte de recevoir par courriel les lettres d'information de la "
        "mairie de Villeneuve-sur-Lys sur les thèmes cochés. Mon adresse ne sert qu'à ces "
        "envois ; je peux me désinscrire à tout moment par le lien présent dans chaque lettre.",
    ),
    (
        "import",
        25,
        "Formulaire papier « Recevoir les nouvelles de la ville » rempli au forum des "
        "associations : « J'accepte de recevoir par courriel les lettres de la mairie sur les "
        "thèmes cochés. Je peux me désinscrire à tout moment. »",
    ),
    (
        "admin",
        15,
        "Inscription à l'accueil de la mairie, à la demande de la personne, qui a lu et "
        "accepté : « J'accepte de recevoir par courriel les lettres d'information de la mairie "
        "sur les thèmes cochés. Je peux me désinscrire à tout moment. »",
    ),
]
# Of a sent campaign's deliveries: a few bounced or failed, a few unsubscribed through the
# letter's link; of the others, most were reported delivered by the provider.
BOUNCED_SHARE = 0.02
FAILED_SHARE = 0.01
UNSUBSCRIBED_SHARE = 0.02
DELIVERED_SHARE = 0.85
BOUNCE_REASON = "550 5.1.1 Adresse inconnue : boîte aux lettres inexistante"
FAILURE_REASON = "554 5.7.1 Message refusé par la politique du serveur destinataire"

# -- SMS -------------------------------------------------------------------------------------

# One subscriber in SMS_EVERY also gave a mobile number and SMS consents to these themes
# (parents for the schools, everyone for the safety alerts).
SMS_EVERY = 4
SMS_THEMES = ["education", "securite"]
SMS_WORDING = (
    "J'accepte de recevoir par SMS les informations de la mairie de Villeneuve-sur-Lys sur "
    "les thèmes cochés. Je peux me désinscrire à tout moment en répondant STOP."
)
SMS_SEGMENTS = [
    {"name": "SMS – parents d'élèves", "themes": ["education"]},
    {"name": "SMS – alertes de sécurité", "themes": ["securite"]},
]
# Sent SMS: `sent_days_ago` at `hour`; the urgent one left at night, outside the window.
SMS_MESSAGES = [
    {
        "title": "Grève du jeudi dans les écoles",
        "segment": "SMS – parents d'élèves",
        "sender": "VILLENEUVE",
        "text": (
            "Grève jeudi : les écoles Jean-Moulin et des Tilleuls assurent l'accueil de 8 h "
            "à 18 h, la cantine est fermée. Infos : villeneuve-sur-lys.example/ecoles"
        ),
        "urgent": False,
        "sent_days_ago": 9,
        "hour": 17,
    },
    {
        "title": "Alerte crue de la Lys",
        "segment": "SMS – alertes de sécurité",
        "sender": "MAIRIE",
        "text": (
            "ALERTE CRUE : la Lys déborde cette nuit. Quittez les berges, ne prenez pas le "
            "pont de la Gare. Gymnase Pasteur ouvert pour l'accueil. Urgence : 112"
        ),
        "urgent": True,
        "sent_days_ago": 23,
        "hour": 23,
    },
]
SMS_FAILURE_REASON = "HTTP 400 invalid_parameter Le numéro n'est pas joignable"
