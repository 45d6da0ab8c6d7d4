// Coproduce's patient chat. Embed with:
//   <script src="https://coproduce.example/widget.js" data-invite-token="…"
//           data-server="https://coproduce.example" async></script>
import { connect, NotFoundError, openChatSession } from "./connection.js";
import { loadSessionId, loadTranscript, saveSessionId, saveTranscript } from "./store.js";
import { ChatView } from "./view.js";

const STEP_MS = 350; // a short "typing" pause between bot messages, so they can be followed
const FINISHED = "All done. Your answers are with your clinic, and you can close this page.";
const LINK_GONE = "This chat link isn't working. It may have expired, or your clinic may "
  + "have sent a newer one. Please ask your clinic for a new link.";

function sameLabels(text, card) {
  const labels = (card.topics || []).map((topic) => topic.label);
  return labels.length > 0 && labels.every((label) => text.includes(label));
}

class Chat {
  constructor(host, { server, inviteToken }) {
    this.server = server;
    this.inviteToken = inviteToken;
    this.queue = [];
    this.draining = false;
    this.waiting = false;
    this.view = new ChatView(host, { onSend: (payload, shown) => this.send(payload, shown) });
  }

  async start() {
    let session;
    try {
      session = await openChatSession(this.server, this.inviteToken,
        loadSessionId(this.inviteToken));
    } catch (error) {
      if (error instanceof NotFoundError) this.view.notice(LINK_GONE);
      else this.view.notice("We couldn't reach the chat. Please check your connection "
        + "and reload the page.");
      return;
    }
    this.sessionId = session.session_id;
    saveSessionId(this.inviteToken, this.sessionId);
    this.state = loadTranscript(this.sessionId);
    this.restore();
    this.wire = connect(this.server, this.inviteToken, session, {
      onReady: () => this.ready(),
      onMessage: (message) => this.receive(message),
      onOffline: () => this.view.setOffline("Reconnecting…"),
      onInviteGone: () => this.view.notice(LINK_GONE),
    });
  }

  // Show the conversation so far, and the question that is waiting, after a reload.
  restore() {
    const shown = this.state.entries.filter((entry) => !entry.hidden);
    for (const entry of shown) entry.node = this.view.append(entry);
    this.view.setProgress(this.state.progress);
    const last = shown[shown.length - 1];
    if (last && last.from === "bot") this.view.showReplies(last.replies, last.text);
    if (last && last.from === "user") this.view.closeCards();
    if (this.state.finished) this.view.finish(FINISHED);
  }

  ready() {
    this.view.setOffline("");
    if (this.state.entries.length === 0 && !this.greeted) {
      this.greeted = true;
      this.waitForReply();
      this.wire.send("/greet");
    }
  }

  send(payload, shown) {
    if (!this.wire) return;
    this.record({ from: "user", text: shown });
    this.view.showReplies(null);
    this.waitForReply();
    this.wire.send(payload);
  }

  waitForReply() {
    this.waiting = true;
    this.view.setTyping(true);
    clearTimeout(this.waitTimer);
    this.waitTimer = setTimeout(() => {
      this.waiting = false;
      if (!this.draining) this.view.setTyping(false);
    }, 30000);
  }

  receive(message) {
    this.queue.push(message);
    if (!this.draining) this.drain();
  }

  // Show queued bot messages one by one, with the typing dots between them.
  drain() {
    const message = this.queue.shift();
    if (!message) {
      this.draining = false;
      this.view.setTyping(false);
      return;
    }
    this.draining = true;
    this.waiting = false;
    clearTimeout(this.waitTimer);
    this.show(message);
    if (this.queue.length === 0) {
      this.draining = false;
      this.view.setTyping(false);
      return;
    }
    this.view.setTyping(true);
    setTimeout(() => this.drain(), STEP_MS);
  }

  show(message) {
    const custom = message.custom;
    if (custom && custom.type === "progress") {
      this.state.progress = custom;
      this.view.setProgress(custom);
      this.save();
      return;
    }
    if (custom && custom.type === "chat_closed") {
      // A wait (too many tries from this address) passes; a dead link does not.
      if (custom.reason !== "rate_limited") this.view.closeComposer("This chat link is closed");
      return;
    }
    if (custom && custom.type === "safety_guidance") {
      // The guidance text came just before: show it as an alert, apart from the chat.
      this.markAlert();
      return;
    }
    if (custom && custom.type === "chat_finished") {
      this.state.finished = true;
      this.save();
      this.view.finish(FINISHED);
      return;
    }
    if (custom && custom.type === "summary") {
      this.state.progress = null;
      this.view.setProgress(null);
      this.hideDuplicateReadBack(custom);
      this.record({ from: "bot", card: { topics: custom.topics } });
      return;
    }
    if (typeof message.text !== "string" || !message.text) return;
    const replies = (message.quick_replies || message.buttons || [])
      .filter((reply) => reply && reply.title && reply.payload)
      .map((reply) => ({ title: String(reply.title), payload: String(reply.payload) }));
    this.record({ from: "bot", text: message.text, replies });
    this.view.showReplies(replies, message.text);
  }

  markAlert() {
    for (let i = this.state.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.state.entries[i];
      if (entry.from !== "bot" || !entry.text) continue;
      entry.alert = true;
      if (entry.node) this.view.markAlert(entry.node);
      this.save();
      return;
    }
  }

  // The read-back comes as text and as a card; the card replaces the text.
  hideDuplicateReadBack(card) {
    for (let i = this.state.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.state.entries[i];
      if (entry.from !== "bot" || entry.hidden) continue;
      if (entry.text && sameLabels(entry.text, card)) {
        entry.hidden = true;
        if (entry.node) entry.node.remove();
      }
      return;
    }
  }

  record(entry) {
    entry.node = this.view.append(entry);
    this.state.entries.push(entry);
    this.save();
  }

  save() {
    const entries = this.state.entries.map(({ node, ...rest }) => rest);
    saveTranscript(this.sessionId,
      { entries, progress: this.state.progress, finished: this.state.finished });
  }
}

function boot(script) {
  if (!script || script.dataset.coproduceStarted) return;
  script.dataset.coproduceStarted = "1";
  const inviteToken = script.dataset.inviteToken;
  const server = (script.dataset.server || new URL(script.src, document.baseURI).origin)
    .replace(/\/+$/, "");
  let host = script.dataset.mount ? document.querySelector(script.dataset.mount) : null;
  if (!host) {
    host = document.createElement("div");
    script.insertAdjacentElement("afterend", host);
  }
  host.style.setProperty("display", script.dataset.layout === "page" ? "flex" : "block", "important");
  if (script.dataset.layout) host.dataset.layout = script.dataset.layout;
  host.classList.add("coproduce-chat");
  const chat = new Chat(host, { server, inviteToken: inviteToken || "" });
  if (!inviteToken) {
    chat.view.notice(LINK_GONE);
    return;
  }
  chat.start();
}

boot(document.currentScript
  || document.querySelector("script[data-invite-token]:not([data-coproduce-started])"));
