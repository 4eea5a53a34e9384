package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"offenbar/generator/content"
	"offenbar/generator/diag"
	"offenbar/generator/document"
	"offenbar/generator/opendata"
	"offenbar/generator/picture"
	"offenbar/generator/workers"
)

// ImageSizes is the sizes attribute of content images: the text column is
// at most 45rem wide, with 1rem of margin on either side on phones.
const ImageSizes = "(min-width: 47rem) 45rem, calc(100vw - 2rem)"

// MaxAltLength is the length above which an alternative text should rather
// be a caption.
const MaxAltLength = 250

// Documents are the file types whose links say their type and size.
var Documents = map[string]string{".pdf": "PDF", ".docx": "DOCX", ".xlsx": "XLSX", ".odt": "ODT", ".ods": "ODS", ".pptx": "PPTX"}

// file is a file published as it is, or as package picture made it, with
// the source it comes from.
type file struct {
	src  string // path below the site directory
	data []byte
}

// published is a content image as the pages show it.
type published struct {
	width, height int
	variants      []variant // narrowest first; the widest has the source's name
}

type variant struct {
	path          string // site path such as "/bilder/fest-480w.jpg"
	width, height int
}

// mediaRef is an image or document link of a document.
type mediaRef struct {
	dest string // as the editor wrote it
	pos  diag.Pos
}

// publishFolder publishes the files of the folder bundle below the output
// path dir: only the types that are published, and none at a path that is
// taken.
func (s *Site) publishFolder(src fs.FS, bundle, dir string, files []string, errs *diag.List) {
	for _, f := range files {
		p := bundle + "/" + f
		if badName(f) {
			errs.Errorf(diag.Pos{Path: p}, "file name %q contains a backslash or a control character; rename it", f)
			continue
		}
		if !content.Published(f) {
			errs.Errorf(diag.Pos{Path: p}, "%s", unpublished(f))
			continue
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			errs.Errorf(diag.Pos{Path: p}, "%s", diag.ReadError(err))
			continue
		}
		if other, ok := s.files[dir+f]; ok {
			errs.Errorf(diag.Pos{Path: p}, "%s would be published at /%s, as is %s; rename one of them", p, dir+f, other.src)
			continue
		}
		s.files[dir+f] = file{src: p, data: b}
	}
}

// loadMedia gathers the files of content/static and of document folders,
// checks every image that content shows, and makes the photos: resized,
// upright and without metadata, in place of the originals.
func (s *Site) loadMedia(src fs.FS, static map[string][]byte, errs *diag.List) {
	s.files = map[string]file{}
	for _, name := range slices.Sorted(maps.Keys(static)) {
		p := StaticDir + "/" + name
		if !content.Published(name) {
			errs.Errorf(diag.Pos{Path: p}, "%s", unpublished(name))
			continue
		}
		s.files[name] = file{src: p, data: static[name]}
	}
	refused := map[string][]byte{} // files that are not published, by output path
	for _, d := range s.Docs {
		dir := strings.TrimPrefix(s.docURL(d), "/")
		for _, f := range d.Files {
			p := d.Bundle + "/" + f
			// A sign-language page's video and captions have checks of
			// their own, which say more than the type.
			if badName(f) {
				errs.Errorf(diag.Pos{Path: p}, "file name %q contains a backslash or a control character; rename it", f)
				continue
			}
			own := d.Layout == content.SignLanguage && (f == d.Video || f == d.Captions)
			if !content.Published(f) && !own {
				errs.Errorf(diag.Pos{Path: p}, "%s", unpublished(f))
				continue
			}
			b, err := fs.ReadFile(src, p)
			if err != nil {
				errs.Errorf(diag.Pos{Path: p}, "%s", diag.ReadError(err))
				continue
			}
			if !content.Published(f) {
				if f == d.Captions && isWebVTT(b) {
					errs.Errorf(diag.Pos{Path: p}, "%s", unpublished(f))
				}
				refused[dir+f] = b
				continue
			}
			if other, ok := s.files[dir+f]; ok {
				errs.Errorf(diag.Pos{Path: p}, "%s would be published at /%s, as is %s; rename one of them", p, dir+f, other.src)
				continue
			}
			s.files[dir+f] = file{src: p, data: b}
		}
	}
	// A measure or an event written as a folder publishes its files below
	// its page, as a document's folder does.
	for _, m := range s.Measures {
		s.publishFolder(src, m.Bundle, strings.TrimPrefix(s.sectionURL(s.Lang.Paths.Measures, m.ID), "/"), m.Files, errs)
	}
	for _, e := range s.Events {
		s.publishFolder(src, e.Bundle, strings.TrimPrefix(s.EventURL(e.ID), "/"), e.Files, errs)
	}

	// What content shows: images need alternative text and must be ours.
	for _, d := range s.Docs {
		if d.Layout == content.SignLanguage {
			s.checkSignLanguage(d, refused, errs)
		}
	}

	// Parsing is the costliest part of a build, and most articles have no
	// image: a byte search says so. The rest are parsed on every core.
	// A translation shows its images at the original's address, and
	// follows the same rules.
	type shown struct {
		path    string // the source file
		body    []byte
		page    string // the site path it is shown at
		article bool   // an article or its translation
	}
	var withImages []shown
	show := func(path string, body []byte, page string, article bool) {
		if bytes.Contains(body, []byte("![")) {
			withImages = append(withImages, shown{path, body, page, article})
		}
	}
	for _, d := range s.Docs {
		for _, doc := range append([]*content.Doc{d}, translationsOf(d)...) {
			show(doc.Path, doc.Body, s.docURL(d), d.Kind == content.Article)
		}
	}
	for _, e := range s.Events {
		show(e.Path, e.Body, s.EventURL(e.ID), false)
		for _, code := range slices.Sorted(maps.Keys(e.Translations)) {
			show(e.Translations[code].Path, e.Translations[code].Body, s.EventURL(e.ID), false)
		}
	}
	for _, m := range s.Measures {
		page := s.sectionURL(s.Lang.Paths.Measures, m.ID)
		show(m.Path, m.Body, page, false)
		for _, code := range slices.Sorted(maps.Keys(m.Translations)) {
			show(m.Translations[code].Path, m.Translations[code].Body, page, false)
		}
	}
	links := make([][]content.Link, len(withImages))
	workers.ForEach(len(withImages), func(i int) { links[i] = s.md.Links(withImages[i].body) })
	refs := map[string][]mediaRef{}
	// An article's first photo is its preview image on social media.
	type firstPhoto struct {
		path, name, alt string // the document's source file, the photo and its text
	}
	var firsts []firstPhoto
	for i, d := range withImages {
		page := d.page
		first := true
		for _, l := range links[i] {
			if !l.Image {
				continue
			}
			if name, local := s.mediaName(page, l.Dest); local && first && d.article && strings.TrimSpace(l.Alt) != content.Decorative && strings.TrimSpace(l.Alt) != "" {
				first = false
				firsts = append(firsts, firstPhoto{path: d.path, name: name, alt: strings.TrimSpace(l.Alt)})
			}
			pos := diag.PosAt(d.path, d.body, l.Offset)
			s.checkAlt(l, pos, errs)
			if d := strings.ToLower(l.Dest); strings.HasPrefix(d, "http:") || strings.HasPrefix(d, "https:") || strings.HasPrefix(d, "//") {
				errs.Errorf(pos, "image %q is on another host, and loading it would tell that host who reads the page; save it into content/static or next to the document", l.Dest)
				continue
			}
			// Other schemes, such as file: or javascript:, goldmark would
			// leave out, with an empty image in their place.
			if scheme, _, ok := strings.Cut(l.Dest, ":"); ok && !strings.ContainsAny(scheme, "/?#") {
				errs.Errorf(pos, "image %q is not a file of the site; save the image into content/static or next to the document and write its name, such as ![…](foto.jpg)", l.Dest)
				continue
			}
			if name, local := s.mediaName(page, l.Dest); local {
				refs[name] = append(refs[name], mediaRef{dest: s.written(l.Dest), pos: pos})
			}
		}
	}

	lim := picture.Limits{MaxBytes: int64(s.Config.Images.MaxSizeMB) << 20, MaxPixels: s.Config.Images.MaxMegapixels * 1_000_000}
	var photos []string
	for _, name := range slices.Sorted(maps.Keys(s.files)) {
		if picture.FormatOf(name) != "" {
			photos = append(photos, name)
		}
		if strings.HasSuffix(strings.ToLower(name), ".avif") {
			// No Go library reads AVIF, so its metadata cannot be removed.
			s.mediaError(errs, name, refs[name], diag.Messagef("an AVIF image may carry the place and camera it was taken with, and offenbar cannot remove them; export it as JPEG or PNG"))
			delete(s.files, name)
			continue
		}
		if strings.HasSuffix(strings.ToLower(name), ".svg") {
			if err := picture.CheckSVG(s.files[name].data); err != nil {
				s.mediaError(errs, name, refs[name], err)
				delete(s.files, name)
			}
		}
	}
	results := make([]*picture.Result, len(photos))
	problems := make([]error, len(photos))
	workers.ForEach(len(photos), func(i int) {
		f := s.files[photos[i]]
		results[i], problems[i] = s.opts.Images.Process(f.data, picture.FormatOf(photos[i]), lim)
	})
	s.images = map[string]*published{}
	h := sha256.New()
	for i, name := range photos {
		if problems[i] != nil {
			s.mediaError(errs, name, refs[name], problems[i])
			delete(s.files, name)
			continue
		}
		r, src := results[i], s.files[name].src
		img := &published{width: r.Width, height: r.Height}
		ext := path.Ext(name)
		base, outExt := strings.TrimSuffix(name, ext), ext
		if e := strings.ToLower(ext); r.Format != picture.FormatOf(name) || e == ".jfif" || e == ".jpe" {
			// A WebP is published as a JPEG or PNG, a .jfif or .jpe as .jpg,
			// under the extension that every server knows.
			outExt = r.Format.Ext()
			delete(s.files, name)
		}
		for j, v := range r.Variants {
			out := base + outExt
			if j < len(r.Variants)-1 {
				out = base + "-" + strconv.Itoa(v.Width) + "w" + outExt
			}
			if other, ok := s.files[out]; ok && out != name {
				errs.Errorf(diag.Pos{Path: other.src}, "%s is where the %d px copy of %s goes; rename it", other.src, v.Width, src)
			}
			s.files[out] = file{src: src, data: v.Data}
			img.variants = append(img.variants, variant{path: "/" + out, width: v.Width, height: v.Height})
			fmt.Fprintf(h, "%s %d %d\n", out, v.Width, v.Height)
		}
		s.images[name] = img
	}
	s.ogPhotos = map[string]*OGImage{}
	made := map[string]*OGImage{} // a translation shows the original's photo
	for _, f := range firsts {
		og, ok := made[f.name]
		if !ok {
			og = s.ogPhoto(f.name, errs)
			made[f.name] = og
		}
		if og != nil {
			s.ogPhotos[f.path] = &OGImage{URL: og.URL, Width: og.Width, Height: og.Height, Alt: f.alt}
			fmt.Fprintf(h, "og %s %s\n", f.path, og.URL)
		}
	}
	s.stripDocuments(errs)
	s.checkTables(errs)
	for _, name := range slices.Sorted(maps.Keys(s.files)) {
		if _, ok := Documents[strings.ToLower(path.Ext(name))]; ok {
			fmt.Fprintf(h, "%s %d\n", name, len(s.files[name].data))
		}
	}
	s.mediaDigest = hex.EncodeToString(h.Sum(nil))
}

// unpublished says why a file is not published as it is.
func unpublished(name string) *diag.Message {
	return diag.Messagef("%q is not published: the site publishes documents, data, images, sound and video, such as PDF, ODT, CSV, JPEG, MP3 or MP4, and nothing that a browser could run as part of the site", path.Base(name))
}

// stripDocuments removes the author and other personal metadata from the
// documents to be published; a document that package document cannot read
// is published as it is, with a warning.
func (s *Site) stripDocuments(errs *diag.List) {
	var docs []string
	for _, name := range slices.Sorted(maps.Keys(s.files)) {
		if document.Kind(name) != "" {
			docs = append(docs, name)
		}
	}
	stripped := make([][]byte, len(docs))
	problems := make([]error, len(docs))
	workers.ForEach(len(docs), func(i int) {
		name := docs[i]
		stripped[i], problems[i] = s.opts.Images.Bytes(document.Settings+" "+document.Kind(name), s.files[name].data, func(b []byte) ([]byte, error) {
			return document.Strip(name, b)
		})
	})
	for i, name := range docs {
		f := s.files[name]
		if problems[i] != nil {
			errs.Warnf(diag.Pos{Path: f.src}, "the author and other personal data cannot be removed from this file (%v); remove them in the program that made it, or export it again", problems[i])
			continue
		}
		s.files[name] = file{src: f.src, data: stripped[i]}
	}
}

// mediaError reports a problem with a file at each place content shows it,
// or at the file itself when no content does.
// A problem at a line of an SVG file is said at that line as well.
func (s *Site) mediaError(errs *diag.List, name string, refs []mediaRef, err error) {
	at := diag.Pos{Path: s.files[name].src}
	if pe, ok := err.(*picture.Error); ok && pe.Line > 0 {
		at.Line = pe.Line
		errs.Errorf(at, "%v", err)
		for _, r := range refs {
			errs.Errorf(r.pos, "image %q cannot be published; see %s", r.dest, at.String())
		}
		return
	}
	if len(refs) == 0 {
		errs.Errorf(at, "%v", err)
		return
	}
	for _, r := range refs {
		errs.Errorf(r.pos, "image %q (%s): %v", r.dest, at.Path, err)
	}
}

// written is a destination as the editor wrote it, without the base path
// that rendering adds to site paths.
func (s *Site) written(dest string) string {
	if b := s.Config.BasePath; b != "/" && strings.HasPrefix(dest, b) {
		return "/" + strings.TrimPrefix(dest, b)
	}
	return dest
}

// fileNameRE matches an alternative text that is a file name or a
// camera's name for a photo rather than a description: "fest.jpg",
// "IMG_2041", "DSC01234", "PXL_20240601_101112", "20240601_101112".
var fileNameRE = regexp.MustCompile(`(?i)^(?:.*\.(?:jpe?g|png|gif|webp|avif|heic|heif|tiff?|bmp|svg|pdf)|(?:img|dsc[fn]?|pxl|mvimg|gopr|dji|sam|wp|photo|image|screenshot)[ _-]?[\d_.-]*\d[\d_.-]*(?:[ _-]\w+)?|\d{8}[ _-]\d{6}\w*)$`)

// isFileName reports whether alt is a file name, or the name of the
// image's file without its extension: "fest_2024" for fest_2024.jpg.
func isFileName(alt, dest string) bool {
	stem := strings.TrimSuffix(path.Base(dest), path.Ext(dest))
	return fileNameRE.MatchString(alt) || strings.EqualFold(alt, stem) && strings.ContainsAny(stem, "_-0123456789")
}

// translationsOf lists the translations of d in the order of their
// languages.
func translationsOf(d *content.Doc) []*content.Doc {
	var out []*content.Doc
	for _, code := range slices.Sorted(maps.Keys(d.Translations)) {
		out = append(out, d.Translations[code])
	}
	return out
}

func (s *Site) checkAlt(l content.Link, pos diag.Pos, errs *diag.List) {
	l.Dest = s.written(l.Dest)
	alt := strings.TrimSpace(l.Alt)
	switch n := len([]rune(alt)); {
	case alt == "":
		errs.Errorf(pos, "image %q has no alternative text: say in a few words what it shows, as in ![Stände und Gäste auf dem Marktplatz](%s), or write ![%s](%s) if it is only decoration", l.Dest, path.Base(l.Dest), content.Decorative, path.Base(l.Dest))
	case isFileName(alt, l.Dest):
		errs.Errorf(pos, "the alternative text of image %q is a file name, %q, which says nothing to someone who cannot see the image; say in a few words what it shows, as in ![Stände und Gäste auf dem Marktplatz](%s)", l.Dest, alt, path.Base(l.Dest))
	case n > MaxAltLength:
		errs.Warnf(pos, "the alternative text of image %q has %d characters; keep it under %d and put the rest into a caption: ![short text](%s \"caption\")", l.Dest, n, MaxAltLength, path.Base(l.Dest))
	}
}

// mediaName returns the output path that a destination on page refers to,
// and false for destinations that are not files of the site.
func (s *Site) mediaName(page, dest string) (string, bool) {
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if strings.Contains(dest, ":") || strings.HasPrefix(dest, "//") || dest == "" {
		return "", false
	}
	base := s.Config.BasePath
	var p string
	if strings.HasPrefix(dest, "/") {
		p = "/" + strings.TrimPrefix(dest, base)
	} else {
		p = path.Join(page, dest)
	}
	return strings.TrimPrefix(p, "/"), true
}

// docURL is the site path of an article or page.
func (s *Site) docURL(d *content.Doc) string {
	if d.Kind == content.Article {
		return s.sectionURL(s.Lang.Paths.Articles, d.Slug)
	}
	return s.Prefix + "/" + d.Slug + "/"
}

// media resolves images and documents for the Markdown renderer. With
// absolute set, relative links become site paths: the page is shown at
// another address than the one they were written for.
type media struct {
	s        *Site
	absolute bool
}

func (m media) Link(page, dest string) string {
	if !m.absolute || dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") || strings.Contains(strings.SplitN(dest, "/", 2)[0], ":") {
		return ""
	}
	rest := ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest, rest = dest[:i], dest[i:]
	}
	p := path.Join(page, dest)
	if strings.HasSuffix(dest, "/") {
		p += "/"
	}
	return m.s.Config.URL(p) + rest
}

func (m media) Image(page, dest string) *content.Image {
	name, ok := m.s.mediaName(page, dest)
	img := m.s.images[name]
	if !ok || img == nil {
		return nil
	}
	cfg := m.s.Config
	var set []string
	for _, v := range img.variants {
		set = append(set, cfg.URL(v.path)+" "+strconv.Itoa(v.width)+"w")
	}
	// The default file is the one for a phone's wide screen or a desktop.
	def := img.variants[min(1, len(img.variants)-1)]
	largest := img.variants[len(img.variants)-1]
	return &content.Image{Src: cfg.URL(def.path), Srcset: strings.Join(set, ", "), Sizes: ImageSizes, Width: largest.width, Height: largest.height}
}

func (m media) Document(page, dest string) string {
	name, ok := m.s.mediaName(page, dest)
	kind := Documents[strings.ToLower(path.Ext(name))]
	f, found := m.s.files[name]
	if !ok || kind == "" || !found {
		return ""
	}
	t, _ := m.s.Lang.Tf("document_info", kind, m.s.fileSize(len(f.data)))
	return t
}

// fileSize says how large a file is, in the site's language: "2,4 MB".
func (s *Site) fileSize(n int) string {
	p := message.NewPrinter(language.Make(s.Lang.Code))
	switch {
	case n >= 1<<20:
		return p.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return p.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return p.Sprintf("%d B", n)
}

// checkSignLanguage checks that a page in sign language has its video and
// captions next to it: a video without captions shuts out everyone who
// cannot follow the signs (WCAG 1.2.2).
func (s *Site) checkSignLanguage(d *content.Doc, refused map[string][]byte, errs *diag.List) {
	data := func(name string) []byte {
		if f, ok := s.files[name]; ok {
			return f.data
		}
		return refused[name]
	}
	at := func(key string) diag.Pos {
		if _, ok := d.Meta.Index.Key(key); ok {
			return d.Meta.ValuePos(key)
		}
		return d.Meta.ValuePos("layout")
	}
	dir := strings.TrimPrefix(s.docURL(d), "/")
	for _, c := range []struct{ key, name, example string }{{"video", d.Video, "dgs.webm"}, {"captions", d.Captions, "dgs.vtt"}} {
		switch {
		case d.Bundle == "":
			errs.Errorf(at(c.key), "a page in sign language must be a folder with its video and captions: move %s to %s/index.md", d.Path, strings.TrimSuffix(d.Path, ".md"))
			return
		case c.name == "":
			errs.Errorf(at(c.key), "a page in sign language needs its %s: add %s = %q and put the file next to index.md", c.key, c.key, c.example)
		case data(dir+c.name) == nil:
			errs.Errorf(at(c.key), "%s %q is not next to %s", c.key, c.name, d.Path)
		}
	}
	if v := strings.ToLower(d.Video); v != "" && !strings.HasSuffix(v, ".webm") && !strings.HasSuffix(v, ".mp4") {
		errs.Errorf(at("video"), "video %q must be a WebM or MP4 file, which every browser plays", d.Video)
	}
	if c := d.Captions; c != "" {
		if b := data(dir + c); b != nil && !isWebVTT(b) {
			errs.Errorf(at("captions"), "captions %q must be a WebVTT file that begins with the line WEBVTT", c)
		}
	}
}

// isWebVTT reports whether b is captions in WebVTT.
func isWebVTT(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimPrefix(b, []byte("\ufeff")), []byte("WEBVTT"))
}

// VideoLabel says the type and size of a page's video, as a download link
// shows it.
func (s *Site) videoLabel(d *content.Doc) string {
	f, ok := s.files[strings.TrimPrefix(s.docURL(d), "/")+d.Video]
	if !ok {
		return ""
	}
	kind := "WebM"
	if strings.HasSuffix(strings.ToLower(d.Video), ".mp4") {
		kind = "MP4"
	}
	t, _ := s.Lang.Tf("document_info", kind, s.fileSize(len(f.data)))
	return t
}

// checkTables refuses a published CSV or TSV file with a cell that Excel
// or LibreOffice would open as a formula (opendata.FormulaCell): a
// resident who opens it would run it. The site's own open data is written
// safe; a file from elsewhere is the editor's to mend.
func (s *Site) checkTables(errs *diag.List) {
	for _, name := range slices.Sorted(maps.Keys(s.files)) {
		switch strings.ToLower(path.Ext(name)) {
		case ".csv", ".tsv":
		default:
			continue
		}
		f := s.files[name]
		if line, col, text, ok := opendata.FormulaCell(f.data); ok {
			errs.Errorf(diag.Pos{Path: f.src, Line: line, Col: col}, "the cell %q would open as a formula in Excel or LibreOffice: put an apostrophe ' before it, or remove the formula", text)
		}
	}
}

// ogPhoto is the preview image of an article whose first image is the
// photo name: a copy OGPhotoWidth pixels wide, or the photo itself when it
// is no wider; nil for an image that is no photo, such as an SVG or a GIF.
// Its URL is a site path until pages make it absolute.
func (s *Site) ogPhoto(name string, errs *diag.List) *OGImage {
	img := s.images[name]
	if img == nil || len(img.variants) == 0 {
		return nil
	}
	f := picture.FormatOf(img.variants[len(img.variants)-1].path)
	if f != picture.JPEG && f != picture.PNG {
		return nil
	}
	widest := img.variants[len(img.variants)-1]
	for _, v := range img.variants {
		if v.width == OGPhotoWidth || (v == widest && v.width < OGPhotoWidth) {
			return &OGImage{URL: v.path, Width: v.width, Height: v.height}
		}
	}
	src := s.files[strings.TrimPrefix(widest.path, "/")]
	b, err := s.opts.Images.Bytes(fmt.Sprintf("%s %d %s", picture.RenditionSettings, OGPhotoWidth, f), src.data, func(b []byte) ([]byte, error) {
		return picture.Rendition(b, f, OGPhotoWidth)
	})
	if err != nil {
		errs.Errorf(diag.Pos{Path: src.src}, "%v", err)
		return nil
	}
	ext := path.Ext(widest.path)
	out := strings.TrimPrefix(strings.TrimSuffix(widest.path, ext), "/") + "-" + strconv.Itoa(OGPhotoWidth) + "w" + ext
	if other, ok := s.files[out]; ok {
		errs.Errorf(diag.Pos{Path: other.src}, "%s is where the %d px copy of %s goes; rename it", other.src, OGPhotoWidth, src.src)
		return nil
	}
	s.files[out] = file{src: src.src, data: b}
	return &OGImage{URL: "/" + out, Width: OGPhotoWidth, Height: picture.RenditionHeight(widest.width, widest.height, OGPhotoWidth)}
}
