package output

import (
	"io"

	"github.com/apache/arrow-go/v18/arrow"

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

// PieceSource says which office each batch of a unit's records came from,
// and gives the pieces encoded before. The zero value reuses nothing.
type PieceSource struct {
	// Keys names the piece of each batch of each kind (in the order of the
	// batches): the batches of one office share a key, which stands for
	// everything their rows are made from; "" is never reused.
	Keys map[domain.Kind][]string
	// Find returns a piece encoded before under key, if one is on hand
	// with its files whole.
	Find func(key string) (EncodedPiece, bool)
}

// keys returns the keys of n batches of kind k, or all "" when the
// source does not name as many.
func (s PieceSource) keys(k domain.Kind, n int) []string {
	if ks := s.Keys[k]; len(ks) == n {
		return ks
	}
	return make([]string, n)
}

// find returns the piece under key, if Find has one.
func (s PieceSource) find(key string) (EncodedPiece, bool) {
	if key == "" || s.Find == nil {
		return EncodedPiece{}, false
	}
	return s.Find(key)
}

// encodePiece appends the detail rows of one office's batches to pf, in
// parts of at most perSheet rows.
func encodePiece(pf *partFile, enc *rowEncoder, cols []detailColumn, batches []arrow.RecordBatch, perSheet int) (EncodedPiece, error) {
	total := 0
	for _, b := range batches {
		total += int(b.NumRows())
	}
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

// copyPiece appends the parts of a piece encoded before to pf.
func copyPiece(pf *partFile, c *partCopier, p EncodedPiece) (EncodedPiece, error) {
	out := EncodedPiece{Widths: p.Widths}
	for _, part := range p.Parts {
		fp, err := pf.add(func(w io.Writer) error { return c.copy(w, part.FilePart) })
		if err != nil {
			return EncodedPiece{}, err
		}
		moved := part
		moved.FilePart = fp
		out.Parts = append(out.Parts, moved)
	}
	return out, nil
}
