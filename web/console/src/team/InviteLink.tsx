import { useId, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { Button } from '../ui/Button.tsx';

/** The one-time invitation link, selectable and copyable. */
export function InviteLink({ email, url }: { email: string; url: string }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // The clipboard API needs a secure context; selecting lets the person copy by hand.
      input.current?.select();
    }
  };

  return (
    <div className="invite-link" data-testid="invite-result">
      <label htmlFor={id}>{t('team.inviteLink', { email })}</label>
      <div className="invite-link-row">
        {/* A wrapping textarea shows the whole link, so it can be checked before sending. */}
        <textarea id={id} ref={input} readOnly value={url} rows={3} spellCheck={false} data-testid="invite-link" onFocus={(event) => event.target.select()} />
        <Button onClick={() => void copy()}>{copied ? t('common.copied') : t('common.copy')}</Button>
      </div>
      <p className="field-hint">{t('team.inviteLinkHint')}</p>
    </div>
  );
}
