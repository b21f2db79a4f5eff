import type { Db } from '../../db/database.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './callbacks.repository.js';

const BATCH = 500;

/**
 * 回访超期提醒: each pending callback past its deadline is reported once, to the agent who claimed
 * it or else to the hotline agents over its org; one inbox notice per agent per sweep, not per task.
 */
export async function sweepOverdueCallbacks(db: Db, now: Date): Promise<{ tasks: number; agents: number }> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const tasks = await repo.listOverdueUnnotified(trx, at, BATCH);
    const perAgent = new Map<string, number>();
    const agentsOf = new Map<string, string[]>();
    for (const task of tasks) {
      let agents = task.assignee_id ? [task.assignee_id] : agentsOf.get(task.org_path);
      if (!agents) {
        agents = (await repo.hotlineAgentsOver(trx, task.org_path)).map((u) => u.id);
        agentsOf.set(task.org_path, agents);
      }
      for (const id of agents) perAgent.set(id, (perAgent.get(id) ?? 0) + 1);
    }
    for (const [userId, count] of perAgent) {
      await notify(trx, now, {
        userIds: [userId], kind: 'sla_warning', channels: [], title: `${count} 条回访已超过回访时限`, body: '请在回访工作台处理超期回访', link: '/callbacks?view=overdue',
      });
    }
    await repo.markOverdueNotified(trx, tasks.map((t) => t.id), at);
    return { tasks: tasks.length, agents: perAgent.size };
  });
}
