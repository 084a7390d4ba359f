// Package transform turns records into records and figures: it classifies
// every record against the report year, derives the official statistics
// per office, unit and county, and accounts for every record read.
//
// transform never opens a file and never writes one; its inputs are Arrow
// records and self-reported tables that ingest produced.
package transform
