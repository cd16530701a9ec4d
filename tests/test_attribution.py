"""Speaker attribution: the seed and every gold article, sentence by sentence, plus focused cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimbot.attribution import quote_masks
from claimbot.evaluation import load_gold, same_speaker
from claimbot.model import Article, Claim, Form, SpeakerKind
from claimbot.parse import parse_article
from claimbot.sources import read_article
from tests.conftest import DATA, SEED

TUNED_GOLD = sorted(p for p in (DATA / "gold").glob("*.json") if not p.name.startswith("heldout_"))


def _claims(text: str, language: str = "sv") -> list[Claim]:
    article = Article(id="t", source="t", title=text.split("\n")[0], text=text, language=language)
    return list(parse_article(article).claims)


@pytest.mark.parametrize("gold_path", TUNED_GOLD, ids=lambda p: p.stem)
def test_gold_article_every_sentence(gold_path: Path) -> None:
    article_path, gold = load_gold(gold_path)
    claims = parse_article(read_article(article_path)).claims
    assert [c.text for c in claims] == [g["text"] for g in gold["claims"]]
    for claim, expected in zip(claims, gold["claims"], strict=True):
        got = (claim.speaker, str(claim.speaker_kind), str(claim.form))
        want = (expected["speaker"], expected["speaker_kind"], expected["form"])
        assert same_speaker(want[0], got[0]) and got[1:] == want[1:], f"{claim.text!r}: {got} != {want}"


def test_seed_roles_and_via() -> None:
    claims = parse_article(read_article(SEED)).claims
    gold = json.loads((DATA / "gold" / "seed_000.json").read_text(encoding="utf-8"))["claims"]
    for claim, expected in zip(claims, gold, strict=True):
        if "role" in expected:
            assert claim.role == expected["role"], claim.text
        if "via" in expected:
            assert claim.via == expected["via"], claim.text


def test_seed_lavrov_mention_and_cue() -> None:
    lavrov = next(c for c in parse_article(read_article(SEED)).claims if c.speaker == "Sergej Lavrov")
    assert (lavrov.mention, lavrov.cue, lavrov.role) == (
        "Utrikesminister Sergej Lavrov",
        "uttryckte",
        "Utrikesminister",
    )


def test_quote_then_cue_with_speaker_named_after() -> None:
    text = (
        "Rubrik här.\n”Vi är mycket oroliga,” säger Anna Berg, presschef på Trafikverket.\n"
        "”Det är allvarligt,” säger Berg."
    )
    claims = _claims(text)
    # The second claim names only "Berg", but she is still Trafikverket's press officer.
    assert [(c.speaker, c.form, c.role) for c in claims[1:]] == [
        ("Anna Berg", Form.DIRECT, "presschef på Trafikverket"),
        ("Anna Berg", Form.DIRECT, "presschef på Trafikverket"),
    ]
    assert claims[2].mention == "Berg"


def test_a_speaker_keeps_the_title_the_article_gives_them_elsewhere() -> None:
    text = (
        "Rubrik.\nMiljöminister Karl Berglund (C) presenterade planen på tisdagen.\n"
        "”Vi måste agera nu,” säger Karl Berglund.\nHan säger att pengarna räcker.\n"
        "Professor Ines Falk kritiserade planen. Falk säger att den är för dyr."
    )
    roles = {(c.speaker, c.role) for c in _claims(text) if c.speaker}
    assert roles == {("Karl Berglund", "Miljöminister"), ("Ines Falk", "Professor")}


def test_a_relative_clause_after_the_name_describes_the_speaker() -> None:
    text = (
        "Headline.\n“I saw the whole thing,” said Dan Ortiz, who runs the bakery on the corner.\n"
        "“Nobody stopped,” he said.\n"
        "”Det gick fort,” säger Eva Lund, som bor intill vägen.\n"
        "”Det small,” säger Kim Berg, som sade att hon var rädd, till tidningen."
    )
    roles = [(c.speaker, c.role) for c in _claims(text)[1:]]
    assert roles == [
        ("Dan Ortiz", "who runs the bakery on the corner"),
        ("Dan Ortiz", "who runs the bakery on the corner"),
        ("Eva Lund", "som bor intill vägen"),
        ("Kim Berg", None),  # the clause goes on after a comma: not a plain description
    ]


def test_pronoun_refers_back_to_the_right_gender() -> None:
    text = (
        "Rubrik.\nPer Holm och Karin Ek möttes i går.\n"
        "”Det gick bra,” säger Per Holm.\n”Jag är nöjd,” säger Karin Ek.\nHon menar att samtalen fortsätter."
    )
    assert _claims(text)[-1].speaker == "Karin Ek"


def test_english_said_after_quote_and_according_to() -> None:
    text = (
        "Headline here.\n"
        '"We will appeal," said Tom Ellis, the mayor.\n'
        "According to court documents, the city owes $2 million.\n"
        "He added that the council would meet on Friday."
    )
    claims = _claims(text, "en")
    assert [(c.speaker, c.speaker_kind) for c in claims[1:]] == [
        ("Tom Ellis", SpeakerKind.PERSON),
        ("court documents", SpeakerKind.SOURCE),
        ("Tom Ellis", SpeakerKind.PERSON),
    ]
    assert claims[1].role == "the mayor"


def test_multi_paragraph_english_quote_inherits_the_speaker() -> None:
    text = (
        "Headline\n"
        '"This is the first paragraph of a long quote," said Jane Doe, the minister.\n'
        '"And this is the second one, which opens but never closes.\n'
        '"This third paragraph closes it."\n'
        "The weather was fine."
    )
    claims = _claims(text, "en")
    assert [c.speaker for c in claims[1:]] == ["Jane Doe", "Jane Doe", "Jane Doe", None]
    assert claims[2].mention is None  # inherited: this sentence does not name her


def test_swedish_dash_quotes() -> None:
    text = (
        "Rubrik\n– Vi har aldrig sett något liknande, säger Lars Nyberg, räddningsledare.\n"
        "Branden släcktes vid midnatt."
    )
    claims = _claims(text)
    assert (claims[1].speaker, claims[1].form) == ("Lars Nyberg", Form.DIRECT)
    assert claims[2].speaker is None


def test_same_surname_stays_two_people() -> None:
    text = (
        "Rubrik.\nÅklagaren Karin Lind yrkade på fängelse.\n"
        "Klubbens ordförande Per Lind säger att han är chockad.\n"
        "”Vi litade på honom,” säger Per Lind.\n"
        "Karin Lind säger att domen kommer att överklagas."
    )
    assert [c.speaker for c in _claims(text)[2:]] == ["Per Lind", "Per Lind", "Karin Lind"]


def test_narration_that_mentions_people_is_narrator() -> None:
    claims = _claims("Rubrik.\nLavrov träffade Rubio i Riyadh på tisdagen.\nThe meeting lasted two hours.")
    assert all(c.speaker is None and c.form is Form.NARRATOR for c in claims)


def test_passive_speech_verb_is_not_a_speaker() -> None:
    claims = _claims("Headline.\nThe plant was announced in 2023 with great fanfare.", "en")
    assert claims[1].speaker is None


def test_held_out_articles_reach_the_target() -> None:
    """Articles written by someone who never saw the rules: aggregate speaker accuracy >= 95%."""
    from claimbot.evaluation import GoldScore, score_gold

    total = GoldScore.zero()
    for path in sorted((DATA / "gold").glob("heldout_*.json")):
        total = total + score_gold(path)[0]
    assert total.sentences >= 80
    assert total.segmented == total.sentences
    assert total.speaker_accuracy >= 0.95 and total.precision >= 0.95 and total.recall >= 0.95


def test_institution_after_the_article_is_a_source() -> None:
    claims = _claims("Headline.\nThe National Weather Service said winds reached 80 mph in some areas.", "en")
    assert (claims[1].speaker, claims[1].speaker_kind) == ("the National Weather Service", SpeakerKind.SOURCE)


# ---------------------------------------------------------------- constructions from the tracking corpus
# Each case uses its own names and words, so it checks the rule rather than one article's sentence.


def test_name_with_a_long_comma_apposition_before_the_verb() -> None:
    text = (
        "Headline.\n"
        "Jonas Berg, a Baltic affairs analyst at the Polar Policy Centre in Tromsø, Norway, "
        "said Oslo would wait.\n"
        "Laura Kim, an economist at the Central Bank of Iceland, said rates would fall.\n"
        "Omar Haddad, 61, a fisherman from Bodø, Norway, said the quotas were unfair.\n"
        "Tom Reed, who farms near Leeds, England, said prices were falling."
    )
    claims = _claims(text, "en")
    assert [(c.speaker, c.speaker_kind) for c in claims[1:]] == [
        ("Jonas Berg", SpeakerKind.PERSON),
        ("Laura Kim", SpeakerKind.PERSON),
        ("Omar Haddad", SpeakerKind.PERSON),
        ("Tom Reed", SpeakerKind.PERSON),
    ]
    assert claims[1].role == "a Baltic affairs analyst at the Polar Policy Centre in Tromsø, Norway"
    assert claims[2].role == "an economist at the Central Bank of Iceland"


def test_title_name_and_place_as_subject() -> None:
    claims = _claims("Rubrik.\nKommunalrådet Lena Nordin i Kalmar menar att budgeten håller.")
    assert (claims[1].speaker, claims[1].speaker_kind) == ("Lena Nordin", SpeakerKind.PERSON)
    assert claims[1].role == "Kommunalrådet i Kalmar"


def test_inverted_subject_ends_at_a_lowercase_word() -> None:
    text = (
        "Rubrik.\nKommunalrådet Lena Nordin säger att skolan stänger.\n"
        "I början av maj klagade Nordin över att ingen lyssnade.\n"
        "Under mötet krävde Nordin samtidigt att beslutet rivs upp."
    )
    assert [c.speaker for c in _claims(text)[2:]] == ["Lena Nordin", "Lena Nordin"]


def test_inverted_subject_after_a_fronted_comparison() -> None:
    text = (
        "Rubrik.\nKommunalrådet Lena Nordin säger att skolan stänger.\n"
        "Lika tydligt som i fjol sade Nordin att pengarna inte räcker."
    )
    assert _claims(text)[2].speaker == "Lena Nordin"


def test_fronted_enligt_reports_the_whole_clause() -> None:
    claims = _claims("Rubrik.\nEnligt Regeringskansliet krävde Holm samtidigt att avtalet skrivs om.")
    assert (claims[1].speaker, claims[1].speaker_kind) == ("Regeringskansliet", SpeakerKind.SOURCE)


def test_enligt_phrase_ends_at_the_v2_verb() -> None:
    text = (
        "Rubrik.\nEnligt den norska kustbevakningen bordades fartyget i natt.\n"
        "Enligt det danska utrikesministeriet kallade Köpenhamn hem sin ambassadör.\n"
        "Enligt finska medier stängdes gränsen i går."
    )
    assert [c.speaker for c in _claims(text)[1:]] == [
        "den norska kustbevakningen",
        "det danska utrikesministeriet",
        "finska medier",
    ]


def test_dash_quote_tail_with_lowercase_title_and_surname_only() -> None:
    text = (
        "Rubrik.\nAnna Berg säger att läget är lugnt.\n"
        "– Vi har inga pengar kvar, säger finansminister Holm.\n"
        "– Det var kaos i natt, säger nattsköterska Ek.\n"
        "– Vi öppnar i morgon, säger kommunens presschef Sara Lund."
    )
    claims = _claims(text)
    assert (claims[2].speaker, claims[2].speaker_kind, claims[2].role) == (
        "Holm",
        SpeakerKind.PERSON,
        "finansminister",
    )
    # A tail we cannot read still says the quote is not the previous speaker's.
    assert claims[3].speaker not in ("Anna Berg", "Holm")
    assert (claims[4].speaker, claims[4].role) == ("Sara Lund", "kommunens presschef")


def test_what_opens_a_new_subject() -> None:
    claims = _claims(
        "Headline.\nBefore dawn, the army fired what local officials called a warning shot.", "en"
    )
    assert (claims[1].speaker, claims[1].speaker_kind) == ("local officials", SpeakerKind.SOURCE)


def test_capitalised_cue_word_inside_a_name_is_not_a_verb() -> None:
    text = (
        "Headline.\nOfficials from the United States, Canada and Mexico are expected to meet in Ottawa.\n"
        "Engineers at Consumer Reports tested 40 cars."
    )
    assert all(c.speaker is None for c in _claims(text, "en"))


def test_name_before_a_colon_quote_after_a_dash_in_a_title() -> None:
    text = "Hamnen stängd – Holm: ”Vi väntar på besked”\nFinansminister Per Holm säger att hamnen öppnar."
    assert _claims(text)[0].speaker == "Per Holm"


def test_lone_surname_marked_as_a_person() -> None:
    text = (
        "Headline.\nNovak, the city's police chief, said the roads were closed.\n"
        "Ortega said on Monday that she would stay."
    )
    claims = _claims(text, "en")
    assert [(c.speaker, c.speaker_kind) for c in claims[1:]] == [
        ("Novak", SpeakerKind.PERSON),
        ("Ortega", SpeakerKind.PERSON),
    ]


def test_genitive_with_colon_is_dropped_from_the_role() -> None:
    claims = _claims("Rubrik.\nSVT:s Karin Holm bedömer att valet blir jämnt.")
    assert (claims[1].speaker, claims[1].role) == ("Karin Holm", "SVT")


# ---------------------------------------------------------------- unbalanced and nested quotation marks
# Each follows a sentence by somebody else: a misread quotation must not hand them this one.


def _marked(text: str) -> str:
    """The characters quote_masks puts inside a quotation, the others as spaces."""
    mask, _ = quote_masks(text)
    return "".join(ch if inside else " " for ch, inside in zip(text, mask, strict=True)).strip()


def test_quote_masks_nest_and_read_the_direction_from_the_neighbours() -> None:
    assert _marked("“A ‘b “c” d’ e,” he said.") == "“A ‘b “c” d’ e,”"
    assert _marked("»A ›b‹ c«, sa han.") == "»A ›b‹ c«"
    assert _marked("»A b», sa han.") == "»A b»"
    assert _marked("”A ”b” c”, sa han.") == "”A ”b” c”"
    assert _marked("„A b“, sa han.") == "„A b“"
    assert _marked("It’s the workers’ union.") == ""  # apostrophes, not quotation marks


def test_quote_masks_stray_and_unclosed_marks() -> None:
    assert _marked('A stray mark” here and a 12" pipe.') == ""
    # Never closed but followed by an attribution tail: the quotation ends at the tail.
    assert _marked('"We lost, said the coach Per Ek.') == '"We lost,'
    assert quote_masks('"We lost, said the coach Per Ek.')[1] is False
    # Never closed and no tail: it runs on into the next paragraph.
    mask, ends_inside = quote_masks("“We lost, and we know why.")
    assert all(mask) and ends_inside


def test_unclosed_quote_is_credited_to_its_own_tail() -> None:
    text = (
        "Headline\n“We will build it,” said the mayor Ruth Gale.\n"
        '"The harbour plan is finished, said the engineer Omar Sand.\n'
        "“Nobody asked us, said the fisherman Leif Dahl.\n"
        "The council meets in June."
    )
    claims = _claims(text, "en")
    assert [c.speaker for c in claims[1:]] == ["Ruth Gale", "Omar Sand", "Leif Dahl", None]


def test_nested_marks_do_not_hide_the_tail() -> None:
    text = (
        "Headline\n“We will build it,” said the mayor Ruth Gale.\n"
        "“He called it ‘a “very” bad deal’ twice,” said the engineer Omar Sand.\n"
        "“He said “never” and left,” said the fisherman Leif Dahl."
    )
    assert [c.speaker for c in _claims(text, "en")[1:]] == ["Ruth Gale", "Omar Sand", "Leif Dahl"]


def test_stray_closing_mark_inherits_nobody() -> None:
    text = (
        "Headline\n“We will build it,” said the mayor Ruth Gale.\n"
        "The old quay” was closed in May.\n"
        'A 12" pipe burst under the quay on Monday.\n'
        "“It was rusty, said the plumber Nils Berg."
    )
    claims = _claims(text, "en")
    assert [c.speaker for c in claims[1:]] == ["Ruth Gale", None, None, "Nils Berg"]
    assert claims[2].form is Form.NARRATOR


def test_swedish_guillemets_and_same_mark_nesting() -> None:
    text = (
        "Rubrik\n”Vi bygger bron”, säger kommunalrådet Lena Dahl.\n"
        "»Det är ett ›sista‹ erbjudande«, säger fackets ordförande Jonas Vik.\n"
        "»Vi väntar inte längre», säger Maja Ström.\n"
        "”Hon kallade det ”orimligt” i går”, säger Jonas Vik.\n"
        "”Vi har inga pengar, säger ekonomen Pia Sund.\n"
        "„Das ist zu spät“, säger Jonas Vik."
    )
    claims = _claims(text)
    assert [c.speaker for c in claims[1:]] == [
        "Lena Dahl",
        "Jonas Vik",
        "Maja Ström",
        "Jonas Vik",
        "Pia Sund",
        "Jonas Vik",
    ]
    assert all(c.form is Form.DIRECT for c in claims[1:])


def test_quote_that_genuinely_continues_still_inherits() -> None:
    text = (
        "Rubrik\n”Vi bygger bron”, säger kommunalrådet Lena Dahl.\n"
        "”Den blir klar i maj. Sedan bygger vi vägen.\n"
        "”Det har vi lovat”, säger hon.\n"
        "»Pengarna finns», säger Jonas Vik.\n"
        "»Vi har räknat på det.»"
    )
    claims = _claims(text)
    assert [c.speaker for c in claims[1:]] == ["Lena Dahl"] * 4 + ["Jonas Vik"] * 2
    assert claims[2].mention is None


def test_a_narrated_sentence_before_a_carried_over_quote_is_not_the_speakers() -> None:
    """A quotation without a speaker after somebody spoke is theirs, but the narration in which it
    opens is not: only a quotation that names its speaker carries it over to every sentence."""
    text = (
        "Headline\n“We will build it,” said the mayor Ruth Gale.\n"
        "The bridge opens in May. Critics in the town council call it “a bridge to nowhere.\n"
        "“It is a waste of money.”"
    )
    claims = _claims(text, "en")
    assert [c.speaker for c in claims[1:]] == ["Ruth Gale", None, None, "Ruth Gale"]


def _who(claims: list[Claim]) -> list[tuple[str | None, str]]:
    return [(c.speaker, str(c.speaker_kind)) for c in claims[1:]]


def test_title_that_opens_the_sentence_is_a_role_not_part_of_the_name() -> None:
    """A definite Swedish title, a profession in -ologist/-log and a hyphenated compound before a
    name are roles, also where the article's names are registered for later references."""
    text = (
        "Rubrik\nRegionrådet Aino Kettunen (M) kritiserar beslutet.\n– Det är fel, säger Kettunen.\n"
        "FN-sändebudet Tomasz Zieliński sade i går att samtalen fortsätter.\n"
        "Seismologen Haruto Sato varnar för fler skalv.\nHan säger att mätarna inte räcker."
    )
    claims = _claims(text)
    assert [(c.speaker, c.role) for c in claims[1:]] == [
        ("Aino Kettunen", "Regionrådet"),
        ("Aino Kettunen", "Regionrådet"),
        ("Tomasz Zieliński", "FN-sändebudet"),
        ("Haruto Sato", "Seismologen"),
        ("Haruto Sato", "Seismologen"),
    ]
    english = _claims(
        "Headline\nSeismologist Mei Tanaka, who mapped the fault, has warned of more quakes.", "en"
    )
    assert (english[1].speaker, english[1].role) == ("Mei Tanaka", "Seismologist")


def test_name_with_a_capital_outside_a_to_o_is_registered() -> None:
    """ "Łukasz Nowicki" is a full name for a later lone "Nowicki" and "han"; a surname in -qvist
    is not a profession."""
    text = (
        "Rubrik\nŁukasz Nowicki är ordförande i föreningen.\n– Vi är oroade, säger Nowicki.\n"
        "Han säger att hyrorna stiger.\nOla Lindqvist är kassör.\nLindqvist säger att kassan räcker."
    )
    assert _who(_claims(text)) == [
        (None, "narrator"),
        ("Łukasz Nowicki", "person"),
        ("Łukasz Nowicki", "person"),
        (None, "narrator"),
        ("Ola Lindqvist", "person"),
    ]


def test_adverb_between_auxiliary_and_verb_is_never_the_speaker() -> None:
    """Listed and unlisted adverbs, one or two words; an inverted subject after a fronted adverbial
    still is the subject."""
    text = (
        "Rubrik\nFacket har hela tiden hävdat att lönerna är för låga.\n"
        "Hyresgästerna har länge krävt nya fönster.\nBolaget har tidigare meddelat att hyran höjs.\n"
        "Styrelsen har flitigt kritiserat planen.\nUnder dagen har polisen meddelat att vägen är avstängd.\n"
        "I dag har regeringen meddelat att skatten sänks."
    )
    assert _who(_claims(text)) == [
        ("Facket", "source"),
        ("Hyresgästerna", "source"),
        ("Bolaget", "source"),
        ("Styrelsen", "source"),
        ("polisen", "source"),
        ("regeringen", "source"),
    ]
    english = _claims("Headline\nCritics have long argued that the tax is unfair.", "en")
    assert english[1].speaker == "Critics"


def test_verb_before_a_noun_that_is_also_a_cue_word_is_no_speech() -> None:
    text = (
        "Headline\nThe agency also faces claims that it ignored the warnings.\n"
        "The ministry faces questions over the contract.\nThe union also warns that wages are too low."
    )
    assert _who(_claims(text, "en")) == [(None, "narrator"), (None, "narrator"), ("the union", "source")]


def test_cue_in_a_whose_clause_is_not_the_sentence_verb() -> None:
    text = (
        "Headline\nEconomist Lina Berg, whose report warned of a recession, said the bank had acted"
        " too late.\n"
        "Berg also repeated that rates must fall.\n"
        "Föreningen, vars rapport varnade för torka, säger att bönderna behöver stöd."
    )
    assert _who(_claims(text, "en")) == [
        ("Lina Berg", "person"),
        ("Lina Berg", "person"),
        ("Föreningen", "source"),
    ]


def test_role_before_an_apposed_name() -> None:
    claims = _claims(
        "Headline\nNorway's fisheries minister, Kari Dahl, said on Monday that quotas would fall.", "en"
    )
    assert (claims[1].speaker, claims[1].role) == ("Kari Dahl", "Norway's fisheries minister")


def test_possessive_role_resolves_to_the_person_named_with_it() -> None:
    """ "Kallby's municipal leader" after "municipal leader Tove Lindgren" is her; the same role of
    another owner, or one the article never gave anybody, is not."""
    text = (
        "Headline\nIn Kallby, municipal leader Tove Lindgren said the plant would open in May.\n"
        "Nordic Steel's chief executive, Arvid Holm, said costs had doubled.\nThe plant employs 200 people.\n"
        "Kallby's municipal leader said the town had waited long enough.\n"
        "The company's chief executive added that prices would rise.\n"
        "Oreco's chief executive said the deal was off.\nThe harbour's press officer said the ferry was late."
    )
    assert _who(_claims(text, "en")) == [
        ("Tove Lindgren", "person"),
        ("Arvid Holm", "person"),
        (None, "narrator"),
        ("Tove Lindgren", "person"),
        ("Arvid Holm", "person"),
        ("Oreco's chief executive", "source"),
        ("the harbour's press officer", "source"),
    ]


def test_negated_speech_verb_without_a_report_is_narration() -> None:
    text = (
        "Rubrik\nKommunalrådet Eva Ek har ännu inte kommenterat domen.\n"
        "Ek vill inte säga hur hon ser på saken.\nEk tror inte att domen står sig.\n"
        "The council has not commented on the ruling."
    )
    assert _who(_claims(text)) == [
        (None, "narrator"),
        (None, "narrator"),
        ("Eva Ek", "person"),
        (None, "narrator"),
    ]


def test_a_generic_noun_refers_back_to_the_organisation_named_before() -> None:
    text = (
        "Headline\nThe Norwegian Meteorological Institute said on Monday that the winter was mild.\n"
        "An anonymous source said the figures were late.\n"
        "The institute said the trend would continue."
    )
    speakers = [c.speaker for c in _claims(text, "en") if c.speaker]
    assert speakers == [
        "the Norwegian Meteorological Institute",
        "an anonymous source",  # an unnamed source is not an organisation to refer back to
        "the Norwegian Meteorological Institute",
    ]


def test_a_generic_organisation_noun_with_nobody_named_before_stays_as_written() -> None:
    claims = _claims("Headline\nThe ministry said the plan was ready.", "en")
    assert claims[1].speaker == "the ministry"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "H\nBritain's Met Office said Tuesday that it was warm.\nThe agency said it was man-made.",
            "en",
            ["Britain's Met Office", "Britain's Met Office"],
        ),
        # not an agency, or not the latest source, or a company (whose name does not say so)
        (
            "H\nRoyal Swedish Academy of Sciences said the prize was decided.\nThe ministry said it agreed.",
            "en",
            ["Royal Swedish Academy of Sciences", "the ministry"],
        ),
        (
            "H\nBritain's Met Office said it was warm.\nAn anonymous source said it was late.\n"
            "The agency said it was man-made.",
            "en",
            ["Britain's Met Office", "an anonymous source", "the agency"],
        ),
        (
            "H\nEuropean Commission said the rules apply.\nShell chief executive Wael Sawan said prices "
            "rise.\nThe firm said it would wait.",
            "en",
            ["European Commission", "Wael Sawan", "the firm"],
        ),
        (
            "H\nEnligt Dagens Nyheter har bolaget sparkat tio.\nBolaget säger att det behövdes.",
            "sv",
            ["Dagens Nyheter", "Bolaget"],
        ),
    ],
)
def test_a_generic_noun_refers_back_only_to_an_organisation_of_its_kind(
    text: str, lang: str, expected: list[str]
) -> None:
    assert [c.speaker for c in _claims(text, lang)[1:]] == expected


@pytest.mark.parametrize(
    "text",
    [
        "H\n“We will rebuild,” said the mayor, who Tom Ellis replaced last year.",
        "H\n”Vi bygger upp igen,” säger borgmästaren, som Tom Ellis ersatte i fjol.",
        "H\n“I saw it,” said Dan Ortiz, who his neighbour Eva Lund had warned.",
        "H\n”Jag såg det,” säger Eva Lund, som polisen senare grep.",
    ],
)
def test_a_clause_about_someone_else_is_neither_the_speaker_nor_their_role(text: str) -> None:
    claim = _claims(text, "sv" if "”" in text else "en")[1]
    assert claim.speaker in ("the mayor", "borgmästaren", "Dan Ortiz", "Eva Lund")
    assert claim.role is None


def test_a_title_wins_over_a_longer_description() -> None:
    text = (
        "Rubrik\nPolischef Anna Berg höll presskonferens på måndagen.\n"
        "”Det var allvarligt,” säger Anna Berg, som inte ville gå in på detaljer."
    )
    assert _claims(text)[2].role == "Polischef"


@pytest.mark.parametrize(
    ("sentence", "lang", "speaker"),
    [
        ("The Maritime and Logistics Workers' Union said the strike would last 72 hours.", "en",
         "the Maritime and Logistics Workers' Union"),
        ("The Department of Health and Social Care said the plan was fully funded.", "en",
         "the Department of Health and Social Care"),
        ("Myndigheten för samhällsskydd och beredskap skriver att läget är allvarligt.", "sv",
         "Myndigheten för samhällsskydd och beredskap"),
        ("Officials at the Marine Directorate said a net had been deployed.", "en",
         "Officials at the Marine Directorate"),
        # An unnamed source whose organisation or place is named (found on articles written blind).
        ("Enligt en källa inom branschorganisationen Svenska Ägg kan förlusterna bli stora.", "sv",
         "en källa inom branschorganisationen Svenska Ägg"),
        ("According to a source at Voltaris, the plant will close.", "en", "a source at Voltaris"),
        ("Health officials in Leicester have confirmed 47 cases of measles since February.\nOne mother "
         "whose son spent four nights at Leicester Royal Infirmary said she had not known.", "en",
         "Health officials in Leicester"),
    ],
)  # fmt: skip
def test_an_organisation_name_with_a_conjunction_or_a_possessive_is_read_whole(
    sentence: str, lang: str, speaker: str
) -> None:
    claim = _claims(f"Rubrik\n{sentence}", lang)[1]
    assert (claim.speaker, claim.speaker_kind, claim.role) == (speaker, SpeakerKind.SOURCE, None)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Putin och Trump säger att de ska ses.", "Trump"),  # two subjects, not one name
        ("The union and the company said talks would resume.", "the company"),
        ("Profits rose and the union said it wanted a share.", "the union"),
    ],
)
def test_a_conjunction_between_two_subjects_does_not_make_one_name(sentence: str, speaker: str) -> None:
    assert _claims(f"Rubrik\n{sentence}", "en")[1].speaker == speaker


def test_a_party_after_the_name_does_not_hide_the_title_behind_it() -> None:
    text = (
        "Rubrik\n– Vi har inget val, säger Annika Dahlberg (S), ordförande i tekniska nämnden.\n"
        "Hon uppger att beslutet omprövas i augusti."
    )
    assert [(c.speaker, c.role) for c in _claims(text)[1:]] == [
        ("Annika Dahlberg", "ordförande i tekniska nämnden")
    ] * 2


def test_an_honorific_gives_way_to_the_apposition_but_stays_with_a_description() -> None:
    text = (
        "Headline\n“These fish carry lice,” said Dr. Alasdair Munro, a fisheries biologist at the Trust.\n"
        "“It is a drop in the ocean,” said Prof. Hannah Lewis, who studies climate adaptation."
    )
    assert [c.role for c in _claims(text, "en")[1:]] == [
        "a fisheries biologist at the Trust",
        "Prof., who studies climate adaptation",
    ]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Rubrik\nDie Kosten seien gestiegen, sagte Bürgermeisterin Sabine Krämer. "
            "„Das können wir nicht zumuten.“\nEs war sehr laut, sagte Anwohner Klaus Meier.\n"
            "Das Ministerium erklärte am Montag, die Pläne seien fertig.",
            "de",
            [("Sabine Krämer", "Bürgermeisterin")] * 2
            + [("Klaus Meier", "Anwohner"), ("das Ministerium", None)],
        ),
        (
            "Overskrift\n– Det er en god dag for havnen, siger havnefoged Jens Mikkelsen.\n"
            "Ifølge kommunen koster projektet 25 millioner kroner.\nFiskeren Mette Holm er forbeholden.\n"
            "Hun mener, at kajen kommer for sent.",
            "da",
            [("Jens Mikkelsen", "havnefoged"), ("kommunen", None), (None, None), ("Mette Holm", "Fiskeren")],
        ),
    ],
)
def test_german_and_danish_cues_titles_and_pronouns(
    text: str, lang: str, expected: list[tuple[str | None, str | None]]
) -> None:
    claims = _claims(text, lang)[1:]
    assert [(c.speaker, c.role) for c in claims] == expected
    assert not any(c.text.strip() in "“”„" for c in claims)  # a closing mark is never a sentence


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("H\nFrank Doyle is the manager.\nDoyle later told reporters he would wait.", "en", "Frank Doyle"),
        ("H\nMargaret Olu KC said the fire was set.\nMs Olu said the gait matched.", "en", "Margaret Olu"),
        ("H\nEnligt försvarsminister Pål Jonson har regeringen beslutat.", "sv", "Pål Jonson"),
        ("H\nFlera läkare har redan sagt upp sig.", "sv", None),
        ("H\nDonald Trump said no.\nDonald Trump Jr said yes.", "en", "Donald Trump Jr"),
        ("H\nDet säger er något om hur illa läget är.", "sv", None),
        ("H\nThe message was clear: “Go home.”", "en", None),
        ("H\nDavid Trust, a local farmer, said the water was gone.", "en", "David Trust"),
        ("H\nEnligt analytiker Dagens Industri talat med stiger räntan.", "sv", "analytiker"),
        ("H\nCulture, Media and Sport Secretary Lisa Nandy said it.\nNandy said more.", "en", "Lisa Nandy"),
        ("H\nBeslutet är fel, uppger källor för Dagens Nyheter.", "sv", "källor för Dagens Nyheter"),
    ],
)
def test_adverbs_post_nominals_titles_and_verbs_that_are_not_speech(
    text: str, lang: str, expected: str | None
) -> None:
    assert _claims(text, lang)[-1].speaker == expected


def test_an_age_between_commas_is_not_a_role() -> None:
    claim = _claims("H\nDaniel Ferris, 41, said he was at home.", "en")[1]
    assert (claim.speaker, claim.role) == ("Daniel Ferris", None)
    assert _claims("H\nMargaret Olu KC said it.", "en")[1].role == "KC"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "H\nAn official who asked not to be named because they were not authorised to speak said the "
            "plan was dead.\nThe official described the talks as tense.",
            "en",
            ["an official", "an official"],
        ),
        (
            "H\nEn tjänsteman som inte vill framträda med namn säger att budgeten inte räcker.",
            "sv",
            ["en tjänsteman"],
        ),
    ],
)
def test_an_unnamed_source_with_a_relative_clause_without_commas(
    text: str, lang: str, expected: list[str]
) -> None:
    assert [c.speaker for c in _claims(text, lang)[1:]] == expected


def test_a_copula_and_a_colon_before_a_whole_quotation_name_the_speaker() -> None:
    text = (
        "H\nThe opposition's transport spokesman, Rhys Maddox, was blunt: \"This government cannot keep a "
        'boat afloat."\nThe weather was bad: "rain" fell all day.'
    )
    blunt, weather = _claims(text, "en")[1:]
    assert (blunt.speaker, blunt.form, blunt.role) == (
        "Rhys Maddox",
        Form.DIRECT,
        "The opposition's transport spokesman",
    )
    assert weather.speaker is None  # the quotation does not run to the end: no speaker
    assert _claims("H\nLena Ek var tydlig: ”Vi ger oss inte.”")[1].speaker == "Lena Ek"


def test_a_club_is_an_organisation_and_the_club_refers_back_to_it() -> None:
    text = (
        "H\nIn a statement, Ashford Rovers said midfielder Tom Reilly had been injured.\n"
        "The club also confirmed that the stand will reopen."
    )
    claims = _claims(text, "en")[1:]
    assert [(c.speaker, c.speaker_kind) for c in claims] == [("Ashford Rovers", SpeakerKind.SOURCE)] * 2


# Cases found on articles written blind (by someone who had not seen the rules), one per fix.


def _speakers(text: str, language: str = "sv") -> list[tuple[str | None, str | None]]:
    return [(c.speaker, c.role) for c in _claims(text, language)[1:]]


def test_a_title_with_a_genitive_before_the_name_after_enligt() -> None:
    text = "Rubrik\nEnligt polisens presstalesperson Johan Ek har angriparna krävt en lösensumma.\n"
    assert _speakers(text) == [("Johan Ek", "polisens presstalesperson")]


def test_a_party_in_parentheses_is_not_part_of_the_name() -> None:
    text = "Rubrik\nKommunalrådet i Sjöbo, Eva Berg (M), säger att kommunen förbereder stöd.\n"
    assert _speakers(text) == [("Eva Berg", "Kommunalrådet i Sjöbo")]


def test_an_organisation_named_as_speaker_is_not_a_person_whose_title_names_it() -> None:
    text = (
        "Rubrik\n”Vi har upprättat en skyddszon”, säger Malin Sundberg, statsveterinär på Jordbruksverket.\n"
        "Smittan har sannolikt förts in av vilda fåglar, tror Jordbruksverket.\n"
    )
    assert [s for s, _ in _speakers(text)] == ["Malin Sundberg", "Jordbruksverket"]


def test_a_definite_title_and_a_three_part_nordic_name() -> None:
    text = (
        "Rubrik\nOrdföranden Per-Olof Dahlgren säger att klubben inleder ett sparprogram.\n"
        "Räddningsledaren Tor Arne Hagen säger att 180 personer arbetar med släckningen.\n"
        "– Vi har møtt langt dårligere fjell, sier prosjektleder Ingrid Solheim.\n"
    )
    assert [s for s, _ in _speakers(text)] == ["Per-Olof Dahlgren", "Tor Arne Hagen", "Ingrid Solheim"]


def test_the_second_of_two_coordinated_verbs_has_the_subject_of_the_first() -> None:
    text = (
        "Rubrik\nStatens vegvesen har avvist kravet og mener at risikoen lå hos entreprenøren.\n"
        "Geolog Henrik Aasen ved NTNU sier at svakhetssoner er vanlige.\n"
    )
    assert _speakers(text, "no") == [("Statens vegvesen", None), ("Henrik Aasen", "Geolog ved NTNU")]


def test_so_called_is_not_speech_and_a_document_keeps_its_adjective() -> None:
    text = (
        "Rubrik\nBland det stulna finns 30 silvermynt ur den så kallade Burgeskatten.\n"
        "Försäkringsvärdet uppgår till 4,5 miljoner kronor, enligt museets egna uppgifter.\n"
    )
    assert [s for s, _ in _speakers(text)] == [None, "museets egna uppgifter"]


def test_german_speech_verbs_and_pronouns() -> None:
    text = (
        "Überschrift\nBürgermeisterin Anna Weber (CDU) aus Kirchberg bedauerte die Entscheidung.\n"
        "Er forderte die Landesregierung auf, die Planungen zu überprüfen.\n"  # no man named yet
        "Landrat Klaus Brenner kritisierte das Urteil.\n"
        "Er forderte die Landesregierung auf, die Planungen zu überprüfen.\n"
        "Sie sagte, man werde das Urteil prüfen.\n"
        "Sie sagten, man werde das Urteil prüfen.\n"  # they: nobody in particular
    )
    speakers = [s for s, _ in _speakers(text, "de")]
    assert speakers == ["Anna Weber", None, "Klaus Brenner", "Klaus Brenner", "Anna Weber", None]
    # In Swedish "er" is "you": no pronoun of a speaker.
    swedish = "Rubrik\nLandshövding Klaus Brenner kritiserade domen.\nEr säger att ni inte vet.\n"
    assert [s for s, _ in _speakers(swedish)] == ["Klaus Brenner", None]


def test_a_given_name_ending_in_s_is_no_genitive_and_a_double_surname_stays_one_person() -> None:
    text = (
        "Rubrik\nRegionstyrelsens ordförande Anders Åkesson Lind (M) säger att han fick veta det i går.\n"
        "Projektledaren Johanna Berglund Aho säger att arbetet fortsätter.\n"
        "Enligt Berglund Aho har flera intressenter hört av sig.\n"
    )
    assert [s for s, _ in _speakers(text)] == [
        "Anders Åkesson Lind",
        "Johanna Berglund Aho",
        "Johanna Berglund Aho",
    ]


def test_an_organisation_does_not_refer_back_to_a_person_whose_title_only_mentions_it() -> None:
    text = (
        "Rubrik\n”Vi borde ha upptäckt skadan”, skriver djurparkschefen Eva Marie Lundgren i ett uttalande.\n"
        "Lodjuret tog sig ut genom ett hål i stängslet, enligt djurparken.\n"
        "”Vi har spårat djuret i två dygn”, säger Anna Ek, presstalesperson vid polisen.\n"
        "Djuret, en fyraårig hona vid namn Tova, sövdes strax efter klockan sex, uppger polisen.\n"
        "Kammaråklagare Karin Lind yrkade på fängelse.\n"
        "”Han var noggrann”, säger åklagaren.\n"
    )
    speakers = [s for s, _ in _speakers(text)]
    assert speakers == ["Eva Marie Lundgren", "djurparken", "Anna Ek", "polisen", None, "Karin Lind"]


@pytest.mark.parametrize(
    ("sentence", "language", "speaker"),
    [
        ("Ifølge Statens vegvesen må trafikken ledes om.", "no", "Statens vegvesen"),
        ("Enligt EU:s regler gäller inte rätten till ersättning.", "sv", "EU:s regler"),
        ("Enligt medlaren Lars-Göran Westerberg kan parterna kallas in.", "sv", "Lars-Göran Westerberg"),
        (
            "Næringsforeningen i Trondheim frykter at butikkene vil tape penger.",
            "no",
            "Næringsforeningen i Trondheim",
        ),
        ("Rederiets vd Mikael Strandh skyller konkursen på höjda bränslepriser.", "sv", "Mikael Strandh"),
        (
            "Kommunaldirektør Lars Bech-Nielsen afviser, at udskydelsen havde betydning.",
            "da",
            "Lars Bech-Nielsen",
        ),
    ],
)
def test_owned_names_titles_and_speech_verbs_of_blaming_rejecting_and_fearing(
    sentence: str, language: str, speaker: str
) -> None:
    assert _speakers(f"Rubrik\n{sentence}\n", language)[0][0] == speaker


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # A title that is also a Swedish verb ("leder"), before the name after the cue.
        (
            "– Butikkene klarer det ikke, sier daglig leder Ingrid Marie Fossum i Næringsforeningen.",
            "no",
            ("Ingrid Marie Fossum", "daglig leder"),
        ),
        (
            '"Det er de ældre, der betaler", siger byrådsmedlem Jakob Lindholm Friis (V).',
            "da",
            ("Jakob Lindholm Friis", "byrådsmedlem"),
        ),
        # A genitive title after the cue, the name in an apposition.
        (
            '"Biblioteket er det eneste sted", siger foreningens formand, Sofie Damgaard.',
            "da",
            ("Sofie Damgaard", "foreningens formand"),
        ),
        (
            '"Vi var ikke forberedt", siger Kolding Kommunes beredskabschef, Henrik Møller Juhl.',
            "da",
            ("Henrik Møller Juhl", "Kolding Kommunes beredskabschef"),
        ),
        (
            "Ifølge kommunens egen opgørelse havde bibliotekerne 310.000 besøgende.",
            "da",
            ("kommunens egen opgørelse", None),
        ),
        (
            "Rådmand for Kultur Mette Skovgaard-Holm (S) kalder forslaget nødvendigt.",
            "da",
            ("Mette Skovgaard-Holm", "Rådmand for Kultur"),
        ),
        # "vill att" states a demand; "vill bygga" does not speak.
        (
            "Nämndens ordförande Per-Erik Lindgren (M) vill att staden bygger mer.",
            "sv",
            ("Per-Erik Lindgren", "Nämndens ordförande"),
        ),
        ("Nämndens ordförande Per-Erik Lindgren (M) vill bygga fler vägar.", "sv", (None, None)),
        ("Huvudmannen, en 41-årig man från Mölndal, nekar till brott.", "sv", ("Huvudmannen", None)),
        # "räknar med att", "rapporterade att": an expectation and a report; "räknar med" alone is not.
        (
            "Bolaget bakom projektet, brittiska Arctic Copper Resources, räknar med att gruvan öppnar.",
            "sv",
            ("Arctic Copper Resources", None),
        ),
        ("Vi räknar med fler besökare i år.", "sv", (None, None)),
        (
            "Under 2023 rapporterade ortopedkliniken att nästan alla opererades i tid.",
            "sv",
            ("ortopedkliniken", None),
        ),
        (
            "I ett mejl skriver klinikens kommunikatör Sara Mattsson att kliniken inte kan svara.",
            "sv",
            ("Sara Mattsson", "klinikens kommunikatör"),
        ),
        # A title, its department and the name at the end of the sentence.
        (
            "– Det är viktigt, säger statssekreteraren på Näringsdepartementet Maria Holm Eriksson.",
            "sv",
            ("Maria Holm Eriksson", "statssekreteraren på Näringsdepartementet"),
        ),
        # A relative clause with a list of its own; a name with an age and a home town.
        (
            "A spokesperson for the Saami Council, which represents Sami groups in Norway, Sweden,"
            " Finland and Russia, said the group would act.",
            "en",
            ("a spokesperson for the Saami Council", None),
        ),
        (
            "One applicant, 18-year-old Ellie Brandon from Sheffield, said she had cried.",
            "en",
            ("Ellie Brandon", "One applicant, 18-year-old"),
        ),
        # A definite noun and the object of the verb; a bare kind of organisation before its name.
        ("Under natten uppmanade polisen boende i Hille att stanna inne.", "sv", ("polisen", None)),
        (
            "Organisationen Djurrättsalliansen kräver att djurparken granskas.",
            "sv",
            ("Djurrättsalliansen", None),
        ),
        (
            "Supporterföreningen Gula Muren kräver att styrelsen avgår.",
            "sv",
            ("Supporterföreningen Gula Muren", None),
        ),
        ("Toy retailer BrightBox has recalled around 80,000 wooden toys.", "en", (None, None)),
        # English titles before the name; a German feminine title; German "laut" and "sprach".
        (
            '"We now inspect every job," said council leader Priya Raman.',
            "en",
            ("Priya Raman", "council leader"),
        ),
        (
            "Gewerkschaftssekretärin Sabine Krüger kritisierte die Entscheidung.",
            "de",
            ("Sabine Krüger", "Gewerkschaftssekretärin"),
        ),
        ("Laut Polizei war der Fahrer nicht betrunken.", "de", ("Polizei", None)),
        ("Die Musik war laut.", "de", (None, None)),
        (
            "Bürgermeisterin Anja Hoffmann (CDU) sprach von einem schwarzen Tag.",
            "de",
            ("Anja Hoffmann", "Bürgermeisterin"),
        ),
        # An unnamed source whose organisation is named, with a relative clause without commas.
        (
            "En källa inom Kustbevakningen som vill vara anonym säger att farten var hög.",
            "sv",
            ("en källa inom Kustbevakningen", None),
        ),
        # "apologised" reports an act, unless a coordinated speech verb follows.
        ("The University of Northbridge has apologised after sending offers in error.", "en", (None, None)),
        (
            "Chief executive Simon Carraway apologised to customers and said they would get refunds.",
            "en",
            ("Simon Carraway", "Chief executive"),
        ),
    ],
)
def test_speakers_of_sentences_like_those_of_the_blind_articles(
    sentence: str, language: str, expected: tuple[str | None, str | None]
) -> None:
    # Titles, cues and organisations that blind sets 3-6 got wrong, in sentences of their own.
    assert _speakers(f"Rubrik\n{sentence}\n", language) == [expected]


def test_a_definite_noun_refers_back_to_a_named_organisation_or_an_earlier_source() -> None:
    text = (
        "Rubrik\nLodjuret rymde från Skogsbergs djurpark i Gävle på måndagen.\n"
        "Djurparken tillbakavisar uppgiften.\n"
        "Nordviks Sparbank har fått en varning av Finansinspektionen.\n"
        "Bankens vd lämnar sin post, uppger banken.\n"
        "En källa inom regionen säger att siffran var för bra för att vara sann.\n"
        "– Alla visste att listorna rensades, säger källan, som vill vara anonym.\n"
    )
    speakers = [s for s, _ in _speakers(text)]
    assert speakers == [
        None,
        "Skogsbergs djurpark",
        None,
        "Nordviks Sparbank",
        "en källa inom regionen",
        "en källa inom regionen",
    ]
    associations = (
        "Rubrik\nFöräldraföreningen har samlat in 2 300 namn.\nFöreningen uppger att den överklagar.\n"
        "Rektor Maria Öhman säger att skolan klarar flytten.\nEnligt henne behövs två nya klassrum.\n"
    )
    speakers = [s for s, _ in _speakers(associations)]
    assert speakers == [None, "Föräldraföreningen", "Maria Öhman", "Maria Öhman"]
    english = (
        "Title\nThe University of Northbridge sent 1,200 offers in error.\n"
        "According to the university, a test batch was sent by mistake.\n"
        "Museum director Anna Berg was not available for comment.\n"
    )
    assert [s for s, _ in _speakers(english, "en")] == [None, "University of Northbridge", None]


# What the rules reach now: 0.933, 0.915, 0.904, 0.921, 0.826 and 0.901. Set 8 labels more as speech
# ("Bente Ravn tvivler på beregningerne", "zeigte sich enttäuscht") and keeps no "the" before names.
_BLIND_BARS = {
    "retrieval_blind": 0.86,
    "retrieval_fresh": 0.86,
    "retrieval_set6": 0.86,
    "retrieval_set7": 0.86,
    "retrieval_set8": 0.80,
    "retrieval_set9": 0.86,
    "retrieval_set10": 0.86,  # French and Spanish
    "retrieval_set11": 0.86,  # Italian and Portuguese
}


@pytest.mark.parametrize("folder", _BLIND_BARS)
def test_speakers_of_articles_written_blind(folder: str) -> None:
    # Labelled by their writers, who never saw claimbot's speakers. Some labels follow another
    # convention ("the airline" labelled "Aurora Air"), so the bar is a share, set below what the
    # rules reach now: a regression fails it, a convention does not.
    from claimbot.sources import iter_source_files, with_language

    labels = {
        x["text"]: x["speaker"] for x in json.loads((DATA / folder / "speakers.json").read_text("utf-8"))
    }
    files = iter_source_files([DATA / folder / "articles"])
    articles = [parse_article(with_language(read_article(p))).claims for p in files]
    # The articles with labels (set 1 of retrieval_blind has none); unlabelled sentences are the narrator's.
    claims = [c for claims in articles if any(c.text in labels for c in claims) for c in claims]
    assert len([c for c in claims if c.text in labels]) == len(labels)
    right = sum(same_speaker(labels.get(c.text), c.speaker) for c in claims)
    assert right / len(claims) >= _BLIND_BARS[folder], f"{right}/{len(claims)}"


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # "enligt" / "ifølge" before a verb-second clause whose verb is also a speech verb.
        (
            "Ifølge en kilde i Finansdepartementet vurderer regjeringen å kutte avgiften.",
            "no",
            ("en kilde i Finansdepartementet", SpeakerKind.SOURCE, None),
        ),
        # The according-to phrase ends at its noun: not a time after it, not a relative clause.
        (
            "Kommunen har enligt revisorerna under flera år brustit i sin uppföljning.",
            "sv",
            ("revisorerna", SpeakerKind.SOURCE, None),
        ),
        (
            "Enligt en lärare som inte vill framträda med namn saknades en plan.",
            "sv",
            ("en lärare", SpeakerKind.SOURCE, None),
        ),
        # A title, a full name and where the person works: the name is the person's, not the bank's.
        (
            "Ifølge økonom Mette Lund fra Nordbanken var stigningen ventet.",
            "da",
            ("Mette Lund", SpeakerKind.PERSON, "økonom fra Nordbanken"),
        ),
        (
            "According to analyst Peter Quinn at Harbour Securities, the deal was expected.",
            "en",
            ("Peter Quinn", SpeakerKind.PERSON, "analyst at Harbour Securities"),
        ),
        (
            "Enligt finansminister Eva Dahl i en intervju med TT är läget allvarligt.",
            "sv",
            ("Eva Dahl", SpeakerKind.PERSON, "finansminister"),
        ),
        # A kind of company before a name makes the name a company's, not a person's.
        (
            "Rederiet Nordic Tern skriver att alla passagerare har kommit i land.",
            "sv",
            ("Nordic Tern", SpeakerKind.SOURCE, None),
        ),
        (
            "Das Busunternehmen Talreisen Weber GmbH aus Kassel teilte mit, der Bus sei neu gewesen.",
            "de",
            ("Talreisen Weber GmbH", SpeakerKind.SOURCE, None),
        ),
        (
            "The plant's operator, Kestrel Seafoods, said the tank had been inspected in May.",
            "en",
            ("Kestrel Seafoods", SpeakerKind.SOURCE, None),
        ),
        (
            "The crane operator, John Hill, said the wind had been too strong.",
            "en",
            ("John Hill", SpeakerKind.PERSON, "The crane operator"),
        ),
        ("Lumo Oyj said it would close the plant.", "en", ("Lumo Oyj", SpeakerKind.SOURCE, None)),
        (
            "The ward's chief nurse, Dr Mia Holt, said the unit would close.",
            "en",
            ("Mia Holt", SpeakerKind.PERSON, "The ward's chief nurse"),
        ),
        (
            "Mabel's Kitchen said it had withdrawn the sauces.",
            "en",
            ("Mabel's Kitchen", SpeakerKind.SOURCE, None),
        ),
        (
            "Solvind Energi A/S, der ejer møllerne, oplyser, at de er sikre.",
            "da",
            ("Solvind Energi A/S", SpeakerKind.SOURCE, None),
        ),
        # Danish, Norwegian and American titles before a name; a sentence-initial "Ifølge".
        (
            "Yrkesfisker Tarjei Aas på Fløya sier at han fikk laks i garnet.",
            "no",
            ("Tarjei Aas", SpeakerKind.PERSON, "Yrkesfisker på Fløya"),
        ),
        (
            "Local MP Graham Oduya urged both sides to return to the table.",
            "en",
            ("Graham Oduya", SpeakerKind.PERSON, "Local MP"),
        ),
        (
            '"We cannot afford it," said Councilwoman Latrice Alvarez.',
            "en",
            ("Latrice Alvarez", SpeakerKind.PERSON, "Councilwoman"),
        ),
        (
            "Ifølge Miljøstyrelsen er der fundet pesticider i brønden.",
            "da",
            ("Miljøstyrelsen", SpeakerKind.SOURCE, None),
        ),
        # German "laut dem …" and "nach Angaben des …", without the article's case.
        (
            "Laut dem Bund der Steuerzahler (BdSt) ist der Bau zu teuer.",
            "de",
            ("Bund der Steuerzahler", SpeakerKind.SOURCE, None),
        ),
        (
            "Verletzt wurden nach Angaben des Landkreises rund 30 Menschen.",
            "de",
            ("Landkreis", SpeakerKind.SOURCE, None),
        ),
        ("Wir fahren nach Angaben im Handbuch.", "de", (None, SpeakerKind.NARRATOR, None)),
        (
            "Nach Angaben des Klinikums Fulda ist niemand in Lebensgefahr.",
            "de",
            ("Klinikum Fulda", SpeakerKind.SOURCE, None),
        ),
        (
            "Die Werte seien normal, sagte eine Sprecherin des Landkreises.",
            "de",
            ("eine Sprecherin des Landkreises", SpeakerKind.SOURCE, None),
        ),
        (
            "„Wir waren früh da“, sagte Brandmeister Jörg Hansen am Morgen.",
            "de",
            ("Jörg Hansen", SpeakerKind.PERSON, "Brandmeister"),
        ),
        (
            "Über ihre Website forderte die Stadt Kassel die Bürger auf, zu Hause zu bleiben.",
            "de",
            ("die Stadt Kassel", SpeakerKind.SOURCE, None),
        ),
        # A place and its institution's noun is one name; a newspaper is not a person.
        (
            "Ifølge Nordfjord politidistrikt ble ingen skadet.",
            "no",
            ("Nordfjord politidistrikt", SpeakerKind.SOURCE, None),
        ),
        (
            "Enligt Vänersborgs tingsrätt saknas bevis.",
            "sv",
            ("Vänersborgs tingsrätt", SpeakerKind.SOURCE, None),
        ),
        (
            "Det skriver Norrbyns Kuriren på sin webbplats.",
            "sv",
            ("Norrbyns Kuriren", SpeakerKind.SOURCE, None),
        ),
        (
            "Laut Ursula von der Leyen ist die Union bereit.",
            "de",
            ("Ursula von der Leyen", SpeakerKind.PERSON, None),
        ),
        # The author of a document speaks through it.
        (
            "According to an analysis by the state's audit office, the bridge will cost more.",
            "en",
            ("the state's audit office", SpeakerKind.SOURCE, None),
        ),
        (
            "Ifølge en rapport fra Sjømatrådet i fjor økte eksporten.",
            "no",
            ("Sjømatrådet", SpeakerKind.SOURCE, None),
        ),
        # German: a title capitalised like every noun, and an unnamed spokesman of a ministry.
        (
            "Kasseler Landrätin Birte Vogt sprach von einem schweren Tag.",
            "de",
            ("Birte Vogt", SpeakerKind.PERSON, "Kasseler Landrätin"),
        ),
        (
            "Ein Sprecher des Hessischen Innenministeriums sagte, man prüfe den Fall.",
            "de",
            ("ein Sprecher des Hessischen Innenministeriums", SpeakerKind.SOURCE, None),
        ),
    ],
)
def test_sources_places_and_companies_in_attribution_phrases(
    sentence: str, language: str, expected: tuple[str | None, SpeakerKind, str | None]
) -> None:
    claim = _claims(f"Rubrik\n{sentence}\n", language)[1]
    assert (claim.speaker, claim.speaker_kind, claim.role) == expected


def test_a_company_introduced_by_its_kind_stays_a_company_by_its_name_alone() -> None:
    text = (
        "Rubrik\nVindmølleproducenten Nordlys Marine A/S lukker fabrikken i Thisted.\n"
        "Nordlys Marine oplyser, at 80 ansatte mister deres job.\n"
    )
    claim = _claims(text, "da")[2]
    assert (claim.speaker, claim.speaker_kind) == ("Nordlys Marine", SpeakerKind.SOURCE)


def test_a_title_or_a_kind_of_organisation_refers_back_to_who_was_so_named() -> None:
    english = (
        "Rubrik\nThe ward will close, Eastbury Hospitals NHS Trust announced on Monday.\n"
        "The trust's medical director, Dr Nora Quayle, said the move was temporary.\n"
        "A senior official with knowledge of the trust's budget said it was about money.\n"
        "The medical director said care would continue elsewhere.\n"
        "In a statement, the trust said money played no part.\n"
    )
    assert [s for s, _ in _speakers(english, "en")] == [
        "Eastbury Hospitals NHS Trust",
        "Nora Quayle",
        "a senior official with knowledge of the trust's budget",
        "Nora Quayle",
        "Eastbury Hospitals NHS Trust",
    ]
    german = (
        "Rubrik\nHessens Umweltministerin Petra Lange (Grüne) kritisierte den Plan.\n"
        "Die Ministerin sagte, sie habe mit dem Konzern gesprochen.\n"
    )
    assert [s for s, _ in _speakers(german, "de")] == ["Petra Lange", "Petra Lange"]


def test_his_lawyer_is_the_lawyer_of_whom_his_refers_to() -> None:
    english = (
        "Rubrik\nDaniel Frost, 41, was jailed for five years on Friday.\n"
        "His lawyer said in a statement that Frost would appeal.\n"
        '"He is devastated," his lawyer said.\n'
        "Her spokesman said the family was grieving.\n"
    )
    assert [s for s, _ in _speakers(english, "en")] == [
        None,
        "Daniel Frost's lawyer",
        "Daniel Frost's lawyer",
        "her spokesman",  # nobody for "her" to refer to
    ]
    swedish = "Rubrik\nAnna Lund dömdes till fängelse i två år.\nHennes advokat säger att domen överklagas.\n"
    assert [s for s, _ in _speakers(swedish)] == [None, "Anna Lunds advokat"]


def test_a_company_or_a_court_is_referred_back_to_by_its_kind() -> None:
    english = (
        "Rubrik\nHalden Motors will close its plant in Ashby, the company said on Tuesday.\n"
        "In a statement, Halden said orders had fallen by a third.\n"
        "Shares of Brackley Inc rose after the news.\n"
        "Brackley said it would hire 200 of the workers.\n"
        "The company said it had no further comment.\n"
    )
    assert [s for s, _ in _speakers(english, "en")] == [
        "Halden Motors",
        "Halden Motors",
        None,
        "Brackley",  # "Brackley Inc", without its legal form
        "Brackley",
    ]
    swedish = (
        "Rubrik\nEnligt Vänersborgs tingsrätt tog mannen emot mutor i sex år.\n"
        "Domstolen anser att brotten är grova.\n"
    )
    assert [s for s, _ in _speakers(swedish)] == ["Vänersborgs tingsrätt", "Vänersborgs tingsrätt"]


def test_the_person_or_the_source_is_the_unnamed_source_who_spoke_last() -> None:
    swedish = (
        "Rubrik\nEn anställd på förvaltningen, som vill vara anonym, säger att chefen bestämde allt.\n"
        "– Han bestämde över ens framtid, säger personen.\n"
    )
    assert [s for s, _ in _speakers(swedish)] == ["en anställd på förvaltningen"] * 2
    english = (
        "Rubrik\nA diplomat familiar with the talks said no deal was near.\n"
        "The source said both sides had left.\n"
    )
    assert [s for s, _ in _speakers(english, "en")] == ["a diplomat familiar with the talks"] * 2


def test_german_reported_speech_goes_on_in_the_konjunktiv() -> None:
    text = (
        "Rubrik\nEinsatzleiter Rainer Kolb sagte, man habe früh reagiert.\n"
        "Das sei gelungen, allerdings werde die Halle noch bis zum Abend brennen.\n"
        "Die Feuerwehr war mit 80 Kräften vor Ort.\n"
    )
    assert [s for s, _ in _speakers(text, "de")] == ["Rainer Kolb", "Rainer Kolb", None]


def test_a_shorter_definite_name_refers_back_to_the_named_organisation() -> None:
    text = (
        "Rubrik\nNo one was hurt, the Norwegian Coast Guard said.\n"
        "No oil had leaked, the coast guard said.\n"
        "The local residents said they had heard a bang.\n"
    )
    assert [s for s, _ in _speakers(text, "en")] == [
        "the Norwegian Coast Guard",
        "the Norwegian Coast Guard",
        "the local residents",
    ]
