package domain

// SelfReport is an office's self-reported 表二/表三/表四, as read from its
// summary sheet.
type SelfReport struct {
	Values  Metrics        // non-blank cells only
	Cells   map[string]Pos // metric id → the cell it was read from
	Missing []string       // metric ids whose cell was blank (missing, not 0)
}
