# Actualités de Villeneuve-sur-Lys (contenu de démonstration).
# Format : voir FORMAT.md. « days_ago » : nombre de jours depuis la publication.

NEWS = [
    {
        "slug": "plan-grand-froid-ville-et-ccas-mobilises",
        "title": "Plan grand froid : la Ville et le CCAS mobilisés",
        "days_ago": 3,
        "intro": (
            "Les températures doivent descendre sous les -5 °C la nuit dans les prochains jours. "
            "Le CCAS appelle les personnes inscrites sur le registre et une salle chauffée reste "
            "ouverte en journée."
        ),
        "themes": ["solidarite", "sante"],
        "profiles": ["seniors", "familles"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>La préfecture du Nord a déclenché le niveau « grand froid » du plan hivernal. "
                "Jusqu'à nouvel ordre, la Ville met en place plusieurs mesures pour protéger les "
                "personnes les plus fragiles.</p>",
            ),
            ("heading", "Ce qui est mis en place"),
            (
                "paragraph",
                "<ul>"
                "<li>Les agents du CCAS appellent chaque jour les 312 personnes inscrites sur le "
                "registre des personnes vulnérables. Une visite est organisée si la personne ne "
                "répond pas.</li>"
                "<li>La salle de la Lys, à la maison des associations, est ouverte de 9 h à 18 h "
                "comme lieu chauffé, avec boissons chaudes.</li>"
                "<li>La police municipale signale au 115 les personnes sans abri repérées lors "
                "des patrouilles.</li>"
                "</ul>",
            ),
            (
                "image",
                {
                    "image": "grand-froid",
                    "alt_text": (
                        "Des maisons de briques sous la neige, la nuit, et un thermomètre dont "
                        "la colonne est descendue sous zéro."
                    ),
                },
            ),
            (
                "callout",
                {
                    "title": "Vous voyez une personne en danger dans la rue ?",
                    "text": (
                        "<p>Appelez le <strong>115</strong> (gratuit, 24 h sur 24). En cas "
                        "d'urgence médicale, composez le <strong>15</strong>.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Une personne âgée ou isolée de votre entourage n'est pas encore inscrite sur le "
                "registre ? Le <a href=\"/ccas/\">CCAS</a> l'inscrit sur simple appel au "
                "03 53 73 10 30. Pensez aussi à prendre des nouvelles de vos voisins.</p>",
            ),
        ],
    },
    {
        "slug": "travaux-rue-du-moulin-circulation-alternee",
        "title": "Travaux rue du Moulin : circulation alternée pendant six semaines",
        "days_ago": 6,
        "intro": (
            "Le réseau d'eau potable et la chaussée de la rue du Moulin sont refaits entre la rue "
            "de la Lys et le pont du Halage. La circulation est alternée par feux pendant le chantier."
        ),
        "themes": ["travaux"],
        "profiles": ["professionnels"],
        "neighbourhoods": ["le-moulin"],
        "body": [
            (
                "paragraph",
                "<p>Les canalisations d'eau potable de la rue du Moulin datent des années 1950 et "
                "ont connu quatre fuites l'an dernier. Elles sont remplacées sur 480 mètres. La "
                "Ville profite du chantier pour refaire la chaussée, élargir les trottoirs côté "
                "école et créer un plateau ralentisseur devant l'école Jules-Ferry.</p>",
            ),
            ("heading", "Circulation et stationnement"),
            (
                "paragraph",
                "<ul>"
                "<li>Circulation alternée par feux tricolores, vitesse limitée à 30 km/h.</li>"
                "<li>Stationnement interdit des deux côtés de la rue dans la zone de chantier.</li>"
                "<li>Accès des riverains et des secours maintenu en permanence.</li>"
                "<li>La ligne de bus 3 est déviée par la rue Pasteur ; l'arrêt « Moulin » est "
                "déplacé de 150 mètres.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Coupures d'eau",
                    "text": (
                        "<p>Deux coupures d'eau de quatre heures au plus sont prévues. Les "
                        "riverains seront prévenus par un avis dans leur boîte aux lettres au "
                        "moins 48 heures avant.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Coût des travaux : 610 000 € TTC, dont 340 000 € pour le réseau d'eau pris en "
                "charge par la communauté d'agglomération. Pour toute question, contactez les "
                "<a href=\"/services-techniques/\">services techniques</a> au 03 53 73 10 90.</p>",
            ),
        ],
    },
    {
        "slug": "cambriolages-conseils-avant-les-fetes",
        "title": "Cambriolages : les conseils de la police municipale avant les fêtes",
        "days_ago": 8,
        "intro": (
            "Les cambriolages augmentent souvent en fin d'année, quand la nuit tombe tôt. Quelques "
            "gestes simples limitent les risques."
        ),
        "themes": ["securite"],
        "profiles": ["seniors", "familles"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>Depuis septembre, la police municipale a enregistré onze cambriolages dans la "
                "commune, principalement en fin d'après-midi dans des maisons individuelles. Les "
                "voleurs profitent de l'absence des occupants et de portes ou fenêtres mal "
                "fermées.</p>",
            ),
            ("heading", "Les bons réflexes"),
            (
                "paragraph",
                "<ul>"
                "<li>Fermez portes, fenêtres et garage à clé, même pour une courte absence.</li>"
                "<li>Ne laissez pas de clé sous le paillasson ou dans un pot de fleurs.</li>"
                "<li>Ne signalez pas vos absences sur les réseaux sociaux.</li>"
                "<li>Méfiez-vous des faux agents (eau, électricité, police) : demandez toujours "
                "une carte professionnelle et, en cas de doute, appelez l'organisme.</li>"
                "<li>Gardez les cadeaux hors de vue depuis la rue.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Vous partez pendant les vacances ?",
                    "text": (
                        "<p>Inscrivez-vous gratuitement à l'opération Tranquillité Vacances "
                        "auprès de la <a href=\"/police-municipale/\">police municipale</a> au "
                        "moins cinq jours avant votre départ.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Si vous êtes témoin d'un comportement suspect, appelez immédiatement le 17. "
                "Notez si possible la description des personnes et la plaque du véhicule.</p>",
            ),
        ],
    },
    {
        "slug": "conseil-municipal-des-jeunes-nouveaux-elus",
        "title": "Conseil municipal des jeunes : 23 nouveaux élus",
        "days_ago": 10,
        "intro": (
            "Les élèves de CM1, de CM2 et de sixième ont élu leurs représentants pour deux ans. "
            "Le nouveau conseil municipal des jeunes a été installé à l'hôtel de ville."
        ),
        "themes": ["citoyennete", "education"],
        "profiles": ["jeunes", "familles"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>Urnes, isoloirs et cartes d'électeur : le scrutin s'est déroulé dans les "
                "conditions d'une vraie élection, dans les neuf écoles élémentaires et au collège "
                "Jean-Moulin. Sur 1 014 électeurs inscrits, 871 ont voté, soit une participation "
                "de 86 %. Cinquante-quatre candidats avaient fait campagne avec leur propre "
                "profession de foi.</p>",
            ),
            ("heading", "Les projets des jeunes élus"),
            (
                "paragraph",
                "<p>Réunis en séance d'installation en présence de la maire, Sophie Lemaire, les "
                "23 conseillers ont choisi leurs trois commissions :</p>"
                "<ul>"
                "<li><strong>Environnement</strong> : installer des nichoirs et organiser une "
                "collecte de déchets au parc du Moulin ;</li>"
                "<li><strong>Sport et loisirs</strong> : proposer une fête du sport inter-écoles ;</li>"
                "<li><strong>Solidarité</strong> : collecter des jouets pour les familles aidées "
                "par le CCAS et rendre visite aux résidents de l'EHPAD Les Hortensias.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Le conseil municipal des jeunes dispose d'un budget de 8 000 € pour mener ses "
                "projets. Il se réunit une fois par mois, le mercredi après-midi, accompagné par "
                "deux animateurs du service jeunesse.</p>",
            ),
        ],
    },
    {
        "slug": "marche-de-noel-retour-place-de-la-mairie",
        "title": "Le marché de Noël revient place de la Mairie",
        "days_ago": 13,
        "intro": (
            "Quarante exposants, une patinoire synthétique et des animations pour les enfants : "
            "le marché de Noël s'installe le temps d'un week-end au cœur de la ville."
        ),
        "themes": ["culture", "economie-emploi"],
        "profiles": ["familles"],
        "neighbourhoods": ["centre-ville"],
        "body": [
            (
                "paragraph",
                "<p>Organisé par le Comité des fêtes avec la Ville, le marché de Noël réunit cette "
                "année 40 exposants : artisans, producteurs de la région, associations et "
                "commerçants villeneuvois. Les chalets seront installés place de la Mairie et sur "
                "le parvis de l'église Saint-Vaast.</p>",
            ),
            ("heading", "Au programme"),
            (
                "paragraph",
                "<ul>"
                "<li>Patinoire synthétique gratuite pour les enfants de 3 à 12 ans.</li>"
                "<li>Photos avec le Père Noël dans son chalet.</li>"
                "<li>Concert de l'Harmonie municipale et chants de Noël de la chorale des "
                "enfants du conservatoire.</li>"
                "<li>Défilé aux lampions le samedi soir, départ de la médiathèque.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Circulation",
                    "text": (
                        "<p>La place de la Mairie et le début de la rue de la Lys seront fermés à "
                        "la circulation et au stationnement pendant toute la durée du marché, "
                        "montage et démontage compris. Un parking gratuit est ouvert avenue de la "
                        "Gare.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "conseil-municipal-decisions-derniere-seance",
        "title": "Conseil municipal : ce qu'il faut retenir de la dernière séance",
        "days_ago": 14,
        "intro": (
            "Débat sur les orientations budgétaires 2027, tarifs municipaux, financement des projets "
            "du budget participatif : les principales décisions du conseil municipal."
        ),
        "themes": ["citoyennete"],
        "profiles": ["nouveaux-habitants"],
        "neighbourhoods": [],
        "body": [
            ("heading", "Orientations budgétaires 2027"),
            (
                "paragraph",
                "<p>La majorité municipale propose de ne pas augmenter les taux des impôts locaux "
                "en 2027 et de consacrer 6,8 millions d'euros aux investissements, dont la "
                "rénovation énergétique des écoles et la réfection de la place de la Gare. Le "
                "budget sera voté lors d'une prochaine séance.</p>",
            ),
            ("heading", "Les autres décisions"),
            (
                "paragraph",
                "<ul>"
                "<li>Les tarifs municipaux augmentent de 2 % en moyenne au 1er janvier ; les "
                "tarifs de la restauration scolaire pour les quotients familiaux les plus bas "
                "restent inchangés.</li>"
                "<li>150 000 € sont inscrits pour réaliser les sept projets lauréats du budget "
                "participatif.</li>"
                "<li>Une subvention exceptionnelle de 1 500 € est versée à l'AFM-Téléthon.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Le compte rendu complet et les votes sont disponibles dans la rubrique des "
                "publications. Les séances sont publiques et retransmises en direct sur la chaîne "
                "vidéo de la Ville.</p>",
            ),
        ],
    },
    {
        "slug": "maison-de-sante-des-pres-ouverte",
        "title": "La maison de santé des Prés ouvre ses portes",
        "days_ago": 17,
        "intro": (
            "Quatre médecins généralistes et huit autres professionnels de santé exercent "
            "désormais ensemble rue des Prés. Les trois nouveaux médecins acceptent de nouveaux "
            "patients."
        ),
        "themes": ["sante"],
        "profiles": ["familles", "seniors", "nouveaux-habitants"],
        "neighbourhoods": ["les-pres"],
        "body": [
            (
                "paragraph",
                "<p>Attendue depuis plusieurs années, la maison de santé pluriprofessionnelle des "
                "Prés a accueilli ses premiers patients. Construite par la Ville au 10 rue des "
                "Prés, elle regroupe sur 900 m² des professionnels qui travaillent en équipe et "
                "partagent le dossier de leurs patients.</p>",
            ),
            ("heading", "Les professionnels présents"),
            (
                "paragraph",
                "<ul>"
                "<li>quatre médecins généralistes, dont trois nouvellement installés dans la "
                "commune ;</li>"
                "<li>trois infirmières et infirmiers ;</li>"
                "<li>deux masseurs-kinésithérapeutes ;</li>"
                "<li>une sage-femme, une orthophoniste et une diététicienne.</li>"
                "</ul>",
            ),
            (
                "table",
                {
                    "caption": "Financement du bâtiment",
                    "headers": ["Financeur", "Montant"],
                    "rows": [
                        ["État (dotation de soutien à l'investissement local)", "420 000 €"],
                        ["Région Hauts-de-France", "300 000 €"],
                        ["Département du Nord", "250 000 €"],
                        ["Ville de Villeneuve-sur-Lys", "930 000 €"],
                        ["Total", "1 900 000 €"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Prendre rendez-vous",
                    "text": (
                        "<p>Secrétariat commun au 03 53 73 20 10, du lundi au vendredi de 8 h à "
                        "19 h et le samedi matin. Les loyers versés par les professionnels "
                        "remboursent l'investissement de la Ville.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "plantations-hiver-300-arbres",
        "title": "Plantations d'hiver : 300 arbres et 1,2 km de haies",
        "days_ago": 20,
        "intro": (
            "Fidèle au dicton « À la Sainte-Catherine, tout bois prend racine », la Ville lance "
            "sa campagne de plantations. Les écoles et les habitants y participent."
        ),
        "themes": ["environnement"],
        "profiles": ["familles"],
        "neighbourhoods": ["le-moulin", "bois-fleuri"],
        "body": [
            (
                "paragraph",
                "<p>Cet hiver, les jardiniers municipaux plantent 300 arbres et 1,2 kilomètre de "
                "haies champêtres, principalement au parc du Moulin, le long du chemin de halage "
                "et dans les rues du Bois-Fleuri. Les essences choisies sont locales et "
                "résistantes à la sécheresse : charme, érable champêtre, aulne, tilleul, "
                "noisetier.</p>",
            ),
            ("heading", "Une naissance, un arbre"),
            (
                "paragraph",
                "<p>Chaque enfant né ou adopté dans l'année a son arbre au verger du Moulin. Les "
                "familles concernées reçoivent une invitation pour la plantation collective, "
                "suivie d'un goûter.</p>",
            ),
            (
                "callout",
                {
                    "title": "Arbres fruitiers offerts aux habitants",
                    "text": (
                        "<p>200 arbres fruitiers (pommiers, poiriers, cerisiers de variétés "
                        "régionales) sont offerts aux habitants, à raison d'un par foyer. "
                        "Réservation sur "
                        "<a href=\"https://demarches.villeneuve-sur-lys.fr/arbres-fruitiers\">"
                        "le formulaire de réservation des arbres fruitiers</a>, retrait aux "
                        "services techniques.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "fibre-optique-bois-fleuri",
        "title": "Fibre optique : tous les logements du Bois-Fleuri sont raccordables",
        "days_ago": 22,
        "intro": (
            "Les 640 derniers logements du quartier du Bois-Fleuri peuvent désormais demander un "
            "abonnement à la fibre. Toute la commune est maintenant couverte."
        ),
        "themes": ["urbanisme", "economie-emploi"],
        "profiles": ["familles", "professionnels"],
        "neighbourhoods": ["bois-fleuri"],
        "body": [
            (
                "paragraph",
                "<p>Le déploiement a pris du retard dans le quartier à cause des immeubles "
                "collectifs, où l'accord de chaque copropriété ou bailleur était nécessaire. "
                "Les derniers raccordements d'armoires ont été réalisés ce mois-ci.</p>",
            ),
            ("heading", "Comment passer à la fibre ?"),
            (
                "paragraph",
                "<ol>"
                "<li>Vérifiez que votre adresse est éligible sur "
                "<a href=\"https://maconnexioninternet.arcep.fr/\">le site Ma connexion internet "
                "de l'Arcep</a>.</li>"
                "<li>Choisissez un fournisseur d'accès et souscrivez un abonnement.</li>"
                "<li>Un technicien vient installer la prise dans votre logement, en général sans "
                "frais supplémentaires.</li>"
                "</ol>",
            ),
            (
                "callout",
                {
                    "title": "Votre adresse n'apparaît pas ?",
                    "text": (
                        "<p>Signalez-le à la mairie au 03 53 73 10 00. La Ville transmet les "
                        "adresses manquantes à l'opérateur chargé du réseau.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "budget-participatif-sept-projets-laureats",
        "title": "Budget participatif : les sept projets lauréats",
        "days_ago": 26,
        "intro": (
            "2 870 habitants ont voté pour départager les 23 projets soumis au vote. Sept projets "
            "seront réalisés dans les deux ans, pour un total de 150 000 €."
        ),
        "themes": ["citoyennete", "environnement"],
        "profiles": ["familles", "jeunes", "associations"],
        "neighbourhoods": ["centre-ville", "les-pres", "le-moulin", "la-gare", "bois-fleuri"],
        "body": [
            (
                "paragraph",
                "<p>Pour cette deuxième édition, 41 idées ont été déposées par des habitants, des "
                "associations et des classes. Après étude de leur faisabilité par les services, "
                "23 projets ont été soumis au vote, en ligne et dans les urnes installées à "
                "l'hôtel de ville, à la médiathèque et au centre social.</p>",
            ),
            (
                "table",
                {
                    "caption": "Projets retenus",
                    "headers": ["Projet", "Quartier", "Voix", "Montant"],
                    "rows": [
                        ["Aire de jeux inclusive au square des Prés", "Les Prés", "612", "45 000 €"],
                        ["Boîtes à livres dans les cinq quartiers", "Tous", "498", "6 000 €"],
                        ["Abri vélos sécurisé à la gare", "La Gare", "455", "28 000 €"],
                        ["Verger partagé au parc du Moulin", "Le Moulin", "431", "12 000 €"],
                        ["Terrain de street workout", "Bois-Fleuri", "402", "32 000 €"],
                        ["Bancs et ombrages rue de la Lys", "Centre-ville", "377", "15 000 €"],
                        ["Fresque participative sous le pont du Halage", "Le Moulin", "341", "12 000 €"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Les porteurs de projets seront associés à chaque étape, du choix du mobilier "
                "à l'inauguration. Un point d'avancement sera publié tous les six mois.</p>",
            ),
        ],
    },
    {
        "slug": "colis-et-banquet-des-aines-inscriptions",
        "title": "Colis de fin d'année ou banquet des aînés : inscrivez-vous au CCAS",
        "days_ago": 29,
        "intro": (
            "Les Villeneuvois de 70 ans et plus peuvent choisir entre un colis gourmand de fin "
            "d'année et une place au banquet des aînés de janvier."
        ),
        "themes": ["solidarite"],
        "profiles": ["seniors"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>Comme chaque année, le CCAS offre aux habitants âgés de 70 ans et plus un "
                "moment de convivialité. Chacun choisit l'une des deux formules : le colis, "
                "composé de produits de producteurs de la région, ou le banquet, avec repas et "
                "après-midi dansant.</p>",
            ),
            ("heading", "Comment s'inscrire ?"),
            (
                "paragraph",
                "<ul>"
                "<li>Au CCAS, 3 rue Jean-Jaurès, avec une pièce d'identité et un justificatif de "
                "domicile.</li>"
                "<li>Par téléphone au 03 53 73 10 30.</li>"
                "<li>Les personnes déjà inscrites l'an dernier reçoivent un coupon-réponse par "
                "courrier.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Distribution des colis",
                    "text": (
                        "<p>Les colis sont à retirer à la salle des fêtes. Les personnes qui ne "
                        "peuvent pas se déplacer sont livrées à domicile par les élus et les "
                        "bénévoles du CCAS.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "recrutement-animateurs-accueils-de-loisirs",
        "title": "La Ville recrute des animateurs pour les mercredis et les vacances",
        "days_ago": 31,
        "intro": (
            "Vous avez le BAFA ou souhaitez le passer ? La Ville recrute une vingtaine "
            "d'animateurs pour ses accueils de loisirs et aide au financement de la formation."
        ),
        "themes": ["economie-emploi", "enfance"],
        "profiles": ["jeunes"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>Les accueils de loisirs municipaux reçoivent chaque mercredi 380 enfants de "
                "3 à 12 ans, et jusqu'à 520 pendant les vacances. Pour encadrer les activités, "
                "la Ville recrute des animatrices et animateurs pour l'année scolaire et pour "
                "les vacances d'hiver et de printemps.</p>",
            ),
            ("heading", "Profil et conditions"),
            (
                "paragraph",
                "<ul>"
                "<li>Avoir 17 ans au moins au début du contrat.</li>"
                "<li>Être titulaire du BAFA, ou en cours de formation, ou d'un diplôme "
                "équivalent (CAP accompagnant éducatif petite enfance, BPJEPS…).</li>"
                "<li>Rémunération : de 62 € à 78 € brut par journée selon le diplôme.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Aide au BAFA",
                    "text": (
                        "<p>Les jeunes Villeneuvois de 17 à 25 ans qui s'engagent à travailler "
                        "au moins 20 jours dans les accueils de loisirs de la Ville peuvent "
                        "obtenir la prise en charge de la moitié du coût de la formation.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Envoyez votre CV et une lettre de motivation sur "
                "<a href=\"https://demarches.villeneuve-sur-lys.fr/candidature-animateur\">le "
                "formulaire de candidature en ligne</a> ou déposez-les à "
                "l'<a href=\"/espace-famille/\">Espace Famille</a>.</p>",
            ),
        ],
    },
    {
        "slug": "dechets-verts-rythme-hiver",
        "title": "Déchets verts : la collecte passe au rythme d'hiver",
        "days_ago": 34,
        "intro": (
            "De décembre à février, les déchets verts sont collectés une fois par mois au lieu "
            "d'une fois par semaine. La déchetterie reste ouverte tout l'hiver."
        ),
        "themes": ["environnement"],
        "profiles": ["familles"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>La collecte en porte-à-porte des déchets verts, assurée par la communauté "
                "d'agglomération, suit le rythme de la végétation. Pendant les trois mois "
                "d'hiver, elle a lieu le premier lundi du mois dans tous les quartiers.</p>",
            ),
            ("heading", "Les consignes"),
            (
                "paragraph",
                "<ul>"
                "<li>Sortez votre bac la veille au soir, couvercle fermé.</li>"
                "<li>Les branchages doivent être liés en fagots de moins d'1,50 m.</li>"
                "<li>Les sacs plastiques ne sont pas collectés.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Les tontes et feuilles peuvent aussi servir de paillage au jardin ou rejoindre "
                "le composteur. La communauté d'agglomération vend des composteurs de 400 litres "
                "à 15 €.</p>",
            ),
            (
                "callout",
                {
                    "title": "Brûlage interdit",
                    "text": (
                        "<p>Le brûlage des déchets verts est interdit toute l'année. Il est "
                        "passible d'une amende de 750 €.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "resultats-sportifs-coupe-de-france-et-judo",
        "title": "Résultats sportifs : l'US villeneuvoise poursuit sa route en Coupe de France",
        "days_ago": 37,
        "intro": (
            "Les footballeurs se sont qualifiés pour le sixième tour, une première depuis quinze "
            "ans. Le Judo club rapporte trois médailles des championnats départementaux."
        ),
        "themes": ["sport"],
        "profiles": ["jeunes", "associations"],
        "neighbourhoods": [],
        "body": [
            ("heading", "Football : une qualification aux tirs au but"),
            (
                "paragraph",
                "<p>Devant 850 spectateurs au stade Léo-Lagrange, l'US villeneuvoise, qui évolue "
                "en Régional 2, a battu le FC Rivebourg, pensionnaire de National 3, aux tirs au "
                "but (1-1, 5 tirs au but à 4). Le gardien Mathis Dequidt a arrêté le dernier "
                "tir. Le tirage du sixième tour aura lieu dans la semaine.</p>",
            ),
            ("heading", "Judo : trois podiums pour les jeunes"),
            (
                "paragraph",
                "<ul>"
                "<li>Inès Bouchart, médaille d'or chez les cadettes (-52 kg) ;</li>"
                "<li>Lucas Verhaeghe, médaille d'argent chez les minimes (-46 kg) ;</li>"
                "<li>Yanis Haddouche, médaille de bronze chez les cadets (-66 kg).</li>"
                "</ul>"
                "<p>Inès Bouchart est qualifiée pour les championnats régionaux.</p>",
            ),
            (
                "paragraph",
                "<p>Bravo à tous les sportifs, à leurs entraîneurs et aux bénévoles des clubs. "
                "Les associations sportives peuvent envoyer leurs résultats au service des "
                "sports pour qu'ils soient publiés sur le site.</p>",
            ),
        ],
    },
    {
        "slug": "recensement-recrutement-agents-recenseurs",
        "title": "Recensement de la population : la Ville recrute huit agents recenseurs",
        "days_ago": 41,
        "intro": (
            "Le recensement annuel aura lieu en janvier et février. La Ville cherche huit agents "
            "recenseurs disponibles en fin de journée et le samedi."
        ),
        "themes": ["citoyennete", "economie-emploi"],
        "profiles": ["jeunes", "seniors"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>Dans les communes de plus de 10 000 habitants, une partie des logements est "
                "recensée chaque année. À Villeneuve-sur-Lys, environ 650 adresses tirées au sort "
                "par l'Insee sont concernées. Les agents recenseurs déposent les codes de réponse "
                "en ligne et aident les habitants qui préfèrent remplir les questionnaires papier.</p>",
            ),
            ("heading", "Le poste"),
            (
                "paragraph",
                "<ul>"
                "<li>Deux demi-journées de formation obligatoires début janvier.</li>"
                "<li>Disponibilité en fin de journée et le samedi pendant cinq semaines.</li>"
                "<li>Qualités attendues : discrétion, ponctualité, aisance relationnelle.</li>"
                "<li>Rémunération d'environ 1 100 € brut pour la mission, selon le nombre de "
                "logements recensés.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Candidatures (CV et lettre) au service des ressources humaines, hôtel de "
                "ville, 1 place de la Mairie, ou par courriel à "
                "recrutement@villeneuve-sur-lys.fr.</p>",
            ),
        ],
    },
    {
        "slug": "semaine-bleue-programme-seniors",
        "title": "Semaine bleue : une semaine d'activités pour les seniors",
        "days_ago": 48,
        "intro": (
            "Marche, thé dansant, atelier mémoire, initiation au numérique : le CCAS et les "
            "associations proposent un programme gratuit aux plus de 60 ans."
        ),
        "themes": ["solidarite", "sante"],
        "profiles": ["seniors"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>La Semaine bleue, semaine nationale des retraités et des personnes âgées, est "
                "l'occasion de sortir, de bouger et de rencontrer d'autres habitants. Toutes les "
                "activités sont gratuites ; certaines demandent une inscription car les places "
                "sont limitées.</p>",
            ),
            (
                "table",
                {
                    "caption": "Programme",
                    "headers": ["Activité", "Lieu", "Inscription"],
                    "rows": [
                        ["Marche le long de la Lys (4 km)", "Départ hôtel de ville", "Non"],
                        ["Atelier mémoire", "Centre social du Bois-Fleuri", "Oui"],
                        ["Initiation à la tablette", "Médiathèque", "Oui"],
                        ["Aquagym douce", "Piscine des Prés", "Oui"],
                        ["Thé dansant avec le Club des aînés", "Salle des fêtes", "Non"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Transport",
                    "text": (
                        "<p>Le CCAS peut venir vous chercher à domicile si vous ne pouvez pas vous "
                        "déplacer seul. Réservation au 03 53 73 10 30, au moins deux jours "
                        "avant.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Le nouveau guide des seniors, qui rassemble les services, les aides et les "
                "contacts utiles, est distribué à cette occasion. Il est aussi disponible à "
                "l'accueil de la mairie et du CCAS.</p>",
            ),
        ],
    },
    {
        "slug": "nouveau-marche-bois-fleuri",
        "title": "Un nouveau marché le mercredi après-midi au Bois-Fleuri",
        "days_ago": 52,
        "intro": (
            "Fruits et légumes, fromages, pain, volailles : douze commerçants et producteurs "
            "s'installent chaque mercredi de 15 h à 19 h sur la place des Tilleuls."
        ),
        "themes": ["economie-emploi"],
        "profiles": ["familles", "professionnels"],
        "neighbourhoods": ["bois-fleuri"],
        "body": [
            (
                "paragraph",
                "<p>Les habitants du Bois-Fleuri l'avaient demandé lors des réunions de quartier : "
                "le quartier a désormais son marché. Il complète le grand marché du samedi "
                "matin au centre-ville.</p>",
            ),
            ("heading", "Les premiers exposants"),
            (
                "paragraph",
                "<ul>"
                "<li>un maraîcher de la vallée de la Lys et un arboriculteur ;</li>"
                "<li>un fromager, un boucher-volailler et un boulanger ;</li>"
                "<li>un rôtisseur, un poissonnier un mercredi sur deux ;</li>"
                "<li>un stand de plats cuisinés du monde.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Vous êtes commerçant non sédentaire ?",
                    "text": (
                        "<p>Quelques emplacements sont encore libres. Le droit de place est de "
                        "1,50 € le mètre linéaire. Contact : placier@villeneuve-sur-lys.fr.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "permis-de-louer-quartier-de-la-gare",
        "title": "Permis de louer : ce qui change pour les propriétaires du quartier de la Gare",
        "days_ago": 57,
        "intro": (
            "Dans quatorze rues du quartier de la Gare, les propriétaires devront obtenir une "
            "autorisation de la mairie avant de mettre un logement en location."
        ),
        "themes": ["urbanisme"],
        "profiles": ["professionnels"],
        "neighbourhoods": ["la-gare"],
        "body": [
            (
                "paragraph",
                "<p>Le permis de louer vise à lutter contre les logements indignes. Il s'applique "
                "à chaque nouvelle location ou changement de locataire, pour les logements vides "
                "comme meublés, dans les rues listées par la délibération du conseil "
                "municipal.</p>",
            ),
            ("heading", "La démarche"),
            (
                "paragraph",
                "<ol>"
                "<li>Déposez le formulaire Cerfa n° 15652 et le dossier de diagnostic technique "
                "au service urbanisme.</li>"
                "<li>Un agent visite le logement dans les trois semaines.</li>"
                "<li>La mairie répond dans un délai d'un mois. Sans réponse, l'autorisation est "
                "accordée.</li>"
                "</ol>",
            ),
            (
                "callout",
                {
                    "title": "Sanctions",
                    "text": (
                        "<p>Louer sans autorisation expose le propriétaire à une amende pouvant "
                        "aller jusqu'à 5 000 €, et jusqu'à 15 000 € en cas de récidive dans les "
                        "trois ans.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>La liste des rues concernées et le formulaire sont disponibles à l'accueil de "
                "l'urbanisme, à l'hôtel de ville, et sur "
                "<a href=\"https://demarches.villeneuve-sur-lys.fr/permis-de-louer\">la page "
                "de demande du permis de louer</a>.</p>",
            ),
        ],
    },
    {
        "slug": "renovation-energetique-ecole-jules-ferry",
        "title": "École Jules-Ferry : un chantier de rénovation énergétique",
        "days_ago": 65,
        "intro": (
            "Isolation, nouvelles fenêtres et pompe à chaleur : l'école Jules-Ferry doit consommer "
            "45 % d'énergie en moins après les travaux, menés pendant les vacances scolaires."
        ),
        "themes": ["travaux", "education", "environnement"],
        "profiles": ["familles"],
        "neighbourhoods": ["le-moulin"],
        "body": [
            (
                "paragraph",
                "<p>Construite en 1968, l'école Jules-Ferry accueille 210 élèves. C'était le "
                "bâtiment municipal le plus énergivore de la commune. Pour ne pas perturber les "
                "cours, les travaux les plus bruyants sont programmés pendant les vacances de la "
                "Toussaint, d'hiver et de printemps.</p>",
            ),
            ("heading", "Les travaux"),
            (
                "paragraph",
                "<ul>"
                "<li>isolation des murs par l'extérieur et de la toiture ;</li>"
                "<li>remplacement des 96 fenêtres ;</li>"
                "<li>pompe à chaleur à la place de la chaudière au fioul ;</li>"
                "<li>ventilation double flux dans les classes.</li>"
                "</ul>",
            ),
            (
                "table",
                {
                    "caption": "Plan de financement",
                    "headers": ["Financeur", "Montant"],
                    "rows": [
                        ["État (Fonds vert)", "480 000 €"],
                        ["Département du Nord", "180 000 €"],
                        ["Ville de Villeneuve-sur-Lys", "540 000 €"],
                        ["Total", "1 200 000 €"],
                    ],
                },
            ),
        ],
    },
    {
        "slug": "zone-bleue-centre-ville",
        "title": "Centre-ville : la zone bleue entre en vigueur",
        "days_ago": 70,
        "intro": (
            "Pour faciliter l'accès aux commerces, le stationnement est limité à 1 h 30 dans les "
            "rues commerçantes du centre-ville. Il reste gratuit avec un disque."
        ),
        "themes": ["urbanisme", "securite", "economie-emploi"],
        "profiles": ["professionnels", "familles"],
        "neighbourhoods": ["centre-ville"],
        "body": [
            (
                "paragraph",
                "<p>Les commerçants le constataient : les voitures ventouses occupaient une grande "
                "partie des places du centre-ville. La zone bleue concerne la place de la Mairie, "
                "la rue de la Lys, la rue Victor-Hugo et le début de la rue Pasteur, soit 180 "
                "places.</p>",
            ),
            ("heading", "Comment ça marche ?"),
            (
                "paragraph",
                "<ul>"
                "<li>Du lundi au samedi, de 9 h à 12 h et de 14 h à 19 h, sauf jours fériés.</li>"
                "<li>Durée maximale : 1 h 30, avec un disque européen de stationnement placé "
                "derrière le pare-brise.</li>"
                "<li>Le stationnement sans disque ou au-delà de la durée est puni d'une amende "
                "de 35 €.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Disque gratuit",
                    "text": (
                        "<p>Un disque est offert à l'accueil de l'hôtel de ville, de la police "
                        "municipale et chez les commerçants partenaires.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                "<p>Pour un stationnement plus long, les parkings de l'avenue de la Gare (220 "
                "places) et de la rue des Tisserands (90 places) restent gratuits et sans "
                "limitation de durée.</p>",
            ),
        ],
    },
    {
        "slug": "forum-des-associations-bilan",
        "title": "Forum des associations : une belle affluence",
        "days_ago": 79,
        "intro": (
            "62 associations et environ 2 500 visiteurs se sont retrouvés à la salle de sports "
            "Léo-Lagrange pour préparer la saison."
        ),
        "themes": ["vie-associative", "sport", "culture"],
        "profiles": ["associations", "nouveaux-habitants", "familles"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>Sport, culture, solidarité, loisirs : les stands ont permis aux familles de "
                "découvrir les activités et de s'inscrire. Les démonstrations de judo, de danse "
                "hip-hop et de gymnastique ont rythmé la journée.</p>",
            ),
            ("heading", "Les trophées du bénévolat"),
            (
                "paragraph",
                "<p>La maire a remis trois trophées du bénévolat :</p>"
                "<ul>"
                "<li>Monique Deleval, 40 ans de bénévolat à l'Amicale des donneurs de sang ;</li>"
                "<li>Bernard Vasseur, trésorier du Club des aînés Les Bords de Lys ;</li>"
                "<li>l'équipe des jeunes bénévoles de l'épicerie solidaire La Passerelle.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Vous n'avez pas pu venir ? L'annuaire des associations est en ligne, et la "
                "<a href=\"/maison-des-associations/\">maison des associations</a> vous oriente "
                "toute l'année.</p>",
            ),
        ],
    },
    {
        "slug": "rentree-scolaire-1940-eleves",
        "title": "Rentrée scolaire : 1 940 élèves dans les écoles de la ville",
        "days_ago": 83,
        "intro": (
            "Une classe ouverte à l'école Louise-Michel, des travaux dans six écoles et davantage "
            "de produits bio à la cantine : les principales nouveautés de la rentrée."
        ),
        "themes": ["education", "enfance"],
        "profiles": ["familles"],
        "neighbourhoods": ["bois-fleuri"],
        "body": [
            (
                "paragraph",
                "<p>Les 1 940 élèves des neuf écoles publiques maternelles et élémentaires ont "
                "repris le chemin de la classe. La maire et l'adjointe à l'éducation, Nadia "
                "Benali, ont fait le tour des écoles le matin de la rentrée.</p>",
            ),
            ("heading", "Ce qui change"),
            (
                "paragraph",
                "<ul>"
                "<li>Ouverture d'une classe de CP à l'école Louise-Michel, au Bois-Fleuri.</li>"
                "<li>220 000 € de travaux cet été : sanitaires refaits à l'école Pasteur, cour "
                "végétalisée à l'école des Prés, peintures et sols dans quatre autres écoles.</li>"
                "<li>Restauration scolaire : 50 % de produits bio ou sous label de qualité, et "
                "un repas végétarien par semaine.</li>"
                "<li>Quinze classes équipées d'écrans numériques interactifs.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Inscriptions à la cantine et au périscolaire",
                    "text": (
                        "<p>Les inscriptions sont possibles toute l'année sur le portail Famille "
                        "ou à l'<a href=\"/espace-famille/\">Espace Famille</a>, 9 rue "
                        "Victor-Hugo.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "subventions-associations-campagne-ouverte",
        "title": "Subventions aux associations : la campagne est ouverte",
        "days_ago": 90,
        "intro": (
            "Les associations villeneuvoises peuvent déposer leur demande de subvention pour "
            "l'année prochaine jusqu'à la fin du mois d'octobre."
        ),
        "themes": ["vie-associative"],
        "profiles": ["associations"],
        "neighbourhoods": [],
        "body": [
            (
                "paragraph",
                "<p>Chaque année, la Ville consacre environ 420 000 € aux associations, en "
                "subventions de fonctionnement et de projet. À cela s'ajoutent le prêt gratuit "
                "des salles, des équipements sportifs et du matériel.</p>",
            ),
            ("heading", "Pièces à fournir"),
            (
                "paragraph",
                "<ul>"
                "<li>le formulaire Cerfa n° 12156 complété ;</li>"
                "<li>le dernier bilan financier et le rapport d'activité approuvés en assemblée "
                "générale ;</li>"
                "<li>le budget prévisionnel de l'année à venir ;</li>"
                "<li>un relevé d'identité bancaire au nom de l'association.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Le dossier se dépose sur "
                "<a href=\"https://demarches.villeneuve-sur-lys.fr/subvention-association\">le "
                "formulaire de demande de subvention</a>. L'équipe de la maison des associations "
                "propose un accompagnement individuel, sur rendez-vous, aux associations qui "
                "font leur première demande.</p>",
            ),
        ],
    },
    {
        "slug": "fete-de-la-lys-bilan",
        "title": "Fête de la Lys : 12 000 visiteurs sur les berges",
        "days_ago": 108,
        "intro": (
            "Trois jours de fête, une descente de radeaux, un marché artisanal et un feu "
            "d'artifice : la fête de la Lys a attiré un large public malgré une averse le "
            "samedi soir."
        ),
        "themes": ["culture", "vie-associative"],
        "profiles": ["familles", "associations"],
        "neighbourhoods": ["le-moulin", "centre-ville"],
        "body": [
            (
                "paragraph",
                "<p>Organisée par le Comité des fêtes et la Ville, la fête de la Lys s'est tenue "
                "le long du quai du Halage et au parc du Moulin. Quarante associations ont tenu "
                "des stands et 180 bénévoles ont participé à l'organisation.</p>",
            ),
            ("heading", "Les temps forts"),
            (
                "paragraph",
                "<ul>"
                "<li>La descente de radeaux, remportée par l'équipage des sapeurs-pompiers, "
                "devant celui du Judo club.</li>"
                "<li>Le concert de l'Harmonie municipale sur la scène flottante.</li>"
                "<li>L'exposition « La Lys, rivière dorée » sur l'histoire du rouissage du lin, "
                "prolongée à la médiathèque.</li>"
                "<li>Le feu d'artifice tiré depuis le pont du Halage.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Les bénéfices de la buvette, soit 6 300 €, seront reversés aux associations "
                "participantes. Merci aux bénévoles, aux agents municipaux et aux riverains pour "
                "leur patience.</p>",
            ),
        ],
    },
]
