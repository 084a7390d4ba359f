// Package ingest is the only package that opens input files. It turns one
// workbook or CSV file into typed Arrow records (one batch per ledger kind,
// each record carrying its unit, office, file, sheet and row), the
// self-reported summary tables, the cover's identity, and findings for
// everything it could not read.
//
// ingest works one file at a time and streams rows; it never decides
// duplicates, versions or statistics (that is transform's work) and never
// writes a file.
package ingest
