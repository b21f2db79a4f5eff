import type { OrgKind, Role } from '@sht/domain';

// A fictional agricultural and construction machinery maker's service network.
export type DemoOrg = {
  key: string; parent: string | null; kind: OrgKind; code: string; name: string;
  province: string; city: string; address: string; contactName: string; contactPhone: string; serviceLevel: 'A' | 'B' | 'C';
};

export const demoOrgs: DemoOrg[] = [
  { key: 'hq', parent: null, kind: 'hq', code: 'HQ', name: '江淮重工机械股份有限公司 客户服务部', province: '安徽省', city: '合肥市', address: '合肥市经济技术开发区繁华大道 1888 号', contactName: '王建国', contactPhone: '400-820-1888', serviceLevel: 'A' },
  { key: 'east', parent: 'hq', kind: 'region', code: 'R-EAST', name: '华东服务中心', province: '江苏省', city: '南京市', address: '南京市江宁区天元东路 368 号', contactName: '陈志刚', contactPhone: '025-52761234', serviceLevel: 'A' },
  { key: 'north', parent: 'hq', kind: 'region', code: 'R-NORTH', name: '华北服务中心', province: '河北省', city: '石家庄市', address: '石家庄市长安区中山东路 509 号', contactName: '刘洋', contactPhone: '0311-86012345', serviceLevel: 'B' },
  { key: 'sw', parent: 'hq', kind: 'region', code: 'R-SW', name: '西南服务中心', province: '四川省', city: '成都市', address: '成都市双流区西航港大道 88 号', contactName: '杨帆', contactPhone: '028-85761234', serviceLevel: 'B' },
  { key: 'o1', parent: 'east', kind: 'outlet', code: 'O-SZWZ', name: '苏州吴中农机特约维修站', province: '江苏省', city: '苏州市', address: '苏州市吴中区木渎镇金山路 66 号', contactName: '吴海涛', contactPhone: '13962112345', serviceLevel: 'A' },
  { key: 'o2', parent: 'east', kind: 'outlet', code: 'O-NJJN', name: '南京江宁工程机械服务站', province: '江苏省', city: '南京市', address: '南京市江宁区秣陵街道将军大道 150 号', contactName: '钱国平', contactPhone: '13851712345', serviceLevel: 'A' },
  { key: 'o3', parent: 'east', kind: 'outlet', code: 'O-HZXS', name: '杭州萧山授权服务店', province: '浙江省', city: '杭州市', address: '杭州市萧山区市心北路 1120 号', contactName: '沈丽华', contactPhone: '13705712345', serviceLevel: 'B' },
  { key: 'o4', parent: 'north', kind: 'outlet', code: 'O-SJZGC', name: '石家庄藁城农机服务站', province: '河北省', city: '石家庄市', address: '石家庄市藁城区廉州东路 32 号', contactName: '郑伟', contactPhone: '13833112345', serviceLevel: 'B' },
  { key: 'o5', parent: 'north', kind: 'outlet', code: 'O-BDQY', name: '保定清苑特约维修站', province: '河北省', city: '保定市', address: '保定市清苑区清苑镇向阳街 18 号', contactName: '冯志强', contactPhone: '13931212345', serviceLevel: 'C' },
  { key: 'o6', parent: 'north', kind: 'outlet', code: 'O-TJWQ', name: '天津武清工程机械服务店', province: '天津市', city: '天津市', address: '天津市武清区京津公路 2069 号', contactName: '韩冰', contactPhone: '13602112345', serviceLevel: 'B' },
  { key: 'o7', parent: 'sw', kind: 'outlet', code: 'O-CDSL', name: '成都双流特约维修站', province: '四川省', city: '成都市', address: '成都市双流区东升街道藏卫路 77 号', contactName: '蒋涛', contactPhone: '13880212345', serviceLevel: 'B' },
  { key: 'o8', parent: 'sw', kind: 'outlet', code: 'O-MYFC', name: '绵阳涪城农机服务站', province: '四川省', city: '绵阳市', address: '绵阳市涪城区绵兴东路 56 号', contactName: '邓建军', contactPhone: '13990112345', serviceLevel: 'C' },
];

export type DemoUser = { username: string; name: string; org: string; roles: Role[]; phone: string };

export const demoUsers: DemoUser[] = [
  { username: 'admin', name: '系统管理员', org: 'hq', roles: ['admin'], phone: '13800000000' },
  { username: 'wangjianguo', name: '王建国', org: 'hq', roles: ['hq_manager'], phone: '13905510001' },
  { username: 'lixiuying', name: '李秀英', org: 'hq', roles: ['hotline_agent'], phone: '13905510002' },
  { username: 'zhangli', name: '张丽', org: 'hq', roles: ['hotline_agent'], phone: '13905510003' },
  { username: 'zhaomin', name: '赵敏', org: 'hq', roles: ['finance'], phone: '13905510004' },
  { username: 'sunliping', name: '孙立平', org: 'hq', roles: ['quality'], phone: '13905510005' },
  { username: 'zhouqiang', name: '周强', org: 'hq', roles: ['sales'], phone: '13905510006' },
  { username: 'chenzhigang', name: '陈志刚', org: 'east', roles: ['region_manager'], phone: '13905510011' },
  { username: 'liuyang', name: '刘洋', org: 'north', roles: ['region_manager'], phone: '13905510012' },
  { username: 'yangfan', name: '杨帆', org: 'sw', roles: ['region_manager'], phone: '13905510013' },
  { username: 'wuhaitao', name: '吴海涛', org: 'o1', roles: ['outlet_manager'], phone: '13962112345' },
  { username: 'huanglei', name: '黄磊', org: 'o1', roles: ['technician'], phone: '13962110001' },
  { username: 'linfeng', name: '林峰', org: 'o1', roles: ['technician'], phone: '13962110002' },
  { username: 'qianguoping', name: '钱国平', org: 'o2', roles: ['outlet_manager', 'technician'], phone: '13851712345' },
  { username: 'zhengwei', name: '郑伟', org: 'o4', roles: ['outlet_manager'], phone: '13833112345' },
  { username: 'hejun', name: '何军', org: 'o4', roles: ['technician'], phone: '13833110001' },
  { username: 'jiangtao', name: '蒋涛', org: 'o7', roles: ['outlet_manager'], phone: '13880212345' },
  { username: 'machao', name: '马超', org: 'o7', roles: ['technician'], phone: '13880210001' },
];
