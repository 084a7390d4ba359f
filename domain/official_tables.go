package domain

// The official statistical tables of the annual report, 2021 format
// (国办公开办函〔2021〕30号), as data: ids, exact labels and layout facts.
// Labels are written byte-for-byte as here.

// T2Block is a 第二十条 block of 表二 with its column labels.
type T2Block struct {
	Caption string   // e.g. 第二十条第（一）项
	Columns []string // column labels after 信息内容
}

// T2Row is a row of 表二.
type T2Row struct {
	Block   int      // index into T2Blocks
	Label   string   // e.g. 规章
	Metrics []string // one metric id per column of its block
}

// T2ContentLabel is the first column label of every 表二 block.
const T2ContentLabel = "信息内容"

// T2Blocks are the four blocks of 表二 in order.
var T2Blocks = []T2Block{
	{Caption: "第二十条第（一）项", Columns: []string{"本年制发件数", "本年废止件数", "现行有效件数"}},
	{Caption: "第二十条第（五）项", Columns: []string{"本年处理决定数量"}},
	{Caption: "第二十条第（六）项", Columns: []string{"本年处理决定数量"}},
	{Caption: "第二十条第（八）项", Columns: []string{"本年收费金额（单位：万元）"}},
}

// T2Rows are the rows of 表二 in order.
var T2Rows = []T2Row{
	{0, "规章", []string{"t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force"}},
	{0, "行政规范性文件", []string{"t2.normative_docs.issued", "t2.normative_docs.repealed", "t2.normative_docs.in_force"}},
	{1, "行政许可", []string{"t2.licensing.decisions"}},
	{2, "行政处罚", []string{"t2.punishment.decisions"}},
	{2, "行政强制", []string{"t2.coercion.decisions"}},
	{3, "行政事业性收费", []string{"t2.fees.amount_wan"}},
}

// Column is an id with its exact label.
type Column struct {
	ID    string
	Label string
}

// ColumnTotal is the id of the 总计 column of 表三 and of each 表四 block.
const ColumnTotal = "total"

// T3Columns are the applicant columns of 表三 in order; the last is 总计.
var T3Columns = []Column{
	{"natural", "自然人"},
	{"commercial", "商业企业"},
	{"research", "科研机构"},
	{"welfare", "社会公益组织"},
	{"legal", "法律服务机构"},
	{"other_org", "其他"},
	{ColumnTotal, "总计"},
}

// Labels of the 表三 header.
const (
	T3Caption        = "申请人情况"
	T3OrgCaption     = "法人或其他组织"
	T3BalanceNote    = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
	T3ResultsCaption = "三、本年度办理结果"
)

// T3Row is a row of 表三 with numbers. Group is the （三）…（六） label a
// leaf row sits under ("" for rows that stand alone); Label is the row's
// own label. The group labels have no numbers and no row of their own here.
type T3Row struct {
	ID     string
	Group  string
	Label  string
	Result bool // one of the 23 outcome rows
}

// ShortLabel is the row's label with its group, as one line.
func (r T3Row) ShortLabel() string {
	if r.Group != "" {
		return r.Group + r.Label
	}
	return r.Label
}

const (
	groupDenied   = "（三）不予公开"
	groupUnable   = "（四）无法提供"
	groupRejected = "（五）不予处理"
	groupOther    = "（六）其他处理"
)

// T3GroupOther is the （六） group label; the 2019 trial format printed it as
// one row with numbers of its own.
const T3GroupOther = groupOther

// Ids of the 表三 rows that are not outcomes.
const (
	T3RowNew        = "new"
	T3RowCarriedIn  = "carried_in"
	T3RowTotal      = "total"
	T3RowCarriedOut = "carried_out"
)

// T3Rows are the 25 rows of 表三 with numbers, in order.
var T3Rows = []T3Row{
	{ID: T3RowNew, Label: "一、本年新收政府信息公开申请数量"},
	{ID: T3RowCarriedIn, Label: "二、上年结转政府信息公开申请数量"},
	{ID: "granted", Label: "（一）予以公开", Result: true},
	{ID: "partial", Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Result: true},
	{ID: "denied.state_secret", Group: groupDenied, Label: "1.属于国家秘密", Result: true},
	{ID: "denied.law_forbidden", Group: groupDenied, Label: "2.其他法律行政法规禁止公开", Result: true},
	{ID: "denied.three_safety", Group: groupDenied, Label: "3.危及“三安全一稳定”", Result: true},
	{ID: "denied.third_party", Group: groupDenied, Label: "4.保护第三方合法权益", Result: true},
	{ID: "denied.internal", Group: groupDenied, Label: "5.属于三类内部事务信息", Result: true},
	{ID: "denied.process", Group: groupDenied, Label: "6.属于四类过程性信息", Result: true},
	{ID: "denied.enforcement", Group: groupDenied, Label: "7.属于行政执法案卷", Result: true},
	{ID: "denied.query", Group: groupDenied, Label: "8.属于行政查询事项", Result: true},
	{ID: "unable.not_held", Group: groupUnable, Label: "1.本机关不掌握相关政府信息", Result: true},
	{ID: "unable.must_create", Group: groupUnable, Label: "2.没有现成信息需要另行制作", Result: true},
	{ID: "unable.unclear", Group: groupUnable, Label: "3.补正后申请内容仍不明确", Result: true},
	{ID: "rejected.petition", Group: groupRejected, Label: "1.信访举报投诉类申请", Result: true},
	{ID: "rejected.repeat", Group: groupRejected, Label: "2.重复申请", Result: true},
	{ID: "rejected.publication", Group: groupRejected, Label: "3.要求提供公开出版物", Result: true},
	{ID: "rejected.mass", Group: groupRejected, Label: "4.无正当理由大量反复申请", Result: true},
	{ID: "rejected.confirm", Group: groupRejected, Label: "5.要求行政机关确认或重新出具已获取信息", Result: true},
	{ID: "other.no_correction", Group: groupOther, Label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Result: true},
	{ID: "other.no_fee", Group: groupOther, Label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Result: true},
	{ID: "other.other", Group: groupOther, Label: "3.其他", Result: true},
	{ID: T3RowTotal, Label: "（七）总计"},
	{ID: T3RowCarriedOut, Label: "四、结转下年度继续办理"},
}

// T3ResultRows returns the 23 outcome rows of 表三 in order.
func T3ResultRows() []T3Row {
	var out []T3Row
	for _, r := range T3Rows {
		if r.Result {
			out = append(out, r)
		}
	}
	return out
}

// T4Blocks are the three blocks of 表四 in order.
var T4Blocks = []Column{
	{"review", "行政复议"},
	{"suit_direct", "未经复议直接起诉"},
	{"suit_after", "复议后起诉"},
}

// T4SuitCaption is the caption over the two 行政诉讼 blocks.
const T4SuitCaption = "行政诉讼"

// T4Results are the five columns of each 表四 block; the last is 总计.
var T4Results = []Column{
	{"upheld", "结果维持"},
	{"corrected", "结果纠正"},
	{"other", "其他结果"},
	{"pending", "尚未审结"},
	{ColumnTotal, "总计"},
}

// Table titles as the annual report prints them.
const (
	T2Title = "二、主动公开政府信息情况"
	T3Title = "三、收到和处理政府信息公开申请情况"
	T4Title = "四、政府信息公开行政复议、行政诉讼情况"
)

// Channels are the canonical disclosure channels of §3 in report order.
var Channels = []Column{
	{"website", "政府网站"},
	{"new_media", "政务新媒体"},
	{"board", "公开栏"},
	{"gazette", "政府公报"},
	{"press", "新闻发布会"},
	{"media", "广播电视报刊"},
	{"other", "其他"},
	{"unspecified", "未填写"},
}

// ChannelUnspecified is the channel of a disclosure whose channel is blank.
const ChannelUnspecified = "unspecified"

// ChannelLabel returns the Chinese label of a channel id.
func ChannelLabel(id string) string { return labelOf(Channels, id) }

// ApplicantLabel returns the Chinese label of an applicant column id.
func ApplicantLabel(id string) string { return labelOf(T3Columns, id) }

func labelOf(cols []Column, id string) string {
	for _, c := range cols {
		if c.ID == id {
			return c.Label
		}
	}
	return id
}
