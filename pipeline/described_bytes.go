package pipeline

import (
	"math/bits"
	"unsafe"

	"gongkai/domain"
	"gongkai/ingest"
	"gongkai/output"
)

// describedBytes estimates the memory a read file takes for the whole run
// once its records are let go: its description (sheets and their columns,
// record counts, findings, subtotal rows) and the run's account of it
// (output.Input). It grows with the number of files, where a unit's
// working set does not.
func describedBytes(s *ingest.Submission) int64 {
	n := int64(unsafe.Sizeof(*s)+unsafe.Sizeof(output.Input{})) +
		int64(len(s.Path)+len(s.SHA256)+len(s.Unit)+len(s.Office)+len(s.Revision)+len(s.Rejected)) +
		2*mapBytes(len(s.Rows), unsafe.Sizeof(domain.Kind("")), unsafe.Sizeof(0)) // Rows, and Records when emptied
	for _, sh := range s.Sheets {
		n += int64(unsafe.Sizeof(sh)+unsafe.Sizeof(output.Sheet{})) + int64(len(sh.Name))
		if sh.Cols != nil {
			n += mapBytes(len(sh.Cols), unsafe.Sizeof(""), unsafe.Sizeof(0))
		}
	}
	for _, f := range s.Findings {
		n += int64(unsafe.Sizeof(f)) + int64(len(f.Message))
		if f.Expected != nil || f.Actual != nil {
			n += 16
		}
	}
	for _, st := range s.Subtotals {
		n += int64(unsafe.Sizeof(st)+uintptr(len(st.Figures))*unsafe.Sizeof(domain.SubtotalFigure{})+uintptr(len(st.Rows))*unsafe.Sizeof(0)) +
			int64(len(st.Label))
	}
	return n
}

// mapBytes estimates the memory of a Go map of n entries: a header and
// groups of 8 slots with a control word each, filled to at most 7/8.
func mapBytes(n int, key, value uintptr) int64 {
	const header, slots = 48, 8
	groups := 1
	if n > slots {
		groups = 1 << bits.Len(uint((n*8/7)/slots))
	}
	return header + int64(groups)*int64(8+slots*(key+value))
}
