import { useCallback, useId, useState } from 'react';
import { createToken, listTokens, revokeToken, type ApiToken } from '../api/tokens.ts';
import type { TokenScope } from '../../../../src/contracts/permissions.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { Button } from '../ui/Button.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { errorText, fieldErrorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { useAction } from './use-action.ts';

const scopes: TokenScope[] = ['read', 'write', 'admin'];

/** "Jetons d'API": create one with a scope and an expiry (its value shown once), see each one's last use, revoke. */
export function ApiTokensSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(() => listTokens().then((answer) => answer.tokens), []);
  const [tokens, reload] = useResource(load);
  const action = useAction();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  return (
    <section className="card" aria-labelledby="tokens-title" data-testid="api-tokens">
      <div className="card-head">
        <h2 id="tokens-title">{t('settings.tokens')}</h2>
      </div>
      <p className="muted">{t('tokens.intro')}</p>
      <NewTokenForm onCreated={(answer) => { setCreated({ name: answer.token.name, secret: answer.secret }); void reload(); }} />
      {created && <SecretOnce name={created.name} secret={created.secret} onDone={() => setCreated(null)} />}
      {action.failure !== undefined && <Alert tone="error">{errorText(action.failure, i18n)}</Alert>}
      {tokens.state === 'failed' && <Alert tone="error">{errorText(tokens.error, i18n)}</Alert>}
      {tokens.state === 'ready' && tokens.data.length === 0 && <p className="muted">{t('tokens.empty')}</p>}
      {tokens.state === 'ready' && tokens.data.length > 0 && (
        <div>
          <table className="data-table" data-testid="token-rows">
            <thead>
              <tr>
                <th>{t('tokens.name')}</th><th>{t('tokens.scope')}</th><th>{t('tokens.createdBy')}</th><th>{t('tokens.created')}</th>
                <th>{t('tokens.expires')}</th><th>{t('tokens.lastUsed')}</th><th>{t('tokens.state')}</th><th><span className="visually-hidden">{t('tokens.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <TokenRow key={token.id} token={token} pending={action.busy === token.id} onRevoke={() => void action.run(token.id, () => revokeToken(token.id), reload)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TokenRow({ token, pending, onRevoke }: { token: ApiToken; pending: boolean; onRevoke: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const expired = token.expiresAt !== null && token.expiresAt <= Date.now();
  const state = token.revokedAt !== null ? t('tokens.revokedOn', { date: i18n.date(token.revokedAt) }) : expired ? t('tokens.expired') : t('tokens.active');
  return (
    <tr data-testid="token-row" data-name={token.name} data-state={token.revokedAt !== null ? 'revoked' : expired ? 'expired' : 'active'}>
      <td><strong>{token.name}</strong></td>
      <td><span className={`scope-badge scope-${token.scope}`} title={t(`tokens.scopeHint.${token.scope}`)}>{t(`tokens.scope.${token.scope}`)}</span></td>
      <td>{token.createdBy?.name ?? t('tokens.byOperator')}</td>
      <td title={i18n.date(token.createdAt)}>{i18n.relative(token.createdAt)}</td>
      <td>{token.expiresAt === null ? t('tokens.never') : i18n.date(token.expiresAt)}</td>
      <td data-testid="token-last-used" title={token.lastUsedIp ? t('tokens.fromIp', { ip: token.lastUsedIp }) : undefined}>
        {token.lastUsedAt === null ? t('tokens.neverUsed') : i18n.relative(token.lastUsedAt)}
      </td>
      <td data-testid="token-state">{state}</td>
      <td>
        {token.revokedAt === null && (
          <ConfirmButton label={t('tokens.revoke')} confirmLabel={t('tokens.confirmRevoke', { name: token.name })} pending={pending} onConfirm={onRevoke} />
        )}
      </td>
    </tr>
  );
}

/** Tomorrow as `YYYY-MM-DD` in local time: the earliest expiry a date input offers. */
function tomorrow(): string {
  const date = new Date(Date.now() + 24 * 60 * 60_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function NewTokenForm({ onCreated }: { onCreated: (answer: { token: ApiToken; secret: string }) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [expires, setExpires] = useState('');
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>();

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim() || pending) return;
    setPending(true);
    setFailure(undefined);
    try {
      // The end of the chosen day, in the browser's time zone.
      const expiresAt = expires ? new Date(`${expires}T23:59:59`).getTime() : null;
      onCreated(await createToken({ name: name.trim(), scope, expiresAt }));
      setName('');
      setExpires('');
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const nameError = fieldErrorText(failure, 'name', i18n);
  return (
    <form className="token-form" onSubmit={(event) => void submit(event)} data-testid="token-new">
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
        <input id={`${id}-name`} name="name" value={name} maxLength={120} onChange={(event) => setName(event.target.value)} placeholder={t('tokens.namePlaceholder')} aria-invalid={nameError ? true : undefined} />
      </div>
      <fieldset className="field token-scopes">
        <legend>{t('tokens.scope')}</legend>
        {scopes.map((value) => (
          <label key={value} className="radio">
            <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} />
            <span><strong>{t(`tokens.scope.${value}`)}</strong> <span className="muted">{t(`tokens.scopeHint.${value}`)}</span></span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-expires`}>{t('tokens.expiresOn')}</label>
        <input id={`${id}-expires`} name="expires" type="date" min={tomorrow()} value={expires} onChange={(event) => setExpires(event.target.value)} aria-describedby={`${id}-expires-hint`} />
        <p className="field-hint" id={`${id}-expires-hint`}>{t('tokens.expiresHint')}</p>
      </div>
      <Button type="submit" variant="primary" pending={pending} disabled={!name.trim()}>{t('tokens.create')}</Button>
      {failure !== undefined && <p className="field-error" role="alert">{nameError ?? errorText(failure, i18n)}</p>}
    </form>
  );
}

/** The new token's value, once: copy it now, Relais keeps only its hash. */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };
  return (
    <div className="token-secret" role="status" data-testid="token-secret-box">
      <p><strong>{t('tokens.createdTitle', { name })}</strong></p>
      <p className="muted">{t('tokens.secretOnce')}</p>
      <p className="token-secret-line">
        <code data-testid="token-secret">{secret}</code>
        <Button variant="secondary" onClick={() => void copy()}>{t('tokens.copy')}</Button>
        {copied === 'yes' && <span className="muted" aria-live="polite">{t('tokens.copied')}</span>}
        {copied === 'no' && <span className="field-error" aria-live="polite">{t('tokens.copyFailed')}</span>}
      </p>
      <Button variant="ghost" onClick={onDone}>{t('tokens.secretDone')}</Button>
    </div>
  );
}
