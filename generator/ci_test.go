package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"offenbar/generator/sitetest"
)

// readmeCommands returns the two command lines of the README Quickstart.
func readmeCommands(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)## Quickstart.*?```sh\n(.*?)```").FindSubmatch(b)
	if m == nil {
		t.Fatal("README has no Quickstart code block")
	}
	lines := strings.Split(strings.TrimSpace(string(m[1])), "\n")
	want := []string{"npm ci && go run ./generator build", "npm ci && go test ./..."}
	if !slices.Equal(lines, want) {
		t.Fatalf("Quickstart = %q, want exactly %q", lines, want)
	}
	return lines
}

func TestCITemplatesRunTheReadmeCommands(t *testing.T) {
	readme := readmeCommands(t)
	for _, file := range []string{"../.github/workflows/site.yml", "../.gitlab-ci.yml"} {
		lines := ciLines(t, file, "")
		for _, cmd := range readme {
			if !slices.Contains(lines, cmd) {
				t.Errorf("%s does not run %q; it runs %q", file, cmd, lines)
			}
		}
		// Publishing comes after check and build.
		check := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "./generator check") })
		build := slices.Index(lines, readme[0])
		if check < 0 || check > build {
			t.Errorf("%s: check must run before build", file)
		}
	}
}

func TestCIRunsTheReadmeTestLine(t *testing.T) {
	test := readmeCommands(t)[1]
	b, err := os.ReadFile("../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(strings.Split(string(b), "\n"), test) {
		t.Errorf(".ci/run does not run %q as written in the README", test)
	}
}

// TestPreviewJobs runs the build command of each CI template's preview job
// against a copy of the example, as the job would, with the address the job
// gets from its CI system, and checks the preview that comes out.
func TestPreviewJobs(t *testing.T) {
	for _, tc := range []struct {
		file, job string
		env       map[string]string
		base      string
	}{
		// GitLab's CI_PAGES_URL includes the parallel deployment's prefix
		// and has no trailing slash.
		{"../.gitlab-ci.yml", "preview", map[string]string{"CI_PAGES_URL": "https://gruppe.gitlab.io/weltoffen/mr-12"}, "https://gruppe.gitlab.io/weltoffen/mr-12/"},
		{"../.github/workflows/site.yml", "build", nil, "http://localhost:8000/"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			build := previewBuild(t, tc.file, tc.job, "go run ./generator", tc.env)
			site := t.TempDir()
			for _, name := range []string{"content", "templates"} {
				if err := os.CopyFS(filepath.Join(site, name), os.DirFS(filepath.Join("..", name))); err != nil {
					t.Fatal(err)
				}
			}
			cfg, err := os.ReadFile("../site.toml")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(site, "site.toml"), cfg, 0o644); err != nil {
				t.Fatal(err)
			}
			// The job builds into its working directory; so does the test.
			dest := filepath.Join(site, "public")
			if i := slices.Index(build, "-d"); i >= 0 {
				dest = filepath.Join(site, build[i+1])
				build = slices.Delete(build, i, i+2)
			}
			code, _, stderr := runCmd(t, append(build, "-s", site, "-d", dest)...)
			if code != 0 {
				t.Fatalf("%q: exit %d\n%s", build, code, stderr)
			}
			checkPreview(t, readTree(t, dest), tc.base, "..", 1000)
		})
	}
}

// ciLines returns the shell lines of a CI file's job, or of all its jobs
// when job is "".
func ciLines(t *testing.T, file, job string) []string {
	t.Helper()
	lines, err := sitetest.CILines(file, job)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// previewBuild returns the arguments, from "build" on, of the preview
// build that job runs with program (such as "go run ./generator"), with
// the variables of env expanded as the CI system would.
func previewBuild(t *testing.T, file, job, program string, env map[string]string) []string {
	t.Helper()
	lines := ciLines(t, file, job)
	n := len(strings.Fields(program))
	for _, l := range lines {
		for _, part := range strings.Split(l, "&&") {
			words := shellWords(os.Expand(strings.TrimSpace(part), func(k string) string { return env[k] }))
			if len(words) > n+1 && strings.Join(words[:n+1], " ") == program+" build" && slices.Contains(words, "--preview") {
				return words[n:]
			}
		}
	}
	t.Fatalf("%s: job %q runs no preview build; it runs %q", file, job, lines)
	return nil
}
