package pipeline

import (
	"bufio"
	"os"
	"os/exec"
	"runtime/metrics"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestHeapLaidOutInHugePages: after the first TuneGC, what a process
// allocates lands in memory advised for huge pages, and the runtime does
// not count the memory reserved for that as its own. Run in a fresh
// process of its own (the test binary again), where the heap is the
// batch's: in this one, earlier tests have laid the heap out already.
func TestHeapLaidOutInHugePages(t *testing.T) {
	if mode := thpMode(); mode != "madvise" {
		t.Skipf("transparent huge pages in mode %q here: only madvise has the heap advised", mode)
	}
	if os.Getenv("GONGKAI_HUGE_PAGES_CHILD") == "1" {
		defer TuneGC()()
		// The runtime counts the reservation as returned, not as memory it
		// holds (which a memory limit would have it collect for).
		free := []metrics.Sample{{Name: "/memory/classes/heap/free:bytes"}}
		if metrics.Read(free); free[0].Value.Uint64() > hugeHeapBytes/8 {
			t.Errorf("after TuneGC the runtime holds %d MiB of free heap not returned", free[0].Value.Uint64()>>20)
		}
		for _, n := range []int{8 << 20, 64 << 20} { // more than the first chunk of heap (4 MiB) the runtime starts in
			b := make([]byte, n)
			if flags := vmaFlags(t, uintptr(unsafe.Pointer(unsafe.SliceData(b)))); !strings.Contains(" "+flags+" ", " hg ") {
				t.Errorf("%d bytes allocated after TuneGC: their mapping's flags %q lack hg (huge pages advised)", n, flags)
			}
		}
		return
	}
	for _, godebug := range []string{"", "disablethp=1"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHeapLaidOutInHugePages$", "-test.count=1")
		cmd.Env = append(os.Environ(), "GONGKAI_HUGE_PAGES_CHILD=1", "GODEBUG="+godebug)
		out, err := cmd.CombinedOutput()
		if godebug == "" && err != nil {
			t.Errorf("GODEBUG unset: %v\n%s", err, out)
		}
		if godebug != "" && !strings.Contains(string(out), "lack hg") { // the heap left off huge pages
			t.Errorf("GODEBUG=%q: the heap still advised for huge pages (%v)\n%s", godebug, err, out)
		}
	}
}

// vmaFlags returns the VmFlags of the mapping in /proc/self/smaps that
// holds addr.
func vmaFlags(t *testing.T, addr uintptr) string {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	in := false
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := sc.Text()
		if lo, hi, ok := mappingRange(line); ok {
			in = lo <= addr && addr < hi
		} else if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok && in {
			return strings.TrimSpace(rest)
		}
	}
	t.Fatalf("%#x: in no mapping of /proc/self/smaps", addr)
	return ""
}

// mappingRange parses a mapping's header line of smaps ("lo-hi perms …").
func mappingRange(line string) (lo, hi uintptr, ok bool) {
	r, _, _ := strings.Cut(line, " ")
	a, b, ok := strings.Cut(r, "-")
	if !ok {
		return 0, 0, false
	}
	l, err1 := strconv.ParseUint(a, 16, 64)
	h, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(l), uintptr(h), true
}

func TestBracketedMode(t *testing.T) {
	for setting, want := range map[string]string{
		"always [madvise] never\n": "madvise", "[always] madvise never": "always", "always madvise [never]": "never",
		"": "", "always madvise never": "", "[always": "",
	} {
		if got := bracketedMode(setting); got != want {
			t.Errorf("%q: %q, want %q", setting, got, want)
		}
	}
}

func TestHugePagesWanted(t *testing.T) {
	for godebug, want := range map[string]bool{
		"": true, "disablethp=0": true, "madvdontneed=1": true,
		"disablethp=1": false, "gctrace=1, disablethp=1": false, "disablethp=1,disablethp=0": true,
	} {
		if got := hugePagesWanted(godebug); got != want {
			t.Errorf("GODEBUG=%q: %v, want %v", godebug, got, want)
		}
	}
}
