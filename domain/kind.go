package domain

// Kind is the kind of a sheet in a submission (domain.md §2). A kind is
// recognised from a sheet's content, never from its name.
type Kind string

// The sheet kinds a submission may hold.
const (
	KindCover       Kind = "cover"
	KindDisclosure  Kind = "disclosure"
	KindApplication Kind = "application"
	KindAppeal      Kind = "appeal"
	KindServiceItem Kind = "service_item"
	KindSummary     Kind = "summary"
)

// LedgerKinds are the kinds that hold one record per row, in output order.
var LedgerKinds = []Kind{KindDisclosure, KindApplication, KindAppeal, KindServiceItem}

// Label is the kind's Chinese name as offices and reports call it.
func (k Kind) Label() string {
	switch k {
	case KindCover:
		return "基本信息"
	case KindDisclosure:
		return "主动公开台账"
	case KindApplication:
		return "依申请公开登记台账"
	case KindAppeal:
		return "行政复议/诉讼台账"
	case KindServiceItem:
		return "政务服务事项录入台账"
	case KindSummary:
		return "年报统计表"
	}
	return string(k)
}
