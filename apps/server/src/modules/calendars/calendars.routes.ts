import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  calendarDaysQuerySchema, calendarDaysSchema, calendarPageSchema, calendarSchema, createCalendarInputSchema, deadlineRequestSchema,
  deadlineResponseSchema, holidayYearListSchema, holidayYearSchema, idParamsSchema, listCalendarsQuerySchema, orgCalendarParamsSchema,
  resolvedCalendarSchema, updateCalendarInputSchema, yearNoticeSchema,
} from '@sht/domain';
import { ctxOf, requirePermission } from '../../http/auth.js';
import * as calendars from './calendars.service.js';
import * as holidays from './calendars.holidays.service.js';

const tags = ['calendars'];

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;
  const read = requirePermission('calendar.read');
  const write = requirePermission('calendar.write');

  app.get('/', { schema: { tags, querystring: listCalendarsQuerySchema, response: { 200: calendarPageSchema } }, onRequest: read },
    async (request) => calendars.listCalendars(db, ctxOf(request), request.query));
  app.post('/', { schema: { tags, body: createCalendarInputSchema, response: { 201: calendarSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await calendars.createStoredCalendar(db, ctxOf(request), request.body)));

  // China's holiday notices by year (shared by every calendar that applies statutory holidays).
  app.get('/holiday-years', { schema: { tags, response: { 200: holidayYearListSchema } }, onRequest: read },
    async () => holidays.listHolidayYears(db));
  app.post('/holiday-years', { schema: { tags, body: yearNoticeSchema, response: { 201: holidayYearSchema } }, onRequest: write },
    async (request, reply) => reply.status(201).send(await holidays.loadHolidayNotice(db, ctxOf(request), request.body)));

  app.get('/for-org/:orgId', { schema: { tags, params: orgCalendarParamsSchema, response: { 200: resolvedCalendarSchema } }, onRequest: read },
    async (request) => calendars.getOrgCalendar(db, ctxOf(request), request.params.orgId));

  app.get('/:id', { schema: { tags, params: idParamsSchema, response: { 200: calendarSchema } }, onRequest: read },
    async (request) => calendars.getCalendar(db, ctxOf(request), request.params.id));
  app.patch('/:id', { schema: { tags, params: idParamsSchema, body: updateCalendarInputSchema, response: { 200: calendarSchema } }, onRequest: write },
    async (request) => calendars.updateStoredCalendar(db, ctxOf(request), request.params.id, request.body));
  app.get('/:id/days', { schema: { tags, params: idParamsSchema, querystring: calendarDaysQuerySchema, response: { 200: calendarDaysSchema } }, onRequest: read },
    async (request) => calendars.getCalendarDays(db, ctxOf(request), request.params.id, request.query));
  // A computation, not a change: reading the calendar is enough.
  app.post('/:id/deadline', { schema: { tags, params: idParamsSchema, body: deadlineRequestSchema, response: { 200: deadlineResponseSchema } }, onRequest: read },
    async (request) => calendars.calendarDeadline(db, ctxOf(request), request.params.id, request.body));
};
