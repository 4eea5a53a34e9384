// Package serve previews a site on 127.0.0.1 while an editor works on it.
//
// It builds the site into memory, serves it, and rebuilds whenever a file
// the build reads changes: site.toml, or a file below content/ or
// templates/ (so that "serve > serve.log" in the site folder does not
// rebuild without end). It answers only requests addressed to a loopback
// name (localhost, 127.0.0.1, [::1]), so that a web page that rebinds its
// own name to 127.0.0.1 cannot read drafts or error lines; it sends the
// headers that the site's _headers file asks of the web server, and never
// redirects off the site. Open tabs
// reload themselves through a small script that only the preview injects;
// published output never contains it. When the content has errors, every
// page shows them, each with its source line, and the next good save brings
// the site back.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"offenbar/generator/content"
	"offenbar/generator/diag"
)

// Config describes what to serve.
type Config struct {
	Source string
	Port   int
	// Build renders the site; a *diag.ListError lists content problems.
	Build func() (map[string][]byte, error)
	// BasePath returns the path the site is published under, such as
	// "/weltoffen/"; the preview serves it there too, so that links work.
	BasePath func() string
	// Src reads a source file relative to Source, for showing error lines.
	Src  func(path string) ([]byte, error)
	Stop <-chan os.Signal
	Log  io.Writer
	// Say, when set, gives an English message of the log in the editor's
	// language; without it, the log is in English.
	Say func(format string, args ...any) string
	// Ready, when set, receives the address once the server listens.
	Ready func(addr string)
	// Overlay, when set, gives the error page's heading and lead in the
	// site's language; without it, or when it returns an empty heading,
	// they are in English.
	Overlay func() OverlayText
}

// OverlayText is the wording of the error page in one language.
type OverlayText struct {
	Lang, Dir, Title, Lead string
}

type server struct {
	cfg     Config
	port    string // the port listened on, once known
	mu      sync.RWMutex
	files   map[string][]byte
	err     error
	version int
	changed *sync.Cond
}

// Run serves until Stop receives a signal.
func Run(cfg Config) error {
	if cfg.Say == nil {
		cfg.Say = fmt.Sprintf
	}
	s := &server{cfg: cfg}
	s.changed = sync.NewCond(s.mu.RLocker())
	s.rebuild()

	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(cfg.Source); err != nil {
		return err
	}
	for _, dir := range watchedDirs {
		if err := s.watchTree(w, filepath.Join(cfg.Source, dir)); err != nil {
			return err
		}
	}

	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", cfg.Port))
	if err != nil {
		return err
	}
	_, s.port, _ = net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	addr := "http://" + ln.Addr().String() + "/"
	// The site is at its base path, as it will be when published.
	fmt.Fprintln(cfg.Log, cfg.Say("serving %s on %s (drafts shown); press Ctrl-C to stop", cfg.Source, addr+strings.TrimPrefix(s.basePath(), "/")))
	if cfg.Ready != nil {
		cfg.Ready(addr)
	}

	var timer <-chan time.Time
	for {
		select {
		case ev := <-w.Events:
			if !s.watched(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					s.watchTree(w, ev.Name)
				}
			}
			// Editors save in several steps; wait until they are done.
			timer = time.After(30 * time.Millisecond)
		case err := <-w.Errors:
			fmt.Fprintf(cfg.Log, "watch: %v\n", err)
		case <-timer:
			s.rebuild()
		case <-cfg.Stop:
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			s.mu.Lock()
			s.version = -1 // ends the reload streams
			s.mu.Unlock()
			s.changed.Broadcast()
			srv.Shutdown(ctx)
			fmt.Fprintln(cfg.Log, cfg.Say("stopped"))
			return nil
		}
	}
}

// watchedDirs are the folders below the site whose files the build reads;
// site.toml is the one file beside them.
var watchedDirs = []string{"content", "templates"}

// watched reports whether a change at name can change the build: site.toml,
// or a file below content/ or templates/, except hidden files and editors'
// backups.
func (s *server) watched(name string) bool {
	rel, err := filepath.Rel(s.cfg.Source, name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	first, _, _ := strings.Cut(rel, "/")
	if rel != "site.toml" && !slices.Contains(watchedDirs, first) {
		return false
	}
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	if first != "content" {
		return true
	}
	// Below content/, only what the build reads: Markdown, TOML, the
	// published file types and folders. A log written there, such as
	// serve > content/serve.log, would otherwise rebuild without end.
	switch ext := strings.ToLower(filepath.Ext(base)); {
	case ext == ".md" || ext == ".toml" || content.Published(rel):
		return true
	}
	fi, err := os.Stat(name)
	return err == nil && fi.IsDir() || errors.Is(err, fs.ErrNotExist) && filepath.Ext(base) == ""
}

// watchTree watches root and the folders below it, if root exists.
func (s *server) watchTree(w *fsnotify.Watcher, root string) error {
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func (s *server) rebuild() {
	start := time.Now()
	files, err := s.cfg.Build()
	s.mu.Lock()
	if err == nil {
		s.files = files
	}
	s.err = err
	s.version++
	s.mu.Unlock()
	s.changed.Broadcast()
	if err != nil {
		fmt.Fprintln(s.cfg.Log, s.cfg.Say("rebuild failed in %d ms:\n%v", time.Since(start).Milliseconds(), err))
		return
	}
	fmt.Fprintln(s.cfg.Log, s.cfg.Say("%v", diag.Countf(len(files), "rebuilt %d file in %d ms", "rebuilt %d files in %d ms", len(files), time.Since(start).Milliseconds())))
}

// reloadPath serves the stream that tells open tabs to reload.
const reloadPath = "/_offenbar/reload"

const reloadScript = `<script src="/_offenbar/reload.js"></script>`

const reloadJS = `(function () {
  var es = new EventSource("/_offenbar/reload");
  var first = true;
  es.onmessage = function () { if (first) { first = false; return; } location.reload(); };
})();
`

func (s *server) basePath() string {
	if s.cfg.BasePath == nil {
		return "/"
	}
	return s.cfg.BasePath()
}

// handler is the server as it listens: it answers only requests addressed
// to a loopback name.
func (s *server) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.loopback(r.Host) {
			w.Header().Set("X-Content-Type-Options", "nosniff")
			http.Error(w, "offenbar serve answers only to http://localhost, http://127.0.0.1 and http://[::1]", http.StatusMisdirectedRequest)
			return
		}
		s.ServeHTTP(w, r)
	})
}

// loopback reports whether host, a request's Host header, names this
// machine's loopback address, with the port listened on. Another name that
// resolves to 127.0.0.1 is a page trying DNS rebinding.
func (s *server) loopback(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil || s.port != "" && port != s.port {
		return false
	}
	switch strings.ToLower(name) {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

// siteHeaders are the headers that the site's _headers file asks for the
// published path p, such as "/artikel/": those of every rule whose path is p,
// or ends in "*" and matches up to it.
func siteHeaders(rules []byte, p string) http.Header {
	h := http.Header{}
	match := false
	for _, line := range strings.Split(string(rules), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		if line[0] != ' ' && line[0] != '\t' {
			pattern := strings.TrimSpace(line)
			prefix, wild := strings.CutSuffix(pattern, "*")
			match = pattern == p || wild && strings.HasPrefix(p, prefix)
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ":"); ok && match {
			h.Set(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	return h
}

// overlayHeaders keep the error page, which shows source lines, from being
// framed or sniffed, as _headers does for the site.
var overlayHeaders = http.Header{
	"Content-Security-Policy": {"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
	"X-Content-Type-Options":  {"nosniff"},
	"Referrer-Policy":         {"no-referrer"},
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case reloadPath:
		s.stream(w, r)
		return
	case "/_offenbar/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		io.WriteString(w, reloadJS)
		return
	case overlayCSSPath:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		io.WriteString(w, overlayCSS)
		return
	}
	s.mu.RLock()
	files, berr := s.files, s.err
	s.mu.RUnlock()
	w.Header().Set("Cache-Control", "no-store")
	if berr != nil {
		for k, v := range overlayHeaders {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(s.overlay(berr))
		return
	}
	// The site lives below its base path, as it will when published.
	urlPath := r.URL.Path
	if base := s.basePath(); base != "/" {
		if !strings.HasPrefix(urlPath, base) {
			// A path typed or bookmarked without the base path, such as
			// /artikel/, goes to its page below it. The target is always a
			// path of this server.
			to := path.Clean("/" + urlPath)
			if strings.HasSuffix(urlPath, "/") && to != "/" {
				to += "/"
			}
			switch {
			case to == "/" || to+"/" == base:
				to = base
			case !strings.HasPrefix(to, base):
				to = base + strings.TrimPrefix(to, "/")
			}
			// A folder's page is reached in one step: /artikel to /weltoffen/artikel/.
			if _, isDir := files[strings.TrimPrefix(to, base)+"/index.html"]; isDir && !strings.HasSuffix(to, "/") {
				to += "/"
			}
			if r.URL.RawQuery != "" {
				to += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, to, http.StatusFound)
			return
		}
		urlPath = "/" + strings.TrimPrefix(urlPath, base)
	}
	name := strings.TrimPrefix(path.Clean(urlPath), "/")
	if strings.HasSuffix(urlPath, "/") {
		name = strings.TrimPrefix(name+"/index.html", "/")
	}
	body, ok := files[name]
	if !ok && name != "" && !strings.Contains(path.Base(name), ".") {
		if _, isDir := files[name+"/index.html"]; isDir {
			// The folder's own path, never r.URL.Path: "//artikel" + "/"
			// would send the browser to the host "artikel".
			to := (&url.URL{Path: strings.TrimSuffix(s.basePath(), "/") + "/" + name + "/"}).EscapedPath()
			if strings.HasPrefix(to, "/") && !strings.HasPrefix(to, "//") && !strings.HasPrefix(to, "/\\") {
				http.Redirect(w, r, to, http.StatusMovedPermanently)
				return
			}
		}
	}
	status := http.StatusOK
	if !ok {
		body, name, status = files["404.html"], "404.html", http.StatusNotFound
	}
	// _headers names paths as published, below the base path.
	published := strings.TrimSuffix(s.basePath(), "/") + "/" + strings.TrimSuffix(name, "index.html")
	for k, v := range siteHeaders(files["_headers"], published) {
		w.Header()[k] = v
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", ctype)
	}
	if strings.HasSuffix(name, ".html") {
		body = bytes.Replace(body, []byte("</body>"), []byte(reloadScript+"</body>"), 1)
	}
	w.WriteHeader(status)
	w.Write(body)
}

// stream sends an event on every rebuild.
func (s *server) stream(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	done := r.Context().Done()
	go func() {
		<-done
		s.changed.Broadcast()
	}()
	s.mu.RLock()
	defer s.mu.RUnlock()
	for {
		v := s.version
		if v < 0 {
			return
		}
		fmt.Fprintf(w, "data: %d\n\n", v)
		fl.Flush()
		for s.version == v {
			select {
			case <-done:
				return
			default:
			}
			s.changed.Wait()
		}
	}
}

// overlayCSS styles the error page; a file of its own, because the page's
// Content-Security-Policy allows no inline style.
const overlayCSSPath = "/_offenbar/overlay.css"

const overlayCSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fff4f2;color:#1a1a1a}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{color:#9b1c1c;font-size:1.5rem}
li{margin:0 0 1.25rem}
code,pre{font:14px/1.4 ui-monospace,monospace}
pre{background:#fff;border:1px solid #e0b4b4;border-left:4px solid #9b1c1c;padding:.5rem .75rem;overflow:auto}
.pos{font-weight:700}
`

var overlayTmpl = template.Must(template.New("overlay").Parse(`<!DOCTYPE html>
<html lang="{{.Text.Lang}}"{{with .Text.Dir}} dir="{{.}}"{{end}}><head><meta charset="utf-8"><title>{{.Text.Title}}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="` + overlayCSSPath + `"></head>
<body><main>
<h1>{{.Text.Title}}</h1>
<p>{{.Text.Lead}}</p>
<ol>{{range .Items}}<li><code class="pos">{{.Pos}}</code>: {{.Msg}}{{if .Line}}<pre>{{.LineNo}} | {{.Line}}</pre>{{end}}</li>{{end}}</ol>
</main>` + reloadScript + `</body></html>
`))

type overlayItem struct {
	Pos, Msg, Line string
	LineNo         int
}

func (s *server) overlay(err error) []byte {
	var items []overlayItem
	var le *diag.ListError
	if errors.As(err, &le) {
		for _, p := range le.Problems {
			it := overlayItem{Pos: p.Pos.String(), Msg: p.Msg}
			if p.Pos.Line > 0 && s.cfg.Src != nil {
				if src, err := s.cfg.Src(p.Pos.Path); err == nil {
					it.Line, it.LineNo = diag.SourceLine(src, p.Pos.Line), p.Pos.Line
				}
			}
			items = append(items, it)
		}
	} else {
		items = append(items, overlayItem{Pos: s.cfg.Source, Msg: err.Error()})
	}
	text := OverlayText{Lang: "en", Title: "The site could not be built", Lead: "Fix these problems and save; this page reloads by itself."}
	if s.cfg.Overlay != nil {
		if t := s.cfg.Overlay(); t.Title != "" {
			text = t
		}
	}
	var buf bytes.Buffer
	overlayTmpl.Execute(&buf, struct {
		Text  OverlayText
		Items []overlayItem
	}{text, items})
	return buf.Bytes()
}
