// Package opendata writes a site's open data from the self-check model
// alone: it knows no HTML and no templates. Everything lies below the data
// section (/daten/ on a German site):
//
//	<round>.csv                  every answer of a round (RFC 4180, UTF-8)
//	<round>.xlsx                 the same rows in typed cells with a filter, the
//	                             field scores, and the columns and licence explained:
//	                             for people who open data in Excel
//	<round>.json                 the same with scale, field scores, assessments
//	                             and recommendations; described by schema.json
//	<round>-scores.csv, .json    the score of every field and topic, with the
//	                             answered and skipped counts
//	<round>-recommendations.csv  the workshop's recommendations and their status
//	questions.csv                the instrument: every question with its field and topic
//	fields.csv                   the action fields, the key of every "field" column
//	recommendations.csv          the recommendations of every round, each under the
//	                             key that measures refer to, such as
//	                             2024/fairer-zugang/2 (round/field/position)
//	measures.csv, .json, .xlsx   every measure with its status, progress, office,
//	                             deadlines, budget, decision and indicator, and
//	                             whether it is overdue "today" (see below)
//	measure-updates.csv, .json, .xlsx
//	                             every update of every measure, oldest first
//	measure-fields.csv           one row per measure and action field
//	measure-recommendations.csv  one row per measure and recommendation it takes up
//	charts/<chart>.csv           exactly the numbers of one chart, as its table shows them
//	datapackage.json             a Frictionless Data Package (v2) describing every CSV
//	catalog.ttl, catalog.rdf     a DCAT-AP.de 3.0 catalogue, in Turtle and RDF/XML
//
// No cell of a CSV opens as a formula in Excel or LibreOffice (OWASP's
// advice on CSV injection): a text that starts with = + - @ or ', after
// any spaces or quotes, gets a single quote ' in front, and so does such a
// character after a semicolon, tab or line break inside a text, where a
// spreadsheet that splits the file wrongly (German Excel splits at
// semicolons) starts a cell. Numeric columns hold plain numbers such as -3
// and are written as they are, so the data package's types stay true; its
// enumerations and the header names of charts are given as the CSV holds
// them. Restore undoes Defuse. The JSON files and the workbooks hold every
// text unchanged; the workbooks hold text as strings, never as formulas.
//
// The files of the measures exist only when the site has measures, and
// have a dataset of their own in the catalogue: they change with every
// update, not with the rounds. In the data package, measure-updates,
// measure-fields and measure-recommendations refer to measures by
// measure_id, to fields by field and to recommendations by
// recommendation_id, and every other table's field column to fields, so
// that a validator checks every reference. "Today", which decides whether
// a measure is overdue, is the build's (SOURCE_DATE_EPOCH when set); it is
// the date of measures.json and of the workbooks.
//
// The licence, its attribution, the Gemeindeschlüssel and the contact come
// from the [data] table of site.toml (see package config). URIs of
// datasets and distributions are built from the base URL, the data section
// and the round IDs only, so that they stay the same from build to build
// and a harvester never sees a dataset vanish and reappear.
package opendata
