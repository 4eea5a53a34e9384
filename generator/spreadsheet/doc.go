// Package spreadsheet moves the self-check between its TOML files and the
// workbooks that people fill in, in Excel or LibreOffice. It converts to and
// from the selfcheck model and knows no HTML; every XLSX is read and
// written with github.com/xuri/excelize/v2.
//
// # A round to fill in
//
//	offenbar new round 2027 --xlsx runde-2027.xlsx
//
// writes a workbook with a sheet of instructions and one sheet per action
// field, named by its short title. Each row is one question:
//
//	ID | Thema | Frage | Antwort | Kommentar | Antwort <previous round>
//
// The answer cell offers the scale's labels and the skipped label as a
// drop-down list, which points at a range on a hidden sheet (a list written
// into the validation itself is limited to 255 characters and cannot hold
// commas). Everything but the answer and the comment is locked, by sheet
// protection without a password. The workbook's custom properties name the
// site, the instrument and the round, so that an import recognises a
// workbook made for something else.
//
//	offenbar import round runde-2027.xlsx
//
// reads it back. Rows are matched by the ID column, never by position or
// text. An answer may be a label of the scale, its points, or the skipped
// label, in any case; pasted values bypass the drop-down, so every value is
// checked. Errors name the cell, as runde-2027.xlsx:'Fairer Zugang'!D14, all
// at once, and nothing is written. A CSV file with the same columns (comma
// or semicolon, UTF-8) is read the same way, with errors at path:line:col.
//
// A cell that holds a formula is refused at its cell, also when the
// workbook has kept its value: the import takes values that people typed.
// Before excelize opens a workbook, Check refuses one over MaxFile (10 MB),
// one whose zip directory adds up to more than MaxUnzipped (16 MB, so a zip
// bomb is never unpacked), and a sheet with a cell beyond MaxRows (10000)
// or MaxColumns (200); a CSV file may have MaxRows rows.
//
// When the round file exists, only its [answers] table is replaced; title,
// date, summary, workshop, assessments and recommendations stay as they
// are. A file that would change is only overwritten with --force; the
// import lists every changed answer first. An empty answer is an error
// unless the round is a draft (draft = true in its file, or --draft).
//
// # The questionnaire
//
//	offenbar new instrument --xlsx fragebogen.xlsx
//	offenbar import instrument fragebogen.xlsx
//
// The workbook has sheets for the questionnaire's title and texts, the
// answer scale, the action fields, their topics and the questions (field,
// field slug, topic, ID, text). The import writes
// content/selfcheck/instrument.toml; an existing one is only replaced with
// --force, after every changed question text that earlier rounds answered
// has been listed.
//
// # Measures
//
//	offenbar new measures --xlsx massnahmen.xlsx
//
// writes a workbook in which offices report on their measures. Its sheet
// of measures has one row per measure of content/measures/:
//
//	ID | Maßnahme | Verantwortlich | Fällig | Letzte Meldung | Stand | Fortschritt in % | Datum der Meldung | Meldung
//
// The first five columns are locked. Stand offers the statuses by their
// names as a drop-down; Fortschritt in % takes whole numbers from 0 to 100
// (a data validation); the date and text of a new update are empty. A
// hidden sheet, Ausgangsstand, keeps each measure's status, progress and
// newest update as they were when the workbook was written.
//
//	offenbar import measures massnahmen.xlsx
//
// compares each row with that state, not with the measure's file: a row
// whose status, progress or text changed gives one new update, dated by its
// date cell (a date, or text as 2027-01-15 or 15.01.2027) or else today,
// with the status and progress of the row. Such a row needs a text, a date
// no later than today and no earlier than the newest update. When the
// measure's file has a newer update, or another status or progress, than
// the workbook started from, the row is refused at its ID cell: another
// office reported in between, and a new workbook shows its update. So
// several offices can fill in copies of one workbook, each its own rows,
// and a workbook imported twice is refused the second time.
//
// The update is appended to the measure's TOML front matter as a new
// [[updates]] table after the last one (or at the end of the front
// matter), in the file's line endings; every other byte of the file stays
// as it was. Errors name the cell, all at once, and no file is written
// while one is left; formulas are refused as for rounds.
package spreadsheet
