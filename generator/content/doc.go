// Package content reads articles and pages: Markdown files with TOML front
// matter. This is the format's specification; the German reference for
// towns is docs/referenz/artikel.md, which a test keeps in step with it.
//
// # Articles: content/articles/<date>-<slug>.md
//
// The file name gives the URL: content/articles/2024-05-17-runder-tisch.md is
// published at /artikel/runder-tisch/. The leading date is optional. A
// slug, of an article, a page or a tag, may not be a name that Windows
// keeps for a device (con, prn, aux, nul, com0 to com9, lpt0 to lpt9).
//
//	+++
//	title = "Runder Tisch zur Willkommenskultur"   # required
//	date = 2024-05-17                             # required; or 2024-05-17T18:00:00+02:00
//	summary = "Ein Satz für Übersichten und Feeds."
//	tags = ["Runder Tisch", "Beteiligung"]
//	fields = ["engagement-und-beteiligung"]       # action fields the article belongs to
//	measures = ["sozialticket"]                   # measures it reports on, by ID (content/measures/<id>.md)
//	draft = false                                 # true: not published
//	publishDate = 2024-05-20                      # optional: not published before this day
//	expiryDate = 2026-01-01                       # optional: not published from this day on
//	+++
//
//	Der Text in Markdown.
//
// An article may also be a folder with its files beside it:
// content/articles/2024-09-16-fest/index.md with content/articles/2024-09-16-fest/marktplatz.jpg
// is published at /artikel/fest/, and the photo at /artikel/fest/marktplatz.jpg,
// so that the text refers to it as ![…](marktplatz.jpg).
//
// # Pages: content/pages/<slug>.md
//
// content/pages/impressum.md is published at /impressum/. Pages have title,
// summary and optionally layout = "leichte-sprache" and draft. A page in
// Leichte Sprache shows, below its text, the latest round's results in
// Leichte Sprache, written by the site from the self-check.
//
// A page in German Sign Language is a folder with its video and captions:
//
//	+++
//	title = "Der Selbstcheck in Deutscher Gebärdensprache"
//	layout = "gebaerdensprache"
//	video = "dgs-selbstcheck.webm"     # WebM or MP4, next to index.md
//	captions = "dgs-selbstcheck.vtt"   # WebVTT captions, required
//	+++
//
// The video is shown with controls, never plays by itself, and can be
// downloaded; site.toml's sign_language links the page from every header.
//
// # Translations: <name>.<lang>.md
//
// A translation lies beside its original, with the language before .md:
// content/articles/2024-05-17-runder-tisch.tr.md, impressum.en.md, or
// index.tr.md in a folder; the language must be one of site.toml's
// languages. `new translation` starts one with the original's text. Its
// front matter has title, summary and tags, and two keys of its own:
//
//	+++
//	title = "Hoş geldin kültürü üzerine yuvarlak masa"
//	translation = "machine"              # optional: said on the page (default "human")
//	source = "sha256:0d4f5a7c2b9e8f31"   # the original it translates; check warns when it changes
//	+++
//
// Date, fields and draft always come from the original.
//
// # Markdown
//
// CommonMark with GitHub tables, strikethrough, task lists, autolinks and
// footnotes. Headings get IDs for links (## Ergebnisse → #ergebnisse), and
// "Anführungszeichen" become „typografische“. Raw HTML is left out unless
// site.toml sets allow_html = true. Links that start with "/" point into the
// site and keep working when it is published under a sub-path.
//
// Some Markdown takes a converter minutes, such as thousands of unclosed
// "[a](" or lists nested thousands of levels deep. A page is refused, at the
// line and column of the first problem, when its Markdown text
//
//   - is longer than 256 KB (MaxMarkdown), about 100 printed pages;
//   - nests block quotes, lists and footnotes more than 16 levels deep, or
//     indents a line by more than 100 columns;
//   - has a table row of more than 100 columns;
//   - has more than 10,000 "[" (links, images, footnotes);
//   - leaves more than 32 "[" or "(" unclosed in one paragraph, or has more
//     than 1,000 characters of emphasis, quotes or code (* _ ~ ' " ` <) in
//     one paragraph, list item, heading or table row.
//
// Code in fenced blocks (```) does not count. Write \[ or \( for the
// character itself.
//
// # Images and documents
//
// Every image needs an alternative text that says what it shows:
//
//	![Stände und Gäste auf dem Marktplatz](marktplatz.jpg "Das Fest am Samstag. Foto: Stadt")
//	![-](ornament.png)
//
// A file name or a camera's name for a photo ("fest.jpg", "IMG_2041",
// "DSC01234") is no description and is refused. A translation's images
// follow the same rules. An alternative text of a single "-" marks an image
// as decoration; it is published with alt="". A title, in quotes after the address, becomes a
// visible caption (<figure> with <figcaption>) when the image stands alone
// in its paragraph. JPEG and PNG files are published in several widths,
// upright and without metadata (see package picture); a link to a PDF,
// DOCX, XLSX, ODT, ODS or PPTX file shows its type and size after the link
// text.
//
// # Files published as they are
//
// content/static/ and the folder of an article or page may hold only
// documents, data, images, sound and video (PublishedTypes):
//
//	documents  .pdf .docx .xlsx .pptx .odt .ods .odp
//	data       .csv .tsv .txt .json .ics .vtt
//	images     .jpg .jpeg .jfif .jpe .png .gif .webp .ico .svg
//	sound      .mp3 .m4a .ogg .oga .opus .wav .flac
//	video      .mp4 .webm .ogv
//
// Any other file is an error at its path: HTML, XHTML, XML, JavaScript or a
// server's settings published beside the site's pages would run with their
// rights. SVG drawings are checked against an allowlist (see package
// picture). A CSV or TSV file with a cell that Excel or LibreOffice would
// open as a formula (one starting with = + - or @ that is no number) is an
// error at that cell; an apostrophe before it makes it text. Dot-files and dot-folders, such as .git/, .env or .htaccess, are
// never published and need no word. A symbolic link below content/ may
// point only to a file inside content/. A file name with a backslash or a
// control character is an error, and so is a file at the address of a file
// the build makes: a page, the feed, the sitemap, the search index, the
// open data, _headers or robots.txt.
package content
