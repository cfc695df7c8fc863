# Annuaire de Villeneuve-sur-Lys : associations, commerces et artisans, professionnels de santé
# (contenu de démonstration, personnes et entreprises fictives). Format : voir FORMAT.md.

DIRECTORY = [
    # --- Associations -------------------------------------------------------------------------
    {
        "slug": "us-villeneuvoise-football",
        "kind": "association",
        "title": "Union sportive villeneuvoise (football)",
        "category": "Sport",
        "intro": (
            "Le club de football de la ville : école de foot dès 5 ans, équipes jeunes, "
            "seniors, vétérans et section féminine. L'équipe première joue en Régional 2."
        ),
        "address": "Stade Léo-Lagrange, 18 rue des Prés",
        "neighbourhood": "les-pres",
        "phone": "03 53 73 30 01",
        "email": "usv.football@villeneuve-sur-lys.fr",
        "website": "https://usv-football.villeneuve-sur-lys.fr",
        "contact_name": "Président : Didier Lecomte",
        "opening_text": (
            "Entraînements du lundi au vendredi à partir de 17 h 30, école de foot le mercredi "
            "après-midi, matchs le week-end."
        ),
        "profiles": ["jeunes", "familles"],
        "themes": ["sport", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>Le club compte 420 licenciés et 35 éducateurs, dont 12 diplômés. Licence de "
                "65 € à 140 € selon l'âge, équipement compris. Deux séances d'essai gratuites "
                "sont proposées avant l'inscription.</p>",
            ),
            (
                "callout",
                {
                    "title": "Section féminine",
                    "text": (
                        "<p>Le club recrute des joueuses de 6 à 15 ans pour ses équipes "
                        "féminines. Entraînement le mercredi de 14 h à 15 h 30.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "nageurs-de-la-lys",
        "kind": "association",
        "title": "Les Nageurs de la Lys",
        "category": "Sport",
        "intro": (
            "Club de natation : école de nage à partir de 6 ans, natation sportive, "
            "natation adultes et aquaforme."
        ),
        "address": "Piscine municipale des Prés, 4 rue des Prés",
        "neighbourhood": "les-pres",
        "phone": "03 53 73 30 02",
        "email": "nageurs.lys@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Président : Arnaud Deschamps",
        "opening_text": "Permanence d'inscription le samedi de 10 h à 12 h, hall de la piscine.",
        "profiles": ["jeunes", "familles", "seniors"],
        "themes": ["sport", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>Les groupes sont constitués après un test de niveau en septembre. Cotisation "
                "annuelle : 150 € pour les enfants, 170 € pour les adultes, licence fédérale "
                "comprise. Le club organise chaque année les défis nautiques du Téléthon.</p>",
            ),
        ],
    },
    {
        "slug": "judo-club-villeneuvois",
        "kind": "association",
        "title": "Judo club villeneuvois",
        "category": "Sport",
        "intro": (
            "Judo, jujitsu et taïso pour tous les âges, de l'éveil judo à 4 ans jusqu'aux "
            "cours adultes de remise en forme."
        ),
        "address": "Dojo municipal, 22 rue des Prés",
        "neighbourhood": "les-pres",
        "phone": "03 53 73 30 03",
        "email": "judo.club@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Présidente : Sandrine Ghesquière",
        "opening_text": "Cours du lundi au samedi selon les âges, planning disponible au dojo.",
        "profiles": ["jeunes", "familles"],
        "themes": ["sport", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<ul>"
                "<li>Éveil judo (4-5 ans) : mercredi de 10 h à 11 h.</li>"
                "<li>Judo enfants et adolescents : plusieurs créneaux en semaine après 17 h.</li>"
                "<li>Taïso adultes (renforcement, souplesse) : mardi et jeudi à 19 h.</li>"
                "</ul>"
                "<p>Cotisation de 120 € à 180 € par an, licence comprise. Kimono prêté la "
                "première année.</p>",
            ),
        ],
    },
    {
        "slug": "harmonie-municipale",
        "kind": "association",
        "title": "Harmonie municipale de Villeneuve-sur-Lys",
        "category": "Culture",
        "intro": (
            "Fondée en 1878, l'Harmonie réunit une cinquantaine de musiciens amateurs et anime "
            "les cérémonies, les fêtes et les concerts de la ville."
        ),
        "address": "Conservatoire, 8 rue des Tisserands",
        "neighbourhood": "centre-ville",
        "phone": "03 53 73 30 04",
        "email": "harmonie@villeneuve-sur-lys.fr",
        "website": "https://harmonie.villeneuve-sur-lys.fr",
        "contact_name": "Président : Jean-Pierre Vandenbussche",
        "opening_text": "Répétitions le vendredi de 20 h à 22 h à l'auditorium du conservatoire.",
        "profiles": ["seniors", "jeunes"],
        "themes": ["culture", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>L'Harmonie accueille les musiciens de tous âges ayant au moins trois ans de "
                "pratique d'un instrument à vent ou des percussions. Cotisation : 20 € par an. "
                "Les grands rendez-vous de la saison sont le concert de la Sainte-Cécile et le "
                "concert de printemps.</p>",
            ),
        ],
    },
    {
        "slug": "comite-des-fetes",
        "kind": "association",
        "title": "Comité des fêtes de Villeneuve-sur-Lys",
        "category": "Animation",
        "intro": (
            "Le Comité des fêtes organise la fête de la Lys, le marché de Noël, les "
            "brocantes et le carnaval, avec le soutien de la Ville."
        ),
        "address": "Maison des associations, 20 rue du Moulin",
        "neighbourhood": "le-moulin",
        "phone": "03 53 73 30 05",
        "email": "comite.fetes@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Présidente : Chantal Dewaele",
        "opening_text": "Permanence le mardi de 17 h à 19 h à la maison des associations.",
        "profiles": ["associations", "familles"],
        "themes": ["culture", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>Le Comité cherche des bénévoles, même pour quelques heures par an : montage "
                "des stands, buvette, accueil des exposants. Les inscriptions aux brocantes se "
                "font lors des permanences ou par courriel.</p>",
            ),
        ],
    },
    {
        "slug": "epicerie-solidaire-la-passerelle",
        "kind": "association",
        "title": "Épicerie solidaire La Passerelle",
        "category": "Solidarité",
        "intro": (
            "L'épicerie solidaire permet aux familles aux revenus modestes d'acheter des "
            "produits alimentaires et d'hygiène à 10 à 30 % de leur prix habituel."
        ),
        "address": "7 allée des Tilleuls",
        "neighbourhood": "bois-fleuri",
        "phone": "03 53 73 30 06",
        "email": "la.passerelle@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Président : Michel Lefort",
        "opening_text": "Mardi et vendredi de 14 h à 18 h, mercredi de 9 h à 12 h.",
        "profiles": ["familles", "seniors"],
        "themes": ["solidarite", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>L'accès se fait sur orientation d'un travailleur social du CCAS ou du "
                "Département, pour une durée de trois à six mois renouvelable. L'épicerie "
                "propose aussi des ateliers cuisine et budget.</p>",
            ),
            (
                "callout",
                {
                    "title": "Devenir bénévole",
                    "text": (
                        "<p>L'association recherche des bénévoles pour l'accueil, la mise en "
                        "rayon et la collecte auprès des supermarchés.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "donneurs-de-sang-benevoles",
        "kind": "association",
        "title": "Amicale des donneurs de sang bénévoles de Villeneuve-sur-Lys",
        "category": "Solidarité",
        "intro": (
            "L'Amicale fait connaître le don de sang et accueille les donneurs lors des collectes "
            "organisées avec l'Établissement français du sang."
        ),
        "address": "Maison des associations, 20 rue du Moulin",
        "neighbourhood": "le-moulin",
        "phone": "03 53 73 30 07",
        "email": "don.du.sang@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Présidente : Monique Deleval",
        "opening_text": "Cinq collectes par an à la salle des fêtes, rue Pasteur.",
        "profiles": ["jeunes", "seniors"],
        "themes": ["sante", "solidarite", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>Pour donner son sang, il faut avoir entre 18 et 70 ans, peser au moins 50 kg "
                "et être en bonne santé. Les rendez-vous se prennent sur "
                "<a href=\"https://dondesang.efs.sante.fr/\">le site du don de sang de l'EFS</a>. "
                "L'Amicale offre la collation après le don.</p>",
            ),
        ],
    },
    {
        "slug": "club-des-aines-les-bords-de-lys",
        "kind": "association",
        "title": "Club des aînés Les Bords de Lys",
        "category": "Loisirs",
        "intro": (
            "Jeux de cartes, lotos, sorties, voyages et thés dansants : le club accueille les "
            "retraités pour passer de bons moments ensemble."
        ),
        "address": "Salle du Béguinage, 5 rue du Béguinage",
        "neighbourhood": "centre-ville",
        "phone": "03 53 73 30 08",
        "email": "bords.de.lys@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Président : Gérard Pruvost",
        "opening_text": "Mardi et jeudi de 14 h à 18 h.",
        "profiles": ["seniors"],
        "themes": ["solidarite", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>Cotisation annuelle : 18 €. Le club compte 190 adhérents. Il organise un "
                "loto par trimestre et deux voyages par an ; les inscriptions ont lieu pendant "
                "les après-midis du club.</p>",
            ),
        ],
    },
    {
        "slug": "jardins-partages-du-moulin",
        "kind": "association",
        "title": "Les Jardins partagés du Moulin",
        "category": "Environnement",
        "intro": (
            "Trente parcelles cultivées en bio, un verger, des composteurs collectifs et des "
            "ateliers ouverts à tous au parc du Moulin."
        ),
        "address": "Parc du Moulin, chemin du Halage",
        "neighbourhood": "le-moulin",
        "phone": "03 53 73 30 09",
        "email": "jardins.moulin@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Présidente : Claire Hennebelle",
        "opening_text": "Jardin ouvert au public le samedi de 10 h à 12 h.",
        "profiles": ["familles", "seniors"],
        "themes": ["environnement", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>Adhésion : 15 € par an, parcelle individuelle 25 € par an (liste d'attente). "
                "Les ateliers compostage, taille et semis sont gratuits et ouverts aux "
                "non-adhérents.</p>",
            ),
        ],
    },
    {
        "slug": "treteaux-de-la-lys",
        "kind": "association",
        "title": "Les Tréteaux de la Lys",
        "category": "Culture",
        "intro": (
            "Troupe de théâtre amateur : ateliers pour les enfants, les adolescents et les "
            "adultes, et deux créations par saison."
        ),
        "address": "Maison des associations, 20 rue du Moulin",
        "neighbourhood": "le-moulin",
        "phone": "03 53 73 30 10",
        "email": "treteaux@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Président : Olivier Carpentier",
        "opening_text": "Ateliers le mercredi (enfants et adolescents) et le lundi soir (adultes).",
        "profiles": ["jeunes", "familles"],
        "themes": ["culture", "vie-associative"],
        "body": [
            (
                "paragraph",
                "<p>Atelier enfants (8-12 ans) et adolescents : 90 € par an. Atelier adultes : "
                "130 € par an. Aucune expérience n'est demandée ; le premier atelier est un "
                "essai gratuit.</p>",
            ),
        ],
    },
    # --- Commerces et artisans ----------------------------------------------------------------
    {
        "slug": "boulangerie-delattre",
        "kind": "business",
        "title": "Boulangerie Delattre",
        "category": "Commerce de bouche",
        "intro": (
            "Pains au levain, viennoiseries et pâtisseries maison, spécialités du Nord comme la "
            "tarte au sucre et le pain d'épices."
        ),
        "address": "14 rue de la Lys",
        "neighbourhood": "centre-ville",
        "phone": "03 53 73 40 01",
        "email": "boulangerie.delattre@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Gérant : Thomas Delattre",
        "opening_text": (
            "Du mardi au samedi de 6 h 30 à 19 h 30, le dimanche de 7 h à 12 h 30. Fermé le lundi."
        ),
        "profiles": ["familles"],
        "themes": ["economie-emploi"],
        "body": [
            (
                "paragraph",
                "<p>Commandes de gâteaux et de pièces montées 48 heures à l'avance. La boulangerie "
                "livre aussi les écoles et la maison de retraite de la commune.</p>",
            ),
        ],
    },
    {
        "slug": "boucherie-vandamme",
        "kind": "business",
        "title": "Boucherie-charcuterie Vandamme",
        "category": "Commerce de bouche",
        "intro": (
            "Viandes de races régionales, charcuterie et plats cuisinés maison, dont le "
            "potjevleesch et la carbonade flamande."
        ),
        "address": "27 rue Victor-Hugo",
        "neighbourhood": "centre-ville",
        "phone": "03 53 73 40 02",
        "email": "boucherie.vandamme@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Gérante : Aurélie Vandamme",
        "opening_text": (
            "Du mardi au vendredi de 8 h à 12 h 30 et de 15 h à 19 h, le samedi de 7 h 30 à 18 h."
        ),
        "profiles": ["familles"],
        "themes": ["economie-emploi"],
        "body": [
            (
                "paragraph",
                "<p>Service traiteur pour les fêtes de famille et les associations, sur devis. "
                "Présente aussi sur le marché du samedi matin, place de la Mairie.</p>",
            ),
        ],
    },
    {
        "slug": "librairie-des-tisserands",
        "kind": "business",
        "title": "Librairie des Tisserands",
        "category": "Commerce",
        "intro": (
            "Librairie indépendante : romans, jeunesse, bandes dessinées, livres régionaux et "
            "papeterie. Commandes livrées en 48 heures."
        ),
        "address": "3 rue des Tisserands",
        "neighbourhood": "centre-ville",
        "phone": "03 53 73 40 03",
        "email": "librairie.tisserands@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Gérante : Léa Vermeersch",
        "opening_text": "Du mardi au samedi de 9 h 30 à 12 h 30 et de 14 h à 19 h.",
        "profiles": ["familles", "jeunes"],
        "themes": ["culture", "economie-emploi"],
        "body": [
            (
                "paragraph",
                "<p>Rencontres d'auteurs une fois par mois et heure du conte le samedi matin "
                "pendant les vacances. La librairie accepte le pass Culture.</p>",
            ),
        ],
    },
    {
        "slug": "lefebvre-plomberie-chauffage",
        "kind": "business",
        "title": "Lefebvre Plomberie Chauffage",
        "category": "Artisan",
        "intro": (
            "Plomberie, chauffage, salles de bains et pompes à chaleur, pour les particuliers "
            "et les professionnels. Entreprise labellisée RGE."
        ),
        "address": "12 rue de l'Industrie",
        "neighbourhood": "la-gare",
        "phone": "03 53 73 40 04",
        "email": "lefebvre.plomberie@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Gérant : Sébastien Lefebvre",
        "opening_text": (
            "Du lundi au vendredi de 8 h à 18 h. Dépannage le samedi matin."
        ),
        "profiles": ["familles", "professionnels"],
        "themes": ["economie-emploi"],
        "body": [
            (
                "paragraph",
                "<p>Devis gratuit. Le label RGE permet aux clients de bénéficier des aides "
                "publiques à la rénovation énergétique pour le remplacement d'une chaudière.</p>",
            ),
        ],
    },
    {
        "slug": "deconinck-electricite",
        "kind": "business",
        "title": "Deconinck Électricité",
        "category": "Artisan",
        "intro": (
            "Installation et mise aux normes électriques, domotique, bornes de recharge pour "
            "véhicules électriques."
        ),
        "address": "31 rue des Prés",
        "neighbourhood": "les-pres",
        "phone": "03 53 73 40 05",
        "email": "deconinck.electricite@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Gérant : Julien Deconinck",
        "opening_text": "Du lundi au vendredi de 8 h à 17 h 30, sur rendez-vous.",
        "profiles": ["familles", "professionnels"],
        "themes": ["economie-emploi"],
        "body": [
            (
                "paragraph",
                "<p>Intervention à Villeneuve-sur-Lys et dans un rayon de 20 km. Devis gratuit "
                "sous une semaine.</p>",
            ),
        ],
    },
    {
        "slug": "au-jardin-de-lys-fleuriste",
        "kind": "business",
        "title": "Au Jardin de Lys",
        "category": "Fleuriste",
        "intro": (
            "Fleurs de saison, plantes, compositions pour les mariages et les deuils, "
            "livraison dans toute la commune."
        ),
        "address": "5 avenue de la Gare",
        "neighbourhood": "la-gare",
        "phone": "03 53 73 40 06",
        "email": "jardin.de.lys@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Gérante : Émilie Caron",
        "opening_text": (
            "Du mardi au samedi de 9 h à 12 h 30 et de 14 h 30 à 19 h, le dimanche de 9 h à 12 h 30."
        ),
        "profiles": ["familles"],
        "themes": ["economie-emploi"],
        "body": [
            (
                "paragraph",
                "<p>Les fleurs proviennent en priorité d'horticulteurs de la région. Livraison "
                "gratuite dans la commune à partir de 30 € d'achat.</p>",
            ),
        ],
    },
    {
        "slug": "garage-de-la-gare",
        "kind": "business",
        "title": "Garage de la Gare",
        "category": "Automobile",
        "intro": (
            "Entretien et réparation toutes marques, pneumatiques, climatisation, préparation "
            "au contrôle technique."
        ),
        "address": "40 avenue de la Gare",
        "neighbourhood": "la-gare",
        "phone": "03 53 73 40 07",
        "email": "garage.gare@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Gérant : Karim Benaissa",
        "opening_text": (
            "Du lundi au vendredi de 8 h à 12 h et de 13 h 30 à 18 h 30, le samedi de 8 h à 12 h."
        ),
        "profiles": ["familles", "professionnels"],
        "themes": ["economie-emploi"],
        "body": [
            (
                "paragraph",
                "<p>Véhicule de prêt sur réservation pendant les réparations. Le garage accueille "
                "chaque année deux apprentis en mécanique automobile.</p>",
            ),
        ],
    },
    # --- Santé ---------------------------------------------------------------------------------
    {
        "slug": "pharmacie-de-la-lys",
        "kind": "health",
        "title": "Pharmacie de la Lys",
        "category": "Pharmacie",
        "intro": (
            "Pharmacie du centre-ville : médicaments, orthopédie, matériel médical, vaccination "
            "et tests de dépistage."
        ),
        "address": "2 rue de la Lys",
        "neighbourhood": "centre-ville",
        "phone": "03 53 73 50 01",
        "email": "pharmacie.lys@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Pharmacienne titulaire : Anne Verhaeghe",
        "opening_text": (
            "Du lundi au vendredi de 8 h 30 à 19 h 30, le samedi de 9 h à 19 h."
        ),
        "profiles": ["familles", "seniors"],
        "themes": ["sante"],
        "body": [
            (
                "paragraph",
                "<p>Vaccination contre la grippe et le covid sans rendez-vous pendant la campagne "
                "d'automne. Location et livraison de matériel médical à domicile (lits, "
                "fauteuils roulants, déambulateurs).</p>",
            ),
            (
                "callout",
                {
                    "title": "Pharmacie de garde",
                    "text": (
                        "<p>La nuit, le dimanche et les jours fériés, composez le 3237 ou "
                        "consultez <a href=\"https://www.3237.fr/\">le site 3237</a> pour "
                        "connaître la pharmacie de garde la plus proche.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "pharmacie-du-moulin",
        "kind": "health",
        "title": "Pharmacie du Moulin",
        "category": "Pharmacie",
        "intro": (
            "Pharmacie de quartier : conseil, préparation des piluliers, bilans de médication "
            "pour les personnes âgées, produits de phytothérapie."
        ),
        "address": "33 rue du Moulin",
        "neighbourhood": "le-moulin",
        "phone": "03 53 73 50 02",
        "email": "pharmacie.moulin@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Pharmacien titulaire : François Dumortier",
        "opening_text": (
            "Du lundi au vendredi de 9 h à 12 h 30 et de 14 h à 19 h 30, le samedi de 9 h à 12 h 30."
        ),
        "profiles": ["seniors", "familles"],
        "themes": ["sante"],
        "body": [
            (
                "paragraph",
                "<p>Pendant les travaux de la rue du Moulin, la pharmacie reste ouverte aux "
                "horaires habituels. Deux places de stationnement minute sont maintenues devant "
                "l'officine.</p>",
            ),
            (
                "callout",
                {
                    "title": "Pharmacie de garde",
                    "text": (
                        "<p>En dehors des horaires d'ouverture, composez le 3237 pour connaître "
                        "la pharmacie de garde.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "pharmacie-du-bois-fleuri",
        "kind": "health",
        "title": "Pharmacie du Bois-Fleuri",
        "category": "Pharmacie",
        "intro": (
            "Pharmacie du quartier du Bois-Fleuri, à côté du centre social : médicaments, "
            "conseils, téléconsultation assistée."
        ),
        "address": "4 allée des Tilleuls",
        "neighbourhood": "bois-fleuri",
        "phone": "03 53 73 50 03",
        "email": "pharmacie.boisfleuri@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Pharmacienne titulaire : Samia Khelifi",
        "opening_text": (
            "Du lundi au samedi de 8 h 30 à 12 h 30 et de 14 h à 19 h 30."
        ),
        "profiles": ["familles", "seniors"],
        "themes": ["sante"],
        "body": [
            (
                "paragraph",
                "<p>Une cabine de téléconsultation permet de consulter un médecin à distance, "
                "avec l'aide d'un pharmacien, lorsque votre médecin traitant n'est pas "
                "disponible.</p>",
            ),
            (
                "callout",
                {
                    "title": "Pharmacie de garde",
                    "text": (
                        "<p>La nuit, le dimanche et les jours fériés, composez le 3237 pour "
                        "connaître la pharmacie de garde.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "maison-de-sante-des-pres",
        "kind": "health",
        "title": "Maison de santé pluriprofessionnelle des Prés",
        "category": "Médecin généraliste",
        "intro": (
            "Quatre médecins généralistes, des infirmiers, des kinésithérapeutes, une "
            "sage-femme, une orthophoniste et une diététicienne réunis dans un même lieu."
        ),
        "address": "10 rue des Prés",
        "neighbourhood": "les-pres",
        "phone": "03 53 73 20 10",
        "email": "msp.lespres@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Médecin coordinatrice : Dr Claire Vanhoutte",
        "opening_text": (
            "Secrétariat du lundi au vendredi de 8 h à 19 h, le samedi de 8 h à 12 h. "
            "Consultations sans rendez-vous le samedi matin."
        ),
        "profiles": ["familles", "seniors", "nouveaux-habitants"],
        "themes": ["sante"],
        "body": [
            (
                "paragraph",
                "<p>Les trois médecins installés cette année acceptent de nouveaux patients, "
                "y compris comme médecin traitant. Consultations en secteur 1, tiers payant "
                "pratiqué.</p>",
            ),
            (
                "callout",
                {
                    "title": "La nuit et le week-end",
                    "text": (
                        "<p>Quand la maison de santé est fermée, appelez le 15 : le service "
                        "vous conseille et vous oriente vers le médecin de garde.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "cabinet-infirmier-de-la-gare",
        "kind": "health",
        "title": "Cabinet infirmier de la Gare",
        "category": "Infirmier",
        "intro": (
            "Soins infirmiers au cabinet et à domicile, 7 jours sur 7 : prises de sang, "
            "pansements, injections, suivi des diabétiques."
        ),
        "address": "22 avenue de la Gare",
        "neighbourhood": "la-gare",
        "phone": "03 53 73 50 05",
        "email": "infirmiers.gare@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Julie Caron et Antoine Dufour, infirmiers diplômés d'État",
        "opening_text": (
            "Permanence au cabinet sans rendez-vous du lundi au samedi de 7 h 30 à 8 h 30. "
            "Soins à domicile 7 jours sur 7."
        ),
        "profiles": ["seniors", "familles"],
        "themes": ["sante"],
        "body": [
            (
                "paragraph",
                "<p>Pour les soins à domicile, appelez de préférence la veille, en laissant un "
                "message avec votre nom, votre adresse et le soin prescrit.</p>",
            ),
        ],
    },
    {
        "slug": "kinesitherapie-du-centre",
        "kind": "health",
        "title": "Cabinet de kinésithérapie du Centre",
        "category": "Kinésithérapeute",
        "intro": (
            "Rééducation orthopédique et sportive, kinésithérapie respiratoire pour les "
            "nourrissons, rééducation périnéale et prévention des chutes."
        ),
        "address": "11 rue Pasteur",
        "neighbourhood": "centre-ville",
        "phone": "03 53 73 50 06",
        "email": "kine.centre@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Marc Desmet et Pauline Lheureux, masseurs-kinésithérapeutes",
        "opening_text": "Du lundi au vendredi de 8 h à 20 h, sur rendez-vous.",
        "profiles": ["familles", "seniors"],
        "themes": ["sante", "sport"],
        "body": [
            (
                "paragraph",
                "<p>Cabinet de plain-pied accessible en fauteuil roulant. Séances à domicile "
                "possibles sur prescription pour les personnes qui ne peuvent pas se déplacer.</p>",
            ),
        ],
    },
    {
        "slug": "cabinet-dentaire-du-moulin",
        "kind": "health",
        "title": "Cabinet dentaire du Moulin",
        "category": "Dentiste",
        "intro": (
            "Soins dentaires, prothèses et orthodontie pour les enfants et les adultes."
        ),
        "address": "6 rue du Moulin",
        "neighbourhood": "le-moulin",
        "phone": "03 53 73 50 07",
        "email": "dentaire.moulin@villeneuve-sur-lys.fr",
        "website": "",
        "contact_name": "Dr Hélène Duhamel et Dr Romain Bekaert, chirurgiens-dentistes",
        "opening_text": (
            "Du lundi au vendredi de 9 h à 12 h et de 14 h à 19 h, le samedi de 9 h à 12 h. "
            "Urgences prises en charge le jour même."
        ),
        "profiles": ["familles"],
        "themes": ["sante"],
        "body": [
            (
                "paragraph",
                "<p>Le cabinet participe au programme de prévention M'T dents : un examen "
                "bucco-dentaire gratuit est proposé aux enfants et aux jeunes à certains âges. "
                "Le dimanche et les jours fériés, appelez le 15 pour joindre le dentiste de "
                "garde.</p>",
            ),
        ],
    },
]
