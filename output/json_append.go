package output

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gongkai/domain"
)

// appendJSONString appends s as encoding/json writes it: text with
// nothing to escape quoted as it is, the rest through json itself.
func appendJSONString(b []byte, s string) []byte {
	if needsJSONEscape(s) {
		q, _ := json.Marshal(s) // a string always marshals
		return append(b, q...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// needsJSONEscape reports whether json escapes anything in s: quotes,
// backslashes, control characters, <>&, U+2028/9, invalid UTF-8.
func needsJSONEscape(s string) bool {
	checked := false // the non-ASCII text
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			if !checked && (!utf8.ValidString(s) || strings.ContainsAny(s, "\u2028\u2029")) {
				return true
			}
			checked = true
		case c < 0x20, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return true
		}
	}
	return false
}

// appendJSONFloat appends f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, fmt.Errorf("json: unsupported value: %v", f)
	}
	// A whole number json writes as 'f' would: digits alone (not -0).
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && (f != 0 || !math.Signbit(f)) {
		return strconv.AppendInt(b, int64(f), 10), nil
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 → e-9, as json writes it
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// sortedMetricsJSON appends metrics as JSON objects, ids sorted (as json writes
// a map); the ids of the last object are kept, so that objects with the
// same ids — a unit's and its offices', or every unit's where one
// sortedMetricsJSON encodes them all (encodeHistory) — are not sorted
// again.
type sortedMetricsJSON struct{ keys metricKeys }

// append appends m; nil as null.
func (mj *sortedMetricsJSON) append(b []byte, m domain.Metrics) ([]byte, error) {
	if m == nil {
		return append(b, "null"...), nil
	}
	if len(m) == len(mj.keys.ids) {
		out, all, err := mj.keys.appendMembers(append(b, '{'), m, compactJSON, 0)
		if err != nil {
			return nil, err
		}
		if all {
			return append(out, '}'), nil
		}
		b = out[:len(b)] // other ids than the last object's
	}
	mj.keys = newMetricKeys(slices.Sorted(maps.Keys(m)))
	b, _, err := mj.keys.appendMembers(append(b, '{'), m, compactJSON, 0)
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}

// metricKeys are metric ids with their keys quoted once for the many
// objects that have them.
type metricKeys struct {
	ids    []string
	quoted []byte // every key, one after another
	ends   []int  // where each ends in quoted
}

func newMetricKeys(ids []string) metricKeys {
	k := metricKeys{ids: ids, ends: make([]int, len(ids))}
	for i, id := range ids {
		k.quoted = appendJSONString(k.quoted, id)
		k.ends[i] = len(k.quoted)
	}
	return k
}

// appendMembers appends the members "id":value of k's ids in m, in order,
// laid out by l after before members (an absent id as 0), and reports
// whether m has every one of them.
func (k metricKeys) appendMembers(b []byte, m domain.Metrics, l jsonLayout, before int) ([]byte, bool, error) {
	all, from := true, 0
	for i, id := range k.ids {
		b = l.colon(append(l.next(b, before+i), k.quoted[from:k.ends[i]]...))
		from = k.ends[i]
		v, ok := m[id]
		all = all && ok
		var err error
		if b, err = appendJSONFloat(b, v); err != nil {
			return nil, false, fmt.Errorf("%s: %w", id, err)
		}
	}
	return b, all, nil
}

// jsonLayout lays out the members of a JSON object or array: compact, as
// json.Marshal does, or as json.MarshalIndent does with indent, the
// container opening on a line that starts with prefix.
type jsonLayout struct{ prefix, indent string }

// compactJSON is json.Marshal's layout.
var compactJSON = jsonLayout{}

// next begins member i.
func (l jsonLayout) next(b []byte, i int) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	if l.indent != "" {
		b = append(append(append(b, '\n'), l.prefix...), l.indent...)
	}
	return b
}

// key begins member i of an object, keyed k.
func (l jsonLayout) key(b []byte, i int, k string) []byte {
	return l.colon(appendJSONString(l.next(b, i), k))
}

// colon ends a member's key.
func (l jsonLayout) colon(b []byte) []byte {
	if l.indent != "" {
		return append(b, ": "...)
	}
	return append(b, ':')
}

// end closes a container of n members with c.
func (l jsonLayout) end(b []byte, n int, c byte) []byte {
	if n > 0 && l.indent != "" {
		b = append(append(b, '\n'), l.prefix...)
	}
	return append(b, c)
}

// inner is the layout of a container that is one of l's members.
func (l jsonLayout) inner() jsonLayout {
	if l.indent == "" {
		return l
	}
	return jsonLayout{l.prefix + l.indent, l.indent}
}

// jsonMembers appends an object's members one after another, laid out by
// l (their values by l.inner()).
type jsonMembers struct {
	b []byte
	l jsonLayout
	n int
}

// key begins the next member.
func (m *jsonMembers) key(k string) {
	m.b = m.l.key(m.b, m.n, k)
	m.n++
}

// text appends a member of text, unless omitEmpty and it is empty.
func (m *jsonMembers) text(k, v string, omitEmpty bool) {
	if omitEmpty && v == "" {
		return
	}
	m.key(k)
	m.b = appendJSONString(m.b, v)
}

// int appends a member of an integer, unless omitEmpty and it is 0.
func (m *jsonMembers) int(k string, v int64, omitEmpty bool) {
	if omitEmpty && v == 0 {
		return
	}
	m.key(k)
	m.b = strconv.AppendInt(m.b, v, 10)
}

// end closes the object.
func (m *jsonMembers) end() []byte { return m.l.end(m.b, m.n, '}') }
