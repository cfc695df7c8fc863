"""The accessibility and eco-design statements of Villeneuve-sur-Lys, and what the audit the
accessibility statement is generated from adds to the site's own RGAA grid."""

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

# The statement's audit is the site's own grid (accessibility/data/grille-rgaa-site.toml):
# its date, author, pages and results come from there; this is what the grid does not say.
AUDIT = {
    "test_environment": [
        "Chromium (Debian) piloté par Playwright, à 1280, 640 et 320 px de large",
        "Navigation au clavier seul, en modes clair, sombre et contraste élevé",
    ],
    "tools": ["axe-core", "Nu Html Checker (vnu)", "Playwright"],
    "findings": [
        (
            "exempt",
            "",
            "Les bulletins municipaux publiés avant le 23 septembre 2018.",
        ),
    ],
}
