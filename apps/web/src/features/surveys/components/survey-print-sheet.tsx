import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import i18next from 'i18next';
import dayjs from 'dayjs';
import type { SurveyQuestion, SurveyResponse, SurveyTemplate } from '@sht/domain';
import { useSurveyTemplate } from '../hooks/use-surveys';
import '../../../shared/print-sheet.css';
import '../surveys.css';

// 客户满意度调查表 is a Chinese paper form: printed in Chinese whatever the screen language.
const SHEET_LANGUAGE = 'zh-CN';
type Answer = SurveyResponse['answers'][number];

const box = (checked: boolean) => (checked ? '☑' : '☐');

function answerCell(q: SurveyQuestion, a: Answer | undefined): string {
  switch (q.kind) {
    case 'rating':
    case 'nps': {
      const from = q.kind === 'nps' ? 0 : 1;
      const to = q.kind === 'nps' ? 10 : (q.scale ?? 5);
      return Array.from({ length: to - from + 1 }, (_, k) => from + k).map((n) => `${box(a?.raw === n)}${n}`).join(' ');
    }
    case 'single':
    case 'multiple':
      return q.options.map((o) => `${box(!!a?.choices?.includes(o.value))}${o.label}`).join('  ');
    case 'text':
      return a?.text ?? '';
    default: {
      const never: never = q.kind;
      return never;
    }
  }
}

/** The blank form of a template, or the filled one of a response; rendered beside the app root for print CSS. */
export function SurveyPrintSheet({ template, response }: { template: SurveyTemplate; response?: SurveyResponse }) {
  // Keys are composed here, so the translator is used untyped; every key exists in both locale files.
  const t = i18next.getFixedT(SHEET_LANGUAGE) as unknown as (key: string, opts?: Record<string, unknown>) => string;
  const p = (key: string, opts?: Record<string, unknown>) => t(`surveys.print.${key}`, opts);
  const answers = new Map(response?.answers.map((a) => [a.questionId, a]));
  const title = template.audience === 'staff' ? p('titleStaff') : template.audience === 'dealer' ? p('titleDealer') : p('title');
  return createPortal(
    <div className="sht-print-sheet" data-testid={response ? 'survey-print-filled' : 'survey-print-blank'}>
      <h1>{title}</h1>
      <div className="sht-print-sheet__meta">
        <span>{template.name}(v{template.version})</span>
        <span>{p('date')}:{response ? dayjs(response.answeredAt).format('YYYY 年 M 月 D 日') : '      年    月    日'}</span>
      </div>
      {template.description && <p>{template.description}</p>}
      <table>
        <tbody>
          <tr>
            <th>{p('respondent')}</th>
            <td>{response?.respondentName ?? ''}</td>
            <th>{p('workOrder')}</th>
            <td>{response?.workOrderNumber ?? ''}</td>
          </tr>
        </tbody>
      </table>
      <table className="sht-print-sheet__inner" style={{ marginTop: '3mm' }}>
        <thead>
          <tr>
            <th style={{ width: '8%' }}>{p('no')}</th>
            <th style={{ width: '42%' }}>{p('question')}</th>
            <th>{p('answer')}</th>
          </tr>
        </thead>
        <tbody>
          {template.questions.map((q, i) => (
            <tr key={q.id}>
              <td>{i + 1}</td>
              <td>
                {q.text}
                {q.kind === 'rating' && <div>{p('scoreHint', { scale: q.scale })}</div>}
                {q.kind === 'nps' && <div>{p('npsHint')}</div>}
              </td>
              <td className={q.kind === 'text' ? 'sht-print-sheet__notes' : 'sht-print-sheet__scale'}>{answerCell(q, answers.get(q.id))}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={2}>{p('comment')}</td>
            <td className="sht-print-sheet__notes">{response?.comment ?? ''}</td>
          </tr>
          {response && (
            <tr>
              <td colSpan={2}>{p('total')}</td>
              <td>{response.score ?? ''}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="sht-print-sheet__footer">
        <span>{p('signature')}:</span>
      </div>
      <div className="sht-print-sheet__printed">{p('printedAt', { at: dayjs().format('YYYY-MM-DD HH:mm') })}</div>
    </div>,
    document.body,
  );
}

/** Prints once the sheet is in the page (a frame later, like the work-order sheets). */
export function usePrintWhenReady(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    const timer = window.setTimeout(() => window.print(), 300);
    return () => window.clearTimeout(timer);
  }, [ready]);
}

/** Loads a template and prints its blank form. */
export function PrintTemplate({ templateId }: { templateId: string }) {
  const template = useSurveyTemplate(templateId);
  usePrintWhenReady(!!template.data);
  return template.data ? <SurveyPrintSheet template={template.data} /> : null;
}
