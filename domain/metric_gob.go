package domain

import (
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"sync"
)

// The batch keeps metrics in its caches by gob, and a re-run decodes those
// of every unit it did not compute again (tens of thousands of entries for
// a county): gob's decoding of a map, value by value through reflection,
// was a third of that. So Metrics encode themselves: the number of entries,
// then each id's length and bytes and its value's bits as gob writes a
// float (bytes reversed, so that a whole number is short), as unsigned
// varints.

// GobEncode implements gob.GobEncoder.
func (m Metrics) GobEncode() ([]byte, error) {
	n := binary.MaxVarintLen64
	for id := range m {
		n += 2*binary.MaxVarintLen64 + len(id)
	}
	b := binary.AppendUvarint(make([]byte, 0, n), uint64(len(m)))
	for id, v := range m {
		b = binary.AppendUvarint(appendText(b, id), bits.ReverseBytes64(math.Float64bits(v)))
	}
	return b, nil
}

// knownMetricIDs maps the metric ids of the default configuration to
// themselves: a kept unit's figures name a few hundred in each of their
// maps, and a new string for each was most of what reading the kept units
// back allocated (the ids of other categories still get their own).
var knownMetricIDs = sync.OnceValue(func() map[string]string {
	ids := DefaultConfig().MetricIDs()
	m := make(map[string]string, len(ids))
	for _, id := range ids {
		m[id] = id
	}
	return m
})

// errMetricsGob is a damaged encoding of Metrics.
var errMetricsGob = errors.New("domain: damaged metrics")

// GobDecode implements gob.GobDecoder.
func (m *Metrics) GobDecode(b []byte) error {
	count, k := binary.Uvarint(b)
	if k <= 0 || count > uint64(len(b)-k)/2 { // an entry takes 2 bytes at least
		return errMetricsGob
	}
	b = b[k:]
	out := make(Metrics, count)
	known := knownMetricIDs()
	for range count {
		text, rest, ok := cutTextBytes(b)
		if !ok {
			return errMetricsGob
		}
		id, ok := known[string(text)]
		if !ok {
			id = string(text)
		}
		b = rest
		v, k := binary.Uvarint(b)
		if k <= 0 {
			return errMetricsGob
		}
		b = b[k:]
		out[id] = math.Float64frombits(bits.ReverseBytes64(v))
	}
	if len(b) != 0 || len(out) != int(count) {
		return errMetricsGob
	}
	if count == 0 {
		out = nil // as gob gives a map field it did not send
	}
	*m = out
	return nil
}
