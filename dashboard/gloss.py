"""Word-for-word English glosses of Spanish, Portuguese, French, Italian and German sentences.

Extraction reads English. For the languages below, each sentence is glossed first: base and
meeting vocabulary, titles, weekdays, months, prepositions before names and country names
(from pycountry's own translations) become their English words, so the English rules can
read "la base aérea de Soto Cano, en Palmerola" as "the air base at Soto Cano, in
Palmerola". Quotes stay in the article's own words: only the matching sees the gloss.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from functools import cache

import pycountry

LANGUAGES = ("es", "pt", "fr", "it", "de")

_UPPER = r"(?=(?-i:[A-ZÀ-ÖØ-Þ]))"
_WEEKDAYS = {
    "Monday": r"lunes|segunda(?:-feira)?|lundi|lunedì|Montag",
    "Tuesday": r"martes|terça(?:-feira)?|mardi|martedì|Dienstag",
    "Wednesday": r"miércoles|quarta(?:-feira)?|mercredi|mercoledì|Mittwoch",
    "Thursday": r"jueves|quinta(?:-feira)?|jeudi|giovedì|Donnerstag",
    "Friday": r"viernes|sexta(?:-feira)?|vendredi|venerdì|Freitag",
    "Saturday": r"sábado|samedi|sabato|Samstag|Sonnabend",
    "Sunday": r"domingo|dimanche|domenica|Sonntag",
}
_MONTHS = {
    "January": r"enero|janeiro|janvier|gennaio|Januar",
    "February": r"febrero|fevereiro|février|febbraio|Februar",
    "March": r"marzo|março|mars|März",
    "April": r"abril|avril|aprile",
    "May": r"mayo|maio|mai|maggio",
    "June": r"junio|junho|juin|giugno|Juni",
    "July": r"julio|julho|juillet|luglio|Juli",
    "August": r"agosto|août",
    "September": r"septiembre|setembro|septembre|settembre",
    "October": r"octubre|outubro|octobre|ottobre|Oktober",
    "November": r"noviembre|novembro|novembre",
    "December": r"diciembre|dezembro|décembre|dicembre|Dezember",
}
_MONTH_WORD = "|".join(_MONTHS.values())

#: (pattern, English) in the order they apply; patterns ignore case unless they say not to.
_PHRASES: tuple[tuple[str, str], ...] = (
    # dates: "el martes" -> "on Tuesday", "5 de mayo de 2025" -> "5 May 2025"
    *((rf"\b(?:el|la|na|no|le|il|am|lo)\s+(?:pasado\s+|passado\s+|dernier\s+|scorso\s+)?"
       rf"(?:{days})(?:\s+(?:pasado|passado|dernier|scorso|passata))?\b", f"on {english}")
      for english, days in _WEEKDAYS.items()),
    *((rf"\b(?:{days})\b", english) for english, days in _WEEKDAYS.items()),
    (rf"\b(\d{{1,2}})(?:\.|º|er)?\s+(?:de\s+)?({_MONTH_WORD})(?:\s+(?:de|del)\s+|\s+)(\d{{4}})\b",
     r"\1 \2 \3"),
    *((rf"\b(?:{months})\b", english) for english, months in _MONTHS.items()),
    (r"\b(?:ayer|ontem|hier|ieri|gestern)\b", "yesterday"),
    (r"\b(?:anteayer|anteontem|avant-hier|l'altro\s+ieri|vorgestern)\b", "two days ago"),
    (r"\b(?:hoy|hoje|aujourd'hui|oggi|heute)\b", "today"),
    # meetings
    (r"\b(?:se\s+reunió|se\s+reuniu|se\s+reunieron|se\s+reuniram|se\s+encontraron|"
     r"se\s+encontraram|se\s+entrevistó|a\s+rencontré|ont\s+rencontré|rencontre|"
     r"s'est\s+entretenu|se\s+sont\s+entretenus|ha\s+incontrato|hanno\s+incontrato|incontra|"
     r"traf\s+sich|trafen\s+sich|trifft\s+sich|traf|trifft|estiveram\s+juntos|"
     r"estuvieron\s+juntos|zusammengetroffen|getroffen)\b", "met"),
    (r"\b(?:palais\s+présidentiel|palacio\s+presidencial|palácio\s+presidencial|"
     r"palazzo\s+presidenziale|Präsidentenpalast)\b", "presidential palace"),
    (r"\b(?:fue\s+recibid[oa]|foi\s+recebid[oa]|a\s+été\s+reçue?|è\s+stat[oa]\s+ricevut[oa]|"
     r"wurde)\b", "was received"),
    (r"(was\s+received(?:\s+\S+){0,3}?)\s+(?:por|par|da|von)\b", r"\1 by"),
    (r"\b(?:recibió|recebeu|a\s+reçu|ha\s+ricevuto|empfing|empfängt|recibe|recebe|reçoit|"
     r"riceve)\b", "received"),
    (r"\b(?:recibió\s+a|recebeu\s+o|recebeu\s+a)\b", "received"),
    (r"\b(?:conversaciones|conversações|conversas|entretiens?|pourparlers|colloqui|"
     r"Gespräche[n]?)\b", "talks"),
    (r"\b(?:reunión|reunião|réunion|riunione|encuentro|encontro|Treffen|incontro)\b",
     "meeting"),
    (r"\b(?:cumbre|cúpula|cimeira|sommet|vertice|Gipfel(?:treffen)?)\b", "summit"),
    (r"\b(?:visita|visite|Besuch)\b", "visit"),
    (r"\b(?:llamada|ligação|appel)\s+(?:telefónica|telefônica|téléphonique)\b", "phone call"),
    (r"\b(?:por\s+teléfono|por\s+telefone|par\s+téléphone|al\s+telefono|telefonisch|"
     r"telefonierte|telefonó|telefonou|a\s+téléphoné)\b", "by phone"),
    (r"\b(?:videoconferencia|videoconferência|visioconférence|videoconferenza|"
     r"Videokonferenz|Videoschalte)\b", "video call"),
    # titles and leaders
    (r"\b(?:primer\s+ministro|primera\s+ministra|primeiro-ministro|primeira-ministra|"
     r"premier\s+ministre|première\s+ministre|primo\s+ministro|Premierminister(?:in)?)\b",
     "Prime Minister"),
    (r"\b(?:presidente|presidenta|président|présidente|Präsident(?:in|en)?)\b", "President"),
    (r"\b(?:su|seu|sua|son|sa|suo|sua|seinem|seinen|seiner|ihrem|ihren)\s+(?:homólog[oa]|"
     r"homologue|omolog[oa]|Amtskolleg(?:e|en|in))\b", "his counterpart"),
    (r"\b(?:canciller|chanceler|chancelier|cancelliere|Bundeskanzler(?:in)?|Kanzler(?:in)?)\b",
     "Chancellor"),
    (r"\b(?:los\s+dos\s+presidentes|os\s+dois\s+presidentes|les\s+deux\s+présidents|"
     r"i\s+due\s+presidenti|beiden\s+Präsidenten)\b", "the two presidents"),
    (r"\b(?:los\s+dos\s+(?:líderes|mandatarios)|os\s+dois\s+(?:líderes|chefes\s+de\s+Estado)|"
     r"les\s+deux\s+dirigeants|i\s+due\s+leader|beiden\s+Staats-?\s*und\s+Regierungschefs)\b",
     "the two leaders"),
    (r"\b(?:líderes|mandatarios|dirigeants|dirigenti|Staats-\s*und\s+Regierungschefs)\b",
     "leaders"),
    (r"\b(?:ministro|ministra|ministre|Minister(?:in)?)\s+(?:de\s+|da\s+|des\s+|del\s+|"
     r"dos\s+)?(?:Relaciones\s+Exteriores|Asuntos\s+Exteriores|Relações\s+Exteriores|"
     r"Negócios\s+Estrangeiros|Affaires\s+étrangères|Esteri|Außenminister(?:in)?)\b",
     "Foreign Minister"),
    (r"\b(?:ministro|ministra|ministre)\s+(?:de\s+(?:la\s+)?|da\s+|des\s+|della\s+)?"
     r"(?:Defensa|Defesa|Armées|Défense|Difesa)\b|\bVerteidigungsminister(?:in)?\b",
     "Defence Minister"),
    (r"\b(?:secretari[oa]|secretári[oa]|secrétaire|segretari[oa]|Staatssekretär(?:in)?)\b",
     "secretary"),
    (r"\b(?:ministro|ministra|ministre|Minister(?:in)?)\b", "minister"),
    (r"\b(?:embajador(?:a)?|embaixador(?:a)?|ambassadeur|ambasciatore|Botschafter(?:in)?)\b",
     "ambassador"),
    # bases
    (r"\bbases?\s+(?:aéreas?|aereas?|aériennes?|aeree?)\b", "air base"),
    (r"\bbases?\s+(?:naval(?:es|e)?|navais)\b", "naval base"),
    (r"\bbases?\s+(?:militares?|militaires?|militari)\b", "military base"),
    (r"\b(?:Luftwaffenstützpunkt|Fliegerhorst|Luftwaffenbasis)\b", "air base"),
    (r"\b(?:Marinestützpunkt|Marinebasis)\b", "naval base"),
    (r"\b(?:Militärstützpunkt|Militärbasis|Stützpunkt|Kaserne)\b", "military base"),
    (r"\b(?:cuartel|quartel|caserne|caserma)\b", "barracks"),
    (r"\b(?:instalaci[oó]n|instalação|installation|installazione)\s+militar(?:es)?\b",
     "military installation"),
    (r"\b(?:instalaciones|instalações|installations|installazioni)\s+militar(?:es|i)?\b",
     "military installations"),
    (r"\b(?:aeropuerto|aeroporto|aéroport|Flughafen)\b", "airport"),
    (r"\b(?:aeródromo|aeródromo|aérodrome|aerodromo)\b", "airfield"),
    (r"(?-i:\bestaci[oó]n\b|\bestação\b)", "station"),
    (r"(?-i:\bCampo\s+)(?=(?:de\s+|del\s+|da\s+|do\s+)?(?-i:[A-ZÀ-ÖØ-Þ]))", "Camp "),
    (r"\b(?:tropas|troupes|truppe|Truppen)\b", "troops"),
    (r"\b(?:soldados|soldats|soldati|Soldaten)\b", "soldiers"),
    (r"\b(?:militares|militaires|militari)\b", "military personnel"),
    (r"\b(?:fuerzas|forças|forces|forze|Streitkräfte)\s+armadas\b", "armed forces"),
    (r"\b(?:fuerzas|forças|forze)\b", "forces"),
    (r"\b(?:presencia|presença|présence|presenza)\s+militar(?:e)?\b", "military presence"),
    (r"\bvisita\s+de\s+Estado\b|\bvisite\s+d'[ÉE]tat\b|\bvisita\s+di\s+Stato\b|"
     r"\bStaatsbesuch\b", "state visit"),
    (r"\b(?:Ejército|Exército|armée|esercito|Armee|Heer)\b", "army"),
    (r"\b(?:Armada|Marinha|Marine\s+nationale|marina\s+militare|Marine)\b", "navy"),
    (r"\b(?:Fuerza\s+Aérea|Força\s+Aérea|armée\s+de\s+l'air|aeronautica|Luftwaffe)\b",
     "air force"),
    # status
    (r"\b(?:dejaron|deixaram|ont\s+quitté|quittèrent|hanno\s+lasciato|verließen|abandonaron|"
     r"abandonaram)\b", "left"),
    (r"\b(?:dejó|deixou|a\s+quitté|ha\s+lasciato|verließ)\b", "left"),
    (r"\b(?:cerró|fechou|a\s+fermé|ha\s+chiuso|schloss|cerrada|cerrado|fechada|fechado|"
     r"fermée?|chiusa|geschlossen)\b", "closed"),
    (r"\b(?:se\s+retiraron|retiraron|se\s+retiraram|retiraram|se\s+sont\s+retirés|"
     r"se\s+retiró|retirou|zogen\s+ab|abgezogen)\b", "withdrew"),
    (r"\b(?:retirada|retrait|ritiro|Abzug)\b", "withdrawal"),
    (r"\b(?:entregó|entregou|a\s+remis|rétrocédé|restitué|übergab)\b", "handed over"),
    (r"\b(?:opera|operan|operam|exploite|gestisce|betreibt)\b", "operates"),
    (r"\b(?:operada|operado|exploitée?|gestita|betrieben)\s+(?:por|par|da|von)\b",
     "operated by"),
    (r"\b(?:desplegados|desplegadas|destacados|estacionados|estacionadas|déployés|"
     r"stationnés|schierati|stazionati|stationiert)\b", "stationed"),
    (r"\b(?:podría|poderia|pourrait|potrebbe|könnte)\b", "could"),
    (r"\b(?:planea|planeja|prévoit|prevede|plant)\s+(?:construir|construire|costruire|bauen)\b",
     "plans to build"),
    # places and prepositions before a name
    (r"\bCasa\s+Blanca\b|\bCasa\s+Branca\b|\bMaison[-\s]Blanche\b|\bWeißen?\s+Haus(?:es)?\b|"
     r"\bCasa\s+Bianca\b", "White House"),
    (r"\b(?:Despacho\s+Oval|Salão\s+Oval|Bureau\s+ovale|Studio\s+Ovale|Oval\s+Office)\b",
     "Oval Office"),
    (r"\b(?:Kremlin|Kreml|Cremlino)\b", "Kremlin"),
    (r"\bÉlysée\b|\bElíseo\b|\bEliseo\b|\bÉlysée-Palast\b", "Elysee Palace"),
    (r"\b(?:cerca\s+de|perto\s+de|près\s+de|vicino\s+a|nahe|bei)\s+" + _UPPER, "near "),
    (r"\b(?:al\s+(?:norte|sur|este|oeste)\s+de|ao\s+(?:norte|sul|leste|oeste)\s+de|"
     r"au\s+(?:nord|sud)\s+de|à\s+l'(?:est|ouest)\s+de)\s+" + _UPPER, "outside "),
    (r"(?<=\s)(?:en\s+la|en\s+el|en\s+los|en\s+las|no|na|nos|nas|dans\s+la|dans\s+le|"
     r"dans\s+les|au|aux|nel|nella|nei|im)\s+" + _UPPER, "in the "),
    (r"(?:(?<=\s)|^)(?:en|em|dans|à|in|a)\s+(?=(?-i:[A-ZÀ-ÖØ-Þ0-9]))", "in "),
    (r"(?-i:^(?:No|Na|Nos|Nas|Au|Aux|Nel|Nella|Im)\s+)(?=(?-i:[A-ZÀ-ÖØ-Þ]))", "In "),
    (r"(?<=\s)(?:na|no|nas|nos|en\s+la|en\s+el|dans\s+la|dans\s+le|au|aux|nel|nella)\s+"
     r"(?=(?-i:[a-zà-ÿ]))", "in the "),
    (r"\b(?:donde|onde|où|dove)\b", "where"),
    (r"\b(?:después\s+de|depois\s+de|après|dopo)\s+(?=(?:el|la|le|il|o|a|"
     r"l')?\s*(?-i:[A-ZÀ-ÖØ-Þ]))", "after "),
    (r"(?<=\s)(?:sur\s+l'|sur\s+|sobre\s+|auf\s+)" + _UPPER, "on "),
    # "la base aérea de Soto Cano": the base at Soto Cano
    (r"((?:air|naval|military)\s+base|\bbase|barracks|airport|station|airfield)\s+(?:de|do|da|"
     r"del|d'|di|von|des|du)\s*" + _UPPER, r"\1 at "),
    # "los militares franceses", "el presidente francés": the adjective goes first in English
    (r"(?-i:\b(President|Prime Minister|Chancellor|military personnel|military presence|troops|"
     r"soldiers|forces|armed forces|army|navy|air force|air base|naval base|military base|"
     r"base|bases|barracks|station)\s+(US|Russian|French|Chinese|British|Turkish|German|Indian|"
     r"Japanese|Italian|Emirati|Argentine|Brazilian|Honduran|Cuban|Ecuadorian)\b)", r"\2 \1"),
    # "le palais présidentiel de Djibouti": of, after a common noun
    (r"\b((?-i:[a-zà-ÿ])[\w'’-]*)\s+(?:de|do|da|del|du|des|di|von)\s+(?=(?-i:[A-ZÀ-ÖØ-Þ]))",
     r"\1 of "),
    (r"\b(?:el|la|los|las|le|les|il|lo|gli|der|die|das|den|dem|o|os|as)\s+(?=[a-z])", "the "),
    (r"\bl'(?=[a-zé])", "the "),
    (r"\b(?:y|e|et|und|ed)\b", "and"),
    (r"\b(?:con|com|avec|mit)\b", "with"),
    (r"\b(?:desde|depuis|seit|dal)\b", "since"),
    (r"\bque\b|\bqui\b|\bche\b", "that"),
    (r"\b(?:entre|tra)\b", "between"),
)

#: Demonyms and the everyday country names pycountry's translations do not give.
_COUNTRY_WORDS: dict[str, str] = {
    r"estadounidenses?|norte-?americanos?|norte-?americanas?|norteamericanos?|americanos?|"
    r"americanas?|américaine?s?|americani|amerikanischen?|amerikanische[rn]?": "US",
    r"EE\.\s?UU\.|EUA|États-Unis|USA|Vereinigten\s+Staaten": "United States",
    r"rusos?|rusas?|russos?|russas?|russes?|russi|russischen?|russische[rn]?": "Russian",
    r"Rusia|Rússia|Russie|Russland": "Russia",
    r"franceses|francesas?|francés|francês|français|française?s?|francesi|"
    r"französischen?|französische[rn]?": "French",
    r"Francia|França|Frankreich": "France",
    r"chinos?|chinas|chinês|chinesas?|chineses|chinois(?:es?)?|cinesi|cinese|"
    r"chinesischen?|chinesische[rn]?": "Chinese",
    r"británicos?|británicas?|britânicos?|britânicas?|britanniques?|britannici|"
    r"britischen?|britische[rn]?": "British",
    r"Reino\s+Unido|Royaume-Uni|Regno\s+Unito|Großbritannien": "United Kingdom",
    r"turcos?|turcas?|turcs?|turques?|turchi|türkischen?|türkische[rn]?": "Turkish",
    r"Turquía|Turquia|Turquie|Türkei|Turchia": "Turkey",
    r"alemanes|alemanas?|alemães|alemão|allemands?|allemandes?|tedeschi|tedesca|"
    r"deutschen?|deutsche[rn]?": "German",
    r"Alemania|Alemanha|Allemagne|Deutschland|Germania": "Germany",
    r"indios?|indianos?|indiens?|indiennes?|indische[rn]?": "Indian",
    r"japoneses?|japonesas?|japonais(?:es?)?|giapponesi|japanischen?|japanische[rn]?": "Japanese",
    r"italianos?|italianas?|italiens?|italiennes?|italiani|italienischen?": "Italian",
    r"emiratíes|emiratis?|emiradenses": "Emirati",
    r"argentinos?|argentinas?|argentins?": "Argentine",
    r"brasileños?|brasileiros?|brasileiras?|brésiliens?": "Brazilian",
    r"hondureños?|hondurenhos?": "Honduran",
    r"cubanos?|cubains?": "Cuban",
    r"ecuatorianos?|equatorianos?|équatoriens?": "Ecuadorian",
    r"Guayana\s+Francesa|Guiana\s+Francesa|Guyane\s+française?": "French Guiana",
}


@cache
def _country_names() -> tuple[tuple[re.Pattern[str], str | dict[str, str]], ...]:
    """Map each language's country names (pycountry's translations) to the English name."""
    pairs: dict[str, str] = {}
    for lang in LANGUAGES:
        try:
            translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR,
                                              languages=[lang])
        except OSError:
            continue
        for country in pycountry.countries:
            english = getattr(country, "common_name", None) or country.name
            local = translation.gettext(country.name)
            if "," not in local and local not in (country.name, english) and len(local) > 3:
                pairs.setdefault(local, english)
    table: list[tuple[re.Pattern[str], str | dict[str, str]]] = [
        (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])"), english)
        for pattern, english in _COUNTRY_WORDS.items()]
    if pairs:
        alternation = "|".join(re.escape(name) for name in sorted(pairs, key=len, reverse=True))
        table.append((re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), pairs))
    return tuple(table)


@cache
def _phrases() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern, re.IGNORECASE), english) for pattern, english in _PHRASES)


def _looked_up(names: dict[str, str]) -> Callable[[re.Match[str]], str]:
    return lambda match: names[match.group(0)]


def gloss(text: str, language: str | None) -> str:
    """Return an English word-for-word gloss of a sentence in one of ``LANGUAGES``.

    Other languages (and English) come back unchanged.
    """
    if language not in LANGUAGES:
        return text
    for pattern, english in _country_names():
        if isinstance(english, str):
            text = pattern.sub(english, text)
        else:
            text = pattern.sub(_looked_up(english), text)
    for pattern, english in _phrases():
        text = pattern.sub(english, text)
    return text
