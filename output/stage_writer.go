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
	buf   *bufio.Writer
	f     *os.File
	to    io.Writer     // what buf writes to: earlyWriteback(f)
	over  *fileIdentity // the file written over, as it was (nil: a new file)
	pos   int64         // bytes written or left so far
	leave int64         // of the bytes to come, how many to leave as they are
}

// newStageWriter writes f from its start; over is what f was, when it is a
// file written over.
func newStageWriter(f *os.File, over *fileIdentity) *stageWriter {
	to := earlyWriteback(f)
	return &stageWriter{buf: bufio.NewWriterSize(to, 1<<16), f: f, to: to, over: over}
}

// Write writes p, or passes over the file's bytes where it is to leave
// them (then p's bytes are not looked at).
func (s *stageWriter) Write(p []byte) (int, error) {
	done := 0
	for s.leave > 0 && len(p) > 0 {
		n := min(int64(len(p)), s.leave)
		if err := s.buf.Flush(); err != nil {
			return done, err
		}
		if _, err := s.f.Seek(n, io.SeekCurrent); err != nil {
			return done, err
		}
		if wb, ok := s.to.(passer); ok {
			wb.pass(n)
		}
		s.leave -= n
		s.pos += n
		done += int(n)
		p = p[n:]
	}
	n, err := s.buf.Write(p)
	s.pos += int64(n)
	return done + n, err
}

// passer is a writer told of bytes of its file passed over.
type passer interface{ pass(n int64) }

// leaveNext has the next n bytes written left as the file holds them.
func (s *stageWriter) leaveNext(n int64) { s.leave += n }

// flush writes what is buffered.
func (s *stageWriter) flush() error { return s.buf.Flush() }
