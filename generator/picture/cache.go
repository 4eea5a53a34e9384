package picture

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"offenbar/generator/publish"
)

// settings names everything besides the source that decides the output,
// so that a change to any of them misses the cache.
var settings = fmt.Sprintf("picture v2, widths %v, jpeg quality %d, CatmullRom, png best", Widths, JPEGQuality)

// Cache keeps processed photos in memory and, when Dir is set, in a
// directory, keyed by the hash of the source and the settings. A cached
// result is byte for byte what processing gives, so a build from the cache
// equals a cold one. It is safe for concurrent use.
type Cache struct {
	Dir string
	mem sync.Map // key -> *Result
}

type manifest struct {
	Settings      string
	Format        Format
	Width, Height int
	Variants      [][2]int // width, height
	SHA256        []string // of each variant's file
}

func key(src []byte, f Format, lim Limits) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%d %d\n", settings, f, lim.MaxBytes, lim.MaxPixels)
	h.Write(src)
	return hex.EncodeToString(h.Sum(nil))
}

// Process is the package's Process through the cache. Errors are not
// cached: a photo that fails is processed again, and fails again, on the
// next build.
func (c *Cache) Process(src []byte, f Format, lim Limits) (*Result, error) {
	if c == nil {
		return Process(src, f, lim)
	}
	k := key(src, f, lim)
	if r, ok := c.mem.Load(k); ok {
		return r.(*Result), nil
	}
	if r := c.read(k); r != nil {
		c.mem.Store(k, r)
		return r, nil
	}
	r, err := Process(src, f, lim)
	if err != nil {
		return nil, err
	}
	c.mem.Store(k, r)
	c.write(k, r)
	return r, nil
}

func (c *Cache) file(k string, w int) string {
	if w < 0 {
		return filepath.Join(c.Dir, k[:2], k+".json")
	}
	return filepath.Join(c.Dir, k[:2], fmt.Sprintf("%s-%d", k, w))
}

func hash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// read returns the cached result for k, or nil when there is none or any
// part of it is missing, damaged or changed: each variant must have the
// hash that the manifest gives, and be an image of the format and size it
// says. Processing then makes the entry again.
func (c *Cache) read(k string) *Result {
	if c.Dir == "" {
		return nil
	}
	b, err := os.ReadFile(c.file(k, -1))
	if err != nil {
		return nil
	}
	var m manifest
	if json.Unmarshal(b, &m) != nil || m.Settings != settings {
		return nil
	}
	if len(m.SHA256) != len(m.Variants) || len(m.Variants) == 0 || m.Format != JPEG && m.Format != PNG {
		return nil
	}
	r := &Result{Format: m.Format, Width: m.Width, Height: m.Height}
	for i, v := range m.Variants {
		data, err := os.ReadFile(c.file(k, v[0]))
		if err != nil || len(data) == 0 || hash(data) != m.SHA256[i] {
			return nil
		}
		// A variant must be an image of the format and size the manifest
		// says, such as what a changed manifest would vouch for.
		cfg, err := Check(data, m.Format, Limits{MaxBytes: int64(len(data)), MaxPixels: v[0] * v[1]})
		if err != nil || cfg.Width != v[0] || cfg.Height != v[1] {
			return nil
		}
		r.Variants = append(r.Variants, Variant{Width: v[0], Height: v[1], Data: data})
	}
	return r
}

// write stores r under k. A cache that cannot be written only costs time,
// so errors are ignored; each file is written under a temporary name and
// renamed, so a killed build never leaves half a file.
func (c *Cache) write(k string, r *Result) {
	if c.Dir == "" {
		return
	}
	if os.MkdirAll(filepath.Dir(c.file(k, -1)), 0o755) != nil {
		return
	}
	put := func(name string, data []byte) bool { return publish.ReplaceFile(name, data) == nil }
	m := manifest{Settings: settings, Format: r.Format, Width: r.Width, Height: r.Height}
	for _, v := range r.Variants {
		if !put(c.file(k, v.Width), v.Data) {
			return
		}
		m.Variants = append(m.Variants, [2]int{v.Width, v.Height})
		m.SHA256 = append(m.SHA256, hash(v.Data))
	}
	b, _ := json.Marshal(m)
	put(c.file(k, -1), b) // the manifest last: it makes the entry valid
}
