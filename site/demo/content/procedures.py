"""Demo procedures (démarches) of Villeneuve-sur-Lys.

See FORMAT.md for the keys, vocabularies and body blocks.
"""

ESPACE_FAMILLE_URL = "https://demarches.villeneuve-sur-lys.fr/espace-famille"

PROCEDURES = [
    # ------------------------------------------------------------------
    # Mairie et citoyenneté
    # ------------------------------------------------------------------
    {
        "slug": "passeport-carte-identite",
        "section": "mairie",
        "title": "Carte d'identité et passeport",
        "intro": (
            "La mairie reçoit les demandes de carte nationale d'identité (CNI) et de "
            "passeport, uniquement sur rendez-vous. Vous pouvez vous adresser à n'importe "
            "quelle mairie équipée en France, quel que soit votre domicile."
        ),
        "who": (
            "Toute personne de nationalité française, majeure ou mineure "
            "(un mineur vient avec l'un de ses parents ou son tuteur)"
        ),
        "documents": [
            "Numéro de pré-demande en ligne ANTS (ou formulaire papier rempli à l'accueil)",
            "Photo d'identité de moins de 6 mois, conforme aux normes",
            "Justificatif de domicile de moins d'un an",
            "Ancienne carte ou ancien passeport, s'il y en a un",
            "Timbre fiscal pour un passeport, ou pour une carte perdue ou volée",
            "Déclaration de perte ou de vol, le cas échéant",
        ],
        "cost": (
            "Carte d'identité gratuite (25 € en cas de perte ou de vol) ; passeport : 86 € "
            "pour un majeur, 42 € de 15 à 17 ans, 17 € avant 15 ans"
        ),
        "delay": (
            "Rendez-vous sous 3 à 5 semaines selon la période ; "
            "fabrication du titre en 2 à 3 semaines environ"
        ),
        "online_url": "https://demarches.villeneuve-sur-lys.fr/rendez-vous-titres",
        "place": "hotel-de-ville",
        "profiles": ["jeunes", "familles", "nouveaux-habitants"],
        "themes": ["citoyennete"],
        "body": [
            ("heading", "Les étapes de votre demande"),
            (
                "paragraph",
                "<ol>"
                "<li>Prenez rendez-vous en ligne ou au 03 53 73 10 10. Il faut un rendez-vous "
                "par personne, enfants compris.</li>"
                "<li>Remplissez la pré-demande sur le site de "
                "<a href=\"https://ants.gouv.fr\">"
                "l'Agence nationale des titres sécurisés (ANTS)</a> "
                "et notez son numéro. Le timbre fiscal s'achète sur "
                "<a href=\"https://timbres.impots.gouv.fr\">timbres.impots.gouv.fr</a> "
                "ou chez un buraliste.</li>"
                "<li>Présentez-vous au rendez-vous avec toutes les pièces. Vos empreintes "
                "digitales sont relevées (à partir de 12 ans).</li>"
                "<li>Un SMS vous prévient quand le titre est prêt. Vous avez 3 mois pour venir "
                "le retirer en personne, sans rendez-vous, aux heures d'ouverture de "
                "l'état civil.</li>"
                "</ol>",
            ),
            ("heading", "Les rendez-vous à l'hôtel de ville"),
            (
                "paragraph",
                "<p>Les rendez-vous ont lieu du lundi au vendredi de 8 h 30 à 11 h 30 et de "
                "13 h 30 à 17 h, et le samedi de 9 h à 11 h 30. Arrivez cinq minutes en "
                "avance : au-delà de 10 minutes de retard, le rendez-vous devra être reporté.</p>"
                "<p>Si vous ne pouvez pas venir, annulez votre créneau pour le libérer. "
                "En cas d'urgence justifiée (examen, raison médicale, déplacement "
                "professionnel imprévu), contactez le service état civil : un créneau "
                "prioritaire peut vous être proposé.</p>",
            ),
            (
                "callout",
                {
                    "title": "Votre carte est-elle encore valide ?",
                    "text": (
                        "<p>Une carte d'identité délivrée à un majeur entre 2004 et 2013 "
                        "reste valable 15 ans, même si la date imprimée est dépassée. "
                        "Certains pays ne l'acceptent pas : avant un voyage, vérifiez sur "
                        "<a href=\"https://www.diplomatie.gouv.fr/fr/conseils-aux-voyageurs/\">"
                        "les conseils aux voyageurs du ministère des Affaires étrangères</a>.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Puis-je faire ma demande dans une autre commune ?",
                        "answer": (
                            "<p>Oui. Toutes les mairies équipées d'un dispositif de recueil "
                            "acceptent les demandes, quel que soit votre domicile. Le titre "
                            "se retire dans la mairie où il a été demandé.</p>"
                        ),
                    },
                    {
                        "question": "Qui doit venir pour la demande d'un enfant ?",
                        "answer": (
                            "<p>L'enfant et le parent qui fait la demande, avec sa propre "
                            "pièce d'identité. À partir de 12 ans, l'enfant doit aussi être "
                            "présent au retrait.</p>"
                        ),
                    },
                    {
                        "question": "J'habite chez mes parents : quel justificatif de domicile ?",
                        "answer": (
                            "<p>Une attestation d'hébergement signée par la personne qui "
                            "vous loge, sa pièce d'identité et un justificatif de domicile "
                            "à son nom.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "acte-de-naissance",
        "section": "mairie",
        "title": "Acte de naissance",
        "intro": (
            "Un acte de naissance se demande à la mairie du lieu de naissance. "
            "Si vous êtes né à Villeneuve-sur-Lys, vous pouvez le demander en ligne, "
            "par courrier ou au guichet de l'état civil."
        ),
        "who": (
            "La personne concernée, ses parents, grands-parents, enfants, son conjoint ou "
            "partenaire de PACS et son représentant légal ; toute personne pour un extrait "
            "sans filiation"
        ),
        "documents": [
            "Nom, prénoms et date de naissance de la personne concernée",
            "Noms et prénoms de ses parents",
            "Pièce d'identité, si vous venez au guichet",
        ],
        "cost": "Gratuit",
        "delay": "Remis immédiatement au guichet ; envoyé par courrier sous 5 jours ouvrés",
        "online_url": "https://www.service-public.gouv.fr/particuliers/vosdroits/R1406",
        "place": "hotel-de-ville",
        "profiles": ["familles"],
        "themes": ["citoyennete"],
        "body": [
            ("heading", "Quel document demander ?"),
            (
                "table",
                {
                    "caption": "Les différents actes de naissance",
                    "headers": ["Document", "Ce qu'il contient", "Souvent demandé pour"],
                    "rows": [
                        [
                            "Copie intégrale",
                            "Tout l'acte, avec les mentions (mariage, PACS, divorce…)",
                            "Mariage, PACS, succession",
                        ],
                        [
                            "Extrait avec filiation",
                            "Identité de la personne et de ses parents",
                            "Certaines démarches administratives",
                        ],
                        [
                            "Extrait sans filiation",
                            "Identité de la personne seulement",
                            "Justifier de son état civil",
                        ],
                        [
                            "Extrait plurilingue",
                            "Extrait traduit dans les langues de l'Union européenne",
                            "Démarches dans un autre pays européen",
                        ],
                    ],
                },
            ),
            ("heading", "Trois façons de le demander"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>En ligne</strong>, sur "
                "<a href=\"https://www.service-public.gouv.fr/particuliers/vosdroits/R1406\">"
                "le formulaire de service-public.gouv.fr</a> : l'acte vous est envoyé par "
                "courrier.</li>"
                "<li><strong>Par courrier</strong>, à l'adresse Service état civil, "
                "1 place de la Mairie, 59999 Villeneuve-sur-Lys, avec les informations "
                "demandées et une enveloppe timbrée à votre adresse.</li>"
                "<li><strong>Au guichet</strong> de l'état civil, du lundi au vendredi de "
                "8 h 30 à 12 h et de 13 h 30 à 17 h 30, le samedi de 9 h à 12 h.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Méfiez-vous des sites payants",
                    "text": (
                        "<p>Un acte d'état civil est toujours gratuit. Certains sites privés "
                        "font payer ce service : vous n'avez pas besoin de passer par eux.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Je suis né dans une autre commune ou à l'étranger.",
                        "answer": (
                            "<p>Adressez-vous à la mairie de votre commune de naissance. "
                            "Si vous êtes né à l'étranger, la demande se fait auprès du "
                            "Service central d'état civil du ministère des Affaires "
                            "étrangères, à Nantes, en ligne sur service-public.gouv.fr.</p>"
                        ),
                    },
                    {
                        "question": "Faut-il un acte pour refaire sa carte d'identité ?",
                        "answer": (
                            "<p>Non, si votre commune de naissance transmet ses actes de "
                            "façon dématérialisée, ce qui est le cas de Villeneuve-sur-Lys : "
                            "la mairie qui instruit votre demande le vérifie directement.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "mariage-pacs",
        "section": "mairie",
        "title": "Mariage et PACS",
        "intro": (
            "Le mariage est célébré et le pacte civil de solidarité (PACS) enregistré par un "
            "officier de l'état civil de la mairie. Dans les deux cas, un dossier est à "
            "déposer au préalable, sur rendez-vous."
        ),
        "who": (
            "Les couples dont l'un des deux membres a son domicile ou sa résidence à "
            "Villeneuve-sur-Lys (pour un mariage, le domicile d'un parent convient aussi)"
        ),
        "documents": [
            "Pièce d'identité de chacun",
            "Copie intégrale de l'acte de naissance de moins de 3 mois "
            "(moins de 6 mois si elle est délivrée à l'étranger)",
            "Justificatif de domicile de moins de 3 mois",
            "Pour un mariage : identité et coordonnées des témoins (2 à 4)",
            "Pour un PACS : convention de PACS (formulaire cerfa n° 15726 ou convention "
            "rédigée par vos soins) et déclaration conjointe (cerfa n° 15725)",
        ],
        "cost": "Gratuit",
        "delay": (
            "Mariage : dossier à déposer au moins 2 mois avant la date souhaitée ; "
            "PACS : rendez-vous d'enregistrement sous 3 semaines environ"
        ),
        "online_url": "https://demarches.villeneuve-sur-lys.fr/mariage-pacs",
        "place": "hotel-de-ville",
        "profiles": ["jeunes", "familles"],
        "themes": ["citoyennete"],
        "body": [
            ("heading", "Se marier à Villeneuve-sur-Lys"),
            (
                "paragraph",
                "<p>Retirez le dossier à l'état civil ou téléchargez-le en ligne, puis "
                "déposez-le complet, en présence des deux futurs époux, au moins deux mois "
                "avant la cérémonie. L'officier de l'état civil peut vous recevoir pour un "
                "entretien. Les bans sont ensuite affichés en mairie pendant 10 jours.</p>"
                "<p>Si vous signez un contrat de mariage, faites-le chez le notaire avant la "
                "cérémonie et apportez le certificat qu'il vous remet.</p>"
                "<p>Les mariages sont célébrés dans la salle des mariages de l'hôtel de "
                "ville (80 places assises) le vendredi de 15 h à 17 h et le samedi de 10 h "
                "à 12 h et de 14 h à 17 h 30.</p>",
            ),
            (
                "callout",
                {
                    "title": "Réservez tôt",
                    "text": (
                        "<p>Les samedis de juin et de septembre partent vite. Vous pouvez "
                        "poser une option sur une date jusqu'à un an à l'avance.</p>"
                    ),
                },
            ),
            ("heading", "Se pacser à Villeneuve-sur-Lys"),
            (
                "paragraph",
                "<p>Prenez rendez-vous pour déposer votre dossier : l'agent vérifie les "
                "pièces et fixe la date d'enregistrement. Le jour venu, les deux partenaires "
                "se présentent ensemble avec leur pièce d'identité ; aucun témoin n'est "
                "nécessaire. La signature dure une vingtaine de minutes et vous repartez "
                "avec le récépissé d'enregistrement.</p>"
                "<p>Si vous le souhaitez, l'enregistrement peut avoir lieu dans la salle des "
                "mariages le samedi matin, en présence de vos proches. Le PACS peut aussi "
                "être conclu chez un notaire, ce qui est payant.</p>",
            ),
            (
                "faq",
                [
                    {
                        "question": "L'un de nous est de nationalité étrangère.",
                        "answer": (
                            "<p>Des pièces supplémentaires sont demandées (certificat de "
                            "coutume, certificat de célibat, traduction par un traducteur "
                            "assermenté). Prenez rendez-vous pour en parler avant de "
                            "constituer le dossier.</p>"
                        ),
                    },
                    {
                        "question": "Comment modifier ou dissoudre un PACS ?",
                        "answer": (
                            "<p>Par une déclaration conjointe déposée à l'état civil, ou "
                            "par une décision de l'un des partenaires signifiée par un "
                            "commissaire de justice. Le mariage des partenaires met aussi "
                            "fin au PACS.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "listes-electorales",
        "section": "mairie",
        "title": "Inscription sur les listes électorales",
        "intro": (
            "Pour voter, il faut être inscrit sur la liste électorale de sa commune. "
            "L'inscription est possible toute l'année, en ligne, par courrier ou à la mairie."
        ),
        "who": (
            "Les Français de 18 ans et plus ; les citoyens de l'Union européenne pour les "
            "élections municipales et européennes"
        ),
        "documents": [
            "Pièce d'identité en cours de validité ou périmée depuis moins de 5 ans",
            "Justificatif de domicile de moins de 3 mois à vos nom et prénom",
            "Formulaire cerfa n° 12669 si vous vous inscrivez à la mairie ou par courrier",
        ],
        "cost": "Gratuit",
        "delay": (
            "Pour voter à un scrutin : jusqu'au 6e vendredi qui le précède à la mairie ou "
            "par courrier, jusqu'au 6e mercredi en ligne"
        ),
        "online_url": "https://www.service-public.gouv.fr/particuliers/vosdroits/R16396",
        "place": "hotel-de-ville",
        "profiles": ["jeunes", "nouveaux-habitants"],
        "themes": ["citoyennete"],
        "body": [
            ("heading", "Qui doit faire la démarche ?"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Vous arrivez d'une autre commune</strong> : inscrivez-vous ici ; "
                "vous serez radié automatiquement de votre ancienne liste.</li>"
                "<li><strong>Vous déménagez dans la ville</strong> : signalez votre nouvelle "
                "adresse, car votre bureau de vote peut changer.</li>"
                "<li><strong>Vous avez 18 ans</strong> : si vous avez fait votre recensement "
                "citoyen à 16 ans, vous êtes inscrit d'office. Vérifiez-le quand même.</li>"
                "</ul>"
                "<p>Pour savoir où vous êtes inscrit, utilisez "
                "<a href=\"https://www.service-public.gouv.fr/particuliers/vosdroits/R51788\">"
                "le service de vérification de votre situation électorale</a>.</p>",
            ),
            ("heading", "Carte électorale et bureaux de vote"),
            (
                "paragraph",
                "<p>La ville compte 12 bureaux de vote, répartis dans les écoles et les salles "
                "municipales. Votre carte électorale, envoyée par courrier, indique votre "
                "bureau. Le jour du vote, présentez une pièce d'identité : elle est "
                "obligatoire, la carte électorale ne l'est pas.</p>"
                "<p>Service élections : 03 53 73 10 12, elections@villeneuve-sur-lys.fr.</p>",
            ),
            (
                "callout",
                {
                    "title": "Absent le jour du vote ?",
                    "text": (
                        "<p>Donnez procuration à un électeur de votre choix sur "
                        "<a href=\"https://www.maprocuration.gouv.fr\">maprocuration.gouv.fr</a>, "
                        "puis faites vérifier votre identité au commissariat ou à la "
                        "gendarmerie, ou directement en ligne avec l'application France "
                        "Identité.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Je fais mes études dans une autre ville.",
                        "answer": (
                            "<p>Jusqu'à 26 ans, vous pouvez rester inscrit dans la commune "
                            "où habitent vos parents, ou vous inscrire dans la commune où "
                            "vous résidez.</p>"
                        ),
                    },
                    {
                        "question": "Je suis citoyen d'un autre pays de l'Union européenne.",
                        "answer": (
                            "<p>Vous pouvez vous inscrire sur les listes complémentaires pour "
                            "voter aux élections municipales et européennes, avec les mêmes "
                            "justificatifs.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Enfance et éducation
    # ------------------------------------------------------------------
    {
        "slug": "restauration-scolaire",
        "section": "enfance-education",
        "title": "Restauration scolaire : menus et inscription",
        "intro": (
            "Chaque midi, les restaurants scolaires accueillent les enfants des écoles "
            "maternelles et élémentaires publiques de la ville. Les menus de la semaine "
            "sont publiés chaque vendredi."
        ),
        "who": "Les familles dont l'enfant est scolarisé dans une école publique de la ville",
        "documents": [
            "Justificatif de domicile de moins de 3 mois",
            "Attestation de quotient familial de la CAF ou dernier avis d'imposition",
            "Projet d'accueil individualisé (PAI) en cas d'allergie ou de régime médical",
        ],
        "cost": "De 0,80 € à 4,20 € par repas selon le quotient familial",
        "delay": (
            "Inscription valable pour l'année scolaire ; réservation ou annulation "
            "jusqu'à 48 heures avant le repas (jours ouvrés)"
        ),
        "online_url": ESPACE_FAMILLE_URL,
        "place": "espace-famille",
        "profiles": ["familles"],
        "themes": ["enfance", "education"],
        "body": [
            ("heading", "Cette semaine dans l'assiette"),
            (
                "paragraph",
                "<p>Les repas sont préparés à la cuisine centrale par une équipe de dix "
                "cuisiniers. La diététicienne compose les repas, qui sont validés chaque "
                "trimestre avec des représentants des parents d'élèves. Ils sont mis en "
                "ligne ici le vendredi pour la semaine suivante, publiés dans l'espace "
                "famille et affichés à l'entrée de chaque école.</p>"
                "<ul>"
                "<li>un repas végétarien par semaine ;</li>"
                "<li>plus de la moitié de produits durables et de qualité, dont 30 % bio ;</li>"
                "<li>pain, légumes, pommes et produits laitiers de fermes du Nord dès que "
                "possible.</li>"
                "</ul>",
            ),
            (
                "table",
                {
                    "caption": "Repas du lundi 23 au vendredi 27 novembre",
                    "headers": ["Jour", "Entrée", "Plat", "Dessert"],
                    "rows": [
                        [
                            "Lundi",
                            "Carottes râpées",
                            "Hachis parmentier, salade verte",
                            "Yaourt nature, fruit de saison",
                        ],
                        [
                            "Mardi (végétarien)",
                            "Velouté de potiron",
                            "Lasagnes aux légumes",
                            "Compote pomme-poire",
                        ],
                        [
                            "Jeudi",
                            "Betteraves vinaigrette",
                            "Filet de colin sauce citron, riz",
                            "Fromage blanc",
                        ],
                        [
                            "Vendredi",
                            "Salade de chou",
                            "Carbonnade flamande, pommes vapeur",
                            "Tarte au sucre",
                        ],
                    ],
                },
            ),
            ("heading", "Inscrire et réserver"),
            (
                "paragraph",
                "<ol>"
                "<li>Créez ou mettez à jour votre dossier famille dans "
                "<a href=\"/espace-famille/\">l'espace famille</a>, en ligne ou au guichet.</li>"
                "<li>Choisissez un forfait (tous les jours d'école ou certains jours de la "
                "semaine) ou réservez au cas par cas.</li>"
                "<li>Modifiez vos réservations jusqu'à 48 heures avant. Un repas pris sans "
                "réservation est facturé 1 € de plus.</li>"
                "</ol>"
                "<p>Le prix du repas à la cantine dépend de votre "
                "<a href=\"/quotient-familial/\">quotient familial</a>. "
                "La facture arrive au début du mois suivant ; elle se règle en ligne, par "
                "prélèvement ou au guichet.</p>",
            ),
            (
                "callout",
                {
                    "title": "Allergies et régimes",
                    "text": (
                        "<p>Pour une allergie ou une maladie, un projet d'accueil "
                        "individualisé (PAI) est signé avec le médecin scolaire. S'il prévoit "
                        "un panier-repas fourni par la famille, seul le temps d'accueil est "
                        "facturé (0,50 €). Un repas sans viande est proposé chaque jour aux "
                        "familles qui le demandent à l'inscription.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Mon enfant est malade : le repas est-il facturé ?",
                        "answer": (
                            "<p>Le premier jour d'absence est facturé. Les jours suivants ne "
                            "le sont pas si vous transmettez un certificat médical dans la "
                            "semaine.</p>"
                        ),
                    },
                    {
                        "question": "Qui s'occupe des enfants pendant la pause du midi ?",
                        "answer": (
                            "<p>Des agents et des animateurs de la ville, de 11 h 45 à 13 h 35. "
                            "Ils aident les plus petits à manger et proposent des jeux calmes "
                            "après le repas.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "centre-de-loisirs",
        "section": "enfance-education",
        "title": "Centre de loisirs : mercredis et vacances",
        "intro": (
            "Les accueils de loisirs sans hébergement (ALSH) de la ville reçoivent les "
            "enfants de 3 à 11 ans le mercredi et pendant les vacances scolaires. "
            "L'inscription se fait dans l'espace famille."
        ),
        "who": (
            "Les enfants de 3 à 11 ans habitant ou scolarisés à Villeneuve-sur-Lys "
            "(enfants d'autres communes selon les places disponibles)"
        ),
        "documents": [
            "Dossier famille à jour dans l'espace famille",
            "Carnet de santé de l'enfant (vaccinations)",
            "Attestation d'assurance responsabilité civile et individuelle accident",
            "Attestation de quotient familial",
        ],
        "cost": "De 3,00 € à 15,00 € la journée, repas compris, selon le quotient familial",
        "delay": (
            "Mercredis : réservation au plus tard le jeudi précédent ; vacances : "
            "inscriptions ouvertes 4 semaines avant, closes 2 semaines avant"
        ),
        "online_url": ESPACE_FAMILLE_URL,
        "place": "espace-famille",
        "profiles": ["familles"],
        "themes": ["enfance"],
        "body": [
            ("heading", "Deux accueils selon l'âge"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Les Petits Meuniers</strong>, pour les 3-5 ans, dans les locaux "
                "de l'école maternelle du Moulin.</li>"
                "<li><strong>La Passerelle</strong>, pour les 6-11 ans, au centre social du "
                "quartier des Prés.</li>"
                "</ul>"
                "<p>Les deux accueils sont ouverts de 7 h 30 à 18 h 30. Les enfants arrivent "
                "jusqu'à 9 h 30 et repartent à partir de 16 h 30. Le mercredi, vous pouvez "
                "aussi choisir la demi-journée : le matin avec le repas (7 h 30-13 h 30) ou "
                "l'après-midi (13 h 30-18 h 30).</p>"
                "<p>Au programme : jeux, activités manuelles et sportives, sorties à la "
                "médiathèque et à la piscine, grands jeux en forêt et, l'été, des mini-séjours "
                "de 3 jours pour les 8-11 ans.</p>",
            ),
            (
                "table",
                {
                    "caption": "Tarifs selon le quotient familial (QF)",
                    "headers": ["QF mensuel", "Journée avec repas", "Demi-journée"],
                    "rows": [
                        ["Jusqu'à 400 €", "3,00 €", "2,00 €"],
                        ["De 401 à 600 €", "4,50 €", "3,00 €"],
                        ["De 601 à 800 €", "6,00 €", "4,00 €"],
                        ["De 801 à 1 000 €", "8,00 €", "5,00 €"],
                        ["De 1 001 à 1 300 €", "10,00 €", "6,50 €"],
                        ["De 1 301 à 1 700 €", "12,50 €", "8,00 €"],
                        ["Plus de 1 700 €", "15,00 €", "9,50 €"],
                        ["Hors commune", "22,00 €", "14,00 €"],
                    ],
                },
            ),
            ("heading", "Quand s'inscrire ?"),
            (
                "paragraph",
                "<p>Pour les mercredis, réservez au plus tard le jeudi de la semaine "
                "précédente. Pour les vacances, les inscriptions ouvrent quatre semaines avant "
                "et ferment deux semaines avant le premier jour.</p>"
                "<p>Pendant les vacances de fin d'année, l'accueil est ouvert du lundi 21 au "
                "jeudi 24 décembre : inscriptions jusqu'au vendredi 4 décembre.</p>",
            ),
            (
                "callout",
                {
                    "title": "Aides acceptées",
                    "text": (
                        "<p>Les aides aux loisirs de la CAF, les participations des comités "
                        "d'entreprise (CSE) et, pour les enfants de moins de 6 ans, les "
                        "chèques emploi service universel (CESU) sont acceptés.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Mon enfant a un PAI ou un handicap.",
                        "answer": (
                            "<p>Contactez l'espace famille avant l'inscription. La directrice "
                            "vous recevra pour organiser l'accueil : traitement, repas adapté, "
                            "animateur supplémentaire si nécessaire.</p>"
                        ),
                    },
                    {
                        "question": "Que se passe-t-il si nous annulons ?",
                        "answer": (
                            "<p>Une annulation faite avant la clôture des inscriptions n'est "
                            "pas facturée. Après, seules les absences justifiées par un "
                            "certificat médical sont remboursées.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "creche",
        "section": "enfance-education",
        "title": "Crèches : inscription en multi-accueil",
        "intro": (
            "La ville gère trois multi-accueils qui reçoivent les enfants de 2 mois et demi "
            "à 4 ans, en accueil régulier ou occasionnel. Les places sont attribuées par "
            "une commission, trois fois par an."
        ),
        "who": "Les familles domiciliées à Villeneuve-sur-Lys, à partir du 6e mois de grossesse",
        "documents": [
            "Justificatif de domicile de moins de 3 mois",
            "Livret de famille, ou certificat de grossesse avant la naissance",
            "Numéro d'allocataire CAF ou dernier avis d'imposition",
            "Justificatifs d'activité professionnelle ou de formation des parents",
        ],
        "cost": (
            "Tarif horaire selon le barème national de la CAF : de 0,50 € à 4,30 € "
            "environ pour un enfant ; couches et repas fournis"
        ),
        "delay": (
            "Commissions d'attribution en mars, juin et octobre ; "
            "réponse par courrier dans les 15 jours qui suivent"
        ),
        "online_url": "https://demarches.villeneuve-sur-lys.fr/preinscription-creche",
        "place": "espace-famille",
        "profiles": ["familles", "nouveaux-habitants"],
        "themes": ["enfance"],
        "body": [
            ("heading", "Les multi-accueils de la ville"),
            (
                "table",
                {
                    "caption": "Établissements d'accueil du jeune enfant",
                    "headers": ["Établissement", "Quartier", "Places", "Horaires"],
                    "rows": [
                        ["Les Lucioles", "Centre-ville", "40", "7 h 30 - 18 h 30"],
                        ["Les Petits Pas", "Les Prés", "30", "7 h 30 - 18 h 30"],
                        ["Les Canetons", "Bois-Fleuri", "20", "8 h - 18 h"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Les trois structures ferment trois semaines en août et une semaine "
                "entre Noël et le jour de l'an.</p>",
            ),
            ("heading", "Les étapes de l'inscription"),
            (
                "paragraph",
                "<ol>"
                "<li>Faites votre préinscription en ligne ou sur rendez-vous au guichet "
                "petite enfance de l'espace famille (03 53 73 10 35), dès le 6e mois de "
                "grossesse.</li>"
                "<li>La commission étudie les demandes selon leur date, la situation des "
                "parents (travail, formation, recherche d'emploi), la présence de frères et "
                "sœurs ou d'un handicap.</li>"
                "<li>Vous recevez la réponse par courrier. En cas d'accord, la directrice vous "
                "reçoit pour signer le contrat d'accueil.</li>"
                "<li>Une période d'adaptation d'une à deux semaines permet à votre enfant de "
                "découvrir les lieux, avec vous puis seul.</li>"
                "</ol>"
                "<p>Sans place à l'issue d'une commission, votre demande est automatiquement "
                "présentée à la suivante.</p>",
            ),
            (
                "callout",
                {
                    "title": "Pas de place en crèche ?",
                    "text": (
                        "<p>Le relais petite enfance vous aide à trouver une assistante "
                        "maternelle agréée parmi les 110 que compte la ville, et à faire vos "
                        "démarches d'employeur. Consultez aussi "
                        "<a href=\"https://monenfant.fr\">monenfant.fr</a>, le site de la "
                        "CAF.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Comment le tarif est-il calculé ?",
                        "answer": (
                            "<p>Le tarif horaire est un pourcentage de vos ressources "
                            "mensuelles, fixé par la CAF selon le nombre d'enfants. Pour une "
                            "famille avec un enfant et 3 000 € de revenus par mois, l'heure "
                            "coûte environ 1,86 €.</p>"
                        ),
                    },
                    {
                        "question": "Peut-on avoir une place quelques heures seulement ?",
                        "answer": (
                            "<p>Oui, l'accueil occasionnel est possible par demi-journée, selon "
                            "les places libres. Réservez auprès de la directrice, au plus tard "
                            "la semaine précédente.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "accueil-periscolaire",
        "section": "enfance-education",
        "title": "Accueil périscolaire du matin et du soir",
        "intro": (
            "Avant et après la classe, les enfants sont accueillis dans leur école par des "
            "animateurs de la ville. L'accueil fonctionne les lundis, mardis, jeudis et "
            "vendredis de classe."
        ),
        "who": (
            "Les enfants scolarisés dans les écoles maternelles et élémentaires "
            "publiques de la ville"
        ),
        "documents": [
            "Dossier famille à jour dans l'espace famille",
            "Attestation de quotient familial",
            "Attestation d'assurance responsabilité civile",
        ],
        "cost": (
            "Matin : de 0,50 € à 2,00 € ; soir : de 0,80 € à 3,20 € goûter compris, "
            "selon le quotient familial"
        ),
        "delay": "Réservation ou annulation jusqu'à la veille à 10 h",
        "online_url": ESPACE_FAMILLE_URL,
        "place": "espace-famille",
        "profiles": ["familles"],
        "themes": ["enfance", "education"],
        "body": [
            ("heading", "Horaires"),
            (
                "table",
                {
                    "caption": "Horaires de l'accueil périscolaire",
                    "headers": ["Moment", "Horaires", "Déroulement"],
                    "rows": [
                        ["Matin", "7 h 30 - 8 h 20", "Accueil calme, jeux, lecture"],
                        [
                            "Soir (maternelle)",
                            "16 h 30 - 18 h 30",
                            "Goûter puis activités et jeux libres",
                        ],
                        [
                            "Soir (élémentaire)",
                            "16 h 30 - 18 h 30",
                            "Goûter, étude surveillée jusqu'à 17 h 30, puis activités",
                        ],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Ce temps du soir, que beaucoup de parents appellent encore la garderie, "
                "est encadré par des animateurs diplômés : un pour 14 enfants de moins de "
                "6 ans, un pour 18 enfants plus âgés. Le goûter est fourni. Vous pouvez "
                "venir chercher votre enfant à tout moment jusqu'à 18 h 30.</p>"
                "<p>Le mercredi et pendant les vacances, les enfants sont accueillis au "
                "<a href=\"/centre-de-loisirs/\">centre de loisirs</a>.</p>",
            ),
            ("heading", "Réserver et annuler"),
            (
                "paragraph",
                "<p>Réservez les jours souhaités dans l'espace famille, pour l'année ou au fil "
                "des semaines, jusqu'à la veille à 10 h. Une présence sans réservation est "
                "facturée 1 € de plus.</p>"
                "<p>Après 18 h 30, une pénalité de 10 € est appliquée par retard. Au troisième "
                "retard dans le trimestre, l'espace famille vous contacte pour trouver une "
                "solution.</p>",
            ),
            (
                "callout",
                {
                    "title": "Qui peut venir chercher votre enfant ?",
                    "text": (
                        "<p>Seules les personnes inscrites dans le dossier famille, sur "
                        "présentation d'une pièce d'identité. Un enfant d'élémentaire peut "
                        "rentrer seul avec une autorisation écrite des parents.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "inscription-scolaire",
        "section": "enfance-education",
        "title": "Inscription à l'école maternelle et élémentaire",
        "intro": (
            "Pour une première rentrée, une arrivée dans la ville ou un changement d'école, "
            "l'inscription se fait d'abord auprès de la mairie, puis à l'école. "
            "L'instruction est obligatoire dès 3 ans."
        ),
        "who": (
            "Les familles domiciliées à Villeneuve-sur-Lys dont l'enfant a 3 ans dans "
            "l'année civile, ou qui arrivent en cours d'année"
        ),
        "documents": [
            "Livret de famille ou acte de naissance de l'enfant",
            "Justificatif de domicile de moins de 3 mois",
            "Carnet de santé (vaccinations obligatoires à jour)",
            "En cas de séparation : jugement fixant la résidence de l'enfant ou accord "
            "écrit de l'autre parent",
            "Certificat de radiation de l'ancienne école, en cas de changement d'école",
        ],
        "cost": "Gratuit",
        "delay": (
            "Pour la rentrée de septembre : du lundi 11 janvier au vendredi 26 mars ; "
            "en cours d'année : à tout moment"
        ),
        "online_url": ESPACE_FAMILLE_URL,
        "place": "espace-famille",
        "profiles": ["familles", "nouveaux-habitants"],
        "themes": ["education", "enfance"],
        "body": [
            ("heading", "Inscrire votre enfant en deux étapes"),
            (
                "paragraph",
                "<ol>"
                "<li><strong>À la mairie</strong> : faites la demande dans l'espace famille, "
                "en ligne ou au guichet. Vous recevez un certificat d'inscription qui indique "
                "l'école de votre secteur.</li>"
                "<li><strong>À l'école</strong> : prenez rendez-vous avec la directrice ou le "
                "directeur, avec ce certificat, le livret de famille et le carnet de santé, "
                "pour l'admission de votre enfant.</li>"
                "</ol>"
                "<p>Un enfant qui passe de la grande section au CP dans le même groupe scolaire "
                "n'a pas besoin d'être réinscrit.</p>",
            ),
            ("heading", "Les écoles publiques"),
            (
                "table",
                {
                    "caption": "Groupes scolaires de la ville",
                    "headers": ["Groupe scolaire", "Quartier", "Classes"],
                    "rows": [
                        ["Jules-Ferry", "Centre-ville", "Maternelle et élémentaire"],
                        ["Louise-Michel", "Les Prés", "Maternelle et élémentaire"],
                        ["Le Moulin", "Le Moulin", "Maternelle et élémentaire"],
                        ["Marie-Curie", "La Gare", "Maternelle et élémentaire"],
                        ["Les Tilleuls", "Bois-Fleuri", "Maternelle et élémentaire"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>L'école dépend de votre adresse. Pour une autre école (frère ou sœur déjà "
                "inscrit, mode de garde, raison médicale), adressez une demande de dérogation "
                "écrite au maire avant le 31 mars. Une commission y répond en mai.</p>",
            ),
            (
                "faq",
                [
                    {
                        "question": "Mon enfant n'aura que 2 ans à la rentrée.",
                        "answer": (
                            "<p>L'école Louise-Michel accueille quelques enfants de 2 ans en "
                            "toute petite section, selon les places. Signalez-le lors de "
                            "l'inscription.</p>"
                        ),
                    },
                    {
                        "question": "Nous arrivons en cours d'année.",
                        "answer": (
                            "<p>Venez à l'espace famille avec les documents : le certificat "
                            "est remis sur place et l'école peut accueillir votre enfant dans "
                            "les jours qui suivent.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "quotient-familial",
        "section": "enfance-education",
        "title": "Calcul du quotient familial",
        "intro": (
            "Les tarifs de la cantine, de l'accueil périscolaire et du centre de loisirs "
            "dépendent des ressources et de la taille de la famille. Mettez à jour votre "
            "quotient chaque année en janvier."
        ),
        "who": "Les familles qui utilisent les services enfance et jeunesse de la ville",
        "documents": [
            "Attestation de quotient familial de la CAF de moins de 3 mois",
            "À défaut : dernier avis d'imposition et justificatif des prestations "
            "familiales perçues",
        ],
        "cost": "Gratuit",
        "delay": (
            "Calcul immédiat au guichet, sous 5 jours ouvrés en ligne ; "
            "nouveau tarif appliqué dès le mois suivant"
        ),
        "online_url": ESPACE_FAMILLE_URL,
        "place": "espace-famille",
        "profiles": ["familles"],
        "themes": ["enfance", "solidarite"],
        "body": [
            ("heading", "Comment il est calculé"),
            (
                "paragraph",
                "<p>Si vous êtes allocataire de la CAF, l'espace famille utilise le quotient "
                "qu'elle a calculé, consulté avec votre accord. Sinon, il est calculé à "
                "partir de votre avis d'imposition :</p>"
                "<p><strong>(revenu fiscal de référence ÷ 12 + prestations familiales "
                "mensuelles) ÷ nombre de parts</strong></p>"
                "<p>Un couple ou un parent seul compte pour 2 parts, chacun des deux premiers "
                "enfants pour une demi-part, le troisième pour une part entière, les suivants "
                "pour une demi-part. Un enfant handicapé ajoute une demi-part.</p>"
                "<p>Exemple : un couple avec deux enfants, 36 000 € de revenu fiscal et 140 € "
                "d'allocations par mois a un quotient de (3 000 + 140) ÷ 3 = 1 047 €.</p>",
            ),
            (
                "table",
                {
                    "caption": "Tranches et tarifs de l'année scolaire",
                    "headers": [
                        "QF mensuel",
                        "Repas de cantine",
                        "Accueil du matin",
                        "Accueil du soir",
                        "Journée de centre de loisirs",
                    ],
                    "rows": [
                        ["Jusqu'à 400 €", "0,80 €", "0,50 €", "0,80 €", "3,00 €"],
                        ["De 401 à 600 €", "1,40 €", "0,75 €", "1,20 €", "4,50 €"],
                        ["De 601 à 800 €", "2,00 €", "1,00 €", "1,60 €", "6,00 €"],
                        ["De 801 à 1 000 €", "2,60 €", "1,25 €", "2,00 €", "8,00 €"],
                        ["De 1 001 à 1 300 €", "3,10 €", "1,50 €", "2,40 €", "10,00 €"],
                        ["De 1 301 à 1 700 €", "3,70 €", "1,75 €", "2,80 €", "12,50 €"],
                        ["Plus de 1 700 €", "4,20 €", "2,00 €", "3,20 €", "15,00 €"],
                    ],
                },
            ),
            ("heading", "Le mettre à jour"),
            (
                "paragraph",
                "<p>Déposez votre attestation chaque année en janvier dans l'espace famille, "
                "ou apportez-la au guichet. En cas de changement de situation (perte d'emploi, "
                "séparation, naissance), demandez un nouveau calcul sans attendre.</p>"
                "<p>Le nouveau tarif s'applique à partir du mois suivant, sans effet "
                "rétroactif. Sans justificatif, le tarif le plus élevé est appliqué.</p>",
            ),
            (
                "callout",
                {
                    "title": "Vos données",
                    "text": (
                        "<p>Vos revenus servent uniquement à fixer vos tarifs. Seuls les "
                        "agents de l'espace famille y ont accès et les justificatifs sont "
                        "supprimés à la fin de l'année scolaire.</p>"
                    ),
                },
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Cadre de vie et environnement
    # ------------------------------------------------------------------
    {
        "slug": "encombrants",
        "section": "cadre-de-vie",
        "title": "Encombrants : collecte sur rendez-vous",
        "intro": (
            "Les objets trop volumineux pour la poubelle peuvent être enlevés devant chez "
            "vous, gratuitement et sur rendez-vous. Vous pouvez aussi les déposer à la "
            "déchèterie."
        ),
        "who": (
            "Les particuliers habitant Villeneuve-sur-Lys ; en immeuble, avec l'accord "
            "du bailleur ou du syndic"
        ),
        "documents": [
            "Adresse de collecte et numéro de téléphone",
            "Liste des objets et volume approximatif",
        ],
        "cost": "Gratuit, dans la limite de 2 m³ par passage et de 4 passages par an",
        "delay": "Passage sous 10 jours ouvrés environ",
        "online_url": "https://demarches.villeneuve-sur-lys.fr/encombrants",
        "place": "services-techniques",
        "profiles": ["seniors", "nouveaux-habitants"],
        "themes": ["environnement"],
        "body": [
            ("heading", "Prendre rendez-vous"),
            (
                "paragraph",
                "<p>Faites votre demande en ligne ou par téléphone au 03 53 73 10 50, du "
                "lundi au vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h. La date de passage "
                "vous est confirmée par SMS ou par courriel. Les collectes ont lieu le mardi "
                "et le vendredi matin.</p>"
                "<p>Sortez les objets la veille au soir, après 19 h, sur le trottoir devant "
                "votre domicile, sans gêner le passage des piétons et des poussettes. "
                "Seuls les objets annoncés sont enlevés.</p>",
            ),
            (
                "table",
                {
                    "caption": "Ce qui est collecté et ce qui ne l'est pas",
                    "headers": ["Collecté", "Refusé"],
                    "rows": [
                        [
                            "Meubles démontés, literie, canapés",
                            "Gravats et déchets de chantier",
                        ],
                        [
                            "Gros électroménager (réfrigérateur, lave-linge)",
                            "Pneus et pièces de voiture",
                        ],
                        [
                            "Vélos, poussettes, gros jouets",
                            "Peintures, solvants, bouteilles de gaz",
                        ],
                        [
                            "Moquette et linoléum roulés",
                            "Déchets verts et sacs d'ordures ménagères",
                        ],
                    ],
                },
            ),
            ("heading", "La déchèterie"),
            (
                "paragraph",
                "<p>La déchèterie intercommunale, rue du Marais (zone d'activités de la Gare), "
                "est gratuite pour les particuliers sur présentation du badge d'accès, "
                "délivré par l'agglomération avec un justificatif de domicile. Elle est ouverte "
                "du lundi au samedi de 9 h à 12 h et de 13 h 30 à 18 h 30 (17 h de novembre à "
                "mars) et le dimanche de 9 h à 12 h.</p>",
            ),
            (
                "callout",
                {
                    "title": "Donner une seconde vie à vos objets",
                    "text": (
                        "<p>Un meuble en bon état peut intéresser une association ou une "
                        "ressourcerie. Et quand vous achetez un appareil électroménager neuf, "
                        "le vendeur doit reprendre gratuitement l'ancien à la livraison.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "permis-de-construire",
        "section": "cadre-de-vie",
        "title": "Permis de construire et déclaration préalable",
        "intro": (
            "Construire, agrandir, modifier une façade ou poser une clôture demande une "
            "autorisation d'urbanisme. Selon le projet, il s'agit d'une déclaration préalable "
            "ou d'un permis de construire."
        ),
        "who": "Le propriétaire du terrain, ou toute personne qu'il autorise à faire les travaux",
        "documents": [
            "Formulaire cerfa adapté (n° 13703 pour une déclaration préalable de maison "
            "individuelle, n° 13406 pour un permis de maison individuelle)",
            "Plan de situation et plan de masse",
            "Plan en coupe, plans des façades et des toitures",
            "Photographies du terrain dans son environnement proche et lointain",
            "Document graphique d'insertion du projet (pour un permis)",
        ],
        "cost": "Dépôt gratuit ; la taxe d'aménagement est calculée après l'achèvement des travaux",
        "delay": (
            "1 mois pour une déclaration préalable, 2 mois pour un permis de maison "
            "individuelle, 3 mois pour les autres permis"
        ),
        "online_url": "https://demarches.villeneuve-sur-lys.fr/urbanisme",
        "place": "services-techniques",
        "profiles": ["familles", "professionnels"],
        "themes": ["urbanisme", "travaux"],
        "body": [
            ("heading", "Quelle autorisation pour mon projet ?"),
            (
                "table",
                {
                    "caption": "Autorisation selon les travaux (zone urbaine du PLU)",
                    "headers": ["Projet", "Autorisation"],
                    "rows": [
                        ["Abri de jardin de moins de 5 m²", "Aucune, mais le PLU s'applique"],
                        ["Abri de jardin ou garage de 5 à 20 m²", "Déclaration préalable"],
                        [
                            "Agrandissement d'une maison (véranda, pièce en plus) "
                            "jusqu'à 40 m²",
                            "Déclaration préalable",
                        ],
                        [
                            "Agrandissement de plus de 40 m², ou qui porte la maison "
                            "au-delà de 150 m²",
                            "Permis de construire",
                        ],
                        ["Nouvelle maison, garage de plus de 20 m²", "Permis de construire"],
                        [
                            "Clôture, portail, ravalement, fenêtres de toit, panneaux solaires",
                            "Déclaration préalable",
                        ],
                        ["Piscine non couverte de 10 à 100 m²", "Déclaration préalable"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Le recours à un architecte est obligatoire si la surface de plancher "
                "totale dépasse 150 m². Avant de dessiner votre projet, consultez le plan "
                "local d'urbanisme (PLU) sur "
                "<a href=\"https://www.geoportail-urbanisme.gouv.fr\">le Géoportail de "
                "l'urbanisme</a>.</p>",
            ),
            ("heading", "Déposer et suivre votre dossier"),
            (
                "paragraph",
                "<ol>"
                "<li>Déposez votre dossier sur le guichet numérique des autorisations "
                "d'urbanisme, ou en papier au service urbanisme (2 exemplaires pour une "
                "déclaration, 4 pour un permis).</li>"
                "<li>Un récépissé vous indique le délai d'instruction. S'il manque une pièce, "
                "la mairie vous la réclame dans le premier mois et le délai repart à "
                "réception.</li>"
                "<li>Ce délai est allongé si votre terrain se trouve aux abords d'un monument "
                "historique, comme l'église Saint-Vaast : l'architecte des Bâtiments de "
                "France doit donner son avis.</li>"
                "<li>Après l'accord, affichez-le sur le terrain, visible de la rue, pendant "
                "toute la durée des travaux. Les voisins disposent de 2 mois pour le "
                "contester.</li>"
                "</ol>",
            ),
            (
                "callout",
                {
                    "title": "Un conseil avant de déposer",
                    "text": (
                        "<p>Le service urbanisme vous reçoit sur rendez-vous le mardi et le "
                        "jeudi (03 53 73 10 40, urbanisme@villeneuve-sur-lys.fr). Un "
                        "architecte conseiller tient aussi une permanence gratuite le "
                        "premier mercredi du mois.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Combien de temps l'autorisation est-elle valable ?",
                        "answer": (
                            "<p>Trois ans. Elle peut être prolongée deux fois d'un an si vous "
                            "en faites la demande au moins deux mois avant l'échéance.</p>"
                        ),
                    },
                    {
                        "question": "Quand déclarer la taxe d'aménagement ?",
                        "answer": (
                            "<p>Dans les 90 jours qui suivent la fin des travaux, dans "
                            "l'espace « Gérer mes biens immobiliers » de votre compte sur "
                            "impots.gouv.fr.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "stationnement",
        "section": "cadre-de-vie",
        "title": "Carte de stationnement résident",
        "intro": (
            "Dans les rues payantes du centre-ville et du quartier de la Gare, les habitants "
            "peuvent obtenir une carte de stationnement résidentiel pour se garer près de "
            "chez eux à tarif réduit."
        ),
        "who": (
            "Les habitants d'une rue en zone payante, pour un véhicule immatriculé à leur "
            "nom et à leur adresse (2 cartes au plus par foyer)"
        ),
        "documents": [
            "Certificat d'immatriculation (carte grise) à votre nom et à votre adresse",
            "Justificatif de domicile de moins de 3 mois",
            "Pièce d'identité",
            "Pour un véhicule de société ou en location longue durée : attestation de "
            "l'employeur ou contrat de location à votre nom",
        ],
        "cost": (
            "15 € par mois ou 150 € par an pour le premier véhicule ; "
            "30 € par mois pour le second"
        ),
        "delay": "Carte active sous 5 jours ouvrés",
        "online_url": "https://demarches.villeneuve-sur-lys.fr/stationnement-resident",
        "place": "hotel-de-ville",
        "profiles": ["nouveaux-habitants"],
        "themes": ["travaux", "urbanisme"],
        "body": [
            ("heading", "Où et quand faut-il payer ?"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Zone rouge</strong> (place de la Mairie, Grand-Rue, rue de "
                "Lille) : courte durée, 2 heures au plus. La carte résident n'y est pas "
                "valable.</li>"
                "<li><strong>Zone verte</strong> (reste du centre-ville et abords de la gare) : "
                "la carte résident y est valable sans limite de durée.</li>"
                "</ul>"
                "<p>Le stationnement est payant du lundi au samedi, de 9 h à 12 h et de 14 h "
                "à 18 h. Il est gratuit le dimanche, les jours fériés et tout le mois d'août. "
                "La première demi-heure est gratuite dans les deux zones.</p>",
            ),
            (
                "table",
                {
                    "caption": "Tarifs horaires et abonnements",
                    "headers": ["Formule", "Tarif"],
                    "rows": [
                        ["Visiteur, zone rouge", "1,20 € de l'heure"],
                        ["Visiteur, zone verte", "1 € de l'heure, 4,50 € la journée"],
                        ["Résident, premier véhicule", "15 € par mois ou 150 € par an"],
                        ["Résident, second véhicule", "30 € par mois"],
                        ["Forfait post-stationnement", "25 €"],
                    ],
                },
            ),
            ("heading", "Demander ou renouveler sa carte"),
            (
                "paragraph",
                "<p>Faites la demande en ligne en joignant vos justificatifs, ou à l'accueil "
                "de l'hôtel de ville. La carte est dématérialisée : elle est liée à votre "
                "plaque d'immatriculation, il n'y a rien à poser derrière le pare-brise.</p>"
                "<p>Elle se renouvelle chaque année ; un courriel vous le rappelle un mois "
                "avant l'échéance. Si vous changez de véhicule, mettez à jour la plaque en "
                "ligne.</p>",
            ),
            (
                "callout",
                {
                    "title": "Zone bleue aux Prés",
                    "text": (
                        "<p>Autour du centre commercial des Prés, on se gare "
                        "gratuitement, pour 1 h 30 au plus, du lundi au samedi de 9 h à 19 h. "
                        "Placez un disque de stationnement européen bien visible.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "signaler-un-probleme",
        "section": "cadre-de-vie",
        "title": "Signaler un problème sur la voie publique",
        "intro": (
            "Un lampadaire éteint, un trou dans la chaussée, des déchets abandonnés ou un "
            "tag ? Prévenez les services techniques, en ligne ou par téléphone, pour "
            "qu'une équipe intervienne."
        ),
        "who": "Tout habitant ou usager de la ville",
        "documents": [
            "Adresse précise ou point de repère",
            "Photo du problème, si possible",
        ],
        "cost": "Gratuit",
        "delay": (
            "Mise en sécurité dans la journée en cas de danger ; "
            "intervention sous 10 jours ouvrés en moyenne"
        ),
        "online_url": "https://demarches.villeneuve-sur-lys.fr/signalement",
        "place": "services-techniques",
        "profiles": ["seniors", "familles", "nouveaux-habitants"],
        "themes": ["travaux", "environnement"],
        "body": [
            ("heading", "Ce que vous pouvez signaler"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Voirie</strong> : nid-de-poule, trottoir soulevé, bouche "
                "d'égout descellée, marquage effacé ;</li>"
                "<li><strong>Éclairage public</strong> : lampadaire en panne ou qui reste "
                "allumé le jour (notez le numéro inscrit sur le mât) ;</li>"
                "<li><strong>Propreté</strong> : dépôt sauvage, tag, corbeille qui "
                "déborde ;</li>"
                "<li><strong>Espaces verts</strong> : branche cassée, arbre dangereux, "
                "nid de frelons asiatiques sur le domaine public ;</li>"
                "<li><strong>Mobilier urbain</strong> : banc abîmé, panneau tombé, "
                "jeux d'enfants dégradés.</li>"
                "</ul>",
            ),
            ("heading", "Comment faire"),
            (
                "paragraph",
                "<p><strong>En ligne</strong>, avec le formulaire de signalement : ajoutez "
                "une photo et placez le point sur la carte. Vous recevez un numéro de suivi, "
                "puis un message quand l'intervention est terminée.</p>"
                "<p><strong>Par téléphone</strong>, avec Allô Mairie au 03 53 73 10 50, du "
                "lundi au vendredi de 8 h à 18 h et le samedi de 9 h à 12 h.</p>"
                "<p>En dehors de ces horaires, pour un danger immédiat, appelez la police "
                "municipale au 03 53 73 10 17 : elle prévient l'agent d'astreinte.</p>",
            ),
            (
                "table",
                {
                    "caption": "Délais d'intervention indicatifs",
                    "headers": ["Situation", "Délai"],
                    "rows": [
                        [
                            "Danger immédiat (chaussée effondrée, arbre tombé)",
                            "Mise en sécurité dans la journée",
                        ],
                        ["Tag injurieux", "24 heures"],
                        ["Dépôt sauvage", "48 heures"],
                        ["Lampadaire en panne", "5 jours ouvrés"],
                        ["Trou dans la chaussée", "10 jours ouvrés"],
                    ],
                },
            ),
            (
                "callout",
                {
                    "title": "Ce qui ne relève pas de la mairie",
                    "text": (
                        "<ul>"
                        "<li>Panne d'électricité : Enedis, 09 726 750 59.</li>"
                        "<li>Odeur de gaz : Urgence sécurité gaz, 0 800 47 33 33.</li>"
                        "<li>Route départementale : Département du Nord.</li>"
                        "</ul>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Que risque l'auteur d'un dépôt sauvage ?",
                        "answer": (
                            "<p>Une amende forfaitaire de 135 €, et jusqu'à 1 500 € si les "
                            "déchets ont été apportés en véhicule. Les frais d'enlèvement "
                            "peuvent lui être facturés.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "cimetiere",
        "section": "cadre-de-vie",
        "title": "Cimetières : concessions et inhumations",
        "intro": (
            "La ville compte deux cimetières, le cimetière du Centre et le cimetière "
            "paysager des Prés. Le service des cimetières, à l'hôtel de ville, gère l'achat "
            "et le renouvellement des concessions."
        ),
        "who": (
            "Les personnes domiciliées ou décédées à Villeneuve-sur-Lys, et celles qui ont "
            "droit à une sépulture de famille dans la commune"
        ),
        "documents": [
            "Pièce d'identité du demandeur",
            "Justificatif de domicile",
            "Pour un renouvellement : titre de concession ou emplacement de la tombe",
        ],
        "cost": (
            "Concession de 15 ans : 190 € ; 30 ans : 450 € ; 50 ans : 900 € ; "
            "case de columbarium pour 15 ans : 380 €"
        ),
        "delay": (
            "Titre de concession délivré sous 15 jours ; renouvellement possible "
            "jusqu'à 2 ans après l'échéance"
        ),
        "online_url": "",
        "place": "hotel-de-ville",
        "profiles": ["seniors"],
        "themes": ["citoyennete"],
        "body": [
            ("heading", "Les concessions"),
            (
                "table",
                {
                    "caption": "Tarifs des concessions",
                    "headers": ["Emplacement", "15 ans", "30 ans", "50 ans"],
                    "rows": [
                        ["Tombe en pleine terre ou caveau (2 m²)", "190 €", "450 €", "900 €"],
                        ["Cavurne (1 m², urnes)", "160 €", "320 €", "—"],
                        ["Case de columbarium", "380 €", "700 €", "—"],
                        ["Dispersion au jardin du souvenir", "Gratuit", "—", "—"],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Une concession donne le droit d'utiliser un emplacement ; elle ne vous en "
                "rend pas propriétaire. Elle peut être achetée à l'avance, de votre vivant, "
                "au cimetière des Prés. Au cimetière du Centre, seuls les emplacements repris "
                "sont proposés. L'emplacement est choisi avec l'agent du service des "
                "cimetières (03 53 73 10 15).</p>"
                "<p>Lors d'un décès, l'entreprise de pompes funèbres choisie par la famille "
                "se charge des demandes d'autorisation auprès de la mairie.</p>",
            ),
            ("heading", "Renouveler une concession"),
            (
                "paragraph",
                "<p>Six mois avant l'échéance, la ville écrit aux familles connues. Le "
                "renouvellement se fait au tarif en vigueur, jusqu'à deux ans après la date "
                "d'échéance. Passé ce délai, l'emplacement peut être repris par la commune.</p>",
            ),
            ("heading", "Horaires et travaux"),
            (
                "paragraph",
                "<p>Les cimetières sont ouverts tous les jours, de 8 h à 19 h du 1er avril au "
                "31 octobre et de 8 h à 17 h 30 du 1er novembre au 31 mars. Les véhicules "
                "n'y entrent pas, sauf autorisation pour les personnes à mobilité "
                "réduite.</p>"
                "<p>Les travaux sur une tombe sont déclarés au service des cimetières au moins "
                "8 jours avant. Ils sont interdits le week-end, les jours fériés et la semaine "
                "de la Toussaint.</p>",
            ),
            (
                "faq",
                [
                    {
                        "question": "Comment retrouver la tombe d'un proche ?",
                        "answer": (
                            "<p>Le service des cimetières peut la localiser à partir du nom "
                            "et de l'année du décès. Un plan est affiché à l'entrée de chaque "
                            "cimetière.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Sécurité et prévention
    # ------------------------------------------------------------------
    {
        "slug": "tranquillite-vacances",
        "section": "securite",
        "title": "Opération tranquillité vacances",
        "intro": (
            "Pendant votre absence, la police municipale et la police nationale surveillent "
            "votre logement au cours de leurs patrouilles. Ce service gratuit fonctionne "
            "toute l'année."
        ),
        "who": (
            "Les habitants de Villeneuve-sur-Lys, propriétaires ou locataires, qui "
            "s'absentent au moins 3 jours (maison, appartement ou commerce)"
        ),
        "documents": [
            "Formulaire de demande",
            "Pièce d'identité",
            "Justificatif de domicile",
            "Coordonnées d'une personne à prévenir en cas de problème",
        ],
        "cost": "Gratuit",
        "delay": "Demande à faire au moins 7 jours avant votre départ",
        "online_url": "https://demarches.villeneuve-sur-lys.fr/tranquillite-vacances",
        "place": "police-municipale",
        "profiles": ["seniors", "familles"],
        "themes": ["securite"],
        "body": [
            ("heading", "Comment ça marche"),
            (
                "paragraph",
                "<p>Remplissez le formulaire en ligne ou déposez-le au poste de police "
                "municipale, ouvert au public du lundi au vendredi de 8 h 30 à 12 h et de "
                "13 h 30 à 17 h 30, et le samedi de 9 h à 12 h. Votre demande est transmise "
                "au commissariat.</p>"
                "<p>Pendant votre absence, les patrouilles passent devant votre domicile, de "
                "jour comme de nuit, et vérifient les portes, les fenêtres et les accès du "
                "jardin. En cas d'anomalie, vous êtes prévenu, ou la personne que vous avez "
                "désignée.</p>",
            ),
            ("heading", "Avant de partir"),
            (
                "paragraph",
                "<ul>"
                "<li>Ne signalez pas votre départ sur les réseaux sociaux.</li>"
                "<li>Faites relever votre courrier par un voisin ou un proche.</li>"
                "<li>Donnez une impression de présence : programmateur pour l'éclairage, "
                "volets ouverts dans la journée par un voisin.</li>"
                "<li>Mettez vos bijoux et objets de valeur en lieu sûr et notez les numéros "
                "de série de vos appareils.</li>"
                "<li>Ne cachez pas de clé sous le paillasson ni dans une jardinière.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "En cas d'urgence",
                    "text": (
                        "<p>Composez le 17 ou le 112. Si vous découvrez un cambriolage à "
                        "votre retour, ne touchez à rien et appelez la police.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Je rentre plus tôt que prévu.",
                        "answer": (
                            "<p>Prévenez la police municipale au 03 53 73 10 17 pour que la "
                            "surveillance s'arrête.</p>"
                        ),
                    },
                    {
                        "question": "La surveillance est-elle limitée dans le temps ?",
                        "answer": (
                            "<p>Non, elle couvre toute la durée de l'absence indiquée dans "
                            "votre demande, en été comme pendant le reste de l'année.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Vie associative
    # ------------------------------------------------------------------
    {
        "slug": "subvention-association",
        "section": "vie-associative",
        "title": "Demander une subvention pour son association",
        "intro": (
            "La ville soutient les associations qui agissent pour ses habitants : "
            "subventions de fonctionnement votées chaque année, aides ponctuelles pour "
            "un projet et aides en nature."
        ),
        "who": (
            "Les associations déclarées ayant leur siège ou une activité régulière à "
            "Villeneuve-sur-Lys depuis au moins un an"
        ),
        "documents": [
            "Formulaire cerfa n° 12156 ou dossier en ligne",
            "Statuts et composition du bureau à jour",
            "Numéros SIRET et RNA",
            "Dernier compte rendu d'assemblée générale et rapport d'activité",
            "Comptes du dernier exercice et budget prévisionnel",
            "Relevé d'identité bancaire au nom de l'association",
        ],
        "cost": "Gratuit",
        "delay": (
            "Fonctionnement : dossier du 1er octobre au 30 novembre, vote en mars, "
            "versement en avril-mai ; projet ponctuel : au moins 3 mois avant l'action"
        ),
        "online_url": "https://demarches.villeneuve-sur-lys.fr/subventions",
        "place": "maison-des-associations",
        "profiles": ["associations"],
        "themes": ["vie-associative"],
        "body": [
            (
                "callout",
                {
                    "title": "Campagne 2027",
                    "text": (
                        "<p>Les dossiers de subvention de fonctionnement pour 2027 sont "
                        "à déposer jusqu'au lundi 30 novembre 2026.</p>"
                    ),
                },
            ),
            ("heading", "Les aides possibles"),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Subvention de fonctionnement</strong> : pour les activités "
                "courantes de l'année.</li>"
                "<li><strong>Subvention de projet</strong> : pour un événement, un "
                "équipement ou une action nouvelle.</li>"
                "<li><strong>Aides en nature</strong> : prêt de salles et de matériel "
                "(tables, barnums, sonorisation), impressions, annonces dans le magazine "
                "municipal et l'agenda du site.</li>"
                "</ul>"
                "<p>Les aides en nature sont valorisées dans votre dossier : pensez à les "
                "indiquer dans vos comptes.</p>",
            ),
            ("heading", "Comment le dossier est étudié"),
            (
                "paragraph",
                "<p>Le service vie associative vérifie le dossier, puis la commission vie "
                "associative l'examine en janvier et février. Elle tient compte de l'intérêt "
                "local de vos actions, du nombre d'adhérents villeneuvois, des actions menées "
                "pour les jeunes et les seniors, de votre autofinancement et de l'utilisation "
                "de la subvention précédente. Le conseil municipal vote les montants en mars "
                "et vous recevez une lettre de notification.</p>"
                "<p>En demandant une subvention, l'association s'engage à respecter le "
                "contrat d'engagement républicain. Au-delà de 23 000 €, une convention "
                "d'objectifs est signée avec la ville.</p>",
            ),
            (
                "faq",
                [
                    {
                        "question": "C'est notre première demande.",
                        "answer": (
                            "<p>Prenez rendez-vous avec le service vie associative à la "
                            "maison des associations (03 53 73 10 70, "
                            "associations@villeneuve-sur-lys.fr) : un agent vous aide à "
                            "remplir le dossier et à construire votre budget.</p>"
                        ),
                    },
                    {
                        "question": "Que faut-il fournir après avoir reçu la subvention ?",
                        "answer": (
                            "<p>Un compte rendu financier (cerfa n° 15059) dans les six mois "
                            "qui suivent la fin de votre exercice, montrant l'utilisation de "
                            "la somme reçue.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    {
        "slug": "location-de-salles",
        "section": "vie-associative",
        "title": "Location de salles municipales",
        "intro": (
            "La ville loue plusieurs salles aux habitants, aux associations et aux "
            "entreprises pour une fête de famille, une réunion ou une manifestation."
        ),
        "who": (
            "Les particuliers majeurs, les associations et les entreprises ; tarifs réduits "
            "pour les habitants et les associations de la ville"
        ),
        "documents": [
            "Pièce d'identité et justificatif de domicile (particuliers)",
            "Statuts ou extrait Kbis (associations et entreprises)",
            "Attestation d'assurance responsabilité civile couvrant la date de location",
            "Chèque de caution",
        ],
        "cost": (
            "De 45 € la demi-journée à 650 € le week-end selon la salle ; gratuit en semaine "
            "pour les associations de la ville"
        ),
        "delay": "Réservation jusqu'à 12 mois à l'avance ; confirmation sous 15 jours",
        "online_url": "https://demarches.villeneuve-sur-lys.fr/location-salles",
        "place": "maison-des-associations",
        "profiles": ["associations", "familles", "professionnels"],
        "themes": ["vie-associative"],
        "body": [
            ("heading", "Les salles et leurs tarifs"),
            (
                "table",
                {
                    "caption": (
                        "Salles à louer (tarifs pour un week-end, "
                        "du vendredi 17 h au lundi 9 h)"
                    ),
                    "headers": ["Salle", "Capacité", "Habitants", "Extérieurs", "Caution"],
                    "rows": [
                        [
                            "Espace Lys (centre-ville), cuisine, scène et sonorisation",
                            "300 personnes assises",
                            "650 €",
                            "1 200 €",
                            "1 500 €",
                        ],
                        [
                            "Salle polyvalente de Bois-Fleuri, cuisine équipée",
                            "120 personnes",
                            "320 €",
                            "600 €",
                            "1 000 €",
                        ],
                        [
                            "Salle du Moulin, office traiteur",
                            "80 personnes",
                            "220 €",
                            "450 €",
                            "800 €",
                        ],
                        [
                            "Salles de réunion de la maison des associations (demi-journée)",
                            "15 à 40 personnes",
                            "45 €",
                            "90 €",
                            "200 €",
                        ],
                    ],
                },
            ),
            ("heading", "Réserver une salle"),
            (
                "paragraph",
                "<ol>"
                "<li>Consultez les disponibilités en ligne et envoyez votre demande de "
                "réservation.</li>"
                "<li>Sous 15 jours, vous recevez le contrat de location. Renvoyez-le signé "
                "avec un acompte de 30 %, l'attestation d'assurance et le chèque de "
                "caution.</li>"
                "<li>Un état des lieux est fait à la remise des clés, le vendredi à 17 h, "
                "et à leur retour, le lundi à 9 h. Le solde est réglé à la remise des "
                "clés.</li>"
                "</ol>",
            ),
            (
                "callout",
                {
                    "title": "Respect du voisinage",
                    "text": (
                        "<p>La musique amplifiée doit cesser à 1 h du matin ; l'Espace Lys "
                        "est équipé d'un limiteur de son. La salle est rendue propre, "
                        "déchets triés. En cas de manquement, tout ou partie de la caution "
                        "est conservée.</p>"
                    ),
                },
            ),
            (
                "faq",
                [
                    {
                        "question": "Les associations de la ville paient-elles ?",
                        "answer": (
                            "<p>Les salles sont gratuites pour elles en semaine, ainsi qu'un "
                            "week-end par an pour leur manifestation principale. Les autres "
                            "week-ends, le tarif habitants s'applique.</p>"
                        ),
                    },
                    {
                        "question": "Et si nous devons annuler ?",
                        "answer": (
                            "<p>Plus de deux mois avant la date, l'acompte est remboursé. "
                            "Ensuite, il est conservé, sauf cas de force majeure.</p>"
                        ),
                    },
                ],
            ),
        ],
    },
    # ------------------------------------------------------------------
    # Solidarités et santé
    # ------------------------------------------------------------------
    {
        "slug": "colis-seniors",
        "section": "solidarite-sante",
        "title": "Colis de fin d'année des seniors",
        "intro": (
            "Chaque année, à l'approche de Noël, le centre communal d'action sociale "
            "(CCAS) offre un colis gourmand aux habitants de 70 ans et plus. Ceux qui "
            "le préfèrent peuvent choisir le repas des aînés, en janvier."
        ),
        "who": "Les habitants de Villeneuve-sur-Lys âgés de 70 ans et plus au 31 décembre",
        "documents": [
            "Pièce d'identité",
            "Justificatif de domicile, pour une première inscription",
        ],
        "cost": "Gratuit",
        "delay": "Inscription du 1er septembre au 16 octobre ; distribution à la mi-décembre",
        "online_url": "https://demarches.villeneuve-sur-lys.fr/colis-seniors",
        "place": "ccas",
        "profiles": ["seniors"],
        "themes": ["solidarite"],
        "body": [
            ("heading", "Colis ou repas : à vous de choisir"),
            (
                "paragraph",
                "<p>Début septembre, le CCAS écrit aux personnes concernées inscrites sur les "
                "listes électorales. Si vous n'avez pas reçu ce courrier, inscrivez-vous "
                "vous-même en ligne, par téléphone au 03 53 73 10 60 ou à l'accueil du "
                "CCAS.</p>"
                "<ul>"
                "<li><strong>Le colis</strong> : spécialités de la région, chocolats et jus "
                "de pomme de la vallée de la Lys, préparés avec des producteurs locaux. Il "
                "existe une version pour une personne seule et une pour un couple.</li>"
                "<li><strong>Le repas des aînés</strong> : déjeuner dansant à l'Espace Lys le "
                "dimanche 17 janvier 2027, avec un spectacle. Une navette dessert chaque "
                "quartier.</li>"
                "</ul>"
                "<p>Les Villeneuvois qui vivent en maison de retraite reçoivent un présent "
                "adapté, remis par les élus.</p>",
            ),
            ("heading", "Distribution des colis 2026"),
            (
                "table",
                {
                    "caption": "Lieux et dates de distribution",
                    "headers": ["Lieu", "Date", "Horaires"],
                    "rows": [
                        [
                            "Espace Lys, centre-ville",
                            "Mardi 15 décembre",
                            "9 h - 12 h et 14 h - 17 h",
                        ],
                        ["Salle du Moulin", "Mercredi 16 décembre", "9 h - 12 h"],
                        [
                            "Salle polyvalente de Bois-Fleuri",
                            "Mercredi 16 décembre",
                            "14 h - 17 h",
                        ],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Vous ne pouvez pas vous déplacer ? Un proche peut retirer le colis avec "
                "votre lettre d'invitation et une copie de votre pièce d'identité. Si vous "
                "êtes seul et à mobilité réduite, demandez la livraison à domicile avant le "
                "vendredi 4 décembre.</p>",
            ),
            (
                "callout",
                {
                    "title": "Vous avez oublié de vous inscrire ?",
                    "text": (
                        "<p>Appelez le CCAS avant le 4 décembre : nous ferons notre possible. "
                        "Les colis non retirés au 8 janvier sont donnés à l'épicerie "
                        "solidaire.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "portage-de-repas",
        "section": "solidarite-sante",
        "title": "Portage de repas à domicile",
        "intro": (
            "Le CCAS livre des repas équilibrés chez les personnes âgées, handicapées ou de "
            "retour d'hospitalisation, du lundi au samedi. Le service peut être régulier "
            "ou ponctuel."
        ),
        "who": (
            "Les habitants de 60 ans et plus, les personnes en situation de handicap et "
            "toute personne temporairement dépendante (convalescence, sortie d'hôpital)"
        ),
        "documents": [
            "Pièce d'identité",
            "Dernier avis d'imposition",
            "Certificat médical en cas de régime alimentaire particulier",
            "Coordonnées d'un proche à prévenir",
        ],
        "cost": "De 5,90 € à 9,80 € le repas selon les ressources, livraison comprise",
        "delay": (
            "Premier repas livré sous 3 jours ouvrés après l'inscription ; "
            "commandes modifiables jusqu'à 72 heures à l'avance"
        ),
        "online_url": "",
        "place": "ccas",
        "profiles": ["seniors"],
        "themes": ["solidarite", "sante"],
        "body": [
            ("heading", "Le service"),
            (
                "paragraph",
                "<p>Chaque repas comprend une entrée, un plat avec son accompagnement, un "
                "fromage ou un laitage, un dessert, du pain et un potage pour le soir. Les "
                "repas sont préparés par la cuisine centrale de la ville et livrés en barquettes "
                "à réchauffer, entre 8 h 30 et 12 h, par un agent du CCAS. Les repas du "
                "dimanche et des jours fériés sont livrés la veille.</p>"
                "<p>Des menus adaptés sont proposés : sans sel, pour diabétiques, en texture "
                "mixée. L'agent prend aussi le temps d'échanger quelques mots ; si personne "
                "ne répond, il prévient le proche que vous avez désigné.</p>",
            ),
            (
                "table",
                {
                    "caption": "Prix du repas selon les revenus mensuels",
                    "headers": ["Personne seule", "Couple", "Prix du repas"],
                    "rows": [
                        ["Jusqu'à 1 050 €", "Jusqu'à 1 600 €", "5,90 €"],
                        ["De 1 051 à 1 500 €", "De 1 601 à 2 300 €", "7,40 €"],
                        ["Plus de 1 500 €", "Plus de 2 300 €", "9,80 €"],
                    ],
                },
            ),
            ("heading", "S'inscrire"),
            (
                "paragraph",
                "<p>Appelez le CCAS au 03 53 73 10 60 ou venez à l'accueil, du lundi au "
                "vendredi de 8 h 30 à 12 h et de 13 h 30 à 17 h. Une conseillère vient ensuite "
                "chez vous pour présenter le service et choisir les jours de livraison. Vous "
                "pouvez faire un essai d'une semaine et arrêter à tout moment en prévenant "
                "48 heures avant.</p>"
                "<p>Les repas sont facturés chaque mois et se règlent par prélèvement ou en "
                "ligne. L'allocation personnalisée d'autonomie (APA) peut en prendre "
                "une partie en charge.</p>",
            ),
            (
                "callout",
                {
                    "title": "Pour un proche",
                    "text": (
                        "<p>Un membre de la famille, un voisin ou le médecin traitant peut "
                        "faire la demande, avec l'accord de la personne concernée.</p>"
                    ),
                },
            ),
        ],
    },
]
