package domain

// YearFigures are the figures the batch kept of one report year, for the
// checks of the next year against last year (R10, R11).
type YearFigures struct {
	Year   int                    `json:"year"`
	County string                 `json:"county"`
	Units  map[string]UnitFigures `json:"units"`
}

// UnitFigures are a unit's metrics as its reports carried them, and each
// office's.
type UnitFigures struct {
	Metrics Metrics            `json:"metrics"`
	Offices map[string]Metrics `json:"offices"`
}

// Office returns last year's metrics of an office, or nil.
func (y *YearFigures) Office(unit, office string) Metrics {
	if y == nil {
		return nil
	}
	return y.Units[unit].Offices[office]
}
