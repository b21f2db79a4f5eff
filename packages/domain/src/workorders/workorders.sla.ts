import type { ServiceLevel } from '../orgs/orgs.schemas.js';
import type { SlaEvent } from '../sla/sla.schemas.js';
import type { WorkOrderAction, WorkOrderType } from './workorders.state.js';

// SLA policies and targets of work orders. Pure: the server stores the events, this turns them into
// the inputs of computeSlaClock for each target, so a deadline can always be re-derived.

export const workOrderPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type WorkOrderPriority = (typeof workOrderPriorities)[number];

export const slaTargetKinds = ['response', 'arrival', 'resolution'] as const;
export type SlaTargetKind = (typeof slaTargetKinds)[number];

export type SlaPolicyRule = {
  id: string;
  /** null matches any value. */
  type: WorkOrderType | null;
  priority: WorkOrderPriority | null;
  serviceLevel: ServiceLevel | null;
  responseMinutes: number;
  /** null: this kind of order has no on-site arrival promise (e.g. consultations). */
  arrivalMinutes: number | null;
  resolutionMinutes: number;
  /** true: the clock runs around the clock (7×24); false: on the responsible org's business calendar. */
  allHours: boolean;
  warnShare: number;
  active: boolean;
};

export type SlaSubject = { type: WorkOrderType; priority: WorkOrderPriority; serviceLevel: ServiceLevel };

/**
 * The most specific active policy for an order: a rule naming the type beats one naming the
 * priority, which beats one naming the service level; among equals the shorter resolution target
 * (the stricter promise) wins, then the id, so the choice never depends on storage order.
 */
export function selectSlaPolicy<P extends SlaPolicyRule>(policies: readonly P[], subject: SlaSubject): P | null {
  let best: { policy: P; score: number } | null = null;
  for (const policy of policies) {
    if (!policy.active) continue;
    if (policy.type !== null && policy.type !== subject.type) continue;
    if (policy.priority !== null && policy.priority !== subject.priority) continue;
    if (policy.serviceLevel !== null && policy.serviceLevel !== subject.serviceLevel) continue;
    const score = (policy.type !== null ? 4 : 0) + (policy.priority !== null ? 2 : 0) + (policy.serviceLevel !== null ? 1 : 0);
    if (
      best === null ||
      score > best.score ||
      (score === best.score &&
        (policy.resolutionMinutes < best.policy.resolutionMinutes ||
          (policy.resolutionMinutes === best.policy.resolutionMinutes && policy.id < best.policy.id)))
    ) {
      best = { policy, score };
    }
  }
  return best?.policy ?? null;
}

/** One recorded lifecycle step, as the SLA derivation needs it. */
export type SlaRelevantEvent = { action: WorkOrderAction | 'create'; at: string };

export type SlaTargetInput = {
  kind: SlaTargetKind;
  /** 0 for the first pass; each reopen starts a new resolution target with the next cycle. */
  cycle: number;
  start: string;
  targetMinutes: number;
  events: SlaEvent[];
};

const stopAction: Record<SlaTargetKind, readonly WorkOrderAction[]> = {
  // Responding is any first step taken by the service side: accepting or dispatching.
  response: ['accept', 'dispatch', 'resolve'],
  // Arrival is measured at the on-site check-in, never when someone replies.
  arrival: ['arrive'],
  resolution: ['resolve'],
};

/**
 * The SLA targets of an order and their clock events, from its lifecycle events in order.
 * Pauses (waiting for parts/customer) and resumes apply to every running target; a cancel stops
 * nothing (the order simply leaves reporting); a reopen starts a new resolution target.
 */
export function deriveSlaTargets(
  policy: Pick<SlaPolicyRule, 'responseMinutes' | 'arrivalMinutes' | 'resolutionMinutes'>,
  events: readonly SlaRelevantEvent[],
): SlaTargetInput[] {
  const created = events.find((e) => e.action === 'create');
  if (!created) return [];
  const targets: SlaTargetInput[] = [
    { kind: 'response', cycle: 0, start: created.at, targetMinutes: policy.responseMinutes, events: [] },
    ...(policy.arrivalMinutes !== null
      ? [{ kind: 'arrival' as const, cycle: 0, start: created.at, targetMinutes: policy.arrivalMinutes, events: [] }]
      : []),
    { kind: 'resolution', cycle: 0, start: created.at, targetMinutes: policy.resolutionMinutes, events: [] },
  ];
  const stopped = new Set<SlaTargetInput>();
  let cycle = 0;
  for (const event of events) {
    if (event.action === 'create') continue;
    if (event.action === 'reopen') {
      cycle += 1;
      const next: SlaTargetInput = { kind: 'resolution', cycle, start: event.at, targetMinutes: policy.resolutionMinutes, events: [] };
      targets.push(next);
      continue;
    }
    for (const target of targets) {
      if (stopped.has(target)) continue;
      if (event.action === 'wait_parts' || event.action === 'wait_customer') {
        target.events.push({ type: 'pause', at: event.at, reason: event.action === 'wait_parts' ? 'waiting_parts' : 'waiting_customer' });
      } else if (event.action === 'cancel') {
        // A cancelled order's clocks freeze where they were: neither met nor breached later.
        target.events.push({ type: 'pause', at: event.at, reason: 'other' });
      } else if (event.action === 'resume') {
        target.events.push({ type: 'resume', at: event.at });
      } else if (stopAction[target.kind].includes(event.action)) {
        target.events.push({ type: 'stop', at: event.at });
        stopped.add(target);
      }
    }
  }
  // An order resolved remotely never needed the visit: its arrival target is dropped, not breached.
  const resolvedRemotely = events.some((e) => e.action === 'resolve') && !events.some((e) => e.action === 'arrive');
  return resolvedRemotely ? targets.filter((t) => t.kind !== 'arrival') : targets;
}
