// Package samplecounty writes a synthetic county for tests and demos: an
// inbox with one clean workbook per roster office (cover, the four ledgers
// and the office's self-reported 年报统计表) and truth.json, the statistics
// the batch must find, computed from the generator's own model.
//
// The output depends only on the seed and the options: one math/rand/v2 PCG
// stream is consumed in roster order, and no map is ever iterated to decide
// anything.
package samplecounty
