// Package publish is the only code that writes a site to disk.
//
// A build is published atomically: files are written into a new directory
// next to the destination, and only when every file is written is the old
// destination swapped out for the new one. A failed or interrupted build
// leaves the previous output as it was.
//
// The generator deletes only what it created. Each output directory holds a
// marker file, .offenbar; a destination that exists without it is refused
// unless Force is set, and so are "/", the home directory, and the site
// directory or any of its ancestors.
package publish

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Marker is the file that marks a directory as offenbar's output.
const Marker = ".offenbar"

// Options steer Publish.
type Options struct {
	// Site is the site directory; the destination must not contain it.
	Site string
	// Force allows replacing a non-empty destination without a marker.
	Force bool
}

// Publish writes files to dest, replacing what was there.
func Publish(dest string, files map[string][]byte, opts Options) error {
	abs, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if err := checkDest(abs, opts); err != nil {
		return err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeStale(abs)
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(abs)+".new-")
	if err != nil {
		return err
	}
	// MkdirTemp creates a private directory; a web server must read it.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := write(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(abs, tmp)
}

// CheckPath reports whether p is safe as an output file name: relative,
// forward slashes, no "..", no NUL.
func CheckPath(p string) error {
	switch {
	case p == "" || strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || filepath.IsAbs(p):
		return fmt.Errorf("unsafe output path %q", p)
	case path.Clean(p) != p || p == "." || strings.HasPrefix(p, "../") || p == ".." || p == Marker:
		return fmt.Errorf("unsafe output path %q", p)
	}
	return nil
}

func write(dir string, files map[string][]byte) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	names := make([]string, 0, len(files))
	dirs := map[string]bool{}
	for name := range files {
		if err := CheckPath(name); err != nil {
			return err
		}
		names = append(names, name)
		if d := path.Dir(name); d != "." {
			dirs[d] = true
		}
	}
	slices.Sort(names)
	for d := range dirs {
		if err := root.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	// Writing is dominated by system calls; a few workers keep the disk busy.
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan string)
	)
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for name := range next {
				if err := root.WriteFile(name, files[name], 0o644); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, n := range names {
		next <- n
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	return root.WriteFile(Marker, []byte("This directory is written by offenbar. It is replaced on every build.\n"), 0o644)
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
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
		return fmt.Errorf("refusing to write to %s: choose a directory such as public", dest)
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(home) == dest {
		return fmt.Errorf("refusing to write to the home directory %s", dest)
	}
	if opts.Site != "" {
		site, err := filepath.Abs(opts.Site)
		if err == nil && (site == dest || strings.HasPrefix(site+string(filepath.Separator), dest+string(filepath.Separator))) {
			return fmt.Errorf("refusing to write to %s: it contains the site directory", dest)
		}
	}
	fi, err := os.Lstat(dest)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("refusing to write to %s: it is not a directory", dest)
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err == nil || opts.Force {
		return nil
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("refusing to replace %s: it is not empty and was not written by offenbar (no %s file); use --force to replace it", dest, Marker)
	}
	return nil
}
