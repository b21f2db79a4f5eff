// 回访话术: what the agent reads out, with the order's facts filled in. Customers are called in Chinese.

export type ScriptFacts = { customerName: string; orgName: string; orderNumber: string; title: string; technicianName: string | null };

export function callbackScript(f: ScriptFacts): string[] {
  const who = f.technicianName ? `服务工程师${f.technicianName}` : f.orgName;
  return [
    `您好,请问是${f.customerName}吗?我是售后服务中心的回访专员,耽误您两分钟,对工单 ${f.orderNumber}(${f.title})做个回访。`,
    `1. ${who}是否按约定时间到达现场?`,
    '2. 这次服务有没有向您收取费用?如有,收了多少?',
    '3. 故障是否已经真正排除、设备现在是否正常使用?',
    '4. 请您为到达及时性、服务态度、维修质量和总体满意度各打 1–5 分。',
    '5. 您还有什么意见或建议?',
    '感谢您的配合,祝您生产顺利!',
  ];
}
