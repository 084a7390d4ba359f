package output

import (
	"io"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// DetailPiece is the stretch of a unit's detail rows of a kind that one
// office's files gave: its parts are DetailRows.Parts[First:First+N]. A
// piece with a key can be taken as it was encoded by a later run that
// computes the unit again with that office unchanged (PieceSource).
type DetailPiece struct {
	Key      string // "" for rows never reused
	First, N int
	Widths   []int // what the piece's first rows ask of the columns
}

// EncodedPiece is a piece as a run encoded it: its parts, where they are.
type EncodedPiece struct {
	Parts  []DeflatedPart
	Widths []int
}

// PieceSource names the pieces of a unit's records and gives those
// encoded before. The zero value reuses nothing.
type PieceSource struct {
	// Key names the piece of an office's rows of kind k by what they are
	// made from; "" is never reused.
	Key func(k domain.Kind, office string) string
	// Find returns a piece encoded before under key, if one is on hand.
	Find func(key string) (EncodedPiece, bool)
	// Copied is told of each piece copied rather than encoded (may be nil).
	Copied func(key string)
}

// key names the piece of an office's rows of kind k; "" without Key.
func (s PieceSource) key(k domain.Kind, office string) string {
	if s.Key == nil {
		return ""
	}
	return s.Key(k, office)
}

// reuse returns the compressed bytes of the piece encoded before under
// key, part by part, read through c; false when there is none or its file
// is lost or cut short (the piece is encoded again).
func (s PieceSource) reuse(key string, c *partCopier) (EncodedPiece, [][]byte, bool) {
	if key == "" || s.Find == nil {
		return EncodedPiece{}, nil, false
	}
	p, ok := s.Find(key)
	if !ok {
		return EncodedPiece{}, nil, false
	}
	data := make([][]byte, len(p.Parts))
	for i, part := range p.Parts {
		var err error
		if data[i], err = c.read(part.FilePart); err != nil {
			return EncodedPiece{}, nil, false
		}
	}
	return p, data, true
}

// officeRun is a stretch of a kind's batches from one office.
type officeRun struct {
	from, to int // batches[from:to]
	office   string
}

// officeRuns splits a kind's batches (in office order, as a unit counts
// them) into runs of one office each, by their rows' office; a batch
// without rows joins the run after it, or the last.
func officeRuns(kind domain.Kind, batches []arrow.RecordBatch) []officeRun {
	col := columnIndex(kind, domain.LineageOffice)
	var runs []officeRun
	from, last, office := 0, -1, "" // the run's first batch, its last with rows, its office
	for i, b := range batches {
		if b.NumRows() == 0 {
			continue
		}
		o := b.Column(col).(*array.String).Value(0)
		if last >= 0 && o != office {
			runs = append(runs, officeRun{from, last + 1, office})
			from = last + 1
		}
		office, last = o, i
	}
	return append(runs, officeRun{from, len(batches), office})
}

// encodePiece appends the detail rows of one office's batches to pf, in
// parts of at most perSheet rows.
func encodePiece(pf *partFile, enc *rowEncoder, cols []detailColumn, batches []arrow.RecordBatch, perSheet int) (EncodedPiece, error) {
	total := int(rowsOf(batches))
	p := EncodedPiece{Widths: detailWidths(cols, batches)}
	for from := 0; from < total; from += perSheet {
		n := min(perSheet, total-from)
		part, err := compressPart(pf, n, func(w io.Writer) error {
			return enc.write(w, recordRows(batches), from, n)
		})
		if err != nil {
			return EncodedPiece{}, err
		}
		p.Parts = append(p.Parts, part)
	}
	return p, nil
}

// copyPiece appends the parts of a piece encoded before, read as data, to
// pf.
func copyPiece(pf *partFile, p EncodedPiece, data [][]byte) (EncodedPiece, error) {
	out := EncodedPiece{Widths: p.Widths}
	for i, part := range p.Parts {
		fp, err := pf.add(func(w io.Writer) error { _, err := w.Write(data[i]); return err })
		if err != nil {
			return EncodedPiece{}, err
		}
		moved := part
		moved.FilePart = fp
		out.Parts = append(out.Parts, moved)
	}
	return out, nil
}
