package ingest

import (
	"archive/zip"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// inflaters recycles klauspost's DEFLATE readers: they inflate worksheet
// XML faster than compress/flate, which archive/zip uses by default.
var inflaters sync.Pool

// pooledInflater returns its reader to inflaters when closed.
type pooledInflater struct{ io.ReadCloser }

func (p *pooledInflater) Close() error {
	err := p.ReadCloser.Close()
	inflaters.Put(p.ReadCloser)
	p.ReadCloser = nil
	return err
}

// inflate is the decompressor registered for zip.Deflate on every package
// the reader opens.
func inflate(r io.Reader) io.ReadCloser {
	if fr, ok := inflaters.Get().(io.ReadCloser); ok {
		if err := fr.(flate.Resetter).Reset(r, nil); err == nil {
			return &pooledInflater{fr}
		}
	}
	return &pooledInflater{flate.NewReader(r)}
}

// useInflate registers inflate on zr.
func useInflate(zr *zip.Reader) *zip.Reader {
	zr.RegisterDecompressor(zip.Deflate, inflate)
	return zr
}
