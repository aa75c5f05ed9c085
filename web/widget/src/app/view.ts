import type { Attachment, ChatMessage } from './api.ts';
import { el, icon, icons, ownFileUrl } from './dom.ts';
import { formatWhen, type Lang, type Words } from './i18n.ts';

/** A message on screen: sent, still on its way, or refused (the visitor may retry). */
export interface Shown extends ChatMessage {
  state: 'sent' | 'pending' | 'failed';
  /** What a message still to send carries, so a retry sends it again with its file and email. */
  outgoing?: { attachmentIds: string[]; email?: string };
}

export function createView(w: Words, lang: Lang) {
  const launcher = el('button', { type: 'button', class: 'launcher', 'data-testid': 'launcher', 'aria-label': w.open, 'aria-expanded': 'false' });
  launcher.append(icon(icons.chat));
  const badge = el('span', { class: 'badge', hidden: '', 'data-testid': 'unread' });
  launcher.append(badge);

  const title = el('strong', { class: 'title' });
  const closeButton = el('button', { type: 'button', class: 'close', 'aria-label': w.close, 'data-testid': 'close' }, '×');
  const greeting = el('p', { class: 'greeting', 'data-testid': 'greeting' });
  const list = el('ol', { class: 'messages', 'aria-live': 'polite', 'data-testid': 'messages' });
  const typing = el('p', { class: 'typing', hidden: '', 'data-testid': 'typing' }, w.typing);
  const offline = el('div', { class: 'offline', hidden: '', 'data-testid': 'offline' });
  const email = el('input', { type: 'email', name: 'email', autocomplete: 'email', 'data-testid': 'email', 'aria-label': w.emailLabel, placeholder: w.emailLabel });
  const emailRow = el('label', { class: 'email-row', hidden: '' }, email);
  const text = el('textarea', { rows: '2', maxlength: '2000', 'data-testid': 'composer', 'aria-label': w.placeholder, placeholder: w.placeholder });
  const file = el('input', { type: 'file', accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf', class: 'file', 'data-testid': 'file', 'aria-label': w.attach });
  const attachButton = el('button', { type: 'button', class: 'attach', 'aria-label': w.attach, title: w.attach }, icon(icons.clip));
  const sendButton = el('button', { type: 'submit', class: 'send', 'data-testid': 'send' }, w.send);
  const notice = el('p', { class: 'notice', role: 'alert', hidden: '', 'data-testid': 'notice' });
  const form = el('form', { class: 'composer', novalidate: '' }, emailRow, el('div', { class: 'row' }, text, file, attachButton, sendButton));
  const panel = el('section', { class: 'panel', hidden: '', 'data-testid': 'panel', role: 'dialog', 'aria-label': w.open },
    el('header', {}, title, closeButton), greeting, offline, list, typing, notice, form);
  document.body.append(panel, launcher);
  attachButton.addEventListener('click', () => file.click());

  const showNotice = (message: string | null) => {
    notice.textContent = message ?? '';
    notice.hidden = !message;
  };

  const attachmentNode = (attachment: Attachment) => {
    const url = ownFileUrl(attachment.url);
    if (!url) return el('span', { class: 'file-name' }, attachment.name);
    if (attachment.type === 'image') return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, el('img', { src: url, alt: attachment.name }));
    return el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'file-link' }, icon(icons.file), attachment.name);
  };

  return {
    launcher, closeButton, panel, form, text, file, email, list,
    setTitle(name: string, hello: string) {
      title.textContent = name;
      greeting.textContent = hello;
    },
    setOpen(open: boolean) {
      panel.hidden = !open;
      launcher.setAttribute('aria-expanded', String(open));
      launcher.setAttribute('aria-label', open ? w.close : w.open);
    },
    setUnread(count: number) {
      badge.hidden = count === 0;
      badge.textContent = String(count);
      badge.setAttribute('aria-label', `${count} ${w.unread}`);
    },
    setOffline(backAt: number | null, askEmail: boolean) {
      offline.hidden = false;
      offline.replaceChildren(el('p', {}, w.closed));
      if (backAt) offline.append(el('p', { 'data-testid': 'back-at' }, w.backAt.replace('{when}', formatWhen(lang, backAt))));
      if (askEmail) offline.append(el('p', {}, w.emailNeeded));
      emailRow.hidden = !askEmail;
      email.required = askEmail;
    },
    hideEmail() {
      emailRow.hidden = true;
      email.required = false;
    },
    setTyping(on: boolean) {
      typing.hidden = !on;
    },
    showNotice,
    render(messages: Shown[], agentReadAt: number | null, retry: (message: Shown) => void) {
      const lastIn = [...messages].reverse().find((m) => m.direction === 'in' && m.state === 'sent');
      list.replaceChildren(...messages.map((message) => {
        const item = el('li', { class: `message ${message.direction} ${message.state}`, 'data-testid': 'message', 'data-direction': message.direction, 'data-state': message.state });
        if (message.text) item.append(el('p', { class: 'text' }, message.text));
        for (const attachment of message.attachments) item.append(attachmentNode(attachment));
        if (message.state === 'pending') item.append(el('small', {}, w.sending));
        if (message.state === 'failed') {
          const again = el('button', { type: 'button', class: 'retry' }, w.failed);
          again.addEventListener('click', () => retry(message));
          item.append(again);
        }
        if (message === lastIn && agentReadAt !== null && agentReadAt >= message.at) item.append(el('small', { class: 'read', 'data-testid': 'read' }, w.read));
        return item;
      }));
      list.scrollTop = list.scrollHeight;
    },
  };
}

export type View = ReturnType<typeof createView>;
