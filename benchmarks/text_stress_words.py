"""The words text_stress.py writes into the scrapes it makes, per language (never corpus text)."""

from __future__ import annotations


MENU = {
    "en": "World Politics Business Tech Science Health Sports Entertainment Opinion Video Weather Local "
          "Newsletters Podcasts Travel Style Markets Climate Education Crime Lifestyle".split(),
    "de": "Politik Wirtschaft Sport Kultur Wissen Panorama Meinung Reise Auto Digital Gesundheit Regional "
          "Video Podcasts Newsletter Karriere".split(),
    "fr": "International Politique Économie Société Culture Sport Sciences Planète Idées Vidéos "
          "Podcasts Éducation Santé Météo".split(),
    "pt": "Mundo Política Economia Esportes Cultura Ciência Saúde Opinião Vídeos Tecnologia".split(),
}
HEADLINE_PARTS = {
    "en": (["City council", "State lawmakers", "The central bank", "Transit officials", "Regional hospital",
            "School board", "Farmers in the valley", "Harbour authority", "Retail chain", "Museum trustees"],
           ["approves", "rejects", "delays", "unveils", "weighs", "backs", "questions", "expands"],
           ["a plan to rebuild the old bridge", "new limits on short-term rentals", "cuts to library hours",
            "a tax on sugary drinks", "a four-day school week", "stricter rules for delivery drones",
            "a bid to host the regional games", "free night buses for students"],
           ["after a long debate", "amid protests", "as costs climb", "despite warnings", "for next year", ""]),
    "de": (["Der Stadtrat", "Die Landesregierung", "Die Zentralbank", "Der Verkehrsverbund", "Die Uniklinik",
            "Der Kreistag", "Die Bauern im Tal"],
           ["beschließt", "verschiebt", "prüft", "stoppt", "plant"],
           ["neue Regeln für Ferienwohnungen", "den Umbau der alten Brücke", "kürzere Öffnungszeiten",
            "eine Abgabe auf Einwegbecher", "kostenlose Nachtbusse"],
           ["nach langer Debatte", "trotz Protesten", "für das kommende Jahr", ""]),
    "fr": (["Le conseil municipal", "La région", "La banque centrale", "Le syndicat des transports",
            "L'hôpital régional", "Les agriculteurs de la vallée"],
           ["adopte", "rejette", "reporte", "dévoile", "examine"],
           ["un plan pour rénover le vieux pont", "de nouvelles règles pour les locations", "une taxe sur les sodas",
            "des bus de nuit gratuits", "la semaine de quatre jours"],
           ["après un long débat", "malgré les critiques", "pour l'an prochain", ""]),
    "pt": (["A câmara municipal", "O governo estadual", "O banco central", "Os agricultores do vale"],
           ["aprova", "rejeita", "adia", "anuncia"],
           ["um plano para a ponte velha", "novas regras para aluguéis", "ônibus noturnos gratuitos"],
           ["após longo debate", "apesar dos protestos", ""]),
}
TEASER_SENTENCE = {
    "en": "Officials said the decision would take effect next spring, although several members asked for "
          "another review of the costs before any work begins.",
    "de": "Die Entscheidung soll im kommenden Frühjahr in Kraft treten, doch mehrere Mitglieder verlangten "
          "vor Baubeginn eine weitere Prüfung der Kosten.",
    "fr": "La décision doit entrer en vigueur au printemps prochain, mais plusieurs élus ont demandé un nouvel "
          "examen des coûts avant le début des travaux.",
    "pt": "A decisão deve entrar em vigor na próxima primavera, mas vários membros pediram uma nova análise "
          "dos custos antes do início das obras.",
}
AGO = {"en": "{n} hours ago", "de": "vor {n} Stunden", "fr": "il y a {n} heures", "pt": "há {n} horas"}
RELATED_HEAD = {"en": "Related", "de": "Mehr zum Thema", "fr": "Sur le même sujet", "pt": "Relacionadas"}
READ_ALSO = {"en": "Read more: ", "de": "Lesen Sie auch: ", "fr": "Lire aussi : ", "pt": "Leia também: "}
BY = {"en": ("By", "with", "and"), "de": ("Von", "mit", "und"), "fr": ("Par", "avec", "et"), "pt": ("Por", "com", "e")}
WIRE = {"en": "By: Metro Wire Service", "de": "Von: Nachrichtenagentur", "fr": "Par : Agence", "pt": "Por: Agência"}
JOBS = {"en": ["Senior Political Correspondent", "Science Editor", "Chief Economics Reporter"],
        "de": ["Korrespondentin", "Wissenschaftsredakteur"], "fr": ["Correspondante", "Rédacteur en chef"],
        "pt": ["Correspondente", "Editora de Ciência"]}
CITIES = ["Leeds", "Hamburg", "Lyon", "Porto", "Denver"]
DATES = {"en": "March 12, 2021", "de": "12.03.2021", "fr": "12 mars 2021", "pt": "12 de março de 2021"}
EXTRA_NAMES = ["Nadia Okafor", "Tomás Ferreira", "Lena Brandt", "Owen Gallagher", "Priya Raman"]
SITE = "The Valley Courier"
HOME = {"en": "Home", "de": "Startseite", "fr": "Accueil", "pt": "Início"}
TOPIC = {"en": "EXCLUSIVE", "de": "Exklusiv", "fr": "Exclusif", "pt": "Exclusivo"}
CAPTION = {
    "en": ("Workers on the old quay at dawn on Tuesday, when the first lorries arrived for the site survey.",
           "Photo: Jan Holm / Valley Courier"),
    "de": ("Arbeiter am alten Kai am Dienstagmorgen, als die ersten Lastwagen für die Vermessung ankamen.",
           "Foto: Jan Holm / dpa"),
    "fr": ("Des ouvriers sur le vieux quai mardi à l'aube, à l'arrivée des premiers camions pour le relevé.",
           "Photo : Jan Holm / AFP"),
    "pt": ("Trabalhadores no velho cais na terça-feira de manhã, quando chegaram os primeiros caminhões.",
           "Foto: Jan Holm / Agência"),
}
PHOTO_CREDIT = {"en": "Photo: Jan Holm", "de": "Foto: Jan Holm", "fr": "Photo : Jan Holm", "pt": "Foto: Jan Holm"}
CONSENT = {
    "en": ["We use cookies to personalise content and ads and to analyse our traffic. You can change your "
           "choice at any time in the privacy settings.", "Accept all", "Manage preferences"],
    "de": ["Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und unseren Datenverkehr zu "
           "analysieren. Sie können Ihre Auswahl jederzeit in den Datenschutzeinstellungen ändern.",
           "Alle akzeptieren", "Einstellungen verwalten"],
    "fr": ["Nous utilisons des cookies pour personnaliser le contenu et les publicités et pour analyser notre "
           "trafic. Vous pouvez modifier votre choix à tout moment dans les paramètres.",
           "Tout accepter", "Gérer mes choix"],
    "pt": ["Utilizamos cookies para personalizar conteúdos e anúncios e para analisar o nosso tráfego. Pode "
           "alterar a sua escolha a qualquer momento nas definições.", "Aceitar todos", "Gerir preferências"],
}
APP_PROMO = {
    "en": ["Please wait…", "This feature is temporarily unavailable", "Download our app for the latest news"],
    "de": ["Bitte warten …", "Diese Funktion ist vorübergehend nicht verfügbar", "Laden Sie unsere App herunter"],
    "fr": ["Veuillez patienter…", "Cette fonctionnalité est temporairement indisponible",
           "Téléchargez notre application"],
    "pt": ["Aguarde…", "Esta funcionalidade está temporariamente indisponível", "Baixe o nosso aplicativo"],
}
GALLERY = {"en": "Gallery: {h} | 9 Photos", "de": "Bildergalerie: {h} (12 Bilder)",
           "fr": "Diaporama : {h} | 9 photos", "pt": "Galeria: {h} | 9 fotos"}
LIVE = {"en": "Follow our live coverage of the council vote", "de": "Alle Entwicklungen im Liveblog",
        "fr": "Revivez le direct de la séance du conseil", "pt": "Siga a nossa cobertura em direto"}
AD = {"en": "Advertisement", "de": "Anzeige", "fr": "Publicité", "pt": "Publicidade"}
VIDEO_RAIL = {"en": "Related Videos", "de": "Weitere Videos", "fr": "Vidéos les plus vues",
              "pt": "Vídeos relacionados"}
LOADING = {"en": "Loading Comments…", "de": "Kommentare werden geladen …", "fr": "Chargement des commentaires…",
           "pt": "Carregando comentários…"}
COMMENTS = {
    "en": ("{n} Comments", "Reply", ["I have lived by the quay for thirty years and nobody ever asked us what "
                                      "we thought about any of this, which says a lot about the council.",
                                      "The lorries are already a problem on the school road in the mornings, "
                                      "so I cannot see how a bigger site will make it any better."]),
    "de": ("{n} Kommentare", "Antworten", ["Ich wohne seit dreißig Jahren am Kai und niemand hat uns je gefragt, "
                                            "was wir davon halten, das sagt viel über den Stadtrat.",
                                            "Die Lastwagen sind schon morgens auf der Schulstraße ein Problem, "
                                            "eine größere Baustelle wird das sicher nicht besser machen."]),
    "fr": ("{n} commentaires", "Répondre", ["J'habite près du quai depuis trente ans et personne ne nous a "
                                             "jamais demandé notre avis, ce qui en dit long sur le conseil.",
                                             "Les camions posent déjà problème le matin sur la route de l'école, "
                                             "un chantier plus grand ne va rien arranger."]),
    "pt": ("{n} comentários", "Responder", ["Moro perto do cais há trinta anos e ninguém nunca nos perguntou "
                                             "o que achávamos, o que diz muito sobre a câmara.",
                                             "Os caminhões já são um problema de manhã na rua da escola, e uma "
                                             "obra maior não vai melhorar nada."]),
}
