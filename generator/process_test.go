package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"offenbar/generator/sitetest"
)

// TestMain lets tests run the command in a child process: with
// OFFENBAR_MAIN=1 the test binary is the offenbar command.
func TestMain(m *testing.M) {
	if os.Getenv("OFFENBAR_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	// Tests see a fixed "now", so that what depends on the day (drafts in
	// the future, the age of the accessibility statement) is reproducible.
	os.Setenv("SOURCE_DATE_EPOCH", "1795564800") // 2026-11-25
	sitetest.RaiseDefaultTimeout()
	os.Exit(m.Run())
}

// command returns the offenbar command as a child process.
func command(t *testing.T, dir string, env []string, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "OFFENBAR_MAIN=1"), env...)
	return cmd
}

// TestSymlinkOutsideSite refuses a content file that links out of the site.
func TestSymlinkOutsideSite(t *testing.T) {
	dir := writeSite(t, readArchive(t, "testdata/base.txtar"))
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("+++\ntitle = \"x\"\ndate = 2024-01-01\n+++\ngeheim\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "content/articles/2024-01-01-geheim.md")); err != nil {
		t.Skip(err)
	}
	code, _, stderr := runCmd(t, buildArgs(dir)...)
	want := "content/articles/2024-01-01-geheim.md: symbolic link points outside the site directory; copy the file into the site instead\n"
	if code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

// TestSymlinkInsideSite refuses links below content/ that point elsewhere
// in the site, such as to .git/config, whose token a CI job may hold, and
// never publishes a dot-file or dot-folder of content/static.
func TestSymlinkInsideSite(t *testing.T) {
	dir := writeSite(t, readArchive(t, "testdata/base.txtar"))
	for name, data := range map[string]string{
		".git/config":                  "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n",
		"content/static/.git/config":   "[core]\n",
		"content/static/.env":          "TOKEN=secret\n",
		"content/static/a/.htaccess":   "AddType text/html .txt\n",
		"content/static/dokumente.txt": "Liste\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(data), 0o644)
	}
	if err := os.Symlink("../../.git/config", filepath.Join(dir, "content/static/config.txt")); err != nil {
		t.Skip(err)
	}
	code, _, stderr := runCmd(t, buildArgs(dir)...)
	want := "content/static/config.txt: symbolic link points outside the content folder; copy the file into content/ instead\n"
	if code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant first:\n%s", code, stderr, want)
	}

	// A link inside content/ is followed; dot-files are left out.
	os.Remove(filepath.Join(dir, "content/static/config.txt"))
	if err := os.Symlink("dokumente.txt", filepath.Join(dir, "content/static/liste.txt")); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd(t, buildArgs(dir, "-d", dest)...); code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if b, err := os.ReadFile(filepath.Join(dest, "liste.txt")); err != nil || string(b) != "Liste\n" {
		t.Errorf("liste.txt, a link to a file in content/static: %q, %v", b, err)
	}
	for name := range readTree(t, dest) {
		if strings.Contains("/"+name, "/.") && name != ".offenbar" {
			t.Errorf("published a dot-file: %s", name)
		}
	}
}

// TestControlCharactersInFileNames names files with a newline and ESC: the
// build refuses them, and neither output format passes them on raw, where
// they could forge a line or steer the terminal.
func TestControlCharactersInFileNames(t *testing.T) {
	dir := writeSite(t, readArchive(t, "testdata/base.txtar"))
	for _, name := range []string{
		"content/static/a\ncontent/articles/x.md:1:1: alles gut.txt",
		"content/static/\x1b[2J\x1b]0;titel\x07rot.txt",
		"content/articles/2024-07-01-fest/index.md",
		"content/articles/2024-07-01-fest/b\x1b[31m.pdf",
		"content/pages/\x1b[31mrot.md",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		data := "x\n"
		if strings.HasSuffix(name, ".md") {
			data = "+++\ntitle = \"Fest\"\ndate = 2024-07-01\n+++\nText.\n"
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Skip(err)
		}
	}
	check := func(wants ...string) {
		t.Helper()
		for _, format := range []string{"text", "github"} {
			code, _, stderr := runCmd(t, buildArgs(dir, "--format", format)...)
			if code != 1 {
				t.Errorf("--format %s: exit %d, want 1\n%s", format, code, stderr)
			}
			if strings.ContainsAny(stderr, "\x1b\x07\r") {
				t.Errorf("--format %s: control characters reach the terminal:\n%q", format, stderr)
			}
			for line := range strings.SplitSeq(strings.TrimSuffix(stderr, "\n"), "\n") {
				if strings.HasPrefix(line, "content/articles/x.md") || strings.HasPrefix(line, "alles gut") {
					t.Errorf("--format %s: a file name forged the line %q", format, line)
				}
			}
			for _, want := range wants {
				if !strings.Contains(stderr, want) {
					t.Errorf("--format %s: no %s in\n%s", format, want, stderr)
				}
			}
		}
	}
	check(`content/pages/\x1b[31mrot.md`)
	os.Remove(filepath.Join(dir, "content/pages/\x1b[31mrot.md"))
	check(`"a\ncontent/articles/x.md:1:1: alles gut.txt"`, `content/static/\x1b[2J\x1b]0;titel\arot.txt`, `b\x1b[31m.pdf`)
}
