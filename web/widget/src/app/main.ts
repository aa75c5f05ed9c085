/**
 * The chat inside the frame, framework-free. It keeps the visitor's token in this frame's
 * localStorage (so history survives reloads and new tabs on the shop), draws everything as
 * text, and talks to the shop's page only through postMessage with its checked origin.
 */
import { ApiError, createApi, type ChatMessage, type Session } from './api.ts';
import { pickLang, wordsFor } from './i18n.ts';
import { connectLive } from './live.ts';
import { createView, type Shown } from './view.ts';

const params = new URLSearchParams(location.search);
const channelId = params.get('channel') ?? '';
const parentOrigin = params.get('origin') ?? '';
const storageKey = `relais.visitor.${channelId}`;

function stored(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

function store(token: string): void {
  try {
    localStorage.setItem(storageKey, token);
  } catch {
    // Storage refused (private mode): the chat still works for this page view.
  }
}

/** The frame's own storage when the browser allows it, else what the loader kept on the shop's origin. */
function fromLoader(): string | null {
  const value = new URLSearchParams(location.hash.slice(1)).get('t');
  return value && value.length < 400 ? value : null;
}

let token = stored() ?? fromLoader();
let renewTimer: number | undefined;
const api = createApi(() => token, renew);

/** Takes a session's token, and renews it an hour before it expires (tokens rotate). */
function adopt(session: Session): void {
  token = session.token;
  store(token);
  tellParent({ relais: 'token', token });
  window.clearTimeout(renewTimer);
  const wait = Math.max(60_000, session.expiresAt - Date.now() - 3_600_000);
  renewTimer = window.setTimeout(() => void renew().catch(() => undefined), Math.min(wait, 2 ** 31 - 1));
}

/** A fresh token for the same visitor (the server renews one that expired not too long ago). */
async function renew(): Promise<void> {
  adopt(await api.session(channelId, parentOrigin, token));
}

function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function tellParent(message: unknown): void {
  if (window.parent !== window) window.parent.postMessage(message, parentOrigin);
}

async function boot(): Promise<void> {
  let session: Session;
  try {
    session = await api.session(channelId, parentOrigin, token);
  } catch {
    return;
  }
  adopt(session);
  const { settings } = session;
  const lang = pickLang(settings.language, params.get('lang') ?? '');
  document.documentElement.lang = lang;
  const w = wordsFor(lang);
  document.documentElement.style.setProperty('--primary', settings.primaryColor);
  document.documentElement.style.setProperty('--on-primary', settings.textColor);
  document.body.classList.add(`at-${settings.position}`);
  const view = createView(w, lang);
  view.setTitle(settings.name, settings.greeting[lang]);

  let messages: Shown[] = [];
  let agentReadAt = session.history.agentReadAt;
  let open = false;
  let unread = 0;
  let emailGiven = session.history.emailGiven;
  if (!settings.open) view.setOffline(settings.backAt, !emailGiven);

  const render = () => view.render(messages, agentReadAt, (message) => void deliver(message));
  const merge = (incoming: ChatMessage) => {
    const index = messages.findIndex((m) => m.id === incoming.id || (incoming.clientMessageId !== null && m.clientMessageId === incoming.clientMessageId));
    if (index >= 0) {
      messages[index] = { ...incoming, state: 'sent' };
      return false;
    }
    messages.push({ ...incoming, state: 'sent' });
    messages.sort((a, b) => a.at - b.at);
    return true;
  };
  const load = (history: ChatMessage[]) => {
    const pending = messages.filter((m) => m.state !== 'sent');
    messages = history.map((m) => ({ ...m, state: 'sent' as const }));
    for (const m of pending) if (!messages.some((s) => s.clientMessageId === m.clientMessageId)) messages.push(m);
    render();
  };
  load(session.history.messages);

  const live = connectLive(() => token, {
    message(message) {
      const added = merge(message);
      if (added && message.direction === 'out') {
        view.setTyping(false);
        if (open) live.read();
        else view.setUnread(++unread);
      }
      render();
    },
    typing: (on) => view.setTyping(on),
    read(at) {
      agentReadAt = at;
      render();
    },
    reconnected: () => void api.history().then((history) => {
      agentReadAt = history.agentReadAt;
      load(history.messages);
    }),
  });

  const setOpen = (next: boolean) => {
    open = next;
    view.setOpen(open);
    tellParent({ relais: 'size', open, position: settings.position });
    if (open) {
      unread = 0;
      view.setUnread(0);
      live.read();
      view.text.focus();
    } else view.launcher.focus();
  };

  async function deliver(message: Shown): Promise<void> {
    const { attachmentIds = [], email } = message.outgoing ?? {};
    message.state = 'pending';
    render();
    try {
      await api.send({ clientMessageId: message.clientMessageId!, text: message.text, attachments: attachmentIds, ...(email ? { email } : {}) });
      view.showNotice(null);
    } catch (error) {
      message.state = 'failed';
      view.showNotice(error instanceof ApiError && error.status === 429 ? w.tooFast : error instanceof ApiError ? error.message : w.unavailable);
      render();
    }
  }

  const submit = async (attachment?: { id: string; name: string; type: 'image' | 'file'; url: string }) => {
    const text = view.text.value.trim();
    if (!text && !attachment) return;
    const email = settings.open || emailGiven ? undefined : view.email.value.trim();
    if (email !== undefined && !view.email.checkValidity()) {
      view.showNotice(w.emailNeeded);
      view.email.focus();
      return;
    }
    if (!attachment) view.text.value = '';
    const message: Shown = {
      id: '', direction: 'in', text: attachment ? '' : text, attachments: attachment ? [attachment] : [], at: Date.now(), clientMessageId: newClientId(), state: 'pending',
      outgoing: { attachmentIds: attachment ? [attachment.id] : [], ...(email ? { email } : {}) },
    };
    messages.push(message);
    await deliver(message);
    if (email && message.state !== 'failed') {
      emailGiven = true;
      view.hideEmail();
    }
    live.typing(false);
  };

  view.launcher.addEventListener('click', () => setOpen(!open));
  view.closeButton.addEventListener('click', () => setOpen(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open) setOpen(false);
  });
  view.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  let typingTimer = 0;
  view.text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  });
  view.text.addEventListener('input', () => {
    live.typing(true);
    clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => live.typing(false), 3000);
  });
  view.file.addEventListener('change', async () => {
    const chosen = view.file.files?.[0];
    view.file.value = '';
    if (!chosen) return;
    if (chosen.size > 3 * 1024 * 1024) return view.showNotice(w.fileTooBig);
    try {
      await submit(await api.upload(chosen));
    } catch (error) {
      view.showNotice(error instanceof ApiError && error.status === 415 ? w.fileType : error instanceof ApiError && error.status === 413 ? w.fileTooBig : w.unavailable);
    }
  });

  // Only the page that embeds us, on the origin Relais checked, may identify the visitor.
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.origin !== parentOrigin) return;
    const data = event.data as { relais?: string; identity?: unknown; signature?: string | null };
    if (data?.relais !== 'identify') return;
    void api.identify(data.identity, data.signature ?? null).then((result) => {
      if (result.status === 'refused') console.warn('Relais: identify signature is invalid; the identity was ignored');
    }, (error: unknown) => console.warn('Relais: identify refused', error));
  });
  tellParent({ relais: 'size', open: false, position: settings.position });
  tellParent({ relais: 'ready' });
}

void boot();
