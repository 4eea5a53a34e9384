// Package licence knows the open-data licences a site may publish its data
// under: the identifiers of the DCAT-AP.de licence vocabulary
// (http://dcat-ap.de/def/licenses), with their names, the address of their
// text and whether they require attribution.
//
// site.toml names one of them:
//
//	[data]
//	licence = "dl-by-de/2.0"            # the default
//	attribution = "Stadt Lindenbrück"   # required by BY licences; defaults to municipality
package licence

import "slices"

// Vocabulary is the concept scheme of the DCAT-AP.de licences.
const Vocabulary = "http://dcat-ap.de/def/licenses"

// Default is the licence of a site that names none.
const Default = "dl-by-de/2.0"

// Licence is one entry of the vocabulary.
type Licence struct {
	ID               string // DCAT-AP.de identifier, such as "dl-by-de/2.0"
	TitleDE, TitleEN string
	Text             string // where people read the licence
	SPDX             string // SPDX or Open Definition identifier, for Data Packages; "" if none
	BY               bool   // reuse requires naming the source
}

// URI is the licence's IRI in the DCAT-AP.de vocabulary, without a trailing
// slash.
func (l *Licence) URI() string { return Vocabulary + "/" + l.ID }

// Title is the licence's name in the language lang ("de" or any other).
func (l *Licence) Title(lang string) string {
	if lang == "de" {
		return l.TitleDE
	}
	return l.TitleEN
}

var all = []*Licence{
	{ID: "cc-by/4.0", TitleDE: "Creative Commons Namensnennung – 4.0 International (CC BY 4.0)", TitleEN: "Creative Commons Attribution 4.0 International (CC BY 4.0)", Text: "https://creativecommons.org/licenses/by/4.0/", SPDX: "CC-BY-4.0", BY: true},
	{ID: "cc-by-sa/4.0", TitleDE: "Creative Commons Namensnennung – Weitergabe unter gleichen Bedingungen 4.0 International (CC BY-SA 4.0)", TitleEN: "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)", Text: "https://creativecommons.org/licenses/by-sa/4.0/", SPDX: "CC-BY-SA-4.0", BY: true},
	{ID: "cc-zero", TitleDE: "Creative Commons CC Zero (CC0 1.0)", TitleEN: "Creative Commons CC Zero (CC0 1.0)", Text: "https://creativecommons.org/publicdomain/zero/1.0/", SPDX: "CC0-1.0"},
	{ID: "dl-by-de/2.0", TitleDE: "Datenlizenz Deutschland – Namensnennung – Version 2.0", TitleEN: "Data licence Germany – attribution – version 2.0", Text: "https://www.govdata.de/dl-de/by-2-0", SPDX: "DL-DE-BY-2.0", BY: true},
	{ID: "dl-zero-de/2.0", TitleDE: "Datenlizenz Deutschland – Zero – Version 2.0", TitleEN: "Data licence Germany – Zero – version 2.0", Text: "https://www.govdata.de/dl-de/zero-2-0", SPDX: "DL-DE-ZERO-2.0"},
	{ID: "odbl", TitleDE: "Open Data Commons Open Database License (ODbL)", TitleEN: "Open Data Commons Open Database License (ODbL)", Text: "https://opendatacommons.org/licenses/odbl/1-0/", SPDX: "ODbL-1.0", BY: true},
	{ID: "odc-by", TitleDE: "Open Data Commons Attribution License (ODC-By)", TitleEN: "Open Data Commons Attribution License (ODC-By)", Text: "https://opendatacommons.org/licenses/by/1-0/", SPDX: "ODC-By-1.0", BY: true},
	{ID: "officialWork", TitleDE: "Amtliches Werk, lizenzfrei nach § 5 Abs. 1 UrhG", TitleEN: "Official work, free of copyright under § 5 (1) UrhG", Text: "https://www.gesetze-im-internet.de/urhg/__5.html"},
}

// Lookup returns the licence with the identifier id, or nil.
func Lookup(id string) *Licence {
	i := slices.IndexFunc(all, func(l *Licence) bool { return l.ID == id })
	if i < 0 {
		return nil
	}
	return all[i]
}

// IDs lists every known identifier, sorted.
func IDs() []string {
	ids := make([]string, len(all))
	for i, l := range all {
		ids[i] = l.ID
	}
	return ids
}
