package conformance

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"offenbar/generator/publish"
)

// TestNuHTMLChecker validates every page of the example site with the Nu
// Html Checker (npm vnu-jar, run with Java) and fails on any error.
func TestNuHTMLChecker(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("java is not installed; .ci/run installs it")
		}
		t.Skip("java is not installed")
	}
	jar, _ := filepath.Abs("../../node_modules/vnu-jar/build/dist/vnu.jar")
	if _, err := os.Stat(jar); err != nil {
		t.Fatal("vnu-jar is not installed: run npm ci")
	}
	out := buildExample(t)
	dir := filepath.Join(t.TempDir(), "public")
	if err := publish.Publish(dir, out.Files, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", "--also-check-svg", dir)
	msg, err := cmd.CombinedOutput()
	report := strings.TrimSpace(strings.ReplaceAll(string(msg), "file:"+dir+"/", ""))
	if err != nil || report != "" {
		t.Errorf("the Nu Html Checker found errors in %d pages:\n%s", out.Pages, report)
	}
	t.Logf("Nu Html Checker: %d pages, no errors", out.Pages)
}
