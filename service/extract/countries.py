"""Countries, their short forms and their demonyms, each mapped to one canonical name.

A country speaks in these articles as often as a person does ("Pakistan
expressed...", "a Pakistani statement said", "the US vetoed"), and the same
country appears as "US", "U.S.", "United States" and "American". Mentions use
this table to recognise a country and speakers use it to give every form the
same canonical name, with the forms seen kept as aliases.
"""

# canonical name: other names and demonyms (general English, not taken from any article)
_TABLE = {
    "United States": "US U.S. U.S.A. USA America American Americans",
    "United Kingdom": "UK U.K. Britain British Great_Britain England English Scotland Scottish Wales Welsh",
    "Afghanistan": "Afghan Afghans", "Albania": "Albanian", "Algeria": "Algerian", "Angola": "Angolan",
    "Argentina": "Argentine Argentinian", "Armenia": "Armenian", "Australia": "Australian Australians",
    "Austria": "Austrian", "Azerbaijan": "Azerbaijani", "Bahrain": "Bahraini", "Bangladesh": "Bangladeshi",
    "Belarus": "Belarusian", "Belgium": "Belgian", "Bolivia": "Bolivian", "Bosnia": "Bosnian",
    "Brazil": "Brazilian", "Bulgaria": "Bulgarian", "Cambodia": "Cambodian", "Cameroon": "Cameroonian",
    "Canada": "Canadian Canadians", "Chile": "Chilean", "China": "Chinese", "Colombia": "Colombian",
    "Costa Rica": "Costa_Rican", "Croatia": "Croatian", "Cuba": "Cuban", "Cyprus": "Cypriot",
    "Czech Republic": "Czech Czechia", "Denmark": "Danish", "Ecuador": "Ecuadorian", "Egypt": "Egyptian",
    "Estonia": "Estonian", "Ethiopia": "Ethiopian", "Finland": "Finnish", "France": "French",
    "Georgia": "Georgian", "Germany": "German Germans", "Ghana": "Ghanaian", "Greece": "Greek",
    "Guatemala": "Guatemalan", "Haiti": "Haitian", "Honduras": "Honduran", "Hungary": "Hungarian",
    "Iceland": "Icelandic", "India": "Indian", "Indonesia": "Indonesian", "Iran": "Iranian",
    "Iraq": "Iraqi", "Ireland": "Irish", "Israel": "Israeli Israelis", "Italy": "Italian",
    "Jamaica": "Jamaican", "Japan": "Japanese", "Jordan": "Jordanian", "Kazakhstan": "Kazakh",
    "Kenya": "Kenyan", "Kuwait": "Kuwaiti", "Kyrgyzstan": "Kyrgyz", "Laos": "Lao Laotian",
    "Latvia": "Latvian", "Lebanon": "Lebanese", "Libya": "Libyan", "Lithuania": "Lithuanian",
    "Malaysia": "Malaysian", "Mali": "Malian", "Mexico": "Mexican", "Moldova": "Moldovan",
    "Mongolia": "Mongolian", "Morocco": "Moroccan", "Mozambique": "Mozambican", "Myanmar": "Burma Burmese",
    "Nepal": "Nepali Nepalese", "Netherlands": "Dutch Holland", "New Zealand": "New_Zealander",
    "Nicaragua": "Nicaraguan", "Niger": "Nigerien", "Nigeria": "Nigerian", "North Korea": "North_Korean DPRK",
    "Norway": "Norwegian", "Oman": "Omani", "Pakistan": "Pakistani Pakistanis", "Panama": "Panamanian",
    "Paraguay": "Paraguayan", "Peru": "Peruvian", "Philippines": "Philippine Filipino",
    "Poland": "Polish", "Portugal": "Portuguese", "Qatar": "Qatari", "Romania": "Romanian",
    "Russia": "Russian Russians Russian_Federation", "Rwanda": "Rwandan", "Saudi Arabia": "Saudi Saudis",
    "Senegal": "Senegalese", "Serbia": "Serbian", "Singapore": "Singaporean", "Slovakia": "Slovak",
    "Slovenia": "Slovenian", "Somalia": "Somali", "South Africa": "South_African",
    "South Korea": "South_Korean ROK Korea Korean", "South Sudan": "South_Sudanese", "Spain": "Spanish",
    "Sri Lanka": "Sri_Lankan", "Sudan": "Sudanese", "Sweden": "Swedish", "Switzerland": "Swiss",
    "Syria": "Syrian", "Taiwan": "Taiwanese", "Tajikistan": "Tajik", "Tanzania": "Tanzanian",
    "Thailand": "Thai", "Tunisia": "Tunisian", "Turkey": "Turkish Türkiye", "Turkmenistan": "Turkmen",
    "Uganda": "Ugandan", "Ukraine": "Ukrainian Ukrainians", "United Arab Emirates": "UAE U.A.E. Emirati",
    "Uruguay": "Uruguayan", "Uzbekistan": "Uzbek", "Venezuela": "Venezuelan", "Vietnam": "Vietnamese",
    "Yemen": "Yemeni", "Zambia": "Zambian", "Zimbabwe": "Zimbabwean", "Palestine": "Palestinian",
    "Belize": "Belizean", "Maldives": "Maldivian", "Fiji": "Fijian", "Botswana": "Motswana",
}

CANONICAL: dict[str, str] = {}
for _name, _others in _TABLE.items():
    CANONICAL[_name] = _name
    for _other in _others.split():
        CANONICAL[_other.replace("_", " ")] = _name

# Longest first, so "South Korea" wins over "Korea" in an alternation.
NAMES = sorted(CANONICAL, key=len, reverse=True)


def canonical(text: str) -> str | None:
    """The canonical country for a name or demonym ("U.S." -> "United States"), else None."""
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return CANONICAL.get(text) or CANONICAL.get(text.replace(".", "")) if text else None
