package main

import (
	"io"
	"log/slog"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"gongkai/pipeline"
)

// progressReporter returns what tells the operator how far the run has
// come: a progress bar per stage when stderr is a terminal, a log line
// every tenth of a stage when it is not (cron, systemd).
func progressReporter(stderr io.Writer, logger *slog.Logger) func(stage pipeline.Stage, done, total int) {
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		var bar *progressbar.ProgressBar
		var current pipeline.Stage
		return func(stage pipeline.Stage, done, total int) {
			if bar == nil || stage != current {
				bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(stderr),
					progressbar.OptionSetDescription(string(stage)), progressbar.OptionShowCount(),
					progressbar.OptionClearOnFinish())
				current = stage
			}
			bar.Set(done)
			if done == total {
				bar.Finish()
			}
		}
	}
	return func(stage pipeline.Stage, done, total int) {
		step := max(total/10, 1)
		if done%step == 0 || done == total {
			logger.Info(string(stage), "done", done, "total", total)
		}
	}
}
