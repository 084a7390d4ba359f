package output

import (
	"path/filepath"
	"testing"
)

func BenchmarkZZUnitBook(b *testing.B) {
	r := checkedTestReport(&testing.T{})
	tpl, err := NewTemplates(r.Config, nil)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	for b.Loop() {
		bk, err := startUnitWorkbook(r.Config, r.Year, r.Units[0], tpl.styles, tpl.draft)
		if err != nil {
			b.Fatal(err)
		}
		if err := bk.save(filepath.Join(dir, "x.xlsx"), r.Config, nil); err != nil {
			b.Fatal(err)
		}
	}
}
