package ingest

import (
	"strconv"
	"strings"
)

// heldName keeps a tag's raw name across tokens, to match its end tag.
type heldName struct {
	buf  [24]byte
	n    int // -1: the name is in long
	long string
}

func hold(b []byte) (h heldName) {
	if len(b) <= len(h.buf) {
		h.n = copy(h.buf[:], b)
	} else {
		h.n, h.long = -1, string(b)
	}
	return h
}

// ends reports whether the end tag just read closes the held name.
func (h *heldName) ends(s *xmlScanner) bool {
	if h.n < 0 {
		return string(s.name) == h.long
	}
	return string(h.buf[:h.n]) == string(s.name)
}

// checkText checks a text or CDATA token that is not kept.
func (s *xmlScanner) checkText() bool {
	mode := inText
	if s.kind == tokCDATA {
		mode = inCDATA
	}
	plain, ok := checkChars(s.text, mode)
	if ok && !plain {
		s.scratch, ok = appendText(s.scratch[:0], s.text, mode)
	}
	return ok
}

// checkAttrs checks the attribute values of the tag just read.
func (s *xmlScanner) checkAttrs() bool {
	for _, a := range s.attrs {
		if a.amp {
			var ok bool
			if s.scratch, ok = appendText(s.scratch[:0], a.value, inAttr); !ok {
				return false
			}
		}
	}
	return true
}

// checkPI accepts a processing instruction as encoding/xml reads it
// without a charset reader: an XML declaration must say version 1.0 and
// UTF-8.
func (s *xmlScanner) checkPI() bool {
	if string(s.name) != "xml" {
		return true
	}
	content := string(s.text)
	if v := procInstParam("version", content); v != "" && v != "1.0" {
		return false
	}
	enc := procInstParam("encoding", content)
	return enc == "" || strings.EqualFold(enc, "utf-8")
}

// procInstParam reads param="value" from a processing instruction, the
// way encoding/xml does.
func procInstParam(param, s string) string {
	param += "="
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || len(param)+k >= len(sub) {
			return ""
		}
		i += len(param) + k + 1
		if c := sub[len(param)+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// ignorable handles a token that carries nothing where it stands: text,
// comment, processing instruction. ok is false for a token it does not
// handle or for one that is malformed.
func (s *xmlScanner) ignorable() (handled, ok bool) {
	switch s.kind {
	case tokText, tokCDATA:
		return true, s.checkText()
	case tokComment:
		return true, true
	case tokPI:
		return true, s.checkPI()
	}
	return false, false
}

// skip consumes the rest of the element whose start tag was just read,
// checking that it is well formed.
func (s *xmlScanner) skip() bool {
	if !s.checkAttrs() {
		return false
	}
	var open []heldName
	open = append(open, hold(s.name))
	for {
		switch s.next() {
		case tokStart:
			if !s.checkAttrs() {
				return false
			}
			open = append(open, hold(s.name))
		case tokEmpty:
			if !s.checkAttrs() {
				return false
			}
		case tokEnd:
			if !open[len(open)-1].ends(s) {
				return false
			}
			if open = open[:len(open)-1]; len(open) == 0 {
				return true
			}
		default:
			if handled, ok := s.ignorable(); !handled || !ok {
				return false
			}
		}
	}
}

// readChars appends the text of the element whose start tag was just
// read; an element inside it is not handled.
func (s *xmlScanner) readChars(dst []byte) ([]byte, bool) {
	end := hold(s.name)
	if !s.checkAttrs() {
		return dst, false
	}
	for {
		var ok bool
		switch s.next() {
		case tokText:
			if dst, ok = appendText(dst, s.text, inText); !ok {
				return dst, false
			}
		case tokCDATA:
			if dst, ok = appendText(dst, s.text, inCDATA); !ok {
				return dst, false
			}
		case tokComment:
		case tokPI:
			if !s.checkPI() {
				return dst, false
			}
		case tokEnd:
			return dst, end.ends(s)
		default:
			return dst, false
		}
	}
}

// attrType is the Go type excelize decodes an attribute into.
type attrType byte

const (
	attrInt attrType = iota + 1
	attrUint32
	attrFloat
	attrBool
)

// checkTyped checks the attributes that excelize decodes into numbers or
// booleans: one that encoding/xml could not parse fails excelize's whole
// decode, which this reader leaves to excelize.
func (s *xmlScanner) checkTyped(types map[string]attrType) bool {
	if !s.checkAttrs() {
		return false
	}
	for _, a := range s.attrs {
		t := types[string(a.local)]
		if t == 0 || len(a.value) == 0 {
			continue
		}
		v, ok := attrString(a)
		if !ok {
			return false
		}
		v = strings.TrimSpace(v)
		var err error
		switch t {
		case attrInt:
			_, err = strconv.ParseInt(v, 10, 64)
		case attrUint32:
			_, err = strconv.ParseUint(v, 10, 32)
		case attrFloat:
			_, err = strconv.ParseFloat(v, 64)
		case attrBool:
			_, err = strconv.ParseBool(v)
		}
		if err != nil {
			return false
		}
	}
	return true
}
