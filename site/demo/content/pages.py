"""Demo sections, information pages, profiles and vocabularies of Villeneuve-sur-Lys.

See FORMAT.md for the keys, vocabularies and body blocks.
"""

from .newsletters import CULTURE_SIGNUP

THEMES = [
    ("citoyennete", "Citoyenneté"),
    ("education", "Éducation"),
    ("enfance", "Enfance"),
    ("culture", "Culture"),
    ("sport", "Sport"),
    ("environnement", "Environnement"),
    ("travaux", "Travaux"),
    ("solidarite", "Solidarité"),
    ("sante", "Santé"),
    ("vie-associative", "Vie associative"),
    ("economie-emploi", "Économie et emploi"),
    ("securite", "Sécurité"),
    ("urbanisme", "Urbanisme"),
]

NEIGHBOURHOODS = [
    ("centre-ville", "Centre-ville"),
    ("les-pres", "Les Prés"),
    ("le-moulin", "Le Moulin"),
    ("la-gare", "La Gare"),
    ("bois-fleuri", "Bois-Fleuri"),
]

# ----------------------------------------------------------------------
# Sections (rubriques)
# ----------------------------------------------------------------------

SECTIONS = [
    {
        "slug": "mairie",
        "title": "Mairie et citoyenneté",
        "intro": (
            "Papiers d'identité, état civil, élections, emplois et marchés publics : "
            "les démarches et les informations de la vie municipale."
        ),
        "body": [
            (
                "paragraph",
                "<p>L'hôtel de ville, 1 place de la Mairie, vous accueille du lundi au "
                "vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h 30, et le samedi de 9 h à "
                "12 h pour l'état civil. Standard : 03 53 73 10 00.</p>",
            ),
        ],
    },
    {
        "slug": "enfance-education",
        "title": "Enfance et éducation",
        "intro": (
            "De la crèche à l'école élémentaire : inscriptions, cantine, accueil du matin "
            "et du soir, centre de loisirs et tarifs."
        ),
        "body": [
            (
                "paragraph",
                "<p>L'espace famille regroupe toutes les inscriptions et la facturation. "
                "Il vous reçoit le lundi, le mardi, le jeudi et le vendredi de 8 h 30 à "
                "12 h et de 13 h 30 à 17 h 30, et le mercredi de 8 h 30 à 12 h "
                "(03 53 73 10 30, espace-famille@villeneuve-sur-lys.fr). La plupart des "
                "démarches se font aussi en ligne.</p>",
            ),
        ],
    },
    {
        "slug": "cadre-de-vie",
        "title": "Cadre de vie et environnement",
        "intro": (
            "Déchets, urbanisme, stationnement, voirie et cimetières : ce qui fait le "
            "quotidien de la ville et de ses quartiers."
        ),
        "body": [
            (
                "callout",
                {
                    "title": "Allô Mairie",
                    "text": (
                        "<p>Une question sur la propreté, l'éclairage ou la voirie ? "
                        "Appelez le 03 53 73 10 50, du lundi au vendredi de 8 h à 18 h et "
                        "le samedi de 9 h à 12 h.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "culture-sport",
        "title": "Culture, sport et loisirs",
        "intro": (
            "Médiathèque, conservatoire, piscine, salles de sport et sorties : "
            "les loisirs à Villeneuve-sur-Lys, pour tous les âges."
        ),
        "body": [
            (
                "paragraph",
                "<p>Retrouvez les horaires et les tarifs de <a href=\"/mediatheque/\">la "
                "médiathèque</a>, de <a href=\"/piscine/\">la piscine</a> et du "
                "<a href=\"/conservatoire/\">conservatoire de musique et de danse</a>, "
                "ainsi que les spectacles et les expositions dans l'agenda.</p>",
            ),
            ("newsletter_signup", CULTURE_SIGNUP),
        ],
    },
    {
        "slug": "solidarite-sante",
        "title": "Solidarités et santé",
        "intro": (
            "Aides sociales, services aux seniors, santé et accompagnement : le centre "
            "communal d'action sociale et ses partenaires à vos côtés."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le centre communal d'action sociale (CCAS) reçoit les habitants qui "
                "traversent une difficulté, sur rendez-vous ou lors des permanences, du "
                "lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h "
                "(03 53 73 10 60, ccas@villeneuve-sur-lys.fr).</p>",
            ),
        ],
    },
    {
        "slug": "vie-associative",
        "title": "Vie associative",
        "intro": (
            "Plus de 180 associations animent la ville : la mairie les accompagne avec "
            "des subventions, des salles, du matériel et des conseils."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le service vie associative est installé à la maison des associations. "
                "Chaque année, le premier samedi de septembre, le forum des associations "
                "réunit clubs sportifs, ensembles culturels et bénévoles au parc de la "
                "Lys.</p>",
            ),
        ],
    },
    {
        "slug": "securite",
        "title": "Sécurité et prévention",
        "intro": (
            "Police municipale, prévention des cambriolages et des risques, conseils "
            "pour la sécurité de chacun."
        ),
        "body": [
            (
                "paragraph",
                "<p>La <a href=\"/police-municipale/\">police municipale</a> patrouille "
                "dans tous les quartiers, 7 jours sur 7. En cas d'urgence, composez le 17 "
                "ou le 112.</p>",
            ),
        ],
    },
]

# ----------------------------------------------------------------------
# Information pages
# ----------------------------------------------------------------------

CONTENT_PAGES = [
    {
        "slug": "collecte-dechets",
        "section": "cadre-de-vie",
        "title": "Collecte des déchets et tri",
        "intro": (
            "La collecte des déchets est assurée par Cœur de Lys Agglomération. Voici les "
            "jours de passage dans votre quartier, les consignes de tri et les horaires "
            "de la déchèterie."
        ),
        "profiles": ["nouveaux-habitants", "familles", "seniors"],
        "themes": ["environnement"],
        "body": [
            ("heading", "Quand sortir vos bacs ?"),
            (
                "table",
                {
                    "caption": "Jours de collecte par quartier",
                    "headers": [
                        "Quartier",
                        "Ordures ménagères (bac gris)",
                        "Emballages et papiers (bac jaune)",
                        "Déchets verts (avril à novembre)",
                    ],
                    "rows": [
                        ["Centre-ville", "Lundi et jeudi", "Mercredi", "Pas de collecte"],
                        ["Les Prés", "Mardi", "Vendredi", "Lundi, semaines paires"],
                        ["Le Moulin", "Mercredi", "Lundi", "Lundi, semaines impaires"],
                        ["La Gare", "Lundi", "Jeudi", "Mardi, semaines paires"],
                        ["Bois-Fleuri", "Vendredi", "Mardi", "Mardi, semaines impaires"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Sortez vos bacs la veille au soir, après 19 h, poignée tournée vers la "
                "rue, et rentrez-les le jour de la collecte. Les jours fériés, la collecte "
                "est maintenue, sauf le 1er mai, le 25 décembre et le 1er janvier : elle est "
                "alors reportée au samedi suivant.</p>",
            ),
            ("heading", "Bien trier"),
            (
                "image",
                {
                    "image": "bacs-de-collecte",
                    "alt_text": (
                        "Sur le trottoir, un bac à couvercle jaune (emballages et papiers), un "
                        "bac à couvercle gris (ordures ménagères) et une colonne à verre verte."
                    ),
                },
            ),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Bac jaune</strong> : tous les emballages (bouteilles et pots en "
                "plastique, boîtes de conserve, cartons, briques, barquettes) et tous les "
                "papiers, déposés en vrac, sans sac.</li>"
                "<li><strong>Verre</strong> : dans les 45 colonnes réparties dans la ville, "
                "de 8 h à 20 h pour le repos des voisins.</li>"
                "<li><strong>Restes de repas et épluchures</strong> : dans un composteur de "
                "jardin, proposé à 15 € par l'agglomération, ou dans les bornes à "
                "biodéchets des résidences.</li>"
                "<li><strong>Vêtements et chaussures</strong> : dans les bornes textiles, "
                "même usés.</li>"
                "<li><strong>Bac gris</strong> : seulement ce qui ne se trie pas.</li>"
                "</ul>",
            ),
            ("heading", "La déchèterie"),
            (
                "table",
                {
                    "caption": "Horaires de la déchèterie, rue du Marais",
                    "headers": ["Période", "Du lundi au samedi", "Dimanche"],
                    "rows": [
                        [
                            "Du 1er avril au 31 octobre",
                            "9 h - 12 h et 13 h 30 - 18 h 30",
                            "9 h - 12 h",
                        ],
                        [
                            "Du 1er novembre au 31 mars",
                            "9 h - 12 h et 13 h 30 - 17 h",
                            "9 h - 12 h",
                        ],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Un bac cassé, volé ou trop petit ?",
                    "text": (
                        "<p>Contactez Cœur de Lys Agglomération au 03 53 73 20 00 : le "
                        "remplacement est gratuit. Les nouveaux arrivants y demandent "
                        "aussi leurs bacs et leur badge de déchèterie. Pour un meuble ou "
                        "un gros appareil, prenez rendez-vous pour la "
                        "<a href=\"/encombrants/\">collecte des encombrants</a>.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "offres-emploi",
        "section": "mairie",
        "title": "La ville recrute",
        "intro": (
            "Près de 350 agents travaillent pour la ville dans plus de 40 métiers. Voici les "
            "postes ouverts en ce moment, ainsi que les stages, l'apprentissage et les "
            "emplois saisonniers."
        ),
        "profiles": ["jeunes", "professionnels"],
        "themes": ["economie-emploi"],
        "body": [
            ("heading", "Postes ouverts"),
            (
                "table",
                {
                    "caption": "Offres d'emploi en cours",
                    "headers": ["Référence", "Poste", "Service", "Statut", "Candidature avant le"],
                    "rows": [
                        [
                            "2026-41",
                            "Agent des espaces verts (H/F)",
                            "Services techniques",
                            "Adjoint technique (catégorie C), titulaire ou contractuel, "
                            "temps complet",
                            "11 décembre 2026",
                        ],
                        [
                            "2026-43",
                            "Animateur périscolaire et centre de loisirs (H/F)",
                            "Enfance",
                            "Adjoint d'animation (catégorie C), contrat d'un an, 28 h par "
                            "semaine",
                            "18 décembre 2026",
                        ],
                        [
                            "2026-44",
                            "Instructeur des autorisations d'urbanisme (H/F)",
                            "Urbanisme",
                            "Rédacteur ou technicien (catégorie B), titulaire ou "
                            "contractuel, temps complet",
                            "8 janvier 2027",
                        ],
                    ],
                },
            ),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Agent des espaces verts</strong> : entretien des parcs, "
                "fleurissement, taille, gestion sans pesticides. CAP ou BEP en aménagements "
                "paysagers et permis B demandés.</li>"
                "<li><strong>Animateur</strong> : accueil des enfants le matin, le midi, le "
                "soir et le mercredi, projets d'activités. BAFA ou CPJEPS souhaité.</li>"
                "<li><strong>Instructeur</strong> : instruction des permis et déclarations, "
                "accueil et conseil du public, contrôle de conformité. Connaissance du code "
                "de l'urbanisme indispensable.</li>"
                "</ul>",
            ),
            ("heading", "Comment postuler"),
            (
                "paragraph",
                "<p>Envoyez une lettre de motivation et un CV, en rappelant la référence du "
                "poste, à Monsieur le Maire, Direction des ressources humaines, 1 place de la "
                "Mairie, 59999 Villeneuve-sur-Lys, ou à recrutement@villeneuve-sur-lys.fr. "
                "Les candidats retenus sont reçus en entretien dans les trois semaines qui "
                "suivent la clôture.</p>"
                "<p>Nos offres sont aussi publiées sur "
                "<a href=\"https://choisirleservicepublic.gouv.fr\">"
                "choisirleservicepublic.gouv.fr</a>. "
                "Les candidatures spontanées sont conservées un an.</p>",
            ),
            (
                "callout",
                {
                    "title": "Stages, apprentissage et emplois d'été",
                    "text": (
                        "<p>La ville accueille chaque année des stagiaires et une dizaine "
                        "d'apprentis (espaces verts, petite enfance, informatique). Pour "
                        "l'été, elle recrute des surveillants de baignade titulaires du "
                        "BNSSA et des agents d'entretien de 18 ans et plus : candidatures "
                        "avant le 31 mars. Renseignements : 03 53 73 10 20.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "marches-publics",
        "section": "mairie",
        "title": "Marchés publics",
        "intro": (
            "La ville publie ses appels d'offres sur son profil acheteur, où les entreprises "
            "téléchargent gratuitement les dossiers et déposent leurs offres. Voici les "
            "consultations en cours et les règles à connaître."
        ),
        "profiles": ["professionnels"],
        "themes": ["economie-emploi"],
        "body": [
            ("heading", "Consultations en cours"),
            (
                "table",
                {
                    "caption": "Consultations ouvertes",
                    "headers": ["Référence", "Objet", "Procédure", "Remise des offres"],
                    "rows": [
                        [
                            "26-SV-017",
                            "Nettoyage des vitres des bâtiments communaux",
                            "Procédure adaptée",
                            "7 décembre 2026, 12 h",
                        ],
                        [
                            "26-TX-012",
                            "Réfection de la toiture de l'école Jules-Ferry "
                            "(lot 1 couverture, lot 2 zinguerie)",
                            "Procédure adaptée",
                            "14 décembre 2026, 12 h",
                        ],
                        [
                            "26-FS-015",
                            "Fourniture de denrées alimentaires pour la cuisine centrale "
                            "(8 lots)",
                            "Appel d'offres ouvert",
                            "11 janvier 2027, 12 h",
                        ],
                        [
                            "26-SV-016",
                            "Entretien et maintenance de l'éclairage public "
                            "(accord-cadre de 4 ans)",
                            "Appel d'offres ouvert",
                            "18 janvier 2027, 12 h",
                        ],
                    ],
                },
            ),
            ("heading", "Répondre à une consultation"),
            (
                "paragraph",
                "<ol>"
                "<li>Créez votre compte sur le "
                "<a href=\"https://demarches.villeneuve-sur-lys.fr/marches-publics\">profil "
                "acheteur de la ville</a> et téléchargez le dossier de consultation. "
                "Identifiez-vous pour être prévenu des précisions et des réponses aux "
                "questions.</li>"
                "<li>Posez vos questions sur la plateforme, au plus tard 10 jours avant la "
                "date limite.</li>"
                "<li>Déposez votre offre en ligne avant l'heure limite. Le dépôt électronique "
                "est obligatoire ; la signature électronique ne sera demandée qu'à "
                "l'entreprise retenue.</li>"
                "</ol>"
                "<p>Les petits achats se font sans publicité, après mise en concurrence "
                "simple : les artisans et commerçants du secteur peuvent se faire connaître "
                "auprès du service de la commande publique (03 53 73 10 25, "
                "marches-publics@villeneuve-sur-lys.fr).</p>",
            ),
            (
                "callout",
                {
                    "title": "Facturation et paiement",
                    "text": (
                        "<p>Les factures sont déposées sur Chorus Pro. La ville paie dans un "
                        "délai de 30 jours après réception. Les données essentielles des "
                        "marchés attribués sont publiées sur le profil acheteur.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "accompagnement-numerique",
        "section": "solidarite-sante",
        "title": "Accompagnement numérique",
        "intro": (
            "Déclarer ses revenus, demander une carte grise, ouvrir son compte ameli ou "
            "une adresse électronique : des conseillers numériques et l'espace France "
            "services vous aident gratuitement à faire vos démarches sur internet."
        ),
        "profiles": ["seniors", "familles", "jeunes"],
        "themes": ["solidarite"],
        "body": [
            ("heading", "Où être accompagné ?"),
            (
                "table",
                {
                    "caption": "Lieux d'accompagnement",
                    "headers": ["Lieu", "Quand", "Pour quoi"],
                    "rows": [
                        [
                            "France services, au centre social",
                            "Du lundi au vendredi, 9 h - 12 h sans rendez-vous, "
                            "13 h 30 - 17 h sur rendez-vous",
                            "CAF, impôts, retraite, carte grise et permis, France Travail, "
                            "assurance maladie",
                        ],
                        [
                            "Conseillère numérique, à la médiathèque",
                            "Mardi 14 h - 17 h et samedi 10 h - 12 h, sans rendez-vous",
                            "Questions sur l'ordinateur ou le téléphone, comptes en ligne",
                        ],
                        [
                            "Permanence de quartier, salle du Moulin",
                            "Un jeudi sur deux, 9 h - 12 h",
                            "Aide ponctuelle près de chez vous",
                        ],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Prenez rendez-vous avec France services au 03 53 73 10 90. Les "
                "adresses et horaires détaillés sont sur les pages du "
                "<a href=\"/centre-social/\">centre social</a> et de "
                "<a href=\"/mediatheque/\">la médiathèque</a>.</p>",
            ),
            ("heading", "Apprendre à se débrouiller"),
            (
                "paragraph",
                "<p>Des ateliers gratuits, en petits groupes de six à huit personnes, ont "
                "lieu chaque semaine à la médiathèque : prendre en main un smartphone ou une "
                "tablette, créer et utiliser une adresse électronique, se connecter avec "
                "FranceConnect, repérer les arnaques, appeler ses proches en vidéo. "
                "Inscription à l'accueil de la médiathèque.</p>"
                "<p>Des ordinateurs en libre accès, le wifi gratuit et une imprimante "
                "(0,10 € la page) sont à votre disposition aux heures d'ouverture.</p>",
            ),
            (
                "callout",
                {
                    "title": "Ce qu'il faut apporter",
                    "text": (
                        "<p>Vos identifiants si vous en avez, votre téléphone, les papiers "
                        "utiles (avis d'imposition, numéro de sécurité sociale, courrier "
                        "reçu). Les conseillers ne gardent jamais vos mots de passe. S'ils "
                        "doivent agir à votre place, ils utilisent le service sécurisé "
                        "Aidants Connect, avec votre accord.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Je ne peux pas me déplacer.",
                        "answer": (
                            "<p>Les personnes âgées ou malades qui ne peuvent pas sortir "
                            "peuvent demander une visite à domicile au CCAS "
                            "(03 53 73 10 60).</p>"
                        ),
                    },
                    {
                        "question": "Je n'ai pas d'ordinateur.",
                        "answer": (
                            "<p>Le centre social vous oriente vers des ordinateurs "
                            "reconditionnés vendus à petit prix, et vers les aides qui "
                            "existent pour s'équiper.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "pharmacies-de-garde",
        "section": "solidarite-sante",
        "title": "Pharmacies de garde",
        "intro": (
            "Le soir, la nuit, le dimanche et les jours fériés, une pharmacie du secteur "
            "reste ouverte à tour de rôle. Pour savoir laquelle, appelez le 3237 ou "
            "consultez 3237.fr."
        ),
        "profiles": ["seniors", "familles"],
        "themes": ["sante"],
        "body": [
            ("heading", "Trouver la pharmacie ouverte"),
            (
                "paragraph",
                "<ul>"
                "<li>Par téléphone, au <strong>3237</strong> (0,35 € la minute), 24 heures "
                "sur 24.</li>"
                "<li>Sur <a href=\"https://www.3237.fr\">3237.fr</a>, gratuitement, en "
                "indiquant le code postal 59999.</li>"
                "<li>Sur la vitrine de chaque pharmacie de la ville, où l'adresse de la "
                "pharmacie de garde est affichée.</li>"
                "</ul>"
                "<p>La nuit, munissez-vous de votre ordonnance, de votre carte Vitale et "
                "d'une pièce d'identité ; la pharmacie vous sert au guichet de nuit.</p>",
            ),
            ("heading", "Les pharmacies de la ville"),
            (
                "table",
                {
                    "caption": "Pharmacies de Villeneuve-sur-Lys",
                    "headers": ["Pharmacie", "Adresse", "Téléphone", "Horaires"],
                    "rows": [
                        [
                            "Pharmacie de la Mairie",
                            "4 place de la Mairie",
                            "03 53 73 31 10",
                            "Lundi au samedi, 9 h - 12 h 30 et 14 h - 19 h 30",
                        ],
                        [
                            "Pharmacie des Prés",
                            "Centre commercial des Prés",
                            "03 53 73 31 20",
                            "Lundi au samedi, 8 h 30 - 19 h 30 sans interruption",
                        ],
                        [
                            "Pharmacie du Moulin",
                            "2 rue du Moulin",
                            "03 53 73 31 30",
                            "Lundi au vendredi, 9 h - 12 h 30 et 14 h - 19 h ; samedi matin",
                        ],
                        [
                            "Pharmacie de la Gare",
                            "15 avenue de la Gare",
                            "03 53 73 31 40",
                            "Lundi au samedi, 8 h 30 - 12 h 30 et 14 h - 19 h 30",
                        ],
                        [
                            "Pharmacie du Bois-Fleuri",
                            "8 place des Tilleuls",
                            "03 53 73 31 50",
                            "Lundi au vendredi, 9 h - 12 h 30 et 14 h 30 - 19 h",
                        ],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "En cas d'urgence médicale",
                    "text": (
                        "<p>Appelez le 15 (SAMU) ou le 112. Le soir et le week-end, pour "
                        "joindre un médecin de garde, composez aussi le 15 : un médecin "
                        "régulateur vous oriente vers une consultation, la maison médicale "
                        "de garde ou les urgences.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "plan-canicule",
        "section": "solidarite-sante",
        "title": "Plan canicule et registre des personnes fragiles",
        "intro": (
            "Du 1er juin au 15 septembre, le CCAS veille sur les personnes âgées, "
            "handicapées ou isolées inscrites sur son registre. En cas de fortes chaleurs, "
            "elles sont appelées régulièrement et aidées si besoin."
        ),
        "profiles": ["seniors"],
        "themes": ["sante", "solidarite"],
        "body": [
            ("heading", "Qui peut s'inscrire ?"),
            (
                "paragraph",
                "<p>Les personnes qui vivent à domicile et qui ont 65 ans et plus, ou 60 ans "
                "et plus et sont reconnues inaptes au travail, ou qui sont en situation de "
                "handicap. L'inscription est libre et gratuite. Elle peut être demandée par la "
                "personne elle-même, par un proche, un médecin ou un service d'aide à domicile, "
                "avec son accord.</p>"
                "<p>Inscrivez-vous en ligne, par téléphone au 03 53 73 10 60 ou à l'accueil du "
                "CCAS. Le registre sert aussi en cas de grand froid ou d'autre événement "
                "exceptionnel.</p>",
            ),
            ("heading", "Pendant une canicule"),
            (
                "paragraph",
                "<p>Dès que la préfecture déclenche une alerte, les agents du CCAS appellent "
                "chaque personne inscrite, tous les jours si nécessaire. Sans réponse, ils "
                "préviennent le proche indiqué ou se rendent au domicile. Ils peuvent "
                "organiser une livraison de courses ou de repas.</p>"
                "<p>La médiathèque, climatisée, accueille tous ceux qui cherchent un lieu "
                "frais aux heures d'ouverture. Canicule info service répond au "
                "0 800 06 66 66 (appel gratuit).</p>",
            ),
            (
                "callout",
                {
                    "title": "Les bons gestes",
                    "text": (
                        "<ul>"
                        "<li>Buvez de l'eau régulièrement, sans attendre d'avoir soif.</li>"
                        "<li>Fermez volets et fenêtres le jour, aérez la nuit.</li>"
                        "<li>Mouillez-vous le corps et passez quelques heures dans un lieu "
                        "frais.</li>"
                        "<li>Mangez normalement et évitez l'alcool.</li>"
                        "<li>Prenez des nouvelles de vos voisins âgés ou isolés.</li>"
                        "</ul>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Qui a accès à mes informations ?",
                        "answer": (
                            "<p>Seuls les agents du CCAS chargés du plan d'alerte. Le préfet "
                            "peut demander le registre en cas de crise. Vous pouvez vous "
                            "désinscrire à tout moment.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "mentions-legales",
        "section": "",
        "title": "Mentions légales",
        "intro": "Informations sur l'éditeur et l'hébergement du site de la ville.",
        "profiles": [],
        "themes": [],
        "body": [
            (
                "paragraph",
                "<p><strong>Éditeur</strong> : commune de Villeneuve-sur-Lys, 1 place de la "
                "Mairie, 59999 Villeneuve-sur-Lys, 03 53 73 10 00, "
                "contact@villeneuve-sur-lys.fr.</p>"
                "<p><strong>Directeur de la publication</strong> : le maire de "
                "Villeneuve-sur-Lys.</p>"
                "<p><strong>Hébergement</strong> : serveurs situés en France, gérés par le "
                "syndicat mixte numérique de la Lys, 59999 Villeneuve-sur-Lys.</p>"
                "<p><strong>Réalisation</strong> : service communication de la ville, avec le "
                "logiciel libre Commune.</p>",
            ),
            (
                "paragraph",
                "<p>Les textes de ce site peuvent être réutilisés en citant la source. Les "
                "photographies restent la propriété de leurs auteurs et ne peuvent être "
                "reproduites sans leur accord. Pour signaler une erreur, écrivez à "
                "communication@villeneuve-sur-lys.fr.</p>",
            ),
        ],
    },
    {
        "slug": "donnees-personnelles",
        "section": "",
        "title": "Données personnelles",
        "intro": (
            "Comment la ville utilise et protège les informations que vous lui confiez "
            "sur ce site."
        ),
        "profiles": [],
        "themes": [],
        "body": [
            (
                "paragraph",
                "<p>La commune de Villeneuve-sur-Lys est responsable des données recueillies "
                "par les formulaires du site, les lettres d'information et les alertes par "
                "SMS. Elles servent uniquement à traiter votre demande ou à vous envoyer les "
                "informations que vous avez choisies, et ne sont jamais cédées.</p>"
                "<ul>"
                "<li>Demandes et signalements : conservés 2 ans après leur traitement.</li>"
                "<li>Abonnements : conservés jusqu'à votre désinscription, possible en un "
                "clic dans chaque message.</li>"
                "</ul>"
                "<p>Le site ne dépose aucun cookie de suivi ni de publicité. Les recherches "
                "sont comptées de façon anonyme pour améliorer le site.</p>",
            ),
            (
                "paragraph",
                "<p>Vous pouvez consulter, corriger, exporter ou faire effacer vos données, "
                "ou vous opposer à leur utilisation, en écrivant au délégué à la protection "
                "des données : dpo@villeneuve-sur-lys.fr ou 1 place de la Mairie, 59999 "
                "Villeneuve-sur-Lys. Si vous estimez que vos droits ne sont pas respectés, "
                "vous pouvez saisir la <a href=\"https://www.cnil.fr\">CNIL</a>.</p>",
            ),
        ],
    },
]

# ----------------------------------------------------------------------
# Profiles
# ----------------------------------------------------------------------

PROFILES = [
    {
        "slug": "seniors",
        "name": "Seniors",
        "description": "Services à domicile, colis de fin d'année, loisirs et aide au quotidien.",
        "intro": (
            "Le centre communal d'action sociale accompagne les Villeneuvois âgés pour "
            "bien vivre chez eux le plus longtemps possible. Voici les services et les "
            "démarches les plus demandés."
        ),
        "top_tasks": [
            "colis-seniors",
            "portage-de-repas",
            "plan-canicule",
            "accompagnement-numerique",
            "tranquillite-vacances",
            "pharmacies-de-garde",
            "ccas",
        ],
        "body": [
            ("heading", "Rester chez soi en toute sérénité"),
            (
                "paragraph",
                "<p>Livraison de repas, inscription au registre des personnes fragiles, "
                "surveillance de votre logement pendant vos absences : le CCAS vous "
                "conseille et vous oriente aussi vers l'aide à domicile, la téléassistance "
                "et l'allocation personnalisée d'autonomie.</p>"
                "<p>Le club des aînés se retrouve le mardi et le jeudi après-midi au centre "
                "social, autour de jeux, d'ateliers mémoire et de sorties.</p>",
            ),
        ],
    },
    {
        "slug": "familles",
        "name": "Familles",
        "description": "Crèche, école, cantine, accueil du soir et centre de loisirs.",
        "intro": (
            "De la naissance à l'entrée au collège, la ville accueille vos enfants à la "
            "crèche, à l'école et pendant leurs loisirs. L'espace famille centralise les "
            "inscriptions, les réservations et les factures."
        ),
        "top_tasks": [
            "restauration-scolaire",
            "inscription-scolaire",
            "accueil-periscolaire",
            "centre-de-loisirs",
            "creche",
            "quotient-familial",
            "espace-famille",
        ],
        "body": [
            ("heading", "Un seul dossier pour toute la famille"),
            (
                "paragraph",
                "<p>Votre dossier famille, créé une fois, sert pour la cantine, l'accueil "
                "périscolaire et le centre de loisirs. Mettez-le à jour à chaque rentrée et "
                "déposez votre attestation de quotient familial en janvier pour bénéficier "
                "du bon tarif.</p>",
            ),
        ],
    },
    {
        "slug": "jeunes",
        "name": "Jeunes",
        "description": "Papiers, premier vote, jobs d'été, sport et culture pour les 15-25 ans.",
        "intro": (
            "Premiers papiers, premier vote, premier emploi : la mairie vous accompagne "
            "dans vos démarches. La médiathèque, la piscine et le conservatoire vous "
            "attendent pour vos loisirs."
        ),
        "top_tasks": [
            "passeport-carte-identite",
            "listes-electorales",
            "offres-emploi",
            "piscine",
            "mediatheque",
            "conservatoire",
        ],
        "body": [
            ("heading", "À 16 ans, le recensement citoyen"),
            (
                "paragraph",
                "<p>Dans les trois mois qui suivent votre seizième anniversaire, faites-vous "
                "recenser à la mairie ou en ligne. L'attestation est demandée pour le permis "
                "de conduire et les examens, et vous serez inscrit automatiquement sur les "
                "listes électorales à 18 ans.</p>",
            ),
            (
                "callout",
                {
                    "title": "Bourse BAFA",
                    "text": (
                        "<p>La ville participe à hauteur de 200 € à la formation BAFA des "
                        "jeunes Villeneuvois de 17 à 25 ans qui effectuent leur stage "
                        "pratique au centre de loisirs.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "professionnels",
        "name": "Professionnels",
        "description": "Marchés publics, urbanisme, occupation du domaine public et recrutement.",
        "intro": (
            "Entreprises, artisans et commerçants : répondez aux consultations de la ville, "
            "déposez vos autorisations et signalez vos besoins. Le service du développement "
            "économique est votre interlocuteur."
        ),
        "top_tasks": [
            "marches-publics",
            "permis-de-construire",
            "offres-emploi",
            "location-de-salles",
            "stationnement",
            "signaler-un-probleme",
        ],
        "body": [
            ("heading", "Terrasses, étalages et chantiers"),
            (
                "paragraph",
                "<p>Une terrasse, un étalage, un échafaudage ou une benne sur le trottoir "
                "nécessitent une autorisation d'occupation du domaine public. Faites la "
                "demande au moins 15 jours avant auprès des services techniques "
                "(03 53 73 10 50).</p>"
                "<p>Le marché du centre-ville accueille les commerçants non sédentaires le "
                "jeudi et le dimanche matin, place de la Mairie.</p>",
            ),
        ],
    },
    {
        "slug": "associations",
        "name": "Associations",
        "description": "Subventions, salles, matériel et annuaire des associations de la ville.",
        "intro": (
            "Plus de 180 associations font vivre Villeneuve-sur-Lys. La maison des "
            "associations vous accompagne pour vos projets, vos demandes d'aide et vos "
            "événements."
        ),
        "top_tasks": [
            "subvention-association",
            "location-de-salles",
            "maison-des-associations",
            "annuaire-associations",
        ],
        "body": [
            ("heading", "Faire connaître vos activités"),
            (
                "paragraph",
                "<p>Mettez à jour la fiche de votre association dans l'annuaire et proposez "
                "vos événements pour l'agenda du site : ils sont publiés après relecture par "
                "le service communication. Le forum des associations, le premier samedi de "
                "septembre, est l'occasion de rencontrer de nouveaux adhérents et "
                "bénévoles.</p>",
            ),
        ],
    },
    {
        "slug": "nouveaux-habitants",
        "name": "Nouveaux habitants",
        "description": "Bienvenue ! Les démarches pour bien vous installer à Villeneuve-sur-Lys.",
        "intro": (
            "Vous venez d'emménager à Villeneuve-sur-Lys ? Bienvenue ! Voici les démarches "
            "utiles pour vous installer et découvrir votre nouvelle ville."
        ),
        "top_tasks": [
            "listes-electorales",
            "collecte-dechets",
            "inscription-scolaire",
            "stationnement",
            "passeport-carte-identite",
            "creche",
            "hotel-de-ville",
        ],
        "body": [
            ("heading", "Bienvenue à Villeneuve-sur-Lys"),
            (
                "paragraph",
                "<p>Au bord de la Lys, notre ville de 18 000 habitants "
                "compte cinq quartiers, cinq groupes scolaires, une médiathèque, une piscine, "
                "un conservatoire et plus de 180 associations. Les services municipaux sont "
                "là pour vous aider à trouver vos repères.</p>",
            ),
            ("heading", "Vos premières démarches"),
            (
                "paragraph",
                "<ul>"
                "<li>Déclarez votre nouvelle adresse en une seule fois à plusieurs organismes "
                "(impôts, CAF, assurance maladie, énergie) avec le "
                "<a href=\"https://www.service-public.gouv.fr/particuliers/vosdroits/R11193\">"
                "service de changement d'adresse en ligne</a>.</li>"
                "<li>Modifiez l'adresse de votre carte grise dans le mois qui suit le "
                "déménagement : c'est gratuit, sur le site de l'ANTS.</li>"
                "<li>Inscrivez-vous sur les <a href=\"/listes-electorales/\">listes "
                "électorales</a> pour voter ici.</li>"
                "<li>Inscrivez vos enfants à <a href=\"/inscription-scolaire/\">l'école</a> et "
                "créez votre dossier à l'espace famille.</li>"
                "<li>Demandez vos bacs et votre badge de déchèterie, et repérez les "
                "<a href=\"/collecte-dechets/\">jours de collecte</a> de votre rue.</li>"
                "<li>Si vous habitez en zone payante, demandez votre "
                "<a href=\"/stationnement/\">carte de stationnement résident</a>.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Accueil des nouveaux habitants",
                    "text": (
                        "<p>Le maire et les élus reçoivent les nouveaux Villeneuvois le "
                        "samedi 30 janvier 2027 à 10 h, à l'hôtel de ville : présentation "
                        "de la ville et des services, visite en car des quartiers, puis "
                        "verre de l'amitié. Inscription à l'accueil de la mairie ou au "
                        "03 53 73 10 00.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Pour suivre l'actualité de la ville, abonnez-vous à la lettre "
                "d'information et choisissez les sujets qui vous intéressent : travaux dans "
                "votre quartier, écoles, culture, vie associative.</p>",
            ),
        ],
    },
]

# ----------------------------------------------------------------------
# Home page "en 1 clic"
# ----------------------------------------------------------------------

QUICK_LINKS = [
    {"slug": "restauration-scolaire", "label": "Menus de la cantine"},
    {"slug": "centre-de-loisirs", "label": "Centre de loisirs"},
    {"slug": "passeport-carte-identite", "label": "Carte d'identité et passeport"},
    {"slug": "collecte-dechets", "label": "Collecte des déchets"},
    {"slug": "encombrants", "label": "Encombrants"},
    {"slug": "signaler-un-probleme", "label": "Signaler un problème"},
    {"slug": "pharmacies-de-garde", "label": "Pharmacie de garde"},
    {"slug": "offres-emploi", "label": "La ville recrute"},
]
