package samplecounty

import "time"

// period is how often a topic is published.
type period int

const (
	monthly period = iota
	quarterly
	yearly
)

// topic is a kind of item an office discloses. text is a title template:
// {u} the unit, {o} the office, {y} the year, {py} the year before, {m} the
// month, {q} the quarter in Chinese numerals.
type topic struct {
	text  string
	cat   string // category id of the default configuration
	every period
	month time.Month // yearly topics: month of publication
	docNo bool       // carries a 文号
}

// officeTopics are the topics of the roster's usual offices.
var officeTopics = map[string][]topic{
	"党政办": {
		{text: "{u}{y}年{m}月政务工作动态", cat: "news"},
		{text: "{u}召开{y}年{m}月份安全生产工作会议", cat: "news"},
		{text: "{u}{y}年{m}月重点工作推进情况通报", cat: "planning"},
		{text: "{u}{y}年{m}月领导干部值班安排表", cat: "org"},
		{text: "{u}{y}年第{q}季度政务公开工作情况", cat: "planning", every: quarterly},
		{text: "{u}{y}年第{q}季度信访工作情况通报", cat: "news", every: quarterly},
		{text: "{u}{py}年度政府信息公开工作年度报告", cat: "planning", every: yearly, month: 1},
		{text: "{u}{py}年工作总结和{y}年工作计划", cat: "planning", every: yearly, month: 1},
		{text: "{u}{y}年政府工作报告", cat: "planning", every: yearly, month: 2},
		{text: "{u}关于印发{y}年政务公开工作要点的通知", cat: "policy", every: yearly, month: 3, docNo: true},
		{text: "{u}{y}年机构职能及领导班子分工情况", cat: "org", every: yearly, month: 3},
		{text: "{u}{y}年公开招聘村（社区）后备干部公告", cat: "personnel", every: yearly, month: 4},
		{text: "{u}关于印发{y}年乡村振兴工作实施方案的通知", cat: "policy", every: yearly, month: 5, docNo: true},
		{text: "{u}关于{y}年国庆节假期值班安排的通知", cat: "news", every: yearly, month: 9},
	},
	"财政所": {
		{text: "{u}{y}年{m}月财政收支情况", cat: "finance"},
		{text: "{u}{y}年{m}月惠民惠农财政补贴资金发放情况公示", cat: "finance"},
		{text: "{u}{y}年{m}月村级公益事业财政奖补资金公示", cat: "finance"},
		{text: "{u}{y}年第{q}季度财政预算执行情况", cat: "finance", every: quarterly},
		{text: "{u}{y}年第{q}季度“三公”经费支出情况", cat: "finance", every: quarterly},
		{text: "{u}{y}年部门预算公开", cat: "finance", every: yearly, month: 2},
		{text: "{u}{y}年“三公”经费预算情况说明", cat: "finance", every: yearly, month: 2},
		{text: "{u}{y}年政府采购意向公开", cat: "finance", every: yearly, month: 4},
		{text: "{u}{py}年度财政专项资金绩效自评报告", cat: "finance", every: yearly, month: 6},
		{text: "{u}{y}年耕地地力保护补贴资金发放公示", cat: "livelihood", every: yearly, month: 7},
		{text: "{u}{py}年部门决算公开", cat: "finance", every: yearly, month: 8},
	},
	"社保所": {
		{text: "{u}{y}年{m}月农村低保资金发放情况公示", cat: "livelihood"},
		{text: "{u}{y}年{m}月特困人员供养金发放情况公示", cat: "livelihood"},
		{text: "{u}{y}年{m}月临时救助审批情况公示", cat: "livelihood"},
		{text: "{u}{y}年{m}月城乡居民基本养老保险待遇发放情况", cat: "livelihood"},
		{text: "{u}{y}年第{q}季度新增低保对象名单公示", cat: "livelihood", every: quarterly},
		{text: "{u}{y}年第{q}季度残疾人两项补贴发放名单", cat: "livelihood", every: quarterly},
		{text: "{u}{y}年度就业援助月活动方案", cat: "planning", every: yearly, month: 1},
		{text: "{u}城乡居民养老保险参保登记办事指南", cat: "service_guide", every: yearly, month: 3},
		{text: "{u}{y}年公益性岗位招聘公告", cat: "personnel", every: yearly, month: 3},
		{text: "{u}{y}年高龄老人津贴申领指南", cat: "service_guide", every: yearly, month: 5},
		{text: "{u}关于做好{y}年度城乡居民医疗保险参保缴费工作的通知", cat: "service_guide", every: yearly, month: 10},
	},
	"规划建设办": {
		{text: "{u}{y}年{m}月农村建房审批情况公示", cat: "planning"},
		{text: "{u}{y}年{m}月乡村建设规划许可证核发情况公示", cat: "planning"},
		{text: "{u}{y}年{m}月违法建设巡查整治情况", cat: "news"},
		{text: "{u}{y}年第{q}季度农村危房改造进度公示", cat: "livelihood", every: quarterly},
		{text: "{u}{y}年第{q}季度人居环境整治工作简报", cat: "news", every: quarterly},
		{text: "{u}乡村建设规划许可办理指南", cat: "service_guide", every: yearly, month: 3},
		{text: "{u}{y}年村庄规划编制工作方案", cat: "planning", every: yearly, month: 3},
		{text: "{u}{y}年农村危房改造对象名单公示", cat: "livelihood", every: yearly, month: 4},
		{text: "{u}国土空间总体规划（2021—2035年）公示", cat: "planning", every: yearly, month: 6},
		{text: "{u}关于印发{y}年城乡风貌提升工作方案的通知", cat: "policy", every: yearly, month: 7, docNo: true},
	},
	"农业服务中心": {
		{text: "{u}{y}年{m}月农业生产技术指导信息", cat: "news"},
		{text: "{u}{y}年{m}月动物防疫工作情况", cat: "news"},
		{text: "{u}{y}年{m}月农产品价格监测信息", cat: "news"},
		{text: "{u}{y}年第{q}季度农机购置补贴发放公示", cat: "livelihood", every: quarterly},
		{text: "{u}{y}年第{q}季度农作物病虫害防治简报", cat: "news", every: quarterly},
		{text: "{u}{y}年春耕备耕工作方案", cat: "planning", every: yearly, month: 2},
		{text: "{u}关于印发{y}年耕地保护和粮食安全责任制实施方案的通知", cat: "policy", every: yearly, month: 3, docNo: true},
		{text: "{u}{y}年农业技术推广项目实施方案", cat: "planning", every: yearly, month: 4},
		{text: "{u}{y}年水稻种植补贴发放名单公示", cat: "livelihood", every: yearly, month: 9},
		{text: "{u}{y}年秋冬种工作方案", cat: "planning", every: yearly, month: 9},
	},
}

// genericTopics serve an office the generator has no topics for.
var genericTopics = []topic{
	{text: "{u}{o}{y}年{m}月工作动态", cat: "news"},
	{text: "{u}{o}{y}年{m}月工作安排", cat: "planning"},
	{text: "{u}{o}{y}年{m}月办事服务情况", cat: "service_guide"},
	{text: "{u}{o}{y}年第{q}季度工作情况", cat: "planning", every: quarterly},
	{text: "{u}{o}{py}年工作总结", cat: "planning", every: yearly, month: 1},
	{text: "{u}{o}{y}年工作计划", cat: "planning", every: yearly, month: 2},
	{text: "{u}{o}职能及办事指南", cat: "service_guide", every: yearly, month: 3},
}

// quarterNames are the quarters as titles write them.
var quarterNames = []string{"一", "二", "三", "四"}
