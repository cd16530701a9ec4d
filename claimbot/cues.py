"""Word lists that drive attribution, per language. Data only: the rules live in `attribution`."""

from __future__ import annotations

# Speech and cognition verbs in the forms news prose uses.
CUE_VERBS = frozenset(
    """
    säger sa sade sagt säga skriver skrev skrivit menar menade menat uttryckte uttrycker uttryckt
    bekräftar bekräftade bekräftat klagar klagade klagat anklagar anklagade anklagat kallar kallade
    kallat berättar berättade berättat hävdar hävdade hävdat påstår påstod påstått uppger uppgav
    uppgett uppgivit meddelar meddelade meddelat förklarar förklarade förklarat konstaterar
    konstaterade konstaterat framhåller framhöll framhållit betonar betonade betonat understryker
    underströk understrukit tillägger tillade tillagt varnar varnade varnat anser ansåg ansett
    förnekar förnekade förnekat medger medgav medgett kommenterar kommenterade kommenterat
    kritiserar kritiserade kritiserat frågar frågade frågat svarar svarade svarat tror trodde trott
    tycker tyckte tyckt fortsätter fortsatte avslutar avslutade twittrar twittrade uppmanar
    uppmanade uppmanat lovar lovade lovat kräver krävde krävt beskriver beskrev beskrivit påpekar
    påpekade påpekat vidhåller vidhöll erkänner erkände erkänt försäkrar försäkrade välkomnar
    välkomnade bedömer bedömde bedömt befarar befarade summerar summerade sammanfattar
    sammanfattade intygar intygade tillstår tillstod understryker invänder invände replikerar
    replikerade upprepar upprepade argumenterar argumenterade efterlyser efterlyste hoppas hoppades
    ifrågasätter ifrågasatte utvecklar utvecklade resonerar resonerade
    says said say saying tells told tell adds added claims claimed states stated announces
    announced confirms confirmed denies denied insists insisted warns warned argues argued writes
    wrote written tweets tweeted posted accuses accused admits admitted explains explained notes
    noted stresses stressed emphasised emphasized emphasises emphasizes asks asked replies replied
    responds responded suggests suggested believes believed thinks thought acknowledges
    acknowledged estimates estimated predicts predicted maintains maintained contends contended
    alleges alleged testifies testified urges urged calls called describes described recalls
    recalled concedes conceded vows vowed promises promised reports reported insists pointed
    points cautions cautioned reiterates reiterated complains complained questions questioned
    disputes disputed rejects rejected criticises criticised criticizes criticized condemns
    condemned welcomes welcomed observes observed remarks remarked continues continued concludes
    concluded hopes hoped fears feared
    """.split()
)

# Verbs that are cues only with a following clause or object, never alone as narration of an act.
WEAK_CUES = frozenset({"continues", "continued", "fortsätter", "fortsatte", "points", "pointed",
                       "hopes", "hoped", "hoppas", "hoppades", "thinks", "thought", "tror", "trodde",
                       "tycker", "tyckte"})

ACCORDING_TO = ("enligt", "according to")

PRONOUNS_MALE = frozenset({"han", "he"})
PRONOUNS_FEMALE = frozenset({"hon", "she"})
PRONOUNS_PLURAL = frozenset({"de", "they"})
PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL

# Words that end a subject phrase when it is read leftwards from a cue verb.
AUXILIARIES = frozenset(
    """
    har hade ska skulle kan kunde vill ville måste bör borde kommer får fick lär tycks verkar
    has had have will would can could may might must should shall did does do is was are were
    also too then
    """.split()
)
CLAUSE_WORDS = frozenset(
    """
    att som när då eftersom medan om därför men och eller samt vilket där dit
    that who which when while because whom whose if although though and but or where whereas
    """.split()
)
# Words that open an adverbial, so the phrase they start is not a subject.
PREPOSITIONS = frozenset(
    """
    i på under vid efter innan före med från till för om mot genom utan enligt hos av inför bland
    trots sedan via kring runt
    in on at after before with from to for about against through without by during since
    among despite via around into onto over within across
    """.split()
)
DETERMINERS = frozenset(
    """
    en ett den det de flera många några alla båda två tre fyra fem ingen inga varje vissa andra
    the a an several many some two three four five both all most various other another one
    """.split()
)
# Adverbs that can open a Swedish V2 clause or an English sentence before the verb.
OPENING_ADVERBS = frozenset(
    """
    därför dessutom samtidigt nu då sedan också ändå alltså däremot emellertid tidigare senare
    i dag idag igår nyligen även dock slutligen vidare likaså
    however meanwhile later earlier now then also still yet today yesterday previously
    """.split()
)
# Words after a cue that end the subject of an inverted clause ("säger Berg till TT").
RIGHT_BOUNDARY = PREPOSITIONS | CLAUSE_WORDS | frozenset(
    {"nu", "också", "även", "dock", "däremot", "vidare", "now", "also", "however", "further",
     "inte", "not", "sedan"}
)

# Capitalised words that are roles or titles, not names, when they stand before a name.
ROLE_WORDS = frozenset(
    """
    president prime minister foreign secretary chancellor senator sen. rep. representative gov.
    governor mayor judge justice dr dr. mr mr. mrs mrs. ms ms. miss prof prof. professor sir dame
    lord lady general gen. colonel col. captain capt. sergeant sgt. officer detective inspector
    chief coach ceo cfo chairman chairwoman chair director spokesman spokeswoman spokesperson
    ambassador king queen prince princess pope bishop archbishop deputy vice attorney defence
    defense health finance interior home state trade labour labor education justice economy
    commissioner superintendent lieutenant lt. commander admiral marshal pastor rabbi imam
    herr fru fröken statsminister utrikesminister försvarsminister finansminister justitieminister
    kung drottning prins prinsessa påve biskop ärkebiskop överste general kapten kommissarie
    åklagare kammaråklagare chefsåklagare advokat domare rådman professor docent doktor
    vd ordförande partiledare talesperson talesman presschef pressekreterare
    """.split()
)
ROLE_SUFFIXES = (
    "minister", "chef", "ledare", "ordförande", "direktör", "president", "sekreterare", "åklagare",
    "advokat", "inspektör", "talesperson", "talesman", "forskare", "professor", "läkare", "expert",
    "analytiker", "kommissarie", "domare", "borgmästare", "ambassadör", "tränare", "ansvarig",
    "kommunalråd", "råd", "officer", "general", "chief", "spokesman", "spokeswoman", "manager",
)
# Words that make a capitalised phrase an organisation or outlet rather than a person.
ORG_WORDS = frozenset(
    """
    post times news nyheter nyheterna nyheternas tidning tidningen dagblad dagbladet ministry
    department organization organisation bank council court police polis polisen kommun region
    party partiet university universitet institute institutet agency myndighet myndigheten
    company group ab inc ltd corp corporation association förbund förbundet tv radio ekot
    reuters tt ap afp bbc cnn telegram kremlin kreml pentagon nato eu fn un who
    regeringen government office kansliet sjukhus hospital school skola committee kommitté
    board styrelse union fund fond foundation stiftelse commission kommission
    """.split()
)
