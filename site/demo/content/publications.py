# Publications de Villeneuve-sur-Lys : comptes rendus du conseil municipal, arrêtés, guides
# (contenu de démonstration). Format : voir FORMAT.md.
# « body » : le texte intégral du document, en blocs de contenu : le chargeur en fait le corps
# de la page et le PDF balisé (demo/pdf.py), qui disent donc la même chose.
#
# Conseil municipal : 33 élus. Majorité « Villeneuve ensemble » (26 sièges), opposition
# « Villeneuve autrement » (5 sièges) et « Agir pour Villeneuve » (2 sièges).

PUBLICATIONS = [
    # --- Comptes rendus et procès-verbaux du conseil municipal ---------------------------------
    {
        "slug": "compte-rendu-conseil-municipal-orientations-budgetaires-2027",
        "kind": "minutes",
        "title": "Compte rendu du conseil municipal : orientations budgétaires 2027",
        "days_ago": 12,
        "reference": "CM-2026-07",
        "body": [
            (
                "paragraph",
                "<p>Séance présidée par Sophie Lemaire, maire. 29 conseillers présents, 3 "
                "représentés, 1 absent. Secrétaire de séance : Thomas Carpentier.</p>",
            ),
            (
                "table",
                {
                    "caption": "Principales délibérations et votes",
                    "headers": ["Délibération", "Vote"],
                    "rows": [
                        ["Débat d'orientation budgétaire 2027", "Le conseil prend acte de la tenue du débat (pas de vote)"],
                        ["Tarifs municipaux au 1er janvier 2027 (+2 % en moyenne)", "Adopté : 25 pour, 7 contre"],
                        ["Financement des sept projets lauréats du budget participatif (150 000 €)", "Adopté à l'unanimité"],
                        ["Décision modificative n° 2 du budget 2026", "Adoptée : 25 pour, 5 contre, 2 abstentions"],
                        ["Subvention exceptionnelle de 1 500 € à l'AFM-Téléthon", "Adoptée à l'unanimité"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>La séance est levée à 22 h 05. Le compte rendu est affiché en mairie et publié "
                "sur le site internet de la Ville.</p>",
            ),
            (
                "callout",
                {
                    "title": "Consulter les débats",
                    "text": (
                        "<p>Le procès-verbal détaillé sera soumis à l'approbation du conseil lors "
                        "de la prochaine séance. L'enregistrement vidéo de la séance reste "
                        "disponible sur la chaîne de la Ville.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "compte-rendu-conseil-municipal-permis-de-louer-maison-de-sante",
        "kind": "minutes",
        "title": "Compte rendu du conseil municipal : permis de louer et maison de santé",
        "days_ago": 61,
        "reference": "CM-2026-06",
        "body": [
            (
                "paragraph",
                "<p>Séance présidée par Sophie Lemaire, maire. 30 conseillers présents, 3 "
                "représentés. Secrétaire de séance : Élodie Pruvost.</p>",
            ),
            (
                "table",
                {
                    "caption": "Principales délibérations et votes",
                    "headers": ["Délibération", "Vote"],
                    "rows": [
                        ["Autorisation préalable de mise en location (permis de louer) dans 14 rues du quartier de la Gare", "Adopté : 28 pour, 5 contre"],
                        ["Baux professionnels de la maison de santé des Prés (11 € le m² par mois)", "Adopté à l'unanimité"],
                        ["Attribution du marché de voirie de la rue du Moulin (271 400 € HT)", "Adopté : 26 pour, 7 abstentions"],
                        ["Convention avec la communauté d'agglomération pour le réseau d'eau de la rue du Moulin", "Adopté à l'unanimité"],
                        ["Création de quatre postes d'animateur à temps complet", "Adopté à l'unanimité"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Le permis de louer entre en vigueur six mois après la publication de la "
                "délibération. Les propriétaires concernés sont informés par courrier.</p>"
                "<p>La séance est levée à 21 h 40.</p>",
            ),
        ],
    },
    {
        "slug": "proces-verbal-conseil-municipal-compte-financier-2025",
        "kind": "minutes",
        "title": "Procès-verbal du conseil municipal : compte financier unique 2025",
        "days_ago": 152,
        "reference": "CM-2026-04",
        "body": [
            (
                "paragraph",
                "<p>Séance présidée par Sophie Lemaire, maire. 31 conseillers présents, 2 "
                "représentés. Secrétaire de séance : Nadia Benali. Pour le vote du compte "
                "financier unique, la maire a quitté la salle et ne prend pas part au vote ; la "
                "présidence a été assurée par le doyen de l'assemblée, Jean-Claude Ducrocq.</p>",
            ),
            (
                "table",
                {
                    "caption": "Principales délibérations et votes",
                    "headers": ["Délibération", "Vote"],
                    "rows": [
                        ["Compte financier unique 2025", "Adopté : 25 pour, 2 contre, 5 abstentions"],
                        ["Affectation du résultat 2025 (excédent de 2,31 M€)", "Adoptée : 26 pour, 7 contre"],
                        ["Subvention de 18 000 € au Comité des fêtes pour la fête de la Lys", "Adoptée à l'unanimité"],
                        ["Tarifs d'été de la piscine municipale", "Adoptés à l'unanimité"],
                        ["Règlement intérieur du conservatoire", "Adopté à l'unanimité"],
                        ["Rénovation énergétique de l'école Jules-Ferry : plan de financement et demande au Fonds vert", "Adopté à l'unanimité"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>La séance est levée à 22 h 30. Le procès-verbal a été approuvé lors de la "
                "séance suivante. Les documents budgétaires complets peuvent être consultés à "
                "l'accueil de l'hôtel de ville.</p>",
            ),
        ],
    },
    {
        "slug": "proces-verbal-conseil-municipal-budget-primitif-2026",
        "kind": "minutes",
        "title": "Procès-verbal du conseil municipal : budget primitif 2026",
        "days_ago": 225,
        "reference": "CM-2026-03",
        "body": [
            (
                "paragraph",
                "<p>Séance présidée par Sophie Lemaire, maire. 32 conseillers présents, 1 "
                "représenté. Secrétaire de séance : Karim Haddad. Le budget 2026 s'élève à 24,6 "
                "millions d'euros en fonctionnement et "
                "7,9 millions d'euros en investissement. Les taux des impôts locaux sont "
                "inchangés.</p>",
            ),
            (
                "table",
                {
                    "caption": "Principales délibérations et votes",
                    "headers": ["Délibération", "Vote"],
                    "rows": [
                        ["Taux d'imposition 2026 (foncier bâti 41,27 %, foncier non bâti 58,14 %)", "Adopté : 26 pour, 7 contre"],
                        ["Budget primitif 2026", "Adopté : 26 pour, 7 contre"],
                        ["Subventions aux associations (412 000 €)", "Adopté : 31 pour, 2 abstentions"],
                        ["Indemnités de fonction des élus", "Adopté : 26 pour, 7 contre"],
                        ["Règlement de la deuxième édition du budget participatif", "Adopté à l'unanimité"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Principaux investissements 2026",
                    "text": (
                        "<p>Maison de santé des Prés (fin des travaux), rénovation de l'école "
                        "Jules-Ferry, voirie de la rue du Moulin, études pour la place de la "
                        "Gare.</p>"
                    ),
                },
            ),
            ("paragraph", "<p>La séance est levée à 23 h 10.</p>"),
        ],
    },
    # --- Arrêtés municipaux --------------------------------------------------------------------
    {
        "slug": "arrete-marche-de-noel-circulation-stationnement",
        "kind": "order",
        "title": "Arrêté réglementant la circulation, le stationnement et la buvette du marché de Noël",
        "days_ago": 5,
        "reference": "ARR-2026-219",
        "body": [
            (
                "paragraph",
                "<p>La Maire de Villeneuve-sur-Lys,</p>"
                "<ul>"
                "<li>Vu le Code général des collectivités territoriales, notamment ses articles "
                "L. 2212-2 et L. 2213-1 ;</li>"
                "<li>Vu le Code de la route et le Code de la santé publique ;</li>"
                "<li>Vu la demande du Comité des fêtes de Villeneuve-sur-Lys ;</li>"
                "</ul>",
            ),
            ("heading", "Arrête"),
            (
                "paragraph",
                "<p><strong>Article 1.</strong> Pendant toute la durée du marché de Noël, montage "
                "et démontage compris, la circulation et le stationnement sont interdits place de "
                "la Mairie et rue de la Lys, entre la place de la Mairie et la rue Victor-Hugo. "
                "Les bus sont déviés par la rue Pasteur et l'avenue de la Gare.</p>"
                "<p><strong>Article 2.</strong> Les véhicules en infraction seront mis en "
                "fourrière aux frais de leur propriétaire.</p>"
                "<p><strong>Article 3.</strong> Le Comité des fêtes est autorisé à ouvrir un débit "
                "de boissons temporaire (boissons des groupes 1 et 3) de 10 h à 20 h.</p>"
                "<p><strong>Article 4.</strong> Le présent arrêté peut faire l'objet d'un recours "
                "devant le tribunal administratif de Lille dans un délai de deux mois à compter "
                "de sa publication.</p>",
            ),
            ("paragraph", "<p>Fait à Villeneuve-sur-Lys. La Maire, Sophie Lemaire.</p>"),
        ],
    },
    {
        "slug": "arrete-travaux-rue-du-moulin-circulation",
        "kind": "order",
        "title": "Arrêté portant réglementation temporaire de la circulation rue du Moulin",
        "days_ago": 7,
        "reference": "ARR-2026-212",
        "body": [
            (
                "paragraph",
                "<p>La Maire de Villeneuve-sur-Lys,</p>"
                "<ul>"
                "<li>Vu le Code général des collectivités territoriales, notamment ses articles "
                "L. 2212-2 et L. 2213-1 ;</li>"
                "<li>Vu le Code de la route ;</li>"
                "<li>Considérant que les travaux de remplacement du réseau d'eau potable et de "
                "réfection de la chaussée nécessitent de réglementer la circulation ;</li>"
                "</ul>",
            ),
            ("heading", "Arrête"),
            (
                "paragraph",
                "<p><strong>Article 1.</strong> Pendant la durée du chantier, prévue pour six "
                "semaines, la circulation est alternée par feux tricolores rue du Moulin, entre "
                "la rue de la Lys et le pont du Halage. L'accès des riverains, des secours et des "
                "services de collecte des déchets est maintenu.</p>"
                "<p><strong>Article 2.</strong> La vitesse est limitée à 30 km/h. Le stationnement "
                "est interdit des deux côtés de la voie dans la zone de chantier.</p>"
                "<p><strong>Article 3.</strong> La signalisation est mise en place et entretenue "
                "par l'entreprise TP Flandres Réseaux.</p>"
                "<p><strong>Article 4.</strong> Le présent arrêté peut faire l'objet d'un recours "
                "devant le tribunal administratif de Lille dans un délai de deux mois à compter "
                "de sa publication.</p>",
            ),
            ("paragraph", "<p>Fait à Villeneuve-sur-Lys. La Maire, Sophie Lemaire.</p>"),
        ],
    },
    {
        "slug": "arrete-zone-bleue-centre-ville",
        "kind": "order",
        "title": "Arrêté instaurant une zone bleue de stationnement dans le centre-ville",
        "days_ago": 72,
        "reference": "ARR-2026-151",
        "body": [
            (
                "paragraph",
                "<p>La Maire de Villeneuve-sur-Lys,</p>"
                "<ul>"
                "<li>Vu le Code général des collectivités territoriales, notamment ses articles "
                "L. 2213-1 à L. 2213-3 ;</li>"
                "<li>Vu le Code de la route, notamment son article R. 417-3 ;</li>"
                "<li>Considérant la nécessité de favoriser la rotation des véhicules à proximité "
                "des commerces ;</li>"
                "</ul>",
            ),
            ("heading", "Arrête"),
            (
                "paragraph",
                "<p><strong>Article 1.</strong> Une zone bleue est instaurée place de la Mairie, "
                "rue de la Lys, rue Victor-Hugo et rue Pasteur, entre la place de la Mairie et la "
                "rue Jean-Jaurès.</p>"
                "<p><strong>Article 2.</strong> Du lundi au samedi, de 9 h à 12 h et de 14 h à "
                "19 h, sauf jours fériés, la durée du stationnement est limitée à 1 h 30. Le "
                "disque européen de stationnement doit être placé de façon visible derrière le "
                "pare-brise. Les véhicules des personnes titulaires de la carte mobilité "
                "inclusion mention « stationnement » ne sont pas soumis à la limitation de "
                "durée.</p>"
                "<p><strong>Article 3.</strong> Les infractions sont punies de l'amende prévue "
                "pour les contraventions de 2e classe.</p>"
                "<p><strong>Article 4.</strong> Le présent arrêté entre en vigueur dès la mise en "
                "place de la signalisation.</p>",
            ),
            ("paragraph", "<p>Fait à Villeneuve-sur-Lys. La Maire, Sophie Lemaire.</p>"),
        ],
    },
    # --- Guides ----------------------------------------------------------------------------------
    {
        "slug": "guide-des-nouveaux-habitants",
        "kind": "guide",
        "title": "Guide des nouveaux habitants",
        "days_ago": 60,
        "reference": "GUIDE-2026-01",
        "body": [
            (
                "paragraph",
                "<p>Vous venez d'emménager à Villeneuve-sur-Lys ? Bienvenue ! Ce guide rassemble "
                "les informations utiles pour vos premières semaines : démarches, écoles, "
                "déchets, transports, équipements, associations et numéros utiles.</p>",
            ),
            ("heading", "Sommaire"),
            (
                "paragraph",
                "<ol>"
                "<li>La mairie et ses services.</li>"
                "<li>Vos démarches après un déménagement : listes électorales, carte grise, "
                "inscription à l'école.</li>"
                "<li>Enfance, écoles et Espace Famille.</li>"
                "<li>Déchets : les jours de collecte par quartier et la déchetterie.</li>"
                "<li>Se déplacer : bus, train, vélo et stationnement.</li>"
                "<li>Culture, sport et loisirs : le plan de la ville avec les équipements "
                "publics.</li>"
                "<li>Santé et solidarité.</li>"
                "<li>Vie associative.</li>"
                "</ol>",
            ),
            ("heading", "Contacts"),
            (
                "paragraph",
                "<p>Hôtel de ville : 1 place de la Mairie, 59999 Villeneuve-sur-Lys, "
                "03 53 73 10 00.</p>"
                "<p>Numéros d'urgence : 15 (SAMU), 17 (police), 18 (pompiers), 112 (numéro "
                "européen).</p>",
            ),
            (
                "callout",
                {
                    "title": "Version imprimée",
                    "text": (
                        "<p>Le guide est remis à l'accueil de l'hôtel de ville et lors de la "
                        "cérémonie des vœux, où les nouveaux habitants sont invités.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "guide-des-seniors",
        "kind": "guide",
        "title": "Guide des seniors",
        "days_ago": 48,
        "reference": "GUIDE-2026-02",
        "body": [
            (
                "paragraph",
                "<p>Aides à domicile, portage de repas, téléassistance, transports, loisirs, "
                "prévention : le guide des seniors présente les services proposés aux "
                "Villeneuvois de 60 ans et plus et à leurs proches.</p>",
            ),
            ("heading", "Sommaire"),
            (
                "paragraph",
                "<ol>"
                "<li>Bien vivre chez soi : aide à domicile, portage de repas, téléassistance.</li>"
                "<li>Se déplacer : minibus du CCAS, transport à la demande.</li>"
                "<li>Santé et prévention : maison de santé des Prés, ateliers équilibre et "
                "mémoire.</li>"
                "<li>Rester en lien : Club des aînés, ateliers numériques, Semaine bleue.</li>"
                "<li>Canicule et grand froid : s'inscrire sur le registre des personnes "
                "vulnérables.</li>"
                "<li>Vos droits : les aides du CCAS et du Département (allocation personnalisée "
                "d'autonomie, aide sociale), avec les conditions et les tarifs.</li>"
                "</ol>",
            ),
            ("heading", "Contact"),
            (
                "paragraph",
                "<p>CCAS : 3 rue Jean-Jaurès, 59999 Villeneuve-sur-Lys, 03 53 73 10 30. Accueil du "
                "lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h, sauf le jeudi "
                "après-midi.</p>",
            ),
            (
                "callout",
                {
                    "title": "En gros caractères",
                    "text": (
                        "<p>Le guide est imprimé en gros caractères. Il est disponible au CCAS, "
                        "à l'hôtel de ville, à la médiathèque et dans les pharmacies de la "
                        "commune.</p>"
                    ),
                },
            ),
        ],
    },
]
