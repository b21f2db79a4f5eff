import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  customerExportHeaders, customerKindLabels, customerSourceLabels, equipmentExportHeaders, equipmentStatusLabels, warrantyStartEventLabels,
  type CustomerSummary, type Equipment, type ExportCustomersQuery, type ExportEquipmentQuery, type Page,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { listCustomers } from '../customers/customers.service.js';
import { listEquipment } from '../equipment/equipment.service.js';

// Rows are fetched and written a page at a time, so a 100k-row export never sits in memory.
const EXPORT_PAGE_SIZE = 1000;

type Cell = string | null;

/**
 * Streams the pages of a list into one worksheet. The list functions of the modules do the
 * filtering and the scoping, so an export holds exactly what the list would show.
 */
async function writeSheet<T>(
  out: Writable,
  sheetName: string,
  headers: readonly string[],
  fetchPage: (page: number, pageSize: number) => Promise<Page<T>>,
  toCells: (item: T) => Cell[],
): Promise<void> {
  // No shared strings or styles: both would be kept in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).commit();
  for (let page = 1; ; page += 1) {
    const { items } = await fetchPage(page, EXPORT_PAGE_SIZE);
    for (const item of items) sheet.addRow(toCells(item)).commit();
    if (items.length < EXPORT_PAGE_SIZE) break;
  }
  sheet.commit();
  await workbook.commit();
}

function customerCells(c: CustomerSummary): Cell[] {
  return [
    c.name, customerKindLabels[c.kind], c.primaryContact, c.phones.join(', '), c.provinceName, c.cityName, c.countyName,
    customerSourceLabels[c.source], c.tags.join(', '), c.grade, c.orgName, c.isActive ? '启用' : '停用', c.createdAt,
  ];
}

function equipmentCells(u: Equipment): Cell[] {
  return [
    u.serialNo, u.modelCode, u.modelName, u.categoryName, u.customerName, u.orgName, u.outletOrgName, u.saleDate, u.deliveryDate,
    u.installationDate, u.acceptanceDate, u.warrantyStartEvent ? warrantyStartEventLabels[u.warrantyStartEvent] : null,
    equipmentStatusLabels[u.status], u.notes,
  ];
}

export function exportCustomers(db: Db, ctx: ServiceContext, q: ExportCustomersQuery, out: Writable): Promise<void> {
  return writeSheet(out, '客户', customerExportHeaders, (page, pageSize) => listCustomers(db, ctx, { ...q, page, pageSize }), customerCells);
}

export function exportEquipment(db: Db, ctx: ServiceContext, q: ExportEquipmentQuery, out: Writable): Promise<void> {
  return writeSheet(out, '装机档案', equipmentExportHeaders, (page, pageSize) => listEquipment(db, ctx, { ...q, page, pageSize }), equipmentCells);
}
