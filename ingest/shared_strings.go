package ingest

import (
	"archive/zip"
	"bytes"
)

// mainNamespace is the namespace of SpreadsheetML (transitional).
const mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// loadSharedStrings reads the shared string table as excelize does, each
// item's text being xlsxSI.String(). ok is false for a table this reader
// leaves to excelize: larger than the XML it may hold in memory (excelize
// then spills it to a file), strict OOXML, or anything its decoder would
// read differently or reject.
func loadSharedStrings(zf *zip.File, lim Limits) (sst []string, ok bool) {
	if zf == nil {
		return nil, true
	}
	if zf.UncompressedSize64 > uint64(lim.XMLInMemory) {
		return nil, false
	}
	doc, release, err := readPart(zf)
	if err != nil {
		return nil, false
	}
	defer release()
	if bytes.Contains(doc, []byte("purl.oclc.org")) {
		return nil, false
	}
	s := newDocScanner(doc)
	for {
		switch s.next() {
		case tokEOF:
			return nil, true // no root element: excelize reads an empty table
		case tokStart:
			if string(s.local) != "sst" || rootSpace(s) != mainNamespace {
				return nil, false
			}
			return readSST(s)
		case tokEmpty:
			if string(s.local) != "sst" || rootSpace(s) != mainNamespace {
				return nil, false
			}
			return nil, s.checkTyped(sstTypes)
		default:
			if handled, good := s.ignorable(); !handled || !good {
				return nil, false
			}
		}
	}
}

// sstTypes are the typed attributes of <sst>.
var sstTypes = map[string]attrType{"count": attrInt, "uniqueCount": attrInt}

// readSST reads the items of an <sst> whose start tag was just read.
func readSST(s *xmlScanner) ([]string, bool) {
	if !s.checkTyped(sstTypes) {
		return nil, false
	}
	end := hold(s.name)
	var out []string
	var buf []byte
	var arena stringArena
	for {
		switch s.next() {
		case tokStart:
			if string(s.local) != "si" {
				if !s.skip() {
					return nil, false
				}
				continue
			}
			var text string
			var ok bool
			if text, buf, ok = s.readRichText(buf, arena.string); !ok {
				return nil, false
			}
			out = append(out, text)
		case tokEmpty:
			if !s.checkAttrs() {
				return nil, false
			}
			if string(s.local) == "si" {
				out = append(out, "")
			}
		case tokEnd:
			return out, end.ends(s)
		default:
			if handled, ok := s.ignorable(); !handled || !ok {
				return nil, false
			}
		}
	}
}

// rootSpace is the namespace of the root element just read, from the
// declarations on it (the root is the only place they can come from).
func rootSpace(s *xmlScanner) string {
	prefix := ""
	if i := bytes.IndexByte(s.name, ':'); i > 0 && i < len(s.name)-1 {
		prefix = string(s.name[:i])
	}
	decl := "xmlns"
	if prefix != "" {
		decl = "xmlns:" + prefix
	}
	space := prefix
	for _, a := range s.attrs {
		if string(a.name) == decl {
			space, _ = attrString(a)
		}
	}
	return space
}
