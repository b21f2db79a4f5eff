import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  applyTransition,
  workOrderActions,
  workOrderStatuses,
  WorkOrderTransitionError,
  type WorkOrderAction,
  type WorkOrderState,
  type WorkOrderStatus,
} from './workorders.state.js';

const state = (status: WorkOrderStatus, extra: Partial<WorkOrderState> = {}): WorkOrderState => ({
  status,
  resumeStatus: null,
  type: 'repair',
  hasAssignee: true,
  ...extra,
});

function run(start: WorkOrderState, actions: WorkOrderAction[]): WorkOrderStatus[] {
  const seen: WorkOrderStatus[] = [];
  let current = start;
  for (const action of actions) {
    const next = applyTransition(current, action);
    current = { ...current, ...next, hasAssignee: action === 'decline' ? false : action === 'dispatch' ? true : current.hasAssignee };
    seen.push(current.status);
  }
  return seen;
}

describe('work-order lifecycle', () => {
  it('walks the happy path of a repair', () => {
    expect(run(state('new', { hasAssignee: false }), ['accept', 'dispatch', 'start_travel', 'arrive', 'resolve', 'confirm', 'close'])).toEqual([
      'accepted', 'dispatched', 'travelling', 'on_site', 'resolved', 'confirmed', 'closed',
    ]);
  });

  it('pauses in a waiting state and resumes exactly where it was', () => {
    for (const from of ['accepted', 'dispatched', 'travelling', 'on_site'] as const) {
      const paused = applyTransition(state(from), 'wait_parts');
      expect(paused).toEqual({ status: 'waiting_parts', resumeStatus: from });
      expect(applyTransition(state('waiting_parts', { resumeStatus: from }), 'resume')).toEqual({ status: from, resumeStatus: null });
    }
    expect(applyTransition(state('on_site'), 'wait_customer').status).toBe('waiting_customer');
  });

  it('refuses to pause a new, waiting or finished order, and to resume one that is not waiting', () => {
    for (const from of ['new', 'waiting_parts', 'waiting_customer', 'resolved', 'confirmed', 'closed', 'cancelled'] as const) {
      expect(() => applyTransition(state(from, { resumeStatus: 'on_site' }), 'wait_parts')).toThrow(WorkOrderTransitionError);
    }
    expect(() => applyTransition(state('on_site'), 'resume')).toThrow(WorkOrderTransitionError);
    // A waiting state without a remembered status cannot be resumed (corrupt row): refused, not guessed.
    expect(() => applyTransition(state('waiting_parts'), 'resume')).toThrow(WorkOrderTransitionError);
  });

  it('resolves remotely only consultations and complaints', () => {
    expect(applyTransition(state('accepted', { type: 'consultation' }), 'resolve').status).toBe('resolved');
    expect(applyTransition(state('accepted', { type: 'complaint' }), 'resolve').status).toBe('resolved');
    try {
      applyTransition(state('accepted', { type: 'repair' }), 'resolve');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkOrderTransitionError);
      expect((error as WorkOrderTransitionError).reason).toBe('needs_site_visit');
    }
  });

  it('needs an assignee to travel or arrive', () => {
    const unassigned = state('dispatched', { hasAssignee: false });
    expect(() => applyTransition(unassigned, 'start_travel')).toThrow(/needs_assignee/);
    expect(() => applyTransition(unassigned, 'arrive')).toThrow(/needs_assignee/);
  });

  it('lets a technician decline back to the dispatcher and a dispatcher reassign', () => {
    expect(applyTransition(state('dispatched'), 'decline').status).toBe('accepted');
    expect(applyTransition(state('travelling'), 'dispatch').status).toBe('dispatched');
    expect(applyTransition(state('new', { hasAssignee: false }), 'dispatch').status).toBe('dispatched');
  });

  it('reopens resolved, confirmed and closed orders, never cancelled ones', () => {
    for (const from of ['resolved', 'confirmed', 'closed'] as const) expect(applyTransition(state(from), 'reopen').status).toBe('accepted');
    expect(() => applyTransition(state('cancelled'), 'reopen')).toThrow(WorkOrderTransitionError);
  });

  it('cancels anything not yet resolved, and nothing after', () => {
    for (const from of ['new', 'accepted', 'dispatched', 'travelling', 'on_site', 'waiting_parts', 'waiting_customer'] as const) {
      expect(applyTransition(state(from, { resumeStatus: 'on_site' }), 'cancel').status).toBe('cancelled');
    }
    for (const from of ['resolved', 'confirmed', 'closed', 'cancelled'] as const) {
      expect(() => applyTransition(state(from), 'cancel')).toThrow(WorkOrderTransitionError);
    }
  });

  it('has no way out of cancelled and only reopen out of closed', () => {
    expect(allowedActions(state('cancelled'))).toEqual([]);
    expect(allowedActions(state('closed'))).toEqual(['reopen']);
  });

  it('allowedActions agrees with applyTransition for every status and action', () => {
    for (const status of workOrderStatuses) {
      for (const hasAssignee of [true, false]) {
        const s = state(status, { hasAssignee, resumeStatus: status.startsWith('waiting') ? 'on_site' : null });
        const allowed = allowedActions(s);
        for (const action of workOrderActions) {
          let ok = true;
          try {
            applyTransition(s, action);
          } catch {
            ok = false;
          }
          expect(allowed.includes(action), `${status} ${action}`).toBe(ok);
        }
      }
    }
  });

  it('refuses a skipped step with the illegal reason', () => {
    try {
      applyTransition(state('new'), 'close');
      expect.unreachable();
    } catch (error) {
      expect((error as WorkOrderTransitionError).reason).toBe('illegal');
      expect((error as WorkOrderTransitionError).from).toBe('new');
    }
  });
});
