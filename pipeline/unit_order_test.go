package pipeline

import (
	"reflect"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"

	"gongkai/domain"
	"gongkai/ingest"
)

// TestUnitsWithHeldRecordsGoFirst: the units whose records are still held
// in memory are computed before those whose records wait in the parse
// cache, so that held records are let go first; otherwise names' order.
func TestUnitsWithHeldRecordsGoFirst(t *testing.T) {
	held := &ingest.Submission{Path: "c/x.xlsx", Records: map[domain.Kind]arrow.RecordBatch{domain.KindDisclosure: nil}}
	setAside := &ingest.Submission{Path: "a/x.xlsx"}
	office := func(s *ingest.Submission) []chosenOffice {
		return []chosenOffice{{sources: []officeSource{{sub: s}}}}
	}
	names := []string{"a", "b", "c", "d"}
	work := map[string]*unitWork{
		"a": {name: "a", offices: office(setAside)},
		"c": {name: "c", offices: office(held)},
		"d": {name: "d", offices: append(office(setAside), office(held)...)},
	}
	if got, want := unitOrder(names, work), []int{2, 3, 0, 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("units computed in the order %v, want %v", got, want)
	}
}
