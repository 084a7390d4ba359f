package samplecounty

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"gongkai/domain"
)

// defaultCounty is the full default sample, generated once for the tests
// that only read it.
var defaultCounty = struct {
	dir   string
	truth *Truth
	err   error
}{}

func sample(t *testing.T) (string, *Truth) {
	t.Helper()
	if defaultCounty.dir == "" && defaultCounty.err == nil {
		dir, err := os.MkdirTemp("", "samplecounty")
		if err != nil {
			t.Fatal(err)
		}
		defaultCounty.dir = dir
		defaultCounty.truth, defaultCounty.err = Generate(dir, nil, Options{Seed: 7})
	}
	if defaultCounty.err != nil {
		t.Fatal(defaultCounty.err)
	}
	return defaultCounty.dir, defaultCounty.truth
}

func TestMain(m *testing.M) {
	code := m.Run()
	if defaultCounty.dir != "" {
		os.RemoveAll(defaultCounty.dir)
	}
	os.Exit(code)
}

func TestSameSeedSameOutput(t *testing.T) {
	opt := Options{Seed: 42, Units: 3, Rows: 20}
	a, b := t.TempDir(), t.TempDir()
	if _, err := Generate(a, nil, opt); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(b, nil, opt); err != nil {
		t.Fatal(err)
	}
	ja, _ := os.ReadFile(filepath.Join(a, TruthFile))
	jb, _ := os.ReadFile(filepath.Join(b, TruthFile))
	if len(ja) == 0 || !bytes.Equal(ja, jb) {
		t.Fatal("truth.json differs between two runs with the same seed")
	}
	files := workbooks(t, a)
	if len(files) != 13 { // 廉州镇 5, 党江镇 4 and 西场镇 4 offices
		t.Fatalf("%d workbooks for 3 units, want 13", len(files))
	}
	for _, rel := range files {
		if !slices.Equal(cellDump(t, filepath.Join(a, rel)), cellDump(t, filepath.Join(b, rel))) {
			t.Errorf("%s: cells differ between two runs with the same seed", rel)
		}
	}
	c := t.TempDir()
	if _, err := Generate(c, nil, Options{Seed: 43, Units: 3, Rows: 20}); err != nil {
		t.Fatal(err)
	}
	if jc, _ := os.ReadFile(filepath.Join(c, TruthFile)); bytes.Equal(ja, jc) {
		t.Error("seeds 42 and 43 gave the same truth")
	}
	if _, err := Generate(a, nil, opt); err == nil {
		t.Error("Generate wrote into a non-empty inbox")
	}
}

// workbooks lists the .xlsx files under dir/inbox, relative to dir.
func workbooks(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(filepath.Join(dir, InboxDir), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// cellDump lists every sheet's cells as sheet!row:values.
func cellDump(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			out = append(out, s+"!"+strconv.Itoa(i+1)+":"+strings.Join(r, "\t"))
		}
	}
	return out
}

func TestTruthIdentities(t *testing.T) {
	_, tr := sample(t)
	cfg := domain.DefaultConfig()
	if tr.Year != DefaultYear || tr.County.Name != cfg.County || len(tr.Units) != len(cfg.Units) {
		t.Fatalf("truth: year %d, county %q, %d units", tr.Year, tr.County.Name, len(tr.Units))
	}
	check := func(name string, m domain.Metrics) {
		for _, id := range cfg.MetricIDs() {
			if _, ok := m[id]; !ok {
				t.Errorf("%s: metric %s missing", name, id)
			}
		}
		results := domain.T3ResultRows()
		for _, col := range domain.T3Columns {
			v := func(row string) float64 { return m[domain.T3Metric(row, col.ID)] }
			if v("new")+v("carried_in") != v("total")+v("carried_out") {
				t.Errorf("%s: R1 fails in column %s", name, col.ID)
			}
			sum := 0.0
			for _, r := range results {
				sum += v(r.ID)
			}
			if sum != v("total") {
				t.Errorf("%s: R2 fails in column %s: %v ≠ %v", name, col.ID, sum, v("total"))
			}
		}
		for _, row := range domain.T3Rows {
			sum := 0.0
			for _, col := range domain.T3Columns[:len(domain.T3Columns)-1] {
				sum += m[domain.T3Metric(row.ID, col.ID)]
			}
			if sum != m[domain.T3Metric(row.ID, "total")] {
				t.Errorf("%s: R3 fails in row %s", name, row.ID)
			}
		}
		for _, b := range domain.T4Blocks {
			sum := 0.0
			for _, r := range domain.T4Results[:4] {
				sum += m[domain.T4Metric(b.ID, r.ID)]
			}
			if sum != m[domain.T4Metric(b.ID, "total")] {
				t.Errorf("%s: R4 fails in block %s", name, b.ID)
			}
		}
	}
	check("county", tr.County.Metrics)
	sum := domain.Metrics{}
	for name, u := range tr.Units {
		check(name, u.Metrics)
		sum.Add(u.Metrics)
	}
	for id, v := range tr.County.Metrics {
		if d := v - sum[id]; d > 1e-9 || d < -1e-9 {
			t.Errorf("county %s = %v, sum of units %v", id, v, sum[id])
		}
	}
}

func TestDefaultCountyCoverage(t *testing.T) {
	_, tr := sample(t)
	m := tr.County.Metrics
	for _, r := range domain.T3ResultRows() {
		if m[domain.T3Metric(r.ID, "total")] == 0 {
			t.Errorf("no application answered with outcome %s", r.ID)
		}
	}
	for _, col := range domain.T3Columns {
		if m[domain.T3Metric("new", col.ID)]+m[domain.T3Metric("carried_in", col.ID)] == 0 {
			t.Errorf("no application from applicant type %s", col.ID)
		}
	}
	for _, b := range domain.T4Blocks {
		for _, r := range domain.T4Results {
			if m[domain.T4Metric(b.ID, r.ID)] == 0 {
				t.Errorf("no case %s / %s", b.ID, r.ID)
			}
		}
	}
	for _, ch := range domain.Channels {
		if m[domain.ChannelMetric(ch.ID)] == 0 {
			t.Errorf("no item on channel %s", ch.ID)
		}
	}
	for _, id := range []string{"t3.carried_in.total", "t3.carried_out.total", "t3.new.total", domain.MetricServiceItems, domain.MetricFeesYuan} {
		if m[id] == 0 {
			t.Errorf("%s is 0", id)
		}
	}
	// Channel counts exceed the items: some items are on two channels.
	chans := 0.0
	for _, ch := range domain.Channels {
		chans += m[domain.ChannelMetric(ch.ID)]
	}
	if items := m[domain.MetricActiveItems]; chans <= items || chans > 1.3*items {
		t.Errorf("%v items, %v channel uses", items, chans)
	}
}

func TestModelCoverageAndSpelling(t *testing.T) {
	cfg := domain.DefaultConfig()
	opt, _ := Options{Seed: 7}.withDefaults()
	c := build(cfg, opt)
	var carriedInOut, rows int
	titles := map[string]bool{}
	for _, u := range c.units {
		for _, o := range u.offices {
			for _, it := range o.items {
				if titles[it.title] {
					t.Errorf("title %q used twice", it.title)
				}
				titles[it.title] = true
				if it.date.Year() != c.year {
					t.Errorf("%q dated %v", it.title, it.date)
				}
				if id, ok := cfg.Lookup(domain.VocabCategory, it.catText); !ok || id != it.category {
					t.Errorf("category %q reads as %q, want %q", it.catText, id, it.category)
				}
				for _, ch := range it.channels {
					rows++
					if ch.id == domain.ChannelUnspecified {
						if ch.text != "" || len(it.channels) > 1 {
							t.Errorf("%q: a blank channel with text %q", it.title, ch.text)
						}
						continue
					}
					if id, ok := cfg.Lookup(domain.VocabChannel, ch.text); !ok || id != ch.id {
						t.Errorf("channel %q reads as %q, want %q", ch.text, id, ch.id)
					}
				}
			}
			for _, a := range o.apps {
				if id, ok := cfg.Lookup(domain.VocabApplicant, a.appText); !ok || id != a.applicant {
					t.Errorf("applicant %q reads as %q, want %q", a.appText, id, a.applicant)
				}
				if a.pending() {
					if a.received.Year() < c.year {
						carriedInOut++
					}
					continue
				}
				if id, ok := cfg.Lookup(domain.VocabOutcome, a.outcomeText); !ok || id != a.outcome {
					t.Errorf("outcome %q reads as %q, want %q", a.outcomeText, id, a.outcome)
				}
				if a.replied.Before(a.received) || a.replied.Year() != c.year {
					t.Errorf("%s: received %v, replied %v", a.id, a.received, a.replied)
				}
			}
			for _, ap := range o.appeals {
				if id, ok := cfg.Lookup(domain.VocabCaseType, ap.typeText); !ok || id != ap.caseType {
					t.Errorf("case type %q reads as %q, want %q", ap.typeText, id, ap.caseType)
				}
				if id, ok := cfg.Lookup(domain.VocabAppealResult, resultLabel(ap.result)); !ok || id != ap.result {
					t.Errorf("result %q reads as %q", resultLabel(ap.result), id)
				}
				if (ap.result == "pending") != ap.closed.IsZero() || (!ap.closed.IsZero() && (ap.closed.Year() != c.year || ap.closed.Before(ap.filed))) {
					t.Errorf("%s: %s filed %v closed %v", ap.caseNo, ap.result, ap.filed, ap.closed)
				}
			}
		}
	}
	if carriedInOut == 0 {
		t.Error("no application carried in and still open at the end of the year")
	}
	if rows < 40*50 || rows > 40*60 {
		t.Errorf("%d disclosure rows in the county, want about 40 per office", rows)
	}
}

func TestWorkbookReadsBack(t *testing.T) {
	dir, _ := sample(t)
	cfg := domain.DefaultConfig()
	opt, _ := Options{Seed: 7}.withDefaults()
	c := build(cfg, opt) // the same seed gives the same model
	o := c.units[7].offices[0]
	if o.unit.name != "白沙镇" || o.name != "党政办" {
		t.Fatalf("office %s%s", o.unit.name, o.name)
	}
	path := officePath(filepath.Join(dir, InboxDir), o, c.year)
	if filepath.Base(path) != "白沙镇-党政办-2025年政府信息公开台账.xlsx" {
		t.Errorf("file name %s", filepath.Base(path))
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{SheetCover, SheetDisclosure, SheetApplication, SheetAppeal, SheetService, SheetSummary}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	cover, _ := f.GetRows(SheetCover)
	if cover[0][0] != coverTitle || cover[1][0] != domain.CoverUnit || cover[1][1] != "白沙镇党政办" || cover[3][1] != "2025" {
		t.Errorf("cover %v", cover)
	}
	if d, _ := f.GetCellValue(SheetCover, "B7"); d != o.filed.Format("2006-01-02") {
		t.Errorf("填报日期 shows %q, want %s", d, o.filed.Format("2006-01-02"))
	}
	counts := map[domain.Kind]int{
		domain.KindDisclosure:  len(disclosureRecords(o)),
		domain.KindApplication: len(o.apps),
		domain.KindAppeal:      len(o.appeals),
		domain.KindServiceItem: len(o.services),
	}
	sheets := map[domain.Kind]string{
		domain.KindDisclosure: SheetDisclosure, domain.KindApplication: SheetApplication,
		domain.KindAppeal: SheetAppeal, domain.KindServiceItem: SheetService,
	}
	for _, k := range domain.LedgerKinds {
		rows, err := f.GetRows(sheets[k])
		if err != nil {
			t.Fatal(err)
		}
		var labels []string
		for _, fd := range domain.LedgerFields[k] {
			labels = append(labels, fd.Label)
		}
		if len(rows) < 2 || !slices.Equal(rows[1], labels) {
			t.Errorf("%s: header %v, want %v", k, rows[1], labels)
		}
		if got := len(rows) - 2; got != counts[k] {
			t.Errorf("%s: %d records, model has %d", k, got, counts[k])
		}
	}
	if counts[domain.KindApplication] < 2 {
		t.Errorf("党政办 has %d applications", counts[domain.KindApplication])
	}
	// A disclosure date is a real date cell.
	if typ, _ := f.GetCellType(SheetDisclosure, "C3"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("C3 of the disclosure ledger is text, want a date cell")
	}
	if v, _ := f.GetCellValue(SheetDisclosure, "C3"); v != o.items[0].date.Format("2006-01-02") {
		t.Errorf("first disclosure date shows %q", v)
	}
	// The self-reported 表三 total (J21 when drawn from row 1) is the derived one.
	m := officeTally(o, c.year).metrics(cfg.MetricIDs())
	if v, _ := f.GetCellValue(SheetSummary, "J21"); v != strconv.FormatFloat(m["t3.new.total"], 'f', -1, 64) {
		t.Errorf("年报统计表 J21 = %q, want t3.new.total = %v", v, m["t3.new.total"])
	}
}

func TestSmallCountyStillCovers(t *testing.T) {
	cfg := domain.DefaultConfig()
	opt, _ := Options{Seed: 1, Units: 1, Rows: 3}.withDefaults()
	c := build(cfg, opt)
	m := deriveTruth(c, cfg).County.Metrics
	for _, r := range domain.T3ResultRows() {
		if m[domain.T3Metric(r.ID, "total")] == 0 {
			t.Errorf("outcome %s missing from a one-unit county", r.ID)
		}
	}
	for _, ch := range domain.Channels[:7] {
		if m[domain.ChannelMetric(ch.ID)] == 0 {
			t.Errorf("channel %s missing from a one-unit county", ch.ID)
		}
	}
	if m["t4.suit_after.pending"] == 0 {
		t.Error("t4.suit_after.pending missing from a one-unit county")
	}
}
