package ingest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
)

// Format is what a file's bytes say it is, whatever its extension.
type Format string

// File formats the ingest tells apart.
const (
	FormatXLSX      Format = "xlsx"      // Office Open XML workbook (.xlsx, .xlsm, .xltx)
	FormatCSV       Format = "csv"       // delimited text
	FormatXLS       Format = "xls"       // Excel 97-2003 (BIFF in a compound file)
	FormatXLSB      Format = "xlsb"      // Excel binary workbook
	FormatODS       Format = "ods"       // OpenDocument spreadsheet
	FormatEncrypted Format = "encrypted" // password-protected OOXML
	FormatEmpty     Format = "empty"     // zero bytes
	FormatUnknown   Format = "unknown"   // anything else, including damaged zips
)

var (
	zipMagic = []byte("PK\x03\x04")
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// Sniff decides a file's format from its bytes.
func Sniff(path string) (Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	if st.Size() == 0 {
		return FormatEmpty, nil
	}
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, zipMagic):
		return sniffZip(f, st.Size()), nil
	case bytes.HasPrefix(head, cfbMagic):
		return sniffCompound(f), nil
	case looksLikeText(head, st.Size() > int64(len(head))):
		return FormatCSV, nil
	}
	return FormatUnknown, nil
}

// sniffZip tells the zip-based formats apart by their parts.
func sniffZip(f *os.File, size int64) Format {
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return FormatUnknown
	}
	for _, e := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(e.Name, `\`, "/"))
		switch {
		case name == "xl/workbook.xml", strings.HasSuffix(name, "/workbook.xml") && strings.HasPrefix(name, "xl"):
			return FormatXLSX
		case name == "xl/workbook.bin":
			return FormatXLSB
		case name == "content.xml":
			return FormatODS
		}
	}
	for _, e := range zr.File {
		if strings.EqualFold(e.Name, "[Content_Types].xml") {
			return FormatXLSX // let the reader say what is missing
		}
	}
	return FormatUnknown
}

// sniffCompound tells an encrypted OOXML package from a legacy .xls.
func sniffCompound(f *os.File) Format {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return FormatUnknown
	}
	doc, err := mscfb.New(f)
	if err != nil {
		return FormatUnknown
	}
	format := FormatUnknown
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch strings.ToLower(e.Name) {
		case "encryptioninfo", "encryptedpackage":
			return FormatEncrypted
		case "workbook", "book":
			format = FormatXLS
		}
	}
	return format
}

// looksLikeText accepts UTF-8, UTF-16 with a BOM, and GB18030 text without
// NUL bytes or other binary control characters.
func looksLikeText(head []byte, truncated bool) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	for _, c := range head {
		if c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != 0x0C) {
			return false
		}
	}
	return utf8.Valid(trimPartialRune(head)) || validGB18030(head, truncated)
}
