package picture

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// bigPNG is a 16-bit PNG of w×h pixels in one colour: small on disk,
// 8 bytes a pixel decoded.
func bigPNG(t testing.TB, w, h int) []byte {
	img := image.NewNRGBA64(image.Rect(0, 0, w, h))
	for i := 0; i < len(img.Pix); i += 8 {
		copy(img.Pix[i:], []byte{0x80, 0, 0x40, 0, 0xC0, 0, 0xFF, 0xFF})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// peakHeap calls f and returns the most heap it had in use at once.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	done := make(chan bool)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		// A sampling period, not a deadline: a busy machine samples less
		// often, which can only lower the peak seen, never fail a wait.
		sample := time.NewTicker(5 * time.Millisecond)
		defer sample.Stop()
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-sample.C:
			}
		}
	}()
	f()
	close(done)
	wg.Wait()
	return peak.Load()
}

// TestMemoryBudget processes eight large 16-bit PNGs on eight cores: the
// memory they take at once follows the budget, not the number of cores.
// Each takes 48 MB decoded and 102 MB for the scaling filter, about 200 MB
// in all as Check estimates it; unbudgeted, eight at once would take 1.6 GB.
func TestMemoryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes 48 megapixels")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	src := bigPNG(t, 3000, 2000)
	c := &Cache{Memory: 256 << 20}
	deadline := time.AfterFunc(120*time.Second, func() { panic("eight photos took more than 120 s") })
	defer deadline.Stop()
	errs := make([]error, 8)
	peak := peakHeap(func() {
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// A byte after IEND makes each file another one for the cache.
				r, err := c.Process(append(bytes.Clone(src), byte(i)), PNG, DefaultLimits)
				if errs[i] = err; err != nil {
					return
				}
				if w := r.Variants[len(r.Variants)-1]; r.Width != 3000 || w.Width != 1600 || w.Height != 1067 {
					t.Errorf("photo %d: %d×%d, widest %d×%d, want 3000×2000 and 1600×1067", i, r.Width, r.Height, w.Width, w.Height)
				}
			}()
		}
		wg.Wait()
	})
	for i, err := range errs {
		if err != nil {
			t.Errorf("photo %d: %v", i, err)
		}
	}
	t.Logf("peak heap %d MB", peak>>20)
	if peak > 400<<20 {
		t.Errorf("peak heap %d MB, want at most 400 MB: one photo at a time and what scaling it takes", peak>>20)
	}
}

// TestReduceAverages checks the whole-factor reduction that large photos
// go through before scaling.
func TestReduceAverages(t *testing.T) {
	img := image.NewNRGBA64(image.Rect(0, 0, 5, 3))
	for y := range 3 {
		for x := range 5 {
			v := uint16(0)
			if x%2 == 0 {
				v = 0xFFFF
			}
			img.SetNRGBA64(x, y, color.NRGBA64{v, v, v, 0xFFFF})
		}
	}
	r := reduce(img, 2)
	if r.Bounds().Dx() != 3 || r.Bounds().Dy() != 2 {
		t.Fatalf("size %v, want 3×2", r.Bounds())
	}
	for _, c := range []struct {
		x, y int
		want uint8
	}{{0, 0, 0x7F}, {2, 0, 0xFF}, {2, 1, 0xFF}, {1, 1, 0x7F}} {
		if got := r.RGBAAt(c.x, c.y); got.R != c.want || got.A != 0xFF {
			t.Errorf("pixel %d,%d = %v, want grey %#x", c.x, c.y, got, c.want)
		}
	}
}
