package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"gongkai/domain"
	"gongkai/output/samplecounty"
)

// Size of the county at SCALE=1: 75 towns of 4 offices, one workbook per
// office, about 2,000 disclosure rows each (grown, see grow) and the other
// ledgers: 300 files, 600k rows.
const (
	unitsPerScale = 75
	rowsPerOffice = 2000
)

// benchOffices are the offices of every generated town.
var benchOffices = []string{"党政办", "财政所", "社保所", "农业服务中心"}

// benchConfig is the default configuration with a roster of n made-up
// towns, townships and subdistricts (the built-in roster has 15).
func benchConfig(n int) *domain.Config {
	cfg := domain.DefaultConfig()
	first := "东西南北上下新老大小前后中左右内外高低长"
	second := "山河湖田林桥港岭塘溪坪坝湾庄营堡寨铺集口店岗圩冲洞垌坡峰泉源井"
	taken := map[string]bool{}
	for _, u := range cfg.Units {
		taken[u.Name] = true
	}
	var units []domain.RosterUnit
	for _, kind := range []string{"镇", "乡", "街道"} {
		for _, a := range first {
			for _, b := range second {
				name := string([]rune{a, b}) + kind
				if len(units) < n && !taken[name] {
					units = append(units, domain.RosterUnit{Name: name, Offices: benchOffices})
				}
			}
		}
	}
	if len(units) < n {
		panic(fmt.Sprintf("bench: only %d town names, %d wanted", len(units), n))
	}
	cfg.Units = units
	return cfg
}

// generate writes a county of scale×300 workbooks under dir and returns
// its inbox.
func generate(dir string, scale int) (string, error) {
	cfg := benchConfig(unitsPerScale * scale)
	if _, err := samplecounty.Generate(dir, cfg, samplecounty.Options{Seed: 20250, Rows: rowsPerOffice}); err != nil {
		return "", err
	}
	inbox := filepath.Join(dir, samplecounty.InboxDir)
	files, err := workbooks(inbox)
	if err != nil {
		return "", err
	}
	jobs := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for f := range jobs {
				errs <- grow(f, rowsPerOffice)
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return "", err
		}
	}
	return inbox, nil
}

// workbooks lists the .xlsx files of an inbox, sorted.
func workbooks(inbox string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(inbox, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xlsx") {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// changeOnePercent corrects one disclosure title in every hundredth
// workbook from the from-th, as an office re-submitting a fixed file
// would, and returns how many files it changed.
func changeOnePercent(inbox string, from int) (int, error) {
	files, err := workbooks(inbox)
	if err != nil {
		return 0, err
	}
	n := 0
	for i := from; i < len(files); i += 100 {
		if err := samplecounty.CorrectTitle(files[i]); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// removeAll deletes a work folder, saying so when it cannot.
func removeAll(dir string) {
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
}
