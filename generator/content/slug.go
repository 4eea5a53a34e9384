package content

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// german spells out the letters that German transliterates with two letters.
var german = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss", "ẞ", "SS")

// Slug turns a title into a URL segment: lower-case ASCII letters, digits and
// single hyphens. German umlauts are transliterated (ä→ae, ß→ss), other
// accents are dropped (é→e), and everything else separates words.
func Slug(title string) string {
	s := norm.NFD.String(german.Replace(norm.NFC.String(title)))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// A combining accent: keep the letter, drop the accent.
		default:
			dash = true
		}
	}
	out := b.String()
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-")
		if i := strings.LastIndexByte(out, '-'); i > 40 {
			out = out[:i]
		}
	}
	return out
}

// TagSlug turns a tag in the language lang into the URL segment of its
// page. A German tag in Latin letters gets a slug as Slug makes it ("Runder
// Tisch" → "runder-tisch", "Begegnung für alle" → "begegnung-fuer-alle");
// in every other case the tag's letters and digits are kept in lower case
// and joined by hyphens ("Kültürler Şenliği" → "kültürler-şenliği",
// "Круглий стіл" → "круглий-стіл"), as browsers show such an address. It is
// "" for a tag without a letter or digit.
func TagSlug(tag, lang string) string {
	if s := Slug(tag); s != "" && lang == "de" && latin(tag) {
		return s
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(norm.NFC.String(tag)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// latin reports whether every letter of s is a Latin one.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// Reserved reports whether name is one that Windows keeps for a device,
// such as con, nul, aux or com1: no folder may be called so there, and a
// site with /massnahmen/con/ can neither be built nor checked out on a
// town's Windows computer.
func Reserved(name string) bool {
	switch name {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(name) == 4 && (strings.HasPrefix(name, "com") || strings.HasPrefix(name, "lpt")) && name[3] >= '0' && name[3] <= '9'
}
