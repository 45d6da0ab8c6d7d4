// The chat's view: the log of messages, quick replies, the read-back card, the composer.
import { button, el, shown } from "./dom.js";
import { STYLES } from "./styles.js";

const SCALE = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

// Phone numbers in the bot's words become tap-to-call links: 999, 111, 116 123, 0300 123 4567.
const PHONE = /(?<![\d-])(?:999|111|112|911|116 ?\d{3}|0\d{3,4} ?\d{3} ?\d{3,4})(?![\d-])/g;

function linked(text) {
  const parts = [];
  let at = 0;
  for (const found of text.matchAll(PHONE)) {
    parts.push(document.createTextNode(shown(text.slice(at, found.index))));
    parts.push(el("a", { href: `tel:${found[0].replace(/ /g, "")}`, text: found[0] }));
    at = found.index + found[0].length;
  }
  parts.push(document.createTextNode(shown(text.slice(at))));
  return parts;
}

// "from 0 (nowhere near) to 10 (exactly where you'd like to be)" names the scale's ends.
function scaleEnds(question) {
  const found = /0 \(([^)]+)\) to 10 \(([^)]+)\)/.exec(question || "");
  return found ? [`0 = ${found[1]}`, `10 = ${found[2]}`] : null;
}

function isScale(replies) {
  const titles = replies.map((reply) => String(reply.title));
  return SCALE.every((n) => titles.includes(n));
}

export class ChatView {
  constructor(host, { onSend }) {
    this.onSend = onSend;
    this.root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLES;
    this.title = el("p", { className: "title", text: "Before your visit" });
    this.meterFill = el("span");
    this.progressText = el("span");
    this.progress = el("p", { className: "progress", hidden: true, "aria-live": "polite" },
      this.progressText, el("span", { className: "meter", "aria-hidden": "true" }, this.meterFill));
    this.offline = el("p", { className: "offline", role: "status", hidden: true });
    // A live log of messages (divs: list items may not sit in a role="log").
    this.log = el("div", { className: "log", role: "log", "aria-live": "polite",
      "aria-label": "Conversation", tabindex: "0" });
    this.typing = el("div", { className: "typing", hidden: true, "aria-hidden": "true" },
      el("span"), el("span"), el("span"));
    this.replies = el("div", { className: "replies", role: "group",
      "aria-label": "Suggested answers", tabindex: "-1", hidden: true });
    this.input = el("textarea", { id: "coproduce-answer", rows: "1", maxlength: "4000",
      autocomplete: "off", placeholder: "Type your answer…" });
    this.sendButton = el("button", { type: "submit", className: "send", text: "Send" });
    this.composer = el("form", { className: "composer" },
      el("label", { className: "sr-only", for: "coproduce-answer", text: "Your answer" }),
      this.input, this.sendButton);
    this.chat = el("section", { className: "chat", "aria-label": "Pre-visit chat" },
      el("div", { className: "bar" }, this.title, this.progress, this.offline),
      this.log, this.typing, this.replies, this.composer);
    this.root.append(style, this.chat);
    this.cards = [];
    this.bindComposer();
  }

  bindComposer() {
    this.composer.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = "";
      this.fitInput();
      this.onSend(text, text);
    });
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.composer.requestSubmit();
      }
    });
    this.input.addEventListener("input", () => this.fitInput());
  }

  fitInput() {
    this.input.style.height = "auto";
    this.input.style.height = `${this.input.scrollHeight + 4}px`;
  }

  // Draw one transcript entry; return its node so a duplicate can be taken out later.
  append(entry) {
    let node;
    if (entry.card) node = this.card(entry.card);
    else if (entry.from === "user") node = el("div", { className: "msg user" },
      el("span", { className: "sr-only", text: "You said: " }),
      document.createTextNode(entry.text || ""));
    else node = el("div", { className: "msg bot" }, ...linked(entry.text || ""));
    if (entry.alert) this.markAlert(node);
    if (entry.from === "user") this.closeCards();
    this.log.append(node);
    this.scrollToEnd(node);
    return node;
  }

  card(card) {
    const list = el("dl");
    const edits = [];
    for (const topic of card.topics || []) {
      const text = topic.text === null || topic.text === undefined ? "" : String(topic.text);
      const edit = button("Edit", () => this.onSend(topic.edit_payload, `Change: ${topic.label}`),
        "edit");
      edit.setAttribute("aria-label", `Edit: ${topic.label}`);
      edits.push(edit);
      // The long label in full; a word or two of it when the card is compact.
      const label = el("dt", {},
        el("span", { className: "long", text: topic.label }),
        el("span", { className: "short", "aria-hidden": "true",
          text: topic.short_label || topic.label }));
      list.append(el("div", { className: "topic" },
        label,
        el("dd", { className: text ? "" : "skipped", text: text || "Skipped" }),
        el("dd", { className: "edit-cell" }, edit)));
    }
    this.cards.push(edits);
    // One line per topic, so the question under the card stays in view; the whole text is a
    // tap away, and always there for screen readers (the clipping is visual only).
    const node = el("div", { className: "msg bot card compact" },
      el("h3", { text: "What I've noted, in your words" }), list);
    const more = button("Show in full", () => {
      const open = node.classList.toggle("compact") === false;
      more.textContent = open ? "Show less" : "Show in full";
      more.setAttribute("aria-expanded", String(open));
    }, "more");
    more.setAttribute("aria-expanded", "false");
    node.append(more);
    return node;
  }

  // Only the newest read-back can be edited, and only until the patient answers it.
  closeCards() {
    for (const edits of this.cards) for (const edit of edits) edit.disabled = true;
  }

  // Safety guidance stands apart from the chat, and is read out at once.
  markAlert(node) {
    node.classList.add("alert");
    if (!node.querySelector(".alert-body")) {
      const body = el("div", { className: "alert-body", role: "alert" });
      body.append(...node.childNodes);
      node.append(body);
    }
  }

  // The conversation is over: nothing more to type, and the page says so.
  finish(text) {
    this.showReplies(null);
    this.composer.replaceWith(el("p", { className: "done", role: "status", text }));
  }

  showReplies(replies, question) {
    const hadFocus = this.root.activeElement === this.replies
      || this.replies.contains(this.root.activeElement);
    this.replies.replaceChildren();
    if (!replies || replies.length === 0) {
      this.replies.hidden = true;
      if (hadFocus) this.input.focus();
      return;
    }
    const pick = (reply) => () => {
      this.replies.focus();
      this.onSend(reply.payload, reply.title);
    };
    if (isScale(replies)) {
      const scale = el("div", { className: "scale", role: "group", "aria-label": "0 to 10" });
      for (const reply of replies) {
        if (SCALE.includes(String(reply.title))) scale.append(button(reply.title, pick(reply)));
      }
      this.replies.append(scale);
      const ends = scaleEnds(question);
      if (ends) {
        this.replies.append(el("p", { className: "scale-ends" },
          el("span", { text: ends[0] }), el("span", { text: ends[1] })));
      }
      for (const reply of replies) {
        if (!SCALE.includes(String(reply.title))) this.replies.append(button(reply.title, pick(reply)));
      }
    } else {
      for (const reply of replies) this.replies.append(button(reply.title, pick(reply)));
    }
    this.replies.hidden = false;
    if (hadFocus) this.replies.querySelector("button").focus();
    this.scrollToEnd(this.replies);
  }

  setProgress(progress) {
    if (!progress || !progress.step) {
      this.progress.hidden = true;
      delete this.progress.dataset.topic;
      return;
    }
    // Which question this is, for the page around the widget (and its tests) to read.
    this.progress.dataset.topic = progress.topic || "";
    this.progressText.textContent = `Question ${progress.step} of ${progress.total}`;
    this.meterFill.style.width = `${Math.round((100 * progress.step) / progress.total)}%`;
    this.progress.hidden = false;
  }

  setTyping(on) {
    this.typing.hidden = !on;
    if (on) this.scrollToEnd(this.typing);
  }

  setOffline(text) {
    this.offline.textContent = text || "";
    this.offline.hidden = !text;
  }

  // The link no longer works (replaced, expired, visit cancelled): nothing more can be sent.
  closeComposer(placeholder) {
    this.input.disabled = true;
    this.sendButton.disabled = true;
    this.input.placeholder = placeholder;
    this.showReplies(null);
  }

  notice(text) {
    this.chat.replaceChildren(el("p", { className: "notice", role: "alert", text }));
  }

  scrollToEnd(node) {
    if (this.log.scrollHeight > this.log.clientHeight) this.log.scrollTop = this.log.scrollHeight;
    if (this.root.host.dataset.layout === "page" && node.scrollIntoView) {
      node.scrollIntoView({ block: "nearest" });
    }
  }
}
