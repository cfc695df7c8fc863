# Publications de Villeneuve-sur-Lys : comptes rendus du conseil municipal, arrêtés, guides
# (contenu de démonstration). Format : voir FORMAT.md.
# « summary » : blocs de contenu de la page ; « pdf_lines » : lignes imprimées par le chargeur
# dans le PDF généré.
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
        "summary": [
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
        "pdf_lines": [
            "VILLE DE VILLENEUVE-SUR-LYS",
            "Compte rendu sommaire de la séance du conseil municipal - CM-2026-07",
            "Présidence : Sophie Lemaire, maire",
            "Conseillers en exercice : 33 - présents : 29 - représentés : 3 - absent : 1",
            "Secrétaire de séance : Thomas Carpentier",
            "1. Débat d'orientation budgétaire 2027 : le conseil prend acte de la tenue du débat.",
            "2. Tarifs municipaux au 1er janvier 2027 : adopté par 25 voix pour et 7 contre.",
            "3. Budget participatif, financement des sept projets lauréats (150 000 €) : adopté à l'unanimité.",
            "4. Décision modificative n° 2 du budget 2026 : adoptée par 25 voix pour, 5 contre et 2 abstentions.",
            "5. Subvention exceptionnelle de 1 500 € à l'AFM-Téléthon : adoptée à l'unanimité.",
            "La séance est levée à 22 h 05.",
            "Compte rendu affiché en mairie et publié sur le site internet de la Ville.",
        ],
    },
    {
        "slug": "compte-rendu-conseil-municipal-permis-de-louer-maison-de-sante",
        "kind": "minutes",
        "title": "Compte rendu du conseil municipal : permis de louer et maison de santé",
        "days_ago": 61,
        "reference": "CM-2026-06",
        "summary": [
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
                "délibération. Les propriétaires concernés sont informés par courrier.</p>",
            ),
        ],
        "pdf_lines": [
            "VILLE DE VILLENEUVE-SUR-LYS",
            "Compte rendu sommaire de la séance du conseil municipal - CM-2026-06",
            "Présidence : Sophie Lemaire, maire",
            "Conseillers en exercice : 33 - présents : 30 - représentés : 3",
            "Secrétaire de séance : Élodie Pruvost",
            "1. Permis de louer dans 14 rues du quartier de la Gare : adopté par 28 voix pour et 5 contre.",
            "2. Baux professionnels de la maison de santé des Prés : adopté à l'unanimité.",
            "3. Marché de voirie de la rue du Moulin, 271 400 € HT : adopté par 26 voix pour et 7 abstentions.",
            "4. Convention eau potable rue du Moulin avec la communauté d'agglomération : adopté à l'unanimité.",
            "5. Création de quatre postes d'animateur à temps complet : adopté à l'unanimité.",
            "La séance est levée à 21 h 40.",
        ],
    },
    {
        "slug": "proces-verbal-conseil-municipal-compte-financier-2025",
        "kind": "minutes",
        "title": "Procès-verbal du conseil municipal : compte financier unique 2025",
        "days_ago": 152,
        "reference": "CM-2026-04",
        "summary": [
            (
                "paragraph",
                "<p>Séance présidée par Sophie Lemaire, maire. 31 conseillers présents, 2 "
                "représentés. Pour le vote du compte financier unique, la maire a quitté la "
                "salle et la présidence a été assurée par le doyen de l'assemblée, Jean-Claude "
                "Ducrocq.</p>",
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
                "<p>Le procès-verbal a été approuvé lors de la séance suivante. Les documents "
                "budgétaires complets peuvent être consultés à l'accueil de l'hôtel de ville.</p>",
            ),
        ],
        "pdf_lines": [
            "VILLE DE VILLENEUVE-SUR-LYS",
            "Procès-verbal de la séance du conseil municipal - CM-2026-04",
            "Présidence : Sophie Lemaire, maire",
            "Conseillers en exercice : 33 - présents : 31 - représentés : 2",
            "Secrétaire de séance : Nadia Benali",
            "1. Compte financier unique 2025, sous la présidence de M. Jean-Claude Ducrocq, doyen :",
            "   adopté par 25 voix pour, 2 contre et 5 abstentions (la maire ne prend pas part au vote).",
            "2. Affectation du résultat 2025 : adoptée par 26 voix pour et 7 contre.",
            "3. Subvention de 18 000 € au Comité des fêtes (fête de la Lys) : adoptée à l'unanimité.",
            "4. Tarifs d'été de la piscine municipale : adoptés à l'unanimité.",
            "5. Règlement intérieur du conservatoire : adopté à l'unanimité.",
            "6. École Jules-Ferry, plan de financement et demande au Fonds vert : adopté à l'unanimité.",
            "La séance est levée à 22 h 30.",
        ],
    },
    {
        "slug": "proces-verbal-conseil-municipal-budget-primitif-2026",
        "kind": "minutes",
        "title": "Procès-verbal du conseil municipal : budget primitif 2026",
        "days_ago": 225,
        "reference": "CM-2026-03",
        "summary": [
            (
                "paragraph",
                "<p>Séance présidée par Sophie Lemaire, maire. 32 conseillers présents, 1 "
                "représenté. Le budget 2026 s'élève à 24,6 millions d'euros en fonctionnement et "
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
        ],
        "pdf_lines": [
            "VILLE DE VILLENEUVE-SUR-LYS",
            "Procès-verbal de la séance du conseil municipal - CM-2026-03",
            "Présidence : Sophie Lemaire, maire",
            "Conseillers en exercice : 33 - présents : 32 - représenté : 1",
            "Secrétaire de séance : Karim Haddad",
            "1. Taux d'imposition 2026 inchangés : foncier bâti 41,27 %, foncier non bâti 58,14 %.",
            "   Adopté par 26 voix pour et 7 contre.",
            "2. Budget primitif 2026 : fonctionnement 24 600 000 €, investissement 7 900 000 €.",
            "   Adopté par 26 voix pour et 7 contre.",
            "3. Subventions aux associations, 412 000 € : adopté par 31 voix pour et 2 abstentions.",
            "4. Indemnités de fonction des élus : adopté par 26 voix pour et 7 contre.",
            "5. Règlement du budget participatif, deuxième édition : adopté à l'unanimité.",
            "La séance est levée à 23 h 10.",
        ],
    },
    # --- Arrêtés municipaux --------------------------------------------------------------------
    {
        "slug": "arrete-marche-de-noel-circulation-stationnement",
        "kind": "order",
        "title": "Arrêté réglementant la circulation, le stationnement et la buvette du marché de Noël",
        "days_ago": 5,
        "reference": "ARR-2026-219",
        "summary": [
            (
                "paragraph",
                "<p>Pendant le marché de Noël, montage et démontage compris, la place de la Mairie "
                "et la rue de la Lys, entre la place et la rue Victor-Hugo, sont fermées à la "
                "circulation et au stationnement.</p>",
            ),
            (
                "paragraph",
                "<ul>"
                "<li>Les véhicules en stationnement gênant sont mis en fourrière.</li>"
                "<li>Les bus sont déviés par la rue Pasteur et l'avenue de la Gare.</li>"
                "<li>Le Comité des fêtes est autorisé à ouvrir une buvette temporaire (boissons "
                "des groupes 1 et 3) de 10 h à 20 h.</li>"
                "</ul>",
            ),
        ],
        "pdf_lines": [
            "VILLE DE VILLENEUVE-SUR-LYS - ARRÊTÉ MUNICIPAL N° ARR-2026-219",
            "Objet : marché de Noël - circulation, stationnement et débit de boissons temporaire",
            "La Maire de Villeneuve-sur-Lys,",
            "Vu le Code général des collectivités territoriales, notamment ses articles L. 2212-2 et L. 2213-1 ;",
            "Vu le Code de la route et le Code de la santé publique ;",
            "Vu la demande du Comité des fêtes de Villeneuve-sur-Lys ;",
            "ARRÊTE",
            "Article 1 : La circulation et le stationnement sont interdits place de la Mairie et rue de la Lys,",
            "   entre la place de la Mairie et la rue Victor-Hugo, pendant toute la durée du marché de Noël.",
            "Article 2 : Les véhicules en infraction seront mis en fourrière aux frais de leur propriétaire.",
            "Article 3 : Le Comité des fêtes est autorisé à ouvrir un débit de boissons temporaire de 10 h à 20 h.",
            "Article 4 : Le présent arrêté peut faire l'objet d'un recours devant le tribunal administratif",
            "   de Lille dans un délai de deux mois à compter de sa publication.",
            "Fait à Villeneuve-sur-Lys. La Maire, Sophie Lemaire.",
        ],
    },
    {
        "slug": "arrete-travaux-rue-du-moulin-circulation",
        "kind": "order",
        "title": "Arrêté portant réglementation temporaire de la circulation rue du Moulin",
        "days_ago": 7,
        "reference": "ARR-2026-212",
        "summary": [
            (
                "paragraph",
                "<p>Pendant les travaux de remplacement du réseau d'eau potable et de réfection de "
                "la chaussée, prévus pour six semaines, la circulation est alternée par feux "
                "tricolores rue du Moulin, entre la rue de la Lys et le pont du Halage.</p>",
            ),
            (
                "paragraph",
                "<ul>"
                "<li>Vitesse limitée à 30 km/h.</li>"
                "<li>Stationnement interdit des deux côtés de la voie dans la zone de "
                "chantier.</li>"
                "<li>Accès des riverains, des secours et des services de collecte des déchets "
                "maintenu.</li>"
                "</ul>",
            ),
        ],
        "pdf_lines": [
            "VILLE DE VILLENEUVE-SUR-LYS - ARRÊTÉ MUNICIPAL N° ARR-2026-212",
            "Objet : réglementation temporaire de la circulation et du stationnement rue du Moulin",
            "La Maire de Villeneuve-sur-Lys,",
            "Vu le Code général des collectivités territoriales, notamment ses articles L. 2212-2 et L. 2213-1 ;",
            "Vu le Code de la route ;",
            "Considérant que les travaux de réseau d'eau potable et de voirie nécessitent de réglementer la circulation ;",
            "ARRÊTE",
            "Article 1 : Pendant la durée du chantier, prévue pour six semaines, la circulation est alternée",
            "   par feux tricolores rue du Moulin, entre la rue de la Lys et le pont du Halage.",
            "Article 2 : La vitesse est limitée à 30 km/h. Le stationnement est interdit dans la zone de chantier.",
            "Article 3 : La signalisation est mise en place et entretenue par l'entreprise TP Flandres Réseaux.",
            "Article 4 : Le présent arrêté peut faire l'objet d'un recours devant le tribunal administratif",
            "   de Lille dans un délai de deux mois à compter de sa publication.",
            "Fait à Villeneuve-sur-Lys. La Maire, Sophie Lemaire.",
        ],
    },
    {
        "slug": "arrete-zone-bleue-centre-ville",
        "kind": "order",
        "title": "Arrêté instaurant une zone bleue de stationnement dans le centre-ville",
        "days_ago": 72,
        "reference": "ARR-2026-151",
        "summary": [
            (
                "paragraph",
                "<p>Le stationnement est limité à 1 h 30 du lundi au samedi, de 9 h à 12 h et de "
                "14 h à 19 h, sauf jours fériés, place de la Mairie, rue de la Lys, rue "
                "Victor-Hugo et rue Pasteur (entre la place de la Mairie et la rue Jean-Jaurès).</p>",
            ),
            (
                "paragraph",
                "<p>Le disque européen de stationnement doit être placé de façon visible derrière "
                "le pare-brise. Les véhicules des personnes titulaires de la carte mobilité "
                "inclusion mention « stationnement » ne sont pas soumis à la limitation de "
                "durée.</p>",
            ),
        ],
        "pdf_lines": [
            "VILLE DE VILLENEUVE-SUR-LYS - ARRÊTÉ MUNICIPAL N° ARR-2026-151",
            "Objet : instauration d'une zone bleue de stationnement dans le centre-ville",
            "La Maire de Villeneuve-sur-Lys,",
            "Vu le Code général des collectivités territoriales, notamment ses articles L. 2213-1 à L. 2213-3 ;",
            "Vu le Code de la route, notamment son article R. 417-3 ;",
            "Considérant la nécessité de favoriser la rotation des véhicules à proximité des commerces ;",
            "ARRÊTE",
            "Article 1 : Une zone bleue est instaurée place de la Mairie, rue de la Lys, rue Victor-Hugo",
            "   et rue Pasteur, entre la place de la Mairie et la rue Jean-Jaurès.",
            "Article 2 : Du lundi au samedi, de 9 h à 12 h et de 14 h à 19 h, sauf jours fériés,",
            "   la durée du stationnement est limitée à 1 h 30, avec usage obligatoire du disque.",
            "Article 3 : Les infractions sont punies de l'amende prévue pour les contraventions de 2e classe.",
            "Article 4 : Le présent arrêté entre en vigueur dès la mise en place de la signalisation.",
            "Fait à Villeneuve-sur-Lys. La Maire, Sophie Lemaire.",
        ],
    },
    # --- Guides ----------------------------------------------------------------------------------
    {
        "slug": "guide-des-nouveaux-habitants",
        "kind": "guide",
        "title": "Guide des nouveaux habitants",
        "days_ago": 60,
        "reference": "GUIDE-2026-01",
        "summary": [
            (
                "paragraph",
                "<p>Vous venez d'emménager à Villeneuve-sur-Lys ? Ce guide de 24 pages rassemble "
                "les informations utiles pour vos premières semaines : démarches, écoles, "
                "déchets, transports, équipements, associations et numéros utiles.</p>",
            ),
            (
                "paragraph",
                "<ul>"
                "<li>Les démarches à faire après un déménagement : listes électorales, carte "
                "grise, inscription à l'école.</li>"
                "<li>Les jours de collecte des déchets par quartier.</li>"
                "<li>Le plan de la ville avec les équipements publics.</li>"
                "</ul>",
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
        "pdf_lines": [
            "GUIDE DES NOUVEAUX HABITANTS - Villeneuve-sur-Lys - Édition 2026",
            "Bienvenue à Villeneuve-sur-Lys !",
            "1. La mairie et ses services",
            "2. Vos démarches après un déménagement",
            "3. Enfance, écoles et Espace Famille",
            "4. Déchets, collectes et déchetterie",
            "5. Se déplacer : bus, train, vélo et stationnement",
            "6. Culture, sport et loisirs",
            "7. Santé et solidarité",
            "8. Vie associative",
            "Hôtel de ville : 1 place de la Mairie, 59999 Villeneuve-sur-Lys - 03 53 73 10 00",
            "Numéros d'urgence : 15 (SAMU), 17 (police), 18 (pompiers), 112 (numéro européen)",
        ],
    },
    {
        "slug": "guide-des-seniors",
        "kind": "guide",
        "title": "Guide des seniors",
        "days_ago": 48,
        "reference": "GUIDE-2026-02",
        "summary": [
            (
                "paragraph",
                "<p>Aides à domicile, portage de repas, téléassistance, transports, loisirs, "
                "prévention : le guide des seniors présente les services proposés aux "
                "Villeneuvois de 60 ans et plus et à leurs proches.</p>",
            ),
            (
                "paragraph",
                "<ul>"
                "<li>Les aides du CCAS et du Département, avec les conditions et les "
                "tarifs.</li>"
                "<li>Les associations et clubs pour les retraités.</li>"
                "<li>Les contacts utiles en cas de canicule ou de grand froid.</li>"
                "</ul>",
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
        "pdf_lines": [
            "GUIDE DES SENIORS - Villeneuve-sur-Lys - Édition 2026",
            "1. Bien vivre chez soi : aide à domicile, portage de repas, téléassistance",
            "2. Se déplacer : minibus du CCAS, transport à la demande",
            "3. Santé et prévention : maison de santé des Prés, ateliers équilibre et mémoire",
            "4. Rester en lien : Club des aînés, ateliers numériques, Semaine bleue",
            "5. Canicule et grand froid : s'inscrire sur le registre des personnes vulnérables",
            "6. Vos droits : allocation personnalisée d'autonomie, aide sociale",
            "CCAS : 3 rue Jean-Jaurès, 59999 Villeneuve-sur-Lys - 03 53 73 10 30",
            "Accueil du lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h, sauf le jeudi après-midi",
        ],
    },
]
