package samplecounty

import (
	"slices"
	"time"
)

// ServicePlatform is where offices enter their service items.
const ServicePlatform = "广西一体化网上政务服务平台"

// serviceNames are service items of a town with their types.
var serviceNames = [][2]string{
	{"农村五保供养审批", "行政给付"}, {"临时救助审批", "行政给付"}, {"最低生活保障审核", "行政给付"},
	{"特困人员认定", "行政确认"}, {"高龄老人津贴申领", "行政给付"}, {"残疾人两项补贴申请", "行政给付"},
	{"城乡居民养老保险参保登记", "公共服务"}, {"城乡居民医疗保险参保登记", "公共服务"}, {"就业失业登记", "公共服务"},
	{"乡村建设规划许可证核发", "行政许可"}, {"农村宅基地用地审批", "行政许可"}, {"农村村民住宅建设审批", "行政许可"},
	{"临时占用林地审批", "行政许可"}, {"林木采伐许可证核发", "行政许可"}, {"公共场所卫生许可初审", "行政许可"},
	{"计划生育家庭特别扶助金申请", "行政给付"}, {"独生子女父母光荣证办理", "公共服务"}, {"生育登记服务", "公共服务"},
	{"退役军人优待证申领", "公共服务"}, {"义务兵家庭优待金发放", "行政给付"}, {"耕地地力保护补贴申领", "行政给付"},
	{"农机购置补贴申请受理", "公共服务"}, {"动物防疫条件合格证初审", "其他行政权力"}, {"土地承包经营权流转备案", "行政确认"},
	{"农村土地承包经营纠纷调解", "其他行政权力"}, {"户外广告设置审批", "行政许可"}, {"建筑垃圾处置核准", "行政许可"},
	{"学生资助申请受理", "公共服务"}, {"法律援助申请受理", "公共服务"}, {"人民调解", "公共服务"},
	{"居住证申领受理", "公共服务"}, {"门前三包责任书签订", "其他行政权力"}, {"防汛物资储备登记", "其他行政权力"},
	{"村级重大事项报备", "其他行政权力"}, {"烟花爆竹零售许可初审", "行政许可"}, {"老年人优待证办理", "公共服务"},
}

// services draws 0–30 service items entered by the office, each name once.
func (g *generator) services(o *office) {
	r := g.r
	perm := r.Perm(len(serviceNames))
	n := r.IntN(31)
	for _, i := range perm[:n] {
		o.services = append(o.services, service{
			name:    serviceNames[i][0],
			kind:    serviceNames[i][1],
			entered: workdayBetween(r, date(g.year, time.January, 2), date(g.year, time.December, 30)),
		})
	}
	slices.SortStableFunc(o.services, func(a, b service) int { return a.entered.Compare(b.entered) })
}
