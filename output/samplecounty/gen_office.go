package samplecounty

import (
	"fmt"
	"time"

	"gongkai/domain"
)

var (
	surnames   = []string{"陈", "李", "王", "黄", "林", "张", "刘", "梁", "何", "周", "邓", "吴", "庞", "廖", "苏", "罗", "杨", "钟", "冯", "谢"}
	givenNames = []string{"丽华", "建国", "海燕", "小明", "志强", "美玲", "伟", "芳", "秀英", "春燕", "德明", "文静", "家豪", "晓东", "玉梅", "国平", "海峰", "少华", "雪梅", "永康"}
)

// basics fills the cover of an office and invents its 表二 figures.
func (g *generator) basics(o *office) {
	r := g.r
	o.filler = oneOf(r, surnames) + oneOf(r, givenNames)
	o.phone = fmt.Sprintf("0779-72%05d", r.IntN(100000))
	o.filed = workdayBetween(r, date(g.year+1, time.January, 5), date(g.year+1, time.January, 23))

	o.t2 = map[string]int64{}
	for _, row := range domain.T2Rows {
		for _, id := range row.Metrics {
			o.t2[id] = 0
		}
	}
	set := func(id string, v int) { o.t2[id] = int64(v) * 100 }
	issued := r.IntN(2)
	if o == o.unit.offices[0] {
		issued = r.IntN(4)
	}
	set("t2.normative_docs.issued", issued)
	set("t2.normative_docs.repealed", r.IntN(2))
	set("t2.normative_docs.in_force", issued+r.IntN(6))
	set("t2.licensing.decisions", r.IntN(13))
	set("t2.punishment.decisions", r.IntN(7))
	set("t2.coercion.decisions", r.IntN(3))
	if chance(r, 0.2) {
		o.t2[amountWan] = int64(1 + r.IntN(500)) // hundredths of 万元
	}
}

// amountWan is the 表二 amount in 万元.
const amountWan = "t2.fees.amount_wan"
