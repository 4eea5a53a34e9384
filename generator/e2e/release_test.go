package e2e

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"offenbar/generator/browser"
	"offenbar/generator/scaffold"
	"offenbar/generator/site"
	"offenbar/generator/sitetest"
)

// TestReleaseBinary builds the binary for this machine with the release
// workflow's command, twice, and expects the same bytes. Then it runs the
// binary in a folder with no node_modules, on a site that its init wrote:
// build writes the chart runtime compiled into it, serve answers, and audit
// checks the built pages with the axe-core compiled into it.
func TestReleaseBinary(t *testing.T) {
	bundle := filepath.Join(root, site.RuntimeBundle)
	var sums [2][32]byte
	var exe string
	for i := range sums {
		if i == 0 {
			exe = releaseBinary(t)
		} else {
			var err error
			if exe, err = buildRelease(t, t.TempDir()); err != nil {
				t.Fatal(err)
			}
		}
		b, err := os.ReadFile(exe)
		if err != nil {
			t.Fatal(err)
		}
		sums[i] = sha256.Sum256(b)
	}
	if sums[0] != sums[1] {
		t.Errorf("two release builds of the same tree differ: %x, %x", sums[0], sums[1])
	}

	// A town's site as the binary's init writes it, its blanks filled and a
	// round added: no templates, far from any node_modules.
	dir := t.TempDir()
	start := exec.Command(exe, "init", "site")
	start.Dir = dir
	if out, err := start.CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	// Its CI templates download the release that wrote them.
	for _, f := range scaffold.CIFiles {
		b, err := os.ReadFile(filepath.Join(dir, "site", f))
		if want := "https://github.com/stadt-musterstadt/offenbar/releases/download/v9.9.9/offenbar-linux-amd64"; err != nil || !bytes.Contains(b, []byte(want)) {
			t.Errorf("%s does not download %s (%v)", f, want, err)
		}
	}
	if err := sitetest.FillTown(filepath.Join(dir, "site")); err != nil {
		t.Fatal(err)
	}
	build := exec.Command(exe, "build", "-s", "site", "-d", "out")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	want, _ := os.ReadFile(bundle)
	if got, err := os.ReadFile(filepath.Join(dir, "out", "assets", "echarts.min.js")); err != nil || !bytes.Equal(got, want) {
		t.Errorf("the binary did not write the chart runtime compiled into it (%v)", err)
	}

	if browser.Path() != "" || os.Getenv("CI") == "true" {
		audit := exec.Command(exe, "audit", "-s", "site", "-d", "out", "--lang", "en")
		audit.Dir = dir
		out, err := audit.CombinedOutput()
		if err != nil || !regexp.MustCompile(`audited \d+ pages in light and dark mode in \d+ s: 0 problems`).Match(out) {
			t.Errorf("audit: %v\n%s", err, out)
		}
	}

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	serve := exec.Command(exe, "serve", "-s", "site", "--port", fmt.Sprint(port))
	serve.Dir = dir
	var log bytes.Buffer
	serve.Stdout, serve.Stderr = &log, &log
	if err := serve.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { serve.Process.Kill(); serve.Wait() }()
	var body []byte
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/", port))
		if err != nil {
			continue
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			break
		}
	}
	if !bytes.Contains(body, []byte(`<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>`)) {
		t.Errorf("serve did not answer with the home page; its output:\n%s\nbody:\n%.500s", log.String(), body)
	}
}

// release is the binary of the release workflow for this machine, built
// once for the tests that need it.
var release struct {
	sync.Once
	exe string
	err error
}

// releaseBinary returns the release workflow's binary for this machine,
// as a town downloads it. Without npm ci it skips the test, except in CI.
func releaseBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the release binary")
	}
	if bundle := filepath.Join(root, site.RuntimeBundle); !exists(bundle) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing: npm ci bundles it", bundle)
		}
		t.Skipf("%s is missing: run npm ci", bundle)
	}
	release.Do(func() { release.exe, release.err = buildRelease(t, filepath.Join(tmp, "dist")) })
	if release.err != nil {
		t.Fatal(release.err)
	}
	return release.exe
}

// buildRelease builds the binary for this machine into dist with the
// release workflow's command and returns its path.
func buildRelease(t *testing.T, dist string) (string, error) {
	workflow := releaseCommand(t)
	cmd := exec.Command("bash", "-c", workflow)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "PLATFORMS="+runtime.GOOS+"/"+runtime.GOARCH, "DIST="+dist, "GITHUB_REPOSITORY=stadt-musterstadt/offenbar", "GITHUB_REF_NAME=v9.9.9")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s: %v\n%s", workflow, err, out)
	}
	exe := strings.TrimSpace(string(out))
	if !exists(exe) {
		return "", fmt.Errorf("%s printed %q, which is no binary", workflow, out)
	}
	return exe, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// releaseCommand is the command of the release workflow that builds the
// binaries.
func releaseCommand(t *testing.T) string {
	t.Helper()
	lines := ciLines(t, filepath.Join(root, ".github/workflows/release.yml"), "")
	for _, l := range lines {
		if strings.Contains(l, ".ci/release") {
			return strings.TrimSpace(l)
		}
	}
	t.Fatalf("release.yml runs no .ci/release; it runs %q", lines)
	return ""
}
