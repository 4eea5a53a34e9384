package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"offenbar/generator/browser"
	"offenbar/generator/scaffold"
	"offenbar/generator/sitetest"
)

// TestTownPipeline runs the commands of the check job of each CI template
// that init writes, as a town's pipeline runs them after a content change:
// check, build, then the browser audit of every built page (axe-core in
// light and dark mode, requests, console, CSP, storage), on a town fresh
// from init with its blanks filled. Installing Chromium is the runner's
// business; without it the audit is skipped, except in CI. The commands
// run the release workflow's binary, which the templates download.
func TestTownPipeline(t *testing.T) {
	offenbar := releaseBinary(t)
	for _, tc := range []struct{ file, job string }{
		{".gitlab-ci.yml", "check"},
		{".github/workflows/site.yml", "build"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "musterstadt")
			if _, err := scaffold.Init(dir, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			if err := sitetest.FillTown(dir); err != nil {
				t.Fatal(err)
			}
			audited := false
			for _, line := range ciLines(t, filepath.Join(dir, tc.file), tc.job) {
				for _, cmd := range strings.Split(line, " && ") {
					args := strings.Fields(cmd)
					if len(args) < 2 || args[0] != "offenbar" || args[1] == "version" || strings.Contains(cmd, "--preview") {
						continue // installing, and the preview, which package main's TestPreviewJobs covers
					}
					if args[1] == "audit" {
						if browser.Path() == "" && os.Getenv("CI") != "true" {
							t.Log("chromium is not installed; the audit is left out")
							continue
						}
						audited = true
					}
					// The job runs in the town's folder.
					args = append(args[1:], "--lang", "en")
					run := exec.Command(offenbar, args...)
					run.Dir = dir
					var stdoutb, stderrb bytes.Buffer
					run.Stdout, run.Stderr = &stdoutb, &stderrb
					err := run.Run()
					stdout, stderr := stdoutb.String(), stderrb.String()
					if err != nil {
						t.Fatalf("%s: %v\n%s%s", cmd, err, stdout, stderr)
					}
					if args[0] == "audit" {
						t.Log(strings.TrimSpace(stdout))
						if !regexp.MustCompile(`^audited ([2-9]\d|1\d) pages in light and dark mode in \d+ s: 0 problems\n$`).MatchString(stdout) {
							t.Errorf("audit printed %q, want at least 15 pages and 0 problems", stdout)
						}
					}
				}
			}
			if !audited && (browser.Path() != "" || os.Getenv("CI") == "true") {
				t.Errorf("the %s job of %s runs no audit", tc.job, tc.file)
			}
		})
	}
}
