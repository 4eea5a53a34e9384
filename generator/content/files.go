package content

import (
	"path"
	"slices"
	"strings"
)

// PublishedTypes are the file types, by extension, that content/static and
// the folders of documents may hold. Each is a document, data, an image, a
// sound or a video: a browser shows or downloads it, but never runs it as
// part of the site. HTML, XHTML, XML, JavaScript, server files such as
// .htaccess and every other type are refused, since a page or script
// published beside the site's own pages would run with their rights.
var PublishedTypes = []string{
	// documents
	".docx", ".odp", ".ods", ".odt", ".pdf", ".pptx", ".xlsx",
	// data and text
	".csv", ".ics", ".json", ".tsv", ".txt", ".vtt",
	// images; SVG drawings are checked by package picture
	".avif", ".gif", ".ico", ".jfif", ".jpe", ".jpeg", ".jpg", ".png", ".svg", ".webp",
	// sound and video
	".flac", ".m4a", ".mp3", ".mp4", ".oga", ".ogg", ".ogv", ".opus", ".wav", ".webm",
}

// Published reports whether a file at the slash path name below
// content/static or a document's folder is published: its type is one of
// PublishedTypes, and no part of its path starts with a dot, such as
// .htaccess, .env or .git/config.
func Published(name string) bool {
	return !Hidden(name) && slices.Contains(PublishedTypes, strings.ToLower(path.Ext(name)))
}

// Hidden reports whether a part of the slash path name starts with a dot.
// Such files and folders are left out without a word: they hold settings
// of tools and systems (.git, .DS_Store, .htaccess), never content.
func Hidden(name string) bool {
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}
