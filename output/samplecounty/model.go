package samplecounty

import "time"

// county is the generator's model of everything it writes; the truth is
// derived from it, never from the files.
type county struct {
	name  string
	year  int
	units []*unit
}

// unit is a town of the roster with its offices.
type unit struct {
	name    string
	code    string // letters of application numbers, e.g. BS
	offices []*office
	days    dayPool // publication days taken by the unit's items
	docNo   int     // last 文号 serial
}

// office is one office of a unit: what its workbook holds.
type office struct {
	unit     *unit
	name     string
	filler   string
	phone    string
	filed    time.Time // 填报日期
	items    []*item
	apps     []*application
	appeals  []*appeal
	services []service
	t2       map[string]int64 // 表二 metric id → value in hundredths
}

// item is one disclosed item; it has one ledger row per channel.
type item struct {
	title    string
	date     time.Time
	category string // category id; "" for none
	catText  string
	channels []channelUse
	docNo    string
}

// channelUse is one channel an item was published on. id is
// domain.ChannelUnspecified when the ledger cell is blank.
type channelUse struct {
	id, text, link string
}

// application is one request for disclosure.
type application struct {
	id          string // 申请编号, set once the unit is complete
	received    time.Time
	applicant   string // a domain.T3Columns id
	appText     string
	content     string
	replied     time.Time // zero while pending
	extended    bool
	feeCents    int64
	outcome     string // a 表三 result row id; "" while pending
	outcomeText string
	note        string
}

// pending says whether the application is still open at the end of the year.
func (a *application) pending() bool { return a.replied.IsZero() }

// appeal is one administrative review or lawsuit.
type appeal struct {
	caseNo   string
	caseType string // a domain.T4Blocks id
	typeText string
	result   string // a domain.T4Results id other than total
	filed    time.Time
	closed   time.Time // zero while pending
	app      *application
}

// service is one item entered in the online service platform.
type service struct {
	name, kind string
	entered    time.Time
}
