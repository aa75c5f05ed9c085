import { useCallback, useState, type ChangeEvent } from 'react';
import { listMediaApi, uploadMediaApi } from '../api/publishing.ts';
import { useI18n } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { errorText } from '../ui/error-text.ts';
import { useResource } from '../ui/use-resource.ts';
import { knownMedia, mediaPath } from './media.ts';


/** Images from the media library, picked in order; an upload lands in the library and is picked. */
export function MediaPicker({ selected, onChange }: { selected: string[]; onChange: (ids: string[]) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback(async () => {
    const { media } = await listMediaApi();
    for (const m of media) knownMedia.set(m.id, m.url);
    return media;
  }, []);
  const [library, reload] = useResource(load);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const media = await uploadMediaApi(file);
      await reload();
      onChange([...selected, media.id]);
    } catch (caught) {
      setError(caught);
    } finally {
      setUploading(false);
    }
  };
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);

  return (
    <fieldset className="pub-media" data-testid="pub-media">
      <legend>{t('composer.pub.media')}</legend>
      {error !== null && <Alert tone="error">{errorText(error, i18n)}</Alert>}
      {library.state === 'ready' && library.data.length === 0 && <p className="muted">{t('composer.pub.noMedia')}</p>}
      {library.state === 'ready' && (
        <ul className="pub-media-list">
          {library.data.map((m) => (
            <li key={m.id}>
              <label className={selected.includes(m.id) ? 'pub-media-item pub-media-picked' : 'pub-media-item'}>
                <input type="checkbox" checked={selected.includes(m.id)} onChange={() => toggle(m.id)} data-testid="pub-media-item" />
                <img src={mediaPath(m.url)} alt={m.name} width={64} height={64} loading="lazy" />
              </label>
            </li>
          ))}
        </ul>
      )}
      <label className="button button-secondary pub-upload">
        {uploading ? t('composer.pub.uploading') : t('composer.pub.upload')}
        <input type="file" accept="image/jpeg,image/png" onChange={(e) => void upload(e)} className="visually-hidden" data-testid="pub-upload" />
      </label>
    </fieldset>
  );
}
