package output

import (
	"bufio"
	"io"
	"os"
)

// stageWriter is what stageFile writes a file through: a buffer before
// the file, which can also leave a stretch of the file as it is
// (leaveNext) when the file is one written over (see reuseDir) and the
// writer knows what it holds there (see CountyLayout).
type stageWriter struct {
	buf     *bufio.Writer
	f       *os.File
	to      io.Writer  // what buf writes to: earlyWriteback(f)
	over    *FileStamp // the file written over, as it was (nil: a new file)
	pos     int64      // bytes written or left so far
	leave   int64      // of the bytes to come, how many to leave as they are
	skipped int64      // bytes left and not yet passed over in f (one seek for a stretch)
}

// newStageWriter writes f from its start; over is what f was, when it is a
// file written over.
func newStageWriter(f *os.File, over *FileStamp) *stageWriter {
	to := earlyWriteback(f)
	return &stageWriter{buf: bufio.NewWriterSize(to, 1<<16), f: f, to: to, over: over}
}

// Write writes p, or passes over the file's bytes where it is to leave
// them (then p's bytes are not looked at).
func (s *stageWriter) Write(p []byte) (int, error) {
	done := 0
	if s.leave > 0 && len(p) > 0 {
		if s.skipped == 0 { // what comes before the stretch goes to the file first
			if err := s.buf.Flush(); err != nil {
				return 0, err
			}
		}
		n := min(int64(len(p)), s.leave)
		s.leave -= n
		s.skipped += n
		s.pos += n
		done, p = int(n), p[n:]
	}
	if len(p) == 0 {
		return done, nil
	}
	if err := s.pass(); err != nil {
		return done, err
	}
	n, err := s.buf.Write(p)
	s.pos += int64(n)
	return done + n, err
}

// pass moves f past the bytes left.
func (s *stageWriter) pass() error {
	if s.skipped == 0 {
		return nil
	}
	if _, err := s.f.Seek(s.skipped, io.SeekCurrent); err != nil {
		return err
	}
	if wb, ok := s.to.(passer); ok {
		wb.pass(s.skipped)
	}
	s.skipped = 0
	return nil
}

// passer is a writer told of bytes of its file passed over.
type passer interface{ pass(n int64) }

// leaveNext has the next n bytes written left as the file holds them.
func (s *stageWriter) leaveNext(n int64) { s.leave += n }

// flush writes what is buffered and moves f past what was left.
func (s *stageWriter) flush() error {
	if err := s.buf.Flush(); err != nil {
		return err
	}
	return s.pass()
}
