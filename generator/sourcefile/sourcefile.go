// Package sourcefile reads the files of a site with a size limit, so that a
// file pasted by mistake, such as a 100 MB export, is refused with a clear
// message instead of slowing every build down.
package sourcefile

import (
	"io"
	"io/fs"

	"offenbar/generator/diag"
)

// MaxSize is the largest content file accepted: far more than any article
// or round needs.
const MaxSize = 10 << 20

// TooLarge is the error for a file over MaxSize.
type TooLarge struct{ Size int64 }

func (e *TooLarge) Error() string { return e.Unwrap().Error() }

// Unwrap gives the error as a message for editors, which diag.ReadError
// says as it is.
func (e *TooLarge) Unwrap() error {
	return diag.Messagef("file is %.1f MB; the limit is %d MB per file: split it, or put large downloads under content/static", float64(e.Size)/(1<<20), MaxSize>>20)
}

// Read reads name from fsys, refusing files over MaxSize.
func Read(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		if fi.Size() > MaxSize {
			return nil, &TooLarge{Size: fi.Size()}
		}
		// One buffer of the file's size, instead of the copies that a
		// growing buffer makes.
		b := make([]byte, fi.Size())
		n, err := io.ReadFull(f, b)
		if err != nil && err != io.ErrUnexpectedEOF {
			return nil, err
		}
		return b[:n], nil
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxSize {
		return nil, &TooLarge{Size: int64(len(b))}
	}
	return b, nil
}
