// Package output is the only package that writes files: the county
// workbook, one workbook per unit, the Parquet data for analysts and
// run.json, each written to a temporary name and renamed into place.
// It also writes the synthetic sample county (package output/samplecounty).
//
// output never reads an inbox file and computes no statistic: everything it
// writes comes in a Report.
package output
