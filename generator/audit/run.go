package audit

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"offenbar/generator/browser"
	"offenbar/generator/diag"
)

// Site audits the built site in dir, published below basePath, with the
// axe-core script axe. It returns the page visits and the problems found,
// each at the page's path, or an error when the audit could not run.
func Site(dir, basePath, axe string) (visits int, problems diag.List, err error) {
	if browser.Path() == "" {
		return 0, problems, diag.Messagef("Chromium is not installed: install it, such as with apt-get install chromium")
	}
	if _, err := os.Stat(filepath.Join(dir, "sitemap.xml")); err != nil {
		return 0, problems, diag.Messagef("%s has no sitemap.xml: build the site first", dir)
	}
	paths, err := PagePaths(os.DirFS(dir))
	if err != nil {
		return 0, problems, err
	}
	if _, err := os.Stat(filepath.Join(dir, "404.html")); err == nil {
		paths = append(paths, "/404.html")
	}
	h, err := Handler(dir)
	if err != nil {
		return 0, problems, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, problems, err
	}
	mux := http.NewServeMux()
	prefix := basePath[:len(basePath)-1]
	if prefix == "" {
		mux.Handle("/", h)
	} else {
		mux.Handle(basePath, http.StripPrefix(prefix, h))
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String() + prefix

	var found []Finding
	err = run(func(t browser.T) {
		visits, found = Pages(t, browser.New(t), base, paths, axe)
	})
	for _, f := range found {
		problems.Errorf(diag.Pos{Path: f.Path}, "%s mode: %v", schemeName(f.Scheme), f.Msg)
	}
	return visits, problems, err
}

func schemeName(s string) *diag.Message {
	if s == "dark" {
		return diag.Messagef("dark")
	}
	return diag.Messagef("light")
}

// failer fails as a test would, from any goroutine: Fatal ends the work
// with an error that catch returns.
type failer struct{}

type stop struct{ err error }

func (failer) Helper()                           {}
func (failer) Fatal(args ...any)                 { panic(stop{fmt.Errorf("%s", fmt.Sprint(args...))}) }
func (failer) Fatalf(format string, args ...any) { panic(stop{fmt.Errorf(format, args...)}) }

// Skip is a failure: an audit that cannot run has not passed. (Site makes
// sure first that Chromium is there.)
func (failer) Skip(args ...any) { panic(stop{fmt.Errorf("%s", fmt.Sprint(args...))}) }

// catch calls f and returns the error with which a failer stopped it.
func catch(f func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			s, ok := v.(stop)
			if !ok {
				panic(v)
			}
			err = s.err
		}
	}()
	f()
	return nil
}

// runner gives the browser what a test would: a failure ends the run with
// an error, and cleanups run at its end.
type runner struct {
	failer
	mu       sync.Mutex
	dir      string
	cleanups []func()
}

func (r *runner) Cleanup(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cleanups = append(r.cleanups, f)
}

func (r *runner) TempDir() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.dir == "" {
		d, err := os.MkdirTemp("", "offenbar-audit-")
		if err != nil {
			r.Fatal(err)
		}
		r.dir = d
		r.cleanups = append(r.cleanups, func() { os.RemoveAll(d) })
	}
	return r.dir
}

// run calls f with a runner and returns the error that stopped it, if any.
func run(f func(t browser.T)) error {
	r := &runner{}
	defer func() {
		for _, c := range slices.Backward(r.cleanups) {
			c()
		}
	}()
	return catch(func() { f(r) })
}

// child is what a goroutine of a test or a run gets: its failures are its
// own, its cleanups and temporary directory its parent's, whose methods
// are safe for concurrent use.
type child struct {
	failer
	parent browser.T
}

func (c child) Cleanup(f func()) { c.parent.Cleanup(f) }
func (c child) TempDir() string  { return c.parent.TempDir() }
