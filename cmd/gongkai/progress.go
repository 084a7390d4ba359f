package main

import (
	"io"
	"log/slog"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressReporter returns what tells the operator how far the reading
// has come: a progress bar when stderr is a terminal, a log line every
// tenth of the files when it is not (cron, systemd).
func progressReporter(stderr io.Writer, logger *slog.Logger) func(done, total int) {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		var bar *progressbar.ProgressBar
		return func(done, total int) {
			if bar == nil {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr),
					progressbar.OptionSetDescription("reading files"), progressbar.OptionShowCount(),
					progressbar.OptionClearOnFinish())
			}
			bar.Set(done)
			if done == total {
				bar.Finish()
			}
		}
	}
	return func(done, total int) {
		step := max(total/10, 1)
		if done%step == 0 || done == total {
			logger.Info("reading files", "done", done, "total", total)
		}
	}
}
