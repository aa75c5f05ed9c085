import { useI18n } from '../i18n/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { goShortcuts, inboxShortcuts, publishingShortcuts } from './shortcuts.ts';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onClose={onClose} title={t('shortcuts.title')} testId="shortcut-help">
      <h3 className="shortcut-section">{t('shortcuts.everywhere')}</h3>
      <dl className="shortcut-list">
        {goShortcuts.map((shortcut) => (
          <div key={shortcut.key}>
            <dt><kbd>g</kbd> <span className="muted">{t('shortcuts.then')}</span> <kbd>{shortcut.key}</kbd></dt>
            <dd>{t(shortcut.label)}</dd>
          </div>
        ))}
        <div><dt><kbd>?</kbd></dt><dd>{t('shortcuts.help')}</dd></div>
        <div><dt><kbd>o</kbd></dt><dd>{t('shortcuts.availability')}</dd></div>
        <div><dt><kbd>Esc</kbd></dt><dd>{t('shortcuts.close')}</dd></div>
      </dl>
      <h3 className="shortcut-section">{t('shortcuts.inboxSection')}</h3>
      <dl className="shortcut-list" data-testid="inbox-shortcuts">
        {inboxShortcuts.map((shortcut) => (
          <div key={shortcut.label}>
            <dt>{shortcut.keys.map((key, index) => <span key={key}>{index > 0 && ' '}<kbd>{key}</kbd></span>)}</dt>
            <dd>{t(shortcut.label)}</dd>
          </div>
        ))}
        <div><dt><kbd>Ctrl</kbd> <kbd>Enter</kbd></dt><dd>{t('shortcuts.send')}</dd></div>
      </dl>
      <h3 className="shortcut-section">{t('shortcuts.publishingSection')}</h3>
      <dl className="shortcut-list" data-testid="publishing-shortcuts">
        {publishingShortcuts.map((shortcut) => (
          <div key={shortcut.label}>
            <dt>{shortcut.keys.map((key, index) => <span key={key}>{index > 0 && ' '}<kbd>{key}</kbd></span>)}</dt>
            <dd>{t(shortcut.label)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
