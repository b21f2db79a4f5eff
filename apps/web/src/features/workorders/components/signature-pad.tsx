import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error';
import { attachmentsApi } from '../../attachments/attachments.api';

type Props = { orderId: string; value?: string | null; onChange?: (attachmentId: string | null) => void };

const WIDTH = 600;
const HEIGHT = 200;

/**
 * 客户签名: the customer signs on the phone's screen with a finger (or a mouse); the drawing is
 * uploaded as a PNG attachment of the order (purpose signature) and its id goes into the report.
 */
export function SignaturePad({ orderId, value, onChange }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, [value]);

  // Pointer position in canvas pixels, whatever size the canvas is shown at.
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - box.left) / box.width) * WIDTH, y: ((e.clientY - box.top) / box.height) * HEIGHT };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
    setDirty(true);
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = () => {
    drawing.current = false;
  };
  const clear = () => {
    const ctx = canvas.current?.getContext('2d');
    ctx?.fillRect(0, 0, WIDTH, HEIGHT);
    setDirty(false);
  };
  const save = () => {
    const el = canvas.current;
    if (!el) return;
    setBusy(true);
    setError(null);
    el.toBlob((blob) => {
      if (!blob) {
        setBusy(false);
        return;
      }
      attachmentsApi.upload({ ownerType: 'work_order', ownerId: orderId, purpose: 'signature' }, blob, 'signature.png').then(
        (attachment) => {
          setBusy(false);
          setDirty(false);
          onChange?.(attachment.id);
        },
        (err: unknown) => {
          setBusy(false);
          setError(toApiError(err, t('common.networkError')).message);
        },
      );
    }, 'image/png');
  };

  if (value) {
    return (
      <Space orientation="vertical" data-testid="wo-signature">
        <img src={attachmentsApi.contentUrl(value)} alt={t('workOrders.signature.title')} className="sht-wo-signature__image" data-testid="wo-signature-image" />
        <Button onClick={() => onChange?.(null)} data-testid="wo-signature-redo">{t('workOrders.signature.redo')}</Button>
      </Space>
    );
  }
  return (
    <div data-testid="wo-signature">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        className="sht-wo-signature__pad"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        data-testid="wo-signature-pad"
        aria-label={t('workOrders.signature.hint')}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={clear} disabled={!dirty || busy}>{t('workOrders.signature.clear')}</Button>
        <Button type="primary" onClick={save} disabled={!dirty} loading={busy} data-testid="wo-signature-save">{t('workOrders.signature.save')}</Button>
      </Space>
    </div>
  );
}
