// Package sitetest builds test sites from txtar archives.
//
// An archive is a comment followed by files, each introduced by a line
//
//	-- path/to/file --
//
// Tests keep whole sites, broken content and expected output side by side in
// one readable file under testdata/.
package sitetest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
)

// Archive is a parsed txtar archive.
type Archive struct {
	Comment []byte
	Files   []File
}

// File is one file of an archive.
type File struct {
	Name string
	Data []byte
}

// Parse reads a txtar archive. It never fails: text before the first file
// marker is the comment.
func Parse(data []byte) *Archive {
	a := &Archive{}
	var cur *File
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		if name, ok := marker(line); ok {
			a.Files = append(a.Files, File{Name: name})
			cur = &a.Files[len(a.Files)-1]
			continue
		}
		l := append(append([]byte{}, line...), '\n')
		if cur == nil {
			a.Comment = append(a.Comment, l...)
		} else {
			cur.Data = append(cur.Data, l...)
		}
	}
	return a
}

func marker(line []byte) (string, bool) {
	s := string(line)
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < 7 {
		return "", false
	}
	return strings.TrimSpace(s[3 : len(s)-3]), true
}

// Format writes a as txtar text.
func Format(a *Archive) []byte {
	var buf bytes.Buffer
	buf.Write(a.Comment)
	for _, f := range a.Files {
		buf.WriteString("-- " + f.Name + " --\n")
		buf.Write(f.Data)
		if len(f.Data) > 0 && f.Data[len(f.Data)-1] != '\n' {
			buf.WriteByte('\n')
		}
	}
	return buf.Bytes()
}

// File returns the content of the named file and whether it exists.
func (a *Archive) File(name string) ([]byte, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// Merge returns base with the files of over added or replaced. A file in
// over whose content is the single line "(delete)" removes the file.
func Merge(base, over *Archive) *Archive {
	out := &Archive{Comment: over.Comment}
	for _, f := range base.Files {
		if _, ok := over.File(f.Name); !ok {
			out.Files = append(out.Files, f)
		}
	}
	for _, f := range over.Files {
		if strings.TrimSpace(string(f.Data)) != "(delete)" {
			out.Files = append(out.Files, f)
		}
	}
	slices.SortStableFunc(out.Files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// FS returns the files below prefix as an in-memory file system.
func (a *Archive) FS() fstest.MapFS {
	m := fstest.MapFS{}
	for _, f := range a.Files {
		m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return m
}

// WriteDir writes the files to dir.
func (a *Archive) WriteDir(dir string) error {
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
