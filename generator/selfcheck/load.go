package selfcheck

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"offenbar/generator/diag"
	"offenbar/generator/sourcefile"
	"offenbar/generator/tomldoc"
)

// Dir is where the self-check lives below the site directory.
const Dir = "content/selfcheck"

// InstrumentFile and RoundsDir are the names inside Dir.
const (
	InstrumentFile = "instrument.toml"
	RoundsDir      = "rounds"
)

// MaxQuestions bounds the size of an instrument; the largest known
// self-checks have a few hundred questions.
const MaxQuestions = 10000

// Count is the number of questions in all fields.
func (in *Instrument) Count() int { return in.count() }

func (in *Instrument) count() int {
	n := 0
	for _, f := range in.Fields {
		n += len(f.Questions)
	}
	return n
}

// Skipped is the answer value for a skipped question.
const Skipped = "skipped"

var (
	slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	idRE   = regexp.MustCompile(`^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$`)
)

func anchor(id string) string { return strings.ToLower(strings.ReplaceAll(id, ".", "-")) }

// Unfinished reads the instrument as far as it is written, for a workbook
// that continues it, such as the one just after init, whose fields have no
// questions yet: it is nil only when the file is missing or is no valid
// TOML of the instrument. Load tells what it still lacks.
func Unfinished(fsys fs.FS) *Instrument {
	ipath := path.Join(Dir, InstrumentFile)
	src, err := sourcefile.Read(fsys, ipath)
	if err != nil {
		return nil
	}
	in := &Instrument{}
	doc, derrs := tomldoc.Decode(ipath, src, 0, in)
	if derrs.HasErrors() || in.count() > MaxQuestions {
		return nil
	}
	in.Doc = doc
	var ignored diag.List
	in.validate(&ignored)
	return in
}

// Load reads the instrument and all rounds below Dir in fsys. A site without
// a self-check directory has no model and no error.
func Load(fsys fs.FS) (_ *Model, errs diag.List) {
	// A placeholder left never makes the self-check unusable: it is
	// reported with the rest, but the model is built as if it were text,
	// so that new round, the workbooks and serve work before the town has
	// written every sentence, and build refuses it all the same.
	var placeholders diag.List
	defer func() { errs.Add(placeholders) }()
	ipath := path.Join(Dir, InstrumentFile)
	src, err := sourcefile.Read(fsys, ipath)
	if errors.Is(err, fs.ErrNotExist) {
		if _, derr := fs.Stat(fsys, Dir); derr == nil {
			errs.Errorf(diag.Pos{Path: ipath}, "missing instrument: every self-check needs %s with the scale, fields and questions", ipath)
		}
		return nil, errs
	}
	if err != nil {
		errs.Errorf(diag.Pos{Path: ipath}, "%s", diag.ReadError(err))
		return nil, errs
	}
	in := &Instrument{}
	doc, derrs := tomldoc.Decode(ipath, src, 0, in)
	errs.Add(derrs)
	placeholders.Placeholders(ipath, src, 0)
	if derrs.HasErrors() {
		return nil, errs
	}
	if n := in.count(); n > MaxQuestions {
		errs.Errorf(diag.Pos{Path: ipath, Line: 1, Col: 1}, "the instrument has %d questions; the limit is %d", n, MaxQuestions)
		return nil, errs
	}
	in.Doc = doc
	in.validate(&errs)
	if errs.HasErrors() {
		return nil, errs
	}
	m := &Model{Instrument: in}

	rdir := path.Join(Dir, RoundsDir)
	entries, err := fs.ReadDir(fsys, rdir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.Errorf(diag.Pos{Path: rdir}, "%s", diag.ReadError(err))
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".toml") {
			continue
		}
		rpath := path.Join(rdir, name)
		id := strings.TrimSuffix(name, ".toml")
		if !slugRE.MatchString(id) {
			errs.Errorf(diag.Pos{Path: rpath}, "invalid round file name %q: use lower-case letters, digits and \"-\", such as 2024.toml", name)
			continue
		}
		src, err := sourcefile.Read(fsys, rpath)
		if err != nil {
			errs.Errorf(diag.Pos{Path: rpath}, "%s", diag.ReadError(err))
			continue
		}
		r := &Round{ID: id}
		doc, derrs := tomldoc.Decode(rpath, src, 0, r)
		errs.Add(derrs)
		placeholders.Placeholders(rpath, src, 0)
		if !doc.Parsed() {
			continue
		}
		r.Doc = doc
		r.validate(in, &errs)
		m.Rounds = append(m.Rounds, r)
	}
	slices.SortStableFunc(m.Rounds, func(a, b *Round) int {
		if c := a.Date.Compare(b.Date.Time); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	m.link()
	return m, errs
}

func (in *Instrument) validate(errs *diag.List) {
	d := in.Doc
	if strings.TrimSpace(in.Title) == "" {
		errs.Errorf(d.Pos("title"), "missing title: add title = \"Name des Selbstchecks\"")
	}
	if len(in.Scale) < 2 {
		errs.Errorf(d.Pos("scale"), "the scale needs at least 2 options, each with points and label")
	}
	for i, o := range in.Scale {
		p := fmt.Sprintf("scale[%d]", i)
		if strings.TrimSpace(o.Label) == "" {
			errs.Errorf(d.Pos(p), "scale option has no label")
		}
		if i > 0 && o.Points <= in.Scale[i-1].Points {
			errs.Errorf(d.ValuePos(p+".points"), "scale points must rise from option to option: %d follows %d", o.Points, in.Scale[i-1].Points)
		}
	}
	if len(in.Fields) == 0 {
		errs.Errorf(d.Pos("fields"), "the instrument has no fields: add at least one [[fields]] with slug, title and questions")
	}
	in.byID = map[string]*Question{}
	in.bySlug = map[string]*Field{}
	for i, f := range in.Fields {
		fp := fmt.Sprintf("fields[%d]", i)
		f.Index = i
		switch {
		case !slugRE.MatchString(f.Slug):
			errs.Errorf(d.ValuePos(fp+".slug"), "invalid field slug %q: use lower-case letters, digits and \"-\"", f.Slug)
		case in.bySlug[f.Slug] != nil:
			errs.Errorf(d.ValuePos(fp+".slug"), "duplicate field slug %q", f.Slug)
		default:
			in.bySlug[f.Slug] = f
		}
		if strings.TrimSpace(f.Title) == "" {
			errs.Errorf(d.Pos(fp), "field %q has no title", f.Slug)
		}
		topics := map[string]*Topic{}
		var topicSlugs []string
		for j, t := range f.Topics {
			tp := fmt.Sprintf("%s.topics[%d]", fp, j)
			if !slugRE.MatchString(t.Slug) {
				errs.Errorf(d.ValuePos(tp+".slug"), "invalid topic slug %q: use lower-case letters, digits and \"-\"", t.Slug)
			} else if topics[t.Slug] != nil {
				errs.Errorf(d.ValuePos(tp+".slug"), "duplicate topic slug %q in field %q", t.Slug, f.Slug)
			}
			if strings.TrimSpace(t.Title) == "" {
				errs.Errorf(d.Pos(tp), "topic %q has no title", t.Slug)
			}
			topics[t.Slug] = t
			topicSlugs = append(topicSlugs, t.Slug)
		}
		if len(f.Questions) == 0 {
			errs.Errorf(d.Pos(fp), "field %q has no questions: add [[fields.questions]] with id and text", f.Slug)
		}
		for j, q := range f.Questions {
			qp := fmt.Sprintf("%s.questions[%d]", fp, j)
			q.Field = f
			q.Pos = d.Pos(qp)
			switch {
			case !idRE.MatchString(q.ID):
				errs.Errorf(d.ValuePos(qp+".id"), "invalid question id %q: use letters, digits and \"-\", such as \"MS-01\"", q.ID)
			case in.byID[q.ID] != nil:
				prev := in.byID[q.ID].Pos
				errs.Errorf(d.ValuePos(qp+".id"), "duplicate question id %q, first used at line %d", q.ID, prev.Line)
			default:
				in.byID[q.ID] = q
				// Lower-casing must not make two IDs share an anchor.
				in.Questions = append(in.Questions, q)
			}
			if strings.TrimSpace(q.Text) == "" {
				errs.Errorf(d.Pos(qp), "question %q has no text", q.ID)
			}
			switch {
			case len(f.Topics) == 0 && q.Topic != "":
				errs.Errorf(d.ValuePos(qp+".topic"), "field %q has no topics, so question %q cannot have topic %q", f.Slug, q.ID, q.Topic)
			case len(f.Topics) > 0 && topics[q.Topic] == nil:
				errs.Errorf(d.ValuePos(qp+".topic"), "question %q needs a topic of field %q, want one of: %s", q.ID, f.Slug, strings.Join(topicSlugs, ", "))
			case len(f.Topics) > 0:
				q.TopicRef = topics[q.Topic]
				q.TopicRef.Questions = append(q.TopicRef.Questions, q)
			}
		}
	}
	anchors := map[string]string{}
	for _, q := range in.Questions {
		if other, dup := anchors[q.Anchor()]; dup {
			errs.Errorf(q.Pos, "question id %q differs from %q only in case or punctuation; both would get the link #%s", q.ID, other, q.Anchor())
		}
		anchors[q.Anchor()] = q.ID
	}
}

// roundKeys are the keys of a round file, which an editor may write below
// [answers] by mistake.
var roundKeys = tomldoc.Keys(Round{})

// scaleWant lists the valid answers for messages.
func (in *Instrument) scaleWant() *diag.Message {
	var ps []string
	for _, o := range in.Scale {
		ps = append(ps, strconv.Itoa(o.Points))
	}
	return diag.Messagef("%s or %q", strings.Join(ps, ", "), Skipped)
}

func (r *Round) validate(in *Instrument, errs *diag.List) {
	d := r.Doc
	if strings.TrimSpace(r.Title) == "" {
		errs.Errorf(d.Pos("title"), "missing title: add title = \"Runde %s\"", r.ID)
	}
	if r.Date.IsZero() {
		errs.Errorf(d.Pos("date"), "missing date: add date = 2024-03-12, the day the answers were completed")
	}
	r.Answers = map[string]*Answer{}
	for _, id := range slices.Sorted(maps.Keys(r.RawAnswers)) {
		p := "answers." + id
		q := in.Question(id)
		if q == nil && slices.Contains(roundKeys, id) {
			// A key written below [answers] belongs to that table.
			errs.Errorf(d.Pos(p), "%s stands below [answers], so it reads as an answer: move it above the line [answers]", id)
			continue
		}
		if q == nil {
			errs.Errorf(d.Pos(p), "unknown question id %q: it is not in %s", id, path.Join(Dir, InstrumentFile))
			continue
		}
		a := &Answer{Question: q}
		value := r.RawAnswers[id]
		vp := p
		if t, ok := value.(map[string]any); ok {
			for k := range t {
				if k != "answer" && k != "comment" {
					errs.Errorf(d.Pos(p+"."+k), "unknown key %q in answer %q, want one of: answer, comment", k, id)
				}
			}
			if c, ok := t["comment"]; ok {
				s, ok := c.(string)
				if !ok {
					errs.Errorf(d.ValuePos(p+".comment"), "comment of %q must be a string", id)
				}
				a.Comment = s
			}
			value, vp = t["answer"], p+".answer"
			if value == nil {
				errs.Errorf(d.Pos(p), "answer %q has no answer: write { answer = %s, comment = \"…\" }", id, strconv.Itoa(in.MaxPoints()))
				continue
			}
		}
		switch v := value.(type) {
		case int64:
			if in.Label(int(v)) == "" {
				errs.Errorf(d.ValuePos(vp), "answer %d to %q is not on the scale, want one of: %s", v, id, in.scaleWant())
				continue
			}
			a.Points = int(v)
		case string:
			if v != Skipped {
				errs.Errorf(d.ValuePos(vp), "answer %q to %q is not on the scale, want one of: %s", v, id, in.scaleWant())
				continue
			}
			a.Skipped = true
		default:
			errs.Errorf(d.ValuePos(vp), "answer to %q must be a number or \"%s\", want one of: %s", id, Skipped, in.scaleWant())
			continue
		}
		r.Answers[id] = a
	}
	missing := diag.Pos{Path: d.Path, Line: 1, Col: 1}
	if _, ok := d.Index.Key("answers"); ok {
		missing = d.Pos("answers")
	}
	open := 0
	for _, q := range in.Questions {
		if _, ok := r.RawAnswers[q.ID]; !ok {
			open++
			if !r.Draft {
				errs.Errorf(missing, "missing answer to question %q: add %s = <points> or %s = \"%s\"", q.ID, bareKey(q.ID), bareKey(q.ID), Skipped)
			}
		}
	}
	if r.Draft && open > 0 {
		errs.Warnf(missing, "%v", diag.Countf(open, "draft round: %d of %d questions is not answered yet", "draft round: %d of %d questions are not answered yet", open, len(in.Questions)))
	}
	for _, slug := range slices.Sorted(maps.Keys(r.Fields)) {
		fp := "fields." + slug
		if in.Field(slug) == nil {
			var known []string
			for _, f := range in.Fields {
				known = append(known, f.Slug)
			}
			errs.Errorf(d.Pos(fp), "unknown field slug %q, want one of: %s", slug, strings.Join(known, ", "))
			continue
		}
		for i, rec := range r.Fields[slug].Recommendations {
			rp := fmt.Sprintf("%s.recommendations[%d]", fp, i)
			if strings.TrimSpace(rec.Text) == "" {
				errs.Errorf(d.Pos(rp), "recommendation has no text")
			}
			if !slices.Contains(Statuses, rec.Status) {
				errs.Errorf(d.ValuePos(rp+".status"), "unknown recommendation status %q, want one of: planned, in_progress, done", rec.Status)
			}
		}
	}
}

func bareKey(id string) string {
	if strings.Contains(id, ".") {
		return strconv.Quote(id)
	}
	return id
}
