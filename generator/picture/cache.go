package picture

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"offenbar/generator/publish"
)

// settings names everything besides the source that decides the output,
// so that a change to any of them misses the cache.
var settings = fmt.Sprintf("picture v2, box reduce, widths %v, jpeg quality %d, CatmullRom, png best", Widths, JPEGQuality)

// Cache keeps processed photos in memory and, when Dir is set, in a
// directory, keyed by the hash of the source and the settings. A cached
// result is byte for byte what processing gives, so a build from the cache
// equals a cold one. It is safe for concurrent use.
type Cache struct {
	Dir string
	// Memory is how many bytes decoded images may take at once; 0 means
	// DefaultMemory. An image larger than that is processed alone.
	Memory int64

	mem    sync.Map // key -> *Result
	once   sync.Once
	budget *budget
}

// DefaultMemory is the default of Cache.Memory.
const DefaultMemory = 512 << 20

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
	_, cost, err := check(src, f, lim)
	if err != nil {
		return nil, err
	}
	c.once.Do(func() { c.budget = newBudget(cmp.Or(c.Memory, DefaultMemory)) })
	release := c.budget.acquire(cost)
	r, err := Process(src, f, lim)
	release()
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

// budget hands out bytes of memory to images being processed, so that
// eight large photos on eight cores do not take eight times the memory of
// one.
type budget struct {
	mu    sync.Mutex
	freed *sync.Cond
	total int64
	free  int64
}

func newBudget(total int64) *budget {
	b := &budget{total: total, free: total}
	b.freed = sync.NewCond(&b.mu)
	return b
}

// bigImage is the size from which an image's memory is given back to the
// system as soon as it is done, instead of at the next garbage collection,
// when the heap may already have grown by another one.
const bigImage = 256 << 20

// acquire waits until n bytes are free, takes them and returns the function
// that gives them back. More than the whole budget waits for all of it.
func (b *budget) acquire(n int64) (release func()) {
	n = min(n, b.total)
	b.mu.Lock()
	for b.free < n {
		b.freed.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return func() {
		if n >= bigImage {
			runtime.GC()
		}
		b.mu.Lock()
		b.free += n
		b.mu.Unlock()
		b.freed.Broadcast()
	}
}

// Bytes is f(src) through the cache, for files that are made anew from
// their source on every build besides photos, such as documents without
// their metadata. kind names f and its version. Errors are not cached.
func (c *Cache) Bytes(kind string, src []byte, f func([]byte) ([]byte, error)) ([]byte, error) {
	if c == nil {
		return f(src)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", kind)
	h.Write(src)
	k := hex.EncodeToString(h.Sum(nil))
	if r, ok := c.mem.Load(k); ok {
		return r.([]byte), nil
	}
	name := filepath.Join(c.Dir, k[:2], k+".bin")
	// An entry begins with the SHA-256 of the rest, so that a damaged or
	// changed entry is made again instead of published.
	if c.Dir != "" {
		if b, err := os.ReadFile(name); err == nil && len(b) > sha256.Size {
			if sum := sha256.Sum256(b[sha256.Size:]); bytes.Equal(sum[:], b[:sha256.Size]) {
				c.mem.Store(k, b[sha256.Size:])
				return b[sha256.Size:], nil
			}
		}
	}
	b, err := f(src)
	if err != nil {
		return nil, err
	}
	c.mem.Store(k, b)
	if c.Dir != "" && os.MkdirAll(filepath.Dir(name), 0o755) == nil {
		sum := sha256.Sum256(b)
		publish.ReplaceFile(name, append(sum[:], b...))
	}
	return b, nil
}
