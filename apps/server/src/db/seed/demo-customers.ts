import { createCustomerSchema, type CustomerGrade, type CustomerKind, type CustomerSource } from '@sht/domain';
import type { Db } from '../database.js';
import { insertCustomerRecord } from '../../modules/customers/customers.service.js';

// Customers of the demo network: farmers and co-ops around the agricultural outlets, builders and
// plant-hire firms around the construction-machinery ones. Division codes are GB/T 2260.
type DemoCustomer = {
  org: string; kind: CustomerKind; name: string; contacts: [name: string, phones: string[], title?: string][];
  county: string; detail: string; source: CustomerSource; grade?: CustomerGrade; tags?: string[];
};

const o = 'organization';
const p = 'individual';

export const demoCustomers: DemoCustomer[] = [
  // 华东 — 苏州吴中
  { org: 'o1', kind: o, name: '张三农业合作社', contacts: [['张三', ['13962130001'], '理事长'], ['张小燕', ['13962130002'], '会计']], county: '320506', detail: '临湖镇渡村工业园 8 号', source: 'outlet', grade: 'A', tags: ['合作社', '大客户'] },
  { org: 'o1', kind: p, name: '陆建明', contacts: [['陆建明', ['13962130011']]], county: '320506', detail: '东山镇杨湾村 12 组', source: 'hotline', grade: 'B', tags: ['种粮大户'] },
  { org: 'o1', kind: o, name: '常熟市虞丰家庭农场', contacts: [['顾卫东', ['13771830021', '0512-52881234'], '场长']], county: '320581', detail: '辛庄镇南湖村', source: 'sales', grade: 'A' },
  { org: 'o1', kind: p, name: '沈金根', contacts: [['沈金根', ['13914030031']]], county: '320583', detail: '周市镇市北村', source: 'hotline', grade: 'C' },
  // 华东 — 南京江宁
  { org: 'o2', kind: o, name: '南京宁建工程机械租赁有限公司', contacts: [['周立新', ['13851730041'], '设备部经理'], ['王红', ['025-52106688'], '调度']], county: '320115', detail: '淳化街道青龙山路 18 号', source: 'sales', grade: 'A', tags: ['租赁公司', '大客户'] },
  { org: 'o2', kind: o, name: '江苏长江路桥建设集团有限公司', contacts: [['孙海峰', ['13905150051'], '项目经理']], county: '320117', detail: '永阳街道交通路 66 号', source: 'exhibition', grade: 'B', tags: ['路桥'] },
  { org: 'o2', kind: p, name: '单国强', contacts: [['单国强', ['13813930061']]], county: '320118', detail: '淳溪街道宝塔路 27 号', source: 'hotline', grade: 'B', tags: ['挖机个体户'] },
  // 华东 — 杭州萧山
  { org: 'o3', kind: o, name: '杭州萧山红垦农机专业合作社', contacts: [['俞志华', ['13705810071'], '社长']], county: '330109', detail: '红山农场红垦社区', source: 'outlet', grade: 'A', tags: ['合作社'] },
  { org: 'o3', kind: o, name: '浙江钱塘建设工程有限公司', contacts: [['何建平', ['13958010081'], '设备科长'], ['朱丽', ['0571-82731234'], '采购']], county: '330110', detail: '良渚街道古墩路 1288 号', source: 'web', grade: 'B' },
  { org: 'o3', kind: p, name: '曾庆丰', contacts: [['曾庆丰', ['13867410091']]], county: '330111', detail: '新登镇双塔村', source: 'referral', grade: 'C' },
  { org: 'o3', kind: o, name: '桐乡市乌镇粮油合作社', contacts: [['徐国良', ['13857310101'], '理事长']], county: '330483', detail: '乌镇镇环河路 16 号', source: 'hotline', grade: 'B', tags: ['合作社'] },
  // 华北 — 石家庄藁城
  { org: 'o4', kind: o, name: '藁城区丰收农机服务专业合作社', contacts: [['李振国', ['13833110111'], '社长'], ['李强', ['13833110112'], '机手']], county: '130109', detail: '廉州镇东里村', source: 'outlet', grade: 'A', tags: ['合作社', '跨区作业'] },
  { org: 'o4', kind: p, name: '赵铁柱', contacts: [['赵铁柱', ['13931110121']]], county: '130123', detail: '新城铺镇东权城村', source: 'hotline', grade: 'B', tags: ['种粮大户'] },
  { org: 'o4', kind: o, name: '辛集市冀中建筑工程有限公司', contacts: [['马宏伟', ['13703210131'], '总经理']], county: '130181', detail: '辛集镇教育路 99 号', source: 'sales', grade: 'B' },
  { org: 'o4', kind: p, name: '张永利', contacts: [['张永利', ['15931110141']]], county: '130183', detail: '总十庄镇', source: 'hotline' },
  // 华北 — 保定清苑
  { org: 'o5', kind: o, name: '清苑区绿源种植专业合作社', contacts: [['刘福来', ['13931210151'], '理事长']], county: '130608', detail: '臧村镇北王力村', source: 'outlet', grade: 'A', tags: ['合作社'] },
  { org: 'o5', kind: o, name: '涿州市京南土石方工程有限公司', contacts: [['高建军', ['13803320161'], '经理'], ['高磊', ['13803320162'], '机务']], county: '130681', detail: '松林店镇京广路 3 号', source: 'exhibition', grade: 'B', tags: ['土石方'] },
  { org: 'o5', kind: p, name: '王二小', contacts: [['王二小', ['13582210171']]], county: '130682', detail: '李亲顾镇', source: 'hotline', grade: 'C' },
  { org: 'o5', kind: p, name: '解长青', contacts: [['解长青', ['13472210181']]], county: '130683', detail: '伍仁桥镇', source: 'referral' },
  // 华北 — 天津武清
  { org: 'o6', kind: o, name: '天津武清津北建设工程有限公司', contacts: [['韩志勇', ['13602110191'], '设备经理']], county: '120114', detail: '杨村街道雍和道 88 号', source: 'sales', grade: 'A', tags: ['大客户'] },
  { org: 'o6', kind: o, name: '宝坻区潮白河农机合作社', contacts: [['杜春生', ['13920110201'], '社长']], county: '120115', detail: '黄庄镇', source: 'outlet', grade: 'B', tags: ['合作社'] },
  { org: 'o6', kind: p, name: '孟庆海', contacts: [['孟庆海', ['13820110211']]], county: '120118', detail: '王口镇', source: 'hotline', grade: 'C' },
  // 西南 — 成都双流
  { org: 'o7', kind: o, name: '成都天府建工机械有限公司', contacts: [['罗明', ['13880210221'], '机务主管'], ['谢婷', ['028-85831234'], '商务']], county: '510116', detail: '西航港街道黄河中路 2 段 8 号', source: 'sales', grade: 'A', tags: ['大客户'] },
  { org: 'o7', kind: o, name: '郫都区岷江农机专业合作社', contacts: [['唐德华', ['13980010231'], '理事长']], county: '510117', detail: '唐昌街道', source: 'outlet', grade: 'B', tags: ['合作社'] },
  { org: 'o7', kind: p, name: '重光辉', contacts: [['重光辉', ['13708010241']]], county: '510118', detail: '花源街道', source: 'hotline', grade: 'C' },
  // 西南 — 绵阳涪城
  { org: 'o8', kind: o, name: '绵阳涪江水利工程有限公司', contacts: [['邓永刚', ['13990110251'], '项目经理']], county: '510703', detail: '城郊街道临园路东段 9 号', source: 'web', grade: 'B' },
  { org: 'o8', kind: p, name: '何长贵', contacts: [['何长贵', ['13795610261']]], county: '510781', detail: '太平镇', source: 'hotline', grade: 'B', tags: ['种粮大户'] },
  { org: 'o8', kind: o, name: '三台县丰谷粮食种植专业合作社', contacts: [['蒲正清', ['13881610271'], '社长']], county: '510722', detail: '潼川镇', source: 'outlet', grade: 'A', tags: ['合作社'] },
  // 总部直管 — 合肥
  { org: 'hq', kind: o, name: '安徽江淮建工集团有限公司', contacts: [['吴昊', ['13905510281'], '设备处长'], ['方琳', ['0551-63651234'], '采购']], county: '340123', detail: '上派镇创新大道 188 号', source: 'sales', grade: 'A', tags: ['大客户', '集团客户'] },
  { org: 'hq', kind: p, name: '许家富', contacts: [['许家富', ['13866110291']]], county: '340121', detail: '水湖镇', source: 'hotline', grade: 'B' },
];

/** Inserts the demo customers (called inside the demo seed's transaction). */
export async function seedDemoCustomers(db: Db, orgIds: ReadonlyMap<string, { id: string }>, now: Date): Promise<void> {
  for (const c of demoCustomers) {
    const org = orgIds.get(c.org);
    if (!org) throw new Error(`demo customer ${c.name} has unknown org ${c.org}`);
    const input = createCustomerSchema.parse({
      kind: c.kind, name: c.name, source: c.source, grade: c.grade, tags: c.tags,
      contacts: c.contacts.map(([name, phones, title]) => ({ name, phones, title })),
      address: { provinceCode: c.county.slice(0, 2), cityCode: c.county.slice(0, 4), countyCode: c.county, detail: c.detail },
    });
    await insertCustomerRecord(db, { orgId: org.id, input, now });
  }
}
