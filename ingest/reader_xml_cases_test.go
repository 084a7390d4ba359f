package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// craftedSST is a shared string table with rich text, phonetic runs,
// escapes and entities.
const craftedSST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="6" uniqueCount="6">
<si><t>信息标题</t></si>
<si><t xml:space="preserve"> 公开日期 </t></si>
<si><r><rPr><b/><sz val="11"/><color theme="1"/></rPr><t>富</t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></si>
<si><t>a_x000D_b_x005F_x0041_c_xD800_d</t></si>
<si><t>&lt;&amp;&gt;&quot;&apos;&#x41;&#66;</t></si>
<si/>
</sst>`

// xmlCase is a worksheet crafted to try one feature of the reader.
type xmlCase struct {
	name    string
	sheet   string // the content of <worksheet>, or a whole part when it starts with <?xml
	handOff bool   // the reader must hand the sheet to excelize
}

var xmlCases = []xmlCase{
	{"types", `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>
<row r="3" spans="1:9"><c r="A3"><v>45678</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="str"><v>text</v></c>
<c r="E3" t="d"><v>2025-03-05T00:00:00</v></c><c r="F3" t="inlineStr"><is><t>inline</t></is></c><c r="G3" s="4"/><c r="H3"><f>A3+1</f><v>45679</v></c>
<c r="I3"><f>SUM(A1:A2)</f></c><c r="J3" s="2"></c><c r="K3" t="n"><v>1.5E-3</v></c></row>
<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" t="s"><v>5</v></c><c r="D4" t="s"><v> 2 </v></c><c r="E4" t="s"><v>x</v></c><c r="F4" t="s"><v>99</v></c></row></sheetData>`, false},
	{"prefixes", `<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c></x:row></x:sheetData>`, false},
	{"no references", `<sheetData><row><c><v>1</v></c><c t="s"><v>0</v></c><c/><c><v>4</v></c></row><row/><row><c r="C3"><v>5</v></c><c><v>6</v></c></row></sheetData>`, false},
	{"CDATA, comments, PIs", `<sheetData><!-- a comment --><row r="1"><c r="A1"><v><![CDATA[12]]><!-- x -->3</v></c><?pi x?><c r="B1" t="inlineStr"><is><t>a<![CDATA[<b>&amp;</b>]]>c</t></is></c></row></sheetData>`, false},
	{"entities and line ends", "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x&#13;&#10;y\r\nz\rw &#x4E2D;&#20013;</t></is></c><c r=\"B1\" t=\"str\"><v>&lt;a&gt;</v></c></row></sheetData>", false},
	{"rich inline text", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><rPr><i val="1"/></rPr><t>one</t></r><r><t xml:space="preserve"> two</t></r><t>zero</t></is></c></row></sheetData>`, false},
	{"cells out of order", `<sheetData><row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="A1"><v>9</v></c></row></sheetData>`, false},
	{"blank text between rows", "<sheetData>\n  <row r=\"2\">\n <c r=\"B2\"><v>2</v></c>\n</row>stray text<row r=\"5\"/></sheetData>", false},
	{"empty sheetData", `<sheetData/>`, false},
	{"no sheetData", `<sheetPr/>`, false},
	{"merged down", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>类别</t></is></c></row><row r="3"/><row r="4"/></sheetData><mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="B1:C1"/></mergeCells>`, false},
	// Cells as spreadsheet programs write them are read by quick paths (plainAttrs, plainChild);
	// these are read by them or just miss them, and must come out as excelize reads them.
	{"near the quick paths", "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B1\"/><c r=\"C1\" /><c r=\"D1\" ><v>1</v></c>" +
		"<c r='E1'><v>2</v></c><c  r=\"F1\"><v>3</v></c><c r=\"G1\" t=\"s\"><v>1</v></c ><c r=\"H1\"><v>a&amp;b</v></c><c r=\"I1\"><v>x\r\ny</v></c>" +
		"<c r=\"J1\" t=\"str\"><v>a]]&gt;b</v></c><c r=\"K1\" t=\"str\"><v></v></c><c r=\"L1\"><v>4</v><!-- x --></c><c r=\"M1\" x:y=\"z\" xmlns:x=\"urn:x\"><v>5</v></c>" +
		"<c r=\"N1\" t=\"str\"><v>中文 text</v></c><c r=\"O1\"><f>1+1</f><v>2</v></c><c r=\"P1\" t=\"inlineStr\"><is><t>q</t></is></c>" +
		"<c r=\"Q1\" t=\"&#115;\"><v>0</v></c><c r=\"R1\" t=\"s\" s=\"0\"><v>1</v></c><c t=\"s\" r=\"S1\"><v>0</v></c></row></sheetData>", false},
	{"a cell ended by another tag after its value", `<sheetData><row r="1"><c r="A1"><v>1</v></d></row></sheetData>`, true},
	{"a cell with its r twice", `<sheetData><row r="1"><c r="A1" r="B1"><v>1</v></c></row></sheetData>`, true},
	{"row numbers out of order", `<sheetData><row r="3"><c r="A3"><v>3</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData>`, true},
	{"a row number that is not one", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="x"><c r="A2"><v>2</v></c></row></sheetData>`, true},
	{"a row number beyond the sheet", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="9999999"><c r="A2"><v>2</v></c></row></sheetData>`, true},
	{"rows after sheetData", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><drawing><xdr:row xmlns:xdr="urn:x">3</xdr:row></drawing>`, true},
	{"unknown element in a cell", `<sheetData><row r="1"><c r="A1"><v>1</v><extLst/></c></row></sheetData>`, true},
	{"a character reference out of range", `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>&#1;</v></c></row></sheetData>`, true},
	{"an empty style", `<sheetData><row r="1"><c r="A1" s=""><v>1</v></c></row></sheetData>`, true},
	{"a DOCTYPE", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "v">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>`, true},
	{"another encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, true},
	{"mismatched end tag", `<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></rows></sheetData>`, true},
}

// TestReaderXMLCases compares the readers on crafted worksheets, and checks
// which ones the reader reads itself and which it hands over.
func TestReaderXMLCases(t *testing.T) {
	inbox := t.TempDir()
	for i, c := range xmlCases {
		t.Run(c.name, func(t *testing.T) {
			path := ledgerBook(t, inbox, fmt.Sprintf("case%d.xlsx", i))
			part := c.sheet
			if !strings.HasPrefix(part, "<?xml") {
				part = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + part + `</worksheet>`
			}
			rewriteZip(t, path, func(name string, d []byte) []byte {
				switch name {
				case "xl/worksheets/sheet1.xml":
					return []byte(part)
				case "xl/sharedStrings.xml":
					return []byte(craftedSST)
				}
				return d
			})
			// In memory, and streamed through a window of 64 bytes at first
			// (tokens and quick paths cut by the window's end).
			for _, window := range []int{0, 64} {
				var tally diffTally
				func() {
					if window > 0 {
						defer func(w int, a int64) { streamWindow, streamAbove = w, a }(streamWindow, streamAbove)
						streamWindow, streamAbove = window, 1
					}
					diffFile(t, path, DefaultLimits(), &tally)
				}()
				if tally.files != 1 || len(tally.wholeToExcelize) > 0 {
					t.Fatalf("window %d: not compared: %+v", window, tally)
				}
				if handed := len(tally.handedOver) > 0; handed != c.handOff {
					t.Errorf("window %d: handed over to excelize: %v, want %v (%v)", window, handed, c.handOff, tally.handedOver)
				}
			}
		})
	}
}
