/**
 * The script a shop embeds: `<script src="https://<relais>/widget.js" data-channel="<id>" async>`.
 * It adds one iframe (the chat lives inside, so no style leaks either way), sizes it when the
 * frame asks, and exposes `Relais.identify(identity, signature)`. Nothing else touches the page.
 */
interface Identity {
  email?: string;
  name?: string;
  customerId?: string;
  cartToken?: string;
}

interface RelaisApi {
  identify(identity: Identity, signature?: string): void;
}

declare global {
  interface Window {
    Relais?: RelaisApi;
  }
}

const CLOSED = { width: '88px', height: '88px' };
const OPEN = { width: 'min(400px, 100vw)', height: 'min(640px, 100vh)' };

function start(script: HTMLScriptElement): void {
  const channel = script.getAttribute('data-channel');
  if (!channel) return;
  const relais = new URL(script.src).origin;
  const lang = (document.documentElement.lang || navigator.language || 'fr').slice(0, 2).toLowerCase();
  const frame = document.createElement('iframe');
  const params = new URLSearchParams({ channel, origin: location.origin, lang });
  // Browsers refuse storage to third-party frames: the visitor's token is kept here, on the
  // shop's origin, and handed to the frame in the fragment (never sent to any server).
  const key = `relais.visitor.${channel}`;
  let token: string | null;
  try {
    token = localStorage.getItem(key);
  } catch {
    token = null;
  }
  frame.src = `${relais}/widget/frame?${params.toString()}${token ? `#t=${encodeURIComponent(token)}` : ''}`;
  frame.title = lang === 'en' ? 'Chat with us' : 'Discutez avec nous';
  frame.setAttribute('data-relais-widget', '');
  frame.setAttribute('allow', '');
  const css = (name: string, value: string) => frame.style.setProperty(name, value, 'important');
  for (const [name, value] of Object.entries({
    position: 'fixed', bottom: '0', right: '0', left: 'auto', top: 'auto', border: '0', margin: '0', padding: '0',
    background: 'transparent', 'color-scheme': 'normal', 'z-index': '2147483000', 'max-width': '100vw', 'max-height': '100vh', display: 'block',
    // What a shop's own `iframe { … !important }` rules could otherwise hide, dim or shift.
    visibility: 'visible', opacity: '1', 'pointer-events': 'auto', transform: 'none', filter: 'none', 'clip-path': 'none',
    'min-width': '0', 'min-height': '0', 'box-shadow': 'none', 'border-radius': '0', float: 'none', translate: 'none', scale: 'none', rotate: 'none',
    ...CLOSED,
  })) css(name, value);

  let ready = false;
  const pending: unknown[] = [];
  const post = (message: unknown) => {
    if (ready) frame.contentWindow?.postMessage(message, relais);
    else pending.push(message);
  };
  window.addEventListener('message', (event) => {
    if (event.origin !== relais || event.source !== frame.contentWindow) return;
    const data = event.data as { relais?: string; open?: boolean; position?: string; token?: unknown };
    if (data?.relais === 'token' && typeof data.token === 'string' && data.token.length < 400) {
      try {
        localStorage.setItem(key, data.token);
      } catch {
        // No storage here either: the conversation lasts as long as the page.
      }
    } else if (data?.relais === 'ready') {
      ready = true;
      pending.splice(0).forEach(post);
    } else if (data?.relais === 'size') {
      const size = data.open ? OPEN : CLOSED;
      css('width', size.width);
      css('height', size.height);
      css(data.position === 'left' ? 'left' : 'right', '0');
      css(data.position === 'left' ? 'right' : 'left', 'auto');
    }
  });
  window.Relais = {
    identify(identity, signature) {
      post({ relais: 'identify', identity, signature: signature ?? null });
    },
  };
  // The chat is never in the page's way: it is added once the page has loaded.
  const attach = () => document.body.appendChild(frame);
  if (document.readyState === 'complete') attach();
  else window.addEventListener('load', attach, { once: true });
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement && !document.querySelector('iframe[data-relais-widget]')) start(current);

export {};
