package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"gongkai/domain"
)

// TestGBKCSV reads a small CSV saved in GBK by Excel: no BOM, CRLF, a
// two-byte character right before the last comma.
func TestGBKCSV(t *testing.T) {
	inbox := t.TempDir()
	text := "信息标题,公开日期,公开渠道,发布科室\r\n关于春耕的通知,2025-03-05,门户网站,社保所\r\n夏收通知,2025/6/1,公示栏,社保所,\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	rel := "白沙镇/社保所/白沙镇-社保所-主动公开台账.csv"
	os.MkdirAll(filepath.Join(inbox, "白沙镇", "社保所"), 0o755)
	if err := os.WriteFile(filepath.Join(inbox, rel), []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	if f, _ := Sniff(filepath.Join(inbox, rel)); f != FormatCSV {
		t.Fatalf("sniffed as %s", f)
	}
	r, _ := NewReader(domain.DefaultConfig(), nil)
	sub, err := r.ReadFile(context.Background(), inbox, rel)
	if err != nil {
		t.Fatal(err)
	}
	defer sub.Release()
	if sub.Rejected != "" || sub.Unit != "白沙镇" || sub.Office != "社保所" {
		t.Fatalf("rejected %q, identity %s/%s", sub.Rejected, sub.Unit, sub.Office)
	}
	if n := sub.Records[domain.KindDisclosure].NumRows(); n != 2 {
		t.Errorf("%d records, want 2", n)
	}
}

func TestValidGB18030(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("社保所,")
	b := []byte(gbk)
	if !validGB18030(b, false) {
		t.Error("a whole GBK file must be valid")
	}
	if validGB18030(b[:len(b)-2], false) {
		t.Error("a file that ends inside a character is not valid text")
	}
	if !validGB18030(b[:len(b)-2], true) {
		t.Error("the head of a longer file may end inside a character")
	}
}
