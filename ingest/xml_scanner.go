package ingest

import (
	"bytes"
	"errors"
	"io"
)

// tokKind is the kind of an XML token read by xmlScanner.
type tokKind uint8

const (
	tokEOF     tokKind = iota // end of input
	tokBad                    // input this scanner does not accept (see xmlScanner)
	tokText                   // character data, raw (entities not decoded)
	tokCDATA                  // a CDATA section's content
	tokStart                  // <name attrs>
	tokEmpty                  // <name attrs/>
	tokEnd                    // </name>
	tokComment                // <!-- … -->
	tokPI                     // <?target …?>
)

// errWindow is a token larger than the scanner's largest window.
var errWindow = errors.New("xml token larger than the read window")

// xmlScanner is a byte-level XML tokenizer over a window of bytes that is
// refilled from src (or, with src nil, over one document held in memory).
// It accepts the XML that spreadsheet programs write and reports tokBad for
// anything encoding/xml would reject or read differently (DOCTYPE and other
// directives, names that are not plain ASCII, unquoted attributes, "--"
// inside a comment …), so that a caller can hand such a part to excelize.
// Slices it returns (name, attrs, text) are valid until the next call.
type xmlScanner struct {
	src      io.Reader
	buf      []byte
	pos, end int
	eof      bool
	err      error // a read error other than io.EOF
	maxWin   int   // the largest window

	kind  tokKind
	name  []byte // raw name of a tag or PI target, prefix included
	local []byte // the name without its namespace prefix
	text  []byte // tokText and tokCDATA content; a PI's content
	attrs []xmlAttr

	scratch []byte // for checks that decode and discard
}

// xmlAttr is one attribute of a start tag, its value raw.
type xmlAttr struct {
	name  []byte // raw, prefix included
	local []byte
	value []byte
	amp   bool // the value holds an entity or a CR and must be decoded
}

// newDocScanner scans a document held in memory.
func newDocScanner(doc []byte) *xmlScanner {
	return &xmlScanner{buf: doc, end: len(doc), eof: true, maxWin: len(doc)}
}

// newStreamScanner scans src through a window of win bytes that grows to
// at most maxWin for a single token.
func newStreamScanner(src io.Reader, win, maxWin int) *xmlScanner {
	return &xmlScanner{src: src, buf: make([]byte, win), maxWin: max(win, maxWin)}
}

// more reads more input into the window, keeping the unread bytes; it
// reports false at the end of input or on an error.
func (s *xmlScanner) more() bool {
	if s.eof || s.src == nil {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= s.maxWin {
			s.err, s.eof = errWindow, true
			return false
		}
		nb := make([]byte, min(2*len(s.buf), s.maxWin))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.src.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// next reads the next token.
func (s *xmlScanner) next() tokKind {
	for {
		b := s.buf[s.pos:s.end]
		if len(b) == 0 {
			if s.more() {
				continue
			}
			if s.err != nil {
				return s.set(tokBad)
			}
			return s.set(tokEOF)
		}
		if b[0] != '<' {
			i := bytes.IndexByte(b, '<')
			if i < 0 {
				if s.more() {
					continue
				}
				if s.err != nil {
					return s.set(tokBad)
				}
				i = len(b)
			}
			s.text = b[:i]
			s.pos += i
			return s.set(tokText)
		}
		n, k := s.markup(b)
		if n == 0 {
			if s.more() {
				continue
			}
			return s.set(tokBad)
		}
		s.pos += n
		return s.set(k)
	}
}

func (s *xmlScanner) set(k tokKind) tokKind {
	s.kind = k
	return k
}

// markup parses the tag at the start of b. n is 0 when b ends before the
// tag does; a malformed tag is tokBad with n > 0.
func (s *xmlScanner) markup(b []byte) (n int, k tokKind) {
	if len(b) < 2 {
		return 0, tokBad
	}
	switch b[1] {
	case '/':
		i, st := scanName(b, 2)
		if st != nameOK {
			return st.result(b)
		}
		s.name = b[2:i]
		if !s.setLocal() {
			return len(b), tokBad
		}
		i = skipSpace(b, i)
		if i == len(b) {
			return 0, tokBad
		}
		if b[i] != '>' {
			return len(b), tokBad
		}
		return i + 1, tokEnd
	case '?':
		i, st := scanName(b, 2)
		if st != nameOK {
			return st.result(b)
		}
		j := bytes.Index(b[i:], []byte("?>"))
		if j < 0 {
			return 0, tokBad
		}
		s.name, s.text = b[2:i], b[i:i+j]
		return i + j + 2, tokPI
	case '!':
		return s.bang(b)
	}
	return s.startTag(b)
}

// bang parses a comment or a CDATA section; any other <! is tokBad.
func (s *xmlScanner) bang(b []byte) (int, tokKind) {
	const cdata, comment = "<![CDATA[", "<!--"
	switch {
	case bytes.HasPrefix(b, []byte(comment)):
		j := bytes.Index(b[4:], []byte("--"))
		if j < 0 || 4+j+2 >= len(b) {
			return 0, tokBad
		}
		if b[4+j+2] != '>' { // encoding/xml rejects "--" inside a comment
			return len(b), tokBad
		}
		return 4 + j + 3, tokComment
	case bytes.HasPrefix(b, []byte(cdata)):
		j := bytes.Index(b[len(cdata):], []byte("]]>"))
		if j < 0 {
			return 0, tokBad
		}
		s.text = b[len(cdata) : len(cdata)+j]
		return len(cdata) + j + 3, tokCDATA
	case bytes.HasPrefix([]byte(cdata), b), bytes.HasPrefix([]byte(comment), b):
		return 0, tokBad // too short to tell
	}
	return len(b), tokBad
}

// startTag parses <name attr="v" …> or <name …/>.
func (s *xmlScanner) startTag(b []byte) (int, tokKind) {
	i, st := scanName(b, 1)
	if st != nameOK {
		return st.result(b)
	}
	s.name = b[1:i]
	if !s.setLocal() {
		return len(b), tokBad
	}
	s.attrs = s.attrs[:0]
	n, k, ok := s.plainAttrs(b, i)
	if ok {
		return n, k
	}
	for i = n; ; {
		i = skipSpace(b, i)
		if i >= len(b) {
			return 0, tokBad
		}
		switch b[i] {
		case '>':
			return i + 1, tokStart
		case '/':
			if i+1 >= len(b) {
				return 0, tokBad
			}
			if b[i+1] != '>' {
				return len(b), tokBad
			}
			return i + 2, tokEmpty
		}
		j, st := scanName(b, i)
		if st != nameOK {
			return st.result(b)
		}
		j0 := j
		local, ok := localName(b[i:j])
		if !ok {
			return len(b), tokBad
		}
		j = skipSpace(b, j)
		if j >= len(b) {
			return 0, tokBad
		}
		if b[j] != '=' {
			return len(b), tokBad
		}
		j = skipSpace(b, j+1)
		if j >= len(b) {
			return 0, tokBad
		}
		q := b[j]
		if q != '"' && q != '\'' {
			return len(b), tokBad
		}
		e := bytes.IndexByte(b[j+1:], q)
		if e < 0 {
			return 0, tokBad
		}
		v := b[j+1 : j+1+e]
		s.attrs = append(s.attrs, xmlAttr{name: b[i:j0], local: local, value: v, amp: !plainAttr(v)})
		i = j + 1 + e + 1
	}
}

// plainAttrs reads the attributes of a start tag from b[i] in the form
// spreadsheet programs write them — each after one space, a name of ASCII
// letters, ="value" with a plain value (see plainAttr), the tag ended by >
// or /> — quicker than the general loop. ok is false at anything else: n is
// then where the general loop goes on (before a space or what ended the
// attributes read), with the attributes read so far in s.attrs.
func (s *xmlScanner) plainAttrs(b []byte, i int) (n int, k tokKind, ok bool) {
	for i < len(b) {
		switch b[i] {
		case '>':
			return i + 1, tokStart, true
		case '/':
			if i+1 < len(b) && b[i+1] == '>' {
				return i + 2, tokEmpty, true
			}
		case ' ':
			j := i + 1
			for j < len(b) && ('a' <= b[j] && b[j] <= 'z' || 'A' <= b[j] && b[j] <= 'Z') {
				j++
			}
			if j == i+1 || j+1 >= len(b) || b[j] != '=' || b[j+1] != '"' {
				break
			}
			e := bytes.IndexByte(b[j+2:], '"')
			if e < 0 {
				break
			}
			v := b[j+2 : j+2+e]
			if !plainAttr(v) {
				break
			}
			s.attrs = append(s.attrs, xmlAttr{name: b[i+1 : j], local: b[i+1 : j], value: v})
			i = j + 2 + e + 1
			continue
		}
		break
	}
	return i, 0, false
}

// plainAttr reports an attribute value that needs no decoding or checks:
// printable ASCII without & or <.
func plainAttr(v []byte) bool {
	for _, c := range v {
		if c < 0x20 || c >= 0x7F || c == '&' || c == '<' {
			return false
		}
	}
	return true
}

// setLocal sets local from name as encoding/xml splits it.
func (s *xmlScanner) setLocal() bool {
	l, ok := localName(s.name)
	s.local = l
	return ok
}

// localName drops a namespace prefix; a name with two colons is rejected
// (encoding/xml does too), one that starts or ends with a colon is kept.
func localName(n []byte) ([]byte, bool) {
	i := bytes.IndexByte(n, ':')
	if i < 0 {
		return n, true
	}
	if bytes.IndexByte(n[i+1:], ':') >= 0 {
		return nil, false
	}
	if i == 0 || i == len(n)-1 {
		return n, true
	}
	return n[i+1:], true
}

// nameStatus says how a name scan ended.
type nameStatus uint8

const (
	nameOK   nameStatus = iota
	nameMore            // the input ended inside the name
	nameBad             // not a plain ASCII XML name
)

// result is what markup returns for a name scan that did not end well.
func (st nameStatus) result(b []byte) (int, tokKind) {
	if st == nameMore {
		return 0, tokBad
	}
	return len(b), tokBad
}

// scanName returns the end of the XML name starting at b[i].
func scanName(b []byte, i int) (int, nameStatus) {
	if i >= len(b) {
		return i, nameMore
	}
	if !isNameStart(b[i]) {
		return i, nameBad
	}
	for i++; i < len(b); i++ {
		c := b[i]
		if isNameByte(c) {
			continue
		}
		switch c {
		case ' ', '\t', '\r', '\n', '>', '/', '=', '?':
			return i, nameOK
		}
		return i, nameBad
	}
	return i, nameMore
}

func isNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == ':'
}

func isNameByte(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-'
}

func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// plainChild reads, straight from the window, the most common content of
// an element whose start tag was just read: one child element without
// attributes holding text that needs no decoding (see checkChars) — a
// cell's <v>, a string item's <t> — and the element's end tag. It returns
// the text, valid until the next call, and leaves the end tag as the token
// just read; on anything else (or a window that ends first) it consumes
// nothing and ok is false, for the caller to read the content token by
// token.
func (s *xmlScanner) plainChild(child string) (text []byte, ok bool) {
	if s.kind != tokStart {
		return nil, false
	}
	b := s.buf[s.pos:s.end]
	c := len(child)
	if len(b) < c+2 || b[0] != '<' || string(b[1:1+c]) != child || b[1+c] != '>' {
		return nil, false
	}
	i := bytes.IndexByte(b[c+2:], '<')
	if i < 0 {
		return nil, false
	}
	text, rest := b[c+2:c+2+i], b[c+2+i:]
	// </child></name>
	n := len(s.name)
	if len(rest) < c+n+6 || rest[0] != '<' || rest[1] != '/' || string(rest[2:2+c]) != child ||
		string(rest[2+c:5+c]) != "></" || string(rest[5+c:5+c+n]) != string(s.name) || rest[5+c+n] != '>' {
		return nil, false
	}
	if plain, good := checkChars(text, inText); !plain || !good {
		return nil, false
	}
	s.pos += c + 2 + i + c + n + 6 // s.name and s.local, the start tag's, name the end tag too
	s.set(tokEnd)
	return text, true
}

// attr returns the value of the attribute with local name n and how many
// such attributes the tag has.
func (s *xmlScanner) attr(n string) (v xmlAttr, count int) {
	for _, a := range s.attrs {
		if string(a.local) == n {
			v = a
			count++
		}
	}
	return v, count
}

func (k tokKind) String() string {
	return [...]string{"end of input", "bad markup", "text", "CDATA", "start tag", "empty tag", "end tag", "comment", "PI"}[k]
}
