package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"

	"gongkai/domain"
	"gongkai/output"
)

// A unit computed again because one office's file changed encodes only
// that office's detail rows: the others' are copied as the last run
// encoded them (output.PieceSource), from the folder of the unit's last
// result, which is pruned only once this run's outputs are in place.

// piecesList, beside a year's units, lists the detail pieces of the units
// the last run put in place (keepPieces).
func (c *unitCache) piecesList() string { return c.dir + ".pieces" }

// pieceIndex is the list: each piece by key, and the boot it was written
// in. The units' files are not synced, so pieces from before a restart are
// not trusted (see cachedUnit.FilesCRC).
type pieceIndex struct {
	Boot   string
	Pieces map[string]output.EncodedPiece
}

// takePieces reads the list of the last run's pieces and removes it: a
// run that fails leaves none, and the next one encodes every office.
func (c *unitCache) takePieces() {
	data, ok := takeList(c.piecesList())
	if !ok {
		return
	}
	var idx pieceIndex
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&idx) != nil {
		return
	}
	if boot := bootID(); boot != "" && boot == idx.Boot {
		c.pieces = idx.Pieces
	}
}

// listPieces encodes the list of the units' pieces for keepPieces (nil
// when pieces cannot be trusted on this machine: no boot id).
func listPieces(units []unitResult) ([]byte, error) {
	idx := pieceIndex{Boot: bootID(), Pieces: map[string]output.EncodedPiece{}}
	if idx.Boot == "" {
		return nil, nil
	}
	for _, u := range units {
		for _, rows := range u.parts.Rows {
			for _, p := range rows.Pieces {
				if p.Key != "" {
					idx.Pieces[p.Key] = output.EncodedPiece{Parts: rows.Parts[p.First : p.First+p.N], Widths: p.Widths}
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(idx); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// keepPieces keeps the list of the pieces of the units this run put in
// place (listPieces). Call it once the run's outputs are in place and the
// cache pruned.
func (c *unitCache) keepPieces(list []byte) error {
	if list == nil {
		return nil
	}
	return writeChecked(c.piecesList(), list)
}

// pieceSource names the pieces of a unit's chosen offices and finds the
// last run's.
func (c *unitCache) pieceSource(year int, unit string, chosen []chosenOffice) output.PieceSource {
	offices := make(map[string]chosenOffice, len(chosen))
	for _, co := range chosen {
		offices[co.office] = co
	}
	return output.PieceSource{
		Key: func(k domain.Kind, office string) string {
			co, ok := offices[office]
			if !ok {
				return ""
			}
			return c.pieceKey(year, unit, co, k)
		},
		Find:   c.findPiece,
		Copied: func(string) { c.piecesCopied.Add(1) },
	}
}

// pieceKey is the digest of what an office's detail rows of kind k are
// made from: the office's ledger files (their rows are counted together),
// the year they are counted for, and what every unit's digest covers
// besides (format, version, configuration); "" when a file's content is
// not known.
func (c *unitCache) pieceKey(year int, unit string, co chosenOffice, k domain.Kind) string {
	sources := sourcesOf(co)
	for _, s := range sources {
		if s.SHA256 == "" {
			return ""
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00piece\x00%d\x00%q\x00%q\x00%s", c.salt, year, unit, co.office, k)
	for _, s := range sources {
		s.digest(h)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// findPiece returns the last run's piece under key (output reads it, and
// encodes the piece again when its file is lost or cut short).
func (c *unitCache) findPiece(key string) (output.EncodedPiece, bool) {
	p, ok := c.pieces[key]
	return p, ok
}
