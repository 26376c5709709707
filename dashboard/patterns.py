"""Regular expressions for installation and meeting language, in one place."""

from __future__ import annotations

import re

#: Stations named after an air force ("RAF Akrotiri", "RAAF Base Tindal"), and its country.
AIR_FORCE_HOMES = {"RAF": "GBR", "RAAF": "AUS", "RMAF": "MYS", "RNZAF": "NZL"}
_AIR_FORCES = "|".join(AIR_FORCE_HOMES)
#: A base named in the text as itself: "Camp Monteith", "Fort Clayton", "Camp de Gaulle".
PROPER_BASE = re.compile(r"(?:Camp|Fort|Quartier)\s+(?:de\s+|du\s+|des\s+)?(?P<name>[A-Z].*)")
_QUALIFIER = (
    r"(?:air|naval|navy|military|army|missile|radar|submarine|drone|logistics?|support|training|"
    r"marine|airborne|rocket|space|forward\s+operating|joint|defen[cs]e|signals?|"
    r"intelligence|listening|early[-\s]warning|peacekeeping|counter-?terrorism|anti-?aircraft|"
    r"air\s+defen[cs]e|overseas|foreign|permanent|combat|transit|refuel(?:l)?ing|helicopter|"
    r"communications?|seismic|test(?:ing)?|supply|maintenance|storage|ammunition|weapons?|"
    r"surveillance|tracking|deep[-\s]space|satellite|command|monitoring|security|"
    r"cooperative\s+security|forward\s+operating|operating|staging|operations|rotational|"
    r"expeditionary|tank|artillery|firing|munitions|fuel|repair|resupply|garrison|aviation|"
    r"over-the-horizon|drone|ground|torpedo|patriot|missile\s+defen[cs]e|battle|equipment|"
    r"pre-?positioned|pre-?positioning|engineering|fighter|bomber|special[-\s]warfare|special\s+forces|"
    r"anti-?piracy|civil-military\s+coordination|sector)"
)
_HEAD = (
    r"(?:bases?|stations?|facilit(?:y|ies)|installations?|hubs?|cent(?:er|re)s?|sites?|"
    r"depots?|garrisons?|points?|ports?|compounds?|outposts?|camps?|ranges?|airfields?|"
    r"airstrips?|harbou?rs?|anchorages?|posts?|units?|contingents?|areas?|grounds?|"
    r"locations?|headquarters|complex(?:es)?|yards?|piers?|berths?|battlegroups?|groups?|"
    r"batter(?:y|ies)|missions?)"
)
BASE_NOUN = re.compile(
    rf"\b(?:{_QUALIFIER}(?:[\s-]+{_QUALIFIER}){{0,2}}[\s-]+{_HEAD}|air\s?bases?|airfields?|"
    r"air\s+force\s+(?:base|station)s?|"
    r"air\s?strips?|garrisons?|barracks|outposts?|radar(?:\s+station)?s?|"
    r"naval\s+(?:base|facility|station)|"
    r"(?:Camp|Quartier)\s+(?:de\s+|du\s+|des\s+)?(?-i:[A-Z])[\w'’-]+"
    r"(?:\s+(?-i:[A-Z])[\w'’-]+){0,2}|kasernes?|"
    rf"(?-i:{_AIR_FORCES})\s+(?:Base\s+)?(?-i:[A-Z])[\w'’-]+|"
    r"bases?|camps?|headquartered|stationed|"
    r"garrisoned|remain(?:s|ed)?|deployed|(?<!-)based|sites?|facilit(?:y|ies)|installations?|"
    r"squadrons?|detachments?|battalions?|batter(?:y|ies)|fighters|jets|helicopters|drones|"
    r"troops|soldiers|"
    r"personnel|"
    r"runways?|contingents?|cosmodromes?|spaceports?|headquarters|airports?)\b",
    re.IGNORECASE,
)
MILITARY_CONTEXT = re.compile(
    r"\b(?:military|troops?|army|armed|forces|air\s?force|navy|naval|defen[cs]e|soldiers|"
    r"missiles?|warships?|fighters?|jets|bombers|drones|garrison|deploy\w*|stationed|battalions?|"
    r"brigade|division|regiment|fleet|marines|base|battle\s*groups?|NATO|garrisons?|"
    r"contingents?|squadrons?|aircraft|helicopters|personnel|servicemen|sailors|airmen|"
    r"instructors|mercenar(?:y|ies)|peacekeep\w+|border\s+guards?|Pentagon|Gurkhas?|"
    r"UNIFIL|UNMISS|MINUSMA|MONUSCO|UNDOF|KFOR|patroll?(?:ed|ing|s)?|Patriots?|militias?|"
    r"Quds\s+Force|Revolutionary\s+Guards?|IRGC)\b",
    re.IGNORECASE,
)
NON_MILITARY_BASE = re.compile(
    r"\b(?:customer|voter|power|fan|tax|user|industrial|knowledge|data|home|database|"
    r"manufacturing|economic|revenue|client|political|membership|refugee|migrant|displacement|"
    r"detention|prison|labou?r|summer|boot|base|holiday|protest|peace|nuclear|heritage|"
    r"archaeological|test|construction|building|web|launch|memorial|burial|crash|"
    r"industrial|production|storage)\s+(?:base|camp|site|facility)s?\b|east\s+of\s+Suez|"
    r"\bbase\s+(?:rate|salary|price|camp\s+of\s+everest)|\b(?:evidence|knowledge)-based\b",
    re.IGNORECASE,
)
#: Base nouns that only count with military words in the same sentence.
WEAK_NOUNS = frozenset({"battery", "batteries", "personnel", "base", "bases", "camp", "camps",
                        "headquartered", "stationed",
                        "garrisoned", "remain", "remains", "remained", "deployed", "site",
                        "sites", "facility", "facilities", "installation", "installations",
                        "based", "squadron", "squadrons", "detachment", "detachments",
                        "battalion", "battalions", "fighters", "jets", "helicopters", "drones",
                        "troops", "soldiers", "runway", "runways", "contingent", "contingents",
                        "headquarters", "airport", "airports"})
#: Weak nouns that count only when they lead to a curated installation.
KNOWN_ONLY = frozenset({"battery", "batteries", "personnel", "site", "sites", "facility",
                        "facilities", "installation",
                        "installations", "remain", "remains", "remained", "deployed",
                        "squadron", "squadrons", "detachment", "detachments", "battalion",
                        "battalions", "fighters", "jets", "helicopters", "drones", "troops",
                        "soldiers", "runway", "runways", "contingent", "contingents",
                        "headquarters", "airport", "airports"})
#: Verbs of presence: the place after them must be a known installation or a settlement.
PRESENCE_VERBS = frozenset({"headquartered", "stationed", "garrisoned", "remain", "remains",
                            "remained", "deployed", "based"})
LOCATIVE = re.compile(
    r"^[\s,]*(?:(?:which|that)\s+(?:is|was|are|were)\s+|(?:is|was|are|were|remains|remained)\s+"
    r"(?=(?:in|at|on|near|outside|beside|next\s+to)\s)|(?:(?:is|was|are|were|will\s+be|"
    r"has\s+been|have\s+been)\s+)?(?:currently\s+|now\s+)?"
    r"(?:located|situated|based|stationed|deployed|housed|built|planned|opened|operating|"
    r"sits|sat|lies|lay|stands|split|arrived|"
    r"established|(?:due|set|expected|scheduled|planned)\s+to\s+(?:open|be\s+built|be\s+based))"
    r"\s+(?:since\s+\d{4}\s+|for\s+\w+\s+years?\s+)?)?"
    r"(?P<prep>on\s+the\s+(?:(?:north|south|east|west)(?:ern)?\s+)?(?:edge|edges|outskirts|"
    r"fringes?|shores?|banks?|coast)\s+of|"
    r"in|at|on|near|outside|inside|within|off|by|close\s+to|next\s+to|beside|"
    # "The Dutch battery left Sliac in 2022": where it was
    r"left|vacated|"
    r"alongside|adjacent\s+to|"
    r"(?:split\s+)?between|"
    r"(?:just\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)"
    r"\s+(?:(?:a|the)\s+(?:hill(?:top)?|mountain(?:side|top)?|ridge|plateau|headland|cliff|"
    r"hillside)\s+(?:above|outside|near|overlooking|by)\s+)?"
    r"(?:the\s+)?(?:(?:(?:resort|port|coastal|northern|southern|eastern|western|central|"
    r"border|garrison|mountain|lakeside|seaside|strategic|remote|desert|(?-i:[A-Z][a-z]+))\s+)*"
    r"(?:town|city|village|port|island|"
    r"islands|region|province|oblast|district|area|enclave|governorate|county|municipality|"
    r"state|settlement|airport|capital)\s+of\s+|(?:(?-i:[A-Z][a-z]+)\s+)?(?-i:capital|port\s+city|"
    r"port|city|town|island|village)\s+(?=(?-i:[A-Z]))|the\s+(?:(?:main|international|civil|"
    r"civilian|city's|town's)\s+)?(?:airport|airfield|port|harbour|harbor)\s+(?:in|of|at)\s+)?",
    re.IGNORECASE,
)
OPERATOR_PHRASE = re.compile(
    r"\b(?:operated|run|used|controlled|manned|leased|built|owned|held)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
MEETING_TRIGGER = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|summit|summits|discussions|negotiations|"
    r"visit|visits|visited|visiting|trip|hosted|hosts|hosting|received|receives|welcomed|"
    r"welcomes|arrived|arrives|arriving|travel(?:l)?ed|travels|flew|flown|sat\s+down|bilateral|"
    r"conference|consultations|tête-à-tête|hold\s+talks|held\s+talks|will\s+meet|to\s+meet|"
    r"(?:signed|to\s+sign)\s+(?:an?\s+|the\s+)?[\"“‘']?(?:[\w-]+\s+){0,3}?(?:agreements?|deals?|treat(?:y|ies)|accords?|"
    r"declarations?|protocols?|package|pact|partnership|roadmap|communiqu[eé]|frameworks?|charter|"
    r"memorand(?:um|a)|MoUs?)|host|hosted|"
    r"attended|attends|ceremony|stop|stopover|greeted|"
    r"state\s+visit|gathered|gather|convened|summitry|sideline|sidelines|alongside|"
    r"standing\s+next\s+to|side\s+by\s+side|press\s+conference|news\s+conference|"
    r"joint\s+statement|shook\s+hands|welcomed|agreed|announced|attend|guest\s+of|"
    r"stood\s+together|appeared\s+together|face\s+to\s+face|face-to-face|"
    r"sat\s+(?:beside|next\s+to|with)|signed\s+off\s+on|"
    r"spent\s+(?:[\w-]+\s+){0,3}?(?:hours?|minutes|day|evening|morning|afternoon)\s+with)\b",
    re.IGNORECASE,
)
#: A meeting only talked about, or held at a distance: never a meeting site.
#: A leader meeting people who are not leaders: "Lee met about 50 of its soldiers".
MET_NON_LEADERS = re.compile(
    r"\bmet\s+(?:with\s+)?(?:(?:about|some|around|nearly|more\s+than)\s+)?(?:\d[\d,]*\s+"
    r"(?:of\s+)?)?(?:(?:his|her|its|their|the)\s+)?(?:[\w-]+\s+)?(?:soldiers|troops|sailors|"
    r"servicemen|servicewomen|personnel|peacekeepers|staff|students|supporters|diaspora|"
    r"crowds)\b", re.IGNORECASE)
NOT_A_MEETING = re.compile(
    r"\b(?:could|might|may)\s+(?:be\s+held|take\s+place|be\s+hosted|meet)\b|"
    # "In Belgrade he was met by cheering crowds"
    r"\b(?:was|were)\s+(?:met|greeted|welcomed)\s+by\s+(?:[\w-]+\s+){0,2}?(?:crowds|"
    r"protesters|demonstrators|supporters|well-wishers)\b|"
    r"\bno\s+date\s+(?:has|had)\s+been\b|\bdeclined\s+to\s+(?:attend|come|travel)\b|"
    r"\bas\s+(?:president|prime\s+minister|premier)-elect\b|\b(?:has|have)\s+not\s+(?:yet\s+)?confirmed\b|\bwithout\s+a\s+date\b|\bnext\s+time\s+in\b|"
    # "Abiy's planned visit to Mogadishu was called off earlier this year"
    # "talks that Angola had planned to host in Luanda collapsed", "he cancelled his stop"
    r"\b(?:visit|trip|meeting|summit|talks)\b[^.;]{0,40}?\b(?:planned|due|set|scheduled|"
    r"expected)\b[^.;]{0,60}?\b(?:collapsed|fell\s+through|broke\s+down|fell\s+apart)\b|\bcancell?ed\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:stop|visit|"
    r"trip|meeting|talks|summit)\b|"
    r"\b(?:visit|trip|meeting|summit|talks)\b[^.;]{0,60}?\b(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:called\s+off|cancell?ed|postponed|scrapped|shelved)\b|\b(?:telephoned|phoned|phone\s+call|video\s+call|"
    r"video\s+link|videoconference|by\s+(?:tele)?phone)\b|"
    r"\b(?:eventual|possible|potential|hypothetical)\s+(?:\w+\s+)?(?:visit|trip|meeting|summit)\b|"
    r"\b(?:could|might|may)\s+(?:happen|go\s+ahead|follow)\b|\bnext\s+year\b|"
    r"\bnothing\s+has\s+been\s+scheduled\b|\bno\s+(?:\w+\s+)?(?:session|meeting|talks|date)\s+"
    r"(?:was|were|has\s+been|had\s+been|is)\s+(?:yet\s+)?(?:scheduled|set|planned|fixed)\b|"
    r"\b(?:was|were)\s+mentioned\s+but\b|\bwithout\s+(?:holding\s+|having\s+)?(?:any\s+|a\s+)?"
    r"(?:formal\s+|bilateral\s+)?(?:talks|meeting)\b|"
    # "The meeting came weeks after Athens signed a deal ... at Andravida": another event
    r"\b(?:meeting|talks|summit|visit)(?:,[^,]{0,40},)?\s+(?:came|comes|follows|followed)\s+"
    r"(?:(?:\w+\s+){0,2}after|as|amid|while)\b|"
    # "Aliyev is expected at a summit in Tianjin ... but has not confirmed attendance"
    r"\b(?:is|are)\s+expected\s+at\b|\bnot\s+(?:yet\s+)?confirmed\s+(?:his\s+|her\s+|their\s+)?"
    r"(?:attendance|participation)\b",
    re.IGNORECASE,
)
#: Speaking to the press somewhere is not meeting anyone there.
PRESS_ONLY = re.compile(r"(?i)\btold\s+(?:reporters|journalists|the\s+press)\b")
MEETING_PLACE_AFTER = re.compile(
    r"\b(?P<prep>in|at|to|inside|on|for)\s+(?:the\s+)?(?:[A-Z][a-z]+\s+(?:leader|president|"
    r"premier|king|emir)['’]s\s+)?(?:(?!(?:in|at|to|on|for|from|into)\s)[a-z]+\s+){0,3}?"
    r"(?:(?:[\w-]+\s+){0,4}?"
    r"(?:capital|city|town|resort|island|port|village|venue)\s+(?:city\s+)?"
    r"(?:of\s+)?)?(?:\d{1,4}\s+)?(?=[A-ZÀ-ÖØ-ÞĀ-ſ])",
)
LEADER_TITLE = re.compile(
    r"\b(?:President|Prime\s+Minister|Premier|Chancellor|King|Queen|Emir|Amir|Crown\s+Prince|"
    r"Sultan|Sheikh|Supreme\s+Leader|Chairman|General\s+Secretary|"
    r"heads?\s+of\s+(?:state|government)|leaders?|presidents|premiers|"
    r"(?:prime\s+minister|president)(?=\s+(?:[A-Z][\w'’-]+\s+)?[A-Z])|"
    # "Modi and his Mauritian counterpart Navinchandra Ramgoolam"
    r"(?<=his\s)(?:[A-Z][\w'’-]+\s+)?counterpart|(?<=her\s)(?:[A-Z][\w'’-]+\s+)?counterpart)\b",
)
#: A base only proposed, wished for or considered ("could set up a base in Berbérati").
SPECULATION_CUES = re.compile(
    r"(?i)\b(?:could|might|may|would\s+like|wants?\s+to|hopes?\s+to|is\s+considering|are\s+"
    r"considering|considers|proposals?|claimed\s+(?:[\w-]+\s+){0,3}?that|secret\s+plans?|"
    r"proposed|floated|talk\s+of|possible|potential|"
    r"hypothetical|eventual|whether|(?:had\s+|has\s+)?(?:studied|weighed|mulled|explored)\s+"
    r"(?:deploying|building|opening|basing|setting\s+up|stationing))\b")
#: Said of a base after it is named: "a US air-defence site at Tabuk 'has been floated'".
SPECULATION_AFTER = re.compile(
    r"(?i)\b(?:(?:has|have|had)\s+(?:long\s+)?been\s+(?:floated|mooted|proposed|suggested|"
    r"rumou?red)|(?:(?:was|were|is|are)\s+)?first\s+(?:floated|mooted)|(?:was|were|is|are)\s+"
    r"(?:floated|mooted)|is\s+being\s+(?:considered|discussed|studied)|"
    r"could\s+(?:one\s+day\s+(?:host|return)|be\s+discussed)|"
    r"(?:was|were)\s+not\s+(?:mentioned|discussed|raised)|no\s+evidence\s+has\s+emerged)\b")
#: Where one clause ends and the next begins ("…, while aircraft left Ali Al Salem").
CLAUSE_BREAK = re.compile(r",\s+(?:while|but|whereas|although)\s|[;:]")
DENIED_CUES = re.compile(
    r"\b(?:denied|denies|deny|never\s+materiali[sz]ed|no\s+(?:such|Chinese|Russian|foreign)\s+"
    r"(?:base|facility|military\s+facility|plans?|project|talks)|dismiss(?:ed)?\s+reports|"
    r"rumou?red|(?:is|are|was|were)\s+not\s+(?:being\s+)?(?:discussed|considered|planned)|"
    r"shelved|scrapped|(?:plans?|project|lease|deal)\s+(?:was|were|has\s+been|had\s+been)\s+"
    r"(?:cancell?ed|dropped|abandoned)|"
    # "a suggestion that Australia 'could one day host' a Typhon battery was dismissed"
    r"(?:suggestion|proposal|idea|offer|request|plan)\b[^.;]{0,120}?\b(?:was|were|has\s+been|"
    r"had\s+been)\s+(?:dismissed|rejected|ruled\s+out|turned\s+down))\b", re.IGNORECASE)
CLOSED_CUES = re.compile(
    r"\b(?:closed|closure|shut(?:\s+down)?|withdr[ae]w\w*|withdrawal|handed\s+(?:over|back)|"
    # "handed to Kosovo's security forces", not "handed to Russia"
    r"handed\s+to\s+(?:the\s+)?(?:host|local|[A-Z][\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}"
    r"(?:forces|army|military|navy|government|authorities)|"
    # "evacuated the base", not "flew their evacuation mission out of Japan's base"
    r"(?:was|were|been)\s+evacuated|evacuat(?:ed|ing|ion\s+of)\s+(?:the|its|their)\s+(?:[\w-]+\s+)"
    r"{0,3}(?:base|garrison|camp|station|facility|outpost)|"
    r"vacated|abandoned|pulled\s+out|dismantled|"
    # "had run forward operating bases in Macomia; its infantry left them in April 2024"
    r"(?:troops|infantry|forces|soldiers|units?|contingents?)\s+left\s+(?:them|it)\b|"
    r"left\s+(?:the|its|their|[A-Z][\w-]+['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}(?:base|location|garrison|camp|station|facility)|"
    # "the former Soviet air base", not "the former imperial palace" or "formerly Kurgan-Tyube"
    r"former(?:ly)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:air\s?)?(?:base|garrison|camp|"
    r"station|facility|installation|location|outpost|airfield|hub)s?|formerly\s+(?:hosted|housed|used|home))\b",
    re.IGNORECASE,
)
PLANNED_CUES = re.compile(
    r"\b(?:will\s+(?:build|open|establish|set\s+up|create|construct|get|host)|plans?\s+to|"
    r"planned|proposed|prospective|future|to\s+be\s+(?:built|opened|established|set\s+up)|"
    r"would\s+(?:host|open|build|establish)|agreement\s+to\s+(?:build|establish|open)|"
    r"opening\s+(?:a|another|the)|under\s+construction|(?:due|expected|set)\s+to\s+(?:be\s+"
    r"declared\s+|become\s+|go\s+)operational|seeks?\s+to\s+(?:build|establish|open))\b",
    re.IGNORECASE,
)
#: A dateline opening a sentence: "Bishkek, Friday 13 October 2023 — ", "WASHINGTON, May 8 — ".
DATELINE = re.compile(r"^[\W_]*(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\W*"
                      r"(?:,[^—–\n]{0,40})?\s+[—–]\s")
CAPITALISED_PHRASE = re.compile(
    r"(?:(?:Lake|Mount|Mt\.|Gulf\s+of|Sea\s+of|Bay\s+of|Strait\s+of|Isle\s+of|Cape)\s+)?"
    r"(?:(?:al|el|as|ad|ash|at|az|an|ar)[-‐]|d['’]|l['’])?[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’\-‐.]*"
    r"(?:[ \t]+(?:(?:al|el|de|del|da|do|di|du|la|le|of|on|upon|am|an|sur|bin|ibn|ten|ter|van|"
    r"von|der|den|aan|op)[ \t]+){0,2}"
    r"(?:(?:al|el|as|ad|ash|at|az)[-‐])?[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁ][\w'’\-‐]*)*"
)
NOT_PLACE_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "the", "a", "an", "he", "she", "it", "they", "we", "i", "this",
    "that", "president", "minister", "prime", "general", "king", "war", "parliament", "navy",
    "army", "air", "force", "ministry", "defense", "defence", "north", "south", "east",
    "west", "central", "world", "government", "russian", "american", "chinese", "its", "his",
    "her", "their", "our", "one", "two", "three", "friday's", "victory", "day", "red",
    "nato", "eu", "un", "csto", "sco", "cis", "eaeu", "asean", "brics", "g7", "g20", "opec",
    "he's", "when", "while", "after", "before", "during", "since", "until", "as", "if",
    "but", "and", "or", "in", "on", "at", "for", "with", "from", "by", "to", "of",
})
#: Words that cannot begin a site's place name: continents and macro-regions.
NOT_SITE_START = NOT_PLACE_WORDS | frozenset({
    "africa", "europe", "asia", "america", "americas", "oceania", "antarctica", "eurasia",
    "middle", "far", "near", "latin", "arctic", "pacific", "atlantic", "sahel", "balkans",
    "caucasus", "levant", "maghreb", "scandinavia", "indo", "asia-pacific", "indo-pacific",
    "western", "eastern", "northern", "southern",
})
#: Words that begin place names but are never places on their own.
GENERIC_PLACE_WORDS = frozenset({
    "lake", "mount", "gulf", "sea", "bay", "strait", "cape", "island", "river", "port", "camp",
    "fort", "base", "naval", "new", "old", "great", "upper", "lower", "saint", "st", "san",
    "santa", "el", "al", "la", "le", "los", "las", "north", "south", "east", "west", "central",
})
