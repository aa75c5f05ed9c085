/**
 * Emojis and emoticons carry much of the tone of a social message and need no language.
 * Relais's own ratings, on the AFINN scale. 🙃 🙄 😒 are also read as irony markers by the
 * scorer, since customers use them to undercut a "merci" or a "great".
 */

const EMOJI: Record<string, string> = {
  '4': '😍 🥰 🤩 🥳 😻',
  '3': '❤ 💕 💖 💗 💓 💞 💝 😘 🙌 👏 💯 🎉 😋 🤗 😇 ✨ 🌟 🔥 💪 ☺ 😊 😁 😄 😃 😀 👌 👍 🤙 🫶 💐',
  '2': '💙 💚 💛 💜 🧡 🤍 🖤 😉 😎 😆 😂 🤣 ⭐ 🎁 🙏 ✅ 😏 🌸 🌈 ☀ 🍾 🥂',
  '1': '🙂 😅 🤞',
  '-1': '😐 😑 😶 😬 🤔 😳 ⏳ ⌛',
  '-2': '😕 🙁 ☹ 😟 😔 😞 😢 😥 😓 😩 😫 😖 😣 😰 😨 😱 🥺 🤦 🤷 😤 🙄 😒 ❌ ⚠ 🚫 👀 🤡',
  '-3': '😠 😭 💔 👎 🤮 🤢 💩 😾 😿 🖕',
  '-4': '😡 🤬',
};

const EMOTICONS: Record<string, string> = {
  '2': ':) :-) =) :] :D :-D =D ;) ;-) :P :p :-P :-p ;P ;p ^^ ^_^ :3 :* :-*',
  '3': '<3 <33 <333',
  '-1': ':/ :-/ :\\ :|',
  '-2': ':( :-( =( :[ :\'( D: >:(',
};

/** Emojis that mark what surrounds them as ironic (a "merci 🙃" is not thanks). */
export const IRONY_EMOJIS = new Set(['🙃', '🙄', '😒', '🤡']);

function build(table: Record<string, string>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [valence, items] of Object.entries(table)) {
    for (const item of items.split(/\s+/)) if (item && !map.has(item)) map.set(item, Number(valence));
  }
  return map;
}

/** Emojis are looked up by their base code point (skin tones and U+FE0F are dropped by the tokenizer). */
export const EMOJI_VALENCE = build(EMOJI);
export const EMOTICON_VALENCE = build(EMOTICONS);
