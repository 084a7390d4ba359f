package transform

import (
	"fmt"
	"maps"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"

	"gongkai/domain"
)

// itemBatch is a batch of a unit's counted disclosures, its columns
// looked up once.
type itemBatch struct {
	title, unit, office, file, sheet *array.String
	row                              *array.Int32
	keys                             []string // the titles' MatchKey
}

// itemRecord is a counted disclosure: record i of its batch.
type itemRecord struct {
	b *itemBatch
	i int
}

func (r itemRecord) key() string    { return r.b.keys[r.i] }
func (r itemRecord) title() string  { return r.b.title.Value(r.i) }
func (r itemRecord) office() string { return r.b.office.Value(r.i) }
func (r itemRecord) file() string   { return r.b.file.Value(r.i) }
func (r itemRecord) row() int       { return int(r.b.row.Value(r.i)) }

// unitItemFindings looks at a unit's counted disclosures across its
// offices: the same item from two offices is one item of the unit, with a
// warning (D2); titles a few characters apart on the same day are a warning
// for a person, never a drop (D3). Comparisons are blocked by day, so the
// cost stays near-linear in the number of records. keys are the titleKeys
// of each batch of recs.
func unitItemFindings(recs []arrow.RecordBatch, keys [][]string) []domain.Finding {
	var items []itemRecord
	var days []int32 // of each item
	perDay := map[int32]int{}
	for b, rec := range recs {
		batch := &itemBatch{stringColumn(rec, domain.FieldTitle), stringColumn(rec, domain.LineageUnit), stringColumn(rec, domain.LineageOffice),
			stringColumn(rec, domain.LineageFile), stringColumn(rec, domain.LineageSheet), column(rec, domain.LineageRow).(*array.Int32), keys[b]}
		date := dates(rec, domain.FieldDate)
		for i := 0; i < int(rec.NumRows()); i++ {
			if date.IsNull(i) {
				continue
			}
			items = append(items, itemRecord{batch, i})
			days = append(days, int32(date.Value(i)))
			perDay[int32(date.Value(i))]++
		}
	}
	// The items day by day, days in the order of their number as text, each
	// day's items in their order.
	order := slices.SortedFunc(maps.Keys(perDay), func(a, b int32) int {
		return strings.Compare(strconv.Itoa(int(a)), strconv.Itoa(int(b)))
	})
	start := make(map[int32]int, len(order))
	n := 0
	for _, d := range order {
		start[d] = n
		n += perDay[d]
	}
	byDay := make([]itemRecord, len(items))
	for k, it := range items {
		byDay[start[days[k]]] = it
		start[days[k]]++
	}
	// Days apart, side by side: the items cut into as many runs of whole
	// days as there are cores, each compared on its own, their findings
	// joined in order.
	runs := dayRuns(order, perDay, len(items), runtime.GOMAXPROCS(0))
	found := make([][]domain.Finding, len(runs))
	var wg sync.WaitGroup
	for r, days := range runs {
		wg.Go(func() {
			var day dayTitles
			for _, d := range days {
				found[r] = append(found[r], day.compare(byDay[d.from:d.from+d.n])...)
			}
		})
	}
	wg.Wait()
	return slices.Concat(found...)
}

// dayItems are a day's items in byDay: n from from.
type dayItems struct{ from, n int }

// dayRuns cuts the days, in order, into at most parts runs of about the
// same number of items each, whole days each.
func dayRuns(order []int32, perDay map[int32]int, items, parts int) [][]dayItems {
	var runs [][]dayItems
	var run []dayItems
	from, inRun := 0, 0
	for _, d := range order {
		run = append(run, dayItems{from, perDay[d]})
		from += perDay[d]
		inRun += perDay[d]
		if len(runs) < parts-1 && inRun*parts >= items {
			runs, run, inRun = append(runs, run), nil, 0
		}
	}
	if len(run) > 0 {
		runs = append(runs, run)
	}
	return runs
}

// dayTitles are the titles of one unit and day seen so far: the first
// record of each exact title, and the titles by their numbers with their
// shapes and bigrams. What it holds serves one day after another.
type dayTitles struct {
	exact  map[string]itemRecord
	byNums map[string][]int32 // indices in seen
	seen   []seenTitle
	grams  []uint64 // the arena of the seen titles' bigrams
}

type seenTitle struct {
	rec   itemRecord
	shape titleShape
}

// compare compares the items of one unit and day. A title is near
// another only with the same numbers, so each is compared with the earlier
// titles of its numbers alone, in their order.
func (d *dayTitles) compare(items []itemRecord) []domain.Finding {
	if d.exact == nil {
		d.exact, d.byNums = map[string]itemRecord{}, map[string][]int32{}
	}
	clear(d.exact)
	clear(d.byNums)
	d.seen, d.grams = d.seen[:0], d.grams[:0]
	exact, byNums := d.exact, d.byNums
	var out []domain.Finding
	for _, it := range items {
		if first, ok := exact[it.key()]; ok {
			if first.office() != it.office() {
				out = append(out, itemFinding(domain.RuleSameItem, domain.SevWarning, it,
					fmt.Sprintf("%s也报送了同一条信息“%s”（%s第 %d 行），本单位按一条计。请确认由哪个科室报送。", first.office(), it.title(), first.file(), first.row())))
			}
			continue
		}
		exact[it.key()] = it
		d.seen = append(d.seen, seenTitle{it, shapeOf(it.key())})
		me := &d.seen[len(d.seen)-1]
		for _, j := range byNums[me.shape.nums] {
			s := &d.seen[j]
			if me.shape.nearDuplicate(&s.shape, &d.grams) {
				out = append(out, itemFinding(domain.RuleNearDuplicate, domain.SevWarning, it,
					fmt.Sprintf("标题“%s”与同日的“%s”（%s第 %d 行）仅差几个字，请核对是否为同一条信息重复登记。两条均已计入。", it.title(), s.rec.title(), s.rec.file(), s.rec.row())))
				break
			}
		}
		byNums[me.shape.nums] = append(byNums[me.shape.nums], int32(len(d.seen)-1))
	}
	return out
}

func itemFinding(rule string, sev domain.Severity, it itemRecord, msg string) domain.Finding {
	return domain.Finding{Rule: rule, Severity: sev, Unit: it.b.unit.Value(it.i), Office: it.office(),
		Pos: domain.Pos{File: it.file(), Sheet: it.b.sheet.Value(it.i), Row: it.row()}, Message: msg}
}
