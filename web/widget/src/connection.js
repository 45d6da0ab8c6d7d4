// The conversation's wire: a chat token from the API, then Rasa's socket.io channel.
import { io } from "socket.io-client";

export class NotFoundError extends Error {}

export async function openChatSession(server, inviteToken, sessionId) {
  const body = { invite_token: inviteToken };
  if (sessionId) body.session_id = sessionId;
  const response = await fetch(`${server}/api/v1/chat-sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
    credentials: "omit",
    referrerPolicy: "no-referrer",
  });
  if (response.status === 404) throw new NotFoundError("invite not found");
  if (!response.ok) throw new Error(`chat-sessions answered ${response.status}`);
  return response.json();
}

// Connect to Rasa; call `handlers.onMessage` for each bot message. A refused socket
// (an expired token, say) asks the API for a fresh token and tries again, a few times.
export function connect(server, inviteToken, chatSession, handlers) {
  const sessionId = chatSession.session_id;
  let refusals = 0;
  const socket = io(chatSession.socket_url, {
    path: "/socket.io",
    auth: { token: chatSession.token },
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    reconnectionDelayMax: 10000,
  });
  socket.on("connect", () => {
    refusals = 0;
    socket.emit("session_request", { session_id: sessionId });
  });
  socket.on("session_confirm", () => handlers.onReady());
  socket.on("bot_uttered", (message) => handlers.onMessage(message || {}));
  socket.on("disconnect", () => handlers.onOffline());
  socket.on("connect_error", async () => {
    handlers.onOffline();
    if (socket.active || refusals >= 3) return; // the client retries by itself
    refusals += 1;
    try {
      const fresh = await openChatSession(server, inviteToken, sessionId);
      socket.auth = { token: fresh.token };
      setTimeout(() => socket.connect(), 1000 * refusals);
    } catch (error) {
      if (error instanceof NotFoundError) handlers.onInviteGone();
    }
  });
  return {
    send(message) {
      socket.emit("user_uttered", {
        message,
        session_id: sessionId,
        customData: { invite_token: inviteToken },
      });
    },
    get connected() {
      return socket.connected;
    },
  };
}
