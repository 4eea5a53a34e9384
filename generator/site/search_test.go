package site

import (
	"strings"
	"testing"
)

func TestSearchText(t *testing.T) {
	page := `<!DOCTYPE html><html><body><header><nav><a href="/">Startseite</a></nav></header>
<main id="inhalt"><nav class="breadcrumbs"><ol><li><a href="/">Startseite</a></li></ol></nav>
<h1>Titel</h1><p class="translation-notice" data-nosearch>Hinweis</p>
<p>Erster <strong>Absatz</strong> mit<br>Umbruch und <img src="a.png" alt="Bild"> Bild.</p>
<figure class="chart" data-nosearch><svg><text>42 %</text></svg><table><tr><td>Zahl</td></tr></table></figure>
<section data-nosearch><ol><li><p>Frage<br>eins</p></li></ol></section>
<ul class="recs"><li>Sozialticket einführen <span>geplant</span></li></ul>
<script type="application/json">{"x":"Skript"}</script>
<p>Merkblatt am Ende</p>
</main><footer>Impressum</footer></body></html>`
	want := "Erster Absatz mit Umbruch und Bild. Sozialticket einführen geplant Merkblatt am Ende"
	if got := searchText([]byte(page)); got != want {
		t.Errorf("searchText\n got %q\nwant %q", got, want)
	}
	if got := searchText([]byte("<p>no main</p>")); got != "" {
		t.Errorf("searchText of a page without main = %q", got)
	}
}

func TestSplitText(t *testing.T) {
	short := "Ein kurzer Text."
	if x, w := splitText(short, 200); x != short || w != "" {
		t.Errorf("splitText(%q) = %q, %q", short, x, w)
	}
	long := strings.Repeat("Wohnen ", 40) + "Sozialticket wohnen Merkblatt Sozialticket Ende"
	x, w := splitText(long, 50)
	if !strings.HasSuffix(x, " …") || len(x) > 50+len(" …") {
		t.Errorf("excerpt %q: want at most 50 bytes and an ellipsis", x)
	}
	if want := "Sozialticket Merkblatt Ende"; w != want {
		t.Errorf("words = %q, want %q: every further word once, none of the excerpt's", w, want)
	}
	// A text without blanks is cut inside a word, after n characters.
	if x, _ := splitText(strings.Repeat("ä", 100), 51); x != strings.Repeat("ä", 51)+" …" {
		t.Errorf("excerpt %q, want 51 letters", x)
	}
	if x, w := splitText(strings.Repeat("ä", 51), 51); x != strings.Repeat("ä", 51) || w != "" {
		t.Errorf("a text of n characters is cut: %q, %q", x, w)
	}
}

// TestIndexedKinds: a kind of page the search does not know, such as one
// that a later version adds, is indexed; lists of other pages are not.
func TestIndexedKinds(t *testing.T) {
	for kind, want := range map[string]bool{"measure": true, "event": true, "field": true, "article": true, "page": true, "method": true, "home": false, "articles": false, "tag": false, "search": false, "404": false, "events": false, "embed": false} {
		if got := (&Page{Kind: kind}).Indexed(); got != want {
			t.Errorf("a page of kind %q: Indexed() = %v, want %v", kind, got, want)
		}
	}
}
