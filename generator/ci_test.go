package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
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

// scripts collects every shell line of a CI file's run and script entries.
func scripts(v any, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && (k == "run") {
				*out = append(*out, strings.Split(strings.TrimSpace(s), "\n")...)
			}
			if list, ok := x.([]any); ok && (k == "script" || k == "before_script") {
				for _, l := range list {
					if s, ok := l.(string); ok {
						*out = append(*out, s)
					}
				}
			}
			scripts(x, out)
		}
	case []any:
		for _, x := range v {
			scripts(x, out)
		}
	}
}

func TestCITemplatesRunTheReadmeCommands(t *testing.T) {
	readme := readmeCommands(t)
	for _, file := range []string{"../.github/workflows/site.yml", "../.gitlab-ci.yml"} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := yaml.Unmarshal(b, &doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		var lines []string
		scripts(doc, &lines)
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
