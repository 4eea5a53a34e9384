package document

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"regexp"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func init() {
	// pdfcpu would otherwise create a configuration folder in the home
	// directory.
	api.DisableConfigDir()
}

// keptInfo are the entries of a PDF's information dictionary that say
// what the document is, not who made it.
var keptInfo = map[string]bool{"Title": true, "Subject": true, "Keywords": true, "Trapped": true}

// Writing a PDF, pdfcpu sets the dates to now and makes a file ID from the
// time; these patterns find them, so that they are blanked and replaced
// with values from the content.
var (
	pdfDate = regexp.MustCompile(`/(CreationDate|ModDate)\s*\(D:[^)]*\)`)
	pdfID   = regexp.MustCompile(`/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]`)
)

func stripPDF(src []byte) ([]byte, error) {
	conf := model.NewDefaultConfiguration()
	conf.Offline = true
	// Plain objects and a plain cross-reference table, so that the dates
	// and ID written below can be found and replaced in place.
	conf.WriteObjectStream = false
	conf.WriteXRefStream = false
	ctx, err := api.ReadContext(bytes.NewReader(src), conf)
	if err != nil {
		return nil, err
	}
	if ctx.Encrypt != nil {
		return nil, errors.New("the file is encrypted")
	}
	if ctx.Info != nil {
		d, err := ctx.DereferenceDict(*ctx.Info)
		if err != nil {
			return nil, err
		}
		for k := range d {
			if !keptInfo[k] {
				d.Delete(k)
			}
		}
	}
	root, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	root.Delete("Metadata")
	root.Delete("PieceInfo")
	var buf bytes.Buffer
	if err := api.WriteContext(ctx, &buf); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	// The dates pdfcpu adds are blanked: a dictionary may hold spaces.
	out = pdfDate.ReplaceAllFunc(out, func(m []byte) []byte { return bytes.Repeat([]byte(" "), len(m)) })
	sum := sha256.Sum256(src)
	id := hex.EncodeToString(sum[:])
	out = pdfID.ReplaceAllFunc(out, func(m []byte) []byte {
		s := pdfID.FindSubmatchIndex(m)
		m = bytes.Clone(m)
		for _, g := range [][2]int{{s[2], s[3]}, {s[4], s[5]}} {
			if n := g[1] - g[0]; n <= len(id) {
				copy(m[g[0]:g[1]], strings.ToUpper(id[:n]))
			}
		}
		return m
	})
	return out, nil
}
