package picture

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCacheBytes: a result is kept on disk, the same bytes come back, and
// a changed entry is made again instead of returned.
func TestCacheBytes(t *testing.T) {
	dir := t.TempDir()
	calls := 0
	upper := func(b []byte) ([]byte, error) {
		calls++
		out := make([]byte, len(b))
		for i, c := range b {
			out[i] = c &^ 0x20
		}
		return out, nil
	}
	if b, err := (&Cache{Dir: dir}).Bytes("upper v1", []byte("satzung"), upper); err != nil || string(b) != "SATZUNG" {
		t.Fatalf("got %q, %v", b, err)
	}
	if b, _ := (&Cache{Dir: dir}).Bytes("upper v1", []byte("satzung"), upper); string(b) != "SATZUNG" || calls != 1 {
		t.Errorf("from disk: %q after %d calls, want one call", b, calls)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "*", "*.bin"))
	if len(entries) != 1 {
		t.Fatalf("entries: %v", entries)
	}
	b, _ := os.ReadFile(entries[0])
	b[len(b)-1] = 'X'
	os.WriteFile(entries[0], b, 0o644)
	if b, _ := (&Cache{Dir: dir}).Bytes("upper v1", []byte("satzung"), upper); string(b) != "SATZUNG" || calls != 2 {
		t.Errorf("a changed entry gave %q after %d calls", b, calls)
	}
}
