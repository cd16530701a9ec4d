"""Word lists that drive attribution, per language. Data only: the rules live in `attribution`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

# Speech and cognition verbs in the forms news prose uses.
CUE_VERBS = frozenset(
    [
        "säger",
        "sa",
        "sade",
        "sagt",
        "säga",
        "skriver",
        "skrev",
        "skrivit",
        "menar",
        "menade",
        "menat",
        "uttryckte",
        "uttrycker",
        "uttryckt",
        "bekräftar",
        "bekräftade",
        "bekräftat",
        "klagar",
        "klagade",
        "klagat",
        "anklagar",
        "anklagade",
        "anklagat",
        "kallar",
        "kallade",
        "kallat",
        "berättar",
        "berättade",
        "berättat",
        "hävdar",
        "skyller",
        "beklagar",
        "hävdade",
        "hävdat",
        "påstår",
        "påstod",
        "påstått",
        "uppger",
        "uppgav",
        "uppgett",
        "uppgivit",
        "meddelar",
        "meddelade",
        "meddelat",
        "förklarar",
        "förklarade",
        "förklarat",
        "konstaterar",
        "konstaterade",
        "konstaterat",
        "framhåller",
        "framhöll",
        "framhållit",
        "betonar",
        "betonade",
        "betonat",
        "understryker",
        "underströk",
        "understrukit",
        "tillägger",
        "tillade",
        "tillagt",
        "varnar",
        "varnade",
        "varnat",
        "anser",
        "ansåg",
        "ansett",
        "förnekar",
        "förnekade",
        "förnekat",
        "medger",
        "medgav",
        "medgett",
        "kommenterar",
        "kommenterade",
        "kommenterat",
        "kritiserar",
        "kritiserade",
        "kritiserat",
        "frågar",
        "frågade",
        "frågat",
        "svarar",
        "svarade",
        "svarat",
        "tror",
        "trodde",
        "trott",
        "tycker",
        "tyckte",
        "tyckt",
        "fortsätter",
        "fortsatte",
        "avslutar",
        "avslutade",
        "twittrar",
        "twittrade",
        "uppmanar",
        "uppmanade",
        "uppmanat",
        "lovar",
        "lovade",
        "lovat",
        "kräver",
        "tillbakavisar",
        "påminner",
        "krävde",
        "krävt",
        "beskriver",
        "beskrev",
        "beskrivit",
        "påpekar",
        "påpekade",
        "påpekat",
        "vidhåller",
        "vidhöll",
        "erkänner",
        "erkände",
        "erkänt",
        "försäkrar",
        "försäkrade",
        "välkomnar",
        "välkomnade",
        "bedömer",
        "bedömde",
        "bedömt",
        "befarar",
        "befarade",
        "summerar",
        "summerade",
        "sammanfattar",
        "sammanfattade",
        "intygar",
        "intygade",
        "tillstår",
        "tillstod",
        "understryker",
        "invänder",
        "invände",
        "replikerar",
        "replikerade",
        "upprepar",
        "upprepade",
        "argumenterar",
        "argumenterade",
        "efterlyser",
        "efterlyste",
        "hoppas",
        "hoppades",
        "ifrågasätter",
        "ifrågasatte",
        "utvecklar",
        "utvecklade",
        "resonerar",
        "resonerade",
        "says",
        "said",
        "say",
        "saying",
        "tells",
        "told",
        "tell",
        "adds",
        "added",
        "claims",
        "claimed",
        "states",
        "stated",
        "announces",
        "announced",
        "confirms",
        "confirmed",
        "denies",
        "denied",
        "insists",
        "insisted",
        "warns",
        "warned",
        "argues",
        "argued",
        "writes",
        "wrote",
        "written",
        "tweets",
        "tweeted",
        "posted",
        "accuses",
        "accused",
        "admits",
        "admitted",
        "explains",
        "explained",
        "notes",
        "noted",
        "stresses",
        "stressed",
        "emphasised",
        "emphasized",
        "emphasises",
        "emphasizes",
        "asks",
        "asked",
        "replies",
        "replied",
        "responds",
        "responded",
        "suggests",
        "suggested",
        "believes",
        "believed",
        "thinks",
        "thought",
        "acknowledges",
        "acknowledged",
        "estimates",
        "estimated",
        "predicts",
        "predicted",
        "maintains",
        "maintained",
        "contends",
        "contended",
        "alleges",
        "alleged",
        "testifies",
        "testified",
        "urges",
        "urged",
        "calls",
        "called",
        "describes",
        "described",
        "recalls",
        "recalled",
        "concedes",
        "conceded",
        "vows",
        "vowed",
        "promises",
        "promised",
        "reports",
        "reported",
        "insists",
        "pointed",
        "points",
        "cautions",
        "cautioned",
        "reiterates",
        "reiterated",
        "complains",
        "complained",
        "questions",
        "questioned",
        "disputes",
        "disputed",
        "rejects",
        "rejected",
        "criticises",
        "criticised",
        "criticizes",
        "criticized",
        "condemns",
        "condemned",
        "welcomes",
        "welcomed",
        "observes",
        "observed",
        "remarks",
        "remarked",
        "continues",
        "continued",
        "concludes",
        "concluded",
        "repeats",
        "repeated",
        "hopes",
        "hoped",
        "fears",
        "feared",
        "apologised",
        "apologized",
        "apologises",
        "apologizes",
        "nekar",
        "nekade",
        # Danish and Norwegian ("siger havnefoged Jens Mikkelsen", "sier hun")
        "siger", "sagde", "sier", "oplyser", "oplyste", "opplyser", "opplyste", "fortæller",
        "fortalte", "forteller", "understreger", "understreket", "advarer", "tilføjer", "bekræfter",
        "bekrefter", "mener", "mente", "meint", "afviser", "avviser", "vurderer", "påpeger", "påpeker",
        "forklarer", "forklarede", "krever", "kræver", "frykter", "frygter", "understreker", "kalder",
        "kaldte", "kaller", "kalte",
        # German ("sagte Bürgermeisterin Sabine Krämer", "sagt sie")
        "sagte", "sprach", "erklärte", "erklärt", "betonte", "warnte", "kritisierte", "meinte", "sagten",
        "sagt", "forderte", "fordert", "bedauerte", "bedauert", "kündigte", "teilte", "berichtete",
        "bestätigte", "räumte", "verwies", "kritisiert", "warnt", "betont", "meint",
    ]
)  # fmt: skip

# Verbs that are cues only with a following clause or object, never alone as narration of an act.
WEAK_CUES = frozenset(
    {
        "continues",
        "continued",
        "fortsätter",
        "fortsatte",
        "points",
        "pointed",
        "hopes",
        "hoped",
        "hoppas",
        "hoppades",
        "thinks",
        "thought",
        "tror",
        "trodde",
        "tycker",
        "tyckte",
        "repeats",
        "repeated",
        "apologised",  # "has apologised after …" reports an act; "apologised and said that …" speaks
        "apologized",
        "apologises",
        "apologizes",
        "recalls",  # "recalled 80,000 toys" is no speech; "she recalled that …" is
        "recalled",
    }
)
# Verbs that are cues only directly before a clause, not in CUE_VERBS: "Lindgren vill att staden …"
# is a demand and "räknar med att" an expectation; "vill bygga" is not speech.
CLAUSE_CUES = frozenset({"vill", "räknar", "räknade", "rapporterar", "rapporterade"})

# Fronted like Swedish "enligt": "Ifølge kommunen …" (not German "laut": it also means "loud").
ACCORDING_WORDS = frozenset({"enligt", "ifølge"})

PRONOUNS_MALE = frozenset({"han", "he"})  # not "er": Swedish "you", German "he", Danish "is"
PRONOUNS_FEMALE = frozenset({"hon", "she", "hun"})  # not German "sie": also "they"
PRONOUNS_PLURAL = frozenset({"de", "they"})
PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_PLURAL
# Object forms after "enligt" / "according to" / "ifølge", by their subject form.
OBJECT_PRONOUNS = {"henne": "hon", "honom": "han", "hende": "hun", "ham": "han", "her": "she", "him": "he"}
# German "laut" is "according to" before a name or a determiner ("Laut Krüger", "laut einer Studie"),
# else an adjective ("loud").
LAUT_BEFORE = frozenset({"einer", "einem", "eines", "dem", "der", "des", "den"})

# Words that end a subject phrase when it is read leftwards from a cue verb.
AUXILIARIES = frozenset(
    [
        "har",
        "hade",
        "ska",
        "skulle",
        "kan",
        "kunde",
        "vill",
        "ville",
        "måste",
        "bör",
        "borde",
        "kommer",
        "får",
        "fick",
        "lär",
        "tycks",
        "verkar",
        "has",
        "had",
        "have",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "did",
        "does",
        "do",
        "is",
        "was",
        "are",
        "were",
        "also",
        "too",
        "then",
    ]
)
CLAUSE_WORDS = frozenset(
    [
        "att",
        "som",
        "när",
        "då",
        "eftersom",
        "medan",
        "om",
        "därför",
        "men",
        "och",
        "eller",
        "samt",
        "vilket",
        "hvilket",  # Danish and Norwegian
        "hvad",
        "hva",
        "där",
        "dit",
        "that",
        "who",
        "which",
        "when",
        "while",
        "because",
        "whom",
        "whose",
        "if",
        "although",
        "though",
        "and",
        "but",
        "or",
        "where",
        "whereas",
        # "Ukraine launched what Russian officials described as …": the subject starts after it.
        "what",
        "vad",
    ]
)
# Words that open an adverbial, so the phrase they start is not a subject.
PREPOSITIONS = frozenset(
    [
        "i",
        "på",
        "under",
        "vid",
        "efter",
        "innan",
        "före",
        "med",
        "från",
        "till",
        "för",
        "om",
        "mot",
        "genom",
        "utan",
        "enligt",
        "hos",
        "av",
        "inför",
        "bland",
        "trots",
        "sedan",
        "via",
        "kring",
        "runt",
        "ved",
        "fra",
        "bei",
        "aus",
        "in",
        "on",
        "at",
        "after",
        "before",
        "with",
        "from",
        "to",
        "for",
        "about",
        "against",
        "through",
        "without",
        "by",
        "during",
        "since",
        "among",
        "despite",
        "via",
        "around",
        "into",
        "onto",
        "over",
        "within",
        "across",
        "of",
        "laut",
        # German, where not also an English or Swedish word ("an", "am", "von" in names are not)
        "über",
        "mit",
        "seit",
        "zum",
        "zur",
        "im",
        "vom",
        "beim",
        "gegen",
        "ohne",
        "durch",
        "auf",
        "nach",
        "vor",
        "um",
        "für",
        "unter",
        "zwischen",
        "neben",
    ]
)
DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "einer",  # German: "Das Ministerium erklärte"
        "en",
        "ett",
        "den",
        "det",
        "de",
        "flera",
        "många",
        "några",
        "alla",
        "båda",
        "två",
        "tre",
        "fyra",
        "fem",
        "ingen",
        "inga",
        "varje",
        "vissa",
        "andra",
        "the",
        "a",
        "an",
        "several",
        "many",
        "some",
        "two",
        "three",
        "four",
        "five",
        "both",
        "all",
        "most",
        "various",
        "other",
        "another",
        "one",
    ]
)
# Adverbs that can open a Swedish V2 clause or an English sentence before the verb.
OPENING_ADVERBS = frozenset(
    [
        "därför",
        "dessutom",
        "samtidigt",
        "nu",
        "då",
        "sedan",
        "också",
        "ändå",
        "alltså",
        "däremot",
        "emellertid",
        "tidigare",
        "senare",
        "i",
        "dag",
        "idag",
        "igår",
        "nyligen",
        "även",
        "dock",
        "slutligen",
        "vidare",
        "likaså",
        "however",
        "meanwhile",
        "later",
        "earlier",
        "now",
        "then",
        "also",
        "still",
        "yet",
        "today",
        "yesterday",
        "previously",
    ]
)
# Words after a cue that end the subject of an inverted clause ("säger Berg till TT").
RIGHT_BOUNDARY = (
    PREPOSITIONS
    | CLAUSE_WORDS
    | frozenset(
        {
            "nu",
            "också",
            "även",
            "dock",
            "däremot",
            "vidare",
            "now",
            "also",
            "however",
            "further",
            "inte",
            "not",
            "sedan",
        }
    )
)

# Capitalised words that are roles or titles, not names, when they stand before a name.
ROLE_WORDS = frozenset(
    [
        "president",
        "mp",  # "Local MP Graham Oduya", "Labour MP Jane Doe"
        "mep",
        "prime",
        "minister",
        "foreign",
        "secretary",
        "chancellor",
        "senator",
        "sen.",
        "rep.",
        "representative",
        "gov.",
        "governor",
        "mayor",
        "judge",
        "justice",
        "dr",
        "dr.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "miss",
        "prof",
        "prof.",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "general",
        "gen.",
        "colonel",
        "col.",
        "captain",
        "capt.",
        "sergeant",
        "sgt.",
        "officer",
        "detective",
        "inspector",
        "chief",
        "coach",
        "ceo",
        "cfo",
        "chairman",
        "chairwoman",
        "chair",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "bishop",
        "archbishop",
        "deputy",
        "vice",
        "attorney",
        "defence",
        "defense",
        "health",
        "finance",
        "interior",
        "home",
        "state",
        "trade",
        "labour",
        "labor",
        "education",
        "justice",
        "economy",
        "commissioner",
        "superintendent",
        "lieutenant",
        "lt.",
        "commander",
        "admiral",
        "marshal",
        "pastor",
        "rabbi",
        "imam",
        "herr",
        "fru",
        "fröken",
        "statsminister",
        "utrikesminister",
        "försvarsminister",
        "finansminister",
        "justitieminister",
        "kung",
        "drottning",
        "prins",
        "prinsessa",
        "påve",
        "biskop",
        "ärkebiskop",
        "överste",
        "general",
        "kapten",
        "kommissarie",
        "åklagare",
        "kammaråklagare",
        "chefsåklagare",
        "advokat",
        "domare",
        "rådman",
        "professor",
        "docent",
        "doktor",
        "vd",
        "ordförande",
        "partiledare",
        "talesperson",
        "talesman",
        "presschef",
        "pressekreterare",
        "envoy",
        "sändebud",
        "aide",
        "adviser",
        "advisor",
        "analyst",
        "researcher",
        "commentator",
        "economist",
        "ledamot",
    ]
)
ROLE_SUFFIXES = (
    # German titles: "Einsatzleiter Jürgen Albers", "Geschäftsführer", "Staatsanwalt", "Bundestrainer".
    "leiter",
    "meister",
    "führer",
    "anwalt",
    "trainer",
    # Danish and Norwegian titles and trades: "Yrkesfisker Olav Strand", "redaksjonssjef".
    "fisker",
    "sjef",
    "lærer",
    "sykepleier",
    "sygeplejerske",
    "politimester",
    "landmand",
    # American local offices: "Councilman Luis Ortega", "Assemblywoman Rosa Diaz".
    "councilman",
    "councilwoman",
    "councilmember",
    "alderman",
    "alderwoman",
    "assemblyman",
    "assemblywoman",
    "congressman",
    "congresswoman",
    "minister",
    "chef",
    "ledare",
    "ordförande",
    "direktör",
    "president",
    "sekreterare",
    "åklagare",
    "advokat",
    "inspektör",
    "talesperson",
    "talesman",
    "forskare",
    "professor",
    "läkare",
    "expert",
    "analytiker",
    "kommissarie",
    "domare",
    "borgmästare",
    "ambassadör",
    "tränare",
    "ansvarig",
    "kommunalråd",
    "råd",
    "officer",
    "general",
    "chief",
    "spokesman",
    "spokeswoman",
    "manager",
    "ledamot",
    "rådgivare",
    "ekonom",
    "økonom",
    "analyst",
    "researcher",
    "kommissionär",
    "ägare",
    "landshövding",
    "leader",
    "councillor",
    "councilor",
    "treasurer",
    "founder",
    "owner",
    "editor",
    "lawyer",
    "prosecutor",
    # Danish, Norwegian and German titles ("havnefoged Jens Mikkelsen", "Bürgermeisterin Krämer")
    "foged", "borgmester", "ordfører", "sekretær", "leder", "medlare", "mediator", "medlem", "rådmand",
    "kommunikatör", "formand", "direktør", "bürgermeister", "bürgermeisterin",
    "sprecher", "sprecherin", "landrat", "landrätin", "sekretär", "ministerin", "vorsitzende", "vorsitzender",
    "anwohner", "anwohnerin",
)  # fmt: skip
# Endings of profession nouns ("hydrogeologist", "ekolog", "journalist", "politiker", "physician"),
# titles when they stand before a name. Not surnames ending in the same letters (NAME_ENDINGS).
PROFESSION_SUFFIXES = ("ologist", "olog", "ologe", "ist", "iker", "ician")
NAME_ENDINGS = ("qvist", "kvist", "quist", "qwist", "christ", "krist")
# Adverbs that stand between an auxiliary and the verb ("har ännu inte kommenterat", "has long
# argued"), never the subject of the verb.
MIDDLE_ADVERBS = frozenset(
    [
        "ännu",
        "redan",
        "länge",
        "aldrig",
        "alltid",
        "ofta",
        "sällan",
        "fortfarande",
        "just",
        "nyss",
        "gärna",
        "hittills",
        "tidigt",
        "upprepade",
        "upprepat",
        "igen",
        "själv",
        "offentligt",
        "uttryckligen",
        "tydligt",
        "öppet",
        "already",
        "long",
        "never",
        "always",
        "often",
        "ever",
        "twice",
        "again",
        "himself",
        "herself",
        "themselves",
        "itself",
        "recently",
        "repeatedly",
        "publicly",
        "previously",
        "reportedly",
        "openly",
    ]
)
# Words that make a capitalised phrase an organisation or outlet rather than a person.
ORG_WORDS = frozenset(
    [
        "post",
        "times",
        "news",
        "nyheter",
        "nyheterna",
        "nyheternas",
        "tidning",
        "tidningen",
        "dagblad",
        "dagbladet",
        "ministry",
        "department",
        "organization",
        "organisation",
        "bank",
        "council",
        "court",
        "police",
        "polis",
        "polisen",
        "kommun",
        "region",
        "party",
        "partiet",
        "university",
        "universitet",
        "institute",
        "institutet",
        "agency",
        "myndighet",
        "myndigheten",
        "company",
        "group",
        "ab",
        "inc",
        "ltd",
        "corp",
        "corporation",
        "association",
        "förbund",
        "förbundet",
        "tv",
        "radio",
        "ekot",
        "reuters",
        "tt",
        "ap",
        "afp",
        "bbc",
        "cnn",
        "telegram",
        "kremlin",
        "kreml",
        "pentagon",
        "nato",
        "eu",
        "fn",
        "un",
        "who",
        "regeringen",
        "government",
        "office",
        "kansliet",
        "sjukhus",
        "hospital",
        "school",
        "skola",
        "committee",
        "kommitté",
        "board",
        "styrelse",
        "union",
        "fund",
        "fond",
        "foundation",
        "stiftelse",
        "commission",
        "kommission",
    ]
)

# Institution words that mark a capitalised phrase as an organisation in English and Swedish.
ORG_WORDS = ORG_WORDS | frozenset(
    "service office agency administration authority bureau center centre network capital holdings "
    "pharma energy motors airlines systems technologies partners media studios verket "
    "resources industries mining minerals asa a/s gmbh oyj plc llc seafoods foods energi "
    # States are not people: "the United States", "the Czech Republic", "the United Arab Emirates".
    "states kingdom republic emirates nations federation "
    "directorate inspectorate secretariat trust society alliance coalition league college academy "
    "museum clinic direktoratet inspektionen nämnden rådet verband "
    # Newspapers: "Sjöhamra Kuriren", "Nordlandsposten", "Weser-Kurier", "Harrow Gazette"
    "kuriren kurier posten bladet avisen avis zeitung tagblatt gazette herald tribune journal courier "
    "chronicle observer telegraph räddningstjänsten räddningstjänst "
    # German institutions: "Klinikum Nürnberg", "Landkreis Weserland", "Polizei Hannover"
    "klinikum krankenhaus landkreis stadt polizei feuerwehr stadtwerke ministerium gericht landgericht "
    "amtsgericht gemeinde gewerkschaft institut universität stiftung bundesregierung landesregierung".split()
)
# Last words that make a name a company's, by which "the company" / "bolaget" / "selskapet" can
# refer back to it: "Carrow Motors", "Nordhav Laks AS", "Kaarna Oyj".
COMPANY_HEADS = (
    "motors", "ab", "as", "asa", "a/s", "oyj", "oy", "ltd", "plc", "inc", "llc", "gmbh", "ag", "se",
    "group", "holdings", "industries", "resources", "mining", "energy", "energi", "seafoods", "foods",
    "pharma", "airlines", "airways", "systems", "technologies", "shipping", "logistics", "laks",
)  # fmt: skip
# Legal forms, left off a company's name: "Voltaris Inc" is "Voltaris".
LEGAL_FORMS = frozenset("ab as asa a/s oyj oy ltd plc inc llc gmbh ag se".split())
# Kinds of company that may stand before a company's name, as words or compound heads:
# "Rederiet Baltic Link", "The farm's operator, Fjordmar Seafoods", "Vindmølleproducenten Nordhav".
COMPANY_KINDS = (
    "rederiet", "bolaget", "företaget", "koncernen", "kedjan", "producenten", "tillverkaren",
    "leverantören", "selskabet", "selskapet", "virksomheden", "leverandøren", "unternehmen", "konzern",
    "firma", "organisationen", "organisation", "organization", "operator", "company", "firm", "chain",
    "retailer", "carrier", "manufacturer", "supplier", "insurer", "airline",
)  # fmt: skip
# Documents through which their authors speak: "according to an analysis by X", "enligt en rapport
# från X"; compound heads too ("granskningsrapport").
DOCUMENTS = (
    "analysis", "analys", "analyse", "report", "rapport", "study", "studie", "survey", "undersökning",
    "undersøkelse", "undersøgelse", "review", "granskning", "estimate", "estimates", "beräkningar",
    "beregninger", "beregningar", "forecast", "prognos", "prognose", "figures", "siffror",
)  # fmt: skip
# Last words of sports clubs' names: "Ashford Rovers said", "Millbrook United confirmed".
# Institutions in French, Spanish, Italian and Portuguese: "Ministerio del Interior" is no person.
ORG_WORDS = ORG_WORDS | frozenset(
    """
    ministère ministerio ministero ministério gouvernement gobierno governo mairie ayuntamiento comune
    prefettura préfecture policía polizia polícia gendarmerie guardia carabinieri tribunal
    tribunale juzgado fiscalía procura sindicato syndicat sindacato partido parti partito asociación
    associazione associação federación fédération federazione federação consejería junta protezione
    proteção protección regione région región município municipio comisión commissione comissão
    """.split()
)
CLUB_WORDS = frozenset("fc rovers united athletic wanderers hotspur albion club klubb".split())
ORG_WORDS = ORG_WORDS | CLUB_WORDS
# Compound heads of associations' one-word names: "Föräldraföreningen", "Idrottsförbundet".
ASSOCIATION_HEADS = ("föreningen", "förbundet", "foreningen", "forbundet")
# Heads of organisation names by which an article refers back to them with a definite noun:
# "Skogsbergs djurpark" ... "djurparken", "University of Northbridge" ... "the university",
# "Nordviks Sparbank" ... "banken", "Trondheim kommune" ... "kommunen".
ORG_HEADS = (
    "kommun", "kommune", "region", "djurpark", "dyrepark", "museum", "sjukhus", "sygehus", "sykehus",
    "universitet", "university", "högskola", "bank", "council", "hospital", "zoo", "airline",
    "airlines", "airport", "flygplats", "lufthavn", "rederi", "school", "skola", "trust", *ASSOCIATION_HEADS,
    "tingsrätt", "hovrätt", "tingrett", "lagmannsrett", "politidistrikt", "polisregion",
)  # fmt: skip

# ---------------------------------------------------------------- French, Spanish, Italian, Portuguese
# (see `romance`)


def _forms(table: str) -> frozenset[str]:
    return frozenset(table.split())


class RomanceGrammar(NamedTuple):
    """What `romance` needs to know of one language."""

    verbs: frozenset[str]  # speech and stance verbs: present, past, and the participle after "a"/"ha"
    auxiliaries: frozenset[str]  # "a déclaré", "ha dicho", "ha detto"
    passive: frozenset[str]  # "a été annoncé", "ha sido", "è stato": nobody speaks
    determiners: frozenset[str]
    links: frozenset[str]  # prepositions that join a title to its place: "maire de Lyon"
    stops: frozenset[str]  # words that end a subject after an inverted verb: "dijo X a los …"
    according: frozenset[str]  # "selon", "según", "secondo", "segundo"
    that: frozenset[str]  # what opens the reported clause after the verb
    pronouns: frozenset[str]  # subject pronouns
    object_pronouns: Mapping[str, str]  # "selon lui": the subject pronoun it stands for
    drops_subject: bool  # "«…», añadió.": a verb without a subject is the last speaker's


# Speech and stance verbs: present (3rd person), past (passé simple, imperfect, indefinido) and the
# participle that follows "a"/"ont"/"ha"/"han".
FRENCH_CUES = _forms(
    """
    déclare déclarent déclaré déclarait déclara dit disent disait affirme affirment affirmé affirmait
    estime estiment estimé estimait explique expliquent expliqué expliquait ajoute ajoutent ajouté
    ajoutait indique indiquent indiqué indiquait précise précisent précisé souligne soulignent souligné
    assure assurent assuré assurait annonce annoncent annoncé confirme confirment confirmé rappelle
    rappellent rappelé reconnaît reconnait reconnaissent reconnu dénonce dénoncent dénoncé regrette
    regrettent regretté déplore déplorent déploré répond répondent répondu confie confient confié
    raconte racontent raconté insiste insistent insisté prévient préviennent prévenu avertit averti
    conclut concluent conclu admet admettent admis juge jugent jugé martèle martèlent martelé poursuit
    poursuivent poursuivi témoigne témoignent témoigné commente commentent commenté soutient soutiennent
    soutenu promet promettent promis pense pensent pensé croit croient considère considèrent considéré
    espère espèrent espéré craint craignent accuse accusent accusé critique critiquent critiqué réclame
    réclament réclamé demande demandent demandé rétorque rétorquent rétorqué détaille détaillent
    détaillé observe observent observé relève relèvent relevé nuance nuancé qualifie qualifient qualifié
    signale signalent signalé avance avancé reproche reprochent reproché lance lancent lancé répète
    répètent répété prédit prédisent prévoit prévoient calcule calculent conteste contestent contesté
    nie nient nié écrit écrivent souffle soufflé lâche lâché glisse glissé tempère tempéré
    """
)
SPANISH_CUES = _forms(
    """
    dice dicen dijo dijeron dicho decía afirma afirman afirmó afirmaron afirmado asegura aseguran
    aseguró aseguraron asegurado señala señalan señaló señalaron señalado explica explican explicó
    explicaron explicado añade añaden añadió añadieron añadido indica indican indicó indicaron indicado
    declara declaran declaró declararon declarado sostiene sostienen sostuvo sostuvieron sostenido
    advierte advierten advirtió advirtieron advertido reconoce reconocen reconoció reconocieron
    reconocido destaca destacan destacó destacaron destacado subraya subrayan subrayó subrayaron
    subrayado apunta apuntan apuntó apuntaron apuntado comenta comentan comentó comentaron comentado
    relata relatan relató relataron relatado cuenta cuentan contó contaron denuncia denuncian denunció
    denunciaron denunciado lamenta lamentan lamentó lamentaron lamentado critica critican criticó
    criticaron criticado confirma confirman confirmó confirmaron confirmado anuncia anuncian anunció
    anunciaron anunciado recuerda recuerdan recordó recordaron recordado precisa precisan precisó
    precisaron precisado agrega agregan agregó agregaron agregado insiste insisten insistió insistieron
    insistido admite admiten admitió admitieron admitido concluye concluyen concluyó concluyeron
    concluido responde responden respondió respondieron respondido manifiesta manifiestan manifestó
    manifestaron manifestado cree creen creyó creyeron considera consideran consideró consideraron
    considerado opina opinan opinó opinaron estima estiman estimó estimaron reitera reiteran reiteró
    reiteraron reiterado detalla detallan detalló detallaron detallado aclara aclaran aclaró aclararon
    aclarado informa informan informó informaron informado defiende defienden defendió defendieron
    defendido mantiene mantienen mantuvo mantuvieron mantenido promete prometen prometió prometieron
    prometido pide piden pidió pidieron pedido reclama reclaman reclamó reclamaron reclamado teme temen
    temió acusa acusan acusó acusaron acusado repite repitió califica calificó calificado prevé prevén
    previó calcula calculan calculó niega niegan negó escribe escribió escrito insistía aseguraba
    explicaba decían
    """
)
ITALIAN_CUES = _forms(
    """
    dice dicono detto disse diceva afferma affermano affermato affermò dichiara dichiarano dichiarato
    dichiarò spiega spiegano spiegato spiegò aggiunge aggiungono aggiunto aggiunse sottolinea
    sottolineano sottolineato sottolineò precisa precisano precisato precisò ribadisce ribadiscono
    ribadito ribadì conferma confermano confermato confermò annuncia annunciano annunciato annunciò
    assicura assicurano assicurato assicurò denuncia denunciano denunciato denunciò racconta raccontano
    raccontato raccontò ricorda ricordano ricordato ricordò osserva osservano osservato osservò commenta
    commentano commentato commentò replica replicano replicato replicò risponde rispondono risposto
    rispose avverte avvertono avvertito avvertì ammette ammettono ammesso ammise sostiene sostengono
    sostenuto sostenne ritiene ritengono ritenuto critica criticano criticato criticò accusa accusano
    accusato accusò chiede chiedono chiesto chiese promette promettono promesso promise insiste
    insistono insistito lamenta lamentano lamentato lamentò prevede prevedono stima stimano stimato teme
    temono temuto garantisce garantiscono garantito nega negano negato negò scrive scrivono scritto
    scrisse riferisce riferiscono riferito riferì rivela rivelano rivelato rivelò evidenzia evidenziato
    attacca attaccato avvisa avvisato spiegava affermava sapere definisce definiscono definito definì
    ripete ripetuto
    """
)
PORTUGUESE_CUES = _forms(
    """
    diz dizem disse disseram dito dizia afirma afirmam afirmou afirmaram afirmado declara declaram
    declarou declararam declarado explica explicam explicou explicaram explicado acrescenta acrescentam
    acrescentou acrescentaram sublinha sublinhou sublinharam destaca destacou destacaram garante
    garantem garantiu garantiram assegura assegurou confirma confirmam confirmou confirmaram anuncia
    anunciou anunciaram admite admitiu reconhece reconheceu defende defendeu defenderam considera
    considerou adianta adiantou refere referiu indica indicou aponta apontou salienta salientou lembra
    lembrou conta contou relata relatou critica criticou criticaram acusa acusou denuncia denunciou
    lamenta lamentou responde respondeu insiste insistiu alerta alertou avisa avisou prevê previu estima
    estimou teme temeu pede pediu promete prometeu nega negou escreve escreveu revela revelou comenta
    comentou frisa frisou ressalta ressaltou pondera ponderou reforça reforçou reiterou contestou
    questiona questionou reclama reclamam reclamou reclamaram informa informou informaram classifica
    classificou
    """
)
# Words that may stand between a subject and its verb: "a également précisé", "ha poi aggiunto".
ROMANCE_ADVERBS = _forms(
    """
    également aussi encore déjà pourtant toutefois ensuite enfin notamment ainsi alors cependant
    néanmoins d'ailleurs lui-même elle-même récemment hier aujourd'hui pas ne n' jamais plus
    también además ya luego después incluso asimismo hoy ayer entonces finalmente no nunca
    anche inoltre già poi ancora però tuttavia infine ieri oggi non mai più
    também ainda já depois ontem hoje não nunca así ainsi così assim
    """
)
# Object pronouns between the subject and its verb: "Il lui a dit", "Il l'a dit", "le dijo".
ROMANCE_CLITICS = _forms("lui leur nous vous me m' m’ te t' t’ l' l’ le les lo gli mi ci ti ne nos")
# Relative and subordinating words that open a clause inside a subject: "X, qui dirige …,".
ROMANCE_CLAUSE_WORDS = _forms(
    """
    qui que quien quienes cuyo cuya dont lorsque quand cuando si porque parce che cui quale perché
    quem cujo
    """
)
# "se espera que", "on estime que", "si prevede che": nobody in particular speaks.
ROMANCE_IMPERSONAL = _forms("se on s' s’ si")
# Fronted "selon nos informations", "según nuestras fuentes": the newspaper's own reporting.
ROMANCE_OWN = _forms(
    "nos notre nuestra nuestras nuestro nuestros nostro nostra nostri nostre nossa nossas nosso nossos"
)
# Words that end a "selon" / "según" phrase: clauses, conjunctions, times ("según fuentes próximas al club").
ROMANCE_ACCORDING_STOPS = _forms(
    """
    qui que dont où et mais ou ce cet cette ces hier aujourd'hui lundi mardi mercredi jeudi vendredi
    samedi dimanche quien quienes donde cuando y pero este esta estos estas hoy ayer lunes martes
    miércoles jueves viernes sábado domingo che e ma dove quando ieri oggi lunedì martedì mercoledì
    giovedì venerdì sabato domenica mas onde ontem hoje
    """
)
# Subject pronouns of French, Spanish, Italian and Portuguese, as the English one they stand for.
ROMANCE_PRONOUNS = {
    **dict.fromkeys("il él lui ele".split(), "he"),
    **dict.fromkeys("elle ella lei ela".split(), "she"),
    **dict.fromkeys("ils elles ellos ellas loro eles elas".split(), "they"),
}
# Prepositions that open an adverbial, never a subject: "Durante la rueda de prensa, aseguró que".
ROMANCE_PREPOSITIONS = _forms(
    """
    dans lors pendant après avant depuis devant sur sous avec sans pour par chez entre durant
    durante en tras después antes desde ante con sin sobre para por entre hasta según
    in nel nella nei negli nelle durante dopo prima davanti con senza su sul sulla per tra fra
    em no na nos nas após antes depois perante com sem sobre para por entre até segundo
    """
)
# Titles that make the one name after them a person's: "Le président Macron", "O presidente Lula".
ROMANCE_TITLES = _forms(
    """
    président présidente presidente ministre ministro ministra maire alcalde alcaldesa sindaco sindaca
    prefeito prefeita governador governadora gouverneur gobernador gobernadora governatore député
    députée diputado diputada deputato deputata deputado deputada sénateur sénatrice senador senadora
    senatore senatrice juge juez jueza giudice juiz juíza avocat avocate abogado abogada avvocato
    avvocata advogado advogada procureur procureure fiscal procuratore procuradora procurador
    porte-parole portavoz portavoce porta-voz secrétaire secretario secretaria segretario segretaria
    secretário secretária directeur directrice director directora direttore direttrice diretor diretora
    commissaire comisario comisaria commissario comissário préfet préfète prefetto prefetta conseiller
    conseillère consejero consejera consigliere conselheiro conselheira entraîneur entrenador
    entrenadora allenatore treinador capitaine capitán capitano capitão docteur doctor doctora dottore
    dottoressa doutor doutora professeur professeure profesor profesora professore professoressa
    professor professora commandant comandante chef jefe jefa capo chefe général general generale
    colonel coronel colonnello délégué déléguée delegado delegada delegato delegata assessore assessora
    autarca économiste economista analyste analista expert experte experto experta esperto esperta
    rei roi rey re reine reina regina rainha pape papa premier primer primo primeiro président-directeur
    """
)
# The grammatical gender an article gives a noun, so that "elle" may refer to "la direction".
ROMANCE_GENDER = {
    **dict.fromkeys("la une cette sa una esta questa sua a uma essa".split(), "f"),
    **dict.fromkeys("le un ce cet son el este il lo uno questo suo o um esse seu".split(), "m"),
}
_DAYS_FR = "lundi mardi mercredi jeudi vendredi samedi dimanche matin soir"
_DAYS_ES = "lunes martes miércoles jueves viernes sábado domingo mañana tarde noche"
_DAYS_IT = "lunedì martedì mercoledì giovedì venerdì sabato domenica mattina sera"
_DAYS_PT = "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo manhã tarde noite"
ROMANCE = {
    "fr": RomanceGrammar(
        verbs=FRENCH_CUES,
        auxiliaries=_forms("a ont avait avaient aurait auraient aura"),
        passive=_forms("été"),
        determiners=_forms(
            "le la les l' l’ un une des du ce cet cette ces son sa ses leur leurs plusieurs deux trois"
        ),
        links=_forms("de du des d' d’"),
        stops=_forms(
            "dans lors devant à au aux en sur par pour après avant depuis pendant hier aujourd'hui auprès "
            "sans alors et mais qui que dont où ou ce cet cette ces interrogé interrogée interrogés joint "
            "jointe contacté contactée selon " + _DAYS_FR
        ),
        according=_forms("selon"),
        that=_forms("que qu' qu’ : avoir être"),
        pronouns=_forms("il elle ils elles"),
        object_pronouns={"lui": "il", "elle": "elle", "eux": "ils"},
        drops_subject=False,
    ),
    "es": RomanceGrammar(
        verbs=SPANISH_CUES,
        auxiliaries=_forms("ha han había habían habría habrían"),
        passive=_forms("sido"),
        determiners=_forms(
            "el la los las un una unos unas del este esta estos estas su sus varios varias dos tres"
        ),
        links=_forms("de del"),
        stops=_forms(
            "a al ante durante tras desde con sobre para por hoy ayer este esta estos estas y pero quien "
            "quienes donde cuando según en que " + _DAYS_ES
        ),
        according=_forms("según"),
        that=_forms("que : haber ser"),
        pronouns=_forms("él ella ellos ellas"),
        object_pronouns={"él": "él", "ella": "ella"},
        drops_subject=True,
    ),
    "it": RomanceGrammar(
        verbs=ITALIAN_CUES,
        auxiliaries=_forms("ha hanno aveva avevano avrebbe avrebbero fatto"),  # "ha fatto sapere"
        passive=_forms("stato stata stati state"),
        determiners=_forms(
            "il lo la i gli le l' l’ un uno una un' un’ questo questa questi queste del dello della dei "
            "degli delle suo sua suoi sue due tre"
        ),
        links=_forms("di del dello della dei degli delle d' d’ dell' dell’"),
        stops=_forms(
            "a al allo alla ai agli alle all' all’ in nel nella nei negli nelle nell' nell’ su sul sulla "
            "per con durante dopo prima ieri oggi che e ma questo questa secondo dove quando davanti "
            "presso da dal dalla " + _DAYS_IT
        ),
        according=_forms("secondo"),
        that=_forms("che : essere avere"),
        pronouns=_forms("lui lei loro"),
        object_pronouns={"lui": "lui", "lei": "lei"},
        drops_subject=True,
    ),
    "pt": RomanceGrammar(
        verbs=PORTUGUESE_CUES,
        auxiliaries=_forms("tem têm tinha tinham havia"),
        passive=_forms("sido"),
        determiners=_forms(
            "o a os as um uma uns umas do da dos das este esta esse essa seu sua seus suas dois duas três"
        ),
        links=_forms("de do da dos das d'"),
        stops=_forms(
            "em no na nos nas a à ao aos às para por com durante após antes depois ontem hoje que e mas "
            "este esta onde quando segundo perante " + _DAYS_PT
        ),
        according=_forms("segundo conforme"),
        that=_forms("que : ser ter"),
        pronouns=_forms("ele ela eles elas"),
        object_pronouns={"ele": "ele", "ela": "ela"},
        drops_subject=True,
    ),
}
ROMANCE_DETERMINERS = frozenset().union(*(g.determiners for g in ROMANCE.values()))
ROMANCE_LINKS = frozenset().union(*(g.links for g in ROMANCE.values()))
