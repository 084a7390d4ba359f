package output

import (
	"archive/zip"
	"io"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// newFastZip is the zip writer of every workbook the batch writes: DEFLATE
// at its fastest level. A nightly county workbook of 600k detail rows is
// written in a fraction of the default level's time for about a fifth more
// bytes, and every reader opens it the same.
func newFastZip(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return &pooledFlate{getFlate(out)}, nil
	})
	return zw
}

// fastZip is newFastZip as excelize's SetZipWriter takes it.
func fastZip(w io.Writer) excelize.ZipWriter { return newFastZip(w) }

// flateWriters keeps compressors for reuse: each holds about a megabyte
// of tables, and a workbook has dozens of parts. A channel rather than a
// sync.Pool, which every collection empties: a re-run made a new
// compressor for nearly every part. It keeps as many as are ever in use at
// once here (a workbook or a unit's rows per core, each one part at a
// time, and their frames); more are left to the collector.
var flateWriters = make(chan *flate.Writer, 16)

// getFlate returns a compressor at the fastest level writing to w.
func getFlate(w io.Writer) *flate.Writer {
	select {
	case fw := <-flateWriters:
		fw.Reset(w)
		return fw
	default:
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	if err != nil {
		panic(err) // only for a level out of range
	}
	return fw
}

// putFlate keeps fw for getFlate, if there is room, without what it last
// wrote to (a workbook's whole package, say).
func putFlate(fw *flate.Writer) {
	fw.Reset(io.Discard)
	select {
	case flateWriters <- fw:
	default:
	}
}

// pooledFlate gives its compressor back (putFlate) when closed.
type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	if p.Writer == nil {
		return nil
	}
	err := p.Writer.Close()
	putFlate(p.Writer)
	p.Writer = nil
	return err
}
