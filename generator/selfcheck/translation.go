package selfcheck

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"offenbar/generator/diag"
	"offenbar/generator/sourcefile"
	"offenbar/generator/tomldoc"
)

// TranslationsDir holds the translations of the instrument and the rounds,
// one file per language: content/selfcheck/i18n/tr.toml.
const TranslationsDir = "i18n"

// Translation holds the texts of the instrument and the rounds in one
// further language, keyed by IDs and slugs. Points, IDs and dates are never
// translated, so a translation cannot change a result. Every text may be
// left out; the page then shows the German one.
type Translation struct {
	Lang string `toml:"-"`
	// Kind is "human" (the default) or "machine"; Source the hash of the
	// German texts it translates (see SourceHash).
	Kind         string                `toml:"translation"`
	Source       string                `toml:"source"`
	Title        string                `toml:"title"`
	Description  string                `toml:"description"`
	SkippedLabel string                `toml:"skipped_label"`
	Scale        map[string]string     `toml:"scale"` // by points
	Fields       map[string]*FieldText `toml:"fields"`
	Questions    map[string]string     `toml:"questions"`
	Rounds       map[string]*RoundText `toml:"rounds"`
	Doc          *tomldoc.Doc          `toml:"-"`
}

// FieldText is a field's texts in a translation.
type FieldText struct {
	Title       string            `toml:"title"`
	Short       string            `toml:"short"`
	Description string            `toml:"description"`
	Topics      map[string]string `toml:"topics"` // by topic slug
}

// RoundText is a round's texts in a translation.
type RoundText struct {
	Title    string                 `toml:"title"`
	Summary  string                 `toml:"summary"`
	Fields   map[string]*ResultText `toml:"fields"`
	Comments map[string]string      `toml:"comments"` // by question ID
}

// ResultText is a round's assessment of one field in a translation; the
// recommendations and their notes are given in the order of the original.
type ResultText struct {
	Assessment      string   `toml:"assessment"`
	Recommendations []string `toml:"recommendations"`
	Notes           []string `toml:"notes"`
}

// LoadTranslation reads the translation of m into lang, or returns nil when
// there is none. A key that names no field, topic, question, round or
// recommendation of m is an error at its line.
func LoadTranslation(fsys fs.FS, m *Model, lang string) (*Translation, diag.List) {
	var errs diag.List
	p := path.Join(Dir, TranslationsDir, lang+".toml")
	src, err := sourcefile.Read(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errs
	}
	if err != nil {
		errs.Errorf(diag.Pos{Path: p}, "%s", diag.ReadError(err))
		return nil, errs
	}
	t := &Translation{Lang: lang}
	doc, derrs := tomldoc.Decode(p, src, 0, t)
	errs.Add(derrs)
	errs.Placeholders(p, src, 0)
	if derrs.HasErrors() {
		return nil, errs
	}
	t.Doc = doc
	in := m.Instrument
	unknown := func(key string, what *diag.Message, want string) {
		errs.Errorf(doc.Pos(key), "%s, want one of: %s", what, want)
	}
	if k := t.Kind; k != "" && k != "human" && k != "machine" {
		errs.Errorf(doc.ValuePos("translation"), "translation %q must be \"human\" or \"machine\"", k)
	}
	var points []string
	for _, o := range in.Scale {
		points = append(points, strconv.Itoa(o.Points))
	}
	for _, k := range sortedKeys(t.Scale) {
		if !slices.Contains(points, k) {
			unknown("scale."+k, diag.Messagef("the scale has no option with %s points", k), strings.Join(points, ", "))
		}
	}
	var slugs []string
	for _, f := range in.Fields {
		slugs = append(slugs, f.Slug)
	}
	for _, slug := range sortedKeys(t.Fields) {
		f := in.Field(slug)
		if f == nil {
			unknown("fields."+slug, diag.Messagef("unknown field %q", slug), strings.Join(slugs, ", "))
			continue
		}
		var topics []string
		for _, tp := range f.Topics {
			topics = append(topics, tp.Slug)
		}
		for _, tp := range sortedKeys(t.Fields[slug].Topics) {
			if !slices.Contains(topics, tp) {
				unknown("fields."+slug+".topics."+tp, diag.Messagef("field %q has no topic %q", slug, tp), strings.Join(topics, ", "))
			}
		}
	}
	for _, id := range sortedKeys(t.Questions) {
		if in.Question(id) == nil {
			errs.Errorf(doc.Pos("questions."+id), "unknown question ID %q: the questionnaire has no such question", id)
		}
	}
	for _, id := range sortedKeys(t.Rounds) {
		r := m.Round(id)
		if r == nil {
			var ids []string
			for _, r := range m.Rounds {
				ids = append(ids, r.ID)
			}
			unknown("rounds."+id, diag.Messagef("unknown round %q", id), strings.Join(ids, ", "))
			continue
		}
		rt := t.Rounds[id]
		for _, slug := range sortedKeys(rt.Fields) {
			res := r.Fields[slug]
			if res == nil {
				errs.Errorf(doc.Pos("rounds."+id+".fields."+slug), "round %q has no assessment of field %q to translate", id, slug)
				continue
			}
			if n, have := len(rt.Fields[slug].Recommendations), len(res.Recommendations); n > have {
				errs.Errorf(doc.Pos("rounds."+id+".fields."+slug+".recommendations"), "%v", diag.Countf(n, "%d recommendation, but round %q has %d for field %q; translate them in their order", "%d recommendations, but round %q has %d for field %q; translate them in their order", n, id, have, slug))
			}
		}
		for _, q := range sortedKeys(rt.Comments) {
			if a := r.Answers[q]; a == nil || a.Comment == "" {
				errs.Errorf(doc.Pos("rounds."+id+".comments."+q), "round %q has no comment on question %q to translate", id, q)
			}
		}
	}
	return t, errs
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// SourceHash identifies the German texts of m that a translation translates,
// so that a change to them marks the translation as possibly outdated.
func SourceHash(m *Model) string {
	h := sha256.New()
	in := m.Instrument
	fmt.Fprintf(h, "%q %q %q\n", in.Title, in.Description, in.SkippedLabel)
	for _, o := range in.Scale {
		fmt.Fprintf(h, "%d %q\n", o.Points, o.Label)
	}
	for _, f := range in.Fields {
		fmt.Fprintf(h, "%s %q %q %q\n", f.Slug, f.Title, f.Short, f.Description)
		for _, t := range f.Topics {
			fmt.Fprintf(h, "%s %q\n", t.Slug, t.Title)
		}
	}
	for _, q := range in.Questions {
		fmt.Fprintf(h, "%s %q\n", q.ID, q.Text)
	}
	for _, r := range m.Rounds {
		fmt.Fprintf(h, "%s %q %q\n", r.ID, r.Title, r.Summary)
		for _, slug := range sortedKeys(r.Fields) {
			res := r.Fields[slug]
			fmt.Fprintf(h, "%s %q\n", slug, res.Assessment)
			for _, rec := range res.Recommendations {
				fmt.Fprintf(h, "%q %q\n", rec.Text, rec.Note)
			}
		}
		for _, q := range in.Questions {
			if a := r.Answers[q.ID]; a != nil && a.Comment != "" {
				fmt.Fprintf(h, "%s %q\n", q.ID, a.Comment)
			}
		}
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// Apply returns a copy of m with the translated texts, and the set of texts
// that stayed German because they have no translation.
func (t *Translation) Apply(m *Model) (*Model, map[string]bool) {
	german := map[string]bool{}
	pick := func(tr, de string) string {
		if strings.TrimSpace(tr) != "" {
			return tr
		}
		if de != "" {
			german[de] = true
		}
		return de
	}
	src := m.Instrument
	in := *src
	in.Title = pick(t.Title, src.Title)
	in.Description = pick(t.Description, src.Description)
	in.SkippedLabel = pick(t.SkippedLabel, src.SkippedLabel)
	in.Scale = nil
	for _, o := range src.Scale {
		in.Scale = append(in.Scale, ScaleOption{Points: o.Points, Label: pick(t.Scale[strconv.Itoa(o.Points)], o.Label)})
	}
	in.Fields, in.Questions = nil, nil
	in.byID, in.bySlug = map[string]*Question{}, map[string]*Field{}
	for _, f := range src.Fields {
		ft := t.Fields[f.Slug]
		if ft == nil {
			ft = &FieldText{}
		}
		nf := *f
		nf.Title, nf.Short, nf.Description = pick(ft.Title, f.Title), pick(ft.Short, f.Short), pick(ft.Description, f.Description)
		nf.Topics, nf.Questions = nil, nil
		topics := map[*Topic]*Topic{}
		for _, tp := range f.Topics {
			nt := &Topic{Slug: tp.Slug, Title: pick(ft.Topics[tp.Slug], tp.Title)}
			topics[tp] = nt
			nf.Topics = append(nf.Topics, nt)
		}
		for _, q := range f.Questions {
			nq := *q
			nq.Text = pick(t.Questions[q.ID], q.Text)
			nq.Field = &nf
			if q.TopicRef != nil {
				nq.TopicRef = topics[q.TopicRef]
				nq.TopicRef.Questions = append(nq.TopicRef.Questions, &nq)
			}
			nf.Questions = append(nf.Questions, &nq)
			in.Questions = append(in.Questions, &nq)
			in.byID[nq.ID] = &nq
		}
		in.Fields = append(in.Fields, &nf)
		in.bySlug[nf.Slug] = &nf
	}
	out := &Model{Instrument: &in}
	for _, r := range m.Rounds {
		rt := t.Rounds[r.ID]
		if rt == nil {
			rt = &RoundText{}
		}
		nr := *r
		nr.Title, nr.Summary = pick(rt.Title, r.Title), pick(rt.Summary, r.Summary)
		nr.Answers = map[string]*Answer{}
		for id, a := range r.Answers {
			na := *a
			na.Question = in.byID[id]
			na.Comment = pick(rt.Comments[id], a.Comment)
			nr.Answers[id] = &na
		}
		nr.Fields = map[string]*FieldResult{}
		for slug, res := range r.Fields {
			txt := rt.Fields[slug]
			if txt == nil {
				txt = &ResultText{}
			}
			nres := &FieldResult{Assessment: pick(txt.Assessment, res.Assessment)}
			for i, rec := range res.Recommendations {
				nrec := *rec
				if i < len(txt.Recommendations) {
					nrec.Text = pick(txt.Recommendations[i], rec.Text)
				} else {
					nrec.Text = pick("", rec.Text)
				}
				if i < len(txt.Notes) {
					nrec.Note = pick(txt.Notes[i], rec.Note)
				} else {
					nrec.Note = pick("", rec.Note)
				}
				nres.Recommendations = append(nres.Recommendations, &nrec)
			}
			nr.Fields[slug] = nres
		}
		out.Rounds = append(out.Rounds, &nr)
	}
	out.link()
	return out, german
}
