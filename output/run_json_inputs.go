package output

import (
	"fmt"
	"maps"
	"slices"

	"gongkai/domain"
)

// inputsJSON renders run.json's inputs as json writes []Input (its empty
// fields left out alike), appended member by member: through json's
// reflection they were a third of run.json's time (a county's hundreds of
// files, each with its sheets and its records' accounting).
type inputsJSON []Input

// MarshalJSON implements json.Marshaler.
func (in inputsJSON) MarshalJSON() ([]byte, error) { return in.appendJSON(nil, compactJSON) }

func (in inputsJSON) appendJSON(b []byte, l jsonLayout) ([]byte, error) {
	b = append(b, '[')
	for i, x := range in {
		var err error
		if b, err = appendInput(l.next(b, i), x, l.inner()); err != nil {
			return nil, fmt.Errorf("%s: %w", x.Path, err)
		}
	}
	return l.end(b, len(in), ']'), nil
}

// appendInput appends an input as json writes an Input, laid out by l.
func appendInput(b []byte, x Input, l jsonLayout) ([]byte, error) {
	m := jsonMembers{b: append(b, '{'), l: l}
	m.text("path", x.Path, false)
	m.text("status", x.Status, false)
	m.text("reason", x.Reason, true)
	m.text("unit", x.Unit, true)
	m.text("office", x.Office, true)
	m.int("year", int64(x.Year), true)
	m.text("format", x.Format, true)
	m.text("sha256", x.SHA256, true)
	m.int("size", x.Size, false)
	mod, err := x.ModTime.MarshalJSON()
	if err != nil {
		return nil, err
	}
	m.key("mod_time")
	m.b = append(m.b, mod...)
	m.text("replaced_by", x.ReplacedBy, true)
	if len(x.Sheets) > 0 {
		m.key("sheets")
		sheets := l.inner()
		m.b = append(m.b, '[')
		for i, sh := range x.Sheets {
			s := jsonMembers{b: append(sheets.next(m.b, i), '{'), l: sheets.inner()}
			s.text("name", sh.Name, false)
			s.text("kind", string(sh.Kind), true)
			s.int("rows", int64(sh.Rows), false)
			m.b = s.end()
		}
		m.b = sheets.end(m.b, len(x.Sheets), ']')
	}
	m.key("records")
	m.b = appendTally(m.b, x.Records, l.inner())
	return m.end(), nil
}

// appendTally appends a tally as json writes a domain.Tally, laid out by l.
func appendTally(b []byte, t domain.Tally, l jsonLayout) []byte {
	m := jsonMembers{b: append(b, '{'), l: l}
	m.int("read", int64(t.Read), false)
	m.int("counted", int64(t.Counted), false)
	if len(t.Dropped) > 0 {
		m.key("dropped")
		d := jsonMembers{b: append(m.b, '{'), l: l.inner()}
		for _, reason := range slices.Sorted(maps.Keys(t.Dropped)) {
			d.int(reason, int64(t.Dropped[reason]), false)
		}
		m.b = d.end()
	}
	return m.end()
}
