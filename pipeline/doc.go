// Package pipeline is the nightly batch: it finds the inbox's files, reads
// them in parallel through ingest, chooses what counts, calls transform for
// the figures and output for the files. It holds no parsing and no layout.
package pipeline
