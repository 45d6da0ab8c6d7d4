// What survives a reload: the session id per invite, and a transcript per session.
// Transcripts hold patient text, so they stay on this device and are capped in size.

const PREFIX = "coproduce.chat.";
const MAX_ENTRIES = 400;

// Key the session by a hash of the invite, so the token itself is not a storage key.
function inviteKey(inviteToken) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < inviteToken.length; i += 1) {
    hash ^= inviteToken.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${PREFIX}session.${hash.toString(16)}`;
}

function read(key, fallback) {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? fallback : JSON.parse(raw);
  } catch (_error) {
    return fallback;
  }
}

function write(key, value) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch (_error) {
    // Private mode or a full quota: the chat still works, it just won't survive a reload.
  }
}

export function loadSessionId(inviteToken) {
  const id = read(inviteKey(inviteToken), null);
  return typeof id === "string" && /^[0-9a-f]{32}$/.test(id) ? id : null;
}

export function saveSessionId(inviteToken, sessionId) {
  write(inviteKey(inviteToken), sessionId);
}

export function loadTranscript(sessionId) {
  const state = read(`${PREFIX}transcript.${sessionId}`, null);
  if (!state || !Array.isArray(state.entries)) {
    return { entries: [], progress: null, finished: false };
  }
  return { entries: state.entries, progress: state.progress || null,
    finished: Boolean(state.finished) };
}

export function saveTranscript(sessionId, state) {
  write(`${PREFIX}transcript.${sessionId}`, {
    entries: state.entries.slice(-MAX_ENTRIES),
    progress: state.progress,
    finished: Boolean(state.finished),
  });
}
