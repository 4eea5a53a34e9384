package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"offenbar/generator/diag"
)

// starter is the site that `offenbar init` writes: site.toml with every key
// explained, the legally required pages and an instrument with the seven
// action fields of the Weltoffene Kommune self-check and no questions. What
// the town must fill in is marked «AUSFÜLLEN: …».
//
//go:embed all:starter
var starter embed.FS

// CIFiles are the CI templates that init writes. Their placeholders are
// the town's to fill in like those of its content.
var CIFiles = []string{".gitlab-ci.yml", ".github/workflows/site.yml"}

// ReleaseBase is the address the release binaries of this offenbar are
// published at, such as
// https://github.com/OWNER/offenbar/releases/download/v1.2.0. The release
// workflow sets it (.ci/release, -ldflags -X), so that the CI templates that
// init writes download the very version that wrote them. A build from
// source leaves it empty, and init leaves a placeholder instead.
var ReleaseBase string

// releaseURL is the address of the Linux binary for the CI templates.
func releaseURL() string {
	if ReleaseBase == "" {
		return diag.PlaceholderOpen + " Adresse der Datei offenbar-linux-amd64 eines Releases" + diag.PlaceholderClose
	}
	return strings.TrimSuffix(ReleaseBase, "/") + "/offenbar-linux-amd64"
}

// reference marks where a starter file names its German reference:
// @REFERENZ:site-toml.md@.
var reference = regexp.MustCompile(`@REFERENZ:([a-z0-9-]+\.md)@`)

// emptyDirs are the folders a new site starts with that hold no file yet.
var emptyDirs = []string{"content/articles", "content/events", "content/measures", "content/selfcheck/rounds", "content/static"}

// Init writes a new site into dir, which must not exist or be empty, and
// returns the files it wrote, relative to dir. It never writes into a folder
// that holds anything, so that no content is lost.
func Init(dir string, today time.Time) ([]string, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, diag.Messagef("%s: folder is not empty (it holds %s); init writes only into a new or empty folder", dir, entries[0].Name())
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	root, err := fs.Sub(starter, "starter")
	if err != nil {
		return nil, err
	}
	var wrote []string
	err = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		// The accessibility statement starts dated today.
		b = bytes.ReplaceAll(b, []byte("@HEUTE@"), []byte(today.Format(time.DateOnly)))
		b = bytes.ReplaceAll(b, []byte("@OFFENBAR_URL@"), []byte(releaseURL()))
		b = reference.ReplaceAllFunc(b, func(m []byte) []byte {
			return []byte(ReferenceFor(string(reference.FindSubmatch(m)[1])))
		})
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		wrote = append(wrote, p)
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return nil, err
	}
	for _, d := range emptyDirs {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(d)), 0o755); err != nil {
			return nil, err
		}
	}
	return wrote, nil
}
