# Lieux et équipements municipaux de Villeneuve-sur-Lys (contenu de démonstration).
# Format : voir FORMAT.md. Les exceptions sont datées « MM-JJ » ; le chargeur les place
# dans l'année à venir.

PLACES = [
    {
        "slug": "hotel-de-ville",
        "title": "Hôtel de ville",
        "kind": "mairie",
        "intro": (
            "L'hôtel de ville accueille les services à la population : état civil, élections, "
            "cartes d'identité et passeports, urbanisme, cimetière et accueil général."
        ),
        "address": "1 place de la Mairie",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "centre-ville",
        "latitude": 50.6302,
        "longitude": 2.8507,
        "phone": "03 53 73 10 00",
        "email": "mairie@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "08:30", "12:00"], [0, "13:30", "17:30"],
            [1, "08:30", "12:00"], [1, "13:30", "17:30"],
            [2, "08:30", "12:00"], [2, "13:30", "17:30"],
            [3, "08:30", "12:00"], [3, "13:30", "19:00"],
            [4, "08:30", "12:00"], [4, "13:30", "17:00"],
            [5, "09:00", "12:00"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "08:30",
                "closes": "12:00",
                "label": "Veille de Noël : fermeture à midi",
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "08:30",
                "closes": "12:00",
                "label": "Veille du jour de l'An : fermeture à midi",
            },
            {
                "date": "08-14",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Fermeture exceptionnelle (pont de l'Assomption)",
            },
        ],
        "accessibility": (
            "Entrée de plain-pied par la rampe côté rue de la Lys, ascenseur vers la salle du "
            "conseil, boucle magnétique à l'accueil et au guichet état civil, deux places de "
            "stationnement PMR place de la Mairie."
        ),
        "profiles": ["nouveaux-habitants", "familles", "seniors"],
        "themes": ["citoyennete", "urbanisme"],
        "body": [
            ("heading", "Les services de l'hôtel de ville"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Accueil général</strong> : renseignements, attestations, "
                "légalisation de signature, recensement citoyen des jeunes de 16 ans.</li>"
                "<li><strong>État civil</strong> : actes de naissance, de mariage et de décès, "
                "PACS, reconnaissance anticipée, livret de famille.</li>"
                "<li><strong>Cartes d'identité et passeports</strong> : uniquement sur "
                "rendez-vous, après une pré-demande en ligne sur le site de "
                "<a href=\"https://ants.gouv.fr/\">l'Agence nationale des titres sécurisés</a>.</li>"
                "<li><strong>Élections</strong> : inscription sur les listes électorales, "
                "changement d'adresse, procurations.</li>"
                "<li><strong>Urbanisme</strong> : permis de construire, déclarations préalables, "
                "certificats d'urbanisme, consultation du plan local d'urbanisme "
                "intercommunal (sur rendez-vous le mardi et le jeudi).</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Nocturne le jeudi",
                    "text": (
                        "<p>Le jeudi, l'accueil et l'état civil restent ouverts jusqu'à 19 h. "
                        "Les rendez-vous pour les titres d'identité sont possibles jusqu'à "
                        "18 h 30.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Combien de temps faut-il pour obtenir une carte d'identité ?",
                        "answer": (
                            "<p>Comptez trois à quatre semaines pour obtenir un rendez-vous, "
                            "puis deux à trois semaines de fabrication. Vous recevez un SMS "
                            "quand le titre est disponible en mairie. Il doit être retiré "
                            "dans les trois mois.</p>"
                        ),
                    },
                    {
                        "question": "Puis-je faire ma demande de titre dans une autre commune ?",
                        "answer": (
                            "<p>Oui. Les demandes de carte d'identité et de passeport peuvent "
                            "être déposées dans n'importe quelle mairie équipée d'un dispositif "
                            "de recueil, quel que soit votre domicile.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "mediatheque",
        "title": "Médiathèque Marguerite-Yourcenar",
        "kind": "culture",
        "intro": (
            "Livres, bandes dessinées, presse, films, musique et jeux : la médiathèque est ouverte "
            "à tous. L'inscription est gratuite pour les habitants de Villeneuve-sur-Lys."
        ),
        "address": "12 rue de la Lys",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "centre-ville",
        "latitude": 50.6311,
        "longitude": 2.8526,
        "phone": "03 53 73 10 40",
        "email": "mediatheque@villeneuve-sur-lys.fr",
        "opening_hours": [
            [1, "14:00", "18:00"],
            [2, "10:00", "12:30"], [2, "14:00", "18:00"],
            [4, "14:00", "19:00"],
            [5, "10:00", "17:00"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "10:00",
                "closes": "16:00",
                "label": "Veille de Noël : horaires réduits",
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "10:00",
                "closes": "16:00",
                "label": "Veille du jour de l'An : horaires réduits",
            },
            {
                "date": "07-01",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Fermeture pour inventaire des collections",
            },
        ],
        "accessibility": (
            "Bâtiment de plain-pied, ascenseur vers l'espace jeunesse à l'étage, boucle "
            "magnétique à la banque de prêt, livres en gros caractères et livres audio, "
            "une place de stationnement PMR devant l'entrée."
        ),
        "profiles": ["familles", "seniors", "jeunes"],
        "themes": ["culture", "education"],
        "body": [
            (
                "paragraph",
                "<p>La médiathèque propose :</p>"
                "<ul>"
                "<li>Prêt de livres, bandes dessinées, mangas, revues, DVD et CD.</li>"
                "<li>Presse quotidienne et magazines à lire sur place.</li>"
                "<li>Huit ordinateurs en accès libre, impression (0,10 € la page) et wifi "
                "gratuit.</li>"
                "<li>Jeux de société et jeux vidéo à utiliser sur place.</li>"
                "<li>Portage de livres à domicile pour les personnes qui ne peuvent pas se "
                "déplacer, en lien avec le CCAS.</li>"
                "<li>Accueil des classes et des crèches le jeudi, sur réservation des "
                "enseignants.</li>"
                "</ul>",
            ),
            (
                "table",
                {
                    "caption": "Conditions de prêt",
                    "headers": ["Documents", "Nombre par carte", "Durée"],
                    "rows": [
                        ["Livres, bandes dessinées, revues", "10", "4 semaines"],
                        ["CD et livres audio", "5", "4 semaines"],
                        ["DVD", "3", "2 semaines"],
                        ["Liseuses numériques", "1", "3 semaines"],
                    ],
                },
            ),
            ("heading", "Ateliers numériques"),
            (
                "paragraph",
                "<p>Un conseiller numérique propose des ateliers gratuits en petit groupe "
                "(six personnes au plus), le mercredi matin et le vendredi après-midi :</p>"
                "<ul>"
                "<li>premiers pas avec un ordinateur ou une tablette ;</li>"
                "<li>bien utiliser son smartphone (photos, messages, applications) ;</li>"
                "<li>démarches en ligne : impôts, assurance maladie, retraite, "
                "FranceConnect ;</li>"
                "<li>repérer les arnaques et protéger ses données.</li>"
                "</ul>"
                "<p>Des rendez-vous individuels d'une heure sont aussi possibles. Inscription "
                "à l'accueil, par téléphone ou sur "
                "<a href=\"https://demarches.villeneuve-sur-lys.fr/ateliers-numeriques\">"
                "le formulaire des ateliers numériques</a>.</p>",
            ),
            (
                "faq",
                [
                    {
                        "question": "Comment s'inscrire ?",
                        "answer": (
                            "<p>Présentez-vous à l'accueil avec une pièce d'identité et un "
                            "justificatif de domicile de moins de trois mois. Pour les moins "
                            "de 18 ans, une autorisation signée d'un parent est demandée.</p>"
                        ),
                    },
                    {
                        "question": "Combien coûte l'inscription ?",
                        "answer": (
                            "<p>Elle est gratuite pour les habitants de Villeneuve-sur-Lys. "
                            "Pour les personnes qui habitent une autre commune, la carte coûte "
                            "12 € par an (6 € pour les moins de 18 ans).</p>"
                        ),
                    },
                    {
                        "question": "Où rendre mes documents quand la médiathèque est fermée ?",
                        "answer": (
                            "<p>Une boîte de retour est installée à droite de l'entrée, rue de "
                            "la Lys. Elle est accessible jour et nuit, sauf pour les jeux et "
                            "les liseuses, à rendre à l'accueil.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "piscine",
        "title": "Piscine municipale des Prés",
        "kind": "sport",
        "intro": (
            "Un bassin sportif de 25 mètres, un bassin d'apprentissage et une pataugeoire. "
            "Les horaires changent pendant les vacances scolaires et l'été."
        ),
        "address": "4 rue des Prés",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "les-pres",
        "latitude": 50.6248,
        "longitude": 2.8433,
        "phone": "03 53 73 10 60",
        "email": "piscine@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "12:00", "13:45"], [0, "17:00", "19:30"],
            [1, "12:00", "13:45"], [1, "17:00", "21:00"],
            [2, "10:00", "12:00"], [2, "14:00", "19:00"],
            [3, "12:00", "13:45"], [3, "17:00", "19:30"],
            [4, "12:00", "13:45"], [4, "17:00", "20:00"],
            [5, "09:00", "12:00"], [5, "14:00", "18:00"],
            [6, "08:30", "12:30"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "10:00",
                "closes": "16:00",
                "label": "Veille de Noël : fermeture à 16 h",
            },
            {
                "date": "12-25",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Noël",
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "10:00",
                "closes": "16:00",
                "label": "Veille du jour de l'An : fermeture à 16 h",
            },
            {
                "date": "01-01",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Jour de l'An",
            },
        ],
        "accessibility": (
            "Accès de plain-pied, deux cabines et une douche adaptées, fauteuil de mise à l'eau "
            "pour le bassin sportif, boucle magnétique à la caisse, trois places de "
            "stationnement PMR sur le parking de la rue des Prés."
        ),
        "profiles": ["familles", "jeunes", "seniors"],
        "themes": ["sport", "sante"],
        "body": [
            (
                "table",
                {
                    "caption": "Horaires d'ouverture selon la période",
                    "headers": ["Jour", "Période scolaire", "Petites vacances", "Juillet et août"],
                    "rows": [
                        ["Lundi", "12 h – 13 h 45 et 17 h – 19 h 30", "10 h – 12 h et 14 h – 19 h", "10 h – 19 h"],
                        ["Mardi", "12 h – 13 h 45 et 17 h – 21 h", "10 h – 12 h et 14 h – 21 h", "10 h – 19 h"],
                        ["Mercredi", "10 h – 12 h et 14 h – 19 h", "10 h – 12 h et 14 h – 19 h", "10 h – 19 h"],
                        ["Jeudi", "12 h – 13 h 45 et 17 h – 19 h 30", "10 h – 12 h et 14 h – 19 h", "10 h – 19 h"],
                        ["Vendredi", "12 h – 13 h 45 et 17 h – 20 h", "10 h – 12 h et 14 h – 20 h", "10 h – 19 h"],
                        ["Samedi", "9 h – 12 h et 14 h – 18 h", "9 h – 12 h et 14 h – 18 h", "10 h – 19 h"],
                        ["Dimanche", "8 h 30 – 12 h 30", "8 h 30 – 12 h 30", "9 h – 13 h"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "À savoir",
                    "text": (
                        "<p>L'évacuation des bassins a lieu 15 minutes avant la fermeture. "
                        "Le short de bain est interdit, le bonnet n'est pas obligatoire. "
                        "La piscine ferme deux semaines fin août pour la vidange annuelle.</p>"
                    ),
                },
            ),
            ("heading", "Tarifs"),
            (
                "table",
                {
                    "caption": "Tarifs d'entrée et des activités",
                    "headers": ["Formule", "Habitants de Villeneuve-sur-Lys", "Autres communes"],
                    "rows": [
                        ["Entrée adulte", "3,50 €", "4,80 €"],
                        ["Entrée réduite (4 à 17 ans, étudiants, demandeurs d'emploi)", "2,20 €", "3,00 €"],
                        ["Enfant de moins de 4 ans", "Gratuit", "Gratuit"],
                        ["Carte de 10 entrées adulte", "30,00 €", "42,00 €"],
                        ["Carte de 10 entrées tarif réduit", "18,00 €", "26,00 €"],
                        ["Séance d'aquagym", "7,50 €", "9,00 €"],
                        ["Cycle de 10 leçons de natation (enfant)", "65,00 €", "85,00 €"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Le tarif réduit est accordé sur présentation d'un justificatif. Les cartes "
                "de 10 entrées sont valables un an et ne sont pas nominatives. Les inscriptions "
                "aux leçons de natation et à l'aquagym se font à la caisse, au début de chaque "
                "trimestre.</p>",
            ),
        ],
    },
    {
        "slug": "conservatoire",
        "title": "Conservatoire de musique et de danse",
        "kind": "culture",
        "intro": (
            "Le conservatoire accueille enfants et adultes à partir de 5 ans : éveil musical, "
            "formation musicale, 18 instruments, pratiques collectives et trois disciplines de danse."
        ),
        "address": "8 rue des Tisserands",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "centre-ville",
        "latitude": 50.6296,
        "longitude": 2.8489,
        "phone": "03 53 73 10 50",
        "email": "conservatoire@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "14:00", "19:00"],
            [1, "14:00", "19:00"],
            [2, "09:00", "12:00"], [2, "13:30", "19:00"],
            [3, "14:00", "19:00"],
            [4, "14:00", "18:00"],
            [5, "09:00", "12:00"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Vacances de Noël : secrétariat fermé",
            },
            {
                "date": "12-31",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Vacances de Noël : secrétariat fermé",
            },
        ],
        "accessibility": (
            "Rez-de-chaussée accessible par l'entrée de la cour (rampe), ascenseur vers les salles "
            "de cours, auditorium équipé d'une boucle magnétique et de quatre emplacements pour "
            "fauteuil roulant."
        ),
        "profiles": ["familles", "jeunes"],
        "themes": ["culture", "education"],
        "body": [
            ("heading", "Les cours"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Éveil musical</strong> de 5 à 6 ans : découverte des sons, du "
                "rythme et des instruments, 45 minutes par semaine.</li>"
                "<li><strong>Formation musicale</strong> à partir de 7 ans, en parallèle de "
                "l'apprentissage d'un instrument.</li>"
                "<li><strong>Instruments</strong> : piano, violon, alto, violoncelle, guitare, "
                "flûte traversière, clarinette, saxophone, trompette, trombone, tuba, "
                "percussions, batterie, accordéon, chant, entre autres.</li>"
                "<li><strong>Pratiques collectives</strong> : orchestre à cordes, orchestre "
                "d'harmonie junior, ensemble de guitares, chorale d'enfants, atelier de "
                "musiques actuelles.</li>"
                "<li><strong>Danse</strong> classique, contemporaine et hip-hop, à partir de "
                "6 ans.</li>"
                "</ul>",
            ),
            ("heading", "Inscriptions"),
            (
                "paragraph",
                "<p>Les réinscriptions des élèves ont lieu en mai, les nouvelles inscriptions "
                "en juin, au secrétariat ou sur "
                "<a href=\"https://demarches.villeneuve-sur-lys.fr/conservatoire\">le portail "
                "d'inscription du conservatoire</a>. Les places restantes sont attribuées à la "
                "rentrée, dans l'ordre d'arrivée des demandes. Un cours d'essai est possible "
                "avant de s'engager.</p>"
                "<p>Pièces à fournir : justificatif de domicile, dernier avis d'imposition ou "
                "attestation de quotient familial de la CAF, certificat médical pour la "
                "danse.</p>"
                "<p>Pendant les deux premières années, le conservatoire loue des instruments "
                "aux élèves pour 60 € par an. Le paiement peut se faire en trois fois.</p>",
            ),
            (
                "table",
                {
                    "caption": "Tarifs annuels selon le quotient familial",
                    "headers": ["Quotient familial", "Éveil ou formation musicale seule", "Cursus instrument", "Danse"],
                    "rows": [
                        ["Jusqu'à 600 €", "45 €", "120 €", "90 €"],
                        ["De 601 à 1 000 €", "70 €", "180 €", "130 €"],
                        ["Plus de 1 000 €", "95 €", "240 €", "170 €"],
                        ["Élèves d'autres communes", "160 €", "390 €", "280 €"],
                    ],
                },
            ),
        ],
    },
    {
        "slug": "police-municipale",
        "title": "Police municipale",
        "kind": "securite",
        "intro": (
            "Huit policiers municipaux et deux agents de surveillance de la voie publique "
            "veillent à la tranquillité, à la sécurité routière et au respect des arrêtés du maire."
        ),
        "address": "15 rue Pasteur",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "centre-ville",
        "latitude": 50.6290,
        "longitude": 2.8519,
        "phone": "03 53 73 10 17",
        "email": "police.municipale@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "08:00", "12:00"], [0, "13:30", "18:00"],
            [1, "08:00", "12:00"], [1, "13:30", "18:00"],
            [2, "08:00", "12:00"], [2, "13:30", "18:00"],
            [3, "08:00", "12:00"], [3, "13:30", "18:00"],
            [4, "08:00", "12:00"], [4, "13:30", "18:00"],
            [5, "09:00", "12:00"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "08:00",
                "closes": "12:00",
                "label": "Veille de Noël : accueil fermé l'après-midi (patrouilles assurées)",
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "08:00",
                "closes": "12:00",
                "label": "Veille du jour de l'An : accueil fermé l'après-midi (patrouilles assurées)",
            },
        ],
        "accessibility": (
            "Accueil de plain-pied, sonnette à hauteur de fauteuil, boucle magnétique au guichet, "
            "une place de stationnement PMR devant le poste."
        ),
        "profiles": ["seniors", "familles", "professionnels"],
        "themes": ["securite"],
        "body": [
            ("heading", "Missions"),
            (
                "paragraph",
                "<ul>"
                "<li>Patrouilles à pied, à vélo et en voiture dans tous les quartiers, de 7 h à "
                "22 h en semaine et jusqu'à 1 h les soirs de week-end en été.</li>"
                "<li>Sécurité aux abords des écoles aux heures d'entrée et de sortie.</li>"
                "<li>Stationnement, zone bleue et fourrière.</li>"
                "<li>Bruit, dépôts sauvages, animaux errants ou dangereux.</li>"
                "<li>Objets trouvés : dépôt et restitution à l'accueil, sur présentation d'une "
                "pièce d'identité.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "En cas d'urgence",
                    "text": (
                        "<p>Composez le <strong>17</strong> (police nationale) ou le "
                        "<strong>112</strong>. Les personnes sourdes ou malentendantes peuvent "
                        "envoyer un SMS au <strong>114</strong>.</p>"
                    ),
                },
            ),
            ("heading", "Opération Tranquillité Vacances"),
            (
                "paragraph",
                "<p>Pendant votre absence, la police municipale passe régulièrement devant "
                "votre logement, de jour comme de nuit. Le service est gratuit et ouvert toute "
                "l'année. Inscrivez-vous au moins cinq jours avant votre départ, au poste ou "
                "sur <a href=\"https://demarches.villeneuve-sur-lys.fr/tranquillite-vacances\">"
                "le formulaire Tranquillité Vacances</a>.</p>",
            ),
        ],
    },
    {
        "slug": "centre-social",
        "title": "Centre social du Bois-Fleuri",
        "kind": "social",
        "intro": (
            "Un lieu ouvert à tous les habitants : activités pour les familles, aide aux devoirs, "
            "ateliers, sorties et permanences d'accès aux droits."
        ),
        "address": "2 allée des Tilleuls",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "bois-fleuri",
        "latitude": 50.6367,
        "longitude": 2.8612,
        "phone": "03 53 73 10 70",
        "email": "centre.social@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "13:30", "18:30"],
            [1, "09:00", "12:00"], [1, "13:30", "18:30"],
            [2, "09:00", "12:00"], [2, "13:30", "18:30"],
            [3, "09:00", "12:00"], [3, "13:30", "18:30"],
            [4, "09:00", "12:00"], [4, "13:30", "17:30"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "09:00",
                "closes": "12:00",
                "label": "Veille de Noël : ouverture le matin seulement",
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "09:00",
                "closes": "12:00",
                "label": "Veille du jour de l'An : ouverture le matin seulement",
            },
        ],
        "accessibility": (
            "Bâtiment entièrement de plain-pied, toilettes adaptées, boucle magnétique dans la "
            "salle polyvalente, deux places de stationnement PMR allée des Tilleuls. Arrêt de bus "
            "« Bois-Fleuri » à 50 mètres."
        ),
        "profiles": ["familles", "seniors", "jeunes"],
        "themes": ["solidarite", "enfance", "vie-associative"],
        "body": [
            ("heading", "Activités"),
            (
                "paragraph",
                "<ul>"
                "<li>Accompagnement à la scolarité pour les élèves du CP à la 3e, en période "
                "scolaire, après la classe.</li>"
                "<li>Ateliers parents-enfants le mercredi matin et pendant les vacances.</li>"
                "<li>Ateliers couture, cuisine, français langue étrangère, gym douce.</li>"
                "<li>Sorties familiales à petit prix : mer, parcs, spectacles.</li>"
                "<li>Café des habitants, un lieu pour se rencontrer et proposer des projets.</li>"
                "</ul>"
                "<p>L'adhésion coûte 5 € par famille et par an. Certaines activités demandent "
                "une participation, calculée selon le quotient familial.</p>",
            ),
            (
                "table",
                {
                    "caption": "Permanences sur place",
                    "headers": ["Permanence", "Quand", "Conditions"],
                    "rows": [
                        ["Caisse d'allocations familiales", "Mardi 9 h – 12 h", "Sur rendez-vous"],
                        ["Écrivain public", "Jeudi 14 h – 17 h", "Sans rendez-vous"],
                        ["Mission locale (16-25 ans)", "Mercredi 14 h – 17 h", "Sur rendez-vous"],
                        ["Conciliateur de justice", "1er vendredi du mois, 9 h – 12 h", "Sur rendez-vous"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Prendre rendez-vous",
                    "text": (
                        "<p>Les rendez-vous se prennent à l'accueil ou par téléphone au "
                        "03 53 73 10 70.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "maison-des-associations",
        "title": "Maison des associations",
        "kind": "social",
        "intro": (
            "La maison des associations prête des salles, domicilie les associations et les "
            "accompagne dans leurs démarches : création, subventions, communication."
        ),
        "address": "20 rue du Moulin",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "le-moulin",
        "latitude": 50.6335,
        "longitude": 2.8398,
        "phone": "03 53 73 10 80",
        "email": "vie.associative@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "09:00", "12:00"], [0, "14:00", "18:00"],
            [1, "09:00", "12:00"], [1, "14:00", "18:00"],
            [2, "09:00", "12:00"], [2, "14:00", "18:00"],
            [3, "09:00", "12:00"], [3, "14:00", "18:00"],
            [4, "09:00", "12:00"], [4, "14:00", "17:00"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "09:00",
                "closes": "12:00",
                "label": "Veille de Noël : accueil le matin seulement",
            },
            {
                "date": "09-05",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Accueil fermé : l'équipe est au forum des associations",
            },
        ],
        "accessibility": (
            "Accès de plain-pied par la cour, ascenseur vers les salles de l'étage, boucle "
            "magnétique portative à demander à l'accueil, une place de stationnement PMR rue du "
            "Moulin."
        ),
        "profiles": ["associations"],
        "themes": ["vie-associative"],
        "body": [
            ("heading", "Services aux associations"),
            (
                "paragraph",
                "<ul>"
                "<li>Prêt gratuit de salles de réunion aux associations de la commune, du lundi "
                "au samedi de 9 h à 22 h.</li>"
                "<li>Domiciliation et boîte aux lettres.</li>"
                "<li>Photocopies : 0,05 € la page en noir et blanc, 0,20 € en couleur.</li>"
                "<li>Aide aux démarches : statuts, déclaration en préfecture, dossier de "
                "demande de subvention, recherche de bénévoles.</li>"
                "<li>Organisation du forum des associations, début septembre.</li>"
                "</ul>",
            ),
            (
                "table",
                {
                    "caption": "Salles disponibles",
                    "headers": ["Salle", "Capacité", "Équipement"],
                    "rows": [
                        ["Salle de la Lys", "60 personnes", "Vidéoprojecteur, sonorisation, cuisine"],
                        ["Salle du Moulin", "25 personnes", "Écran, tableau blanc"],
                        ["Salle des Tisserands", "12 personnes", "Table de réunion, écran"],
                        ["Salle d'activités", "30 personnes", "Parquet, miroirs (danse, gym douce)"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Réserver une salle",
                    "text": (
                        "<p>Les demandes se font au moins trois semaines à l'avance sur "
                        "<a href=\"https://demarches.villeneuve-sur-lys.fr/reservation-salle\">le "
                        "formulaire de réservation de salle</a>. Une attestation d'assurance de "
                        "l'association est demandée chaque année.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "ccas",
        "title": "Centre communal d'action sociale (CCAS)",
        "kind": "social",
        "intro": (
            "Le CCAS accompagne les habitants en difficulté, les personnes âgées et les "
            "personnes handicapées : aides, domiciliation, portage de repas, téléassistance."
        ),
        "address": "3 rue Jean-Jaurès",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "centre-ville",
        "latitude": 50.6309,
        "longitude": 2.8498,
        "phone": "03 53 73 10 30",
        "email": "ccas@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "08:30", "12:00"], [0, "13:30", "17:00"],
            [1, "08:30", "12:00"], [1, "13:30", "17:00"],
            [2, "08:30", "12:00"], [2, "13:30", "17:00"],
            [3, "08:30", "12:00"],
            [4, "08:30", "12:00"], [4, "13:30", "17:00"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "08:30",
                "closes": "12:00",
                "label": "Veille de Noël : fermeture à midi",
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "08:30",
                "closes": "12:00",
                "label": "Veille du jour de l'An : fermeture à midi",
            },
        ],
        "accessibility": (
            "Accueil de plain-pied, bureau de rendez-vous confidentiel au rez-de-chaussée, boucle "
            "magnétique à l'accueil. Les agents peuvent se déplacer à domicile si vous ne pouvez "
            "pas venir."
        ),
        "profiles": ["seniors", "familles"],
        "themes": ["solidarite", "sante"],
        "body": [
            ("heading", "Ce que le CCAS propose"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Aides ponctuelles</strong> : secours alimentaire, aide au paiement "
                "d'une facture d'énergie ou de cantine, après étude de votre situation.</li>"
                "<li><strong>Domiciliation</strong> pour les personnes sans adresse stable.</li>"
                "<li><strong>Portage de repas à domicile</strong>, du lundi au samedi, de "
                "4,90 € à 8,20 € le repas selon les ressources.</li>"
                "<li><strong>Téléassistance</strong> : un médaillon ou un bracelet pour "
                "appeler à l'aide 24 h sur 24, 9 € par mois.</li>"
                "<li><strong>Dossiers d'aide sociale</strong> : allocation personnalisée "
                "d'autonomie, aide sociale à l'hébergement, revenu de solidarité active.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Registre des personnes vulnérables",
                    "text": (
                        "<p>Les personnes âgées, isolées ou handicapées peuvent s'inscrire sur "
                        "le registre communal. En cas de canicule ou de grand froid, le CCAS "
                        "les appelle régulièrement et organise une visite si besoin. Un proche "
                        "peut faire l'inscription avec l'accord de la personne.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Faut-il prendre rendez-vous ?",
                        "answer": (
                            "<p>L'accueil est libre pour les renseignements. Pour une demande "
                            "d'aide, un rendez-vous avec un travailleur social est fixé dans "
                            "la semaine. Apportez vos justificatifs de ressources et vos "
                            "dernières factures.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "services-techniques",
        "title": "Centre technique municipal",
        "kind": "technique",
        "intro": (
            "Les services techniques entretiennent la voirie, l'éclairage public, les espaces "
            "verts, la propreté et les bâtiments communaux. Ils prêtent aussi du matériel aux "
            "associations."
        ),
        "address": "45 rue de l'Industrie",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "la-gare",
        "latitude": 50.6261,
        "longitude": 2.8587,
        "phone": "03 53 73 10 90",
        "email": "services.techniques@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "08:00", "12:00"], [0, "13:30", "16:30"],
            [1, "08:00", "12:00"], [1, "13:30", "16:30"],
            [2, "08:00", "12:00"], [2, "13:30", "16:30"],
            [3, "08:00", "12:00"], [3, "13:30", "16:30"],
            [4, "08:00", "12:00"], [4, "13:30", "16:00"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "08:00",
                "closes": "12:00",
                "label": "Veille de Noël : accueil le matin seulement (astreinte assurée)",
            },
            {
                "date": "12-31",
                "closed": False,
                "opens": "08:00",
                "closes": "12:00",
                "label": "Veille du jour de l'An : accueil le matin seulement (astreinte assurée)",
            },
        ],
        "accessibility": (
            "Accueil de plain-pied, une place de stationnement PMR devant le bâtiment "
            "administratif. Le retrait du matériel prêté se fait au quai de chargement."
        ),
        "profiles": ["associations", "professionnels"],
        "themes": ["travaux", "environnement"],
        "body": [
            ("heading", "Signaler un problème"),
            (
                "paragraph",
                "<p>Nid-de-poule, lampadaire éteint, dépôt sauvage, tag, arbre dangereux : "
                "signalez-le sur <a href=\"https://demarches.villeneuve-sur-lys.fr/signalement\">"
                "le formulaire de signalement</a> en ajoutant une photo et l'adresse précise. "
                "Vous recevez un accusé de réception puis un message quand l'intervention est "
                "terminée.</p>"
                "<p>En dehors des horaires d'ouverture, un agent d'astreinte intervient pour "
                "les urgences (chute d'arbre, inondation de la voirie) : appelez le "
                "03 53 73 10 99.</p>",
            ),
            ("heading", "Prêt de matériel aux associations"),
            (
                "table",
                {
                    "caption": "Matériel prêté gratuitement aux associations villeneuvoises",
                    "headers": ["Matériel", "Quantité maximale", "Conditions"],
                    "rows": [
                        ["Tables pliantes", "40", "Retrait et retour par l'association"],
                        ["Chaises", "200", "Retrait et retour par l'association"],
                        ["Barrières de sécurité", "30", "Livraison par les services techniques"],
                        ["Podium (6 m × 4 m)", "1", "Montage par les services techniques"],
                        ["Tentes de réception (3 m × 3 m)", "6", "Demande un mois à l'avance"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Délais",
                    "text": (
                        "<p>Les demandes de matériel doivent parvenir au moins trois semaines "
                        "avant la manifestation, un mois pour le podium et les tentes.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "espace-famille",
        "title": "Espace Famille",
        "kind": "education",
        "intro": (
            "Le guichet unique pour les familles : inscriptions scolaires, restauration, "
            "accueil périscolaire, accueils de loisirs du mercredi et des vacances."
        ),
        "address": "9 rue Victor-Hugo",
        "postcode": "59999",
        "city": "Villeneuve-sur-Lys",
        "neighbourhood": "centre-ville",
        "latitude": 50.6284,
        "longitude": 2.8532,
        "phone": "03 53 73 10 20",
        "email": "espace.famille@villeneuve-sur-lys.fr",
        "opening_hours": [
            [0, "08:30", "12:00"], [0, "13:30", "17:30"],
            [1, "08:30", "12:00"], [1, "13:30", "17:30"],
            [2, "08:30", "12:00"],
            [3, "13:30", "19:00"],
            [4, "08:30", "12:00"], [4, "13:30", "16:30"],
        ],
        "exceptions": [
            {
                "date": "12-24",
                "closed": False,
                "opens": "08:30",
                "closes": "12:00",
                "label": "Veille de Noël : fermeture à midi",
            },
            {
                "date": "12-31",
                "closed": True,
                "opens": "",
                "closes": "",
                "label": "Fermeture exceptionnelle",
            },
            {
                "date": "08-31",
                "closed": False,
                "opens": "08:30",
                "closes": "19:00",
                "label": "Veille de rentrée : ouverture en continu",
            },
        ],
        "accessibility": (
            "Accueil de plain-pied, espace pour poussettes, coin enfants, boucle magnétique au "
            "guichet, une place de stationnement PMR rue Victor-Hugo."
        ),
        "profiles": ["familles", "nouveaux-habitants"],
        "themes": ["enfance", "education"],
        "body": [
            ("heading", "Vos démarches"),
            (
                "paragraph",
                "<ul>"
                "<li>Inscription à l'école maternelle ou élémentaire (première inscription "
                "ou changement d'école).</li>"
                "<li>Inscription à la restauration scolaire et à l'accueil périscolaire du "
                "matin et du soir.</li>"
                "<li>Réservation des accueils de loisirs du mercredi et des vacances.</li>"
                "<li>Calcul du quotient familial et paiement des factures.</li>"
                "</ul>"
                "<p>La plupart de ces démarches sont possibles en ligne sur "
                "<a href=\"https://demarches.villeneuve-sur-lys.fr/portail-famille\">le portail "
                "Famille</a>.</p>",
            ),
            (
                "table",
                {
                    "caption": "Tarifs de la restauration scolaire selon le quotient familial",
                    "headers": ["Quotient familial", "Prix du repas"],
                    "rows": [
                        ["Jusqu'à 450 €", "1,00 €"],
                        ["De 451 à 700 €", "2,10 €"],
                        ["De 701 à 1 000 €", "3,05 €"],
                        ["Plus de 1 000 €", "3,90 €"],
                        ["Enfants d'autres communes", "5,20 €"],
                    ],
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Jusqu'à quand puis-je réserver ou annuler un repas ?",
                        "answer": (
                            "<p>Jusqu'au jeudi minuit pour la semaine suivante, sur le portail "
                            "Famille. En cas de maladie, le repas n'est pas facturé si vous "
                            "prévenez avant 9 h et fournissez un certificat médical.</p>"
                        ),
                    },
                    {
                        "question": "Quels documents pour une première inscription scolaire ?",
                        "answer": (
                            "<p>Le livret de famille ou un acte de naissance de l'enfant, un "
                            "justificatif de domicile de moins de trois mois et le carnet de "
                            "santé (vaccinations à jour). En cas de changement d'école, un "
                            "certificat de radiation de l'ancienne école.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
]
