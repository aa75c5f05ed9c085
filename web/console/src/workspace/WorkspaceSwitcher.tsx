import { useEffect, useRef, useState } from 'react';
import { switchWorkspace } from '../api/relais.ts';
import { useMe, useSession } from '../auth/SessionProvider.tsx';
import { useI18n } from '../i18n/index.ts';
import { navigate } from '../router/router.ts';
import { Alert } from '../ui/Alert.tsx';
import { errorText } from '../ui/error-text.ts';
import { CreateWorkspaceDialog } from './CreateWorkspaceDialog.tsx';
import './workspace.css';

/** Header disclosure listing the caller's workspaces; an agency runs one per shop. */
export function WorkspaceSwitcher() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [pendingId, setPendingId] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const choose = async (workspaceId: string) => {
    if (workspaceId === me.workspace.id) return setOpen(false);
    setPendingId(workspaceId);
    setFailure(undefined);
    try {
      session.update(await switchWorkspace(workspaceId));
      setOpen(false);
      navigate('/inbox');
    } catch (error) {
      setFailure(error);
    } finally {
      setPendingId(undefined);
    }
  };

  return (
    <div className="switcher" ref={root}>
      <button
        type="button"
        className="switcher-button"
        aria-expanded={open}
        aria-label={t('workspace.switcher', { name: me.workspace.name })}
        data-testid="workspace-switcher"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="switcher-name">{me.workspace.name}</span>
        <span className="switcher-caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="switcher-panel" data-testid="workspace-panel">
          <h2 className="switcher-title">{t('workspace.yours')}</h2>
          {failure !== undefined && <Alert tone="error">{errorText(failure, i18n)}</Alert>}
          <ul className="switcher-list">
            {me.workspaces.map((workspace) => (
              <li key={workspace.id}>
                <button
                  type="button"
                  className="switcher-item"
                  aria-current={workspace.id === me.workspace.id ? 'true' : undefined}
                  disabled={pendingId !== undefined}
                  aria-busy={pendingId === workspace.id || undefined}
                  onClick={() => void choose(workspace.id)}
                >
                  <span className="switcher-item-name">{workspace.name}</span>
                  <span className="switcher-item-role">{t(`role.${workspace.role}`)}</span>
                  {pendingId === workspace.id && <span className="spinner" aria-hidden="true" />}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="switcher-create" onClick={() => { setOpen(false); setCreating(true); }}>
            + {t('workspace.create')}
          </button>
        </div>
      )}
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
