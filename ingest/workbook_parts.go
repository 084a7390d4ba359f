package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// partsBook is an .xlsx package opened with archive/zip whose worksheets
// are streamed by sheetParser. excelize opens a copy of the package
// without its worksheets and shared strings (see stubPackage), so that it
// accepts or refuses the file as it would the whole of it and says which
// sheets there are; it opens the whole file only when the reader hands a
// sheet over to it.
type partsBook struct {
	path    string
	lim     Limits
	zr      *zip.Reader
	closer  io.Closer // the file zr reads, when not read into memory
	sheets  []bookSheet
	sst     []string
	dateSys DateSystem

	xl       *excelize.File // the whole file, opened on the first hand-over
	lateErr  error          // excelize could not open the whole file
	handed   []handedSheet  // sheets handed over to excelize
	readOpen map[int]*partRows
}

// bookSheet is one sheet of the workbook and its part.
type bookSheet struct {
	name    string
	part    *zip.File // nil when excelize finds no part (openErr says why)
	openErr error     // what excelize's Rows() says for this sheet
}

// Package parts excelize reads by a fixed name.
const (
	pathPackageRels = "_rels/.rels"
	pathSharedStrs  = "xl/sharedstrings.xml" // lower-cased, as excelize matches it
)

// openParts opens the package for the streaming reader. It returns nil and
// why when the file is better left to excelize as a whole: it does not
// open as a zip, exceeds the limits, is strict OOXML, or has a structure
// this reader does not resolve the way excelize does.
func openParts(path string, lim Limits) (b *partsBook, why string) {
	zr, closer, err := openZip(path)
	if err != nil {
		return nil, "zip: " + err.Error()
	}
	b = &partsBook{path: path, lim: lim, zr: zr, closer: closer}
	if why := b.open(); why != "" {
		b.Close()
		return nil, why
	}
	return b, ""
}

// inMemoryZip is the size up to which a workbook is read whole into memory
// before its parts are: a ledger of a few hundred kilobytes is then one
// read, not a hundred small ones as the parts are decompressed.
const inMemoryZip = 8 << 20

// openZip opens the zip file at path; closer is nil for one read into
// memory.
func openZip(path string) (*zip.Reader, io.Closer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if st.Size() <= inMemoryZip {
		data := make([]byte, st.Size())
		_, err := io.ReadFull(f, data)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return nil, nil, err
		}
		return useInflate(zr), nil, nil
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return useInflate(zr), f, nil
}

func (b *partsBook) open() (why string) {
	parts := map[string]*zip.File{}
	var total int64
	var sst *zip.File
	for _, f := range b.zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		if _, dup := parts[name]; dup {
			return "two parts named " + name
		}
		parts[name] = f
		size := int64(f.UncompressedSize64)
		if total += size; size < 0 || size > b.lim.UnzipSize || total > b.lim.UnzipSize {
			return "over the unzip size limit" // excelize refuses it with its own message
		}
		if strings.ToLower(name) == pathSharedStrs {
			if sst != nil {
				return "two shared string parts"
			}
			sst = f
		}
	}
	wbPath, ok := workbookPath(parts)
	if !ok {
		return "workbook part not resolved"
	}
	rels, ok := readRels(parts[workbookRelsPath(wbPath)])
	if !ok {
		return "workbook relationships not read"
	}
	stub, sheetParts, why := b.openStub(parts, wbPath, rels)
	if why != "" {
		return why
	}
	defer stub.Close()
	if props, err := stub.GetWorkbookProps(); err == nil && props.Date1904 != nil && *props.Date1904 {
		b.dateSys = Date1904
	}
	for _, sh := range stub.WorkBook.Sheets.Sheet {
		bs := bookSheet{name: sh.Name, part: sheetParts[sh.Name]}
		if _, err := stub.Rows(sh.Name); err != nil {
			bs.part, bs.openErr = nil, err
		}
		b.sheets = append(b.sheets, bs)
	}
	if b.sst, ok = loadSharedStrings(sst, b.lim); !ok {
		return "shared strings not read"
	}
	return ""
}

// openStub resolves each sheet's part as excelize's getSheetMap does and
// opens, with excelize, the package with every worksheet emptied and the
// shared strings left out.
func (b *partsBook) openStub(parts map[string]*zip.File, wbPath string, rels []xmlRel) (*excelize.File, map[string]*zip.File, string) {
	wb, ok := readWorkbookSheets(parts[wbPath])
	if !ok {
		return nil, nil, "workbook part not read"
	}
	sheetParts := map[string]*zip.File{}
	stubbed := map[string]bool{}
	folded := map[string]bool{}
	for _, sh := range wb {
		key := strings.ToLower(sh.Name)
		if folded[key] {
			return nil, nil, "sheet names equal but for case" // excelize would pick one at random
		}
		folded[key] = true
		for _, rel := range rels {
			if rel.ID != sh.ID {
				continue
			}
			p := worksheetPath(wbPath, rel.Target)
			if f := parts[p]; f != nil {
				if isStructural(p, wbPath) {
					return nil, nil, "a sheet's relationship points at a structural part"
				}
				sheetParts[sh.Name], stubbed[p] = f, true
			}
		}
	}
	var buf bytes.Buffer
	left, err := stubPackage(&buf, b.zr.File, stubbed)
	if err != nil {
		return nil, nil, "parts not copied: " + err.Error()
	}
	stub, err := excelize.OpenReader(&buf, excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    b.lim.UnzipSize,
		UnzipXMLSizeLimit: b.lim.XMLInMemory,
	})
	if err != nil {
		return nil, nil, "excelize refuses the structure: " + err.Error()
	}
	for _, f := range b.zr.File {
		if name := strings.ReplaceAll(f.Name, `\`, "/"); heavyParts[name] && !left[name] {
			rememberGood(name, f)
		}
	}
	names := stub.GetSheetList()
	same := len(names) == len(wb)
	for i := 0; same && i < len(names); i++ {
		same = names[i] == wb[i].Name
	}
	if !same {
		stub.Close()
		return nil, nil, "sheet list differs from excelize's"
	}
	return stub, sheetParts, ""
}

// stubWorksheet stands in for every worksheet in the package excelize opens.
const stubWorksheet = `<worksheet xmlns="` + mainNamespace + `"><sheetData/></worksheet>`

// stubPackage writes the package with the given parts (and every part
// excelize counts as a worksheet) replaced by an empty worksheet, the
// shared strings and the heavy parts known to be good (see knownGood)
// left out; every other part is copied as it is compressed. It returns
// the parts it left out.
func stubPackage(w io.Writer, files []*zip.File, stubbed map[string]bool) (left map[string]bool, err error) {
	left = map[string]bool{}
	zw := zip.NewWriter(w)
	for _, f := range files {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		lower := strings.ToLower(name)
		switch {
		case lower == pathSharedStrs, knownGood(name, f):
			left[name] = true
		case stubbed[name] || strings.HasPrefix(lower, "xl/worksheets/sheet"):
			pw, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
			if err != nil {
				return nil, err
			}
			if _, err := io.WriteString(pw, stubWorksheet); err != nil {
				return nil, err
			}
		default:
			hdr := f.FileHeader
			pw, err := zw.CreateRaw(&hdr)
			if err != nil {
				return nil, err
			}
			raw, err := f.OpenRaw()
			if err != nil {
				return nil, err
			}
			if _, err := io.Copy(pw, raw); err != nil {
				return nil, err
			}
		}
	}
	return left, zw.Close()
}

// isStructural names the parts excelize reads when it opens a package,
// which a sheet's relationship must not point at.
func isStructural(p, wbPath string) bool {
	l := strings.ToLower(p)
	switch l {
	case "[content_types].xml", pathSharedStrs, "xl/styles.xml", "xl/calcchain.xml", "xl/theme/theme1.xml":
		return true
	}
	return p == wbPath || strings.HasSuffix(l, ".rels")
}

// xmlRel is one relationship of a .rels part, decoded as excelize does.
type xmlRel struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:",attr"`
	Type   string `xml:",attr"`
}

// relsDoc is a .rels part.
type relsDoc struct {
	XMLName xml.Name `xml:"http://schemas.openxmlformats.org/package/2006/relationships Relationships"`
	Rels    []xmlRel `xml:"Relationship"`
}

// officeDocumentRel is the type of the package's link to its workbook.
const officeDocumentRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"

// readRels decodes a .rels part; a missing part has no relationships.
func readRels(f *zip.File) ([]xmlRel, bool) {
	if f == nil {
		return nil, true
	}
	var doc relsDoc
	if !decodeSmallPart(f, &doc) {
		return nil, false
	}
	return doc.Rels, true
}

// workbookPath finds the workbook part as excelize's getWorkbookPath does.
func workbookPath(parts map[string]*zip.File) (string, bool) {
	rels, ok := readRels(parts[pathPackageRels])
	if !ok {
		return "", false
	}
	for _, r := range rels {
		if r.Type == officeDocumentRel {
			p := strings.TrimPrefix(r.Target, "/")
			return p, p != "" && parts[p] != nil
		}
	}
	return "", false
}

// workbookRelsPath mirrors excelize's getWorkbookRelsPath.
func workbookRelsPath(wbPath string) string {
	dir := filepath.Dir(wbPath)
	if dir == "." {
		return "_rels/" + filepath.Base(wbPath) + ".rels"
	}
	return strings.TrimPrefix(dir+"/_rels/"+filepath.Base(wbPath)+".rels", "/")
}

// worksheetPath mirrors excelize's getWorksheetPath.
func worksheetPath(wbPath, target string) string {
	if strings.HasPrefix(target, "/") {
		return filepath.ToSlash(strings.TrimPrefix(strings.ReplaceAll(filepath.Clean(target), `\`, "/"), "/"))
	}
	return filepath.ToSlash(strings.TrimPrefix(
		strings.ReplaceAll(filepath.Clean(fmt.Sprintf("%s/%s", filepath.Dir(wbPath), target)), `\`, "/"), "/"))
}

// wbSheet is a <sheet> of the workbook part.
type wbSheet struct {
	Name string `xml:"name,attr"`
	ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
}

// wbDoc is the part of the workbook part this reader needs.
type wbDoc struct {
	XMLName xml.Name  `xml:"http://schemas.openxmlformats.org/spreadsheetml/2006/main workbook"`
	Sheets  []wbSheet `xml:"sheets>sheet"`
}

// readWorkbookSheets lists the workbook's sheets with their relationship ids.
func readWorkbookSheets(f *zip.File) ([]wbSheet, bool) {
	var doc wbDoc
	if f == nil || !decodeSmallPart(f, &doc) {
		return nil, false
	}
	return doc.Sheets, true
}

// decodeSmallPart decodes a structural part with encoding/xml; strict
// OOXML (which excelize translates) is not handled.
func decodeSmallPart(f *zip.File, v any) bool {
	if f.UncompressedSize64 > 16<<20 {
		return false
	}
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil || bytes.Contains(data, []byte("purl.oclc.org")) {
		return false
	}
	return xml.Unmarshal(data, v) == nil
}

// Close releases the package and, when it was opened, excelize's copy.
func (b *partsBook) Close() error {
	if b.xl != nil {
		b.xl.Close()
	}
	if b.closer == nil {
		return nil
	}
	return b.closer.Close()
}

// excelize opens the whole file, once, for a hand-over.
func (b *partsBook) excelize() (*excelize.File, error) {
	if b.xl == nil && b.lateErr == nil {
		b.xl, b.lateErr = excelize.OpenFile(b.path, excelize.Options{
			RawCellValue:      true,
			UnzipSizeLimit:    b.lim.UnzipSize,
			UnzipXMLSizeLimit: b.lim.XMLInMemory,
		})
	}
	return b.xl, b.lateErr
}
