import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  compensationStandardInputSchema, compensationStandardListSchema, compensationStandardSchema, complaintResponseSchema, slaPolicyInputSchema, slaPolicyListSchema, slaPolicySchema, updateSlaPolicySchema, dispatchSuggestionListSchema, technicianListSchema, technicianProfileInputSchema, technicianSchema, complaintRuleInputSchema, complaintRuleListSchema, complaintRuleSchema, createWorkOrderSchema, updateComplaintRuleSchema, idParamsSchema, listWorkOrdersQuerySchema, serviceReportInputSchema, serviceReportSchema, slaTimelineSchema, transitionSchema, workOrderDetailSchema, workOrderEventListSchema,
  workOrderPageSchema,
} from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import { localeOf } from '../../http/error-handler.js';
import * as complaints from './workorders.complaints.service.js';
import * as dispatch from './workorders.dispatch.service.js';
import * as policies from './workorders.policies.service.js';
import * as reports from './workorders.report.service.js';
import * as workOrders from './workorders.service.js';

const tags = ['work orders'];

export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app.deps;
  const read = requirePermission('workorder.read');
  const one = { tags, params: idParamsSchema };
  const opts = { repeatRepairDays: config.repeatRepairDays };

  // ?status=open lists everything not yet resolved; ?assigneeId=me is a technician's job list.
  app.get('/', { schema: { tags, querystring: listWorkOrdersQuerySchema, response: { 200: workOrderPageSchema } }, onRequest: read },
    async (request) => workOrders.listWorkOrders(db, ctxOf(request), request.query));
  app.get('/:id', { schema: { ...one, response: { 200: workOrderDetailSchema } }, onRequest: read },
    async (request) => workOrders.getWorkOrder(db, ctxOf(request), request.params.id));
  app.post('/', { schema: { tags, body: createWorkOrderSchema, response: { 201: workOrderDetailSchema } }, onRequest: requirePermission('workorder.write') },
    async (request, reply) => reply.status(201).send(await workOrders.createWorkOrder(db, ctxOf(request), request.body, opts)));
  app.get('/:id/events', { schema: { ...one, response: { 200: workOrderEventListSchema } }, onRequest: read },
    async (request) => workOrders.listWorkOrderEvents(db, ctxOf(request), request.params.id));
  app.get('/:id/sla', { schema: { ...one, response: { 200: slaTimelineSchema } }, onRequest: read },
    async (request) => workOrders.getSlaTimeline(db, ctxOf(request), request.params.id));
  // The on-site report (客户投诉处理情况表): parts, hours, km, test run, liability; the charge sheet comes back.
  app.get('/:id/report', { schema: { ...one, response: { 200: serviceReportSchema } }, onRequest: read },
    async (request) => reports.getServiceReport(db, ctxOf(request), request.params.id));
  app.put('/:id/report', { schema: { ...one, body: serviceReportInputSchema, response: { 200: serviceReportSchema } }, onRequest: read },
    async (request) => reports.saveServiceReport(db, ctxOf(request), request.params.id, request.body, { rates: config.rates }, localeOf(request)));
  // Technicians ranked for this order: skill, distance, load, coverage — each part shown.
  app.get('/:id/dispatch-suggestions', { schema: { ...one, response: { 200: dispatchSuggestionListSchema } }, onRequest: requirePermission('workorder.dispatch') },
    async (request) => dispatch.dispatchSuggestions(db, ctxOf(request), request.params.id));
  // The at-fault department's answer to a complaint: explanation/apology and improvement.
  app.post('/:id/complaint-response', { schema: { ...one, body: complaintResponseSchema, response: { 200: workOrderDetailSchema } }, onRequest: read },
    async (request) => {
      await complaints.respondToComplaint(db, ctxOf(request), request.params.id, request.body);
      return workOrders.getWorkOrder(db, ctxOf(request), request.params.id);
    });
  // One lifecycle step; which permission it needs depends on the action (checked in the service).
  app.post('/:id/transitions', { schema: { ...one, body: transitionSchema, response: { 200: workOrderDetailSchema } }, onRequest: read },
    async (request) => workOrders.transitionWorkOrder(db, ctxOf(request), request.params.id, request.body));
};

/** Complaint routing rules, mounted at /api/v1/complaint-rules: HQ policy, like SLA promises. */
export const complaintRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const rtags = ['complaint routing'];
  const write = requirePermission('sla.write');
  app.get('/', { schema: { tags: rtags, response: { 200: complaintRuleListSchema } }, onRequest: requirePermission('workorder.read') },
    async () => complaints.listComplaintRules(db));
  app.post('/', { schema: { tags: rtags, body: complaintRuleInputSchema, response: { 201: complaintRuleSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await complaints.createComplaintRule(db, ctxOf(request), request.body)));
  app.patch('/:id', { schema: { tags: rtags, params: idParamsSchema, body: updateComplaintRuleSchema, response: { 200: complaintRuleSchema } }, onRequest: write },
    async (request) => complaints.updateComplaintRule(db, ctxOf(request), request.params.id, request.body));
};

/** Technicians' dispatch profiles, mounted at /api/v1/technicians. */
export const technicianRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const ttags = ['dispatch'];
  const guard = requirePermission('workorder.dispatch');
  app.get('/', { schema: { tags: ttags, response: { 200: technicianListSchema } }, onRequest: guard },
    async (request) => dispatch.listTechnicians(db, ctxOf(request)));
  app.put('/:id/profile', { schema: { tags: ttags, params: idParamsSchema, body: technicianProfileInputSchema, response: { 200: technicianSchema } }, onRequest: guard },
    async (request) => dispatch.saveTechnicianProfile(db, ctxOf(request), request.params.id, request.body));
};

/** SLA promises by type × priority × service level, mounted at /api/v1/sla-policies (HQ policy). */
export const slaPolicyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const ptags = ['SLA'];
  const write = requirePermission('sla.write');
  app.get('/', { schema: { tags: ptags, response: { 200: slaPolicyListSchema } }, onRequest: requirePermission('workorder.read') },
    async () => policies.listSlaPolicies(db));
  app.post('/', { schema: { tags: ptags, body: slaPolicyInputSchema, response: { 201: slaPolicySchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await policies.createSlaPolicy(db, ctxOf(request), request.body)));
  app.patch('/:id', { schema: { tags: ptags, params: idParamsSchema, body: updateSlaPolicySchema, response: { 200: slaPolicySchema } }, onRequest: write },
    async (request) => policies.updateSlaPolicy(db, ctxOf(request), request.params.id, request.body));
};

/** Compensation standards (赔偿标准), mounted at /api/v1/compensation-standards (HQ policy). */
export const compensationStandardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const ctags = ['work orders'];
  app.get('/', { schema: { tags: ctags, response: { 200: compensationStandardListSchema } }, onRequest: requirePermission('workorder.read') },
    async () => policies.listCompensationStandards(db));
  app.post('/', { schema: { tags: ctags, body: compensationStandardInputSchema, response: { 201: compensationStandardSchema } }, onRequest: requirePermission('sla.write') },
    async (request, reply) => reply.status(201).send(await policies.createCompensationStandard(db, ctxOf(request), request.body)));
};
