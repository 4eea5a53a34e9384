package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"offenbar/generator/corpus"
)

// TestDeterministicAcrossEnvironments builds the example from two working
// directories, in two time zones and with two GOMAXPROCS settings, and
// compares the output byte for byte.
func TestDeterministicAcrossEnvironments(t *testing.T) {
	abs, _ := filepath.Abs(root)
	runs := []struct {
		dir string
		env []string
	}{
		{abs, []string{"TZ=UTC", "GOMAXPROCS=1"}},
		{t.TempDir(), []string{"TZ=Pacific/Kiritimati", "GOMAXPROCS=2"}},
		{filepath.Join(abs, "generator"), []string{"TZ=America/Los_Angeles", "GOMAXPROCS=7"}},
	}
	var first map[string][]byte
	for i, r := range runs {
		dest := filepath.Join(t.TempDir(), "public")
		out, err := command(r.dir, r.env, "build", "-s", abs, "-d", dest).CombinedOutput()
		if err != nil {
			t.Fatalf("build %d: %v\n%s", i, err, out)
		}
		files := readTree(t, dest)
		if first == nil {
			first = files
			continue
		}
		if len(files) != len(first) {
			t.Fatalf("build %d wrote %d files, the first %d", i, len(files), len(first))
		}
		for name, b := range files {
			if !bytes.Equal(b, first[name]) {
				t.Errorf("build %d (%v): %s differs", i, r.env, name)
			}
		}
	}
}

// TestKillDuringBuild kills a build with SIGKILL while it writes and checks
// that the previous output is byte-identical, then that the next build
// cleans up and succeeds.
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large site")
	}
	site := t.TempDir()
	if err := corpus.Generate(root, site, 3000, 1); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	// The previous, good build.
	if out, err := command(root, nil, "build", "-s", site, "-d", dest).CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	before := readTree(t, dest)

	// Change the site title, which is on every page, so that a build that
	// got through would differ; then kill builds at several moments.
	cfg, _ := os.ReadFile(filepath.Join(site, "site.toml"))
	os.WriteFile(filepath.Join(site, "site.toml"), bytes.Replace(cfg, []byte(`title = "Weltoffenes Lindenbrück"`), []byte(`title = "Neuer Titel"`), 1), 0o644)
	killed := 0
	for _, after := range []time.Duration{50 * time.Millisecond, 300 * time.Millisecond, 600 * time.Millisecond} {
		cmd := command(root, nil, "build", "-s", site, "-d", dest)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			killed++
		}
		cmd.Wait()
		now := readTree(t, dest)
		if len(now) != len(before) {
			t.Fatalf("after a kill at %v: %d files, before %d", after, len(now), len(before))
		}
		for name, b := range before {
			if !bytes.Equal(b, now[name]) {
				t.Fatalf("after a kill at %v: %s changed", after, name)
			}
		}
	}
	if killed == 0 {
		t.Fatal("no build was killed; the builds were too fast to test")
	}
	if out, err := command(root, nil, "build", "-s", site, "-d", dest).CombinedOutput(); err != nil {
		t.Fatalf("build after kills: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); !bytes.Contains(b, []byte("Neuer Titel")) {
		t.Error("the build after the kills did not publish the change")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") || strings.Contains(e.Name(), ".old-") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
