package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"offenbar/generator/diag"
)

// A cliCommand is one of offenbar's commands as help describes it. Its texts
// are English messages, given in the editor's language like every other
// message (see messages).
type cliCommand struct {
	name   string        // the words after offenbar, such as "new round"
	args   *diag.Message // its arguments, such as "ID" for new round, or nil
	brief  *diag.Message // one line for the list of commands
	detail *diag.Message // what help COMMAND adds, or nil
	flags  []string      // the flags it takes, by the name newFlagSet gives them
}

// usage is the command with its arguments.
func (c cliCommand) usage(tr diag.Translator) string {
	if c.args == nil {
		return c.name
	}
	return c.name + " " + c.args.In(tr)
}

// commands are offenbar's commands in the order help lists them: what a
// town needs first, the developer's tools last.
var commands = []cliCommand{
	{"init", diag.Messagef("DIR"), diag.Messagef("start a new town's site in a new folder"),
		diag.Messagef("Writes site.toml with every key explained, the required pages, the action fields and the CI files into DIR, which must be new or empty. Every blank is marked «AUSFÜLLEN: …»: build refuses to publish while one is left, serve only warns."),
		[]string{"lang"}},
	{"check", nil, diag.Messagef("check all content and every link without writing anything"),
		diag.Messagef("Reports every problem at once as file:line:column: message and exits with 1 when there is an error."),
		[]string{"s", "templates", "drafts", "future", "base-url", "format", "cache", "lang", "cpuprofile"}},
	{"serve", nil, diag.Messagef("preview the site on http://127.0.0.1:1313/ with drafts, rebuilt on every save"),
		diag.Messagef("Open tabs reload after every change; errors show in the browser. Stop it with Ctrl+C."),
		[]string{"s", "templates", "port", "drafts", "future", "cache", "lang"}},
	{"build", nil, diag.Messagef("build the site into public/"),
		diag.Messagef("Checks everything as check does and writes the site only when there is no error; a failed build leaves the previous output as it was."),
		[]string{"s", "d", "templates", "drafts", "future", "preview", "base-url", "force", "cache", "format", "lang", "cpuprofile"}},
	{"audit", nil, diag.Messagef("check every built page in Chromium: accessibility, requests, console, storage"),
		diag.Messagef("Opens every page of the built site's sitemap in headless Chromium, in light and dark mode: axe-core with the WCAG 2.1 A and AA rules, no request to another host, no console or CSP error, nothing stored. Run it after build."),
		[]string{"s", "d", "base-url", "lang"}},
	{"new article", diag.Messagef("\"Title\""), diag.Messagef("start a draft article in content/articles/"),
		diag.Messagef("The file is named after today's date and the title, and starts with draft = true."),
		[]string{"s", "bundle", "lang"}},
	{"new event", diag.Messagef("\"Title\""), diag.Messagef("start a draft event in content/events/"),
		diag.Messagef("The file is named after the day and the title, and starts with draft = true and every key an event may have; --date names the day it takes place."),
		[]string{"s", "date", "bundle", "lang"}},
	{"new measure", diag.Messagef("\"Title\""), diag.Messagef("start a measure in content/measures/"),
		diag.Messagef("The file is named after the title and has every key a measure may have, with the first action field, today as its start and a first update; the office in charge and the update's text are left as «AUSFÜLLEN: …», so that build refuses to publish it before they are filled in."),
		[]string{"s", "bundle", "lang"}},
	{"new round", diag.Messagef("ID"), diag.Messagef("start a draft round with every question of the questionnaire"),
		diag.Messagef("With --xlsx FILE it writes a workbook instead, to fill in the round in Excel or LibreOffice; import round reads it back."),
		[]string{"s", "xlsx", "lang"}},
	{"new instrument", diag.Messagef("--xlsx FILE"), diag.Messagef("write a workbook to enter the questionnaire"),
		diag.Messagef("The workbook holds the questionnaire of content/selfcheck/instrument.toml, if there is one; import instrument reads it back."),
		[]string{"s", "xlsx", "lang"}},
	{"new measures", diag.Messagef("--xlsx FILE"), diag.Messagef("write a workbook in which offices report on their measures"),
		diag.Messagef("One row per measure of content/measures/ with its state today: the status from a list, the progress from 0 to 100, and empty cells for a new update, its date and text; import measures reads it back."),
		[]string{"s", "xlsx", "lang"}},
	{"new translation", diag.Messagef("FILE LANGUAGE"), diag.Messagef("start the translation of an article, a page, a measure, an event or the self-check, such as into tr"),
		diag.Messagef("Writes the file beside the original with its text and the original's hash, so that check warns when the original changes. With selfcheck as FILE it starts content/selfcheck/i18n/LANGUAGE.toml with every text of the self-check under its German original."),
		[]string{"s", "lang"}},
	{"new override", diag.Messagef("TEMPLATE"), diag.Messagef("copy a built-in template into templates/ to change it"),
		diag.Messagef("The copy replaces the built-in file of the same name; check warns when the built-in file changes later."),
		[]string{"s", "lang"}},
	{"import round", diag.Messagef("FILE"), diag.Messagef("read a filled-in round workbook or CSV file into the round"),
		diag.Messagef("Errors name the cell. A round that exists is replaced only with --force, after the changed answers are listed."),
		[]string{"s", "id", "draft", "force", "lang"}},
	{"import instrument", diag.Messagef("FILE"), diag.Messagef("read a questionnaire workbook into content/selfcheck/instrument.toml"),
		nil, []string{"s", "force", "lang"}},
	{"import measures", diag.Messagef("FILE"), diag.Messagef("add the updates of a filled-in measures workbook to the measures"),
		diag.Messagef("Each measure whose status, progress or text changed gets a new [[updates]] entry at the end of its updates; every other line of its file stays as it is. Errors name the cell, and nothing is written while one is left."),
		[]string{"s", "lang"}},
	{"version", nil, diag.Messagef("print the version of this offenbar"), nil, nil},
	{"help", diag.Messagef("[COMMAND]"), diag.Messagef("describe the commands, or one command and its flags"), nil, []string{"lang"}},
	{"corpus", diag.Messagef("-n N DIR"), diag.Messagef("for developers: write a benchmark site with N articles"),
		nil, []string{"s", "n", "languages"}},
}

// longFlags are the flags that have a short name too.
var longFlags = map[string]string{"s": "source", "d": "destination"}

// helpArgs reports whether args ask for help, and about what: help
// [COMMAND], or COMMAND … -h.
func helpArgs(args []string) (topic []string, ok bool) {
	if len(args) > 0 && (args[0] == "help" || isHelp(args[0])) {
		return args[1:], true
	}
	for i, a := range args {
		if isHelp(a) {
			return args[:i], true
		}
	}
	return nil, false
}

func isHelp(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// helpFlags reads the flags that decide the language of help (--lang,
// -s) wherever they stand.
func helpFlags(args []string) flags {
	var f flags
	var rest []string
	for _, a := range args {
		if !isHelp(a) {
			rest = append(rest, a)
		}
	}
	interspersed(newFlagSet("help", &f, io.Discard), rest) // help helps whatever else is wrong
	peekLanguage(&f)
	return f
}

// words keeps the words of args, without the flags and their values.
func words(args []string) []string {
	w, err := interspersed(newFlagSet("help", &flags{}, io.Discard), args)
	if err == nil {
		return w
	}
	for i, a := range args {
		if strings.HasPrefix(a, "-") {
			return args[:i]
		}
	}
	return args
}

// help prints the list of commands, or what topic names: one command, or
// all those that start with its words (help new). It returns the exit code.
func help(topic []string, f flags, w, stderr io.Writer) int {
	tr := translator(f)
	topic = words(topic)
	if len(topic) == 0 {
		printCommands(w, tr)
		return 0
	}
	var match []cliCommand
	for _, c := range commands {
		if c.name == strings.Join(topic, " ") || strings.HasPrefix(c.name, strings.Join(topic, " ")+" ") {
			match = append(match, c)
		}
	}
	if len(match) == 0 && len(topic) > 1 {
		return help(topic[:len(topic)-1], f, w, stderr)
	}
	if len(match) == 0 {
		complain(stderr, f, "unknown command %q, want one of: %s", topic[0], commandNames())
		return 2
	}
	for i, c := range match {
		if i > 0 {
			fmt.Fprintln(w)
		}
		printCommand(w, tr, c)
	}
	return 0
}

// translator is the catalogue of the editor's language, or nil for English.
func translator(f flags) diag.Translator {
	if l := messages(f, nil); l != nil {
		return l.Message
	}
	return nil
}

// commandNames lists the first word of every command.
func commandNames() string {
	var names []string
	for _, c := range commands {
		first, _, _ := strings.Cut(c.name, " ")
		if len(names) == 0 || names[len(names)-1] != first {
			names = append(names, first)
		}
	}
	return strings.Join(names, ", ")
}

func printCommands(w io.Writer, tr diag.Translator) {
	fmt.Fprintln(w, diag.Messagef("offenbar builds the website on which a town publishes its self-check, its news and its open data.").In(tr))
	fmt.Fprintln(w)
	fmt.Fprintln(w, diag.Messagef("Usage: offenbar COMMAND [flags]").In(tr))
	fmt.Fprintln(w)
	fmt.Fprintln(w, diag.Messagef("Commands:").In(tr))
	var rows [][2]string
	for _, c := range commands {
		rows = append(rows, [2]string{c.usage(tr), c.brief.In(tr)})
	}
	printColumns(w, rows)
	fmt.Fprintln(w)
	fmt.Fprintln(w, diag.Messagef("\"offenbar help COMMAND\" describes a command and its flags. Messages are in the site's language; --lang en gives English.").In(tr))
}

func printCommand(w io.Writer, tr diag.Translator, c cliCommand) {
	fmt.Fprintln(w, diag.Messagef("Usage: offenbar %s", synopsis(c, tr)).In(tr))
	fmt.Fprintln(w)
	fmt.Fprintln(w, upper(c.brief.In(tr)))
	if c.detail != nil {
		fmt.Fprintln(w, c.detail.In(tr))
	}
	if len(c.flags) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, diag.Messagef("Flags:").In(tr))
	fset := newFlagSet(strings.Fields(c.name)[0], &flags{}, io.Discard)
	var rows [][2]string
	for _, name := range c.flags {
		fl := fset.Lookup(name)
		text := fl.Usage
		if t, ok := translate(tr, text); ok {
			text = t
		}
		arg, text := flag.UnquoteUsage(&flag.Flag{Usage: text, Value: fl.Value})
		left := "-" + name
		if long, ok := longFlags[name]; ok {
			left += ", --" + long
		} else if len(name) > 1 {
			left = "--" + name
		}
		if arg != "" {
			left += " " + strings.ToUpper(arg)
		}
		if d := fl.DefValue; d != "" && d != "false" && d != "0" && !strings.Contains(fl.Usage, "(default") {
			text += " " + diag.Messagef("(default %s)", d).In(tr)
		}
		rows = append(rows, [2]string{left, text})
	}
	printColumns(w, rows)
}

// synopsis is the cliCommand with its arguments and, in brackets, its flags.
func synopsis(c cliCommand, tr diag.Translator) string {
	s := c.usage(tr)
	if len(c.flags) > 0 {
		s += " " + diag.Messagef("[flags]").In(tr)
	}
	return s
}

// usageOf is the usage line of every cliCommand whose name starts with
// prefix, for a cliCommand line that does not fit.
func usageOf(f flags, prefix string) string {
	tr := translator(f)
	var lines []string
	for _, c := range commands {
		if c.name == prefix || strings.HasPrefix(c.name, prefix+" ") {
			lines = append(lines, "offenbar "+synopsis(c, tr))
		}
	}
	return diag.Messagef("usage:").In(tr) + "\n  " + strings.Join(lines, "\n  ") + "\n" +
		diag.Messagef("\"offenbar help %s\" describes the flags", prefix).In(tr)
}

func translate(tr diag.Translator, s string) (string, bool) {
	if tr == nil {
		return "", false
	}
	return tr(s, 0)
}

// upper starts s with a capital letter, for a brief that stands alone.
func upper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(r)) + s[n:] + "."
}

// printColumns prints rows as two columns, the second aligned.
func printColumns(w io.Writer, rows [][2]string) {
	width := 0
	for _, r := range rows {
		width = max(width, utf8.RuneCountInString(r[0]))
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %s%s  %s\n", r[0], strings.Repeat(" ", width-utf8.RuneCountInString(r[0])), r[1])
	}
}
