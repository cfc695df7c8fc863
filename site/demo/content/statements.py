"""The accessibility and eco-design statements of Villeneuve-sur-Lys, and the (fictional)
RGAA audit the accessibility statement is generated from."""

ACCESSIBILITY_STATEMENT = {
    "slug": "accessibilite",
    "title": "Déclaration d'accessibilité",
    "intro": (
        "Le site de la ville doit pouvoir être utilisé par tout le monde, quel que soit son "
        "handicap, son âge ou son équipement. Voici où nous en sommes."
    ),
    "body": [
        ("heading", "Nos engagements pour 2026"),
        (
            "paragraph",
            "<ul><li>Corriger les non-conformités listées sur cette page avant la fin de "
            "l'année.</li><li>Publier chaque délibération du conseil municipal avec un résumé "
            "en HTML, en plus du PDF.</li><li>Former chaque nouvel agent qui publie sur le site "
            "à l'écriture de contenus accessibles.</li></ul>",
        ),
    ],
}

ECO_DESIGN_STATEMENT = {
    "slug": "ecoconception",
    "title": "Déclaration d'écoconception",
    "intro": (
        "Un site plus léger s'ouvre plus vite, même avec une connexion faible ou un téléphone "
        "ancien, et consomme moins d'énergie. Voici nos choix et nos mesures."
    ),
    "body": [
        ("heading", "Nos engagements"),
        (
            "paragraph",
            "<ul><li>Ne publier que des contenus utiles aux habitants, et retirer chaque année "
            "ceux qui ne le sont plus.</li><li>Préférer une page en texte à un document PDF, et "
            "une image légère à une vidéo.</li><li>Vérifier le poids de chaque type de page à "
            "chaque nouvelle version du site.</li></ul>",
        ),
        (
            "paragraph",
            "<p>Ces choix suivent le référentiel général d'écoconception de services "
            "numériques (RGESN) publié par l'Arcep, l'Arcom et la Dinum.</p>",
        ),
    ],
}

# Documents linked from the accessibility statement, printed as tagged PDFs from these blocks.
MULTIYEAR_PLAN = {
    "slug": "schema-pluriannuel-accessibilite",
    "title": "Schéma pluriannuel de mise en accessibilité numérique 2026-2028",
    "body": [
        (
            "paragraph",
            "<p><strong>Objectif :</strong> rendre le site internet totalement conforme au RGAA "
            "d'ici 2028.</p>"
            "<p><strong>Moyens :</strong> un référent accessibilité au service communication, un "
            "audit tous les trois ans.</p>"
            "<p><strong>Formation :</strong> chaque agent qui publie sur le site est formé aux "
            "contenus accessibles.</p>",
        ),
    ],
}
ACTION_PLAN = {
    "slug": "plan-action-accessibilite-2026",
    "title": "Plan d'action accessibilité 2026",
    "body": [
        (
            "paragraph",
            "<ol><li>Publier chaque délibération en HTML, en plus du PDF balisé.</li>"
            "<li>Remplacer la carte des travaux par une liste des rues concernées.</li>"
            "<li>Sous-titrer les vidéos des conseils municipaux.</li></ol>",
        ),
    ],
}

AUDIT = {
    "audit_date": "2026-03-12",
    "auditor": "Lys Accessibilité Conseil (audit fictif de démonstration)",
    "applicable_criteria": 52,
    "met_criteria": 46,
    # Addresses on this site are given by their path: the statement adds the site's own.
    "audited_pages": [
        "Accueil /",
        "Contact /mairie/contact/",
        "Déclaration d'accessibilité /accessibilite/",
        "Agenda /agenda/",
        "Restauration scolaire /enfance-education/restauration-scolaire/",
        "Recherche /recherche/?q=piscine",
    ],
    "test_environment": [
        "NVDA 2025.3 et Firefox 140",
        "JAWS 2025 et Chrome 138",
        "VoiceOver et Safari sur iOS 18",
    ],
    "tools": ["Assistant RGAA", "Colour Contrast Analyser", "axe DevTools"],
    # The audit grid: every criterion applicable to the site, and the non-conformities
    # among them (criterion, what fails, the justification of a derogation if one covers
    # it). The other RGAA criteria do not apply (no frames, CAPTCHA or live video…).
    "applicable": [
        "1.1", "1.2", "1.3", "1.6", "1.7", "1.8",
        "3.1", "3.2", "3.3",
        "4.1", "4.3", "4.10", "4.11",
        "5.4", "5.6", "5.7",
        "6.1", "6.2",
        "7.1", "7.3",
        "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.9",
        "9.1", "9.2", "9.3",
        "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.8", "10.9", "10.11", "10.12",
        "11.1", "11.2", "11.9", "11.10",
        "12.1", "12.2", "12.6", "12.7", "12.8",
        "13.3",
    ],
    "non_conformities": [
        (
            "1.3",
            "Certaines images publiées avant 2024 dans les actualités ont un texte de "
            "remplacement qui ne décrit pas l'image.",
            "",
        ),
        (
            "1.6",
            "Le plan cadastral numérisé n'a pas de description détaillée.",
            "Le plan cadastral numérisé : une version accessible est envoyée sur demande au "
            "service urbanisme.",
        ),
        ("4.1", "Les vidéos des conseils municipaux n'ont pas de transcription textuelle.", ""),
        ("4.3", "Les vidéos des conseils municipaux n'ont pas encore de sous-titres.", ""),
        (
            "9.1",
            "Quelques actualités anciennes sautent un niveau d'intertitre.",
            "",
        ),
        (
            "13.3",
            "Quelques délibérations anciennes ne sont disponibles qu'en PDF, sans version "
            "accessible.",
            "",
        ),
    ],
    "findings": [
        (
            "exempt",
            "",
            "Les bulletins municipaux publiés avant le 23 septembre 2018.",
        ),
    ],
}
