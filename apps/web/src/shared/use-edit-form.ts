import { useEffect, useEffectEvent, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, toApiError } from '../api/api-error';
import { applyServerErrors } from '../api/form-errors';

/** A record saved under optimistic locking: the server refuses a stale `version` with VERSION_CONFLICT. */
type Versioned = { id: string; version: number };

type FormFill<V> = Parameters<FormInstance<V>['setFieldsValue']>[0];

export type EditFormOptions<R extends Versioned, V> = {
  form: FormInstance<V>;
  open: boolean;
  /** The record being edited; absent when creating. */
  record: R | undefined;
  toFormValues: (record: R) => FormFill<V>;
  /** What a new record's form starts with (plain values: compared by content). */
  createValues: FormFill<V>;
  getLatest: (id: string) => Promise<R>;
  /** Server error codes about one field of the form (USERNAME_TAKEN → username). */
  fieldByCode?: Record<string, string>;
  create: (values: V) => Promise<unknown>;
  /** Sends the edit; the input must carry `record.version`. */
  update: (record: R, values: V) => Promise<unknown>;
  messages: { created: string; updated: string };
  onSaved: () => void;
};

/** What the modal around the form shows: saving, a conflict, errors that belong to no field. */
export type EditFormStatus = {
  isEdit: boolean;
  isSaving: boolean;
  /** Someone else saved the record since it was loaded; saving is blocked until reloaded. */
  hasConflict: boolean;
  /** Server messages that belong to no field. */
  formError: string | null;
  reloadLatest: () => void;
  submit: () => void;
};

export type EditForm<R extends Versioned, V> = EditFormStatus & {
  /** The record as last loaded: the one opened, or the latest after a conflict. */
  current: R | undefined;
  onFinish: (values: V) => void;
};

/**
 * Create-or-edit form state: resets when opened, saves, maps server errors onto fields and
 * handles a version conflict by offering to load the latest record.
 */
export function useEditForm<R extends Versioned, V>(options: EditFormOptions<R, V>): EditForm<R, V> {
  const { form, open, record } = options;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<R | undefined>(record);
  const [hasConflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  // Reset on opening, on switching records, and when the create defaults change: they may arrive
  // just after opening (a parent picked in the tree reaches the URL in a transition).
  const createKey = JSON.stringify(options.createValues);
  const reset = useEffectEvent(() => {
    setCurrent(record);
    setConflict(false);
    setFormError(null);
    form.resetFields();
    form.setFieldsValue(record ? options.toFormValues(record) : options.createValues);
  });
  useEffect(() => {
    if (open) reset();
  }, [open, record, createKey]);

  const showError = (err: unknown) => {
    const error = toApiError(err, t('common.networkError'));
    if (isApiError(error, 'VERSION_CONFLICT')) return setConflict(true);
    const unmatched = applyServerErrors(form, error, options.fieldByCode);
    if (unmatched.length > 0) setFormError(unmatched.join('；'));
  };

  const reloadLatest = () => {
    if (!current) return;
    options.getLatest(current.id).then((latest) => {
      setCurrent(latest);
      setConflict(false);
      form.setFieldsValue(options.toFormValues(latest));
    }, showError);
  };

  const onFinish = (values: V) => {
    setFormError(null);
    setSaving(true);
    const saving = current ? options.update(current, values) : options.create(values);
    const done = current ? options.messages.updated : options.messages.created;
    saving
      .then(() => {
        message.success(done);
        options.onSaved();
      }, showError)
      .finally(() => setSaving(false));
  };

  return {
    current,
    isEdit: record !== undefined,
    isSaving,
    hasConflict,
    formError,
    reloadLatest,
    submit: () => form.submit(),
    onFinish,
  };
}
