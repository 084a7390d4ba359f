package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// TestPlainChild: a start tag's lone child holding plain text is read by
// the quick path, which leaves the scanner where the general path does;
// anything else is left to the general path, nothing consumed.
func TestPlainChild(t *testing.T) {
	for _, c := range []struct {
		doc, child, want string
		ok               bool
	}{
		{`<c r="A1"><v>12</v></c><c/>`, "v", "12", true},
		{`<c><v></v></c>`, "v", "", true},
		{`<si><t>公告 a]b</t></si><si/>`, "t", "公告 a]b", true},
		{`<x:c><v>1</v></x:c>`, "v", "1", true},
		{`<c><v>1</v></d>`, "v", "", false},
		{`<c><v>a&amp;b</v></c>`, "v", "", false},
		{"<c><v>a\r\nb</v></c>", "v", "", false},
		{`<c><v>1</v> </c>`, "v", "", false},
		{`<c><v t="x">1</v></c>`, "v", "", false},
		{`<c><vv>1</vv></c>`, "v", "", false},
		{`<c><f>1</f><v>2</v></c>`, "v", "", false},
		{`<c><v>1</v></c >`, "v", "", false},
		{`<c><v>1</v></c`, "v", "", false}, // the window ends first
		{`<c><v>1</v></cc>`, "v", "", false},
		{`<si><t xml:space="preserve"> a</t></si>`, "t", "", false},
		{`<c><v>a]]>b</v></c>`, "v", "", false},      // not well-formed: the general path refuses it
		{"<c><v>a\x01b</v></c>", "v", "", false},     // a character XML cannot carry
		{"<si><t>a\xffb</t></si>", "t", "", false},   // not UTF-8
		{"<si><t>a\uFFFEb</t></si>", "t", "", false}, // not a character
	} {
		s := newDocScanner([]byte(c.doc))
		if s.next() != tokStart {
			t.Fatalf("%s: no start tag", c.doc)
		}
		pos := s.pos
		text, ok := s.plainChild(c.child)
		if ok != c.ok || ok && string(text) != c.want {
			t.Errorf("%s: %q, %v; want %q, %v", c.doc, text, ok, c.want, c.ok)
			continue
		}
		if !ok {
			if s.pos != pos || s.kind != tokStart {
				t.Errorf("%s: a miss consumed %d bytes", c.doc, s.pos-pos)
			}
			continue
		}
		// The general path: tokens up to the parent's end tag.
		g := newDocScanner([]byte(c.doc))
		g.next()
		for depth := 1; depth > 0; {
			switch g.next() {
			case tokStart:
				depth++
			case tokEnd:
				depth--
			}
		}
		if s.pos != g.pos || s.kind != g.kind || string(s.name) != string(g.name) || string(s.local) != string(g.local) {
			t.Errorf("%s: left at %d %v %q %q, the general path at %d %v %q %q", c.doc, s.pos, s.kind, s.name, s.local, g.pos, g.kind, g.name, g.local)
		}
		if sk, gk := s.next(), g.next(); sk != gk || s.pos != g.pos {
			t.Errorf("%s: then %v at %d, the general path %v at %d", c.doc, sk, s.pos, gk, g.pos)
		}
	}
}

// TestPlainAttrs: start tags whose attributes are read by the quick path,
// wholly or up to a miss, give what the general loop gives for the same
// tag with a second space after its name (where the quick path stops at
// once); the tags written as programs write them are read by it wholly.
func TestPlainAttrs(t *testing.T) {
	for _, c := range []struct {
		tag   string
		plain bool
	}{
		{`<c r="A1" s="3" t="s"`, true}, {`<row r="12" spans="1:9" ht="24" customHeight="1"`, true}, {`<c`, true},
		{`<c r="A1" r="B1"`, true}, {`<c r=""`, true}, {`<c r="A1" t="&#115;"`, false}, {`<c x:y="z"`, false},
		{`<c r="A1" x14ac:dyDescent="0.25"`, false}, {`<c r='A1'`, false}, {`<c  r="A1"`, false}, {`<c r="A1"t="s"`, false},
		{`<c r="A1" `, false},
	} {
		name, rest, spaced := strings.Cut(c.tag, " ")
		oracle := name
		if spaced {
			oracle = name + "  " + rest
		}
		for _, end := range []string{">", "/>"} {
			quick, general := newDocScanner([]byte(c.tag+end+"x")), newDocScanner([]byte(oracle+end+"x"))
			qk, gk := quick.next(), general.next()
			if qk != gk || string(quick.name) != string(general.name) || !reflect.DeepEqual(quick.attrs, general.attrs) ||
				quick.pos != general.pos-(len(oracle)-len(c.tag)) {
				t.Errorf("%s%s: %v %q %+v at %d; the general loop %v %q %+v at %d", c.tag, end,
					qk, quick.name, quick.attrs, quick.pos, gk, general.name, general.attrs, general.pos)
			}
			s := newDocScanner([]byte(c.tag + end))
			if _, _, ok := s.plainAttrs([]byte(c.tag+end), len(name)); ok != c.plain {
				t.Errorf("%s%s: read wholly by the quick path: %v, want %v", c.tag, end, ok, c.plain)
			}
		}
	}
}
