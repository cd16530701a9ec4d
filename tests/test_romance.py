"""Speakers of French and Spanish sentences (`claimbot.romance`), one pattern per case, and short
articles where pronouns, dropped subjects and titles refer back."""

from __future__ import annotations

import pytest

from claimbot.attribution import quote_masks
from claimbot.model import Article, Claim, SpeakerKind
from claimbot.parse import parse_article
from claimbot.segment import split_sentences


def _claims(text: str, language: str) -> list[Claim]:
    article = Article(id="t", source="t", title="Titre", text="Titre\n\n" + text, language=language)
    return [c for c in parse_article(article).claims if c.text != "Titre"]


PERSON, SOURCE = SpeakerKind.PERSON, SpeakerKind.SOURCE


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # Inverted after a quotation, with the time and place after the name left out.
        (
            "« Nous ne céderons pas », a déclaré Emmanuel Macron mardi à Paris.",
            "fr",
            ("Emmanuel Macron", PERSON, None),
        ),
        # A title, then the name in an apposition, before the verb; and the other way round.
        (
            "Le ministre de l'Intérieur, Gérald Darmanin, a affirmé que la situation était sous contrôle.",
            "fr",
            ("Gérald Darmanin", PERSON, "ministre de l'Intérieur"),
        ),
        (
            "Jean Dupont, maire de Lyon, estime que la ville doit reconstruire.",
            "fr",
            ("Jean Dupont", PERSON, "maire de Lyon"),
        ),
        # A title and name without commas, and an apposition after them.
        (
            "Le député Bruno Lemarchand, président du groupe Renouveau rural, estime que le texte est flou.",
            "fr",
            ("Bruno Lemarchand", PERSON, "député, président du groupe Renouveau rural"),
        ),
        # Inverted, a title and the name in an apposition after it.
        (
            "« C'est du jamais vu », a déclaré le maire de la commune, Jean-Pierre Marcoux, devant "
            "la mairie.",
            "fr",
            ("Jean-Pierre Marcoux", PERSON, "maire de la commune"),
        ),
        # An institution after the verb ends before "dans un communiqué".
        (
            "L'incendie a été maîtrisé vers 4 heures, a indiqué la préfecture du Rhône dans un communiqué.",
            "fr",
            ("la préfecture du Rhône", SOURCE, None),
        ),
        (
            "Selon une source proche du dossier, l'accord pourrait être signé vendredi.",
            "fr",
            ("une source proche du dossier", SOURCE, None),
        ),
        (
            "L'accord pourrait être signé vendredi, selon une source proche du dossier.",
            "fr",
            ("une source proche du dossier", SOURCE, None),
        ),
        # An adverb in -ment between the auxiliary and the participle.
        (
            "L'opposition a immédiatement dénoncé un texte « improvisé ».",
            "fr",
            ("l'opposition", SOURCE, None),
        ),
        (
            "«No vamos a dar marcha atrás», dijo Carmen Ruiz en rueda de prensa.",
            "es",
            ("Carmen Ruiz", PERSON, None),
        ),
        (
            "La ministra de Vivienda, Carmen Ruiz, aseguró este martes que el decreto entrará en vigor.",
            "es",
            ("Carmen Ruiz", PERSON, "ministra de Vivienda"),
        ),
        # Capitals after "del" are an institution, not a person called "del Interior".
        (
            "Según fuentes del Ministerio del Interior, el detenido tenía antecedentes.",
            "es",
            ("fuentes del Ministerio del Interior", SOURCE, None),
        ),
        (
            "Según fuentes próximas al club, el técnico seguirá.",
            "es",
            ("fuentes próximas al club", SOURCE, None),
        ),
        (
            "Fuentes de la Consejería de Medio Ambiente apuntan a que el fuego fue provocado.",
            "es",
            ("Fuentes de la Consejería de Medio Ambiente", SOURCE, None),
        ),
        (
            "El incendio ha quemado 3.000 hectáreas, según el último balance de la Junta.",
            "es",
            ("la Junta", SOURCE, None),
        ),
        # A kind before a name: the name.
        (
            "La patronal Hostur calcula que el decreto suprimirá 12.000 empleos.",
            "es",
            ("Hostur", SOURCE, None),
        ),
        # Spanish dialogue dashes: the quotation is broken off by "—dijo …—".
        (
            "—No vamos a rendirnos —dijo la alcaldesa, Lucía Fernández—.",
            "es",
            ("Lucía Fernández", PERSON, "alcaldesa"),
        ),
        # An aside between the subject and the verb.
        (
            "El portavoz del Partido Popular, Javier Gómez, por su parte, criticó que no hubiera consultas.",
            "es",
            ("Javier Gómez", PERSON, "portavoz del Partido Popular"),
        ),
        # Italian and Portuguese.
        (
            "Il ministro dell'Interno, Marco Ferretti, ha dichiarato che il decreto sarà approvato.",
            "it",
            ("Marco Ferretti", PERSON, "ministro dell'Interno"),
        ),
        (
            "«Non arretreremo», ha detto Marco Ferretti ai giornalisti.",
            "it",
            ("Marco Ferretti", PERSON, None),
        ),
        (
            "La Protezione civile ha fatto sapere che l'allerta resta rossa.",
            "it",
            ("la Protezione civile", SOURCE, None),
        ),
        (
            "Lo ha confermato il prefetto, Antonio Bianchi, in una nota.",
            "it",
            ("Antonio Bianchi", PERSON, "prefetto"),
        ),
        # "al Comune" is where the sources are, not a name.
        (
            "Stando a fonti vicine al Comune, la frana era prevista.",
            "it",
            ("fonti vicine al Comune", SOURCE, None),
        ),
        (
            "A ministra da Saúde, Ana Costa, afirmou que a urgência reabrirá.",
            "pt",
            ("Ana Costa", PERSON, "ministra da Saúde"),
        ),
        # "das" inside a name.
        (
            '"Perdi tudo", contou Maria das Dores, moradora do bairro.',
            "pt",
            ("Maria das Dores", PERSON, "moradora do bairro"),
        ),
        (
            "De acordo com a Proteção Civil, 200 pessoas foram desalojadas.",
            "pt",
            ("a Proteção Civil", SOURCE, None),
        ),
        # A conjunction inside an institution's name.
        (
            "Segundo o Instituto Português do Mar e da Atmosfera, as temperaturas vão descer.",
            "pt",
            ("o Instituto Português do Mar e da Atmosfera", SOURCE, None),
        ),
        (
            "Cerca de 200 moradores foram retirados, informou a Proteção Civil.",
            "pt",
            ("a Proteção Civil", SOURCE, None),
        ),
        # "definire" / "calificar": calling something so is what was said.
        (
            "L'assessora ai Trasporti, Elena Gatti, ha definito la protesta «legittima ma dannosa».",
            "it",
            ("Elena Gatti", PERSON, "assessora ai Trasporti"),
        ),
        # "do bairro Vila Esperança": a place, not a person.
        (
            "Moradores do bairro Vila Esperança reclamam que o alerta chegou tarde.",
            "pt",
            ("Moradores do bairro Vila Esperança", SOURCE, None),
        ),
    ],
)
def test_romance_sentences(
    sentence: str, language: str, expected: tuple[str, SpeakerKind, str | None]
) -> None:
    claim = _claims(sentence, language)[0]
    assert (claim.speaker, claim.speaker_kind, claim.role) == expected, claim


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Le juge a rejeté la demande de la défense.", "fr"),  # "juge", "demande" are nouns here
        ("Le ministre a annoncé la fermeture de l'usine.", "fr"),  # no "que": an act, not a report
        ("Le texte a été annoncé mardi.", "fr"),  # passive
        ("Selon nos informations, le texte sera modifié.", "fr"),  # the newspaper's own reporting
        ("On estime que 3 000 exploitations sont concernées.", "fr"),  # nobody in particular
        ("Se espera que el fuego quede controlado mañana.", "es"),
        ("Hay que tener en cuenta que el viento cambió.", "es"),
        ("Il decreto è stato annunciato martedì.", "it"),
        ("Si prevede che la strada resti chiusa.", "it"),
        ("O despacho foi publicado ontem.", "pt"),
    ],
)
def test_romance_narration(sentence: str, language: str) -> None:
    assert _claims(sentence, language)[0].speaker is None


def test_french_pronouns_titles_and_honorifics_refer_back() -> None:
    claims = _claims(
        "La ministre de l'Agriculture, Claire Vasseur, a présenté mercredi un plan.\n\n"
        "Le député Bruno Lemarchand estime que le gouvernement « improvise ».\n\n"
        "La ministre a affirmé que 800 millions seraient consacrés au plan.\n\n"
        "« Nous ne lâcherons rien », a-t-elle ajouté.\n\n"
        "M. Lemarchand a répondu que le texte était « inapplicable ». "
        "Il a précisé que son groupe voterait contre.\n\n"
        "D'après l'avocat de la famille, Me Pierre Lenoir, l'enquête a été bâclée. "
        "Selon lui, la police a ignoré des témoins.",
        "fr",
    )
    speakers = [c.speaker for c in claims]
    assert speakers == [
        None,  # "a présenté": an act
        "Bruno Lemarchand",
        "Claire Vasseur",  # "la ministre": the title given with her name
        "Claire Vasseur",  # "elle"
        "Bruno Lemarchand",  # "M. Lemarchand"
        "Bruno Lemarchand",  # "il"
        "Pierre Lenoir",
        "Pierre Lenoir",  # "selon lui"
    ]
    assert claims[2].role == "ministre de l'Agriculture"


def test_names_with_le_organisations_as_elle_and_relative_clauses() -> None:
    claims = _claims(
        "« Ce n'est plus possible », a lancé Yannick Le Goff, délégué CGT du port, devant les grévistes.\n\n"
        "La direction d'Atlantis Manutention a assuré que rien n'était décidé. "
        "Elle affirme que les départs seront volontaires.",
        "fr",
    )
    assert [(c.speaker, c.role) for c in claims] == [
        ("Yannick Le Goff", "délégué CGT du port"),  # "Le" inside a name
        ("la direction d'Atlantis Manutention", None),
        ("la direction d'Atlantis Manutention", None),  # "elle": a feminine noun, not only a woman
    ]
    claims = _claims(
        "El consejero, Tomás Herrero, aseguró que habrá más camas.\n\n"
        "Una paciente de 78 años, que pidió no ser identificada, contó que pasó 30 horas en un pasillo. "
        "«Nadie me dio ni una manta», lamentó.",
        "es",
    )
    assert [c.speaker for c in claims] == [
        "Tomás Herrero",
        "una paciente de 78 años",
        "una paciente de 78 años",
    ]


def test_spanish_dropped_subjects_and_quotations_that_go_on() -> None:
    claims = _claims(
        "El portavoz del Partido Popular, Javier Gómez, criticó la medida. "
        "Explicó que el Gobierno no había consultado a las comunidades.\n\n"
        "«Es una vergüenza», añadió.\n\n"
        "—No vamos a rendirnos —dijo la alcaldesa, Lucía Fernández—. Vamos a reconstruir el pueblo.\n\n"
        "El incendio comenzó el domingo.",
        "es",
    )
    assert [c.speaker for c in claims] == [
        "Javier Gómez",
        "Javier Gómez",  # "Explicó que": the subject left out
        "Javier Gómez",  # "«…», añadió."
        "Lucía Fernández",
        "Lucía Fernández",  # the dialogue goes on after "—dijo …—."
        None,
    ]


def test_a_title_set_off_before_a_name_is_what_a_later_title_refers_to() -> None:
    """Not only French: "The health minister, Jane Doe, visited …" makes "The minister said" hers."""
    article = Article(
        id="t",
        source="t",
        title="Hospital",
        text="Hospital\n\nThe health minister, Jane Doe, visited the hospital on Monday.\n\n"
        "The minister said the ward would reopen in May.",
        language="en",
    )
    said = parse_article(article).claims[-1]
    assert (said.speaker, said.role) == ("Jane Doe", "health minister")


def test_french_spaced_guillemets_and_danish_guillemets() -> None:
    text = "« Nous ne céderons pas », a déclaré Emmanuel Macron."
    mask = quote_masks(text)[0]
    assert all(mask[: text.index("»") + 1]) and not any(mask[text.index(",") :])
    danish = "»Vi skal gøre alt«, siger han. »Det er alvorligt«, siger hun."
    mask = quote_masks(danish)[0]
    assert not any(mask[danish.index("siger") : danish.index(". ")])
    assert all(mask[danish.index("»Det") : danish.index("«, siger hun") + 1])


def test_spanish_dialogue_dash_breaks_off_and_resumes() -> None:
    text = "—No vamos a rendirnos —dijo la alcaldesa—. Vamos a reconstruir el pueblo."
    mask = quote_masks(text)[0]
    assert all(mask[1 : text.index(" —dijo")])
    assert not any(mask[text.index("dijo") : text.index("alcaldesa") + 9])
    assert all(mask[text.index("Vamos a") : -1])


def test_an_opening_guillemet_belongs_to_the_next_sentence() -> None:
    text = "« Nous ne céderons pas », a déclaré Emmanuel Macron à Paris. « Le pays tiendra. »"
    assert [text[s:e] for s, e in split_sentences(text, "fr")] == [
        "« Nous ne céderons pas », a déclaré Emmanuel Macron à Paris.",
        "« Le pays tiendra. »",
    ]


def test_italian_and_portuguese_references_and_dropped_subjects() -> None:
    claims = _claims(
        "Il ministro dell'Interno, Stefano Lattanzi, ha spiegato che gli agenti arriveranno a marzo.\n\n"
        "Secondo il ministro, le aggressioni sono aumentate. Ha poi aggiunto che i fondi ci sono.",
        "it",
    )
    assert [c.speaker for c in claims] == ["Stefano Lattanzi"] * 3  # "il ministro" is his title
    claims = _claims(
        "O governador Ricardo Bastos anunciou 50 milhões e disse que as famílias vêm primeiro.\n\n"
        "— A gente perdeu tudo. Só deu tempo de subir no telhado — contou a costureira Rosângela Pires.\n\n"
        "A ministra da Saúde, Ana Costa, visitou a cidade. A ministra garantiu que haverá transporte.",
        "pt",
    )
    assert [c.speaker for c in claims] == [
        "Ricardo Bastos",  # "e disse": the subject of the first verb
        "Rosângela Pires",  # the dialogue before "— contou …"
        "Rosângela Pires",
        None,
        "Ana Costa",  # "A ministra": a Portuguese definite article
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Between an inverted verb and its subject: to whom it was said, and when.
        ("«Estamos preocupados», dijo a Efe el alcalde de Valencia.", "es", ["el alcalde de Valencia"]),
        ("«Siamo pronti», ha dichiarato all'Ansa il prefetto Mario Rossi.", "it", ["Mario Rossi"]),
        ("« On a tout perdu », a confié à l'AFP un habitant.", "fr", ["un habitant"]),
        ("Así lo ha anunciado este martes la ministra portavoz, Pilar Alegría.", "es", ["Pilar Alegría"]),
        # A fronted adverbial is not the subject; the subject left out is the person named before.
        (
            "Pedro Sánchez compareció el lunes. Durante la rueda de prensa, aseguró que no habrá elecciones.",
            "es",
            [None, "Pedro Sánchez"],
        ),
        # "-ment" nouns are no adverbs.
        ("Le gouvernement a annoncé que le salaire minimum serait augmenté.", "fr", ["le gouvernement"]),
        # A title or courtesy title before one name makes a person, whom a pronoun can refer to.
        (
            "O presidente Lula disse que o acordo será assinado. Ele acrescentou que o Brasil está pronto.",
            "pt",
            ["Lula", "Lula"],
        ),
        (
            "Jean Dupont est arrivé lundi. M. Dupont a déclaré que rien n'était décidé.",
            "fr",
            [None, "Jean Dupont"],
        ),
        ("Secondo quanto riferito dalla polizia, l'uomo era armato.", "it", ["polizia"]),
        (
            "Ursula von der Leyen, présidente de la Commission, a déclaré que l'accord était prêt.",
            "fr",
            ["Ursula von der Leyen"],
        ),
    ],
)
def test_romance_objects_adverbials_and_titles(text: str, language: str, expected: list[str | None]) -> None:
    assert [c.speaker for c in _claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Romance pronouns and genders stay in Romance articles: "Ella", "Lei" are names, "a" is no "she".
        (
            'Ella Jones, a nurse, said the ward was full. "We are exhausted," said Ella.',
            "en",
            ["Ella Jones"] * 2,
        ),
        ("Lei Jun, Xiaomi's chief executive, said the car would ship in March.", "en", ["Lei Jun"]),
        (
            "Mayor Mary Jones said the road would reopen. A police spokesman said the crash was under "
            "investigation. She added that the bridge was safe.",
            "en",
            ["Mary Jones", "a police spokesman", "Mary Jones"],
        ),
        ("Los Angeles officials said the fire was contained.", "en", ["Los Angeles officials"]),
        # Romance particles stay in Romance names: German "das", Danish "da" ("when").
        (
            "Gestern hat Olaf Scholz das Treffen abgesagt. Scholz sagte, er sei krank.",
            "de",
            [None, "Olaf Scholz"],
        ),
        (
            "Det skete i Aarhus da Anders Jensen kom hjem. Anders Jensen siger, at han blev overrasket.",
            "da",
            [None, "Anders Jensen"],
        ),
        # A Swedish aside between dashes inside a quotation does not end it.
        ("– Vi har gjort allt – tror jag – men det räcker inte, säger Anna Berg.", "sv", ["Anna Berg"]),
        ("– Det här är – menar många – ett misslyckande, säger Anna Berg.", "sv", ["Anna Berg"]),
        # A time before a name is no title.
        ("The next day, Jane Doe, 45, was arrested. She said she was innocent.", "en", [None, "Jane Doe"]),
    ],
)
def test_other_languages_keep_their_reading(text: str, language: str, expected: list[str | None]) -> None:
    claims = _claims(text, language)
    assert [c.speaker for c in claims] == expected
    assert all(c.role != "next day" for c in claims)
