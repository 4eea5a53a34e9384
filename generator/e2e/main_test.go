package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"offenbar/generator/sitetest"
)

// root is the source tree: the example site, its CI files, the README.
const root = "../.."

// exe is the offenbar command, built by TestMain into tmp, a folder that
// TestMain removes at the end.
var exe, tmp string

// TestMain builds the offenbar command once, as go build does for a
// developer, and runs the tests against it.
func TestMain(m *testing.M) {
	// Tests see a fixed "now", so that what depends on the day is
	// reproducible.
	os.Setenv("SOURCE_DATE_EPOCH", "1795564800") // 2026-11-25
	sitetest.RaiseDefaultTimeout()
	var err error
	tmp, err = os.MkdirTemp("", "offenbar-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	exe = filepath.Join(tmp, "offenbar")
	build := exec.Command("go", "build", "-o", exe, "offenbar/generator")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build offenbar/generator: %v\n%s", err, out)
		os.RemoveAll(tmp)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// command returns the offenbar command as a child process in dir, with
// env added to this process's environment.
func command(dir string, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(exe, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := sitetest.ReadTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func ciLines(t *testing.T, file, job string) []string {
	t.Helper()
	lines, err := sitetest.CILines(file, job)
	if err != nil {
		t.Fatal(err)
	}
	return lines
}
