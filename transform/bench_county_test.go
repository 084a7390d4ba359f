package transform

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"

	"gongkai/domain"
)

// The benchmark county has the size of the batch's bench county
// (cmd/gongkai-bench): 75 towns of 4 offices, about 2,000 disclosure rows
// each. Its ledgers are shaped like the generated ones: monthly topics
// ("…2025年3月政务工作动态"), later batches marked （第k批）, 15% of the
// items on two channels, grown to size by copies marked （续k） on the same
// day.
const (
	benchUnits         = 75
	benchRowsPerOffice = 2000
	benchTwoChannels   = 0.15
)

var (
	benchOffices = []string{"党政办", "财政所", "社保所", "农业服务中心"}
	benchTopics  = []string{"政务工作动态", "安全生产工作会议纪要", "重点工作推进情况通报", "领导干部值班安排表",
		"财政收支情况公示", "民生资金发放情况公示", "项目建设进展情况", "环境卫生整治情况通报"}
	benchChannels = []string{"website", "new_media", "board", "gazette"}
)

// benchCounty builds the benchmark county's roster and offices' inputs;
// the caller releases the ledgers.
func benchCounty(tb testing.TB, mem memory.Allocator) (*domain.Config, []OfficeInput) {
	tb.Helper()
	cfg := domain.DefaultConfig()
	cfg.Units = nil
	first, second := []rune("东西南北上下新老大小前后中"), []rune("山河湖田林桥港岭")
	for i := range benchUnits {
		name := string([]rune{first[i/len(second)], second[i%len(second)]}) + "镇"
		cfg.Units = append(cfg.Units, domain.RosterUnit{Name: name, Offices: benchOffices})
	}
	var offices []OfficeInput
	for ui, u := range cfg.Units {
		for oi, o := range u.Offices {
			r := rand.New(rand.NewPCG(uint64(ui), uint64(oi)))
			rec := benchLedger(tb, mem, u.Name, o, benchOfficeRows(r, u.Name, o))
			offices = append(offices, OfficeInput{Unit: u.Name, Office: o,
				Ledgers: map[domain.Kind][]arrow.RecordBatch{domain.KindDisclosure: {rec}}})
		}
	}
	return cfg, offices
}

// benchOfficeRows draws one office's disclosure rows.
func benchOfficeRows(r *rand.Rand, unit, office string) []benchRow {
	var items []benchRow
	for batch := 1; len(items) < benchRowsPerOffice/4; batch++ {
		for m := time.January; m <= time.December; m++ {
			for _, topic := range benchTopics {
				title := fmt.Sprintf("%s%s2025年%d月%s", unit, office, m, topic)
				if batch > 1 {
					title += fmt.Sprintf("（第%d批）", batch)
				}
				day := time.Date(2025, m, 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
				items = append(items, benchRow{title, day, benchChannels[r.IntN(len(benchChannels))]})
				if r.Float64() < benchTwoChannels {
					items = append(items, benchRow{title, day, benchChannels[r.IntN(len(benchChannels))]})
				}
			}
		}
	}
	rows := items
	for k := 1; len(rows) < benchRowsPerOffice; k++ {
		for _, it := range items {
			if len(rows) == benchRowsPerOffice {
				break
			}
			it.title += fmt.Sprintf("（续%d）", k)
			rows = append(rows, it)
		}
	}
	return rows
}
