# Agenda de Villeneuve-sur-Lys (contenu de démonstration).
# Format : voir FORMAT.md. « day_offset » : jours à partir d'aujourd'hui (négatif = passé).
# « place » : slug d'un lieu de places.py, ou "" avec un lieu libre dans « location ».

EVENTS = [
    {
        "slug": "berges-propres-le-long-de-la-lys",
        "title": "Opération berges propres le long de la Lys",
        "day_offset": -9,
        "start_time": "09:00",
        "duration_hours": 3,
        "place": "",
        "location": "Rendez-vous au pont du Halage, quai du Halage",
        "audience": "Tout public (enfants accompagnés d'un adulte)",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Les Jardins partagés du Moulin",
        "themes": ["environnement", "vie-associative"],
        "profiles": ["familles", "associations"],
        "intro": (
            "Une matinée pour ramasser les déchets sur les berges et le chemin de halage, "
            "du pont du Halage au parc du Moulin."
        ),
        "body": [
            (
                "paragraph",
                "<p>Gants, sacs et pinces sont fournis par les services techniques. Prévoyez des "
                "bottes et des vêtements adaptés à la météo. Un café et une soupe chaude sont "
                "offerts aux participants à la fin de la matinée.</p>",
            ),
            (
                "callout",
                {
                    "title": "Sécurité",
                    "text": (
                        "<p>Les enfants restent sous la responsabilité de leurs parents. Ne "
                        "ramassez jamais d'objets coupants ou de seringues : signalez-les aux "
                        "encadrants.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "concert-de-la-sainte-cecile",
        "title": "Concert de la Sainte-Cécile de l'Harmonie municipale",
        "day_offset": -1,
        "start_time": "16:00",
        "duration_hours": 2,
        "place": "",
        "location": "Église Saint-Vaast, place de la Mairie",
        "audience": "Tout public",
        "price": "Gratuit, libre participation",
        "registration_url": "",
        "organiser": "Harmonie municipale de Villeneuve-sur-Lys",
        "themes": ["culture"],
        "profiles": ["familles", "seniors"],
        "intro": (
            "L'Harmonie fête la patronne des musiciens avec un programme de musiques de film, "
            "de marches et de pièces originales pour orchestre d'harmonie."
        ),
        "body": [
            (
                "paragraph",
                "<p>Sous la direction de Vincent Lemoine, une cinquantaine de musiciens "
                "interprètent des œuvres de Gustav Holst, Ennio Morricone et Jacques Offenbach. "
                "L'orchestre d'harmonie junior du conservatoire ouvre le concert.</p>",
            ),
            (
                "paragraph",
                "<p>Les nouveaux membres et les musiciens médaillés pour leurs années de "
                "pratique sont mis à l'honneur à l'entracte.</p>",
            ),
        ],
    },
    {
        "slug": "atelier-numerique-bien-utiliser-son-smartphone",
        "title": "Atelier numérique : bien utiliser son smartphone",
        "day_offset": 2,
        "start_time": "14:00",
        "duration_hours": 2,
        "place": "mediatheque",
        "location": "",
        "audience": "Seniors (60 ans et plus)",
        "price": "Gratuit",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/ateliers-numeriques",
        "organiser": "Médiathèque Marguerite-Yourcenar",
        "themes": ["education", "solidarite"],
        "profiles": ["seniors"],
        "intro": (
            "Photos, messages, appels vidéo, applications utiles : un atelier en petit groupe "
            "pour être plus à l'aise avec son téléphone."
        ),
        "body": [
            (
                "paragraph",
                "<p>L'atelier est animé par le conseiller numérique de la médiathèque. Six "
                "participants au plus, pour que chacun puisse poser ses questions.</p>"
                "<ul>"
                "<li>Apportez votre smartphone chargé et, si possible, vos identifiants de "
                "compte (Google ou Apple).</li>"
                "<li>Aucun niveau n'est demandé.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Inscription",
                    "text": (
                        "<p>Par téléphone au 03 53 73 10 40, à l'accueil de la médiathèque ou "
                        "en ligne.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "soiree-jeux-de-societe-en-famille",
        "title": "Soirée jeux de société en famille",
        "day_offset": 4,
        "start_time": "18:00",
        "duration_hours": 3,
        "place": "centre-social",
        "location": "",
        "audience": "Tout public, enfants à partir de 5 ans accompagnés",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Centre social du Bois-Fleuri",
        "themes": ["enfance", "vie-associative"],
        "profiles": ["familles"],
        "intro": (
            "Jeux de plateau, de cartes et d'ambiance pour tous les âges, expliqués par "
            "l'équipe du centre social."
        ),
        "body": [
            (
                "paragraph",
                "<p>Plus de 80 jeux sont à disposition. Chaque famille est invitée à apporter "
                "un plat sucré ou salé pour un buffet partagé à 19 h 30.</p>",
            ),
            (
                "paragraph",
                "<p>Vous aimez un jeu ? Vous pourrez l'emprunter ensuite à la médiathèque, qui "
                "prête une partie des jeux présentés.</p>",
            ),
        ],
    },
    {
        "slug": "bourse-aux-jouets",
        "title": "Bourse aux jouets et aux vêtements d'enfants",
        "day_offset": 5,
        "start_time": "09:00",
        "duration_hours": 5,
        "place": "centre-social",
        "location": "",
        "audience": "Tout public",
        "price": "Entrée libre ; table de 1,80 m : 5 € pour les exposants",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/bourse-aux-jouets",
        "organiser": "Centre social du Bois-Fleuri",
        "themes": ["solidarite", "environnement"],
        "profiles": ["familles"],
        "intro": (
            "Jouets, jeux, livres, vêtements et matériel de puériculture d'occasion, vendus par "
            "des particuliers avant les fêtes."
        ),
        "body": [
            (
                "paragraph",
                "<p>Réservé aux particuliers, dans la limite de 45 tables. Les exposants "
                "s'installent à partir de 8 h. Les jouets doivent être propres et complets.</p>",
            ),
            (
                "callout",
                {
                    "title": "Don des invendus",
                    "text": (
                        "<p>Les exposants peuvent laisser leurs invendus en fin de journée : ils "
                        "sont remis à l'épicerie solidaire La Passerelle pour les familles "
                        "qu'elle accompagne.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "heure-du-conte-histoires-d-hiver",
        "title": "Heure du conte : histoires d'hiver",
        "day_offset": 9,
        "start_time": "10:30",
        "duration_hours": 1,
        "place": "mediatheque",
        "location": "",
        "audience": "Enfants de 3 à 6 ans",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Médiathèque Marguerite-Yourcenar",
        "themes": ["culture", "enfance"],
        "profiles": ["familles"],
        "intro": (
            "Des albums, des comptines et un kamishibaï sur le thème de la neige et du froid, "
            "racontés par les bibliothécaires."
        ),
        "body": [
            (
                "paragraph",
                "<p>Les enfants sont accompagnés d'un adulte. Entrée libre dans la limite des "
                "places disponibles, à l'espace jeunesse, au premier étage (ascenseur).</p>",
            ),
            (
                "paragraph",
                "<p>La séance se termine par un petit coloriage à emporter.</p>",
            ),
        ],
    },
    {
        "slug": "collecte-de-sang",
        "title": "Collecte de sang",
        "day_offset": 9,
        "start_time": "15:00",
        "duration_hours": 4.5,
        "place": "",
        "location": "Salle des fêtes, rue Pasteur",
        "audience": "Adultes de 18 à 70 ans",
        "price": "Gratuit",
        "registration_url": "https://dondesang.efs.sante.fr/",
        "organiser": "Amicale des donneurs de sang bénévoles de Villeneuve-sur-Lys",
        "themes": ["sante", "solidarite"],
        "profiles": ["jeunes", "seniors"],
        "intro": (
            "Les réserves de sang sont souvent basses en fin d'année. Un don prend environ une "
            "heure, collation comprise."
        ),
        "body": [
            (
                "paragraph",
                "<ul>"
                "<li>Prenez rendez-vous en ligne pour éviter l'attente ; les donneurs sans "
                "rendez-vous sont aussi accueillis.</li>"
                "<li>Venez avec une pièce d'identité.</li>"
                "<li>Ne venez pas à jeun et buvez beaucoup d'eau avant le don.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Premier don",
                    "text": (
                        "<p>Un médecin de l'Établissement français du sang vous reçoit avant le "
                        "don pour vérifier que vous pouvez donner.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "conference-la-lys-riviere-doree",
        "title": "Conférence : la Lys, rivière dorée",
        "day_offset": 11,
        "start_time": "18:30",
        "duration_hours": 1.5,
        "place": "mediatheque",
        "location": "",
        "audience": "Adultes et adolescents",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Médiathèque Marguerite-Yourcenar",
        "themes": ["culture"],
        "profiles": ["seniors", "nouveaux-habitants"],
        "intro": (
            "Du rouissage du lin à la batellerie, comment la rivière a façonné le travail et "
            "les paysages de Villeneuve-sur-Lys."
        ),
        "body": [
            (
                "paragraph",
                "<p>L'historienne Bénédicte Vanacker, auteure d'une thèse sur l'industrie "
                "linière dans la vallée de la Lys, présente photographies anciennes, "
                "témoignages et archives communales. La conférence est suivie d'un échange "
                "avec le public.</p>",
            ),
            (
                "paragraph",
                "<p>En complément, l'exposition « La Lys, rivière dorée », présentée lors de la "
                "fête de la Lys, reste visible à la médiathèque aux heures d'ouverture.</p>",
            ),
        ],
    },
    {
        "slug": "telethon-defis-nautiques",
        "title": "Téléthon : défis nautiques à la piscine",
        "day_offset": 12,
        "start_time": "14:00",
        "duration_hours": 6,
        "place": "piscine",
        "location": "",
        "audience": "Tout public, enfants sachant nager",
        "price": "Participation libre, 2 € minimum par défi",
        "registration_url": "",
        "organiser": "Les Nageurs de la Lys",
        "themes": ["sport", "solidarite"],
        "profiles": ["familles", "jeunes", "associations"],
        "intro": (
            "Nagez pour la recherche : chaque longueur compte. Tous les dons sont reversés à "
            "l'AFM-Téléthon."
        ),
        "body": [
            (
                "paragraph",
                "<ul>"
                "<li>Relais des familles et des associations.</li>"
                "<li>Défi « 1 000 longueurs » : tous les nageurs cumulent leurs longueurs.</li>"
                "<li>Baptêmes de plongée à partir de 8 ans.</li>"
                "<li>Buvette et vente de gâteaux au profit du Téléthon.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Accès au bassin",
                    "text": (
                        "<p>La piscine est fermée au public en accès classique pendant "
                        "l'opération. Les dons à l'AFM-Téléthon ouvrent droit à une réduction "
                        "d'impôt.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "loto-du-club-des-aines",
        "title": "Loto du Club des aînés",
        "day_offset": 15,
        "start_time": "14:00",
        "duration_hours": 4,
        "place": "maison-des-associations",
        "location": "",
        "audience": "Tout public",
        "price": "2 € le carton, 10 € les six cartons",
        "registration_url": "",
        "organiser": "Club des aînés Les Bords de Lys",
        "themes": ["vie-associative"],
        "profiles": ["seniors"],
        "intro": (
            "Un loto de fin d'année avec des paniers garnis, des bons d'achat chez les "
            "commerçants de la ville et une tablette numérique à gagner."
        ),
        "body": [
            (
                "paragraph",
                "<p>Ouverture des portes à 13 h, début des parties à 14 h, salle de la Lys. "
                "Pâtisseries et boissons chaudes en vente sur place. Pensez à apporter vos "
                "jetons ou vos crayons.</p>",
            ),
            (
                "paragraph",
                "<p>Les bénéfices financent la sortie de printemps du club.</p>",
            ),
        ],
    },
    {
        "slug": "atelier-numerique-demarches-en-ligne",
        "title": "Atelier numérique : faire ses démarches en ligne",
        "day_offset": 16,
        "start_time": "14:00",
        "duration_hours": 2,
        "place": "mediatheque",
        "location": "",
        "audience": "Seniors (60 ans et plus)",
        "price": "Gratuit",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/ateliers-numeriques",
        "organiser": "Médiathèque Marguerite-Yourcenar",
        "themes": ["citoyennete", "solidarite"],
        "profiles": ["seniors"],
        "intro": (
            "Créer son compte FranceConnect, consulter ses remboursements de santé, suivre sa "
            "retraite : les démarches courantes pas à pas."
        ),
        "body": [
            (
                "paragraph",
                "<p>L'atelier se déroule sur les ordinateurs de la médiathèque. Apportez votre "
                "numéro de sécurité sociale, votre adresse électronique et son mot de passe, "
                "ainsi que votre téléphone portable pour recevoir les codes de "
                "confirmation.</p>",
            ),
            (
                "callout",
                {
                    "title": "Besoin d'une aide individuelle ?",
                    "text": (
                        "<p>Le conseiller numérique reçoit aussi sur rendez-vous d'une heure. "
                        "Vos données personnelles restent confidentielles.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "conseil-municipal-seance-publique",
        "title": "Conseil municipal : séance publique",
        "day_offset": 17,
        "start_time": "19:00",
        "duration_hours": 3,
        "place": "hotel-de-ville",
        "location": "",
        "audience": "Tout public",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Ville de Villeneuve-sur-Lys",
        "themes": ["citoyennete"],
        "profiles": ["nouveaux-habitants", "associations"],
        "intro": (
            "Le conseil municipal se réunit en séance publique, salle du conseil. À l'ordre du "
            "jour : le vote du budget primitif 2027."
        ),
        "body": [
            (
                "paragraph",
                "<p>Principaux points à l'ordre du jour :</p>"
                "<ul>"
                "<li>budget primitif 2027 et taux d'imposition ;</li>"
                "<li>subventions aux associations ;</li>"
                "<li>autorisation de signer le marché de réaménagement de la place de la "
                "Gare ;</li>"
                "<li>questions diverses.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Le public peut assister aux débats mais ne prend pas la parole pendant la "
                "séance. La salle est accessible en fauteuil roulant par l'ascenseur. La séance "
                "est aussi retransmise en direct sur la chaîne vidéo de la Ville.</p>",
            ),
        ],
    },
    {
        "slug": "marche-de-noel",
        "title": "Marché de Noël",
        "day_offset": 19,
        "start_time": "10:00",
        "duration_hours": 10,
        "place": "",
        "location": "Place de la Mairie et parvis de l'église Saint-Vaast",
        "audience": "Tout public",
        "price": "Entrée libre",
        "registration_url": "",
        "organiser": "Comité des fêtes de Villeneuve-sur-Lys",
        "themes": ["culture", "economie-emploi"],
        "profiles": ["familles"],
        "intro": (
            "Quarante chalets d'artisans et de producteurs, une patinoire pour les enfants, "
            "le Père Noël et des concerts, au cœur du centre-ville."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le marché est ouvert deux jours : de 10 h à 20 h le premier jour, de 10 h à "
                "18 h le lendemain.</p>"
                "<ul>"
                "<li>Patinoire synthétique gratuite pour les 3-12 ans.</li>"
                "<li>Photos avec le Père Noël de 14 h à 18 h.</li>"
                "<li>Concert de l'Harmonie municipale à 16 h le premier jour.</li>"
                "<li>Défilé aux lampions à 18 h, départ de la médiathèque.</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "title": "Stationnement",
                    "text": (
                        "<p>La place de la Mairie et le début de la rue de la Lys sont fermés à la "
                        "circulation. Garez-vous sur le parking gratuit de l'avenue de la "
                        "Gare, à cinq minutes à pied.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "concert-de-noel-des-eleves-du-conservatoire",
        "title": "Concert de Noël des élèves du conservatoire",
        "day_offset": 22,
        "start_time": "19:00",
        "duration_hours": 1.5,
        "place": "conservatoire",
        "location": "",
        "audience": "Tout public",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Conservatoire de musique et de danse",
        "themes": ["culture", "education"],
        "profiles": ["familles"],
        "intro": (
            "Orchestre à cordes, ensemble de guitares et chorale d'enfants réunis pour un concert "
            "de fin de trimestre aux couleurs de Noël."
        ),
        "body": [
            (
                "paragraph",
                "<p>Plus de 90 élèves, du premier au troisième cycle, montent sur la scène de "
                "l'auditorium. Le programme mêle chants traditionnels, musiques de film et "
                "pièces classiques.</p>",
            ),
            (
                "callout",
                {
                    "title": "Places limitées",
                    "text": (
                        "<p>L'auditorium compte 180 places. Entrée libre dans la limite des "
                        "places disponibles, ouverture des portes à 18 h 30.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "spectacle-jeune-public-flocon-et-la-riviere-gelee",
        "title": "Spectacle jeune public : « Flocon et la rivière gelée »",
        "day_offset": 23,
        "start_time": "15:00",
        "duration_hours": 1,
        "place": "",
        "location": "Espace culturel La Filature, 30 rue des Tisserands",
        "audience": "Enfants de 3 à 8 ans",
        "price": "Gratuit, sur réservation",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/billetterie",
        "organiser": "Ville de Villeneuve-sur-Lys",
        "themes": ["culture", "enfance"],
        "profiles": ["familles"],
        "intro": (
            "Un conte musical avec marionnettes : le petit bonhomme de neige Flocon part à la "
            "recherche du printemps le long de la rivière."
        ),
        "body": [
            (
                "paragraph",
                "<p>Spectacle de la compagnie Les Mains bavardes, 45 minutes, suivi d'un goûter "
                "offert par la Ville. Les enfants doivent être accompagnés d'un adulte.</p>",
            ),
            (
                "paragraph",
                "<p>Les places sont à réserver en ligne ou à l'accueil de l'hôtel de ville, "
                "dans la limite de quatre places par famille.</p>",
            ),
        ],
    },
    {
        "slug": "stage-hip-hop-vacances-de-noel",
        "title": "Stage de danse hip-hop pendant les vacances",
        "day_offset": 28,
        "start_time": "10:00",
        "duration_hours": 3,
        "place": "conservatoire",
        "location": "",
        "audience": "Jeunes de 11 à 17 ans",
        "price": "25 € les trois matinées",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/stage-hip-hop",
        "organiser": "Conservatoire de musique et de danse",
        "themes": ["culture", "sport"],
        "profiles": ["jeunes"],
        "intro": (
            "Trois matinées pour apprendre les bases du breaking et du popping et monter une "
            "courte chorégraphie, ouvertes aux débutants."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le stage a lieu trois matinées de suite, de 10 h à 13 h, avec la danseuse "
                "Maëva Toussaint. Les familles sont invitées à la présentation de la "
                "chorégraphie à la fin de la dernière matinée.</p>",
            ),
            (
                "callout",
                {
                    "title": "À prévoir",
                    "text": (
                        "<p>Tenue souple, baskets propres réservées à la salle, bouteille d'eau. "
                        "Quinze places ; tarif réduit à 12 € pour les familles dont le quotient "
                        "familial est inférieur à 600 €.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "tournoi-de-futsal-jeunes",
        "title": "Tournoi de futsal des jeunes",
        "day_offset": 33,
        "start_time": "09:00",
        "duration_hours": 8,
        "place": "",
        "location": "Salle de sports Léo-Lagrange, 18 rue des Prés",
        "audience": "Jeunes de 10 à 15 ans",
        "price": "Gratuit pour le public ; inscription d'une équipe : 20 €",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/tournoi-futsal",
        "organiser": "Union sportive villeneuvoise (football)",
        "themes": ["sport"],
        "profiles": ["jeunes", "familles"],
        "intro": (
            "Seize équipes de 10-12 ans et de 13-15 ans s'affrontent pendant les vacances. "
            "Les équipes de quartier et les clubs voisins sont les bienvenus."
        ),
        "body": [
            (
                "paragraph",
                "<ul>"
                "<li>Équipes de cinq joueurs et trois remplaçants, mixité encouragée.</li>"
                "<li>Matchs de 10 minutes, phases de poules le matin, finales l'après-midi.</li>"
                "<li>Chaque équipe doit être accompagnée d'un adulte responsable.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Remise des coupes à 16 h 30 en présence de l'adjoint aux sports. Buvette et "
                "petite restauration sur place.</p>",
            ),
        ],
    },
    {
        "slug": "voeux-de-la-maire-a-la-population",
        "title": "Cérémonie des vœux de la maire à la population",
        "day_offset": 46,
        "start_time": "18:30",
        "duration_hours": 2,
        "place": "",
        "location": "Salle des fêtes, rue Pasteur",
        "audience": "Tout public",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Ville de Villeneuve-sur-Lys",
        "themes": ["citoyennete"],
        "profiles": ["nouveaux-habitants", "associations", "professionnels"],
        "intro": (
            "Sophie Lemaire, maire de Villeneuve-sur-Lys, et le conseil municipal présentent "
            "leurs vœux et les projets de l'année aux habitants."
        ),
        "body": [
            (
                "paragraph",
                "<p>La cérémonie est suivie d'un verre de l'amitié. Les nouveaux habitants "
                "arrivés dans l'année sont particulièrement invités : un accueil leur est "
                "réservé à l'entrée, avec le guide des nouveaux habitants.</p>",
            ),
            (
                "paragraph",
                "<p>Accès en fauteuil roulant par l'entrée latérale. La cérémonie est "
                "interprétée en langue des signes française.</p>",
            ),
        ],
    },
    {
        "slug": "atelier-compostage-et-paillage",
        "title": "Atelier compostage et paillage",
        "day_offset": 47,
        "start_time": "10:00",
        "duration_hours": 2,
        "place": "",
        "location": "Jardins partagés du Moulin, parc du Moulin, chemin du Halage",
        "audience": "Tout public",
        "price": "Gratuit",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/atelier-compostage",
        "organiser": "Les Jardins partagés du Moulin",
        "themes": ["environnement"],
        "profiles": ["familles", "seniors"],
        "intro": (
            "Réussir son compost, l'utiliser au jardin et réduire ses déchets de cuisine de près "
            "d'un tiers : un atelier pratique en plein air."
        ),
        "body": [
            (
                "paragraph",
                "<p>Démonstration de compostage en bac et de lombricompostage pour les "
                "appartements, puis mise en pratique dans le jardin. Prévoyez des vêtements "
                "chauds et des bottes.</p>",
            ),
            (
                "callout",
                {
                    "title": "Composteur à prix réduit",
                    "text": (
                        "<p>Les participants peuvent réserver un composteur de 400 litres à 15 € "
                        "auprès de la communauté d'agglomération.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "reunion-publique-reamenagement-place-de-la-gare",
        "title": "Réunion publique : le réaménagement de la place de la Gare",
        "day_offset": 50,
        "start_time": "18:30",
        "duration_hours": 2,
        "place": "",
        "location": "Salle polyvalente de la Gare, 2 rue de l'Industrie",
        "audience": "Tout public",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Ville de Villeneuve-sur-Lys",
        "themes": ["urbanisme", "travaux"],
        "profiles": ["professionnels", "familles"],
        "intro": (
            "Présentation du projet définitif, du calendrier des travaux et des changements de "
            "circulation, puis temps d'échange avec les habitants et les commerçants."
        ),
        "body": [
            (
                "paragraph",
                "<p>Le projet prévoit une place piétonne devant la gare, 60 arbres, un abri vélos "
                "sécurisé, une gare routière réorganisée et un parking de 120 places. Il tient "
                "compte des remarques recueillies lors de la concertation de l'an dernier.</p>",
            ),
            (
                "paragraph",
                "<p>Les plans sont exposés dans le hall de l'hôtel de ville pendant les deux "
                "semaines qui suivent la réunion. Un registre permet de laisser vos "
                "observations.</p>",
            ),
        ],
    },
    {
        "slug": "tournoi-interclubs-de-judo",
        "title": "Tournoi interclubs de judo",
        "day_offset": 54,
        "start_time": "09:00",
        "duration_hours": 8,
        "place": "",
        "location": "Salle de sports Léo-Lagrange, 18 rue des Prés",
        "audience": "Tout public",
        "price": "Gratuit",
        "registration_url": "",
        "organiser": "Judo club villeneuvois",
        "themes": ["sport"],
        "profiles": ["jeunes", "familles"],
        "intro": (
            "Plus de 300 judokas de 14 clubs de la région, des mini-poussins aux minimes, "
            "combattent sur quatre tapis."
        ),
        "body": [
            (
                "paragraph",
                "<p>Les plus jeunes combattent le matin, les benjamins et les minimes "
                "l'après-midi. Les remises de médailles ont lieu après chaque catégorie.</p>",
            ),
            (
                "paragraph",
                "<p>Buvette et restauration tenues par les parents bénévoles du club. Le parking "
                "de la piscine des Prés est ouvert aux visiteurs.</p>",
            ),
        ],
    },
    {
        "slug": "banquet-des-aines",
        "title": "Banquet des aînés",
        "day_offset": 62,
        "start_time": "12:00",
        "duration_hours": 6,
        "place": "",
        "location": "Salle des fêtes, rue Pasteur",
        "audience": "Habitants de 70 ans et plus",
        "price": "Gratuit sur inscription ; accompagnant de moins de 70 ans : 35 €",
        "registration_url": "",
        "organiser": "CCAS de Villeneuve-sur-Lys",
        "themes": ["solidarite"],
        "profiles": ["seniors"],
        "intro": (
            "Le repas offert par le CCAS aux Villeneuvois de 70 ans et plus, suivi d'un "
            "après-midi dansant avec orchestre."
        ),
        "body": [
            (
                "paragraph",
                "<p>Au menu, préparé par un traiteur de la commune : velouté de potiron, "
                "carbonade flamande, fromages de la région et tarte au sucre. Un menu sans porc "
                "et un menu végétarien sont proposés à l'inscription.</p>",
            ),
            (
                "callout",
                {
                    "title": "Inscription obligatoire",
                    "text": (
                        "<p>Auprès du CCAS, 3 rue Jean-Jaurès, ou au 03 53 73 10 30. Un "
                        "transport en minibus est organisé pour les personnes qui ne peuvent "
                        "pas venir par leurs propres moyens.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "theatre-un-fil-a-la-patte",
        "title": "Théâtre : « Un fil à la patte » par les Tréteaux de la Lys",
        "day_offset": 68,
        "start_time": "20:00",
        "duration_hours": 2.5,
        "place": "",
        "location": "Espace culturel La Filature, 30 rue des Tisserands",
        "audience": "Tout public à partir de 10 ans",
        "price": "8 € ; 4 € pour les moins de 16 ans",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/billetterie",
        "organiser": "Les Tréteaux de la Lys",
        "themes": ["culture", "vie-associative"],
        "profiles": ["familles", "seniors"],
        "intro": (
            "La troupe amateur de la ville s'attaque à la célèbre comédie de Georges Feydeau : "
            "quiproquos, portes qui claquent et fou rire garanti."
        ),
        "body": [
            (
                "paragraph",
                "<p>Quinze comédiens amateurs, des décors et costumes fabriqués par les bénévoles "
                "de l'association, une mise en scène d'Olivier Carpentier. Durée : 2 h 15 avec "
                "entracte.</p>",
            ),
            (
                "paragraph",
                "<p>Billets en vente en ligne et à la librairie des Tisserands. Les places non "
                "réservées sont vendues sur place à partir de 19 h 15.</p>",
            ),
        ],
    },
    {
        "slug": "brocante-d-hiver",
        "title": "Brocante d'hiver en salle",
        "day_offset": 76,
        "start_time": "08:00",
        "duration_hours": 9,
        "place": "",
        "location": "Salle de sports Léo-Lagrange, 18 rue des Prés",
        "audience": "Tout public",
        "price": "Entrée libre ; emplacement de 2 mètres : 8 € pour les exposants",
        "registration_url": "https://demarches.villeneuve-sur-lys.fr/brocante",
        "organiser": "Comité des fêtes de Villeneuve-sur-Lys",
        "themes": ["vie-associative", "environnement"],
        "profiles": ["familles", "associations"],
        "intro": (
            "Cent vingt exposants au chaud pour chiner vêtements, livres, vaisselle, meubles et "
            "objets de collection."
        ),
        "body": [
            (
                "paragraph",
                "<ul>"
                "<li>Réservé aux particuliers, deux emplacements au plus par foyer.</li>"
                "<li>Installation des exposants de 6 h 30 à 8 h.</li>"
                "<li>Une pièce d'identité est demandée à l'inscription, conformément à la "
                "réglementation des ventes au déballage.</li>"
                "</ul>",
            ),
            (
                "paragraph",
                "<p>Inscriptions en ligne ou lors des permanences du Comité des fêtes, à la "
                "maison des associations. Buvette et restauration sur place.</p>",
            ),
        ],
    },
]
