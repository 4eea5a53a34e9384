// Package publish is the only code that writes a site to disk.
//
// A build is published atomically: files are written into a new directory
// next to the destination, and only when every file is written is the old
// destination swapped out for the new one. A failed or interrupted build
// leaves the previous output as it was.
//
// The generator deletes only what it created. Each output directory holds a
// marker file, .offenbar; a destination that exists without it is refused
// unless Force is set. No option lets a build write to "/", the home
// directory, the site directory or any of its ancestors, nor to site.toml,
// content/, templates/ or a .git folder, nor above or below one of them, nor
// to a folder that holds a .git: paths are compared with every symlink
// resolved.
package publish

import (
	"errors"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"offenbar/generator/diag"
)

// Marker is the file that marks a directory as offenbar's output.
const Marker = ".offenbar"

// Options steer Publish.
type Options struct {
	// Site is the site directory; the destination must not contain it.
	Site string
	// Sources are further folders the build reads, such as a templates
	// folder outside the site; the destination must not touch them either.
	Sources []string
	// Force allows replacing a non-empty destination without a marker.
	Force bool
}

// Publish writes files to dest, replacing what was there.
func Publish(dest string, files map[string][]byte, opts Options) error {
	tx, err := Begin(dest, opts)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := tx.Write(name, files[name]); err != nil {
			tx.Abort()
			return err
		}
	}
	return tx.Commit()
}

// Tx is a publication in progress: files go to a new directory next to the
// destination, which replaces the destination on Commit. Write may be called
// from several goroutines, so that pages are written as soon as they are
// rendered and need not all be held in memory.
type Tx struct {
	dest, tmp string
	root      *os.Root
	mu        sync.Mutex
	dirs      map[string]bool
}

// Begin starts publishing to dest.
func Begin(dest string, opts Options) (*Tx, error) {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	if err := checkDest(abs, opts); err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(abs)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".new-")
	if err != nil {
		return nil, err
	}
	// MkdirTemp creates a private directory; a web server must read it.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	root, err := os.OpenRoot(tmp)
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return &Tx{dest: abs, tmp: tmp, root: root, dirs: map[string]bool{}}, nil
}

// Write writes one file. Through os.Root, nothing can land outside the new
// directory, whatever the name.
func (tx *Tx) Write(name string, data []byte) error {
	if err := CheckPath(name); err != nil {
		return err
	}
	if d := path.Dir(name); d != "." {
		tx.mu.Lock()
		if !tx.dirs[d] {
			if err := tx.root.MkdirAll(d, 0o755); err != nil {
				tx.mu.Unlock()
				return err
			}
			tx.dirs[d] = true
		}
		tx.mu.Unlock()
	}
	return tx.root.WriteFile(name, data, 0o644)
}

// Commit marks the new directory as offenbar's and swaps it in.
func (tx *Tx) Commit() error {
	err := tx.root.WriteFile(Marker, []byte("This directory is written by offenbar. It is replaced on every build.\n"), 0o644)
	tx.root.Close()
	if err != nil {
		os.RemoveAll(tx.tmp)
		return err
	}
	return swap(tx.dest, tx.tmp)
}

// Abort throws the new directory away; the destination stays as it was.
func (tx *Tx) Abort() {
	tx.root.Close()
	os.RemoveAll(tx.tmp)
}

// CheckPath reports whether p is safe as an output file name: relative,
// forward slashes, no "..", no NUL.
func CheckPath(p string) error {
	switch {
	case p == "" || strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || filepath.IsAbs(p):
		return diag.Messagef("unsafe output path %q", p)
	case path.Clean(p) != p || p == "." || strings.HasPrefix(p, "../") || p == ".." || p == Marker:
		return diag.Messagef("unsafe output path %q", p)
	}
	return nil
}

// swap replaces dest by tmp. Between the two renames dest does not exist for
// a moment; it is never half-written.
func swap(dest, tmp string) error {
	old := ""
	if _, err := os.Lstat(dest); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(dest), "."+filepath.Base(dest)+".old-")
		if err != nil {
			return err
		}
		os.Remove(o)
		if err := os.Rename(dest, o); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		old = o
	}
	if err := os.Rename(tmp, dest); err != nil {
		if old != "" {
			os.Rename(old, dest)
		}
		os.RemoveAll(tmp)
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// removeStale deletes what an interrupted build left next to dest: the
// half-written new directory and the old one it was about to replace. Their
// names are offenbar's own and nobody else's.
func removeStale(dest string) {
	for _, kind := range []string{".new-", ".old-"} {
		matches, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+kind+"*"))
		for _, m := range matches {
			if fi, err := os.Lstat(m); err == nil && fi.IsDir() {
				os.RemoveAll(m)
			}
		}
	}
}

func checkDest(dest string, opts Options) error {
	if dest == "/" || dest == filepath.Dir(dest) {
		return diag.Messagef("refusing to write to %s: choose a directory such as public", dest)
	}
	real := resolve(dest)
	if home, err := os.UserHomeDir(); err == nil && (filepath.Clean(home) == dest || resolve(home) == real) {
		return diag.Messagef("refusing to write to the home directory %s", dest)
	}
	for _, part := range strings.Split(real, string(filepath.Separator)) {
		if part == ".git" {
			return diag.Messagef("refusing to write to %s: it is inside a git repository's .git folder", dest)
		}
	}
	if opts.Site != "" {
		site := resolve(opts.Site)
		if within(site, real) {
			return diag.Messagef("refusing to write to %s: it contains the site directory", dest)
		}
		ps := protected(site)
		for _, src := range opts.Sources {
			ps = append(ps, resolve(src))
		}
		for _, p := range ps {
			if within(real, p) || within(p, real) {
				return diag.Messagef("refusing to write to %s: it would replace %s, which holds the site's sources", dest, p)
			}
		}
	}
	if fi, err := os.Lstat(filepath.Join(dest, ".git")); err == nil && (fi.IsDir() || fi.Mode().IsRegular()) {
		return diag.Messagef("refusing to write to %s: it holds a git repository (.git)", dest)
	}
	if isGitDir(real) {
		return diag.Messagef("refusing to write to %s: it is a git repository's folder", dest)
	}
	fi, err := os.Lstat(dest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return diag.Messagef("refusing to write to %s: it is not a directory", dest)
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil || opts.Force {
		return nil
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return diag.Messagef("refusing to replace %s: it is not empty and was not written by offenbar (no %s file); use --force to replace it", dest, Marker)
	}
	return nil
}

// protected are the paths below or at which no build may write, besides
// the site directory itself: its sources and the .git folder of the site or
// of the repository it lies in.
func protected(site string) []string {
	ps := []string{filepath.Join(site, "site.toml"), filepath.Join(site, "content"), filepath.Join(site, "templates")}
	for dir := site; ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			ps = append(ps, filepath.Join(dir, ".git"))
		}
		if dir == filepath.Dir(dir) {
			return ps
		}
	}
}

// within reports whether p is dir or lies below it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// resolve returns p absolute with every symlink resolved. Of a path that
// does not exist yet, the longest part that exists is resolved, so that
// "link/public" compares as the folder that link points to.
func resolve(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		if dir == filepath.Dir(dir) {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// ReplaceFile writes data to name through a temporary file in the same
// folder that is then renamed over name, so that nobody ever reads half a
// file and a killed process leaves the old content or the new one.
func ReplaceFile(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".offenbar-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), name)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// isGitDir reports whether dir is the folder of a git repository itself,
// such as a bare repository, whatever its name: it has HEAD, objects/ and
// refs/.
func isGitDir(dir string) bool {
	head, err := os.Stat(filepath.Join(dir, "HEAD"))
	if err != nil || !head.Mode().IsRegular() {
		return false
	}
	for _, sub := range []string{"objects", "refs"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err != nil || !fi.IsDir() {
			return false
		}
	}
	return true
}
