// Package sourcefile reads the files of a site with a size limit, so that a
// file pasted by mistake, such as a 100 MB export, is refused with a clear
// message instead of slowing every build down.
package sourcefile

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
)

// MaxSize is the largest content file accepted: far more than any article
// or round needs.
const MaxSize = 10 << 20

// TooLarge is the error for a file over MaxSize.
type TooLarge struct{ Size int64 }

// TooLarge marks the error for diag.ReadError, which prints it as it is.
func (e *TooLarge) TooLarge() bool { return true }

func (e *TooLarge) Error() string {
	return fmt.Sprintf("file is %.1f MB; the limit is %d MB per file: split it, or put large downloads under content/static", float64(e.Size)/(1<<20), MaxSize>>20)
}

// Read reads name from fsys, refusing files over MaxSize.
func Read(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Reading into a buffer of the file's size saves the copies that a
	// growing buffer makes.
	size := 512
	if fi, err := f.Stat(); err == nil && fi.Size() < MaxSize {
		size = int(fi.Size()) + 1
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	_, err = buf.ReadFrom(io.LimitReader(f, MaxSize+1))
	b := buf.Bytes()
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSize {
		size := int64(len(b))
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		return nil, &TooLarge{Size: size}
	}
	return b, nil
}
