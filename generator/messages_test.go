package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"offenbar/generator/diag"
	"offenbar/generator/site"
)

// messageCalls maps each function that takes an English message format to
// the index of that argument. Errorf and Warnf count unless called on fmt.
var messageCalls = map[string]int{
	"Errorf":    1, // diag.List
	"Warnf":     1, // diag.List
	"Messagef":  0, // diag
	"problem":   0, // picture
	"problemAt": 1, // picture
	"say":       2, // main
	"complain":  2, // main
	"Say":       0, // serve.Config
	"Countf":    2, // diag: the plural, which is the catalogue's key
	"sayN":      4, // main: the plural
	"StringVar": 3, // a flag's usage, which help gives (flag.FlagSet)
	"BoolVar":   3,
	"IntVar":    3,
}

// editorFormats finds every English message format in the generator's
// code, with where it is written. Test helpers and the corpus tool, which
// editors never run, are left out.
func editorFormats(t *testing.T) (formats map[string][]string, nonLiteral []string) {
	t.Helper()
	formats = map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && slices.Contains([]string{"testdata", "corpus", "browser", "conformance", "sitetest"}, d.Name()) {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			c, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := c.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "fmt" {
					return true
				}
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			i, ok := messageCalls[name]
			if !ok || len(c.Args) <= i {
				return true
			}
			at := fset.Position(c.Pos()).String()
			if id, ok := c.Args[i].(*ast.Ident); ok && id.Name == "format" {
				return true // passes a format on
			}
			lit, ok := c.Args[i].(*ast.BasicLit)
			if !ok {
				nonLiteral = append(nonLiteral, at)
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", at, err)
			}
			formats[s] = append(formats[s], at)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return formats, nonLiteral
}

// wordless reports whether a format says nothing to translate, such as
// "%s: %v".
func wordless(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] == '%' && i+1 < len(format) {
			i++
			continue
		}
		if unicode.IsLetter(rune(format[i])) {
			return false
		}
	}
	return true
}

// TestMessageCatalogue: every message an editor can see has its German
// text, with the same verbs, and the catalogue holds nothing else. English
// is the code itself.
func TestMessageCatalogue(t *testing.T) {
	formats, nonLiteral := editorFormats(t)
	for _, at := range nonLiteral {
		t.Errorf("%s: the message format is not a string literal, so the catalogue cannot know it", at)
	}
	if len(formats) < 200 {
		t.Fatalf("found only %d message formats; is the scan broken?", len(formats))
	}
	de, err := site.BuiltinLang("de")
	if err != nil {
		t.Fatal(err)
	}
	for format, at := range formats {
		if wordless(format) {
			continue
		}
		texts := de.MessageForms(format)
		if len(texts) == 0 {
			t.Errorf("%s: no German text for %q in templates/i18n/de.toml [messages]", at[0], format)
			continue
		}
		for _, text := range texts {
			if got, want := diag.Verbs(text), diag.Verbs(format); !slices.Equal(got, want) {
				t.Errorf("German text of %q has the verbs %q, want %q", format, got, want)
			}
		}
	}
	for format := range de.Messages {
		if _, ok := formats[format]; !ok && format != "warning" {
			t.Errorf("templates/i18n/de.toml [messages]: %q is no message of the code; remove it", format)
		}
	}
}
