package ingest

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// utf8BOM starts UTF-8 text written by Excel and WPS.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// csvTable opens a CSV file as one sheet, decoding UTF-8 (with or without
// BOM) or, when the bytes are not UTF-8, GB18030 (a superset of GBK).
func csvTable(path, sheetName string) sheetSource {
	return sheetSource{name: sheetName, open: func() (rowSource, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		head := make([]byte, 64<<10)
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
		var r io.Reader = f
		switch {
		case bytes.HasPrefix(head, utf8BOM):
			if _, err := f.Seek(int64(len(utf8BOM)), io.SeekStart); err != nil {
				f.Close()
				return nil, err
			}
		case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
			r = transform.NewReader(f, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder())
		case !utf8.Valid(trimPartialRune(head)):
			r = transform.NewReader(f, simplifiedchinese.GB18030.NewDecoder())
		}
		cr := csv.NewReader(r)
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = true
		cr.ReuseRecord = false
		return &csvRows{f: f, r: cr}, nil
	}}
}

// trimPartialRune drops a UTF-8 sequence cut off at the end of a buffer.
func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0; i++ {
		if utf8.Valid(b) {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// csvRows yields the records of a CSV file. A record that spans lines
// counts as one row.
type csvRows struct {
	f     *os.File
	r     *csv.Reader
	cells []string
	err   error
}

func (c *csvRows) Next() bool {
	if c.err != nil {
		return false
	}
	rec, err := c.r.Read()
	if err == io.EOF {
		return false
	}
	if err != nil {
		c.err = err
		return false
	}
	c.cells = rec
	return true
}

func (c *csvRows) Cells() ([]string, error) { return c.cells, nil }
func (c *csvRows) RowsHint() int            { return 0 }

func (c *csvRows) Close() error {
	c.f.Close()
	return c.err
}
