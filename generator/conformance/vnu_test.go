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
	// The example and a town's site from init, in one run of Java.
	out, town := buildExample(t), buildTown(t)
	root := t.TempDir()
	dir, townDir := filepath.Join(root, "public"), filepath.Join(root, "musterstadt")
	if err := publish.Publish(dir, out.Files, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := publish.Publish(townDir, town.Files, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", "--also-check-svg", dir, townDir)
	msg, err := cmd.CombinedOutput()
	report := strings.TrimSpace(strings.ReplaceAll(string(msg), "file:"+root+"/", ""))
	if err != nil || report != "" {
		t.Errorf("the Nu Html Checker found errors in %d + %d pages:\n%s", out.Pages, town.Pages, report)
	}
	t.Logf("Nu Html Checker: %d pages of the example and %d of a town from init, no errors", out.Pages, town.Pages)
}
