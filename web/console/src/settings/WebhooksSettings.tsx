import { useCallback, useId, useRef, useState } from 'react';
import type { SubscribableEvent, WebhookSubscription } from '../../../../src/contracts/index.ts';
import {
  createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, replayWebhookDelivery, rotateWebhookSecret, sendWebhookTest, updateWebhook,
} from '../api/webhooks.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { errorText, fieldErrorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { useAction } from './use-action.ts';

/**
 * Outgoing webhooks: the shop's own systems subscribe to Relais events. The signing secret is
 * shown once, at creation or rotation; each subscription's delivery log can be read and any
 * delivery sent again.
 */
export function WebhooksSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listWebhooks(), []);
  const [webhooks, reload] = useResource(load);
  const [secret, setSecret] = useState<{ url: string; secret: string }>();
  const action = useAction();

  return (
    <section className="card" aria-labelledby="webhooks-title" data-testid="webhooks">
      <h2 id="webhooks-title">{t('settings.webhooks')}</h2>
      <p className="muted">{t('webhooks.intro')}</p>
      {secret && <SecretOnce url={secret.url} secret={secret.secret} onDone={() => setSecret(undefined)} />}
      {webhooks.state === 'failed' && <Alert tone="error">{errorText(webhooks.error, i18n)}</Alert>}
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      {webhooks.state === 'ready' && (
        <>
          <WebhookForm key="new" events={webhooks.data.events} submitLabel={t('webhooks.create')}
            onSubmit={async (input) => {
              const created = await createWebhook(input);
              setSecret({ url: created.subscription.url, secret: created.secret });
              await reload();
            }} />
          <ul className="settings-list webhooks-list" data-testid="webhooks-list">
            {webhooks.data.subscriptions.length === 0 && <li className="muted">{t('webhooks.empty')}</li>}
            {webhooks.data.subscriptions.map((subscription) => (
              <WebhookRow key={subscription.id} subscription={subscription} events={webhooks.data.events} busy={action.busy}
                run={(key, work) => void action.run(key, work, reload)} onSecret={(value) => setSecret({ url: subscription.url, secret: value })} onSaved={reload} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function WebhookRow({ subscription, events, busy, run, onSecret, onSaved }: {
  subscription: WebhookSubscription; events: SubscribableEvent[]; busy: string | undefined;
  run: (key: string, work: () => Promise<unknown>) => void; onSecret: (secret: string) => void; onSaved: () => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState(false);
  const [log, setLog] = useState(false);
  const id = subscription.id;
  const status = subscription.enabled ? t('webhooks.on') : subscription.disabledReason === 'failing' ? t('webhooks.offFailing') : t('webhooks.off');
  return (
    <li className="webhook-row" data-testid="webhook-row">
      <div className="webhook-head">
        <div>
          <strong className="webhook-url">{subscription.url}</strong>
          {subscription.description && <span className="muted"> · {subscription.description}</span>}
          <p className="muted">
            <span className={subscription.enabled ? 'webhook-status' : 'webhook-status webhook-status-off'} data-testid="webhook-status">{status}</span>
            {' · '}{subscription.events.join(', ')}
            {subscription.failingSince !== null && <> · {t('webhooks.failingSince', { when: i18n.relative(subscription.failingSince) })}</>}
          </p>
        </div>
        <div className="webhook-actions">
          <Button variant="ghost" aria-expanded={editing} onClick={() => setEditing(!editing)}>{t('settings.edit')}</Button>
          <Button variant="ghost" pending={busy === `toggle:${id}`} onClick={() => run(`toggle:${id}`, () => updateWebhook(id, { enabled: !subscription.enabled }))}>
            {subscription.enabled ? t('webhooks.turnOff') : t('webhooks.turnOn')}
          </Button>
          <Button variant="ghost" disabled={!subscription.enabled} pending={busy === `test:${id}`} data-testid="webhook-test"
            onClick={() => run(`test:${id}`, async () => { await sendWebhookTest(id); setLog(true); })}>{t('webhooks.test')}</Button>
          <Button variant="ghost" pending={busy === `secret:${id}`} onClick={() => run(`secret:${id}`, async () => onSecret((await rotateWebhookSecret(id)).secret))}>{t('webhooks.rotate')}</Button>
          <Button variant="ghost" aria-expanded={log} onClick={() => setLog(!log)} data-testid="webhook-log-toggle">{t('webhooks.log')}</Button>
          <ConfirmButton label={t('settings.delete')} confirmLabel={t('settings.confirmDelete')} pending={busy === `delete:${id}`} onConfirm={() => run(`delete:${id}`, () => deleteWebhook(id))} />
        </div>
      </div>
      {editing && (
        <WebhookForm events={events} initial={subscription} submitLabel={t('common.save')}
          onSubmit={async (input) => { await updateWebhook(id, input); setEditing(false); await onSaved(); }} />
      )}
      {log && <DeliveryLog subscriptionId={id} enabled={subscription.enabled} />}
    </li>
  );
}

function WebhookForm({ events, initial, submitLabel, onSubmit }: {
  events: SubscribableEvent[]; initial?: WebhookSubscription; submitLabel: string;
  onSubmit: (input: { url: string; description: string; events: SubscribableEvent[] }) => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [url, setUrl] = useState(initial?.url ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [chosen, setChosen] = useState<SubscribableEvent[]>(events.filter((name) => initial?.events.includes(name)));
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setFailure(undefined);
    try {
      await onSubmit({ url: url.trim(), description: description.trim(), events: chosen });
      if (!initial) {
        setUrl('');
        setDescription('');
        setChosen([]);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };
  const urlError = fieldErrorText(failure, 'url', i18n);
  const eventsError = fieldErrorText(failure, 'events', i18n);
  return (
    <form className="webhook-form" onSubmit={(event) => void submit(event)} data-testid={initial ? 'webhook-edit' : 'webhook-new'}>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('webhooks.url')}</label>
        <input id={`${id}-url`} name="url" type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" maxLength={2000} required
          aria-invalid={urlError ? true : undefined} aria-describedby={urlError ? `${id}-url-error` : undefined} />
        {urlError && <p className="field-error" id={`${id}-url-error`}>{urlError}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('webhooks.description')}</label>
        <input id={`${id}-description`} name="description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} />
      </div>
      <fieldset className="webhook-events">
        <legend>{t('webhooks.events')}</legend>
        {events.map((name) => (
          <label key={name} className="checkbox">
            <input type="checkbox" name="events" value={name} checked={chosen.includes(name)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, name] : chosen.filter((c) => c !== name))} />
            <code>{name}</code>
          </label>
        ))}
        {eventsError && <p className="field-error">{eventsError}</p>}
      </fieldset>
      <Button type="submit" variant={initial ? 'secondary' : 'primary'} pending={pending} disabled={!url.trim() || chosen.length === 0}>{submitLabel}</Button>
      {failure !== undefined && !urlError && !eventsError && <span className="field-error">{errorText(failure, i18n)}</span>}
    </form>
  );
}

/** The secret, once: copy it now, it is never shown again. */
function SecretOnce({ url, secret, onDone }: { url: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      input.current?.select();
    }
  };
  return (
    <div className="webhook-secret" role="status" data-testid="webhook-secret">
      <label htmlFor={id}>{t('webhooks.secretFor', { url })}</label>
      <div className="invite-link-row">
        <input id={id} ref={input} readOnly value={secret} spellCheck={false} onFocus={(event) => event.target.select()} data-testid="webhook-secret-value" />
        <Button onClick={() => void copy()}>{copied ? t('common.copied') : t('common.copy')}</Button>
        <Button variant="ghost" onClick={onDone}>{t('common.close')}</Button>
      </div>
      <p className="field-hint">{t('webhooks.secretOnce')}</p>
    </div>
  );
}

function DeliveryLog({ subscriptionId, enabled }: { subscriptionId: string; enabled: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listWebhookDeliveries(subscriptionId).then((r) => r.deliveries), [subscriptionId]);
  const [deliveries, reload] = useResource(load);
  const action = useAction();
  return (
    <div className="webhook-log" data-testid="webhook-log">
      <div className="card-head">
        <h3>{t('webhooks.log')}</h3>
        <Button variant="ghost" onClick={() => void reload()}>{t('settings.refresh')}</Button>
      </div>
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      {deliveries.state === 'failed' && <Alert tone="error">{errorText(deliveries.error, i18n)}</Alert>}
      {deliveries.state === 'ready' && deliveries.data.length === 0 && <p className="muted">{t('webhooks.logEmpty')}</p>}
      {deliveries.state === 'ready' && deliveries.data.length > 0 && (
        <table className="webhook-table">
          <thead>
            <tr>
              <th scope="col">{t('webhooks.when')}</th><th scope="col">{t('webhooks.event')}</th><th scope="col">{t('webhooks.state')}</th>
              <th scope="col">{t('webhooks.answer')}</th><th scope="col">{t('webhooks.next')}</th><th scope="col"><span className="visually-hidden">{t('webhooks.replay')}</span></th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <tr key={d.id} data-testid="webhook-delivery" data-state={d.state}>
                <td>{i18n.date(d.createdAt)}{d.replayOf && <span className="muted"> · {t('webhooks.replayed')}</span>}</td>
                <td>
                  <details>
                    <summary><code>{d.eventType}</code></summary>
                    <p className="muted"><code>{d.webhookId}</code></p>
                    <pre className="webhook-body">{d.body}</pre>
                    {d.responseSnippet && <><p className="muted">{t('webhooks.response')}</p><pre className="webhook-body">{d.responseSnippet}</pre></>}
                  </details>
                </td>
                <td>{t(`webhooks.state.${d.state}`)} · {t('settings.attempts', { count: d.attempts })}</td>
                <td>{d.responseStatus ?? '—'}{d.durationMs !== null && <span className="muted"> · {d.durationMs} ms</span>}{d.error && <p className="delivery-error"><code>{d.error}</code></p>}</td>
                <td>{d.nextAttemptAt !== null ? i18n.date(d.nextAttemptAt) : '—'}</td>
                <td><Button variant="ghost" disabled={!enabled} pending={action.busy === d.id} data-testid="webhook-replay"
                  onClick={() => void action.run(d.id, () => replayWebhookDelivery(subscriptionId, d.id), reload)}>{t('webhooks.replay')}</Button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
