package domain

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

//go:embed defaults.toml
var defaultsTOML []byte

// DefaultsTOML returns the embedded default configuration, as a file.
func DefaultsTOML() []byte { return slices.Clone(defaultsTOML) }

// Config is everything a county sets: its roster, vocabularies, header
// synonyms and rule settings. Build it with DefaultConfig or LoadConfig.
type Config struct {
	County        string                         `toml:"county"`
	Rules         RuleSettings                   `toml:"rules"`
	Units         []RosterUnit                   `toml:"unit"`
	OfficeAliases map[string][]string            `toml:"office_aliases"`
	Categories    []Category                     `toml:"category"`
	Vocab         map[string]map[string][]string `toml:"vocab"`
	Headers       map[Kind]map[string][]string   `toml:"headers"`
	DraftTemplate string                         `toml:"draft_template"` // report-draft template file; "" = built-in
	Output        OutputNaming                   `toml:"output"`
	// Calendar adds or replaces years of the embedded holiday calendar
	// (holidays.toml), keyed by year.
	Calendar map[string]CalendarYear `toml:"calendar"`

	vocab    map[string]map[string]string // vocabulary name → MatchKey → id
	calendar *Calendar
}

// OutputNaming are the file names of the workbooks: {county}, {unit} and
// {year} are filled in.
type OutputNaming struct {
	CountyWorkbook string `toml:"county_workbook"`
	UnitWorkbook   string `toml:"unit_workbook"`
}

// check reports a file-name pattern that could not name one file of the
// year's folder.
func (o OutputNaming) check() error {
	for key, pat := range map[string]string{"output.county_workbook": o.CountyWorkbook, "output.unit_workbook": o.UnitWorkbook} {
		switch {
		case !strings.HasSuffix(strings.ToLower(pat), ".xlsx"):
			return fmt.Errorf("%s = %q must end in .xlsx", key, pat)
		case strings.ContainsAny(pat, `/\`) || strings.Contains(pat, ".."):
			return fmt.Errorf("%s = %q must be a file name, not a path", key, pat)
		}
	}
	if !strings.Contains(o.UnitWorkbook, "{unit}") {
		return fmt.Errorf("output.unit_workbook = %q needs {unit}, or every unit would write the same file", o.UnitWorkbook)
	}
	return nil
}

// RuleSettings are the settings of the cross-checks.
type RuleSettings struct {
	ReportSource  string `toml:"report_source"`
	AnswerDays    int    `toml:"answer_days"`
	ExtensionDays int    `toml:"extension_days"`
	// PauseWords in an open application's 备注 say that its time limit is
	// suspended (补正, 征求第三方意见): R9 then only notes it.
	PauseWords []string `toml:"deadline_pause_words"`
}

// Report sources for RuleSettings.ReportSource.
const (
	SourceLedger  = "ledger"
	SourceSummary = "summary"
)

// RosterUnit is a unit (town, street or county department) on the roster.
type RosterUnit struct {
	Name    string   `toml:"name"`
	Aliases []string `toml:"aliases"`
	Offices []string `toml:"offices"`
}

// Category is a configured disclosure category.
type Category struct {
	ID       string   `toml:"id"`
	Label    string   `toml:"label"`
	Synonyms []string `toml:"synonyms"`
}

// Vocabulary names, the keys of Config.Vocab.
const (
	VocabChannel      = "channel"
	VocabApplicant    = "applicant"
	VocabOutcome      = "outcome"
	VocabCaseType     = "case_type"
	VocabAppealResult = "appeal_result"
	VocabCategory     = "category"
)

// DefaultConfig returns the embedded defaults.
func DefaultConfig() *Config {
	c, err := parseConfig(defaultsTOML, "defaults.toml", nil)
	if err != nil {
		panic("embedded defaults.toml: " + err.Error()) // a build defect, caught by tests
	}
	return c
}

// LoadConfig reads a TOML file over the defaults. path "" gives the defaults.
func LoadConfig(path string) (*Config, error) {
	if path == "" {
		return DefaultConfig(), nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseConfig(data, path, DefaultConfig())
}

func parseConfig(data []byte, name string, base *Config) (*Config, error) {
	c := &Config{}
	if base != nil {
		*c = *base
	}
	if _, err := toml.Decode(string(data), c); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d: %s", name, perr.Position.Line, perr.Message)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := c.build(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// build checks the configuration and prepares its lookups.
func (c *Config) build() error {
	if c.County == "" {
		return errors.New("county is empty")
	}
	if len(c.Units) == 0 {
		return errors.New("the roster has no [[unit]]")
	}
	switch c.Rules.ReportSource {
	case SourceLedger, SourceSummary:
	default:
		return fmt.Errorf("rules.report_source is %q; want %q or %q", c.Rules.ReportSource, SourceLedger, SourceSummary)
	}
	if err := c.Output.check(); err != nil {
		return err
	}
	if c.Rules.AnswerDays <= 0 || c.Rules.ExtensionDays < 0 {
		return errors.New("rules.answer_days must be positive and rules.extension_days not negative")
	}
	cal, err := NewCalendar(c.Calendar)
	if err != nil {
		return err
	}
	c.calendar = cal
	c.vocab = map[string]map[string]string{}
	for name, ids := range c.Vocab {
		m := map[string]string{}
		for id, syns := range ids {
			for _, s := range append([]string{id}, syns...) {
				k := MatchKey(s)
				if other, ok := m[k]; ok && other != id {
					return fmt.Errorf("vocab.%s: %q is listed under both %q and %q", name, s, other, id)
				}
				m[k] = id
			}
		}
		c.vocab[name] = m
	}
	// Canonical labels always match.
	addLabels := func(name string, cols []Column) {
		if c.vocab[name] == nil {
			c.vocab[name] = map[string]string{}
		}
		for _, col := range cols {
			if _, ok := c.vocab[name][MatchKey(col.Label)]; !ok {
				c.vocab[name][MatchKey(col.Label)] = col.ID
			}
		}
	}
	addLabels(VocabChannel, Channels)
	addLabels(VocabApplicant, T3Columns[:len(T3Columns)-1])
	addLabels(VocabCaseType, T4Blocks)
	addLabels(VocabAppealResult, T4Results[:len(T4Results)-1])
	var outcomes, cats []Column
	for _, r := range T3ResultRows() {
		outcomes = append(outcomes, Column{r.ID, r.Label}, Column{r.ID, r.ShortLabel()})
	}
	addLabels(VocabOutcome, outcomes)
	cm := map[string]string{}
	for _, cat := range c.Categories {
		if cat.ID == "" || cat.Label == "" {
			return errors.New("a [[category]] needs an id and a label")
		}
		cats = append(cats, Column{cat.ID, cat.Label})
		for _, s := range cat.Synonyms {
			cm[MatchKey(s)] = cat.ID
		}
	}
	c.vocab[VocabCategory] = cm
	addLabels(VocabCategory, cats)
	for _, u := range c.Units {
		if u.Name == "" || len(u.Offices) == 0 {
			return fmt.Errorf("unit %q needs a name and its offices", u.Name)
		}
	}
	return nil
}

// Lookup maps a text to its canonical id in the named vocabulary. ok is
// false for a text no list knows.
func (c *Config) Lookup(vocab, text string) (id string, ok bool) {
	id, ok = c.vocab[vocab][MatchKey(text)]
	return id, ok
}

// WorkCalendar returns the holiday calendar: the embedded years with the
// configured ones laid over them.
func (c *Config) WorkCalendar() *Calendar { return c.calendar }

// CategoryIDs lists the configured category ids in order.
func (c *Config) CategoryIDs() []string {
	ids := make([]string, len(c.Categories))
	for i, cat := range c.Categories {
		ids[i] = cat.ID
	}
	return ids
}

// CategoryLabel returns a category's label, or the id when unknown.
func (c *Config) CategoryLabel(id string) string {
	for _, cat := range c.Categories {
		if cat.ID == id {
			return cat.Label
		}
	}
	return id
}

// MetricIDs lists every metric id for this configuration.
func (c *Config) MetricIDs() []string { return MetricIDs(c.CategoryIDs()) }

// ResolveUnit maps a unit name or alias to the roster name.
func (c *Config) ResolveUnit(name string) (string, bool) {
	k := MatchKey(name)
	if k == "" {
		return "", false
	}
	for _, u := range c.Units {
		if MatchKey(u.Name) == k {
			return u.Name, true
		}
		for _, a := range u.Aliases {
			if MatchKey(a) == k {
				return u.Name, true
			}
		}
	}
	return "", false
}

// ResolveOffice maps an office name or alias to its canonical name. ok is
// false when no alias list knows it; the name is then returned as written.
func (c *Config) ResolveOffice(name string) (string, bool) {
	k := MatchKey(name)
	for canon, aliases := range c.OfficeAliases {
		if MatchKey(canon) == k {
			return canon, true
		}
		for _, a := range aliases {
			if MatchKey(a) == k {
				return canon, true
			}
		}
	}
	for _, u := range c.Units {
		for _, o := range u.Offices {
			if MatchKey(o) == k {
				return o, true
			}
		}
	}
	return name, false
}

// Unit returns the roster entry of a unit name.
func (c *Config) Unit(name string) (RosterUnit, bool) {
	for _, u := range c.Units {
		if u.Name == name {
			return u, true
		}
	}
	return RosterUnit{}, false
}

// HeaderSynonyms returns the header texts that name a field of a kind,
// its canonical label first.
func (c *Config) HeaderSynonyms(k Kind, f Field) []string {
	return append([]string{f.Label}, c.Headers[k][f.Name]...)
}
