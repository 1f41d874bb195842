"""The words of bio_stress.py's variants and traps, per language: headings, pronouns, the traps
(invented people and places), the furniture a scrape glues onto a block's text, first-person boxes.
Every word is written here, none is corpus text."""

HEADINGS = {"en": "About the author", "de": "Über den Autor", "fr": "À propos de l'auteur",
            "es": "Sobre el autor", "pt": "Sobre o autor", "it": "L'autore"}
PRONOUNS = {"en": "She", "de": "Sie", "fr": "Elle", "es": "Ella", "pt": "Ela", "it": "Lei"}
# Traps: written here (invented people and places), one set per language.
TRAPS = {
    "en": {
        "expert": "Prof Martin Hale, vice-chancellor of Northbridge University, agrees that the funding gap "
                  "will widen next year unless the rules change.",
        "interviewee": "Maria Lopez, 42, a nurse at the county hospital who has lived in the town since 2009, "
                       "is one of hundreds of residents still waiting for a decision.",
        "promo": "Get our free morning newsletter: the day's top stories, delivered to your inbox before breakfast. "
                 "Sign up now.",
        "sidebar": "Tom Reyes is a columnist for the paper and the author of two books about city politics.",
        "closing": "He joined the team in 2019 from a second-division club and has scored twelve goals since.",
    },
    "de": {
        "expert": "Prof. Martin Hahn, Präsident der Universität Nordstadt, sieht das ähnlich: Die Förderung reiche "
                  "bei weitem nicht aus.",
        "interviewee": "Maria Lehmann, 42, Krankenpflegerin aus Kassel, wartet seit Monaten auf einen Termin beim "
                       "Amt und hat inzwischen einen Anwalt eingeschaltet.",
        "promo": "Unser Newsletter: Die wichtigsten Nachrichten des Tages jeden Morgen in Ihrem Postfach. "
                 "Jetzt anmelden.",
        "sidebar": "Thomas Berger ist Redakteur im Ressort Politik und Autor zweier Bücher über die Stadtgeschichte.",
        "closing": "Sie ist seit 2009 Lehrerin an der Grundschule am Markt und lebt mit ihrer Familie in der Altstadt.",
    },
    "fr": {
        "expert": "Le professeur Martin Halle, président de l'université de Nordville, estime que le financement "
                  "restera insuffisant.",
        "interviewee": "Marie Lefèvre, 42 ans, infirmière à l'hôpital de la ville depuis 2009, attend toujours "
                       "une réponse.",
        "promo": "Recevez notre newsletter : l'essentiel de l'actualité chaque matin dans votre boîte. "
                 "Inscrivez-vous.",
        "sidebar": "Thomas Bernard est journaliste au service politique et auteur de deux livres sur la ville.",
        "closing": "Elle est institutrice depuis 2009 et vit avec sa famille dans la vieille ville.",
    },
    "es": {
        "expert": "El catedrático Martín Hidalgo, rector de la Universidad de Norte, afirmó que la financiación "
                  "seguirá siendo insuficiente.",
        "interviewee": "María López, de 42 años, enfermera del hospital comarcal desde 2009, sigue esperando "
                       "una respuesta.",
        "promo": "Suscríbete a nuestro boletín: las noticias más importantes del día, cada mañana en tu correo.",
        "sidebar": "Tomás Reyes es columnista del diario y autor de dos libros sobre la política municipal.",
        "closing": "Ella es maestra desde 2009 y vive con su familia en el casco antiguo.",
    },
    "pt": {
        "expert": "O professor Martim Alves, reitor da Universidade do Norte, disse que o financiamento "
                  "continuará insuficiente.",
        "interviewee": "Maria Lopes, 42 anos, enfermeira do hospital municipal desde 2009, ainda espera "
                       "uma resposta.",
        "promo": "Assine a nossa newsletter: as principais notícias do dia, todas as manhãs no seu e-mail.",
        "sidebar": "Tomás Reis é colunista do jornal e autor de dois livros sobre a política da cidade.",
        "closing": "Ela é professora desde 2009 e vive com a família no centro histórico.",
    },
}
# A block's inline furniture, per language, that a scrape glues onto its text: the author box's
# label, the profile link, the share buttons, a date, the tag words.
FURNITURE = {
    "en": {"label": "About the author", "more": "More articles by {name}", "share": "Share Tweet Email",
           "date": "March 12, 2021", "tags": "Tags: politics, city council"},
    "de": {"label": "Über den Autor", "more": "Alle Artikel von {name}", "share": "Teilen Twittern E-Mail",
           "date": "12. März 2021", "tags": "Schlagwörter: Politik, Stadtrat"},
    "fr": {"label": "À propos de l'auteur", "more": "Tous les articles de {name}", "share": "Partager Tweeter",
           "date": "12 mars 2021", "tags": "Mots-clés : politique, conseil municipal"},
    "es": {"label": "Sobre el autor", "more": "Más artículos de {name}", "share": "Compartir Tuitear",
           "date": "12 de marzo de 2021", "tags": "Etiquetas: política, ayuntamiento"},
    "pt": {"label": "Sobre o autor", "more": "Mais artigos de {name}", "share": "Compartilhar Tuitar",
           "date": "12 de março de 2021", "tags": "Tags: política, câmara municipal"},
    "it": {"label": "L'autore", "more": "Altri articoli di {name}", "share": "Condividi Twitta",
           "date": "12 marzo 2021", "tags": "Tag: politica, consiglio comunale"},
}
# A first-person author box (written here), with the author's first name: "Hallo, ich bin Jana, ...".
SELF_BOXES = {
    "en": "Hi, I'm {first}! I have been writing about local politics and city life for ten years, "
          "and I run this blog from my kitchen table.",
    "de": "Hallo, ich bin {first}! Ich schreibe seit zehn Jahren über Lokalpolitik und das Leben in der Stadt "
          "und betreibe diesen Blog vom Küchentisch aus.",
    "fr": "Bonjour, je suis {first} ! J'écris depuis dix ans sur la politique locale et la vie en ville, "
          "et je tiens ce blog depuis ma cuisine.",
    "es": "Hola, soy {first}. Escribo desde hace diez años sobre política local y la vida en la ciudad, "
          "y llevo este blog desde la mesa de mi cocina.",
    "pt": "Olá, sou {first}! Escrevo há dez anos sobre política local e a vida na cidade, "
          "e mantenho este blog na mesa da minha cozinha.",
    "it": "Ciao, sono {first}! Scrivo da dieci anni di politica locale e di vita in città, "
          "e curo questo blog dal tavolo della mia cucina.",
}
# Glued traps: a news sentence glued to a photo credit, another writer's card glued to its link.
GLUED_TRAPS = {
    "en": {"credit": "Photo: Reuters", "caption": "Maria Lopez is a nurse at the county hospital and has waited "
           "months for a decision on her claim.", "other": "Tom Reyes"},
    "de": {"credit": "Foto: dpa", "caption": "Maria Lehmann ist Krankenpflegerin in Kassel und wartet seit Monaten "
           "auf einen Termin beim Amt.", "other": "Thomas Berger"},
    "fr": {"credit": "Photo : AFP", "caption": "Marie Lefèvre est infirmière à l'hôpital de la ville et attend "
           "depuis des mois une réponse.", "other": "Thomas Bernard"},
    "es": {"credit": "Foto: EFE", "caption": "María López es enfermera del hospital comarcal y espera desde hace "
           "meses una respuesta.", "other": "Tomás Reyes"},
    "pt": {"credit": "Foto: Lusa", "caption": "Maria Lopes é enfermeira do hospital municipal e espera há meses "
           "uma resposta.", "other": "Tomás Reis"},
}
# A reader's first-person comment (written here) under its stamp: "Hi, I'm Martha! ...".
SELF_COMMENTS = {
    "en": ("Martha, 1 Aug 2019 at 10:15 Reply", "Hi, I'm Martha! I have been reading this blog for years and "
           "I loved this post, thank you for writing it."),
    "de": ("Martha, 1. August 2019 um 10:15 Uhr Antworten", "Hallo, ich bin Martha! Ich lese diesen Blog seit "
           "Jahren und fand diesen Beitrag wunderbar, danke dafür."),
    "fr": ("Martha, 1 août 2019 à 10h15 Répondre", "Bonjour, je suis Martha ! Je lis ce blog depuis des années "
           "et j'ai adoré cet article, merci."),
    "es": ("Martha, 1 de agosto de 2019 a las 10:15 Responder", "Hola, soy Martha. Leo este blog desde hace años "
           "y me encantó esta entrada, gracias."),
    "pt": ("Martha, 1 de agosto de 2019 às 10:15 Responder", "Olá, sou a Martha! Leio este blog há anos e "
           "adorei este artigo, obrigada."),
}

# A portrait set in the story as a name line over "<name> is ...", of a writer the story is about
# (an interview with a novelist, a profile of a columnist): (the name, its description, a later
# paragraph of the story naming the person again, a second portrait's name and description, for a
# list of portraits). Written as bios are, so that only where they stand tells them from one.
PORTRAITS = {
    "en": ("Anna Kovac", "Anna Kovac is a novelist and has written a column for the Evening Star since 2015.",
           "Kovac says the new book took her six years and three publishers to finish.",
           "Ben Ortiz", "Ben Ortiz is a reporter who has covered the city council for the Evening Star for ten years."),
    "de": ("Anna Kovac", "Anna Kovac ist Schriftstellerin und schreibt seit 2015 eine Kolumne für den Abendstern.",
           "Kovac sagt, an dem neuen Buch habe sie sechs Jahre gearbeitet, mit drei Verlagen.",
           "Ben Ortmann", "Ben Ortmann ist Redakteur und berichtet seit zehn Jahren für den Abendstern über den Stadtrat."),
    "fr": ("Anna Kovac", "Anna Kovac est romancière et tient depuis 2015 une chronique dans L'Étoile du soir.",
           "Kovac explique que le nouveau livre lui a demandé six ans et trois éditeurs.",
           "Benoît Orsini", "Benoît Orsini est journaliste et couvre depuis dix ans le conseil municipal pour L'Étoile du soir."),
    "es": ("Ana Kovac", "Ana Kovac es novelista y escribe desde 2015 una columna en El Lucero.",
           "Kovac dice que el nuevo libro le llevó seis años y tres editoriales.",
           "Benito Ortiz", "Benito Ortiz es periodista y cubre desde hace diez años el ayuntamiento para El Lucero."),
    "pt": ("Ana Kovac", "Ana Kovac é romancista e escreve desde 2015 uma coluna no Estrela da Tarde.",
           "Kovac diz que o novo livro lhe levou seis anos e três editoras.",
           "Bento Ortiz", "Bento Ortiz é jornalista e cobre há dez anos a câmara municipal para o Estrela da Tarde."),
    "it": ("Anna Kovac", "Anna Kovac è scrittrice e dal 2015 firma una rubrica sulla Stella della sera.",
           "Kovac dice che il nuovo libro le è costato sei anni e tre editori.",
           "Benito Orsini", "Benito Orsini è giornalista e da dieci anni segue il consiglio comunale per la Stella della sera."),
}
