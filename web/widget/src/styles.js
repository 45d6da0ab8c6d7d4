// Styles live inside the shadow root, so the host page's CSS cannot reach them.
// Sizes are in rem (the reader's own text size) and nothing has a fixed height.
export const STYLES = `
:host { all: initial; display: block; color: #1b1f24; line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem; }
*, *::before, *::after { box-sizing: border-box; }
.chat { display: flex; flex-direction: column; background: #fff; border: 1px solid #c9d1db;
  border-radius: 0.75rem; overflow: hidden; min-width: 0; }
:host([data-layout="page"]) .chat { flex: 1; min-height: 100%; overflow: visible; }
:host([data-layout="page"]) { display: flex; flex-direction: column; flex: 1; }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem;
  flex-wrap: wrap; padding: 0.5rem 0.875rem; border-bottom: 1px solid #e1e6ec; background: #f7f9fb;
  border-radius: 0.75rem 0.75rem 0 0; }
/* On the chat page the bar (and "Question 3 of 11") stays in view as the chat scrolls. */
:host([data-layout="page"]) .bar { position: sticky; top: 0; z-index: 2; }
.title { margin: 0; font-size: 1rem; font-weight: 700; }
.progress { margin: 0; font-size: 0.875rem; color: #3d4650; display: flex; align-items: center;
  gap: 0.5rem; }
.progress[hidden], .offline[hidden], .typing[hidden], .replies[hidden] { display: none; }
.meter { width: 4.5rem; height: 0.375rem; background: #dde3ea; border-radius: 1rem; overflow: hidden; }
.meter > span { display: block; height: 100%; background: #0b4f8a; }
.offline { margin: 0; width: 100%; font-size: 0.875rem; color: #7a3e00; }
.log { margin: 0; padding: 0.875rem; display: flex; flex-direction: column;
  gap: 0.5rem; overflow-y: auto; max-height: min(34rem, 65vh); min-height: 10rem; }
:host([data-layout="page"]) .log { max-height: none; flex: 1; overflow: visible; }
.log:focus-visible { outline-offset: -3px; }
.msg { max-width: 85%; padding: 0.5rem 0.75rem; border-radius: 1rem; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.msg.bot { align-self: flex-start; background: #eef2f7; border-bottom-left-radius: 0.25rem; }
.msg.user { align-self: flex-end; background: #0b4f8a; color: #fff; border-bottom-right-radius: 0.25rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.msg.card { align-self: stretch; max-width: 40rem; width: 100%; background: #fff;
  border: 2px solid #0b4f8a; border-radius: 0.75rem; padding: 0.75rem; white-space: normal; }
.card h3 { margin: 0 0 0.5rem; font-size: 1rem; }
.card dl { margin: 0; }
.card .topic { display: grid; grid-template-columns: 1fr auto; column-gap: 0.5rem; align-items: start;
  padding: 0.5rem 0; border-top: 1px solid #e1e6ec; }
.card dt .short { display: none; }
.card.compact dt .short { display: inline; }
.card.compact dt .long { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.card.compact .topic { grid-template-columns: minmax(5rem, max-content) minmax(0, 1fr) auto;
  align-items: center; padding: 0.1875rem 0; }
.card.compact dt { grid-column: 1; }
.card.compact dd { grid-column: 2; margin: 0; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.card.compact .edit-cell { grid-column: 3; grid-row: 1; overflow: visible; }
.card .more { margin-top: 0.5rem; min-height: 2.75rem; font-size: 0.875rem; }
.card .topic:first-child { border-top: 0; padding-top: 0; }
.card dt { font-weight: 700; font-size: 0.875rem; color: #3d4650; }
.card dd { margin: 0.125rem 0 0; grid-column: 1; white-space: pre-wrap; overflow-wrap: anywhere; }
.card dd.skipped { color: #4b5563; font-style: italic; }
.card .edit-cell { grid-column: 2; grid-row: 1 / span 2; align-self: center; margin: 0; }
.typing { align-self: flex-start; margin: 0 0.875rem 0.5rem; padding: 0.625rem 0.875rem;
  background: #eef2f7; border-radius: 1rem; display: inline-flex; gap: 0.25rem; width: max-content; }
.typing span { width: 0.5rem; height: 0.5rem; border-radius: 50%; background: #5b6570;
  animation: blink 1.2s infinite ease-in-out; }
.typing span:nth-child(2) { animation-delay: 0.2s; }
.typing span:nth-child(3) { animation-delay: 0.4s; }
@keyframes blink { 0%, 80%, 100% { opacity: 0.3; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .typing span { animation: none; } }
.replies { display: flex; flex-wrap: wrap; gap: 0.5rem; padding: 0 0.875rem 0.75rem; }
.replies:focus { outline: none; }
/* 0-10 as targets of at least 44 x 44 px: two even rows (0-5, 6-10) on a phone or with large
   text, one row where the chat is wide enough for all eleven. */
.replies { container: replies / inline-size; }
.scale { display: grid; grid-template-columns: repeat(6, minmax(2.75rem, 1fr)); gap: 0.375rem;
  width: 100%; max-width: 40rem; }
@container replies (min-width: 35rem) {
  .scale { grid-template-columns: repeat(11, minmax(2.75rem, 1fr)); }
}
.scale-ends { display: flex; justify-content: space-between; gap: 1rem; width: 100%;
  max-width: 40rem; margin: 0; font-size: 0.875rem; color: #3d4650; }
.msg.alert { background: #fdecea; border: 2px solid #a4000f; color: #4a0008; font-weight: 600;
  max-width: 100%; align-self: stretch; }
.msg a[href^="tel:"] { color: inherit; font-weight: 700; text-decoration: underline;
  text-underline-offset: 0.15em; }
.done { margin: 0; padding: 0.875rem; border-top: 1px solid #e1e6ec; font-weight: 700;
  color: #14532d; background: #f0fdf4; border-radius: 0 0 0.75rem 0.75rem; }
button { font: inherit; cursor: pointer; border-radius: 1.25rem; border: 2px solid #0b4f8a;
  background: #fff; color: #0b4f8a; padding: 0.375rem 0.875rem; min-height: 2.75rem;
  line-height: 1.25; }
@media (hover: hover) { button:hover { background: #e6eef7; } }
button:disabled { cursor: default; border-color: #9aa5b1; color: #4b5563; background: #f3f5f8; }
.scale button { padding: 0.25rem 0; min-width: 2.75rem; min-height: 2.75rem; border-radius: 0.375rem;
  font-weight: 700; border-width: 1.5px; }
.card .edit { min-height: 2.5rem; padding: 0.25rem 0.75rem; font-size: 0.875rem; }
.card.compact .edit { min-height: 2rem; padding: 0.125rem 0.625rem; }
:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.composer { display: flex; gap: 0.5rem; align-items: flex-end; padding: 0.625rem 0.875rem 0.875rem;
  border-top: 1px solid #e1e6ec; background: #fff; border-radius: 0 0 0.75rem 0.75rem; }
:host([data-layout="page"]) .composer { position: sticky; bottom: 0; }
/* Keep what scrolls into view clear of the sticky composer. */
:host([data-layout="page"]) .msg, :host([data-layout="page"]) .replies,
:host([data-layout="page"]) .typing { scroll-margin-bottom: 6rem; }
textarea { flex: 1; min-width: 0; font: inherit; color: inherit; resize: none; min-height: 2.75rem;
  max-height: 10rem; padding: 0.5rem 0.75rem; border: 2px solid #5b6570; border-radius: 0.75rem;
  background: #fff; }
textarea:focus-visible { outline: 3px solid #b34700; outline-offset: 1px; }
.send { background: #0b4f8a; color: #fff; font-weight: 700; border-radius: 0.75rem; }
@media (hover: hover) { .send:hover { background: #083b67; } }
.notice { padding: 1rem; margin: 0; }
`;
