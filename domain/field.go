package domain

// FieldType says how a ledger cell is read and stored.
type FieldType int

// Field types of ledger columns.
const (
	TypeText   FieldType = iota // normalised text
	TypeDate                    // a calendar day (Arrow date32)
	TypeAmount                  // a non-negative amount in 元 (float64)
	TypeBool                    // 是/否
	TypeVocab                   // free text mapped to a canonical id; the raw text is kept beside it
)

// Field is a column of a ledger kind. Name is the Arrow column name, spelled
// only here; the header texts that name it are in Config.Headers.
type Field struct {
	Name     string
	Label    string // the canonical Chinese header
	Type     FieldType
	Required bool
}

// Field names, spelled once.
const (
	FieldSeq       = "seq"
	FieldTitle     = "title"
	FieldDate      = "date"
	FieldCategory  = "category"
	FieldChannel   = "channel"
	FieldDocNo     = "doc_no"
	FieldLink      = "link"
	FieldDept      = "dept"
	FieldNote      = "note"
	FieldAppID     = "app_id"
	FieldReceived  = "received"
	FieldApplicant = "applicant"
	FieldContent   = "content"
	FieldReplied   = "replied"
	FieldExtended  = "extended"
	FieldFee       = "fee_yuan"
	FieldOutcome   = "outcome"
	FieldCaseNo    = "case_no"
	FieldCaseType  = "case_type"
	FieldResult    = "result"
	FieldFiled     = "filed"
	FieldClosed    = "closed"
	FieldItemName  = "item_name"
	FieldItemType  = "item_type"
	FieldEntered   = "entered"
	FieldPlatform  = "platform"
	RawSuffix      = "_raw" // the raw text beside a TypeVocab field
	LineageUnit    = "unit"
	LineageOffice  = "office"
	LineageFile    = "src_file"
	LineageSheet   = "src_sheet"
	LineageRow     = "src_row"
)

// LedgerFields lists each ledger kind's columns in template order.
var LedgerFields = map[Kind][]Field{
	KindDisclosure: {
		{FieldSeq, "序号", TypeText, false},
		{FieldTitle, "信息标题", TypeText, true},
		{FieldDate, "公开日期", TypeDate, true},
		{FieldCategory, "公开类别", TypeVocab, false},
		{FieldChannel, "公开渠道", TypeVocab, false},
		{FieldDocNo, "文号", TypeText, false},
		{FieldLink, "链接", TypeText, false},
		{FieldDept, "发布科室", TypeText, false},
		{FieldNote, "备注", TypeText, false},
	},
	KindApplication: {
		{FieldAppID, "申请编号", TypeText, false},
		{FieldReceived, "收到日期", TypeDate, true},
		{FieldApplicant, "申请人类型", TypeVocab, true},
		{FieldContent, "申请内容", TypeText, false},
		{FieldReplied, "答复日期", TypeDate, false},
		{FieldExtended, "是否延期", TypeBool, false},
		{FieldFee, "收费金额（元）", TypeAmount, false},
		{FieldOutcome, "办理结果", TypeVocab, true},
		{FieldNote, "备注", TypeText, false},
	},
	KindAppeal: {
		{FieldCaseNo, "案号", TypeText, false},
		{FieldCaseType, "案件类型", TypeVocab, true},
		{FieldFiled, "收到/立案日期", TypeDate, false},
		{FieldClosed, "结案日期", TypeDate, false},
		{FieldResult, "结果", TypeVocab, true},
		{FieldAppID, "关联申请编号", TypeText, false},
	},
	KindServiceItem: {
		{FieldItemName, "事项名称", TypeText, true},
		{FieldItemType, "事项类型", TypeText, false},
		{FieldEntered, "录入日期", TypeDate, false},
		{FieldPlatform, "录入平台", TypeText, false},
	},
}

// FieldVocab names the vocabulary of each TypeVocab field.
var FieldVocab = map[string]string{
	FieldChannel:   VocabChannel,
	FieldCategory:  VocabCategory,
	FieldApplicant: VocabApplicant,
	FieldOutcome:   VocabOutcome,
	FieldCaseType:  VocabCaseType,
	FieldResult:    VocabAppealResult,
}

// OutcomePending is the canonical 办理结果 of an application still open.
const OutcomePending = "pending"

// Cover keys (基本信息): the canonical labels of the key/value pairs.
const (
	CoverUnit     = "单位名称"
	CoverTown     = "所属乡镇/街道"
	CoverYear     = "报送年度"
	CoverFiller   = "填报人"
	CoverPhone    = "联系电话"
	CoverDate     = "填报日期"
	CoverRevision = "版本/修订说明"
)

// CoverKeys lists the cover labels in template order.
var CoverKeys = []string{CoverUnit, CoverTown, CoverYear, CoverFiller, CoverPhone, CoverDate, CoverRevision}
