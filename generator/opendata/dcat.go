package opendata

import (
	"strconv"
	"strings"

	"offenbar/generator/selfcheck"
)

// Code lists the catalogue refers to.
const (
	themeBase        = "http://publications.europa.eu/resource/authority/data-theme/"
	fileTypeBase     = "http://publications.europa.eu/resource/authority/file-type/"
	languageBase     = "http://publications.europa.eu/resource/authority/language/"
	accessRights     = "http://publications.europa.eu/resource/authority/access-right/PUBLIC"
	municipalityBase = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/"
	municipalLevel   = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"
	contributorBase  = "http://dcat-ap.de/def/contributors/"
	publisherType    = "http://purl.org/adms/publishertype/LocalAuthority"
	statusCompleted  = "http://publications.europa.eu/resource/authority/distribution-status/COMPLETED"
	mediaTypeBase    = "https://www.iana.org/assignments/media-types/"
)

// languages maps a site language to the EU language authority table.
var languages = map[string]string{"de": "DEU", "en": "ENG"}

// format is a file type of the EU vocabulary with its media type.
type format struct{ fileType, mediaType string }

func formatOf(name string) format {
	switch {
	case strings.HasSuffix(name, ".csv"):
		return format{"CSV", "text/csv"}
	case strings.HasSuffix(name, ".xlsx"):
		return format{"XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
	}
	return format{"JSON", "application/json"}
}

// Dataset URIs: the data page with an anchor per dataset, which the page
// carries too, so that a URI leads to the dataset's description.
func (p *Publication) catalogURI() string    { return p.URL("") + "#catalog" }
func (p *Publication) publisherURI() string  { return p.URL("") + "#publisher" }
func (p *Publication) contactURI() string    { return p.URL("") + "#contact" }
func (p *Publication) instrumentURI() string { return p.URL("") + "#" + InstrumentAnchor }

// InstrumentAnchor is the anchor of the instrument's section on the data
// page; RoundAnchor that of a round's.
const InstrumentAnchor = "instrument"

// RoundAnchor is the anchor of round id's section on the data page.
func RoundAnchor(id string) string { return "round-" + id }

func (p *Publication) distributionURI(name string) string {
	return p.URL("") + "#file-" + name
}

// catalog is the DCAT-AP.de description of every dataset and its files.
func (p *Publication) catalog(files map[string][]byte) *graph {
	g := newGraph()
	cfg, m := p.Config, p.Model
	lang := cfg.Language
	lic := p.Licence()
	var first, last string
	if len(m.Rounds) > 0 {
		first, last = m.Rounds[0].Date.ISO(), m.Latest().Date.ISO()
	}

	cat := p.catalogURI()
	g.add(cat, "rdf:type", iri("http://www.w3.org/ns/dcat#Catalog"))
	g.add(cat, "dct:title", text(p.Text("data_catalog_title", cfg.Title), lang))
	g.add(cat, "dct:description", text(p.Text("data_catalog_description", cfg.Publisher(), m.Instrument.Title), lang))
	g.add(cat, "dct:publisher", iri(p.publisherURI()))
	g.add(cat, "foaf:homepage", iri(cfg.AbsURL("/")))
	g.add(cat, "dct:language", iri(languageBase+languages[lang]))
	g.add(cat, "dct:license", iri(lic.URI()))
	if first != "" {
		g.add(cat, "dct:issued", typed(first, xsd("date")))
		g.add(cat, "dct:modified", typed(last, xsd("date")))
	}
	p.spatial(g, cat)
	if k := cfg.Data.MunicipalityKey; k != "" {
		g.add(municipalityBase+k, "rdf:type", iri("http://purl.org/dc/terms/Location"))
	}
	g.add(cat, "dcat:dataset", iri(p.instrumentURI()))
	for _, r := range m.Rounds {
		g.add(cat, "dcat:dataset", iri(p.URL("")+"#"+RoundAnchor(r.ID)))
	}
	if p.hasMeasures() {
		g.add(cat, "dcat:dataset", iri(p.measuresURI()))
	}

	pub := p.publisherURI()
	g.add(pub, "rdf:type", iri("http://xmlns.com/foaf/0.1/Agent"))
	g.add(pub, "foaf:name", text(cfg.Publisher(), lang))
	g.add(pub, "dct:type", iri(publisherType))
	g.add(pub, "foaf:homepage", iri(cfg.AbsURL("/")))

	if c := cfg.Data.ContactURL(); c != "" {
		cp := p.contactURI()
		g.add(cp, "rdf:type", iri("http://www.w3.org/2006/vcard/ns#Kind"))
		g.add(cp, "rdf:type", iri("http://www.w3.org/2006/vcard/ns#Organization"))
		g.add(cp, "vcard:fn", text(cfg.Publisher(), lang))
		if strings.HasPrefix(c, "mailto:") {
			g.add(cp, "vcard:hasEmail", iri(c))
		} else {
			g.add(cp, "vcard:hasURL", iri(c))
		}
	}

	// The instrument: its questions, issued with the first round.
	ds := p.instrumentURI()
	p.dataset(g, ds, p.Text("data_instrument_title", m.Instrument.Title), p.Text("data_instrument_description", m.Instrument.Title, len(m.Instrument.Questions), len(m.Instrument.Fields)), first, last)
	g.add(ds, "dcat:landingPage", iri(p.MethodURL))
	p.distribution(g, ds, QuestionsCSV, p.Text("data_questions_title", m.Instrument.Title), files, last)
	p.distribution(g, ds, FieldsCSV, p.Text("data_fields_title", m.Instrument.Title), files, last)
	p.distribution(g, ds, RecommendationsAllCSV, p.Text("data_all_recommendations_title"), files, last)
	p.distribution(g, ds, SchemaJSON, p.Text("data_schema_title"), files, last)
	p.distribution(g, ds, DataPackage, p.Text("data_package_file_title"), files, last)

	for _, r := range m.Rounds {
		ds := p.URL("") + "#" + RoundAnchor(r.ID)
		date := r.Date.ISO()
		p.dataset(g, ds, p.Text("data_round_title", m.Instrument.Title, r.Title), p.Text("data_round_description", r.Title, p.Date(r.Date.Time), len(r.Answers), len(m.Instrument.Fields)), date, date)
		g.add(ds, "dcat:landingPage", iri(p.RoundURL(r.ID)))
		prov := ds + "-provenance"
		g.add(ds, "dct:provenance", iri(prov))
		g.add(prov, "rdf:type", iri("http://purl.org/dc/terms/ProvenanceStatement"))
		g.add(prov, "rdfs:label", text(p.Provenance(r), lang))
		g.add(ds, "dct:temporal", iri(ds+"-period"))
		g.add(ds+"-period", "rdf:type", iri("http://purl.org/dc/terms/PeriodOfTime"))
		g.add(ds+"-period", "dcat:startDate", typed(date, xsd("date")))
		g.add(ds+"-period", "dcat:endDate", typed(date, xsd("date")))
		for _, f := range []struct{ name, title string }{
			{AnswersCSV(r.ID), p.Text("data_answers_title", r.Title)},
			{AnswersJSON(r.ID), p.Text("data_answers_title", r.Title)},
			{XLSX(r.ID), p.Text("data_answers_title", r.Title)},
			{ScoresCSV(r.ID), p.Text("data_scores_title", r.Title)},
			{ScoresJSON(r.ID), p.Text("data_scores_title", r.Title)},
			{RecommendationsCSV(r.ID), p.Text("data_recommendations_title", r.Title)},
		} {
			p.distribution(g, ds, f.name, f.title, files, date)
		}
	}
	p.measuresDataset(g, files)
	return g
}

func (p *Publication) spatial(g *graph, subj string) {
	if k := p.Config.Data.MunicipalityKey; k != "" {
		g.add(subj, "dct:spatial", iri(municipalityBase+k))
	}
}

func (p *Publication) dataset(g *graph, ds, title, description, issued, modified string) {
	cfg, lang := p.Config, p.Config.Language
	g.add(ds, "rdf:type", iri("http://www.w3.org/ns/dcat#Dataset"))
	g.add(ds, "dct:title", text(title, lang))
	g.add(ds, "dct:description", text(description, lang))
	g.add(ds, "dct:identifier", plain(ds))
	g.add(ds, "dct:publisher", iri(p.publisherURI()))
	g.add(ds, "dct:creator", iri(p.publisherURI()))
	if cfg.Data.Contact != "" {
		g.add(ds, "dcat:contactPoint", iri(p.contactURI()))
	}
	g.add(ds, "dcat:theme", iri(themeBase+"GOVE"))
	g.add(ds, "dcat:theme", iri(themeBase+"SOCI"))
	g.add(ds, "dcat:keyword", text(p.Model.Instrument.Title, lang))
	g.add(ds, "dct:language", iri(languageBase+languages[lang]))
	g.add(ds, "dct:accessRights", iri(accessRights))
	if issued != "" {
		g.add(ds, "dct:issued", typed(issued, xsd("date")))
		g.add(ds, "dct:modified", typed(modified, xsd("date")))
	}
	p.spatial(g, ds)
	if k := cfg.Data.MunicipalityKey; k != "" {
		g.add(ds, "dcatde:politicalGeocodingURI", iri(municipalityBase+k))
		g.add(ds, "dcatde:politicalGeocodingLevelURI", iri(municipalLevel))
	}
	if id := cfg.Data.ContributorID; id != "" {
		g.add(ds, "dcatde:contributorID", iri(contributorBase+id))
	}
	g.add(ds, "foaf:page", iri(p.MethodURL))
}

func (p *Publication) distribution(g *graph, ds, name, title string, files map[string][]byte, modified string) {
	lang := p.Config.Language
	lic := p.Licence()
	f := formatOf(name)
	d := p.distributionURI(name)
	g.add(ds, "dcat:distribution", iri(d))
	g.add(d, "rdf:type", iri("http://www.w3.org/ns/dcat#Distribution"))
	g.add(d, "dct:title", text(p.Text("data_file_title", title, f.fileType), lang))
	g.add(d, "dcat:accessURL", iri(p.URL(name)))
	g.add(d, "dcat:downloadURL", iri(p.URL(name)))
	g.add(d, "dct:format", iri(fileTypeBase+f.fileType))
	g.add(d, "dcat:mediaType", iri(mediaTypeBase+f.mediaType))
	g.add(d, "dct:license", iri(lic.URI()))
	if lic.BY {
		g.add(d, "dcatde:licenseAttributionByText", text(p.Config.Data.Attribution, lang))
	}
	g.add(d, "dcat:byteSize", typed(strconv.Itoa(len(files[name])), xsd("nonNegativeInteger")))
	g.add(d, "adms:status", iri(statusCompleted))
	if modified != "" {
		g.add(d, "dct:modified", typed(modified, xsd("date")))
	}
}

// Provenance says who answered round r and when, and where the scoring is
// explained.
func (p *Publication) Provenance(r *selfcheck.Round) string {
	if len(r.Respondents) == 0 {
		return p.Text("data_provenance_unnamed", p.Date(r.Date.Time), p.MethodURL)
	}
	return p.Text("data_provenance", p.Date(r.Date.Time), strings.Join(r.Respondents, ", "), p.MethodURL)
}
