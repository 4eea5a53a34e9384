// Package browser drives headless Chromium for end-to-end tests of built
// sites and for the audit command: it opens pages, records every request
// and console message, and takes screenshots. Tests that use it skip when
// Chromium is missing, except in CI (CI=true), where a missing browser is a
// failure.
package browser

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// T is what the browser needs of its caller to fail or skip and to clean
// up: a test's testing.TB, or what the audit command gives.
type T interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Skip(args ...any)
	TempDir() string
	Cleanup(func())
}

// Path finds Chromium, or returns "".
func Path() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is one headless Chromium.
type Browser struct {
	ctx    context.Context
	cancel func()
}

// New starts Chromium, or skips the test when it is missing outside CI.
func New(t T) *Browser {
	t.Helper()
	exe := Path()
	if exe == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed; .ci/run installs it")
		}
		t.Skip("chromium is not installed")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancel()
		acancel()
		t.Fatalf("starting chromium: %v", err)
	}
	b := &Browser{ctx: ctx, cancel: func() { cancel(); acancel() }}
	t.Cleanup(b.cancel)
	return b
}

// Visit is what one page load did.
type Visit struct {
	Requests []string // every URL the page requested
	Console  []string // console errors and uncaught exceptions
	Dialogs  []string // alert, confirm and prompt dialogs that opened
}

// Page is an open tab.
type Page struct {
	ctx    context.Context
	cancel func()
	mu     sync.Mutex
	visit  Visit
}

// Open opens a new tab of the given width and height. JavaScript can be
// turned off.
func (b *Browser) Open(t T, width, height int64, js bool) *Page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &Page{ctx: ctx, cancel: cancel}
	t.Cleanup(cancel)
	err := chromedp.Listen(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			p.visit.Requests = append(p.visit.Requests, ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning {
				msg := string(ev.Type) + ":"
				for _, a := range ev.Args {
					msg += " " + string(a.Value) + a.Description
				}
				p.visit.Console = append(p.visit.Console, msg)
			}
		case *cdplog.EventEntryAdded:
			// Content-Security-Policy violations and failed loads arrive here.
			if ev.Entry.Level == cdplog.EntryLevelError || ev.Entry.Level == cdplog.EntryLevelWarning {
				p.visit.Console = append(p.visit.Console, string(ev.Entry.Source)+": "+ev.Entry.Text)
			}
		case *page.EventJavascriptDialogOpening:
			p.visit.Dialogs = append(p.visit.Dialogs, ev.Message)
			// A dialog blocks the page until it is answered; answer it from
			// another goroutine, as Listen requires.
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		case *runtime.EventExceptionThrown:
			p.visit.Console = append(p.visit.Console, (&chromedp.ExceptionError{ExceptionDetails: ev.ExceptionDetails}).Error())
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, runtime.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if !js {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
		t.Fatal(err)
	}
	return p
}

// Go loads u, waits until the page is quiet and returns what it did.
func (p *Page) Go(t T, u string) Visit {
	t.Helper()
	p.mu.Lock()
	p.visit = Visit{}
	p.mu.Unlock()
	ctx, cancel := context.WithTimeout(p.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitReady("body"), chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatalf("loading %s: %v", u, err)
	}
	return p.Seen()
}

// Seen returns what the page did since the last Go, including requests
// and messages after it loaded.
func (p *Page) Seen() Visit {
	p.mu.Lock()
	defer p.mu.Unlock()
	return Visit{Requests: slices.Clone(p.visit.Requests), Console: slices.Clone(p.visit.Console), Dialogs: slices.Clone(p.visit.Dialogs)}
}

// Interactive presses every "Interaktiv anzeigen" button of the page and
// waits until ECharts has drawn all its charts; it returns their number.
func (p *Page) Interactive(t T) int {
	t.Helper()
	var n int
	p.EvalAsync(t, `new Promise((resolve, reject) => {
		const els = [...document.querySelectorAll("[data-chart]")];
		document.querySelectorAll(".chart-interactive").forEach(b => b.click());
		const started = Date.now();
		const poll = () => {
			if (window.echarts && els.every(el => echarts.getInstanceByDom(el) && el.querySelector("svg path"))) {
				resolve(els.length);
			} else if (Date.now() - started > 60000) {
				reject(new Error("charts not drawn interactively"));
			} else {
				setTimeout(poll, 50);
			}
		};
		poll();
	})`, &n)
	return n
}

// Eval evaluates a JavaScript expression into out.
func (p *Page) Eval(t T, expr string, out any) {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[json.RawMessage](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	if err := json.Unmarshal(v, out); err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
}

// EvalAsync evaluates a JavaScript expression that returns a promise and
// stores what it resolves to in out.
func (p *Page) EvalAsync(t T, expr string, out any) {
	t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 120*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.60s: %v", expr, err)
	}
	if err := json.Unmarshal(v, out); err != nil {
		t.Fatalf("evaluating %.60s: %v", expr, err)
	}
}

// Media emulates a media feature such as prefers-color-scheme: dark.
func (p *Page) Media(t T, name, value string) {
	t.Helper()
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: name, Value: value}}}); err != nil {
		t.Fatal(err)
	}
}

// Tab presses the Tab key.
func (p *Page) Tab(t T) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent("\t")); err != nil {
		t.Fatal(err)
	}
}

// Enter presses the Enter key, as a person would on the focused element:
// unlike a click from script, it counts as the person's own action, which
// the clipboard asks for.
func (p *Page) Enter(t T) {
	t.Helper()
	p.Keys(t, "\r")
}

// Keys types keys as a keyboard does: "\r" is Enter.
func (p *Page) Keys(t T, keys string) {
	t.Helper()
	if err := chromedp.Do(p.ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatal(err)
	}
}

// Print makes the page render as for printing.
func (p *Page) Print(t T) {
	t.Helper()
	if _, err := chromedp.Call(p.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
}

// Screenshot returns a PNG of the whole page.
func (p *Page) Screenshot(t T) []byte {
	t.Helper()
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	return png
}

// Foreign returns the requests that went to a host other than local's.
func Foreign(requests []string, local string) []string {
	lu, _ := url.Parse(local)
	var out []string
	for _, r := range requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Host != lu.Host) {
			out = append(out, r)
		}
	}
	return out
}
