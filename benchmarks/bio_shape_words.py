"""The words of bio_shapes.py: one invented article page per language (en, de, fr, es, pt, it),
its furniture, its author's bios in each written shape and the traps. Every word is written
here (invented people, papers, places); none is corpus text.

``WORDS[lang]`` keys: ``author`` / ``second`` (full names: a woman, a man), ``by`` / ``and``
(the byline's words), ``title``, ``date``, ``story`` (the article's paragraphs; ``quoted``
appears in them), ``nav``, ``share``, ``related`` (heading, teaser titles), ``comments``
(heading, a reader's name, the reader's comment), ``footer``; headings ``about`` / ``about_alt``
/ ``about_name``; bios (``{full}``, ``{first}`` filled in): ``full``, ``role_first``,
``role_noname``, ``first``, ``pronoun``, ``closing``, ``statement``, ``self``, ``described``,
``second_bio``; traps: ``expert``, ``interviewee``, ``promo``, ``teaser`` (title, text),
``sidebar`` (heading, name, text), ``comment_self``, ``closing_other``; ``pronoun_other`` (a story's
closing pronoun line with a bio's verb, about the woman it quotes), ``beat_other`` (another columnist's
beat-for-outlet line).
"""

from __future__ import annotations

WORDS = {
    "en": {
        "author": "Helen Carter", "second": "Daniel Brooks", "by": "By", "and": "and",
        "title": "The tram returns to Millbrook after sixty years", "date": "March 12, 2024",
        "quoted": "Rosa Lind",
        "story": [
            "For the first time since 1964, a tram rolled down Millbrook's high street on Monday morning, "
            "watched by a crowd of several hundred residents who had waited years for the line to open.",
            "The council approved the project in 2019 after a long fight over its cost, which rose from 80 "
            "to 130 million pounds as engineers found old cellars and water mains under the route.",
            "Rosa Lind, who runs the bakery at the corner of Mill Street, was among the first passengers. "
            "She remembers the old trams and the silence on the street after they were taken away.",
            "Trams will run every eight minutes during the day and every quarter of an hour in the evening, "
            "and a second line to the hospital and the university is planned for the end of the decade.",
            "Not everyone is pleased: some shop owners on the route say the works cost them two years of trade, "
            "and a group of residents has asked the council to pay for the losses.",
        ],
        "nav": ["Home", "News", "Politics", "Business", "Culture", "Sport", "Subscribe", "Log in"],
        "share": ["Share", "Facebook", "Twitter", "Email", "Copy link"],
        "related": ["Related stories", "Bus fares to rise in April", "The bridge that nobody wanted",
                    "Five walks along the old railway"],
        "comments": ["3 Comments", "Peter Hale", "About time. My grandmother used to take the tram to work every day."],
        "footer": ["About us", "Contact", "Privacy policy", "© 2024 Millbrook Courier. All rights reserved."],
        "about": "About the author", "about_alt": "About the writer", "about_name": "About {full}",
        "full": "{full} is a reporter at the Millbrook Courier, where she covers transport and housing. "
                "She has lived in the city since 2011.",
        "role_first": "An award-winning local reporter, {full} covers transport, planning and the city council "
                      "for the Millbrook Courier.",
        "role_noname": "Transport reporter at the Millbrook Courier since 2016, she also writes a weekly column "
                       "about the city's history.",
        "first": "{first} covers transport and housing for the Courier and has written two books about "
                 "the region's railways.",
        "pronoun": "She covers transport and housing for the Millbrook Courier and is writing a book about "
                   "the city's lost railway lines.",
        "closing": "{full} is a lecturer in urban history at Northfield University.",
        "statement": "The author is a lecturer in urban history at Northfield University and a member of the "
                     "city's heritage board.",
        "self": "I'm {first}, a reporter who has followed Millbrook's trams, buses and bike lanes for ten years. "
                "I write this newsletter every week from the Courier's office.",
        "described": "{full} has reported on Millbrook's council for twelve years and edits the Courier's "
                     "weekend pages.",
        "second_bio": "{full} is a photographer and data editor at the Millbrook Courier.",
        "expert": "Prof Alan Pierce, vice-chancellor of Eastmoor University, agrees that the line will "
                  "change how people move around the city.",
        "interviewee": "Tom Varga, 58, a taxi driver who has worked the high street for thirty years, is "
                       "one of those who fear the tram will take their customers.",
        "promo": "Get the Courier's free newsletter: the week's best local stories in your inbox every Friday. "
                 "Sign up now.",
        "teaser": ("Meet the last driver of the old trams", "Arthur Bell is a retired driver who steered "
                   "the number 4 tram for eleven years before the line closed."),
        "sidebar": ("Our columnists", "Simon Webb", "Simon Webb is a columnist for the Courier and writes "
                    "about food, wine and the city's markets."),
        "comment_self": "I am a retired engineer and I have lived by the tracks for thirty years; this line is "
                        "long overdue.",
        "pronoun_other": "She covers the rent herself now and says the shop will stay open.",
        "beat_other": "Simon Webb covers food and wine for the Courier's weekend pages.",
        "closing_other": "Lind is a baker and has lived on Mill Street since 1984; her shop opened the year "
                         "the last tram ran.",
    },
    "de": {
        "author": "Jana Keller", "second": "Lukas Brandt", "by": "Von", "and": "und",
        "title": "Die Straßenbahn kehrt nach sechzig Jahren nach Mühlheim zurück", "date": "12.03.2024",
        "quoted": "Rosa Lindner",
        "story": [
            "Zum ersten Mal seit 1964 ist am Montagmorgen wieder eine Straßenbahn durch die Hauptstraße von "
            "Mühlheim gefahren, beobachtet von mehreren hundert Anwohnern, die jahrelang auf die Linie gewartet hatten.",
            "Der Stadtrat hatte das Projekt 2019 nach langem Streit über die Kosten beschlossen, die von 80 auf "
            "130 Millionen Euro stiegen, weil unter der Strecke alte Keller und Wasserleitungen lagen.",
            "Rosa Lindner, die an der Ecke der Mühlenstraße eine Bäckerei betreibt, war unter den ersten "
            "Fahrgästen. Sie erinnert sich an die alten Bahnen und an die Stille danach.",
            "Tagsüber fahren die Bahnen alle acht Minuten, abends alle Viertelstunde; eine zweite Linie zum "
            "Klinikum und zur Universität ist für das Ende des Jahrzehnts geplant.",
            "Nicht alle sind zufrieden: Einige Händler an der Strecke haben durch die Bauarbeiten zwei Jahre "
            "lang Umsatz verloren, und eine Anwohnergruppe verlangt von der Stadt einen Ausgleich.",
        ],
        "nav": ["Startseite", "Nachrichten", "Politik", "Wirtschaft", "Kultur", "Sport", "Abo", "Anmelden"],
        "share": ["Teilen", "Facebook", "Twitter", "E-Mail", "Link kopieren"],
        "related": ["Mehr zum Thema", "Busfahrkarten werden im April teurer", "Die Brücke, die keiner wollte",
                    "Fünf Spaziergänge entlang der alten Bahntrasse"],
        "comments": ["3 Kommentare", "Peter Hahn", "Endlich. Meine Großmutter ist jeden Tag mit der Bahn zur Arbeit gefahren."],
        "footer": ["Impressum", "Kontakt", "Datenschutz", "© 2024 Mühlheimer Anzeiger"],
        "about": "Über die Autorin", "about_alt": "Zur Person", "about_name": "Über {full}",
        "full": "{full} ist Redakteurin beim Mühlheimer Anzeiger und berichtet über Verkehr und Wohnen. "
                "Sie lebt seit 2011 in der Stadt.",
        "role_first": "Als Verkehrsreporterin berichtet {full} seit 2016 für den Mühlheimer Anzeiger über "
                      "Stadtplanung und den Stadtrat.",
        "role_noname": "Freie Journalistin, schreibt seit 2016 über Verkehr, Stadtplanung und die Geschichte "
                       "der Region.",
        "first": "{first} berichtet für den Anzeiger über Verkehr und Wohnen und hat zwei Bücher über die "
                 "Eisenbahnen der Region geschrieben.",
        "pronoun": "Sie schreibt für den Mühlheimer Anzeiger über Verkehr und Wohnen und arbeitet an einem "
                   "Buch über die verschwundenen Bahnlinien der Stadt.",
        "closing": "{full} ist Dozentin für Stadtgeschichte an der Universität Nordfeld.",
        "statement": "Die Autorin lehrt Stadtgeschichte an der Universität Nordfeld und sitzt im "
                     "Denkmalbeirat der Stadt.",
        "self": "Ich bin {first} und verfolge seit zehn Jahren, was in Mühlheim mit Bahnen, Bussen und "
                "Radwegen passiert. Diesen Newsletter schreibe ich jede Woche aus der Redaktion.",
        "described": "{full} berichtet seit zwölf Jahren aus dem Mühlheimer Stadtrat und leitet die "
                     "Wochenendausgabe des Anzeigers.",
        "second_bio": "{full} ist Fotograf und Datenredakteur beim Mühlheimer Anzeiger.",
        "expert": "Prof. Alfred Pohl, Rektor der Universität Ostmoor, sieht das ähnlich: Die Linie werde "
                  "verändern, wie sich die Menschen in der Stadt bewegen.",
        "interviewee": "Thomas Varga, 58, Taxifahrer, der seit dreißig Jahren an der Hauptstraße auf Kunden "
                       "wartet, gehört zu denen, die um ihr Geschäft fürchten.",
        "promo": "Der Anzeiger-Newsletter: die besten Geschichten aus der Stadt jeden Freitag in Ihrem "
                 "Postfach. Jetzt anmelden.",
        "teaser": ("Der letzte Fahrer der alten Bahn", "Artur Beil ist ein pensionierter Fahrer, der elf Jahre "
                   "lang die Linie 4 gefahren hat, bevor sie eingestellt wurde."),
        "sidebar": ("Unsere Kolumnisten", "Simon Weber", "Simon Weber ist Kolumnist beim Anzeiger und schreibt "
                    "über Essen, Wein und die Märkte der Stadt."),
        "comment_self": "Ich bin pensionierter Ingenieur und wohne seit dreißig Jahren an den Gleisen; diese "
                        "Linie war lange überfällig.",
        "pronoun_other": "Als Bäckerin arbeitet sie seit 1984 in der Mühlenstraße und will bleiben.",
        "beat_other": "Als Kolumnist schreibt Simon Weber für den Anzeiger über Essen und Wein.",
        "closing_other": "Lindner ist Bäckerin und wohnt seit 1984 in der Mühlenstraße; ihr Laden öffnete in "
                         "dem Jahr, in dem die letzte Bahn fuhr.",
    },
    "fr": {
        "author": "Marta Ruiz", "second": "Julien Perrin", "by": "Par", "and": "et",
        "title": "Le tramway revient à Villebrune après soixante ans", "date": "12 mars 2024",
        "quoted": "Rose Lambert",
        "story": [
            "Pour la première fois depuis 1964, un tramway a descendu lundi matin la grande rue de Villebrune, "
            "sous les yeux de plusieurs centaines d'habitants qui attendaient la ligne depuis des années.",
            "Le conseil municipal avait voté le projet en 2019 après une longue bataille sur son coût, passé de "
            "80 à 130 millions d'euros quand les ingénieurs ont trouvé de vieilles caves sous le tracé.",
            "Rose Lambert, qui tient la boulangerie au coin de la rue du Moulin, était parmi les premiers "
            "passagers. Elle se souvient des anciens trams et du silence qui a suivi leur départ.",
            "Les rames passeront toutes les huit minutes en journée et tous les quarts d'heure le soir, et une "
            "deuxième ligne vers l'hôpital et l'université est prévue pour la fin de la décennie.",
            "Tout le monde n'est pas satisfait : plusieurs commerçants du tracé ont perdu deux ans de chiffre "
            "d'affaires pendant les travaux, et un collectif d'habitants demande une indemnisation.",
        ],
        "nav": ["Accueil", "Actualités", "Politique", "Économie", "Culture", "Sport", "S'abonner", "Se connecter"],
        "share": ["Partager", "Facebook", "Twitter", "E-mail", "Copier le lien"],
        "related": ["Sur le même sujet", "Les tarifs des bus augmentent en avril", "Le pont dont personne ne voulait",
                    "Cinq balades le long de l'ancienne voie ferrée"],
        "comments": ["3 commentaires", "Pierre Hallé", "Enfin. Ma grand-mère prenait le tram tous les jours pour aller travailler."],
        "footer": ["Qui sommes-nous", "Contact", "Mentions légales", "© 2024 L'Écho de Villebrune"],
        "about": "À propos de l'auteure", "about_alt": "L'auteure", "about_name": "À propos de {full}",
        "full": "{full} est journaliste à L'Écho de Villebrune, où elle couvre les transports et le logement. "
                "Elle vit dans la ville depuis 2011.",
        "role_first": "Journaliste indépendante, {full} couvre les transports, l'urbanisme et la vie municipale "
                      "pour plusieurs quotidiens régionaux.",
        "role_noname": "Journaliste indépendante, elle couvre les transports et l'urbanisme depuis 2016 et tient "
                       "une chronique sur l'histoire de la ville.",
        "first": "{first} couvre les transports et le logement pour L'Écho et a publié deux livres sur les "
                 "chemins de fer de la région.",
        "pronoun": "Elle couvre les transports et le logement pour L'Écho de Villebrune et prépare un livre sur "
                   "les lignes disparues de la ville.",
        "closing": "{full} est maîtresse de conférences en histoire urbaine à l'université de Nordval.",
        "statement": "L'auteure enseigne l'histoire urbaine à l'université de Nordval et siège à la commission "
                     "du patrimoine de la ville.",
        "self": "Je suis {first}, journaliste, et je suis depuis dix ans les trams, les bus et les pistes "
                "cyclables de Villebrune. J'écris cette lettre chaque semaine depuis la rédaction.",
        "described": "{full} suit le conseil municipal de Villebrune depuis douze ans et dirige les pages "
                     "week-end de L'Écho.",
        "second_bio": "{full} est photographe et responsable des données à L'Écho de Villebrune.",
        "expert": "Le professeur Alain Picard, vice-recteur de l'université d'Estmoor, estime que la ligne "
                  "changera la façon dont on se déplace en ville.",
        "interviewee": "Thomas Varga, 58 ans, chauffeur de taxi qui travaille dans la grande rue depuis trente ans, "
                       "fait partie de ceux qui craignent de perdre leurs clients.",
        "promo": "Recevez gratuitement notre newsletter : les meilleures histoires de la ville chaque vendredi "
                 "dans votre boîte mail. Inscrivez-vous.",
        "teaser": ("Le dernier conducteur des anciens trams", "Arthur Bellec est un conducteur à la retraite qui "
                   "a mené la ligne 4 pendant onze ans avant sa fermeture."),
        "sidebar": ("Nos chroniqueurs", "Simon Vasseur", "Simon Vasseur est chroniqueur à L'Écho et écrit sur "
                    "la cuisine, le vin et les marchés de la ville."),
        "comment_self": "Je suis ingénieur à la retraite et j'habite près des voies depuis trente ans ; cette "
                        "ligne n'a que trop tardé.",
        "pronoun_other": "Elle couvre désormais seule le loyer de la boutique et compte rester.",
        "beat_other": "Simon Vasseur couvre la gastronomie pour L'Écho depuis 2012.",
        "closing_other": "Rose Lambert est boulangère et vit rue du Moulin depuis 1984 ; sa boutique a ouvert "
                         "l'année du dernier tram.",
    },
    "es": {
        "author": "Ana Torres", "second": "Diego Salas", "by": "Por", "and": "y",
        "title": "El tranvía vuelve a Villaverde sesenta años después", "date": "12 de marzo de 2024",
        "quoted": "Rosa Llorente",
        "story": [
            "Por primera vez desde 1964, un tranvía recorrió el lunes por la mañana la calle mayor de Villaverde, "
            "ante varios cientos de vecinos que llevaban años esperando la apertura de la línea.",
            "El ayuntamiento aprobó el proyecto en 2019 tras una larga disputa sobre su coste, que pasó de 80 a "
            "130 millones de euros cuando los ingenieros encontraron bodegas antiguas bajo el trazado.",
            "Rosa Llorente, que regenta la panadería de la esquina de la calle del Molino, fue una de las "
            "primeras pasajeras. Recuerda los viejos tranvías y el silencio que dejaron al marcharse.",
            "Los tranvías pasarán cada ocho minutos durante el día y cada cuarto de hora por la noche, y una "
            "segunda línea hacia el hospital y la universidad está prevista para el final de la década.",
            "No todos están contentos: varios comerciantes del recorrido perdieron dos años de ventas durante "
            "las obras, y una asociación de vecinos pide al ayuntamiento una compensación.",
        ],
        "nav": ["Portada", "Noticias", "Política", "Economía", "Cultura", "Deportes", "Suscríbete", "Iniciar sesión"],
        "share": ["Compartir", "Facebook", "Twitter", "Correo", "Copiar enlace"],
        "related": ["Noticias relacionadas", "Suben las tarifas del autobús en abril", "El puente que nadie quería",
                    "Cinco paseos por la antigua vía del tren"],
        "comments": ["3 comentarios", "Pedro Haro", "Ya era hora. Mi abuela iba al trabajo en tranvía todos los días."],
        "footer": ["Quiénes somos", "Contacto", "Aviso legal", "© 2024 Diario de Villaverde"],
        "about": "Sobre la autora", "about_alt": "Acerca de la autora", "about_name": "Sobre {full}",
        "full": "{full} es periodista del Diario de Villaverde, donde cubre transporte y vivienda. "
                "Vive en la ciudad desde 2011.",
        "role_first": "Periodista, {full} escribe sobre transporte, urbanismo y política municipal para varios "
                      "diarios regionales.",
        "role_noname": "Periodista independiente, escribe desde 2016 sobre transporte y urbanismo y firma una "
                       "columna semanal sobre la historia de la ciudad.",
        "first": "{first} cubre transporte y vivienda para el Diario y ha publicado dos libros sobre los "
                 "ferrocarriles de la región.",
        "pronoun": "Ella escribe sobre transporte y vivienda para el Diario de Villaverde y prepara un libro "
                   "sobre las líneas desaparecidas de la ciudad.",
        "closing": "{full} es profesora de historia urbana en la Universidad de Nortevalle.",
        "statement": "La autora es profesora de historia urbana en la Universidad de Nortevalle y miembro del "
                     "consejo de patrimonio de la ciudad.",
        "self": "Soy {first}, periodista, y llevo diez años siguiendo los tranvías, autobuses y carriles bici de "
                "Villaverde. Escribo este boletín cada semana desde la redacción.",
        "described": "{full} sigue el pleno municipal de Villaverde desde hace doce años y dirige las páginas "
                     "de fin de semana del Diario.",
        "second_bio": "{full} es fotógrafo y editor de datos del Diario de Villaverde.",
        "expert": "El catedrático Alfonso Pardo, vicerrector de la Universidad de Estemor, opina que la línea "
                  "cambiará la forma de moverse por la ciudad.",
        "interviewee": "Tomás Vargas, de 58 años, taxista que trabaja en la calle mayor desde hace treinta años, "
                       "es uno de los que temen perder a sus clientes.",
        "promo": "Recibe gratis nuestro boletín: las mejores historias de la ciudad cada viernes en tu correo. "
                 "Suscríbete ahora.",
        "teaser": ("El último conductor de los viejos tranvías", "Arturo Bello es un conductor jubilado que "
                   "llevó la línea 4 durante once años antes de su cierre."),
        "sidebar": ("Nuestros columnistas", "Simón Vidal", "Simón Vidal es columnista del Diario y escribe "
                    "sobre cocina, vino y los mercados de la ciudad."),
        "comment_self": "Soy ingeniero jubilado y vivo junto a las vías desde hace treinta años; esta línea "
                        "llega tardísimo.",
        "pronoun_other": "Ella cubre ahora sola el alquiler de la tienda y piensa quedarse.",
        "beat_other": "Simón Vidal cubre la gastronomía para el Diario desde 2012.",
        "closing_other": "Rosa Llorente es panadera y vive en la calle del Molino desde 1984; su tienda abrió "
                         "el año del último tranvía.",
    },
    "pt": {
        "author": "Beatriz Lima", "second": "Rui Costa", "by": "Por", "and": "e",
        "title": "O elétrico volta a Vilarinho sessenta anos depois", "date": "12 de março de 2024",
        "quoted": "Rosa Leitão",
        "story": [
            "Pela primeira vez desde 1964, um elétrico desceu na segunda-feira de manhã a rua principal de "
            "Vilarinho, perante várias centenas de moradores que esperavam há anos pela abertura da linha.",
            "A câmara aprovou o projeto em 2019, depois de uma longa disputa sobre o custo, que subiu de 80 para "
            "130 milhões de euros quando os engenheiros encontraram caves antigas debaixo do traçado.",
            "Rosa Leitão, que tem a padaria da esquina da rua do Moinho, foi uma das primeiras passageiras. "
            "Lembra-se dos velhos elétricos e do silêncio que ficou quando partiram.",
            "Os elétricos vão passar de oito em oito minutos durante o dia e de quarto em quarto de hora à noite, "
            "e uma segunda linha para o hospital e a universidade está prevista para o fim da década.",
            "Nem todos estão satisfeitos: vários comerciantes do percurso perderam dois anos de vendas durante "
            "as obras, e uma associação de moradores pede uma compensação à câmara.",
        ],
        "nav": ["Início", "Notícias", "Política", "Economia", "Cultura", "Desporto", "Assinar", "Entrar"],
        "share": ["Partilhar", "Facebook", "Twitter", "E-mail", "Copiar ligação"],
        "related": ["Artigos relacionados", "Bilhetes de autocarro sobem em abril", "A ponte que ninguém queria",
                    "Cinco passeios pela antiga linha de comboio"],
        "comments": ["3 comentários", "Pedro Horta", "Até que enfim. A minha avó ia de elétrico para o trabalho todos os dias."],
        "footer": ["Quem somos", "Contactos", "Política de privacidade", "© 2024 Jornal de Vilarinho"],
        "about": "Sobre a autora", "about_alt": "A autora", "about_name": "Sobre {full}",
        "full": "{full} é jornalista do Jornal de Vilarinho, onde acompanha transportes e habitação. "
                "Vive na cidade desde 2011.",
        "role_first": "Jornalista, {full} escreve sobre transportes, urbanismo e política local para vários "
                      "jornais regionais.",
        "role_noname": "Jornalista independente, escreve desde 2016 sobre transportes e urbanismo e assina uma "
                       "crónica semanal sobre a história da cidade.",
        "first": "{first} acompanha transportes e habitação para o Jornal e publicou dois livros sobre os "
                 "caminhos de ferro da região.",
        "pronoun": "Ela escreve sobre transportes e habitação para o Jornal de Vilarinho e prepara um livro "
                   "sobre as linhas desaparecidas da cidade.",
        "closing": "{full} é professora de história urbana na Universidade de Nortevale.",
        "statement": "A autora é professora de história urbana na Universidade de Nortevale e membro do "
                     "conselho de património da cidade.",
        "self": "Sou a {first}, jornalista, e há dez anos que acompanho os elétricos, os autocarros e as "
                "ciclovias de Vilarinho. Escrevo esta newsletter todas as semanas a partir da redação.",
        "described": "{full} acompanha a assembleia municipal de Vilarinho há doze anos e dirige as páginas "
                     "de fim de semana do Jornal.",
        "second_bio": "{full} é fotógrafo e editor de dados do Jornal de Vilarinho.",
        "expert": "O professor Afonso Pires, vice-reitor da Universidade de Estemor, considera que a linha vai "
                  "mudar a forma como as pessoas se deslocam na cidade.",
        "interviewee": "Tomás Vargas, de 58 anos, taxista que trabalha na rua principal há trinta anos, é um "
                       "dos que temem perder os clientes.",
        "promo": "Receba gratuitamente a nossa newsletter: as melhores histórias da cidade todas as sextas-feiras "
                 "no seu e-mail. Inscreva-se já.",
        "teaser": ("O último guarda-freio dos velhos elétricos", "Artur Belo é um guarda-freio reformado que "
                   "conduziu a linha 4 durante onze anos antes do encerramento."),
        "sidebar": ("Os nossos colunistas", "Simão Vieira", "Simão Vieira é colunista do Jornal e escreve sobre "
                    "cozinha, vinho e os mercados da cidade."),
        "comment_self": "Sou engenheiro reformado e moro junto à linha há trinta anos; isto já devia ter "
                        "acontecido há muito.",
        "pronoun_other": "Ela cobre agora sozinha a renda da loja e pensa ficar.",
        "beat_other": "Simão Vieira acompanha a gastronomia para o Jornal desde 2012.",
        "closing_other": "Rosa Leitão é padeira e vive na rua do Moinho desde 1984; a loja abriu no ano do "
                         "último elétrico.",
    },
    "it": {
        "author": "Chiara Bassi", "second": "Marco Ferri", "by": "Di", "and": "e",
        "title": "Il tram torna a Borgoverde dopo sessant'anni", "date": "12 marzo 2024",
        "quoted": "Rosa Lanzi",
        "story": [
            "Per la prima volta dal 1964, lunedì mattina un tram ha percorso il corso principale di Borgoverde, "
            "davanti a diverse centinaia di abitanti che aspettavano da anni l'apertura della linea.",
            "Il consiglio comunale aveva approvato il progetto nel 2019 dopo una lunga battaglia sui costi, saliti "
            "da 80 a 130 milioni di euro quando gli ingegneri hanno trovato vecchie cantine sotto il tracciato.",
            "Rosa Lanzi, che gestisce il forno all'angolo di via del Mulino, era tra i primi passeggeri. "
            "Ricorda i vecchi tram e il silenzio che hanno lasciato quando sono spariti.",
            "I tram passeranno ogni otto minuti durante il giorno e ogni quarto d'ora la sera, e una seconda "
            "linea verso l'ospedale e l'università è prevista per la fine del decennio.",
            "Non tutti sono contenti: diversi negozianti lungo il percorso hanno perso due anni di incassi "
            "durante i lavori, e un comitato di residenti chiede un risarcimento al comune.",
        ],
        "nav": ["Home", "Cronaca", "Politica", "Economia", "Cultura", "Sport", "Abbonati", "Accedi"],
        "share": ["Condividi", "Facebook", "Twitter", "Email", "Copia link"],
        "related": ["Articoli correlati", "Aumentano i biglietti dell'autobus ad aprile", "Il ponte che nessuno voleva",
                    "Cinque passeggiate lungo la vecchia ferrovia"],
        "comments": ["3 commenti", "Piero Galli", "Era ora. Mia nonna andava al lavoro in tram tutti i giorni."],
        "footer": ["Chi siamo", "Contatti", "Privacy", "© 2024 La Gazzetta di Borgoverde"],
        "about": "L'autrice", "about_alt": "Sull'autrice", "about_name": "Chi è {full}",
        "full": "{full} è giornalista della Gazzetta di Borgoverde, dove segue trasporti e casa. "
                "Vive in città dal 2011.",
        "role_first": "Giornalista, {full} scrive di trasporti, urbanistica e politica locale per diversi "
                      "quotidiani regionali.",
        "role_noname": "Giornalista, scrive di trasporti e urbanistica dal 2016 e firma una rubrica settimanale "
                       "sulla storia della città.",
        "first": "{first} segue trasporti e casa per la Gazzetta e ha pubblicato due libri sulle ferrovie "
                 "della regione.",
        "pronoun": "Lei scrive di trasporti e casa per la Gazzetta di Borgoverde e sta preparando un libro sulle "
                   "linee scomparse della città.",
        "closing": "{full} è docente di storia urbana all'Università di Nordvalle.",
        "statement": "L'autrice insegna storia urbana all'Università di Nordvalle ed è membro della commissione "
                     "per il patrimonio della città.",
        "self": "Sono {first}, giornalista, e da dieci anni seguo tram, autobus e piste ciclabili di Borgoverde. "
                "Scrivo questa newsletter ogni settimana dalla redazione.",
        "described": "{full} segue il consiglio comunale di Borgoverde da dodici anni e dirige le pagine del "
                     "fine settimana della Gazzetta.",
        "second_bio": "{full} è fotografo e responsabile dei dati della Gazzetta di Borgoverde.",
        "expert": "Il professor Aldo Parisi, prorettore dell'Università di Estmoro, ritiene che la linea "
                  "cambierà il modo di muoversi in città.",
        "interviewee": "Tommaso Varga, 58 anni, tassista che lavora sul corso da trent'anni, è tra quelli che "
                       "temono di perdere i clienti.",
        "promo": "Ricevi gratis la nostra newsletter: le migliori storie della città ogni venerdì nella tua "
                 "casella di posta. Iscriviti ora.",
        "teaser": ("L'ultimo tranviere dei vecchi tram", "Arturo Belli è un tranviere in pensione che ha guidato "
                   "la linea 4 per undici anni prima della chiusura."),
        "sidebar": ("I nostri editorialisti", "Simone Villa", "Simone Villa è editorialista della Gazzetta e scrive "
                    "di cucina, vino e dei mercati della città."),
        "comment_self": "Sono un ingegnere in pensione e abito vicino ai binari da trent'anni; questa linea "
                        "arriva con troppo ritardo.",
        "pronoun_other": "Lei copre ora da sola l'affitto del negozio e pensa di restare.",
        "beat_other": "Simone Villa segue la gastronomia per la Gazzetta dal 2012.",
        "closing_other": "Rosa Lanzi è fornaia e vive in via del Mulino dal 1984; il suo negozio ha aperto "
                         "l'anno dell'ultimo tram.",
    },
}
