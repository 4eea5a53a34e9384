package site

import (
	"cmp"
	"strings"

	"offenbar/generator/card"
	"offenbar/generator/diag"
	"offenbar/generator/workers"
)

// OGImage is the image that social media and messengers show beside a link
// to a page (Open Graph): a card drawn by package card, or an article's
// photo.
type OGImage struct {
	URL           string // absolute
	Width, Height int
	Alt           string // what the image says, in the page's language
}

// OGPhotoWidth is the width of the copy of an article's photo that is its
// preview image.
const OGPhotoWidth = 1200

// OGDir is the folder of the drawn preview images, one subfolder per
// language.
const OGDir = "og"

// Previews reports whether pages get preview images: the fonts to draw
// them with were found.
func (s *Site) Previews() bool { return s.opts.Cards != nil }

// pendingCard is a card still to be drawn, and the file it goes to.
type pendingCard struct {
	name string
	card card.Card
}

// previews gives the home page, every field, every round and every
// article its preview image: an article's own photo, or a card. It
// returns the cards to draw.
func (s *Site) previews(pages []*Page, v *views) []pendingCard {
	if !s.Previews() {
		return nil
	}
	var out []pendingCard
	for _, p := range pages {
		if p.Kind == "article" && p.Doc != nil {
			if ph := s.ogPhotos[p.Doc.Path]; ph != nil {
				img := *ph
				img.URL = s.Config.AbsURL(ph.URL)
				p.Image = &img
				continue
			}
		}
		c, alt, ok := s.card(p, v)
		if !ok {
			continue
		}
		name := OGDir + "/" + s.Lang.Code + "/" + strings.ReplaceAll(p.Key, "/", "-") + ".png"
		p.Image = &OGImage{URL: s.Config.AbsURL("/" + name), Width: card.Width, Height: card.Height, Alt: alt}
		out = append(out, pendingCard{name: name, card: c})
	}
	return out
}

// card is the card of page p and its sentence; false for a page without
// one.
func (s *Site) card(p *Page, v *views) (card.Card, string, bool) {
	l := s.Lang
	c := card.Card{Site: s.Config.Title, Title: p.Title, RTL: l.RTL(), Lang: l.Code, Stress: -1}
	if pal := s.Config.Chart.Palette; len(pal) > 1 {
		c.Muted, c.Accent = pal[0], pal[1]
	}
	var latest *RoundView
	if len(v.rounds) > 0 {
		latest = v.rounds[len(v.rounds)-1]
	}
	pct := func(n int) string { t, _ := l.Tf("percent", n); return t }
	change := func(delta int, prev *RoundView) string {
		t, _ := l.Tf("change_since", signed(l, delta), prev.Title)
		return t
	}
	// The fields' scores in round r.
	fieldBars := func(r *RoundView) []float64 {
		var bars []float64
		for _, rf := range r.Fields {
			bars = append(bars, float64(rf.Now)/100)
		}
		return bars
	}
	// The whole site in the latest round, as the home page shows it.
	overall := func() {
		if latest == nil {
			return
		}
		if n := percent(latest.Total); n >= 0 {
			c.Score, c.Round = pct(n), latest.Title
			if latest.Prev != nil {
				if before := percent(latest.Prev.Total); before >= 0 {
					c.Change = change(n-before, latest.Prev)
				}
			}
		}
		c.Bars = fieldBars(latest)
	}
	// One field in the latest round, among the others.
	field := func(fv *FieldView) {
		if latest == nil {
			return
		}
		if fv.Now >= 0 {
			c.Score, c.Round = pct(fv.Now), latest.Title
			if fv.HasPrev {
				c.Change = change(fv.Delta, latest.Prev)
			}
		}
		c.Bars = fieldBars(latest)
		for i, f := range v.fields {
			if f == fv {
				c.Stress = i
			}
		}
	}
	switch p.Kind {
	case "home":
		c.Site = cmp.Or(s.Config.Municipality, s.Config.Title)
		overall()
	case "field":
		field(p.Field)
	case "round":
		rv := p.Round
		if n := percent(rv.Total); n >= 0 {
			c.Score = pct(n)
			if rv.Prev != nil {
				if before := percent(rv.Prev.Total); before >= 0 {
					c.Change = change(n-before, rv.Prev)
				}
			}
		}
		c.Bars = fieldBars(rv)
	case "article":
		if p.Doc != nil && len(p.Doc.Fields) == 1 && p.Doc.Fields[0] != nil {
			field(p.Doc.Fields[0])
		} else {
			overall()
		}
	default:
		return card.Card{}, "", false
	}
	var alt string
	switch {
	case c.Score == "":
		alt, _ = l.Tf("og_image_alt", c.Title, c.Site)
	case c.Change == "":
		alt, _ = l.Tf("og_image_alt_score", c.Title, c.Site, c.Score, cmp.Or(c.Round, p.Title))
	default:
		alt, _ = l.Tf("og_image_alt_change", c.Title, c.Site, c.Score, cmp.Or(c.Round, p.Title), c.Change)
	}
	return c, alt, true
}

// signed writes a change with its sign, as the pages do: "+4", "−3", "±0".
func signed(l *Lang, v int) string {
	switch {
	case v > 0:
		return "+" + l.Number(v)
	case v < 0:
		return "−" + l.Number(-v)
	}
	return "±" + l.Number(0)
}

// drawCards draws the cards of every language, each through the image
// cache, so that an unchanged site draws none again, and hands each to
// emit.
func (s *Site) drawCards(cards []pendingCard, emit func(string, []byte), errs *diag.List) {
	d := s.opts.Cards
	if d == nil || len(cards) == 0 {
		return
	}
	data := make([][]byte, len(cards))
	failed := make([]error, len(cards))
	workers.ForEach(len(cards), func(i int) {
		data[i], failed[i] = s.opts.Images.Bytes(card.Settings+" "+d.Version(), cards[i].card.Key(), func([]byte) ([]byte, error) {
			return d.Draw(cards[i].card)
		})
	})
	for i, c := range cards {
		if failed[i] != nil {
			errs.Errorf(diag.Pos{Path: "public"}, "cannot draw the preview image %s: %v", c.name, failed[i])
			continue
		}
		emit(c.name, data[i])
	}
}
