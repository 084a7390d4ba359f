package output

// OfficialCell is where a metric shows in the official tables.
type OfficialCell = officialCell

// Hooks for the tests of package output_test, which run the whole batch.
var (
	OfficialCells = officialCells // metric id → cell of the official tables
	T4Suffix      = t4SheetSuffix
	DraftSheet    = draftSheet
	UnitTables    = unitTablesSheet
	CountyTables  = countyTablesSheet
	MonthlySheet  = monthlySheet
	Comparison    = comparisonSheet
	ReadParquet   = readParquet // a Parquet file read back as an Arrow table
	CheckSchema   = checkSchema // columns read back against their kind's schema
	OpenBook      = openBook    // a written workbook, closed when the test ends
)
