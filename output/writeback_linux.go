package output

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// earlyWriteback writes to f and asks the kernel to start writing each
// chunk to disk as soon as it is written (sync_file_range), so that the
// sync at the end waits for the last chunk, not for the whole file: the
// county's workbook is a quarter of a gigabyte at ten times the county,
// and its sync was most of the county stage of a re-run.
func earlyWriteback(f *os.File) io.Writer { return &writeback{f: f} }

// startWriteback asks the kernel to start writing a range of a file.
var startWriteback = func(fd int, off, n int64) error {
	return unix.SyncFileRange(fd, off, n, unix.SYNC_FILE_RANGE_WRITE)
}

type writeback struct {
	f             *os.File
	written, from int64 // bytes written; where the unstarted ones begin
}

// pass notes n bytes of the file passed over, not written.
func (w *writeback) pass(n int64) { w.written += n }

func (w *writeback) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	w.written += int64(n)
	if w.written-w.from >= writebackChunk {
		// Only a hint: on error the final sync does it all.
		_ = startWriteback(int(w.f.Fd()), w.from, w.written-w.from)
		w.from = w.written
	}
	return n, err
}
