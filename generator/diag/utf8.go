package diag

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// CheckUTF8 reports the first byte of src that is not UTF-8, at its
// position; lineOffset is added to the line for text embedded in a larger
// file. Editors on Windows still save Windows-1252 now and then: when the
// byte means a character there, the message names it, so that the editor
// sees which letter is at fault. It returns false when src is not UTF-8.
func (l *List) CheckUTF8(path string, src []byte, lineOffset int) bool {
	if utf8.Valid(src) {
		return true
	}
	off := 0
	for off < len(src) {
		r, n := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	p := PosAt(path, src, off)
	p.Line += lineOffset
	b := src[off]
	hex := fmt.Sprintf("0x%02x", b)
	if r := charmap.Windows1252.DecodeByte(b); r != utf8.RuneError {
		l.Errorf(p, "invalid UTF-8 byte %s (%q in Windows-1252): save the file as UTF-8", hex, string(r))
	} else {
		l.Errorf(p, "invalid UTF-8 byte %s: save the file as UTF-8", hex)
	}
	return false
}
