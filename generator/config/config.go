// Package config reads site.toml, the configuration of a site. The German
// reference for towns is docs/referenz/site-toml.md, and init writes its
// JSON Schema (generator/scaffold/starter/schema/site.schema.json); tests
// keep both in step with the struct.
//
// A complete site.toml:
//
//	title = "Weltoffenes Lindenbrück"            # the site's name, in the header and in <title>
//	municipality = "Stadt Lindenbrück"          # who publishes the self-check
//	base_url = "https://weltoffen.lindenbrueck.example/"  # may end in a sub-path
//	language = "de"                             # a BCP 47 tag with UI texts in templates/i18n: de (default), en …
//	languages = ["en", "tr", "ar", "uk"]        # further languages, each below its own prefix: /en/, /tr/ …
//	description = "Wo wir stehen und was wir vorhaben."
//	example_notice = "Dies ist ein fiktives Beispiel."  # optional banner on every page
//	allow_html = false                          # render raw HTML in Markdown (default false)
//	easy_language = "/leichte-sprache/"         # page in Leichte Sprache, linked from every header
//	sign_language = "/gebaerdensprache/"        # page in German Sign Language, linked from every header
//	time_zone = "Europe/Berlin"                 # the zone of the events' local times (IANA name, default Europe/Berlin)
//
//	[translations.en]                           # the texts above in a further language, by language;
//	title = "Welcoming Lindenbrück"             # each may be left out, and the page then shows the
//	description = "Where we stand and what we plan."  # default language's text, marked as such
//	example_notice = "This is an invented example."
//
//	[[menu]]                                    # main navigation, in this order
//	title = "Handlungsfelder"
//	url = "/handlungsfelder/"                   # site-relative; the base path is added
//	titles = { en = "Action fields" }           # the title in further languages; sections
//	                                            # such as /handlungsfelder/ are named by the UI texts
//
//	[footer]                                    # all three are required by German law
//	imprint = "/impressum/"                     # Impressum (§ 5 DDG)
//	privacy = "/datenschutz/"                   # Datenschutzerklärung (Art. 13 DSGVO)
//	accessibility = "/barrierefreiheit/"        # Erklärung zur Barrierefreiheit
//
//	[chart]
//	background = "#ffffff"                      # the page background behind charts
//	palette = ["#1d5f95", "#a6410b", "#2e7d32"]  # series colours, each at least 3:1 against background
//	dark_background = "#121417"                 # the same for visitors who prefer a dark scheme;
//	dark_palette = ["#6fb1ea", "#f0a060", "#7ed493"]  # without it, the palette is lightened
//
//	[data]                                      # the open data under /daten/
//	licence = "dl-by-de/2.0"                    # DCAT-AP.de licence identifier (default dl-by-de/2.0),
//	                                            # also dl-zero-de/2.0, cc-by/4.0, cc-by-sa/4.0, cc-zero, odbl, odc-by, officialWork
//	attribution = "Stadt Lindenbrück"           # the source to name, required by BY licences; defaults to municipality
//	municipality_key = "09762000"               # Amtlicher Gemeindeschlüssel (8 digits), for GovData's geocoding
//	contact = "opendata@lindenbrueck.de"        # e-mail address or https URL for questions about the data
//	contributor_id = "lindenbrueck"             # GovData Datenbereitsteller-ID, if the town has one
//
//	[embed]                                     # charts and fields to show on other websites
//	allowed = ["https://www.musterstadt.de"]    # the origins (scheme and host) that may frame them;
//	                                            # without [embed] there are no embed pages
//	[contact]                                   # whom to ask about an action field, named on its page:
//	office = "Integrationsbüro"                 # an office, with a phone number, an e-mail address or both;
//	offices = { en = "Integration Office" }     # the office's name in further languages
//	phone = "+49 8341 437-0"                    # optional, and for every field without its own
//	email = "integration@lindenbrueck.de"
//
//	[contact.fields.fairer-zugang]              # the office for one field, by its slug
//	office = "Sozialamt, Fachstelle Wohnen"
//	offices = { en = "Social Welfare Office, housing unit" }
//	phone = "+49 8341 437-460"
//	email = "wohnen@lindenbrueck.de"
//
//	[images]                                    # limits for photos in content
//	max_size_mb = 25                            # larger files are refused (default 25)
//	max_megapixels = 50                         # larger pictures are refused before decoding (default 50)
//
//	[measures]                                  # the measures under /massnahmen/
//	stale_months = 6                            # "keine Nachricht seit …" after this many months without an update (default 6)
//
// Unknown keys are errors, so that a typo never goes unnoticed.
package config

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the same zones on every machine, whatever it has installed
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/idna"
	"golang.org/x/text/language"

	"offenbar/generator/color"
	"offenbar/generator/diag"
	"offenbar/generator/licence"
	"offenbar/generator/sourcefile"
	"offenbar/generator/tomldoc"
)

// File is the name of the configuration file in the site directory.
const File = "site.toml"

// Site is the decoded configuration.
type Site struct {
	Title         string   `toml:"title"`
	Municipality  string   `toml:"municipality"`
	BaseURL       string   `toml:"base_url"`
	Language      string   `toml:"language"`
	Languages     []string `toml:"languages"`
	Description   string   `toml:"description"`
	ExampleNotice string   `toml:"example_notice"`
	AllowHTML     bool     `toml:"allow_html"`
	EasyLanguage  string   `toml:"easy_language"`
	SignLanguage  string   `toml:"sign_language"`
	TimeZone      string   `toml:"time_zone"`
	Menu          []Link   `toml:"menu"`
	Footer        Footer   `toml:"footer"`
	Chart         Chart    `toml:"chart"`
	Data          Data     `toml:"data"`
	Images        Images   `toml:"images"`
	Embed         Embed    `toml:"embed"`
	Measures      Measures `toml:"measures"`
	// Translations holds the site's own texts in further languages, by
	// language.
	Translations map[string]SiteText `toml:"translations"`
	// Contact is whom residents can ask about the action fields.
	Contact *Contact `toml:"contact"`

	// Base is BaseURL parsed; BasePath is its path, always ending in "/".
	Base     *url.URL     `toml:"-"`
	BasePath string       `toml:"-"`
	Doc      *tomldoc.Doc `toml:"-"`
	// Location is TimeZone loaded: where the local times of events are.
	Location *time.Location `toml:"-"`
}

// DefaultTimeZone is the time zone of a site that names none.
const DefaultTimeZone = "Europe/Berlin"

// Link is a menu entry.
type Link struct {
	Title  string            `toml:"title"`
	URL    string            `toml:"url"`
	Titles map[string]string `toml:"titles"` // by language
}

// SiteText is the site's own texts in a further language.
type SiteText struct {
	Title         string `toml:"title"`
	Description   string `toml:"description"`
	ExampleNotice string `toml:"example_notice"`
}

// In returns the configuration with its texts in lang: a copy in which
// every text that translations gives for lang replaces the default
// language's, and s itself when there is none.
func (s *Site) In(lang string) *Site {
	t, ok := s.Translations[lang]
	if !ok {
		return s
	}
	c := *s
	c.Title = cmp.Or(strings.TrimSpace(t.Title), s.Title)
	c.Description = cmp.Or(strings.TrimSpace(t.Description), s.Description)
	c.ExampleNotice = cmp.Or(strings.TrimSpace(t.ExampleNotice), s.ExampleNotice)
	return &c
}

// Translated reports whether text is one of the site's texts in lang rather
// than in the default language.
func (s *Site) Translated(lang, text string) bool {
	t, ok := s.Translations[lang]
	text = strings.TrimSpace(text)
	return ok && text != "" && (text == strings.TrimSpace(t.Title) || text == strings.TrimSpace(t.Description) || text == strings.TrimSpace(t.ExampleNotice))
}

// Footer holds the legally required links.
type Footer struct {
	Imprint       string `toml:"imprint"`
	Privacy       string `toml:"privacy"`
	Accessibility string `toml:"accessibility"`
}

// Chart configures chart colours, for the light and the dark colour scheme.
type Chart struct {
	Background     string   `toml:"background"`
	Palette        []string `toml:"palette"`
	DarkBackground string   `toml:"dark_background"`
	DarkPalette    []string `toml:"dark_palette"`
}

// Contact is whom residents can ask about the action fields, named on each
// field's page: an office for every field, and in Fields the offices of
// single fields, by slug.
//
//	[contact]
//	office = "Integrationsbüro"
//	phone = "+49 8341 437-0"
//	email = "integration@musterstadt.de"
//
//	[contact.fields.fairer-zugang]
//	office = "Sozialamt, Fachstelle Wohnen"
//	phone = "+49 8341 437-460"
type Contact struct {
	Office  string             `toml:"office"`
	Offices map[string]string  `toml:"offices"`
	Phone   string             `toml:"phone"`
	Email   string             `toml:"email"`
	Fields  map[string]*Office `toml:"fields"`
}

// Office is an office to ask: its name, and a phone number, an e-mail
// address or both. Offices names it in further languages, by language, as
// titles does for a menu entry; without one, a page shows Office, marked
// as the default language.
type Office struct {
	Office  string            `toml:"office"`
	Offices map[string]string `toml:"offices"`
	Phone   string            `toml:"phone"`
	Email   string            `toml:"email"`
}

// For returns the office to ask about the field with slug, or nil.
func (c *Contact) For(slug string) *Office {
	if c == nil {
		return nil
	}
	if f := c.Fields[slug]; f != nil {
		return f
	}
	if c.Office == "" {
		return nil
	}
	return &Office{Office: c.Office, Offices: c.Offices, Phone: c.Phone, Email: c.Email}
}

// PhoneURI is the phone number as a tel: link, such as "tel:+4983414370".
func (o *Office) PhoneURI() string {
	var b strings.Builder
	b.WriteString("tel:")
	for _, r := range o.Phone {
		if r == '+' || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var phone = regexp.MustCompile(`^\+?[0-9][0-9 ()/-]*[0-9]$`)

// validateContact checks [contact] and the offices of single fields below
// it. [contact] may name no office when every field has its own.
func (s *Site) validateContact(errs *diag.List) {
	c := s.Contact
	if c == nil {
		return
	}
	top := &Office{Office: c.Office, Offices: c.Offices, Phone: c.Phone, Email: c.Email}
	if top.Office != "" || top.Phone != "" || top.Email != "" || top.Offices != nil {
		s.validateOffice(top, "contact", errs)
	}
	for _, slug := range slices.Sorted(maps.Keys(c.Fields)) {
		s.validateOffice(c.Fields[slug], "contact.fields."+slug, errs)
	}
}

func (s *Site) validateOffice(o *Office, key string, errs *diag.List) {
	d := s.Doc
	if strings.TrimSpace(o.Office) == "" {
		errs.Errorf(d.Pos(key), "[%s] names no office: add office = \"Integrationsbüro\"", key)
	}
	if o.Phone == "" && o.Email == "" {
		errs.Errorf(d.Pos(key), "[%s] gives neither phone nor email: add phone = \"+49 8341 437-0\" or email = \"integration@musterstadt.de\"", key)
	}
	for _, code := range slices.Sorted(maps.Keys(o.Offices)) {
		if !slices.Contains(s.Languages, code) {
			errs.Errorf(d.Pos(key+".offices"), "office name for language %q, which languages does not list", code)
		}
	}
	if o.Phone != "" && !phone.MatchString(o.Phone) {
		errs.Errorf(d.ValuePos(key+".phone"), "phone %q is not a phone number: want digits, spaces and + ( ) / - only, such as \"+49 8341 437-0\"", o.Phone)
	}
	if o.Email != "" && !email.MatchString(o.Email) {
		errs.Errorf(d.ValuePos(key+".email"), "email %q is not an e-mail address: want such as \"integration@musterstadt.de\"", o.Email)
	}
}

// Data describes the open data: its licence and what a data portal needs to
// find and attribute it.
type Data struct {
	Licence         string `toml:"licence"`
	Attribution     string `toml:"attribution"`
	MunicipalityKey string `toml:"municipality_key"`
	Contact         string `toml:"contact"`
	ContributorID   string `toml:"contributor_id"`
}

// Embed lets other websites, such as the town's main website, show the
// embed pages of charts and fields in an iframe.
type Embed struct {
	// Allowed are the origins that may frame the embed pages, such as
	// "https://www.musterstadt.de": the frame-ancestors of their
	// Content-Security-Policy. Validation writes each as browsers do:
	// lower case, with an international domain name in punycode.
	Allowed []string `toml:"allowed"`
}

// Embeds reports whether the site publishes embed pages.
func (s *Site) Embeds() bool { return len(s.Embed.Allowed) > 0 }

// Images bounds the photos a build accepts.
type Images struct {
	MaxSizeMB     int `toml:"max_size_mb"`
	MaxMegapixels int `toml:"max_megapixels"`
}

// Measures steers the pages of the measures.
type Measures struct {
	// StaleMonths is how long an open measure may go without an update
	// before its page says so.
	StaleMonths int `toml:"stale_months"`
}

// ContactURL is Contact as a URL: a mailto: URL for an e-mail address.
func (d Data) ContactURL() string {
	if d.Contact == "" || strings.HasPrefix(d.Contact, "https://") || strings.HasPrefix(d.Contact, "http://") {
		return d.Contact
	}
	return "mailto:" + d.Contact
}

// ParseBaseURL parses the address a site is published at: an absolute
// http(s) URL without query or fragment, which may end in a sub-path.
// name is how the editor wrote it, such as base_url or --base-url.
func ParseBaseURL(name, raw string) (*url.URL, error) {
	if i, r := urlBreaker(raw); i >= 0 {
		return nil, diag.Messagef("%s %q contains %q, which breaks the sitemap and the open data catalogue; remove it, or write it as %s", name, raw, string(r), url.PathEscape(string(r)))
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, diag.Messagef("invalid %s %q, want an absolute http(s) URL such as \"https://example.org/weltoffen/\"", name, raw)
	}
	return u, nil
}

// urlBreaker returns the index in runes of the first character of raw that
// a URL may not hold as it is, such as a space, a quote or "<", and the
// character; -1 when there is none. Letters of other scripts, as in an
// internationalised domain name, are allowed.
func urlBreaker(raw string) (int, rune) {
	i := 0
	for _, r := range raw {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~:/?#[]@!$&()*+,;=%", r) ||
			r >= 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
		if !ok {
			return i, r
		}
		i++
	}
	return -1, 0
}

// OverrideBaseURL publishes the site at raw instead of its base_url, as
// `build --base-url` does for a preview.
func (s *Site) OverrideBaseURL(raw string) error {
	u, err := ParseBaseURL("--base-url", raw)
	if err != nil {
		return err
	}
	if !strings.HasSuffix(u.Path, "/") {
		// GitLab's CI_PAGES_URL has no trailing slash.
		u.Path += "/"
	}
	s.BaseURL = u.String()
	s.setBase(u)
	return nil
}

func (s *Site) setBase(u *url.URL) {
	s.Base = u
	s.BasePath = strings.TrimSuffix(u.Path, "/") + "/"
}

// loadZone loads the time zone name; "Local" and names that are file
// paths are refused, so that a build never depends on the machine.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || strings.HasPrefix(name, "/") || strings.Contains(name, "..") {
		return nil, errors.New("no zone")
	}
	return time.LoadLocation(name)
}

// MinGraphicContrast is the WCAG 2.1 (1.4.11) minimum for graphical objects.
const MinGraphicContrast = 3.0

// PeekLanguage returns the default language that site.toml in fsys names,
// "de" when it names none, and "" when it cannot be read. It checks
// nothing: it tells the commands in which language to speak to editors
// before the site is loaded, or when it cannot be.
func PeekLanguage(fsys fs.FS) string {
	src, err := fs.ReadFile(fsys, File)
	if err != nil {
		return ""
	}
	var peek struct {
		Language string `toml:"language"`
	}
	if _, err := toml.Decode(string(src), &peek); err != nil {
		return ""
	}
	return cmp.Or(peek.Language, "de")
}

// Load reads and validates site.toml from fsys.
func Load(fsys fs.FS) (*Site, diag.List) {
	var errs diag.List
	src, err := sourcefile.Read(fsys, File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			errs.Errorf(diag.Pos{Path: File}, "missing site configuration: create %s with at least title, base_url and [footer]", File)
		} else {
			errs.Errorf(diag.Pos{Path: File}, "%s", diag.ReadError(err))
		}
		return nil, errs
	}
	s := &Site{Language: "de", Chart: Chart{Background: "#ffffff", DarkBackground: "#121417"}, Data: Data{Licence: licence.Default}, Images: Images{MaxSizeMB: 25, MaxMegapixels: 50}, Measures: Measures{StaleMonths: 6}, TimeZone: DefaultTimeZone}
	doc, derrs := tomldoc.Decode(File, src, 0, s)
	errs.Add(derrs)
	s.Doc = doc
	if derrs.HasErrors() {
		return s, errs
	}
	s.validate(&errs)
	errs.Placeholders(File, src, 0)
	return s, errs
}

func (s *Site) validate(errs *diag.List) {
	d := s.Doc
	if strings.TrimSpace(s.Title) == "" {
		errs.Errorf(d.Pos("title"), "missing title: add title = \"Name der Website\"")
	}
	if _, err := language.Parse(s.Language); err != nil || s.Language == "" {
		errs.Errorf(d.ValuePos("language"), "language %q is not a language tag (BCP 47), want such as \"de\", \"en\" or \"tr\"", s.Language)
	}
	seen := map[string]bool{s.Language: true}
	for i, code := range s.Languages {
		key := fmt.Sprintf("languages[%d]", i)
		if _, err := language.Parse(code); err != nil || code == "" {
			errs.Errorf(d.ValuePos(key), "language %q is not a language tag (BCP 47), want such as \"en\", \"tr\" or \"ar\"", code)
			continue
		}
		if seen[code] {
			errs.Errorf(d.ValuePos(key), "language %q is listed twice (the default language is %q)", code, s.Language)
		}
		seen[code] = true
	}
	switch u, err := ParseBaseURL("base_url", s.BaseURL); {
	case s.BaseURL == "":
		errs.Errorf(d.Pos("base_url"), "missing base_url: add base_url = \"https://example.org/\"")
	case err != nil:
		pos := d.ValuePos("base_url")
		if i, _ := urlBreaker(s.BaseURL); i >= 0 && pos.Col > 0 {
			pos.Col += 1 + i // after the opening quote
		}
		errs.Errorf(pos, "%v", err)
	default:
		s.setBase(u)
	}
	for i, m := range s.Menu {
		p := fmt.Sprintf("menu[%d]", i)
		if m.Title == "" {
			errs.Errorf(d.Pos(p), "menu entry has no title")
		}
		if !strings.HasPrefix(m.URL, "/") {
			errs.Errorf(d.ValuePos(p+".url"), "menu url %q must start with \"/\"", m.URL)
		}
		for code := range m.Titles {
			if !seen[code] {
				errs.Errorf(d.Pos(p+".titles"), "menu title for language %q, which languages does not list", code)
			}
		}
	}
	for _, code := range slices.Sorted(maps.Keys(s.Translations)) {
		if !seen[code] || code == s.Language {
			errs.Errorf(d.Pos("translations."+code), "[translations.%s] names a language that languages does not list: add %q to languages", code, code)
		}
	}
	if s.EasyLanguage != "" && !strings.HasPrefix(s.EasyLanguage, "/") {
		errs.Errorf(d.ValuePos("easy_language"), "easy_language %q must be a site path such as \"/leichte-sprache/\"", s.EasyLanguage)
	}
	if s.SignLanguage != "" && !strings.HasPrefix(s.SignLanguage, "/") {
		errs.Errorf(d.ValuePos("sign_language"), "sign_language %q must be a site path such as \"/gebaerdensprache/\"", s.SignLanguage)
	}
	for key, v := range map[string]string{"imprint": s.Footer.Imprint, "privacy": s.Footer.Privacy, "accessibility": s.Footer.Accessibility} {
		if !strings.HasPrefix(v, "/") {
			errs.Errorf(d.Pos("footer"), "footer.%s must be a site path such as \"/impressum/\": every page has to link to it", key)
		}
	}
	s.validateData(errs)
	s.validateContact(errs)
	if loc, err := loadZone(s.TimeZone); err != nil {
		errs.Errorf(d.ValuePos("time_zone"), "unknown time zone %q, want a name of the IANA time zone database such as \"Europe/Berlin\" or \"Europe/Vienna\"", s.TimeZone)
		s.Location, _ = loadZone(DefaultTimeZone)
	} else {
		s.Location = loc
	}
	s.validateEmbed(errs)
	if s.Images.MaxSizeMB < 1 || s.Images.MaxSizeMB > 500 {
		errs.Errorf(d.ValuePos("images.max_size_mb"), "images.max_size_mb must be between 1 and 500, not %d", s.Images.MaxSizeMB)
	}
	if s.Measures.StaleMonths < 1 || s.Measures.StaleMonths > 120 {
		errs.Errorf(d.ValuePos("measures.stale_months"), "measures.stale_months must be between 1 and 120, not %d", s.Measures.StaleMonths)
	}
	if s.Images.MaxMegapixels < 1 || s.Images.MaxMegapixels > 200 {
		errs.Errorf(d.ValuePos("images.max_megapixels"), "images.max_megapixels must be between 1 and 200, not %d", s.Images.MaxMegapixels)
	}
	checkPalette(d, errs, "chart.background", s.Chart.Background, "chart.palette", s.Chart.Palette)
	if len(s.Chart.DarkPalette) == 0 {
		// Without a dark palette of its own, the light one is lightened
		// until every colour stands out from the dark background.
		if dbg, err := color.Parse(s.Chart.DarkBackground); err == nil {
			for _, c := range s.Chart.Palette {
				if fg, err := color.Parse(c); err == nil {
					s.Chart.DarkPalette = append(s.Chart.DarkPalette, color.Lighten(fg, dbg, MinGraphicContrast+0.5).Hex())
				}
			}
		}
	}
	checkPalette(d, errs, "chart.dark_background", s.Chart.DarkBackground, "chart.dark_palette", s.Chart.DarkPalette)
}

// checkPalette requires every colour of a palette to stand out from its
// background by the WCAG contrast for graphical objects.
func checkPalette(d *tomldoc.Doc, errs *diag.List, bgKey, background, key string, palette []string) {
	bg, err := color.Parse(background)
	if err != nil {
		errs.Errorf(d.ValuePos(bgKey), "%s: %v", bgKey, err)
		return
	}
	if len(palette) < 2 {
		errs.Errorf(d.Pos("chart"), "%s needs at least 2 colours, one per compared round", key)
	}
	for i, c := range palette {
		p := fmt.Sprintf("%s[%d]", key, i)
		fg, err := color.Parse(c)
		if err != nil {
			errs.Errorf(d.ValuePos(p), "%s: %v", key, err)
			continue
		}
		if r := color.Contrast(fg, bg); r < MinGraphicContrast {
			errs.Errorf(d.ValuePos(p), "colour %q has contrast %.2f:1 against %s %q, want at least %.0f:1", c, r, bgKey, background, MinGraphicContrast)
		}
	}
}

var (
	municipalityKey = regexp.MustCompile(`^(0[1-9]|1[0-6])[0-9]{6}$`)
	contributorID   = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)
	email           = regexp.MustCompile(`^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$`)
)

func (s *Site) validateData(errs *diag.List) {
	d, data := s.Doc, &s.Data
	l := licence.Lookup(data.Licence)
	if l == nil {
		errs.Errorf(d.ValuePos("data.licence"), "unknown licence %q, want an identifier of the DCAT-AP.de licence vocabulary: %s", data.Licence, strings.Join(licence.IDs(), ", "))
	}
	if data.Attribution == "" {
		data.Attribution = s.Municipality
	}
	if k := data.MunicipalityKey; k != "" && !municipalityKey.MatchString(k) {
		errs.Errorf(d.ValuePos("data.municipality_key"), "municipality_key %q is not an Amtlicher Gemeindeschlüssel: want 8 digits starting with the Land's number 01 to 16, such as \"09762000\"", k)
	}
	if c := data.Contact; c != "" && !email.MatchString(c) {
		if u, err := url.Parse(c); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			errs.Errorf(d.ValuePos("data.contact"), "contact %q is neither an e-mail address nor an http(s) URL, want such as \"opendata@musterstadt.de\"", c)
		}
	}
	if id := data.ContributorID; id != "" && !contributorID.MatchString(id) {
		errs.Errorf(d.ValuePos("data.contributor_id"), "contributor_id %q must be GovData's identifier of the town, letters, digits, - and _ only, such as \"stadtMusterstadt\"", id)
	}
}

func (s *Site) validateEmbed(errs *diag.List) {
	d := s.Doc
	if _, ok := d.Index.Key("embed"); ok && len(s.Embed.Allowed) == 0 {
		errs.Errorf(d.Pos("embed"), "[embed] lists no allowed origin: add allowed = [\"https://www.musterstadt.de\"] with the address of the website that shows the embeds, or remove [embed]")
	}
	seen := map[string]bool{}
	var origins []string
	for i, raw := range s.Embed.Allowed {
		pos := d.ValuePos(fmt.Sprintf("embed.allowed[%d]", i))
		o, ok := Origin(raw)
		if !ok {
			errs.Errorf(pos, "embed.allowed %q is not an origin: want the scheme and host of a website without a path, such as \"https://www.musterstadt.de\"", raw)
			continue
		}
		if seen[o] {
			errs.Errorf(pos, "embed.allowed lists %q twice", raw)
			continue
		}
		seen[o] = true
		origins = append(origins, o)
	}
	if len(origins) < len(s.Embed.Allowed) {
		// Nothing is framed until every origin is right.
		origins = nil
	}
	s.Embed.Allowed = origins
}

// Origin returns raw as the origin a browser names in a
// Content-Security-Policy and in a message event: "https://" or "http://",
// the host in lower case and punycode, and a port other than the scheme's
// own; ok is false when raw is no such origin, such as one with a path, a
// query, a user name or a wildcard. A single "/" at the end is allowed.
func Origin(raw string) (origin string, ok bool) {
	u, err := url.Parse(strings.TrimSuffix(raw, "/"))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.Opaque != "" || u.User != nil ||
		u.Path != "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.HasSuffix(raw, "//") {
		return "", false
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); ip == nil {
		// An empty label, as in "www..musterstadt.de" or a final dot, is a
		// typo that no browser names as the origin of the town's site.
		if host, err = idna.Lookup.ToASCII(host); err != nil || host == "" || strings.ContainsAny(host, "*%") ||
			strings.Contains(host, "..") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".") {
			return "", false
		}
	}
	port := u.Port()
	if port == "" && strings.HasSuffix(u.Host, ":") {
		return "", false
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return "", false
		}
		if (u.Scheme == "https" && n == 443) || (u.Scheme == "http" && n == 80) {
			port = ""
		}
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6
	}
	if port != "" {
		host += ":" + port
	}
	return u.Scheme + "://" + strings.ToLower(host), true
}

// CheckAttribution reports a licence that requires naming the source when
// no source is named. Only a site that publishes data needs one, so the
// site calls it when it has rounds.
func (s *Site) CheckAttribution(errs *diag.List) {
	d, data := s.Doc, s.Data
	l := licence.Lookup(data.Licence)
	if l == nil || !l.BY || strings.TrimSpace(data.Attribution) != "" {
		return
	}
	pos := d.ValuePos("data.licence")
	if _, ok := d.Index.Key("data.licence"); !ok {
		pos = d.Pos("data")
	}
	errs.Errorf(pos, "licence %q requires naming the source of the data: add attribution = \"Stadt Musterstadt\" under [data], or municipality at the top", data.Licence)
}

// Publisher names who publishes the site and its data: the municipality,
// else the attribution of the data, else the site's title.
func (s *Site) Publisher() string {
	return cmp.Or(s.Municipality, s.Data.Attribution, s.Title)
}

// URL returns the site-relative path p ("/artikel/") below the base path.
func (s *Site) URL(p string) string {
	return s.BasePath + strings.TrimPrefix(p, "/")
}

// AbsURL returns p as an absolute URL.
func (s *Site) AbsURL(p string) string {
	return s.Base.Scheme + "://" + s.Base.Host + s.URL(p)
}
