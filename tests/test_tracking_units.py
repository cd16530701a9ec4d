"""Pure rules for tracking across articles: merging speakers and scoring two claims."""

from __future__ import annotations

import pytest

from claimbot import matching
from claimbot.model import Claim, SpeakerKind
from claimbot.speakers import SpeakerDirectory, name_key
from tests.conftest import make_claim


def said(
    speaker: str,
    article: str,
    *,
    kind: str = "person",
    role: str | None = None,
    date: str | None = None,
    index: int = 0,
    mention: str | None = None,
) -> Claim:
    return make_claim(
        article, index, f"{speaker} said something.", id=f"{article}-{index}-{speaker}", speaker=speaker,
        speaker_kind=SpeakerKind(kind), mention=mention, cue="said", form="indirect", role=role,
        article_date=date,
    )  # fmt: skip


def test_transliterations_are_one_name() -> None:
    assert name_key("Sergej Lavrov") == name_key("Sergei Lavrov")
    assert name_key("Dmitrij Peskov") == name_key("Dmitry Peskov")
    assert name_key("Jurij Usjakov") == name_key("Yuri Ushakov")
    assert (
        name_key("Volodymyr Zelenskyj") == name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky")
    )
    assert name_key("Jekaterina Volkova") == name_key("Yekaterina Volkova") == name_key("Ekaterina Volkova")
    assert name_key("Michael Forsberg") == name_key("Mikael Forsberg")
    assert name_key("Mikhail Sjisjkin") == name_key("Michail Shishkin")
    assert name_key("Anna Lindberg") != name_key("Erik Lindberg")


def test_spellings_and_a_lone_surname_merge_into_one_speaker() -> None:
    claims = [
        said(
            "Sergej Lavrov",
            "sv1",
            date="2025-03-12",
            role="utrikesminister",
            mention="Utrikesminister Sergej Lavrov",
        ),
        said("Sergei Lavrov", "en1", date="2025-03-13", role="Russia's foreign minister"),
        said("Lavrov", "sv2", date="2025-03-26"),
        said("Sergei Sobyanin", "en2"),
    ]
    directory = SpeakerDirectory(claims)
    lavrov = next(s for s in directory.speakers() if "Lavrov" in s.name)
    assert (lavrov.claims, lavrov.kind, lavrov.first_date, lavrov.last_date) == (
        3,
        "person",
        "2025-03-12",
        "2025-03-26",
    )
    assert {"Sergej Lavrov", "Lavrov", "Utrikesminister Sergej Lavrov"} <= set(lavrov.aliases) | {lavrov.name}
    assert set(lavrov.roles) == {"utrikesminister", "Russia's foreign minister"}
    assert [c.article_id for c in directory.claims_of("lavrov")] == ["sv1", "en1", "sv2"]
    assert len(directory.speakers()) == 2  # Sergei Sobyanin shares a first name, not an identity


def test_people_who_share_a_surname_stay_apart() -> None:
    claims = [
        said("Anna Lindberg", "a", role="analyst at the Nordic Security Institute"),
        said("Erik Lindberg", "b", role="riksdagsledamot"),
        said("Lindberg", "c"),  # ambiguous: no role to tell them apart
        said("Lindberg", "d", role="riksdagsledamot och ledamot i försvarsutskottet"),
    ]
    directory = SpeakerDirectory(claims)
    names = {s.name: s.claims for s in directory.speakers()}
    assert names == {"Erik Lindberg": 2, "Anna Lindberg": 1, "Lindberg": 1}
    assert directory.same(claims[0], claims[1]) is False and directory.same(claims[1], claims[3]) is True


def test_no_merge_without_evidence() -> None:
    claims = [
        said("Hunter Biden", "a"),
        said("Biden", "b", role="president"),  # the only Biden in the index, but the role disagrees
        said("Richard Wagner", "c"),
        said("Wagner", "d", kind="source"),  # a group, as far as attribution can tell
        said("Ian Smith", "e"),
        said("Jan Smith", "f"),
    ]
    assert sorted(s.name for s in SpeakerDirectory(claims).speakers()) == sorted(
        ["Hunter Biden", "Biden", "Richard Wagner", "Wagner", "Ian Smith", "Jan Smith"]
    )


def test_anonymous_sources_are_not_merged_across_articles() -> None:
    claims = [
        said("an anonymous source", "a", kind="source"),
        said("an anonymous source", "b", kind="source"),
        said("the Kremlin", "a", kind="source"),
        said("the Kremlin", "b", kind="source", index=1),
    ]
    counts = sorted((s.name, s.claims) for s in SpeakerDirectory(claims).speakers())
    assert counts == [("an anonymous source", 1), ("an anonymous source", 1), ("the Kremlin", 2)]


def test_undated_claims_come_last_in_a_timeline() -> None:
    claims = [
        said("Ann Berg", "x", date=None),
        said("Ann Berg", "y", date="2025-01-02"),
        said("Ann Berg", "z", date="2024-12-30"),
    ]
    assert [c.article_id for c in SpeakerDirectory(claims).claims_of("Berg")] == ["z", "y", "x"]


def test_conflicting_facts_lower_the_match_score() -> None:
    close = matching.SAME_CLAIM + 0.01  # just over the bar: any one conflict must bring it under
    plain = matching.match(
        close, "The ministry shot down 337 drones.", "It shot down 337 drones on Monday.", None
    )
    assert plain.same and plain.conflicts == ()
    numbers = matching.match(
        close,
        "The ministry shot down 337 drones over Kursk.",
        "The ministry shot down 57 drones over Kursk.",
        None,
    )
    assert not numbers.same and numbers.conflicts == ("numbers differ",)
    more = matching.match(
        close, "Russia launched 72 drones.", "Russia launched 145 drones, of which 72 were downed.", None
    )
    assert not more.same  # a figure of the one is among the other's, but they state different things
    stance = matching.match(
        close,
        "Ryssland kommer att studera förslaget från Washington.",
        "Russia rejects the Washington proposal.",
        None,
    )
    assert not stance.same and stance.conflicts == ("one of them negates",)
    days = matching.match(
        close, "Alerts sounded in Kyiv on Tuesday.", "Flyglarm ljöd i Kyiv på onsdagen.", None
    )
    assert not days.same and days.conflicts == ("days differ",)
    both_negated = matching.match(
        close,
        "We cannot accept the plan from Washington.",
        "Vi kan inte acceptera planen från Washington.",
        None,
    )
    assert both_negated.same
    someone_else = matching.match(
        close,
        "Moscow cannot say no to Kyiv.",
        "Moskva kan inte säga nej till Kyiv.",
        False,
        other_person=True,
    )
    assert not someone_else.same and someone_else.conflicts == ("said by someone else",)
    assert matching.match(close - 0.02, "a", "b", True).same  # the same speaker tips a near miss over


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ("Men oppositionen ifrågasätter siffrorna.", "Det gör ont att ens tänka på det.", False),
        (
            "Kostnaden finns inte med i vårbudgeten.",
            "Ministern vill inte säga hur hon ser på projektet.",
            False,
        ),
        ("The ministry shot down 337 drones.", "Ministeriet sköt ner 337 drönare.", True),  # a number
        ("Russia accepts a pause in Ukraine.", "Ryssland går med på en paus i Ukraina.", True),  # a name
        ("Regionen måste bygga avsaltningsverket nu.", "Avsaltningsverket borde regionen ha byggt.", True),
    ],
)
def test_claims_that_share_nothing_are_not_the_same_unless_one_speaker_says_both(
    a: str, b: str, shared: bool
) -> None:
    close = matching.SAME_CLAIM + 0.04  # short sentences of one language drift this close
    assert matching.shares_anchor(a, b) is shared
    assert matching.match(close, a, b, None).same is shared
    assert matching.match(close, a, b, True).same  # one speaker's two sentences: the cosine decides
